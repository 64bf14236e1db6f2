import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import * as z from "zod";
import { crsGridSource, parseCrsGridFile } from "../crs/grid.js";
import { EeBotError, ErrorCode } from "../errors.js";
import { readArticle } from "./article.js";
import { extractDraws, type DrawClaim } from "./extract/draws.js";
import { extractProseFacts, type CategoryCountClaim } from "./extract/facts.js";
import { extractOccupationTables, type FoundTable } from "./extract/occupations.js";
import { extractSourceMeta } from "./extract/source-meta.js";
import { extractTerms, mergeTerms, type TermClaim } from "./extract/terms.js";
import { parseFeedFormat, type FeedFormat } from "./feed/format.js";
import { readFrenchNames } from "./feed/french.js";
import { latestRound, nameWithoutVersion, parseFeedText, type FeedRound } from "./feed/parse.js";
import { readOfficialLists, readVersionMap, type DataFile } from "./lists/read.js";
import { sourceIdOf, type KnowledgePaths } from "./paths.js";

export { sourceIdOf } from "./paths.js";
import { mergeFacts, reconcileCategoryLists, reconcileDraws, sourceLists, validateAgainstNoc } from "./reconcile.js";
import {
  KnowledgeBaseSchema,
  NocReferenceSchema,
  type BuildWarning,
  type Fact,
  type KnowledgeBase,
  type Occupation,
  type Passage,
  type Source,
  type Term,
} from "./schema.js";
import { VocabularySchema, type Vocabulary } from "./vocabulary.js";
import { sha256Hex } from "../hash.js";

/** The curated glossary file, knowledge/glossary.json. */
export const GlossarySchema = z.object({
  about: z.string(),
  title: z.string(),
  publisher: z.string(),
  entries: z.array(
    z.object({ term: z.string(), expansion: z.string().nullable(), aliases: z.array(z.string()), definition: z.string() }),
  ),
  /** Terms in French, by the English term they name; a definition translates one sentence a source defines the term with. */
  french: z
    .array(
      z.object({
        term: z.string(),
        name: z.string().min(1),
        expansion: z.string().nullable(),
        definition: z.string().optional(),
        /** The English definition this one translates, exactly as the knowledge base holds it. */
        translates: z.string().optional(),
      }),
    )
    .default([]),
});
/** The curated glossary. */
export type Glossary = z.infer<typeof GlossarySchema>;

/** A file as bytes, with its source id (its path below the knowledge folder). */
export interface InputFile {
  readonly id: string;
  readonly bytes: Uint8Array;
}

/** Everything a build reads, already in memory. */
export interface BuildInput {
  readonly articles: readonly InputFile[];
  readonly noc: unknown;
  readonly nocFile: string;
  readonly glossary: unknown;
  readonly glossaryFile: string;
  readonly vocabulary: unknown;
  readonly vocabularyFile: string;
  /** IRCC's rounds feed; null builds from the articles alone. */
  readonly feed: InputFile | null;
  /** IRCC's French feed, for the French names of rounds; absent or null without it. */
  readonly feedFr?: InputFile | null;
  readonly feedFormat: unknown;
  readonly feedFormatFile: string;
  /** The official list files, ids like "categories/lists-2025.json". */
  readonly lists: readonly DataFile[];
  /** knowledge/categories/versions.json. */
  readonly versions: DataFile;
  readonly crsGrid: unknown;
}

/** The name every list file in the categories folder has. */
const LIST_FILE = /^lists-\d{4}\.json$/;


/** Reads the articles, the NOC reference, the glossary, the vocabulary and the feed from disk. */
export function readInputs(paths: KnowledgePaths): BuildInput {
  const readJson = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(file, "utf8"));
    } catch (cause) {
      throw new EeBotError(ErrorCode.KnowledgeBaseBuild, `cannot read ${file}: ${(cause as Error).message}`, { cause });
    }
  };
  let names: string[];
  try {
    names = readdirSync(paths.articles).filter((n) => n.endsWith(".txt")).sort();
  } catch (cause) {
    throw new EeBotError(ErrorCode.KnowledgeBaseBuild, `cannot list articles in ${paths.articles}`, { cause });
  }
  // A list file is known as categories/<name> wherever the folder is, so its source id never depends on a path.
  const readText = (file: string): DataFile => {
    try {
      return { id: `categories/${basename(file)}`, text: readFileSync(file, "utf8") };
    } catch (cause) {
      throw new EeBotError(ErrorCode.KnowledgeBaseBuild, `cannot read ${file}: ${(cause as Error).message}`, { cause });
    }
  };
  let listNames: string[];
  try {
    listNames = readdirSync(paths.categories).filter((n) => LIST_FILE.test(n)).sort();
  } catch (cause) {
    throw new EeBotError(ErrorCode.KnowledgeBaseBuild, `cannot list category lists in ${paths.categories}`, { cause });
  }
  return {
    articles: names.map((id) => ({ id, bytes: readFileSync(join(paths.articles, id)) })),
    noc: readJson(paths.noc),
    nocFile: basename(paths.noc),
    glossary: readJson(paths.glossary),
    glossaryFile: basename(paths.glossary),
    vocabulary: readJson(paths.vocabulary),
    vocabularyFile: sourceIdOf(paths, paths.vocabulary),
    feed: { id: sourceIdOf(paths, paths.feed), bytes: readBytes(paths.feed) },
    feedFr: existsSync(paths.feedFr) ? { id: sourceIdOf(paths, paths.feedFr), bytes: readBytes(paths.feedFr) } : null,
    feedFormat: readJson(paths.feedFormat),
    feedFormatFile: sourceIdOf(paths, paths.feedFormat),
    lists: listNames.map((n) => readText(join(paths.categories, n))),
    versions: readText(join(paths.categories, "versions.json")),
    crsGrid: readJson(paths.crsGrid),
  };
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (cause) {
    throw new EeBotError(ErrorCode.KnowledgeBaseBuild, `cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
}

function sha256(bytes: Uint8Array | string): string {
  return sha256Hex(bytes);
}

function formatIssues(file: string, error: z.ZodError): string {
  return error.issues.map((i) => `${file}: ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
}

function glossarySource(g: Glossary, id: string, bytes: string): { source: Source; terms: Term[] } {
  return {
    source: {
      id,
      title: g.title,
      author: null,
      publisher: g.publisher,
      published: null,
      updated: null,
      asOf: null,
      asOfBasis: "unknown",
      kind: "reference",
      url: null,
      sha256: sha256(bytes),
    },
    terms: g.entries.map((e, i) => ({
      term: e.term,
      expansion: e.expansion,
      aliases: e.aliases,
      definitions: [{ text: e.definition, source: id, line: i + 1 }],
      sources: [id],
    })),
  };
}

// The NOC file says who publishes it in its "about" text: "<title>: ... Source: <publisher>, <url> ...".
function nocSource(about: string, version: string, id: string, bytes: string): Source {
  const publisher = /\bSource: ([^,.]+)/.exec(about)?.[1]?.trim() ?? null;
  const url = /\bSource: [^,]+, (https?:\/\/\S+?)\s/.exec(about)?.[1] ?? null;
  const title = /^([^:]+):/.exec(about)?.[1]?.trim() ?? version;
  return { id, title, author: null, publisher, published: null, updated: null, asOf: null, asOfBasis: "unknown", kind: "official", url, sha256: sha256(bytes) };
}

interface ReadFeed {
  readonly source: Source;
  readonly claims: DrawClaim[];
  readonly warnings: readonly BuildWarning[];
}

function readFeed(file: InputFile, format: FeedFormat, vocabulary: Vocabulary): ReadFeed {
  const parsed = parseFeedText(new TextDecoder().decode(file.bytes), { source: file.id, format, vocabulary });
  if (!parsed.ok) throw new EeBotError(ErrorCode.KnowledgeBaseBuild, `${file.id}: ${parsed.error.message}`);
  const source: Source = {
    id: file.id,
    title: format.title,
    author: null,
    publisher: format.publisher,
    published: null,
    updated: null,
    asOf: latestRound(parsed.value.rounds)?.date ?? null,
    asOfBasis: "latest-date-in-text",
    kind: "official",
    url: format.url,
    sha256: sha256(file.bytes),
  };
  const claims = parsed.value.rounds.map((r: FeedRound): DrawClaim => {
    const { order: _order, ...fields } = r;
    return { ...fields, source: file.id, line: 0, via: "feed" };
  });
  return { source, claims, warnings: parsed.value.warnings };
}

// The French feed is read for its round names only; what else it says is the English feed's, which is the record.
function readFrenchFeed(file: InputFile, format: FeedFormat): { source: Source; names: Record<string, string> } {
  const read = readFrenchNames(new TextDecoder().decode(file.bytes));
  if (!read.ok) throw new EeBotError(ErrorCode.KnowledgeBaseBuild, `${file.id}: ${read.error.message}`);
  const source: Source = {
    id: file.id,
    title: format.french?.title ?? format.title,
    author: null,
    publisher: format.french?.publisher ?? format.publisher,
    published: null,
    updated: null,
    asOf: null,
    asOfBasis: "unknown",
    kind: "official",
    url: format.french?.url ?? null,
    sha256: sha256(file.bytes),
  };
  return { source, names: read.value };
}

/** Every round type of the vocabulary and every "other:" one the draws use, with the names sources give them. */
export function roundTypesOf(vocabulary: Vocabulary, claims: readonly DrawClaim[]): KnowledgeBase["roundTypes"] {
  const names = new Map<string, Set<string>>();
  for (const c of claims) {
    if (c.category === null || c.name === null) continue;
    names.set(c.category, (names.get(c.category) ?? new Set()).add(c.name));
  }
  const seen = (id: string): string[] => [...(names.get(id) ?? [])].sort((a, b) => a.localeCompare(b));
  const known = vocabulary.roundTypes.map((r) => ({ id: r.id, kind: r.kind, label: r.label, name: r.name, seenNames: seen(r.id) }));
  const others = [...names.keys()]
    .filter((id) => id.startsWith("other:"))
    .sort()
    // IRCC's programs are set in law; a round name never seen before has so far always been a new category.
    .map((id) => {
      const name = nameWithoutVersion(seen(id)[0] ?? id);
      return { id, kind: "category" as const, label: name, name, seenNames: seen(id) };
    });
  return [...known, ...others];
}

// Each term with its French from the glossary; a French definition is kept only with the English sentence it
// translates, so that it is cited to that sentence's source (a changed article drops it, with a warning).
function inFrench(terms: Term[], g: Glossary, file: string, warnings: BuildWarning[]): Term[] {
  const byTerm = new Map(g.french.map((f, i) => [f.term.toLowerCase(), { ...f, line: i + 1 }]));
  for (const f of byTerm.values()) {
    if (!terms.some((t) => t.term.toLowerCase() === f.term.toLowerCase())) warnings.push({ source: file, line: f.line, message: `French for "${f.term}", a term no source defines` });
  }
  return terms.map((t) => {
    const f = byTerm.get(t.term.toLowerCase());
    if (!f) return t;
    const translated = f.translates === undefined ? undefined : t.definitions.find((d) => d.text === f.translates);
    if (f.definition !== undefined && !translated) warnings.push({ source: file, line: f.line, message: `the French definition of "${t.term}" translates a sentence no source defines it with` });
    const definitions = f.definition !== undefined && translated ? [{ ...translated, text: f.definition }] : [];
    return { ...t, fr: { term: f.name, expansion: f.expansion, definitions } };
  });
}

/** Builds the knowledge base from its inputs: extraction, reconciliation and validation; never throws on a bad article. */
export function buildKnowledgeBase(input: BuildInput): KnowledgeBase {
  const nocParsed = NocReferenceSchema.safeParse(input.noc);
  if (!nocParsed.success) throw new EeBotError(ErrorCode.KnowledgeBaseBuild, formatIssues(input.nocFile, nocParsed.error));
  const glossaryParsed = GlossarySchema.safeParse(input.glossary);
  if (!glossaryParsed.success) {
    throw new EeBotError(ErrorCode.KnowledgeBaseBuild, formatIssues(input.glossaryFile, glossaryParsed.error));
  }
  const vocabularyParsed = VocabularySchema.safeParse(input.vocabulary);
  if (!vocabularyParsed.success) {
    throw new EeBotError(ErrorCode.KnowledgeBaseBuild, formatIssues(input.vocabularyFile, vocabularyParsed.error));
  }
  const vocabulary = vocabularyParsed.data;
  const feedFormat = parseFeedFormat(input.feedFormat, input.feedFormatFile);
  const crsParsed = parseCrsGridFile(input.crsGrid);
  if (!crsParsed.ok) throw new EeBotError(ErrorCode.KnowledgeBaseBuild, `crs-grid.json: ${crsParsed.error}`);
  const crsSource = crsGridSource(crsParsed.value, JSON.stringify(input.crsGrid));
  const noc = new Map<string, Occupation>(nocParsed.data.unitGroups.map((u) => [u.code, u]));
  const warnings: BuildWarning[] = [];
  const sources = new Map<string, Source>();
  const drawClaims: DrawClaim[] = [];
  const tables: (FoundTable & { source: string })[] = [];
  const facts: Fact[] = [];
  const counts: CategoryCountClaim[] = [];
  const passages: Passage[] = [];
  const termClaims: TermClaim[] = [];
  const hashes: string[] = [];

  // Reading in name order makes the output independent of the order files were listed in.
  const files = [...input.articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const file of files) {
    const article = readArticle(file.id, file.bytes);
    hashes.push(`${file.id} ${article.sha256}`);
    if ("rejected" in article) {
      warnings.push({ source: file.id, line: 0, message: `skipped: the file is ${article.rejected === "empty" ? "empty" : "not UTF-8 text"}` });
      continue;
    }
    const meta = extractSourceMeta(article);
    const draws = extractDraws(article);
    const found = extractOccupationTables(article, warnings);
    const prose = extractProseFacts(article, meta);
    const terms = extractTerms(article);
    if (draws.length === 0 && found.length === 0 && prose.facts.length === 0) {
      warnings.push({ source: file.id, line: 0, message: "no draw, occupation table or fact found in this article" });
    }
    sources.set(meta.id, meta);
    drawClaims.push(...draws);
    tables.push(...found.map((t) => ({ ...t, source: file.id })));
    facts.push(...prose.facts);
    counts.push(...prose.categoryCounts);
    passages.push(...prose.passages);
    termClaims.push(...terms);
  }

  const glossaryText = JSON.stringify(input.glossary);
  const glossary = glossarySource(glossaryParsed.data, input.glossaryFile, glossaryText);
  hashes.push(`${input.nocFile} ${sha256(JSON.stringify(input.noc))}`);
  hashes.push(`${input.glossaryFile} ${glossary.source.sha256}`);
  hashes.push(`${input.vocabularyFile} ${sha256(JSON.stringify(input.vocabulary))}`);
  hashes.push(`${input.feedFormatFile} ${sha256(JSON.stringify(input.feedFormat))}`);
  hashes.push(`${crsSource.id} ${crsSource.sha256}`);

  if (input.feed) {
    const feed = readFeed(input.feed, feedFormat, vocabulary);
    hashes.push(`${input.feed.id} ${feed.source.sha256}`);
    sources.set(feed.source.id, feed.source);
    drawClaims.push(...feed.claims);
    warnings.push(...feed.warnings);
  }

  let roundNamesFr: KnowledgeBase["roundNamesFr"] = { source: null, names: {} };
  if (input.feedFr) {
    const french = readFrenchFeed(input.feedFr, feedFormat);
    hashes.push(`${input.feedFr.id} ${french.source.sha256}`);
    sources.set(french.source.id, french.source);
    roundNamesFr = { source: french.source.id, names: french.names };
  }

  const reconciledDraws = reconcileDraws(drawClaims, sources, warnings);
  const { unattachedDraws } = reconciledDraws;
  const articleLists = sourceLists(tables, sources, drawClaims);
  validateAgainstNoc(articleLists, noc, warnings);
  const official = readOfficialLists(input.lists, vocabulary, warnings);
  const { versions, hash: versionsHash } = readVersionMap(input.versions);
  hashes.push(...official.hashes, versionsHash);
  validateAgainstNoc(official.official, noc, warnings);
  const { categoryLists, sourceLists: lists, draws } = reconcileCategoryLists(
    { official: official.official, tables: articleLists, draws: reconciledDraws.draws, counts, noc, versions },
    warnings,
  );

  const kb: KnowledgeBase = {
    schemaVersion: 2,
    inputHash: sha256(hashes.sort().join("\n")),
    noc: { version: nocParsed.data.version, attribution: nocParsed.data.about, file: input.nocFile },
    sources: [...sources.values(), glossary.source, ...official.sources, crsSource, nocSource(nocParsed.data.about, nocParsed.data.version, input.nocFile, JSON.stringify(input.noc))].sort((a, b) => a.id.localeCompare(b.id)),
    roundTypes: roundTypesOf(vocabulary, drawClaims),
    draws,
    unattachedDraws,
    sourceLists: lists,
    categoryLists,
    facts: mergeFacts(facts),
    terms: inFrench(mergeTerms(termClaims, glossary.terms), glossaryParsed.data, input.glossaryFile, warnings),
    passages: passages.sort((a, b) => a.source.localeCompare(b.source) || a.offset - b.offset),
    crs: crsParsed.value,
    roundNamesFr,
    warnings: warnings.sort((a, b) => a.source.localeCompare(b.source) || a.line - b.line || a.message.localeCompare(b.message)),
  };
  const checked = KnowledgeBaseSchema.safeParse(kb);
  if (!checked.success) throw new EeBotError(ErrorCode.KnowledgeBaseBuild, formatIssues("kb.json", checked.error));
  return checked.data;
}

/** The exact bytes kb.json holds for a knowledge base: two-space JSON and a final newline. */
export function serialize(kb: KnowledgeBase): string {
  return `${JSON.stringify(kb, null, 2)}\n`;
}
