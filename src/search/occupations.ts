import Fuse from "fuse.js";
import { titleKey } from "../kb/text.js";
import { Memo } from "../memo.js";
import { DEFAULT_TUNING, type SearchTuning } from "./tuning.js";

/** An occupation title a user may type, with the code it names. */
export interface TitleEntry {
  readonly code: string;
  readonly title: string;
}

/** A scored hit; lower scores are closer (0 is exact). */
export interface Hit<T> {
  readonly item: T;
  readonly score: number;
}

// Words that never tell two occupations apart.
const TITLE_STOPWORDS = new Set(["and", "or", "of", "in", "the", "a", "an", "for", "to", "with", "except", "other", "related", "nec", "n", "e", "c"]);

/** Reduces a word to its singular: "scientists" → "scientist", "secretaries" → "secretary". */
export function singularWord(w: string): string {
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

/** The content words of a title or phrase, lower case and singular. */
export function contentWords(text: string): string[] {
  return titleKey(text)
    .split(" ")
    .filter((w) => w.length > 1 && !TITLE_STOPWORDS.has(w))
    .map(singularWord);
}

const LENGTH_SLACK = 2;
// Less than a typo's cost (0.02 a word): the head noun orders close titles, it never outweighs a better match.
const HEAD_BONUS = 0.015;

interface Indexed {
  readonly entry: TitleEntry;
  readonly words: readonly string[];
  readonly weight: number;
}

/** Finds occupations by title: exact, then word by word with typos corrected by fuse.js, then by shared words. */
export class OccupationMatcher {
  private readonly exact = new Map<string, Set<string>>();
  private readonly entries: Indexed[] = [];
  private readonly byWord = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  /** One small fuse.js index per first letter and length: a typo is searched only among words that could be it. */
  private readonly buckets = new Map<string, Fuse<string> | undefined>();
  private readonly byShape = new Map<string, string[]>();
  private readonly lengths: ReadonlySet<number>;
  private readonly corrections = new Memo<string, string | null>(10_000);

  constructor(
    entries: readonly TitleEntry[],
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
    /** How a title or phrase is cut into the words compared: English content words unless told. */
    readonly wordsOf: (text: string) => string[] = contentWords,
    /** Titles name their head noun first (French): a title that starts with the phrase's first word is closer. */
    private readonly headFirst = false,
  ) {
    for (const entry of entries) {
      const words = [...new Set(this.wordsOf(entry.title))];
      const key = words.join(" ");
      if (key === "") continue;
      this.exact.set(key, (this.exact.get(key) ?? new Set()).add(entry.code));
      const index = this.entries.length;
      this.entries.push({ entry, words, weight: 0 });
      for (const w of words) this.byWord.set(w, [...(this.byWord.get(w) ?? []), index]);
    }
    const n = this.entries.length;
    for (const [w, list] of this.byWord) this.idf.set(w, Math.log(1 + n / new Set(list.map((i) => this.entries[i]?.entry.code)).size));
    for (let i = 0; i < this.entries.length; i += 1) {
      const e = this.entries[i] as Indexed;
      this.entries[i] = { ...e, weight: this.weightOf(e.words) };
    }
    for (const w of this.byWord.keys()) this.byShape.set(`${w[0]}${w.length}`, [...(this.byShape.get(`${w[0]}${w.length}`) ?? []), w]);
    this.lengths = new Set([...this.byWord.keys()].map((w) => w.length));
  }

  // Built on the first typo of that shape: most letter and length pairs are never met.
  private bucket(word: string): Fuse<string> | undefined {
    const key = `${word[0]}${word.length}`;
    if (!this.buckets.has(key) && this.lengths.has(word.length)) {
      const near: string[] = [];
      for (let d = -LENGTH_SLACK; d <= LENGTH_SLACK; d += 1) near.push(...(this.byShape.get(`${word[0]}${word.length + d}`) ?? []));
      this.buckets.set(key, near.length > 0 ? new Fuse(near.sort(), { includeScore: true, threshold: this.tuning.wordThreshold, ignoreLocation: true, isCaseSensitive: true }) : undefined);
    }
    return this.buckets.get(key);
  }

  private weightOf(words: readonly string[]): number {
    return words.reduce((s, w) => s + (this.idf.get(w) ?? 0), 0);
  }

  /** The title word a possibly mistyped word stands for, or null. */
  correct(word: string): string | null {
    if (this.byWord.has(word)) return word;
    if (word.length < 4) return null;
    return this.corrections.get(word, () => this.nearestTitleWord(word));
  }

  private nearestTitleWord(word: string): string | null {
    // Typos rarely hit the first letter, and "minister" must not become "finisher"; among equally close
    // words the one more titles use wins ("enginer" is "engineer", not "engine").
    const bucket = this.bucket(word);
    const hits = (bucket?.search(word, { limit: 8 }) ?? []).filter(
      (h) => (h.score ?? 1) <= this.tuning.wordThreshold && h.item[0] === word[0] && Math.abs(h.item.length - word.length) <= LENGTH_SLACK,
    );
    const top = hits[0]?.score ?? 1;
    return (
      hits
        .filter((h) => (h.score ?? 1) - top < 0.01)
        .sort((a, b) => (this.byWord.get(b.item)?.length ?? 0) - (this.byWord.get(a.item)?.length ?? 0) || a.item.localeCompare(b.item))[0]?.item ?? null
    );
  }

  /** Title words that start with a prefix, for a word still being typed. */
  private completions(prefix: string): string[] {
    const out: string[] = [];
    for (const w of this.byWord.keys()) if (w.startsWith(prefix) && w !== prefix) out.push(w);
    return out.sort((a, b) => (this.byWord.get(b)?.length ?? 0) - (this.byWord.get(a)?.length ?? 0)).slice(0, 20);
  }

  /** Occupations whose title matches a phrase, best first, one hit a code; with `prefix`, the last word may be unfinished. */
  search(phrase: string, limit = 5, options: { prefix?: boolean } = {}): Hit<TitleEntry>[] {
    const raw = [...new Set(this.wordsOf(phrase))];
    if (raw.length === 0) return [];
    const last = raw.at(-1) ?? "";
    if (options.prefix && !this.byWord.has(last) && last.length >= 2) {
      // Autocomplete: try the unfinished word as each title word it can begin, best completion first.
      for (const completion of this.completions(last)) {
        const hits = this.search([...raw.slice(0, -1), completion].join(" "), limit);
        if (hits.length > 0) return hits;
      }
    }
    const exact = this.exact.get(raw.join(" "));
    if (exact) return [...exact].sort().slice(0, limit).map((code) => ({ item: { code, title: phrase }, score: 0 }));
    const corrected: string[] = [];
    let unknown = 0;
    for (const w of raw) {
      const c = this.correct(w);
      if (c) corrected.push(c);
      else unknown += 1;
    }
    const words = [...new Set(corrected)];
    if (words.length === 0) return [];
    const fixed = this.exact.get(words.join(" "));
    if (fixed && unknown === 0) return [...fixed].sort().slice(0, limit).map((code) => ({ item: { code, title: phrase }, score: 0.05 }));
    // Unknown words count against the match: "minister" explains nothing.
    const queryWeight = this.weightOf(words) + unknown * Math.log(1 + this.entries.length);
    const candidates = new Set<number>();
    for (const w of words) for (const i of this.byWord.get(w) ?? []) candidates.add(i);
    const scored: { item: TitleEntry; score: number }[] = [];
    for (const i of candidates) {
      const e = this.entries[i] as Indexed;
      const shared = this.weightOf(words.filter((w) => e.words.includes(w)));
      const recall = shared / queryWeight;
      if (recall < this.tuning.minRecall) continue;
      const precision = shared / e.weight;
      const head = this.headFirst && e.words[0] !== undefined && e.words[0] === words[0] ? HEAD_BONUS : 0;
      scored.push({ item: e.entry, score: 1 - (0.7 * recall + 0.3 * precision) + (raw.length - words.length + unknown) * 0.02 - head });
    }
    scored.sort((a, b) => a.score - b.score || a.item.title.length - b.item.title.length || a.item.code.localeCompare(b.item.code));
    const seen = new Set<string>();
    const out: Hit<TitleEntry>[] = [];
    for (const s of scored) {
      if (seen.has(s.item.code)) continue;
      seen.add(s.item.code);
      out.push(s);
      if (out.length >= limit) break;
    }
    return out;
  }
}
