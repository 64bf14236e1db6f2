import type { DrawClaim } from "./extract/draws.js";
import type { CategoryCountClaim } from "./extract/facts.js";
import type { FoundTable } from "./extract/occupations.js";
import { roundTypeOf } from "./lexicon.js";
import type {
  BuildWarning,
  CategoryId,
  CategoryList,
  Conflict,
  Draw,
  DrawField,
  Fact,
  KnowledgeBase,
  Occupation,
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

interface Tally {
  value: Value;
  sources: Set<string>;
}

function choose(tallies: Tally[], sources: ReadonlyMap<string, Source>): Tally | undefined {
  const order = newestFirst(sources);
  return [...tallies].sort((a, b) => {
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

const SIMPLE_FIELDS: readonly Exclude<DrawField, "tieBreak">[] = [
  "date",
  "time",
  "roundType",
  "program",
  "category",
  "version",
  "invitations",
  "crs",
];

function reconcileRound(round: number, claims: readonly DrawClaim[], sources: ReadonlyMap<string, Source>): Draw {
  const draw: Draw = {
    round,
    date: null,
    time: null,
    roundType: null,
    program: null,
    category: null,
    version: null,
    invitations: null,
    crs: null,
    tieBreak: null,
    sources: uniqueSorted(claims.map((c) => c.source)),
    provenance: {},
    conflicts: [],
  };
  for (const field of SIMPLE_FIELDS) {
    const tallies = tally(claims, (c) => c[field]);
    const chosen = choose(tallies, sources);
    if (!chosen) continue;
    (draw as Record<string, unknown>)[field] = chosen.value;
    draw.provenance[field] = uniqueSorted(chosen.sources);
    const conflict = conflictOf(field, chosen, tallies);
    if (conflict) draw.conflicts.push(conflict);
  }
  const tie = reconcileTieBreak(claims, sources);
  if (tie.value) {
    draw.tieBreak = tie.value;
    draw.provenance.tieBreak = tie.sources;
    draw.conflicts.push(...tie.conflicts);
  }
  if (draw.category && !draw.roundType) {
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
  const byRound = new Map<number, DrawClaim[]>();
  for (const c of claims) if (c.round !== null) byRound.set(c.round, [...(byRound.get(c.round) ?? []), c]);
  const roundsByDate = new Map<string, Set<number>>();
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
        candidates = [...rounds].filter((r): r is number => r !== null);
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
            : `a draw on ${date} could be any of rounds ${candidates.join(", ")}`,
      });
    }
  }
  const draws = [...byRound.entries()].sort((a, b) => a[0] - b[0]).map(([round, cs]) => reconcileRound(round, cs, sources));
  for (const d of draws) {
    for (const c of d.conflicts) {
      warnings.push({
        source: c.claims.flatMap((x) => x.sources).join(", "),
        line: 0,
        message: `round ${d.round}: sources disagree on ${c.field} (${c.claims.map((x) => `${keyOf(x.value)} per ${x.sources.join(", ")}`).join("; ")})`,
      });
    }
  }
  return {
    draws,
    unattachedDraws: unattached.sort((a, b) => a.date.localeCompare(b.date) || a.source.localeCompare(b.source) || a.line - b.line),
  };
}

/** Dates each table by its source and merges tables of one category in one source. */
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
    };
    for (const o of t.occupations) if (!list.occupations.some((x) => x.code === o.code)) list.occupations.push(o);
    lists.set(key, list);
  }
  return [...lists.values()]
    .map((l) => ({ ...l, occupations: [...l.occupations].sort((a, b) => a.code.localeCompare(b.code)) }))
    .sort((a, b) => a.category.localeCompare(b.category) || a.source.localeCompare(b.source));
}

/** Checks every listed code and title against the NOC reference. */
export function validateAgainstNoc(lists: readonly SourceList[], noc: ReadonlyMap<string, Occupation>, warnings: BuildWarning[]): void {
  for (const l of lists) {
    for (const o of l.occupations) {
      const ref = noc.get(o.code);
      if (!ref) {
        warnings.push({ source: l.source, line: o.line, message: `${o.code} ("${o.title}") is not a NOC 2021 unit group` });
        continue;
      }
      if (titleKey(ref.title) !== titleKey(o.title)) {
        warnings.push({ source: l.source, line: o.line, message: `${o.code} is listed as "${o.title}"; NOC 2021 calls it "${ref.title}"` });
      }
      if (o.teer !== null && o.teer !== ref.teer) {
        warnings.push({ source: l.source, line: o.line, message: `${o.code} is listed with TEER ${o.teer}; NOC 2021 gives TEER ${ref.teer}` });
      }
    }
  }
}

function yearOf(iso: string | null): number | null {
  return iso ? Number(iso.slice(0, 4)) : null;
}

/**
 * Reconciles the lists of each category year by year. A list counts as evidence for the year its source is
 * dated in (undated lists for the earliest year of the category); a code is a member when at least half
 * of that year's lists include it. Lists dated in a later year are kept as dated dissent.
 */
export function reconcileCategoryLists(
  lists: readonly SourceList[],
  draws: readonly Draw[],
  counts: readonly CategoryCountClaim[],
  noc: ReadonlyMap<string, Occupation>,
  warnings: BuildWarning[],
): CategoryList[] {
  const out: CategoryList[] = [];
  const categories = uniqueSorted(lists.map((l) => l.category)) as CategoryId[];
  for (const category of categories) {
    const ofCategory = lists.filter((l) => l.category === category);
    const roundYears = draws.filter((d) => d.category === category && d.date).map((d) => yearOf(d.date) ?? 0);
    const datedYears = ofCategory.map((l) => yearOf(l.asOf)).filter((y): y is number => y !== null);
    const earliest = [...roundYears, ...datedYears].sort((a, b) => a - b)[0] ?? null;
    const yearOfList = (l: SourceList): number | null => yearOf(l.asOf) ?? earliest;
    const years = [...new Set(ofCategory.map(yearOfList))].sort((a, b) => (a ?? 0) - (b ?? 0));
    for (const year of years) {
      const basis = ofCategory.filter((l) => yearOfList(l) === year);
      const later = ofCategory.filter((l) => year !== null && (yearOfList(l) ?? 0) > year);
      const codes = new Map<string, { titles: string[]; sources: string[] }>();
      for (const l of basis) {
        for (const o of l.occupations) {
          const e = codes.get(o.code) ?? { titles: [], sources: [] };
          e.titles.push(o.title);
          e.sources.push(l.source);
          codes.set(o.code, e);
        }
      }
      const titleOf = (code: string, listed: readonly string[]): string => noc.get(code)?.title ?? listed[0] ?? code;
      const members: CategoryList["members"] = [];
      const dissent: CategoryList["dissent"] = [];
      for (const [code, e] of [...codes.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
        const sources = uniqueSorted(e.sources);
        if (sources.length * 2 >= basis.length) {
          members.push({
            code,
            title: titleOf(code, e.titles),
            teer: noc.get(code)?.teer ?? Number(code[1]),
            sources,
            omittedBy: basis.map((l) => l.source).filter((s) => !sources.includes(s)).sort(),
          });
        } else dissent.push({ code, title: titleOf(code, e.titles), sources, reason: "minority" });
      }
      const laterCodes = new Map<string, { titles: string[]; sources: string[] }>();
      for (const l of later) {
        for (const o of l.occupations) {
          if (members.some((m) => m.code === o.code)) continue;
          const e = laterCodes.get(o.code) ?? { titles: [], sources: [] };
          e.titles.push(o.title);
          e.sources.push(l.source);
          laterCodes.set(o.code, e);
        }
      }
      for (const [code, e] of [...laterCodes.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
        if (dissent.some((d) => d.code === code)) continue;
        dissent.push({ code, title: titleOf(code, e.titles), sources: uniqueSorted(e.sources), reason: "later-list" });
      }
      const rounds = draws
        .filter((d) => d.category === category && year !== null && yearOf(d.date) === year)
        .map((d) => d.round)
        .sort((a, b) => a - b);
      const versions = uniqueSorted(
        [
          ...draws.filter((d) => rounds.includes(d.round)).map((d) => d.version),
          ...basis.map((l) => l.version),
        ].filter((v): v is string => v !== null),
      );
      const basisIds = basis.map((l) => l.source);
      const stated = counts.filter((c) => c.category === category && basisIds.includes(c.source));
      const byValue = new Map<number, string[]>();
      for (const c of stated) byValue.set(c.value, uniqueSorted([...(byValue.get(c.value) ?? []), c.source]));
      const statedBest = [...byValue.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0];
      const statedCount = statedBest ? { value: statedBest[0], sources: statedBest[1] } : null;
      if (statedCount && statedCount.value !== members.length) {
        warnings.push({
          source: statedCount.sources.join(", "),
          line: 0,
          message: `${category} list for ${year ?? "an unknown year"}: sources say ${statedCount.value} occupations, the reconciled list has ${members.length}`,
        });
      }
      out.push({
        category,
        year,
        rounds,
        version: versions.length === 1 ? (versions[0] ?? null) : null,
        basis: uniqueSorted(basisIds),
        later: later.map((l) => ({ source: l.source, asOf: l.asOf })).sort((a, b) => a.source.localeCompare(b.source)),
        members,
        dissent,
        statedCount,
      });
    }
  }
  return out;
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
