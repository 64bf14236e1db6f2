import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import * as z from "zod";
import { EeBotError, ErrorCode } from "../errors.js";
import { readArticle } from "./article.js";
import { extractDraws, type DrawClaim } from "./extract/draws.js";
import { extractProseFacts, type CategoryCountClaim } from "./extract/facts.js";
import { extractOccupationTables, type FoundTable } from "./extract/occupations.js";
import { extractSourceMeta } from "./extract/source-meta.js";
import { extractTerms, mergeTerms, type TermClaim } from "./extract/terms.js";
import type { KnowledgePaths } from "./paths.js";
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

/** The curated glossary file, knowledge/glossary.json. */
export const GlossarySchema = z.object({
  about: z.string(),
  title: z.string(),
  publisher: z.string(),
  entries: z.array(
    z.object({ term: z.string(), expansion: z.string().nullable(), aliases: z.array(z.string()), definition: z.string() }),
  ),
});
/** The curated glossary. */
export type Glossary = z.infer<typeof GlossarySchema>;

/** Everything a build reads, already in memory. */
export interface BuildInput {
  readonly articles: readonly { readonly id: string; readonly bytes: Uint8Array }[];
  readonly noc: unknown;
  readonly nocFile: string;
  readonly glossary: unknown;
  readonly glossaryFile: string;
}

/** Reads the articles, the NOC reference and the glossary from disk. */
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
  return {
    articles: names.map((id) => ({ id, bytes: readFileSync(join(paths.articles, id)) })),
    noc: readJson(paths.noc),
    nocFile: basename(paths.noc),
    glossary: readJson(paths.glossary),
    glossaryFile: basename(paths.glossary),
  };
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
      sha256: createHash("sha256").update(bytes).digest("hex"),
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

/** Builds the knowledge base from its inputs: extraction, reconciliation and validation; never throws on a bad article. */
export function buildKnowledgeBase(input: BuildInput): KnowledgeBase {
  const nocParsed = NocReferenceSchema.safeParse(input.noc);
  if (!nocParsed.success) throw new EeBotError(ErrorCode.KnowledgeBaseBuild, formatIssues(input.nocFile, nocParsed.error));
  const glossaryParsed = GlossarySchema.safeParse(input.glossary);
  if (!glossaryParsed.success) {
    throw new EeBotError(ErrorCode.KnowledgeBaseBuild, formatIssues(input.glossaryFile, glossaryParsed.error));
  }
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
  hashes.push(`${input.nocFile} ${createHash("sha256").update(JSON.stringify(input.noc)).digest("hex")}`);
  hashes.push(`${input.glossaryFile} ${glossary.source.sha256}`);

  const { draws, unattachedDraws } = reconcileDraws(drawClaims, sources, warnings);
  const lists = sourceLists(tables, sources, drawClaims);
  validateAgainstNoc(lists, noc, warnings);
  const categoryLists = reconcileCategoryLists(lists, draws, counts, noc, warnings);

  const kb: KnowledgeBase = {
    schemaVersion: 1,
    inputHash: createHash("sha256").update(hashes.sort().join("\n")).digest("hex"),
    noc: { version: nocParsed.data.version, attribution: nocParsed.data.about, file: input.nocFile },
    sources: [...sources.values(), glossary.source].sort((a, b) => a.id.localeCompare(b.id)),
    draws,
    unattachedDraws,
    sourceLists: lists,
    categoryLists,
    facts: mergeFacts(facts),
    terms: mergeTerms(termClaims, glossary.terms),
    passages: passages.sort((a, b) => a.source.localeCompare(b.source) || a.offset - b.offset),
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
