import Fuse from "fuse.js";
import type { KnowledgeBase, NocReference, Passage, Term } from "../kb/schema.js";
import { titleKey } from "../kb/text.js";

/** An occupation title a user may type, with the code it names. */
export interface TitleEntry {
  readonly code: string;
  readonly title: string;
}

/** A scored search hit; lower scores are closer (0 is exact). */
export interface Hit<T> {
  readonly item: T;
  readonly score: number;
}

// Thresholds chosen by measurement on the question set in test/core/questions.ts: the loosest that still
// rejects every decline question there.
const OCCUPATION_THRESHOLD = 0.3;
const TERM_THRESHOLD = 0.3;
const PASSAGE_THRESHOLD = 0.5;

/** The worst score at which a title hit is taken as the occupation meant (measured on the question set). */
export const OCCUPATION_ACCEPT = 0.2;

/** Reduces plural words to their singular so "data scientists" and "data scientist" meet. */
export function singularKey(text: string): string {
  return titleKey(text)
    .split(" ")
    .map((w) => (w.length > 3 && w.endsWith("ies") ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w))
    .join(" ");
}

function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return false;
    prev = cur;
  }
  return (prev[b.length] ?? Infinity) <= max;
}

/** The fuse.js indexes and exact look-up tables the router searches, built once per knowledge base. */
export class SearchIndexes {
  private readonly exactTitles = new Map<string, Set<string>>();
  /** Every word of every title (singular), for correcting typos word by word. */
  private readonly titleWords = new Set<string>();
  private readonly wordsByLength = new Map<number, string[]>();
  private readonly titles: Fuse<TitleEntry>;
  private readonly terms: Fuse<Term>;
  private readonly passages: Fuse<Passage>;

  constructor(kb: KnowledgeBase, noc: NocReference) {
    const entries: TitleEntry[] = noc.unitGroups.map((u) => ({ code: u.code, title: u.title }));
    for (const list of kb.sourceLists) {
      for (const o of list.occupations) {
        if (!entries.some((e) => e.code === o.code && titleKey(e.title) === titleKey(o.title))) entries.push({ code: o.code, title: o.title });
      }
    }
    // NOC titles joined with "and" name two jobs: "Web developers and programmers" is also "web developer".
    for (const e of [...entries]) {
      const parts = e.title.split(/,| and | or /).map((p) => p.trim()).filter((p) => p.split(" ").length >= 2 || p.length >= 6);
      if (parts.length > 1) for (const p of parts) entries.push({ code: e.code, title: p });
    }
    for (const e of entries) {
      const key = singularKey(e.title);
      this.exactTitles.set(key, (this.exactTitles.get(key) ?? new Set()).add(e.code));
      for (const w of key.split(" ")) if (w.length >= 3) this.titleWords.add(w);
    }
    for (const w of this.titleWords) this.wordsByLength.set(w.length, [...(this.wordsByLength.get(w.length) ?? []), w]);
    this.titles = new Fuse(entries, {
      keys: [{ name: "title", weight: 1 }],
      includeScore: true,
      ignoreLocation: true,
      threshold: OCCUPATION_THRESHOLD,
      minMatchCharLength: 3,
    });
    this.terms = new Fuse(kb.terms, {
      keys: [
        { name: "term", weight: 3 },
        { name: "aliases", weight: 2 },
        { name: "expansion", weight: 2 },
      ],
      includeScore: true,
      ignoreLocation: true,
      threshold: TERM_THRESHOLD,
      minMatchCharLength: 2,
    });
    this.passages = new Fuse(kb.passages, {
      keys: [{ name: "text", weight: 1 }],
      includeScore: true,
      useTokenSearch: true,
      tokenMatch: "any",
      threshold: PASSAGE_THRESHOLD,
    });
  }

  /** Codes whose title is exactly this phrase, plurals and punctuation aside. */
  exactOccupation(phrase: string): string[] {
    return [...(this.exactTitles.get(singularKey(phrase)) ?? [])].sort();
  }

  /** Replaces each word that is no title word by the title word one or two typos away, if there is one. */
  correctPhrase(phrase: string): string {
    return singularKey(phrase)
      .split(" ")
      .map((w) => {
        if (w.length < 4 || this.titleWords.has(w)) return w;
        // Two typos only in long words, and only keeping the first letter: "minister" must not become "finisher".
        const max = w.length >= 9 ? 2 : 1;
        for (let d = 0; d <= max; d += 1) {
          for (const len of d === 0 ? [w.length] : [w.length - d, w.length + d]) {
            const hit = (this.wordsByLength.get(len) ?? []).find(
              (c) => withinEdits(w, c, 1) || (max === 2 && c[0] === w[0] && withinEdits(w, c, 2)),
            );
            if (hit) return hit;
          }
        }
        return w;
      })
      .join(" ");
  }

  /** Occupation titles close to a phrase, best first, one hit per code; titles holding the phrase's words whole come first. */
  occupations(phrase: string, limit = 5): Hit<TitleEntry>[] {
    if (phrase.trim() === "") return [];
    const exact = this.exactOccupation(phrase);
    if (exact.length > 0) return exact.map((code) => ({ item: { code, title: phrase }, score: 0 }));
    const corrected = this.correctPhrase(phrase);
    const exactCorrected = this.exactOccupation(corrected);
    if (exactCorrected.length > 0) return exactCorrected.map((code) => ({ item: { code, title: corrected }, score: 0.05 }));
    const words = corrected.split(" ").filter((w) => w.length > 2);
    const whole = (title: string): boolean => {
      const key = ` ${singularKey(title)} `;
      return words.every((w) => key.includes(` ${w} `));
    };
    const seen = new Set<string>();
    const hits: (Hit<TitleEntry> & { whole: boolean })[] = [];
    for (const r of this.titles.search(corrected.slice(0, 64), { limit: limit * 6 })) {
      if (seen.has(r.item.code)) continue;
      seen.add(r.item.code);
      hits.push({ item: r.item, score: r.score ?? 1, whole: whole(r.item.title) });
    }
    return hits
      .sort((a, b) => Number(b.whole) - Number(a.whole) || a.score - b.score)
      .slice(0, limit)
      .map(({ item, score }) => ({ item, score }));
  }

  /** Glossary terms close to a phrase, best first. */
  termsLike(phrase: string, limit = 3): Hit<Term>[] {
    return this.terms.search(phrase.slice(0, 64), { limit }).map((r) => ({ item: r.item, score: r.score ?? 1 }));
  }

  /** Passages that share words with a question, best first. */
  passagesLike(question: string, limit = 3): Hit<Passage>[] {
    return this.passages.search(question.slice(0, 300), { limit }).map((r) => ({ item: r.item, score: r.score ?? 1 }));
  }
}
