import type { Draw, Source } from "../kb/schema.js";
import type { Knowledge } from "./knowledge.js";
import { inLanguage, lang, pick, type Catalog } from "../messages/lang.js";
import type { Reply, SourceRef } from "./types.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// French through Intl (fr-CA); created on first use, so an English-only process never loads French locale data.
let frDate: Intl.DateTimeFormat | undefined;
let frNumber: Intl.NumberFormat | undefined;

const WORDS: Catalog<{ unknownDate: string; round: string; and: string; sources: string; updated: string; published: string }> = {
  en: { unknownDate: "an unknown date", round: "round", and: "and", sources: "Sources:", updated: "updated", published: "published" },
  fr: { unknownDate: "une date inconnue", round: "tirage", and: "et", sources: "Sources :", updated: "mis à jour le", published: "publié le" },
};

/** "2023-07-05" as "July 5, 2023" (in French "5 juillet 2023", "1er juillet 2023"). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return pick(WORDS).unknownDate;
  const [y, m, d] = iso.split("-").map(Number);
  if (lang() === "fr") {
    frDate ??= new Intl.DateTimeFormat("fr-CA", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    const text = frDate.format(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
    return d === 1 ? text.replace(/^1 /, "1er ") : text;
  }
  return `${MONTHS[(m ?? 1) - 1] ?? "?"} ${d}, ${y}`;
}

/** 214529 as "214,529" (in French "214 529"); at most one decimal. English is written out, without Intl's locale data. */
export function formatNumber(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  if (lang() === "fr") {
    frNumber ??= new Intl.NumberFormat("fr-CA", { maximumFractionDigits: 1 });
    return frNumber.format(rounded);
  }
  const [whole = "0", fraction] = Math.abs(rounded).toString().split(".");
  return `${rounded < 0 ? "-" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction ? `.${fraction}` : ""}`;
}

const AGO: Catalog<{ today: string; yesterday: string; days: (n: number) => string; months: (n: number) => string; years: (n: number) => string }> = {
  en: { today: "today", yesterday: "yesterday", days: (n) => `${n} days ago`, months: (n) => `about ${n} months ago`, years: (n) => `about ${n} years ago` },
  fr: { today: "aujourd'hui", yesterday: "hier", days: (n) => `il y a ${n} jours`, months: (n) => `il y a environ ${n} mois`, years: (n) => `il y a environ ${n} ans` },
};

/** Days between two ISO dates, as "3 days ago", "4 months ago". */
export function ago(fromIso: string, now: Date): string {
  const t = pick(AGO);
  const days = Math.round((now.getTime() - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
  if (days <= 0) return t.today;
  if (days === 1) return t.yesterday;
  if (days < 45) return t.days(days);
  const months = Math.round(days / 30.44);
  if (months < 18) return t.months(months);
  return t.years(Math.round(days / 365.25));
}

/** Short name of a round: "round 254 (July 5, 2023, STEM)", without the date if asked. */
export function roundName(knowledge: Knowledge, d: Draw, withDate = true): string {
  const what = d.category ? knowledge.label(d.category) : d.name;
  const inside = [withDate ? formatDate(d.date) : null, what].filter(Boolean).join(", ");
  const word = pick(WORDS).round;
  return inside ? `${word} ${d.round} (${inside})` : `${word} ${d.round}`;
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
  const w = pick(WORDS);
  const when = s.updated ? `${w.updated} ${formatDate(s.updated)}` : s.published ? `${w.published} ${formatDate(s.published)}` : null;
  return `"${s.title ?? s.id}"${by || when ? ` (${[by, when].filter(Boolean).join(", ")})` : ""}`;
}

/** One line naming a source for plain text. */
export function describeRef(r: SourceRef): string {
  const extra = [r.publisher, r.date ? formatDate(r.date) : null].filter(Boolean).join(", ");
  return extra ? `${r.title} (${extra})` : r.title;
}

/** The reply as plain text: the answer, its list, its sources, in the reply's language. */
export function renderPlain(reply: Reply): string {
  return inLanguage(reply.lang, () => plain(reply));
}

function plain(reply: Reply): string {
  const parts = [reply.text];
  if (reply.list.length > 0) parts.push(reply.list.map((l) => `  - ${l}`).join("\n"));
  // A "sources" reply lists its sources already.
  if (reply.sources.length > 0 && reply.intent !== "sources") parts.push(`${pick(WORDS).sources} ${reply.sources.map(describeRef).join("; ")}`);
  return parts.join("\n");
}

/** Joins words as "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${pick(WORDS).and} ${items.at(-1)}`;
}

/** "1 occupation" / "2 occupations"; in French the singular also for 0 ("0 tirage"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  const one = lang() === "fr" ? Math.abs(n) < 2 : n === 1;
  return `${formatNumber(n)} ${one ? word : many}`;
}

/** The text with its first letter in capitals: "in 2025" → "In 2025". */
export function capital(s: string): string {
  return `${s[0]?.toUpperCase() ?? ""}${s.slice(1)}`;
}
