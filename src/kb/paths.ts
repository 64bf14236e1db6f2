import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The project's knowledge folder. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL("../../knowledge/", import.meta.url));

/** Default locations of the knowledge inputs and the built file. */
export const DEFAULT_PATHS = {
  articles: join(KNOWLEDGE_DIR, "articles"),
  noc: join(KNOWLEDGE_DIR, "noc-2021.json"),
  glossary: join(KNOWLEDGE_DIR, "glossary.json"),
  kb: join(KNOWLEDGE_DIR, "kb.json"),
} as const;

/** Where the builder reads its inputs from and writes its output to. */
export interface KnowledgePaths {
  readonly articles: string;
  readonly noc: string;
  readonly glossary: string;
  readonly kb: string;
}
