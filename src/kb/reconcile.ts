import type { DrawClaim } from "./extract/draws.js";
import type { FoundTable } from "./extract/occupations.js";
import { yearOfVersion } from "./feed/parse.js";
import { compareRounds, roundOrder } from "./feed/round-id.js";
import { roundTypeOf } from "./lexicon.js";
import { reconcileLists, type ListsInput, type ReconciledLists } from "./lists/reconcile.js";
import type {
  BuildWarning,
  CategoryId,
  Conflict,
  Draw,
  Fact,
  KnowledgeBase,
  ListedOccupation,
  Occupation,
  RoundId,
  Source,
  SourceList,
  TieBreak,
} from "./schema.js";
import { titleKey } from "./text.js";

type Value = string | number | TieBreak;

function keyOf(v: Value): string {
  return typeof v === "object" ? `${v.date} ${v.time ?? ""}` : String(v);
}

function uniqueSorted(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}

/** Orders sources newest first by their as-of date, for breaking ties between equally supported values. */
function newestFirst(sources: ReadonlyMap<string, Source>) {
  return (a: string, b: string): number => (sources.get(b)?.asOf ?? "").localeCompare(sources.get(a)?.asOf ?? "") || a.localeCompare(b);
}

function isOfficial(sources: ReadonlyMap<string, Source>, id: string): boolean {
  return sources.get(id)?.kind === "official";
}

interface Tally {
  value: Value;
  sources: Set<string>;
}

// IRCC's own record wins over any number of articles; among equals, the value more sources state, then the newest.
function choose(tallies: Tally[], sources: ReadonlyMap<string, Source>): Tally | undefined {
  const order = newestFirst(sources);
  const official = (t: Tally): number => [...t.sources].filter((s) => isOfficial(sources, s)).length;
  return [...tallies].sort((a, b) => {
    if (official(b) !== official(a)) return official(b) - official(a);
    if (b.sources.size !== a.sources.size) return b.sources.size - a.sources.size;
    const newestA = [...a.sources].sort(order)[0] ?? "";
    const newestB = [...b.sources].sort(order)[0] ?? "";
    return order(newestA, newestB) || keyOf(a.value).localeCompare(keyOf(b.value));
  })[0];
}

function tally(claims: readonly DrawClaim[], read: (c: DrawClaim) => Value | null): Tally[] {
  const byKey = new Map<string, Tally>();
  for (const c of claims) {
    const v = read(c);
    if (v === null) continue;
    const k = keyOf(v);
    const t = byKey.get(k) ?? { value: v, sources: new Set<string>() };
    t.sources.add(c.source);
    byKey.set(k, t);
  }
  return [...byKey.values()];
}

function conflictOf(field: string, chosen: Tally, tallies: readonly Tally[]): Conflict | null {
  if (tallies.length < 2) return null;
  return {
    field,
    chosen: chosen.value,
    claims: [...tallies]
      .sort((a, b) => keyOf(a.value).localeCompare(keyOf(b.value)))
      .map((t) => ({ value: t.value, sources: uniqueSorted(t.sources) })),
  };
}

// Tie-breaking timestamps: a claim with only the date agrees with any claim of the same date and a time.
function reconcileTieBreak(claims: readonly DrawClaim[], sources: ReadonlyMap<string, Source>) {
  const byDate = tally(claims, (c) => c.tieBreak?.date ?? null);
  const date = choose(byDate, sources);
  if (!date) return { value: null, sources: [] as string[], conflicts: [] as Conflict[] };
  const conflicts: Conflict[] = [];
  const dateConflict = conflictOf("tieBreak.date", date, byDate);
  if (dateConflict) conflicts.push(dateConflict);
  const times = tally(
    claims.filter((c) => c.tieBreak?.date === date.value),
    (c) => c.tieBreak?.time ?? null,
  );
  const time = choose(times, sources);
  const timeConflict = time ? conflictOf("tieBreak.time", time, times) : null;
  if (timeConflict) conflicts.push(timeConflict);
  return { value: { date: String(date.value), time: time ? String(time.value) : null }, sources: uniqueSorted(date.sources), conflicts };
}

// Fields whose values sources can contradict: a difference is a conflict.
const FACT_FIELDS = ["date", "time", "roundType", "category", "invitations", "crs"] as const;

// Fields as each source words them ("STEM occupations (Version 1)" and "STEM occupations (2023-1)" name the same
// round): the official wording is kept when there is one, and another wording is not a disagreement.
const WORDING_FIELDS = ["name", "version", "program"] as const;

function reconcileRound(round: RoundId, claims: readonly DrawClaim[], sources: ReadonlyMap<string, Source>): Draw {
  const draw: Draw = {
    round,
    order: roundOrder(round),
    date: null,
    time: null,
    roundType: null,
    program: null,
    category: null,
    name: null,
    version: null,
    listYear: null,
    invitations: null,
    crs: null,
    tieBreak: null,
    distribution: null,
    sources: uniqueSorted(claims.map((c) => c.source)),
    provenance: {},
    conflicts: [],
  };
  const officialClaims = claims.filter((c) => isOfficial(sources, c.source));
  for (const field of [...FACT_FIELDS, ...WORDING_FIELDS]) {
    const tallies = tally(claims, (c) => c[field]);
    const chosen = choose(tallies, sources);
    if (!chosen) continue;
    (draw as Record<string, unknown>)[field] = chosen.value;
    draw.provenance[field] = uniqueSorted(chosen.sources);
    const wordingOfficial = (WORDING_FIELDS as readonly string[]).includes(field) && officialClaims.some((c) => c[field] !== null);
    const conflict = wordingOfficial ? null : conflictOf(field, chosen, tallies);
    if (conflict) draw.conflicts.push(conflict);
  }
  draw.listYear = yearOfVersion(draw.version);
  const tie = reconcileTieBreak(claims, sources);
  if (tie.value) {
    draw.tieBreak = tie.value;
    draw.provenance.tieBreak = tie.sources;
    draw.conflicts.push(...tie.conflicts);
  }
  const withDistribution = [...officialClaims, ...claims].find((c) => c.distribution !== null);
  if (withDistribution?.distribution) {
    draw.distribution = withDistribution.distribution;
    draw.provenance.distribution = [withDistribution.source];
  }
  if (draw.category && !draw.roundType && !draw.category.startsWith("other:")) {
    draw.roundType = roundTypeOf(draw.category);
    draw.provenance.roundType = draw.provenance.category ?? [];
  }
  return draw;
}

/** Groups draw claims by round; claims that name only a date join the one round known for that date. */
export function reconcileDraws(
  claims: readonly DrawClaim[],
  sources: ReadonlyMap<string, Source>,
  warnings: BuildWarning[],
): Pick<KnowledgeBase, "draws" | "unattachedDraws"> {
  const byRound = new Map<RoundId, DrawClaim[]>();
  for (const c of claims) if (c.round !== null) byRound.set(c.round, [...(byRound.get(c.round) ?? []), c]);
  const roundsByDate = new Map<string, Set<RoundId>>();
  for (const c of claims) {
    if (c.round !== null && c.date !== null) roundsByDate.set(c.date, (roundsByDate.get(c.date) ?? new Set()).add(c.round));
  }
  const unattached: KnowledgeBase["unattachedDraws"] = [];
  const dateOnly = claims.filter((c) => c.round === null);
  for (const c of dateOnly) {
    const date = c.date;
    if (date === null) continue;
    let candidates = [...(roundsByDate.get(date) ?? [])];
    if (candidates.length > 1 && c.category) {
      candidates = candidates.filter((r) => (byRound.get(r) ?? []).some((rc) => rc.category === c.category));
    }
    // Within one article, a dated statement and a round with no date are the same draw when each is the only one.
    if (candidates.length === 0) {
      const sameArticle = claims.filter((o) => o.source === c.source && o.round !== null);
      const rounds = new Set(sameArticle.map((o) => o.round));
      const dates = new Set(dateOnly.filter((o) => o.source === c.source).map((o) => o.date));
      if (rounds.size === 1 && dates.size === 1 && sameArticle.every((o) => o.date === null || o.date === date)) {
        candidates = [...rounds].filter((r): r is RoundId => r !== null);
      }
    }
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only !== undefined) byRound.set(only, [...(byRound.get(only) ?? []), { ...c, round: only, date }]);
    else {
      unattached.push({ date, category: c.category, source: c.source, line: c.line });
      warnings.push({
        source: c.source,
        line: c.line,
        message:
          candidates.length === 0
            ? `a draw on ${date} is mentioned but no source gives its round number`
            : `a draw on ${date} could be any of rounds ${[...candidates].sort(compareRounds).join(", ")}`,
      });
    }
  }
  const draws = [...byRound.entries()]
    .sort((a, b) => compareRounds(a[0], b[0]))
    .map(([round, cs]) => reconcileRound(round, cs, sources));
  for (const d of draws) {
    for (const c of d.conflicts) {
      warnings.push({
        source: c.claims.flatMap((x) => x.sources).join(", "),
        line: 0,
        message: `round ${d.round}: sources disagree on ${c.field} (${c.claims.map((x) => `${keyOf(x.value)} per ${x.sources.join(", ")}`).join("; ")}); ${keyOf(c.chosen)} kept`,
      });
    }
  }
  return {
    draws,
    unattachedDraws: unattached.sort((a, b) => a.date.localeCompare(b.date) || a.source.localeCompare(b.source) || a.line - b.line),
  };
}

/** Merges the tables of one category in one source into one list; which official list it is comes later, by its codes. */
export function sourceLists(
  tables: readonly (FoundTable & { source: string })[],
  sources: ReadonlyMap<string, Source>,
  draws: readonly DrawClaim[],
): SourceList[] {
  const lists = new Map<string, SourceList>();
  for (const t of tables) {
    const key = `${t.source}\u0000${t.category}`;
    const versions = uniqueSorted(
      draws.filter((d) => d.source === t.source && d.category === t.category && d.version).map((d) => d.version ?? ""),
    );
    const list = lists.get(key) ?? {
      category: t.category,
      source: t.source,
      version: versions.length === 1 ? (versions[0] ?? null) : null,
      asOf: sources.get(t.source)?.asOf ?? null,
      heading: t.heading,
      occupations: [],
      listYear: null,
      overlap: null,
    };
    for (const o of t.occupations) if (!list.occupations.some((x) => x.code === o.code)) list.occupations.push(o);
    lists.set(key, list);
  }
  return [...lists.values()]
    .map((l) => ({ ...l, occupations: [...l.occupations].sort((a, b) => a.code.localeCompare(b.code)) }))
    .sort((a, b) => a.category.localeCompare(b.category) || a.source.localeCompare(b.source));
}

/** A list of codes to check against NOC: an article's table, or an official list (which has a year). */
export interface CheckedList {
  readonly category: CategoryId;
  readonly source: string;
  readonly year?: number;
  readonly occupations: readonly ListedOccupation[];
}

/** Checks every listed code, title and TEER against the NOC reference; official lists' warnings also name category and year. */
export function validateAgainstNoc(lists: readonly CheckedList[], noc: ReadonlyMap<string, Occupation>, warnings: BuildWarning[]): void {
  for (const l of lists) {
    const prefix = l.year === undefined ? "" : `${l.category} ${l.year}: `;
    for (const o of l.occupations) {
      const ref = noc.get(o.code);
      if (!ref) {
        warnings.push({ source: l.source, line: o.line, message: `${prefix}${o.code} ("${o.title}") is not a NOC 2021 unit group` });
        continue;
      }
      if (titleKey(ref.title) !== titleKey(o.title)) {
        warnings.push({ source: l.source, line: o.line, message: `${prefix}${o.code} is listed as "${o.title}"; NOC 2021 calls it "${ref.title}"` });
      }
      if (o.teer !== null && o.teer !== ref.teer) {
        warnings.push({ source: l.source, line: o.line, message: `${prefix}${o.code} is listed with TEER ${o.teer}; NOC 2021 gives TEER ${ref.teer}` });
      }
    }
  }
}

/**
 * Reconciles one list per category and year from the official list files; the articles' tables are matched to
 * those lists by their codes and kept as sources, dissent and omissions. Fills the lists' rounds and the rounds'
 * listYear. See src/kb/lists/reconcile.ts.
 */
export function reconcileCategoryLists(input: ListsInput, warnings: BuildWarning[]): ReconciledLists {
  return reconcileLists(input, warnings);
}

function factKey(f: Fact): string {
  const { sources: _s, quotes: _q, asOf: _a, ...rest } = f;
  return JSON.stringify(rest);
}

/** Merges facts that state the same thing, keeping every source and quote. */
export function mergeFacts(facts: readonly Fact[]): Fact[] {
  const byKey = new Map<string, Fact>();
  for (const f of facts) {
    const k = factKey(f);
    const prev = byKey.get(k);
    if (!prev) {
      byKey.set(k, { ...f, sources: [...f.sources], quotes: [...f.quotes] });
      continue;
    }
    prev.sources = uniqueSorted([...prev.sources, ...f.sources]);
    for (const q of f.quotes) if (!prev.quotes.some((x) => x.source === q.source && x.text === q.text)) prev.quotes.push(q);
    const dates = [prev.asOf, f.asOf].filter((d): d is string => d !== null).sort();
    prev.asOf = dates[0] ?? null;
  }
  return [...byKey.values()]
    .map((f) => ({ ...f, quotes: [...f.quotes].sort((a, b) => a.source.localeCompare(b.source) || a.line - b.line) }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || factKey(a).localeCompare(factKey(b)));
}
