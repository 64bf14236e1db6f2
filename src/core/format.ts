import type { CategoryId, Draw, Source } from "../kb/schema.js";
import { categoryLabel, categoryShort } from "../kb/lexicon.js";
import type { Knowledge } from "./knowledge.js";
import type { Reply, SourceRef } from "./types.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2023-07-05" as "July 5, 2023". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "an unknown date";
  const [y, m, d] = iso.split("-").map(Number);
  return `${MONTHS[(m ?? 1) - 1] ?? "?"} ${d}, ${y}`;
}

/** 214529 as "214,529". */
export function formatNumber(n: number): string {
  return n.toLocaleString("en-US");
}

/** The name a category is shown under. */
export function labelOf(category: CategoryId): string {
  return categoryLabel(category);
}

/** The short name of a category: "STEM", "healthcare", "all-program". */
export function shortOf(category: CategoryId): string {
  return categoryShort(category);
}

/** Short name of a round: "round 254 (July 5, 2023, STEM occupations (2023-1))", without the date if asked. */
export function roundName(d: Draw, withDate = true): string {
  const what = d.program ?? (d.category ? labelOf(d.category) : null);
  const inside = [withDate ? formatDate(d.date) : null, what].filter(Boolean).join(", ");
  return inside ? `round ${d.round} (${inside})` : `round ${d.round}`;
}

/** How a source is cited. */
export function sourceRef(source: Source): SourceRef {
  return {
    id: source.id,
    title: source.title ?? source.id,
    publisher: source.publisher ?? source.author,
    date: source.updated ?? source.published ?? (source.asOfBasis === "latest-date-in-text" ? null : source.asOf),
  };
}

/** Source references for ids, in the order given, unknown ids left out. */
export function refs(knowledge: Knowledge, ids: Iterable<string>): SourceRef[] {
  const out: SourceRef[] = [];
  for (const id of new Set(ids)) {
    const s = knowledge.sources.get(id);
    if (s) out.push(sourceRef(s));
  }
  return out;
}

/** A short in-text citation of one source: its title, or publisher and date. */
export function cite(knowledge: Knowledge, id: string): string {
  const s = knowledge.sources.get(id);
  if (!s) return id;
  const by = s.publisher ?? s.author;
  const when = s.updated ? `updated ${formatDate(s.updated)}` : s.published ? `published ${formatDate(s.published)}` : null;
  return `"${s.title ?? s.id}"${by || when ? ` (${[by, when].filter(Boolean).join(", ")})` : ""}`;
}

/** One line naming a source for plain text. */
export function describeRef(r: SourceRef): string {
  const extra = [r.publisher, r.date ? formatDate(r.date) : null].filter(Boolean).join(", ");
  return extra ? `${r.title} (${extra})` : r.title;
}

/** The reply as plain text: the answer, its list, its sources. */
export function renderPlain(reply: Reply): string {
  const parts = [reply.text];
  if (reply.list.length > 0) parts.push(reply.list.map((l) => `  - ${l}`).join("\n"));
  // A "sources" reply lists its sources already.
  if (reply.sources.length > 0 && reply.intent !== "sources") parts.push(`Sources: ${reply.sources.map(describeRef).join("; ")}`);
  return parts.join("\n");
}

/** Joins words as "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "1 occupation" / "2 occupations". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatNumber(n)} ${n === 1 ? word : many}`;
}
