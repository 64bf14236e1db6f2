import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildKnowledgeBase, readInputs } from "../../src/kb/build.js";
import { DEFAULT_PATHS, type KnowledgePaths } from "../../src/kb/paths.js";
import type { KnowledgeBase } from "../../src/kb/schema.js";

/** Folder of the test fixture articles. */
export const FIXTURE_ARTICLES = new URL("../fixtures/articles/", import.meta.url).pathname;

/** A temporary knowledge folder holding the seed articles plus the named fixture articles. */
export function knowledgeWith(fixtures: readonly string[], options: { seeds?: boolean } = {}): KnowledgePaths {
  const dir = mkdtempSync(join(tmpdir(), "ee-kb-"));
  const articles = join(dir, "articles");
  if (options.seeds ?? true) cpSync(DEFAULT_PATHS.articles, articles, { recursive: true });
  else cpSync(DEFAULT_PATHS.articles, articles, { recursive: true, filter: (src) => !src.endsWith(".txt") });
  for (const f of fixtures) cpSync(join(FIXTURE_ARTICLES, f), join(articles, f));
  cpSync(DEFAULT_PATHS.noc, join(dir, "noc-2021.json"));
  cpSync(DEFAULT_PATHS.glossary, join(dir, "glossary.json"));
  return { articles, noc: join(dir, "noc-2021.json"), glossary: join(dir, "glossary.json"), kb: join(dir, "kb.json") };
}

/** Builds a knowledge base from a knowledge folder. */
export function buildFrom(paths: KnowledgePaths): KnowledgeBase {
  return buildKnowledgeBase(readInputs(paths));
}

/** The seed article ids, in order. */
export const SEED_IDS = readdirSync(DEFAULT_PATHS.articles).filter((f) => f.endsWith(".txt")).sort();
