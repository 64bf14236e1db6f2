import type { CategoryId, CategoryList, KnowledgeBase, ListStatus, Member } from "../schema.js";
import { inForceAt, ofCategory, startDates } from "./period.js";

interface Sorted {
  readonly starts: Map<CategoryList, string>;
  readonly byCategory: Map<CategoryId, readonly CategoryList[]>;
  readonly categories: readonly CategoryId[];
}

// A knowledge base is never changed once loaded (a new one is a new object): its lists are sorted once, not at every
// question that names a code.
const sortedOf = new WeakMap<readonly CategoryList[], Sorted>();

function sorted(kb: KnowledgeBase): Sorted {
  let found = sortedOf.get(kb.categoryLists);
  if (found === undefined) {
    const starts = startDates(kb.categoryLists);
    const categories = [...new Set(kb.categoryLists.map((l) => l.category))].sort();
    found = { starts, categories, byCategory: new Map(categories.map((c) => [c, ofCategory(kb.categoryLists, c, starts)])) };
    sortedOf.set(kb.categoryLists, found);
  }
  return found;
}

function sortedLists(kb: KnowledgeBase, category: CategoryId): { lists: CategoryList[]; starts: Map<CategoryList, string> } {
  const { starts, byCategory } = sorted(kb);
  return { lists: [...(byCategory.get(category) ?? [])], starts };
}

/** The date a list took effect, or for a list with no effective date the date its year's lists did. */
export function listStart(kb: KnowledgeBase, list: CategoryList): string {
  return sorted(kb).starts.get(list) ?? `${list.year}-01-01`;
}

/**
 * The list of a category in force at an ISO date (the latest list when no date is given), or null before the
 * category's first list. The list may be inactive: a record that the category did not exist that year.
 */
export function listInForce(kb: KnowledgeBase, category: CategoryId, date?: string): CategoryList | null {
  const { lists, starts } = sortedLists(kb, category);
  if (date === undefined) return lists.at(-1) ?? null;
  return inForceAt(lists, date, starts) ?? null;
}

/** Every list of a category, oldest first. */
export function listsOf(kb: KnowledgeBase, category: CategoryId): CategoryList[] {
  return sortedLists(kb, category).lists;
}

/** A category whose list in force includes a code. */
export interface CodeCategory {
  readonly category: CategoryId;
  readonly list: CategoryList;
  readonly member: Member;
}

/** The categories a code belongs to at a date (the latest lists when no date is given), and the lists consulted. */
export function categoriesOfCode(kb: KnowledgeBase, code: string, date?: string): { categories: CodeCategory[]; lists: CategoryList[] } {
  const lists = sorted(kb).categories.map((c) => listInForce(kb, c, date)).filter((l): l is CategoryList => l !== null);
  const found: CodeCategory[] = [];
  for (const list of lists) {
    const member = list.active ? list.members.find((m) => m.code === code) : undefined;
    if (member) found.push({ category: list.category, list, member });
  }
  return { categories: found, lists };
}

/** Whether a code was on one year's list of a category. */
export interface YearMembership {
  readonly year: number;
  readonly active: boolean;
  readonly member: Member | null;
  readonly status: ListStatus;
  readonly list: CategoryList;
}

/** For each year of a category's lists, oldest first, whether the code was a member, with how well that list was checked. */
export function membershipHistory(kb: KnowledgeBase, code: string, category: CategoryId): { years: YearMembership[]; lists: CategoryList[] } {
  const lists = listsOf(kb, category);
  const years = lists.map((list) => ({
    year: list.year,
    active: list.active,
    member: list.active ? (list.members.find((m) => m.code === code) ?? null) : null,
    status: list.status,
    list,
  }));
  return { years, lists };
}

/** How a category's list changed between two years. */
export interface ListChanges {
  readonly category: CategoryId;
  /** The list of the earlier year; null when the category had none that year. */
  readonly from: CategoryList | null;
  readonly to: CategoryList | null;
  readonly added: Member[];
  readonly removed: Member[];
  readonly lists: CategoryList[];
}

function membersOf(list: CategoryList | null): Member[] {
  return list?.active ? list.members : [];
}

/** Codes added to and removed from a category's list between two years' lists; a missing or inactive list has no members. */
export function changes(kb: KnowledgeBase, category: CategoryId, fromYear: number, toYear: number): ListChanges {
  const all = listsOf(kb, category);
  const from = all.find((l) => l.year === fromYear) ?? null;
  const to = all.find((l) => l.year === toYear) ?? null;
  const before = new Set(membersOf(from).map((m) => m.code));
  const after = new Set(membersOf(to).map((m) => m.code));
  return {
    category,
    from,
    to,
    added: membersOf(to).filter((m) => !before.has(m.code)),
    removed: membersOf(from).filter((m) => !after.has(m.code)),
    lists: [from, to].filter((l): l is CategoryList => l !== null),
  };
}

/** The categories of one year: the active lists, and the records of categories removed or retired that year. */
export function categoriesInYear(kb: KnowledgeBase, year: number): { active: CategoryList[]; inactive: CategoryList[]; lists: CategoryList[] } {
  const lists = kb.categoryLists.filter((l) => l.year === year).sort((a, b) => a.category.localeCompare(b.category));
  return { active: lists.filter((l) => l.active), inactive: lists.filter((l) => !l.active), lists };
}
