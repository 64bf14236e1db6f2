import { EeBotError, ErrorCode } from "../../errors.js";
import type { CategoryCountClaim } from "../extract/facts.js";
import type { BuildWarning, CategoryList, Draw, Occupation, SourceList } from "../schema.js";
import { inForceAt, jaccard, ofCategory, startDates } from "./period.js";
import type { OfficialList } from "./read.js";
import type { ListVersion, VersionMap } from "./schema.js";

/** Everything the category lists are reconciled from. */
export interface ListsInput {
  readonly official: readonly OfficialList[];
  /** The articles' tables, one per article and category. */
  readonly tables: readonly SourceList[];
  readonly draws: readonly Draw[];
  readonly counts: readonly CategoryCountClaim[];
  readonly noc: ReadonlyMap<string, Occupation>;
  readonly versions: VersionMap;
}

/** The reconciled lists, the tables with their matches recorded, and the draws with their lists filled in. */
export interface ReconciledLists {
  readonly categoryLists: CategoryList[];
  readonly sourceLists: SourceList[];
  readonly draws: Draw[];
}

function uniqueSorted(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}

const OVERLAP_DIGITS = 1e4;

/**
 * Matches each article table to the official list of its category it overlaps most (Jaccard on codes; ties to the
 * earlier year). The article's date plays no part: a page updated in 2024 may print the 2025 list.
 */
export function matchTables(tables: readonly SourceList[], official: readonly OfficialList[], warnings: BuildWarning[]): SourceList[] {
  return tables.map((t) => {
    const codes = new Set(t.occupations.map((o) => o.code));
    const line = t.occupations[0]?.line ?? 0;
    const candidates = official
      .filter((o) => o.category === t.category && o.active && o.occupations.length > 0)
      .map((o) => ({ list: o, overlap: jaccard(codes, new Set(o.occupations.map((x) => x.code))) }))
      .sort((a, b) => b.overlap - a.overlap || a.list.year - b.list.year);
    const best = candidates[0];
    if (!best || best.overlap === 0) {
      warnings.push({
        source: t.source,
        line,
        message: best
          ? `${t.category} table of ${codes.size} codes shares no code with any official ${t.category} list; not matched`
          : `${t.category} table of ${codes.size} codes: there is no official ${t.category} list to match it to`,
      });
      return { ...t, listYear: null, overlap: null };
    }
    return { ...t, listYear: best.list.year, overlap: Math.round(best.overlap * OVERLAP_DIGITS) / OVERLAP_DIGITS };
  });
}

function findVersion(versions: VersionMap, written: string): ListVersion | undefined {
  const key = written.trim().toLowerCase();
  return versions.versions.find((v) => v.name.toLowerCase() === key || v.aliases.some((a) => a.toLowerCase() === key));
}

interface Linked {
  draws: Draw[];
  rounds: Map<OfficialList, Draw[]>;
  /** Version names of rounds that versions.json does not know, by the list the rounds were linked to by date. */
  unmapped: Map<OfficialList, Set<string>>;
}

/**
 * Links category rounds to lists: the list in force at the round's date, unless the round's version names other
 * lists of its category (a version used before its list's announcement); a round whose name states a year with no
 * list of its category is linked to none. Fills listYear where it is null and writes the version as IRCC's feed spells it.
 */
export function linkDraws(draws: readonly Draw[], official: readonly OfficialList[], versions: VersionMap, warnings: BuildWarning[]): Linked {
  const starts = startDates(official);
  const rounds = new Map<OfficialList, Draw[]>();
  const unmapped = new Map<OfficialList, Set<string>>();
  const warned = new Set<string>();
  const warnOnce = (key: string, w: BuildWarning): void => {
    if (warned.has(key)) return;
    warned.add(key);
    warnings.push(w);
  };
  const out = draws.map((d) => {
    if (d.category === null) return d;
    const lists = ofCategory(official, d.category, starts);
    const source = d.sources.join(", ");
    if (lists.length === 0) {
      if (d.roundType === "category-based") {
        warnOnce(`none:${d.category}`, { source, line: 0, message: `round ${d.round}: there is no official list of category ${d.category}` });
      }
      return d;
    }
    if (d.date === null) {
      warnings.push({ source, line: 0, message: `round ${d.round} (${d.category}) has no date; it is not linked to a list` });
      return d;
    }
    const version = d.version === null ? undefined : findVersion(versions, d.version);
    const years = version?.lists[d.category];
    // A round whose name states its list's year ("2026-Version 2") used that year's list: when the knowledge has no
    // such list, putting the round on another year's list would tell users the wrong occupations.
    if (d.listYear !== null && !lists.some((l) => l.year === d.listYear || years?.includes(l.year))) {
      warnOnce(`year:${d.category}:${d.listYear}`, {
        source,
        line: 0,
        message: `round ${d.round} (${d.category}, ${d.date}) names a ${d.listYear} list, but there is no ${d.category} list of ${d.listYear}; rounds naming it are not linked to a list`,
      });
      return version ? { ...d, version: version.name } : d;
    }
    if (d.version !== null && !version) {
      warnOnce(`version:${d.category}:${d.version}`, {
        source,
        line: 0,
        message: `version "${d.version}" of ${d.category} rounds is not in versions.json; its rounds are linked to the list in force at their date`,
      });
    }
    if (version && !years) {
      warnOnce(`nolist:${d.category}:${version.name}`, {
        source,
        line: 0,
        message: `versions.json gives no ${d.category} list for "${version.name}"; its rounds are linked to the list in force at their date`,
      });
    }
    const byDate = inForceAt(lists, d.date, starts);
    let chosen = byDate;
    if (years && !(byDate && years.includes(byDate.year))) {
      const named = lists.filter((l) => years.includes(l.year));
      chosen = inForceAt(named, d.date, starts) ?? named[0] ?? byDate;
    }
    if (!chosen) {
      warnings.push({ source, line: 0, message: `round ${d.round} (${d.category}, ${d.date}) is earlier than the first ${d.category} list` });
      return d;
    }
    if (!chosen.active) {
      warnings.push({
        source,
        line: 0,
        message: `round ${d.round} (${d.category}, ${d.date}) falls in ${chosen.year}, when the ${d.category} category was removed`,
      });
    }
    rounds.set(chosen, [...(rounds.get(chosen) ?? []), d]);
    if (d.version !== null && !years) unmapped.set(chosen, (unmapped.get(chosen) ?? new Set()).add(version ? version.name : d.version));
    if (d.listYear !== null && d.listYear !== chosen.year && !years?.includes(d.listYear)) {
      warnings.push({
        source,
        line: 0,
        message: `round ${d.round} (${d.category}, ${d.date}) is said to use the ${d.listYear} list, but the ${chosen.year} list was in force`,
      });
    }
    return {
      ...d,
      version: version ? version.name : d.version,
      listYear: d.listYear ?? chosen.year,
    };
  });
  return { draws: out, rounds, unmapped };
}

function statedCountOf(
  list: OfficialList,
  tables: readonly SourceList[],
  counts: readonly CategoryCountClaim[],
  warnings: BuildWarning[],
): CategoryList["statedCount"] {
  if (!list.active || !list.hasOccupations) return null;
  const about = counts.filter((c) => c.category === list.category && tables.some((t) => t.source === c.source && t.category === c.category));
  const agreeing = about.filter((c) => c.value === list.count).map((c) => c.source);
  for (const c of about) {
    if (c.value === list.count) continue;
    warnings.push({
      source: c.source,
      line: c.line,
      message: `says the ${list.category} list it prints has ${c.value} occupations; the official ${list.year} list has ${list.count}`,
    });
  }
  return { value: list.count, sources: [list.source, ...uniqueSorted(agreeing)] };
}

function reconcileOne(
  list: OfficialList,
  tables: readonly SourceList[],
  rounds: readonly Draw[],
  extraVersions: ReadonlySet<string>,
  input: ListsInput,
  warnings: BuildWarning[],
): CategoryList {
  const matched = tables.filter((t) => t.category === list.category && t.listYear === list.year).sort((a, b) => a.source.localeCompare(b.source));
  const official = new Set(list.occupations.map((o) => o.code));
  const members: CategoryList["members"] = [...list.occupations]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((o) => {
      const ref = input.noc.get(o.code);
      const listing = matched.filter((t) => t.occupations.some((x) => x.code === o.code)).map((t) => t.source);
      return {
        code: o.code,
        title: ref?.title ?? o.title,
        teer: ref?.teer ?? o.teer ?? Number(o.code[1]),
        sources: [list.source, ...listing],
        omittedBy: matched.map((t) => t.source).filter((s) => !listing.includes(s)),
      };
    });
  const extra = new Map<string, { title: string; sources: string[] }>();
  for (const t of matched) {
    for (const o of t.occupations) {
      if (official.has(o.code)) continue;
      const e = extra.get(o.code) ?? { title: input.noc.get(o.code)?.title ?? o.title, sources: [] };
      e.sources.push(t.source);
      extra.set(o.code, e);
    }
  }
  const dissent: CategoryList["dissent"] = [...extra.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([code, e]) => ({ code, title: e.title, sources: uniqueSorted(e.sources), reason: "not-official" as const }));
  const mapped = input.versions.versions.filter((v) => v.lists[list.category]?.includes(list.year)).map((v) => v.name);
  return {
    category: list.category,
    year: list.year,
    name: list.name,
    effective: list.effective,
    active: list.active,
    hasOccupations: list.hasOccupations,
    status: list.status,
    statusNote: list.statusNote,
    conditions: list.conditions,
    note: list.note,
    rounds: [...rounds].sort((a, b) => a.order - b.order).map((d) => d.round),
    versions: [...mapped, ...[...extraVersions].filter((v) => !mapped.includes(v)).sort()],
    basis: [list.source, ...matched.map((t) => t.source)],
    members,
    dissent,
    statedCount: statedCountOf(list, matched, input.counts, warnings),
  };
}

function checkUnique(official: readonly OfficialList[]): void {
  const seen = new Map<string, OfficialList>();
  for (const o of official) {
    const key = `${o.category} ${o.year}`;
    const prev = seen.get(key);
    if (prev) {
      throw new EeBotError(ErrorCode.KnowledgeBaseBuild, `${o.source}: the ${o.category} list of ${o.year} is also given by ${prev.source}`);
    }
    seen.set(key, o);
  }
}

function warnUntiedCounts(input: ListsInput, tables: readonly SourceList[], warnings: BuildWarning[]): void {
  for (const c of input.counts) {
    const table = tables.find((t) => t.source === c.source && t.category === c.category);
    if (table && table.listYear !== null) continue;
    warnings.push({
      source: c.source,
      line: c.line,
      message: `says a ${c.category} list has ${c.value} occupations but prints no ${c.category} table matched to an official list, so which list it counts is unknown`,
    });
  }
}

/**
 * Reconciles one CategoryList per category and year from the official lists, with the articles' tables matched to
 * them as further sources (codes they add are dissent, codes they lack are omissions) and the rounds that used them.
 * Throws when two list files give the same category and year.
 */
export function reconcileLists(input: ListsInput, warnings: BuildWarning[]): ReconciledLists {
  checkUnique(input.official);
  const sourceLists = matchTables(input.tables, input.official, warnings);
  warnUntiedCounts(input, sourceLists, warnings);
  const linked = linkDraws(input.draws, input.official, input.versions, warnings);
  const categoryLists = [...input.official]
    .sort((a, b) => a.category.localeCompare(b.category) || a.year - b.year)
    .map((o) => reconcileOne(o, sourceLists, linked.rounds.get(o) ?? [], linked.unmapped.get(o) ?? new Set(), input, warnings));
  return { categoryLists, sourceLists, draws: linked.draws };
}
