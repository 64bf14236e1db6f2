import type { Article } from "../article.js";
import type { Term } from "../schema.js";
import { sentencesOf, squash } from "../text.js";

/** A term a source explains, before terms are merged across sources. */
export interface TermClaim {
  term: string;
  expansion: string | null;
  definition: { text: string; line: number } | null;
  source: string;
}

const STOP = new Set(["of", "and", "to", "the", "for", "in", "a", "an", "on"]);

/** Phrases the glossary looks for besides acronyms; definitions of them come only from the articles. */
const PHRASES: readonly { term: string; aliases: readonly string[]; pattern: RegExp }[] = [
  { term: "Express Entry", aliases: [], pattern: /\bExpress Entry\b/i },
  { term: "Tie-breaking rule", aliases: ["tie break", "tie-break", "tiebreak", "tie breaking"], pattern: /\btie-?breaking rule\b/i },
  {
    term: "Category-based selection",
    aliases: ["category based draw", "category-specific draw", "targeted draw", "occupation-specific draw"],
    pattern: /\bcategory-?based selection\b|\bcategory-specific draws?\b/i,
  },
  { term: "All-program draw", aliases: ["general draw", "no program specified"], pattern: /\ball-program draws?\b/i },
  { term: "Cut-off score", aliases: ["cutoff", "cut off", "minimum score"], pattern: /\bcut-?off score\b/i },
];

/** Aliases people type for the phrase terms. */
export function phraseAliases(term: string): readonly string[] {
  return PHRASES.find((p) => p.term === term)?.aliases ?? [];
}

const DEFINING =
  /\b(?:is|are) (?:a|an|the)\b|\bmeans\b|\brefers? to\b|\buses? a\b|\bbased on\b|\bto address\b|\ballowing\b|\ballows?\b|\bused (?:by|to)\b|\bto rank\b/i;

// "Comprehensive Ranking System (CRS)": the shortest run of words before the brackets whose initials spell the acronym.
function expansions(text: string): { acronym: string; expansion: string }[] {
  const out: { acronym: string; expansion: string }[] = [];
  for (const m of text.matchAll(/((?:[A-Za-z][\w'-]*,?\s+){0,8}[A-Za-z][\w'-]*)\s*\(([A-Z]{2,6})s?\)/g)) {
    const original = (m[1] ?? "").split(/\s+/);
    const words = original.map((w) => w.replace(/,$/, ""));
    const acronym = m[2] ?? "";
    for (let k = 1; k <= words.length; k += 1) {
      const run = words.slice(words.length - k);
      if (STOP.has((run[0] ?? "").toLowerCase())) continue;
      const all = run.map((w) => w[0]?.toUpperCase()).join("");
      const content = run.filter((w) => !STOP.has(w.toLowerCase())).map((w) => w[0]?.toUpperCase()).join("");
      if (all === acronym || content === acronym) {
        const expansion = original.slice(original.length - k).join(" ");
        // An acronym names one thing, though an article may write it in the plural ("Invitations to Apply (ITA)").
        const one = expansion.replace(/^([A-Za-z][a-z]+[^s'])s(?= (?:to|of|for) )/, "$1");
        out.push({ acronym, expansion: one.replace(/^\w/, (c) => c.toUpperCase()) });
        break;
      }
    }
  }
  return out;
}

/** Terms an article explains: acronym expansions and defining sentences. */
export function extractTerms(article: Article): TermClaim[] {
  const claims: TermClaim[] = [];
  const known = new Map<string, string>();
  for (const p of article.paragraphs) {
    if (p.text.length > 20_000) continue;
    for (const e of expansions(p.text)) {
      if (!known.has(e.acronym)) known.set(e.acronym, e.expansion);
      claims.push({ term: e.acronym, expansion: e.expansion, definition: null, source: article.id });
    }
  }
  for (const p of article.paragraphs) {
    if (p.text.length > 20_000) continue;
    for (const { text: s, line } of sentencesOf(p)) {
      if (s.length > 400 || !DEFINING.test(s)) continue;
      // Only sentences where the term is the subject: it appears in the first words, or the sentence opens with its purpose.
      const head = s.split(/\s+/).slice(0, 10).join(" ");
      const purpose = /^to address\b/i.test(s);
      for (const phrase of PHRASES) {
        if (phrase.pattern.test(head) || (purpose && phrase.pattern.test(s))) claims.push({ term: phrase.term, expansion: null, definition: { text: squash(s), line }, source: article.id });
      }
      for (const [acronym, expansion] of known) {
        const named = new RegExp(`\\b${acronym}s?\\b`);
        const mentions = named.test(s) || s.toLowerCase().includes(expansion.toLowerCase());
        if (mentions && (named.test(head) || /uses a|to rank/.test(s))) {
          claims.push({ term: acronym, expansion, definition: { text: squash(s), line }, source: article.id });
        }
      }
    }
  }
  return claims;
}

/** Merges term claims from every source into one entry a term, sorted. */
export function mergeTerms(claims: readonly TermClaim[], extra: readonly Term[]): Term[] {
  const byTerm = new Map<string, Term>();
  for (const t of extra) byTerm.set(t.term.toLowerCase(), { ...t, definitions: [...t.definitions], sources: [...t.sources] });
  for (const c of claims) {
    const key = c.term.toLowerCase();
    const entry =
      byTerm.get(key) ??
      ({ term: c.term, expansion: null, aliases: [...phraseAliases(c.term)], definitions: [], sources: [] } satisfies Term);
    entry.expansion ??= c.expansion;
    if (c.definition && !entry.definitions.some((d) => d.text === c.definition?.text)) {
      entry.definitions.push({ ...c.definition, source: c.source });
    }
    if (!entry.sources.includes(c.source)) entry.sources.push(c.source);
    byTerm.set(key, entry);
  }
  return [...byTerm.values()]
    .filter((t) => t.expansion !== null || t.definitions.length > 0)
    .map((t) => ({
      ...t,
      aliases: [...new Set(t.aliases)].sort(),
      sources: [...t.sources].sort(),
      definitions: [...t.definitions].sort((a, b) => a.source.localeCompare(b.source) || a.line - b.line || a.text.localeCompare(b.text)),
    }))
    .sort((a, b) => a.term.localeCompare(b.term));
}
