import { createHash } from "node:crypto";
import { loadKnowledgeBase, loadNocReference } from "../kb/load.js";
import { DEFAULT_PATHS } from "../kb/paths.js";
import type {
  CategoryId,
  CategoryList,
  Draw,
  Fact,
  FactKind,
  KnowledgeBase,
  NocReference,
  Occupation,
  Source,
  Term,
} from "../kb/schema.js";
import { SearchIndexes } from "../search/indexes.js";
import { DEFAULT_TUNING, type SearchTuning } from "../search/tuning.js";

/** What a category list says about one occupation code. */
export interface Membership {
  readonly list: CategoryList;
  readonly member: boolean;
  readonly sources: readonly string[];
  readonly omittedBy: readonly string[];
}

/** The knowledge base and the NOC reference with the look-ups and indexes answers need; immutable once built. */
export class Knowledge {
  readonly occupations: ReadonlyMap<string, Occupation>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly draws: readonly Draw[];
  readonly search: SearchIndexes;
  /** Short hash of kb.json's content, to tell versions apart. */
  readonly version: string;
  private readonly drawsByRound: ReadonlyMap<number, Draw>;

  constructor(
    readonly kb: KnowledgeBase,
    readonly noc: NocReference,
    tuning: SearchTuning = DEFAULT_TUNING,
  ) {
    this.occupations = new Map(noc.unitGroups.map((u) => [u.code, u]));
    this.sources = new Map(kb.sources.map((s) => [s.id, s]));
    this.draws = [...kb.draws].sort((a, b) => a.round - b.round);
    this.drawsByRound = new Map(this.draws.map((d) => [d.round, d]));
    this.search = new SearchIndexes(kb, noc, tuning);
    this.version = createHash("sha256").update(JSON.stringify(kb)).digest("hex").slice(0, 12);
  }

  /** Loads kb.json and the NOC reference from disk, validating both. */
  static load(paths: { kb: string; noc: string } = DEFAULT_PATHS): Knowledge {
    const kb = loadKnowledgeBase(paths.kb);
    if (!kb.ok) throw kb.error;
    const noc = loadNocReference(paths.noc);
    if (!noc.ok) throw noc.error;
    return new Knowledge(kb.value, noc.value);
  }

  /** The round with this number, if known. */
  draw(round: number): Draw | undefined {
    return this.drawsByRound.get(round);
  }

  /** The latest round known, optionally only of one category or program. */
  latestDraw(category?: CategoryId): Draw | undefined {
    const pool = category ? this.draws.filter((d) => d.category === category) : this.draws;
    return [...pool].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.round - b.round).at(-1);
  }

  /** The rounds held on a date. */
  drawsOn(date: string): Draw[] {
    return this.draws.filter((d) => d.date === date);
  }

  /** Category lists, newest year first. */
  listsOf(category: CategoryId): CategoryList[] {
    return this.kb.categoryLists.filter((l) => l.category === category).sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
  }

  /** The list that applies to the latest round of a category (else the latest dated list). */
  currentList(category: CategoryId): CategoryList | undefined {
    const lists = this.listsOf(category);
    return lists.find((l) => l.rounds.length > 0) ?? lists[0];
  }

  /** What every list of a category says about a code, current list first. */
  memberships(code: string, category: CategoryId): Membership[] {
    const current = this.currentList(category);
    const lists = this.listsOf(category).sort((a, b) => (a === current ? -1 : b === current ? 1 : 0));
    return lists.map((list) => {
      const m = list.members.find((x) => x.code === code);
      return { list, member: m !== undefined, sources: m?.sources ?? [], omittedBy: m?.omittedBy ?? [] };
    });
  }

  /** Categories whose current list has the code. */
  categoriesOf(code: string): CategoryId[] {
    const cats = [...new Set(this.kb.categoryLists.map((l) => l.category))];
    return cats.filter((c) => this.currentList(c)?.members.some((m) => m.code === code));
  }

  /** Facts of one kind. */
  facts<K extends FactKind>(kind: K): Extract<Fact, { kind: K }>[] {
    return this.kb.facts.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind);
  }

  /** A glossary term by name, expansion or alias. */
  term(name: string): Term | undefined {
    const key = name.toLowerCase();
    return this.kb.terms.find(
      (t) => t.term.toLowerCase() === key || t.expansion?.toLowerCase() === key || t.aliases.some((a) => a.toLowerCase() === key),
    );
  }

  /** The span of dates the known rounds cover. */
  coverage(): { first: Draw | undefined; last: Draw | undefined } {
    const dated = this.draws.filter((d) => d.date).sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
    return { first: dated[0], last: dated.at(-1) };
  }
}
