import { categoriesOfCode, listInForce, listsOf } from "../kb/lists/query.js";
import { loadKnowledgeBase, loadNocReference } from "../kb/load.js";
import { loadNocFrench } from "../kb/noc-french.js";
import { DEFAULT_PATHS } from "../kb/paths.js";
import type { CategoryList, Draw, Fact, FactKind, KnowledgeBase, NocReference, Occupation, Source, Term } from "../kb/schema.js";
import { loadVocabulary, VOCABULARY_FILE, type RoundTypeEntry, type Vocabulary } from "../kb/vocabulary.js";
import { normalizeCrsGrid, type CrsGrid } from "../crs/grid.js";
import { Lexicon } from "../nlu/lexicon.js";
import { normalise } from "../nlu/parse.js";
import { lang } from "../messages/lang.js";
import type { Lang } from "../messages/lang.js";
import { SearchIndexes } from "../search/indexes.js";
import { DEFAULT_TUNING, type SearchTuning } from "../search/tuning.js";
import { sha256Hex } from "../hash.js";

/** A round type as answers name it. */
export interface RoundTypeInfo {
  readonly id: string;
  readonly kind: "all" | "program" | "category";
  /** Short name for sentences: "CEC", "STEM", "healthcare". */
  readonly label: string;
  readonly name: string;
  readonly seenNames: readonly string[];
}

/** What one year's list of a category says about a code. */
export interface YearMembership {
  readonly list: CategoryList;
  readonly member: boolean;
}

/** The knowledge base, the NOC reference and the vocabulary, with the look-ups and indexes answers need; immutable once built. */
export class Knowledge {
  readonly occupations: ReadonlyMap<string, Occupation>;
  readonly sources: ReadonlyMap<string, Source>;
  /** Every round, oldest first. */
  readonly draws: readonly Draw[];
  readonly search: SearchIndexes;
  readonly lexicon: Lexicon;
  private versionValue: string | undefined;
  private readonly drawsByRound: ReadonlyMap<string, Draw>;
  private readonly types: ReadonlyMap<string, RoundTypeInfo>;
  private crsGridValue: CrsGrid | undefined;
  private frenchTitlesValue: ReadonlyMap<string, string> | undefined;
  // Answers ask the same few questions of the rounds, lists and facts many times a message; each is read once.
  private readonly drawsByTypes = new Map<string, readonly Draw[]>();
  private readonly factsByKind = new Map<string, readonly Fact[]>();
  private distributionsValue: readonly Draw[] | undefined;
  private listYearsValue: readonly number[] | undefined;

  constructor(
    readonly kb: KnowledgeBase,
    readonly noc: NocReference,
    readonly vocabulary: Vocabulary = loadVocabulary(),
    tuning: SearchTuning = DEFAULT_TUNING,
    /** The official French NOC titles (CNP 2021), read on the first French question. */
    private readonly nocFrFile: string = DEFAULT_PATHS.nocFr,
  ) {
    this.occupations = new Map(noc.unitGroups.map((u) => [u.code, u]));
    this.sources = new Map(kb.sources.map((s) => [s.id, s]));
    this.draws = [...kb.draws].sort((a, b) => a.order - b.order);
    this.drawsByRound = new Map(this.draws.map((d) => [d.round, d]));
    this.search = new SearchIndexes(kb, noc, tuning, () => ({
      titles: [...this.frenchTitles].map(([code, title]) => ({ code, title })),
      read: (text) => this.readFrench(text),
      stopwords: this.frenchTitleStopwords(),
    }));
    this.lexicon = new Lexicon(vocabulary);
    const types = new Map<string, RoundTypeInfo>();
    for (const v of vocabulary.roundTypes) types.set(v.id, { id: v.id, kind: v.kind, label: v.label, name: v.name, seenNames: [] });
    for (const t of kb.roundTypes) types.set(t.id, { ...t, label: types.get(t.id)?.label ?? t.label });
    this.types = types;

  }

  /** Loads kb.json, the NOC reference and the vocabulary from disk, validating each. */
  static load(paths: { kb: string; noc: string; vocabulary?: string; nocFr?: string } = DEFAULT_PATHS): Knowledge {
    const kb = loadKnowledgeBase(paths.kb);
    if (!kb.ok) throw kb.error;
    const noc = loadNocReference(paths.noc);
    if (!noc.ok) throw noc.error;
    return new Knowledge(kb.value, noc.value, loadVocabulary(paths.vocabulary ?? VOCABULARY_FILE), DEFAULT_TUNING, paths.nocFr ?? DEFAULT_PATHS.nocFr);
  }

  // Read on first use: an English-only process never loads the French titles. A broken shipped file is a bug, not
  // an answer: it is thrown as the typed error naming the file and field.
  private get frenchTitles(): ReadonlyMap<string, string> {
    if (!this.frenchTitlesValue) {
      const loaded = loadNocFrench(this.nocFrFile);
      if (!loaded.ok) throw loaded.error;
      this.frenchTitlesValue = new Map(loaded.value.unitGroups.map((u) => [u.code, u.title]));
    }
    return this.frenchTitlesValue;
  }

  /** The official French title of a NOC unit group (CNP 2021), as Statistics Canada publishes it. */
  frenchTitle(code: string): string | undefined {
    return this.frenchTitles.get(code);
  }

  /** An occupation's title in a language (the one being written in by default): the official French title in French, when there is one. */
  occupationTitle(o: { readonly code: string; readonly title: string }, language: Lang = lang()): string {
    return language === "fr" ? (this.frenchTitle(o.code) ?? o.title) : o.title;
  }

  // A round type's one-word names ("transport", "sante") are taken out of a question before its occupation phrase
  // is read, so a French title is searched without them too; so are the parser's stop and cue words.
  private frenchTitleStopwords(): ReadonlySet<string> {
    const names = this.vocabulary.roundTypes.flatMap((r) => [...r.words, ...r.wordsFr].map((w) => this.readFrench(w))).filter((w) => /^[a-z]+$/.test(w));
    return new Set([...this.lexicon.stopwords, ...names]);
  }

  /** A French text as the parser reads it: lower case, without accents, in the words of knowledge/french.json. */
  readFrench(text: string): string {
    return this.lexicon.french.toEnglish(normalise(text));
  }

  /** Short hash of kb.json's content, to tell versions apart (computed on first use: a one-question run never needs it). */
  get version(): string {
    this.versionValue ??= sha256Hex(JSON.stringify(this.kb)).slice(0, 12);
    return this.versionValue;
  }

  /** The CRS points grid the knowledge base carries, in the form the calculator reads (built on first use). */
  get crsGrid(): CrsGrid {
    this.crsGridValue ??= normalizeCrsGrid(this.kb.crs);
    return this.crsGridValue;
  }

  /** The round with this id ("254", "91b"), if known. */
  draw(round: string): Draw | undefined {
    return this.drawsByRound.get(round);
  }

  /** A round type by id. */
  roundType(id: string): RoundTypeInfo | undefined {
    return this.types.get(id);
  }

  /** Every round type the knowledge base knows, in vocabulary order. */
  roundTypes(): RoundTypeInfo[] {
    return [...this.types.values()];
  }

  /** The vocabulary entry of a round type. */
  entry(id: string): RoundTypeEntry | undefined {
    return this.vocabulary.roundTypes.find((r) => r.id === id);
  }

  /** A round's name as IRCC writes it in the language being written in: the French feed's in French, when there is one. */
  drawName(d: Draw): string | null {
    return lang() === "fr" ? (this.kb.roundNamesFr.names[d.round] ?? d.name) : d.name;
  }

  /** The French feed's source id when a French round name is used, for the answer's sources. */
  drawNameSource(d: Draw): string | null {
    return lang() === "fr" && this.kb.roundNamesFr.names[d.round] !== undefined ? this.kb.roundNamesFr.source : null;
  }

  /** Short name of a round type for sentences ("CEC", "STEM"); the id when unknown. */
  label(id: string | null | undefined): string {
    const fr = lang() === "fr";
    if (!id) return fr ? "type inconnu" : "unknown type";
    if (fr) return this.entry(id)?.labelFr ?? this.types.get(id)?.label ?? id;
    return this.types.get(id)?.label ?? id;
  }

  /** Rounds of some types (all when empty), oldest first. */
  drawsOf(types: readonly string[] = []): readonly Draw[] {
    if (types.length === 0) return this.draws;
    const key = types.join(" ");
    let draws = this.drawsByTypes.get(key);
    if (!draws) {
      draws = this.draws.filter((d) => d.category !== null && types.includes(d.category));
      this.drawsByTypes.set(key, draws);
    }
    return draws;
  }

  /** Rounds dated within [from, to], of some types (all when empty), oldest first. */
  drawsBetween(from: string, to: string, types: readonly string[] = []): Draw[] {
    return this.drawsOf(types).filter((d) => d.date !== null && d.date >= from && d.date <= to);
  }

  /** The latest round known, optionally only of some types. */
  latestDraw(types: readonly string[] = []): Draw | undefined {
    return this.drawsOf(types).at(-1);
  }

  /** The first round known of some types. */
  firstDraw(types: readonly string[] = []): Draw | undefined {
    return this.drawsOf(types)[0];
  }

  /** The rounds held on a date. */
  drawsOn(date: string): Draw[] {
    return this.draws.filter((d) => d.date === date);
  }

  /** The round of the same type just before this one. */
  previousOfType(draw: Draw): Draw | undefined {
    return this.draws.filter((d) => d.category === draw.category && d.order < draw.order).at(-1);
  }

  /** The latest round that published a pool distribution on or before a date. */
  distributionAt(date?: string): Draw | undefined {
    this.distributionsValue ??= this.draws.filter((d) => d.distribution !== null);
    return date ? this.distributionsValue.filter((d) => (d.distribution?.asOf ?? "") <= date).at(-1) : this.distributionsValue.at(-1);
  }

  /** Every list of a category, oldest year first. */
  listsOf(category: string): CategoryList[] {
    return listsOf(this.kb, category);
  }

  /** The list of a category in force on a date (the latest when no date), as the lists module dates them. */
  listAt(category: string, date?: string): CategoryList | undefined {
    return listInForce(this.kb, category, date) ?? undefined;
  }

  /** The list of a category for a year. */
  listIn(category: string, year: number): CategoryList | undefined {
    return this.listsOf(category).find((l) => l.year === year);
  }

  /** Categories with a list for a year. */
  listsInYear(year: number): CategoryList[] {
    return this.kb.categoryLists.filter((l) => l.year === year);
  }

  /** Years the category lists cover. */
  listYears(): readonly number[] {
    return (this.listYearsValue ??= [...new Set(this.kb.categoryLists.map((l) => l.year))].sort((a, b) => a - b));
  }

  /** What every year's list of a category says about a code, oldest first. */
  membershipHistory(code: string, category: string): YearMembership[] {
    return this.listsOf(category)
      .filter((l) => l.hasOccupations)
      .map((list) => ({ list, member: list.active && list.members.some((m) => m.code === code) }));
  }

  /** The lists in force on a date (latest by default) that hold a code. */
  categoriesOf(code: string, date?: string): CategoryList[] {
    return categoriesOfCode(this.kb, code, date).categories.map((c) => c.list);
  }

  /** Facts of one kind. */
  facts<K extends FactKind>(kind: K): readonly Extract<Fact, { kind: K }>[] {
    let facts = this.factsByKind.get(kind);
    if (!facts) {
      facts = this.kb.facts.filter((f) => f.kind === kind);
      this.factsByKind.set(kind, facts);
    }
    return facts as readonly Extract<Fact, { kind: K }>[];
  }

  /** A glossary term by name, expansion or alias. */
  term(name: string): Term | undefined {
    const key = name.toLowerCase();
    return this.kb.terms.find(
      (t) => t.term.toLowerCase() === key || t.expansion?.toLowerCase() === key || t.aliases.some((a) => a.toLowerCase() === key),
    );
  }
}
