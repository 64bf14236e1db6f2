import type { Draw, Source } from "../kb/schema.js";
import type { Knowledge } from "./knowledge.js";
import type { Reply, SourceRef } from "./types.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2023-07-05" as "July 5, 2023". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "an unknown date";
  const [y, m, d] = iso.split("-").map(Number);
  return `${MONTHS[(m ?? 1) - 1] ?? "?"} ${d}, ${y}`;
}

/** 214529 as "214,529"; at most one decimal. Written out rather than through Intl, whose locale data costs memory. */
export function formatNumber(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  const [whole = "0", fraction] = Math.abs(rounded).toString().split(".");
  return `${rounded < 0 ? "-" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction ? `.${fraction}` : ""}`;
}

/** Days between two ISO dates, as "3 days ago", "4 months ago". */
export function ago(fromIso: string, now: Date): string {
  const days = Math.round((now.getTime() - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 45) return `${days} days ago`;
  const months = Math.round(days / 30.44);
  if (months < 18) return `about ${months} months ago`;
  return `about ${Math.round(days / 365.25)} years ago`;
}

/** Short name of a round: "round 254 (July 5, 2023, STEM)", without the date if asked. */
export function roundName(knowledge: Knowledge, d: Draw, withDate = true): string {
  const what = d.category ? knowledge.label(d.category) : d.name;
  const inside = [withDate ? formatDate(d.date) : null, what].filter(Boolean).join(", ");
  return inside ? `round ${d.round} (${inside})` : `round ${d.round}`;
}

/** The round's type as IRCC names it, with the list version: "Healthcare and social services occupations (Version 2)". */
export function typeName(knowledge: Knowledge, d: Draw): string {
  return d.name ?? knowledge.roundType(d.category ?? "")?.name ?? "unknown type";
}

/** How a source is cited. */
export function sourceRef(source: Source): SourceRef {
  return {
    id: source.id,
    title: source.title ?? source.id,
    publisher: source.publisher ?? source.author,
    date: source.updated ?? source.published ?? (source.asOfBasis === "latest-date-in-text" ? null : source.asOf),
    url: source.url,
    kind: source.kind,
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

/** The text with its first letter in capitals: "in 2025" → "In 2025". */
export function capital(s: string): string {
  return `${s[0]?.toUpperCase() ?? ""}${s.slice(1)}`;
}
