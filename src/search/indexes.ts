import Fuse from "fuse.js";
import type { KnowledgeBase, NocReference, Passage, Term } from "../kb/schema.js";
import { titleKey } from "../kb/text.js";
import { Memo } from "../memo.js";
import type { Lang } from "../messages/lang.js";
import { frenchContentWords, frenchTitleEntries, type FrenchTitles } from "./french.js";
import { contentWords, OccupationMatcher, type Hit, type TitleEntry } from "./occupations.js";
import { DEFAULT_TUNING, type SearchTuning } from "./tuning.js";

export type { Hit, TitleEntry } from "./occupations.js";
export type { FrenchTitles } from "./french.js";

// How far fuse.js looks; what is accepted is decided against SearchTuning.
const TERM_THRESHOLD = 0.3;
const PASSAGE_THRESHOLD = 0.5;

const MEMO_LIMIT = 2000;

// Words that say nothing of what a passage is about, in questions ("what do I need after getting") or articles.
const PASSAGE_STOPWORDS = new Set(
  "the a an and or of to in on at for with is are was were be been by as it its this that from have has had will would can could not but which who what how when where why about into than then there their they them our your you we i me my do does did so if need needed get getting got know want tell much many like even still also just any some all one ones only really please pls thing things way".split(" "),
);

/** A word's stem, crudely: "chosen", "choose" and "choosing" meet; "documents" and "document" too. */
function stem(w: string): string {
  if (w.length <= 4) return w;
  return w.replace(/(?:ing|ed|en|es|e|s)$/, "").replace(/(.)\1$/, "$1");
}

/** The words of a passage or question that can tie them together: lower case, stemmed, no stopwords. */
function passageWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !PASSAGE_STOPWORDS.has(w))
    .map(stem);
}

/** A glossary term with the names it is known by, precompiled for scanning messages. */
interface TermMatcher {
  readonly term: Term;
  readonly patterns: readonly { re: RegExp; length: number }[];
}

/** Every title a user may type for an occupation: NOC's, the articles' tables', and each part of a title joined with "and". */
function titleEntries(noc: NocReference, kb: KnowledgeBase): TitleEntry[] {
  const entries: TitleEntry[] = noc.unitGroups.map((u) => ({ code: u.code, title: u.title }));
  const known = new Set(entries.map((e) => `${e.code} ${titleKey(e.title)}`));
  for (const list of kb.sourceLists) {
    for (const o of list.occupations) {
      const key = `${o.code} ${titleKey(o.title)}`;
      if (!known.has(key)) {
        known.add(key);
        entries.push({ code: o.code, title: o.title });
      }
    }
  }
  // NOC titles joined with "and" name two jobs: "Web developers and programmers" is also "web developer".
  for (const e of [...entries]) {
    const parts = e.title.split(/,| and | or | \(/).map((p) => p.replace(/\)$/, "").trim()).filter((p) => p.split(" ").length >= 2 || p.length >= 6);
    if (parts.length > 1) for (const p of parts) if (!/^except\b/.test(p)) entries.push({ code: e.code, title: p });
  }
  return entries;
}

/** The fuse.js indexes and look-up tables the router searches, built once per knowledge base. */
export class SearchIndexes {
  private matcherValue: OccupationMatcher | undefined;
  private termsValue: Fuse<{ name: string; term: Term }> | undefined;
  private readonly kbTitles: { noc: NocReference; kb: KnowledgeBase };
  private readonly kbTerms: readonly Term[];
  private readonly kbPassages: readonly Passage[];
  private passageWordsValue: Map<string, number[]> | undefined;
  private readonly passageMemo = new Memo<string, Hit<Passage>[]>(MEMO_LIMIT);
  private termMatchersValue: TermMatcher[] | undefined;
  private readonly memo = new Memo<string, Hit<TitleEntry>[]>(MEMO_LIMIT);
  private readonly termMemo = new Memo<string, Hit<Term>[]>(MEMO_LIMIT);
  private frenchMatcherValue: OccupationMatcher | undefined;
  private readonly frenchMemo = new Memo<string, Hit<TitleEntry>[]>(MEMO_LIMIT);

  constructor(
    kb: KnowledgeBase,
    noc: NocReference,
    /** The thresholds in use. */
    readonly tuning: SearchTuning = DEFAULT_TUNING,
    /** The French titles, asked for on the first French search only. */
    private readonly french?: () => FrenchTitles,
  ) {
    this.kbTitles = { noc, kb };
    this.kbTerms = kb.terms;
    this.kbPassages = kb.passages;
  }

  // Compiled on first use: a process that never meets a term never pays for its patterns.
  private get termMatchers(): TermMatcher[] {
    this.termMatchersValue ??= this.kbTerms.map((term) => ({
      term,
      patterns: [term.term, term.expansion, ...term.aliases]
        .filter((n): n is string => n !== null && n.length >= 2)
        .map((n) => {
          const body = n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/-/g, "[- ]?");
          return { re: new RegExp(`(?:^|[^a-z0-9])${body}s?(?:$|[^a-z0-9])`), length: n.length };
        }),
    }));
    return this.termMatchersValue;
  }

  // Built on first use: a process that answers only by code never pays for the title index.
  private get matcher(): OccupationMatcher {
    this.matcherValue ??= new OccupationMatcher(titleEntries(this.kbTitles.noc, this.kbTitles.kb), this.tuning);
    return this.matcherValue;
  }

  // Built on the first French search: an English-only process never reads the French titles.
  private get frenchMatcher(): OccupationMatcher | undefined {
    if (!this.frenchMatcherValue && this.french) {
      const french = this.french();
      this.frenchMatcherValue = new OccupationMatcher(frenchTitleEntries(french), this.tuning, (text) => frenchContentWords(text, french.stopwords), true);
    }
    return this.frenchMatcherValue;
  }

  // Every name of every term is its own record, so a typo in an expansion scores against that expansion alone.
  private get terms(): Fuse<{ name: string; term: Term }> {
    this.termsValue ??= new Fuse(
      this.kbTerms.flatMap((term) =>
        [term.term, term.expansion, ...term.aliases].filter((n): n is string => n !== null && n.length >= 2).map((name) => ({ name: name.toLowerCase(), term })),
      ),
      { keys: ["name"], includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: TERM_THRESHOLD, minMatchCharLength: 2 },
    );
    return this.termsValue;
  }

  private passageIndexValue: Fuse<Passage> | undefined;

  private get passageIndex(): Fuse<Passage> {
    this.passageIndexValue ??= new Fuse(this.kbPassages, { keys: [{ name: "text", weight: 1 }], includeScore: true, useTokenSearch: true, tokenMatch: "any", threshold: PASSAGE_THRESHOLD });
    return this.passageIndexValue;
  }

  /** Passage indices by the words they hold. */
  private get passageWords(): Map<string, number[]> {
    if (!this.passageWordsValue) {
      const index = new Map<string, number[]>();
      this.kbPassages.forEach((p, i) => {
        for (const w of new Set(passageWords(p.text))) index.set(w, [...(index.get(w) ?? []), i]);
      });
      this.passageWordsValue = index;
    }
    return this.passageWordsValue;
  }

  /** Occupation titles close to a phrase, best first, one hit per code (remembered for repeated phrases); `prefix` for text still being typed. */
  occupations(phrase: string, limit = 5, prefix = false): Hit<TitleEntry>[] {
    const key = `${limit}\u0000${prefix ? "p" : ""}\u0000${phrase}`;
    return this.memo.get(key, () => (phrase.trim() === "" ? [] : this.matcher.search(phrase.slice(0, 200), limit, { prefix })));
  }

  /**
   * Official French titles close to a phrase in the parser's words (a French question's phrase, or text read with
   * FrenchTitles.read), best first, one hit per code; none when no French titles were given.
   */
  occupationsFr(phrase: string, limit = 5, prefix = false): Hit<TitleEntry>[] {
    const key = `${limit}\u0000${prefix ? "p" : ""}\u0000${phrase}`;
    return this.frenchMemo.get(key, () => (phrase.trim() === "" ? [] : (this.frenchMatcher?.search(phrase.slice(0, 200), limit, { prefix }) ?? [])));
  }

  /** The words a title search compares in a text: English content words, or French ones (masculine singular). */
  titleWords(text: string, lang: Lang): string[] {
    const matcher = lang === "fr" ? this.frenchMatcher : undefined;
    return matcher ? matcher.wordsOf(text) : contentWords(text);
  }

  /** The glossary term a message names outright (the longest name wins). */
  termNamedIn(text: string): Term | undefined {
    let best: { term: Term; length: number } | undefined;
    for (const m of this.termMatchers) {
      for (const p of m.patterns) if (p.re.test(text) && (!best || p.length > best.length)) best = { term: m.term, length: p.length };
    }
    return best?.term;
  }

  /** Glossary terms close to a short phrase (a term is a few words), best first. */
  termsLike(phrase: string, limit = 3): Hit<Term>[] {
    if (phrase.length > 40 || phrase.split(" ").length > 4) return [];
    return this.termMemo.get(`${limit}\u0000${phrase}`, () => {
      const hits: Hit<Term>[] = [];
      for (const r of this.terms.search(phrase, { limit: limit * 3 })) {
        if (hits.some((h) => h.item === r.item.term)) continue;
        hits.push({ item: r.item.term, score: r.score ?? 1 });
        if (hits.length >= limit) break;
      }
      return hits;
    });
  }

  /**
   * Passages that share words with a question, best first. The fuse.js token index runs only when some passage
   * shares at least two content words with the question, and only those passages can be returned.
   */
  passagesLike(question: string, limit = 3): Hit<Passage>[] {
    const q = [...new Set(question.slice(0, 300).split(/\s+/))].slice(0, 24).join(" ");
    const hits = this.passageMemo.get(q, () => {
      // The share of the question's words a passage holds, each weighted by how rare it is among the passages
      // (a word no passage holds weighs 1): the score is what that share leaves out, 0 for a passage holding all.
      const words = [...new Set(passageWords(q))];
      const n = this.kbPassages.length;
      const weight = (w: string) => { const df = this.passageWords.get(w)?.length ?? 0; return df === 0 ? 1 : Math.log(1 + n / df); };
      const total = words.reduce((sum, w) => sum + weight(w), 0);
      const shared = new Map<number, { count: number; weight: number }>();
      for (const w of words) for (const i of this.passageWords.get(w) ?? []) {
        const v = shared.get(i) ?? { count: 0, weight: 0 };
        shared.set(i, { count: v.count + 1, weight: v.weight + weight(w) });
      }
      // Two words must tie them, not counting words most passages hold ("express", "entry").
      const telling = (w: string) => (this.passageWords.get(w)?.length ?? 0) <= n / 3;
      const tied = new Map<number, number>();
      for (const w of words.filter(telling)) for (const i of this.passageWords.get(w) ?? []) tied.set(i, (tied.get(i) ?? 0) + 1);
      const byWords = [...shared.entries()]
        .filter(([i]) => (tied.get(i) ?? 0) >= 2)
        .map(([i, v]) => ({ item: this.kbPassages[i] as Passage, score: 1 - v.weight / total }))
        .sort((a, b) => a.score - b.score);
      if (byWords.length > 0) return byWords.slice(0, 3);
      // No passage shares two words as written: fuse.js reads through typos, scored against the whole collection.
      return this.passageIndex
        .search(q, { limit: 3 })
        .map((r) => ({ item: r.item, score: r.score ?? 1 }));
    });
    return hits.slice(0, limit);
  }
}
