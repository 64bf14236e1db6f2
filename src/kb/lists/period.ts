import type { CategoryId } from "../schema.js";

/** What the period helpers need of a list. */
export interface Dated {
  readonly category: CategoryId;
  readonly year: number;
  readonly effective: string | null;
}

/**
 * The date each list starts: its effective date; for a list with none (a category retired that year), the
 * earliest effective date of the same year's other lists, else 1 January of its year.
 */
export function startDates<T extends Dated>(lists: readonly T[]): Map<T, string> {
  const yearStart = new Map<number, string>();
  for (const l of lists) {
    if (l.effective === null) continue;
    const prev = yearStart.get(l.year);
    if (prev === undefined || l.effective < prev) yearStart.set(l.year, l.effective);
  }
  return new Map(lists.map((l) => [l, l.effective ?? yearStart.get(l.year) ?? `${l.year}-01-01`]));
}

/** The lists of one category, oldest first (by year, then start date). */
export function ofCategory<T extends Dated>(lists: readonly T[], category: CategoryId, starts: ReadonlyMap<T, string>): T[] {
  return lists
    .filter((l) => l.category === category)
    .sort((a, b) => a.year - b.year || (starts.get(a) ?? "").localeCompare(starts.get(b) ?? ""));
}

/** The list in force at a date among one category's lists sorted oldest first: the latest that started on or before it. */
export function inForceAt<T extends Dated>(sorted: readonly T[], date: string, starts: ReadonlyMap<T, string>): T | undefined {
  let found: T | undefined;
  for (const l of sorted) if ((starts.get(l) ?? "") <= date) found = l;
  return found;
}

/** Shared codes over all codes of either set (Jaccard index); 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}
