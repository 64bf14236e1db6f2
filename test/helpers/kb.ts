import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { buildKnowledgeBase, readInputs } from "../../src/kb/build.js";
import { DEFAULT_PATHS, knowledgePaths, type KnowledgePaths } from "../../src/kb/paths.js";
import type { KnowledgeBase } from "../../src/kb/schema.js";

/** Folder of the test fixture articles. */
export const FIXTURE_ARTICLES = new URL("../fixtures/articles/", import.meta.url).pathname;

/**
 * A temporary knowledge folder holding every input of the project's (feed, lists, grid, vocabulary, ...), the seed
 * articles unless told otherwise, plus the named fixture articles; no kb.json.
 */
export function knowledgeWith(fixtures: readonly string[], options: { seeds?: boolean } = {}): KnowledgePaths {
  const dir = mkdtempSync(join(tmpdir(), "ee-kb-"));
  const seeds = options.seeds ?? true;
  // The whole folder, so that an input added to the build is in every temporary copy too.
  cpSync(DEFAULT_PATHS.root, dir, {
    recursive: true,
    filter: (src) => {
      if (src === DEFAULT_PATHS.kb) return false;
      const inArticles = !relative(DEFAULT_PATHS.articles, src).startsWith("..");
      return seeds || !inArticles || !src.endsWith(".txt");
    },
  });
  const paths = knowledgePaths(dir);
  for (const f of fixtures) cpSync(join(FIXTURE_ARTICLES, f), join(paths.articles, f));
  return paths;
}

/** Builds a knowledge base from a knowledge folder. */
export function buildFrom(paths: KnowledgePaths): KnowledgeBase {
  return buildKnowledgeBase(readInputs(paths));
}

/** The seed article ids, in order. */
export const SEED_IDS = readdirSync(DEFAULT_PATHS.articles).filter((f) => f.endsWith(".txt")).sort();
