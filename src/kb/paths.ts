import { fileURLToPath } from "node:url";
import { join, relative, sep } from "node:path";

/** The project's knowledge folder. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL("../../knowledge/", import.meta.url));

/** Where the builder reads its inputs from and writes its output to. */
export interface KnowledgePaths {
  /** The knowledge folder: source ids of files below it are their paths relative to it. */
  readonly root: string;
  readonly articles: string;
  readonly noc: string;
  /** The official French titles of the NOC unit groups (CNP 2021), read on the first French question. */
  readonly nocFr: string;
  readonly glossary: string;
  readonly vocabulary: string;
  /** IRCC's rounds feed, the snapshot kb:update replaces. */
  readonly feed: string;
  /** IRCC's French twin of the feed, for the French names of rounds; absent until kb:update fetches it. */
  readonly feedFr: string;
  /** How to read the feed: its address, citation and score ranges. */
  readonly feedFormat: string;
  /** Folder of the official category lists (lists-YYYY.json) and versions.json. */
  readonly categories: string;
  /** The CRS points grid. */
  readonly crsGrid: string;
  readonly kb: string;
}

/** The locations of the knowledge inputs and the built file in one knowledge folder. */
export function knowledgePaths(root: string): KnowledgePaths {
  return {
    root,
    articles: join(root, "articles"),
    noc: join(root, "noc-2021.json"),
    nocFr: join(root, "noc-2021-fr.json"),
    glossary: join(root, "glossary.json"),
    vocabulary: join(root, "vocabulary.json"),
    feed: join(root, "ircc", "ee_rounds_123_en.json"),
    feedFr: join(root, "ircc", "ee_rounds_123_fr.json"),
    feedFormat: join(root, "ircc", "feed-format.json"),
    categories: join(root, "categories"),
    crsGrid: join(root, "crs", "crs-grid.json"),
    kb: join(root, "kb.json"),
  };
}

/** Default locations of the knowledge inputs and the built file. */
export const DEFAULT_PATHS: KnowledgePaths = knowledgePaths(KNOWLEDGE_DIR);

/** The knowledge folder named by the KNOWLEDGE_DIR environment variable, else the project's. */
export function pathsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): KnowledgePaths {
  const dir = env.KNOWLEDGE_DIR?.trim();
  return dir ? knowledgePaths(dir) : DEFAULT_PATHS;
}

/** The source id of a file in the knowledge folder: its path below the folder, with forward slashes. */
export function sourceIdOf(paths: KnowledgePaths, file: string): string {
  return relative(paths.root, file).split(sep).join("/");
}
