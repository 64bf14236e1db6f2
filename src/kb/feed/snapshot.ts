import { existsSync, readFileSync } from "node:fs";
import { sourceIdOf, type KnowledgePaths } from "../paths.js";
import { loadVocabulary } from "../vocabulary.js";
import { loadFeedFormat } from "./format.js";
import { parseFeedText, type ParsedFeed } from "./parse.js";

/** The snapshot on disk, read as a feed; null when there is none or it cannot be read. */
export function readSnapshot(paths: KnowledgePaths): ParsedFeed | null {
  if (!existsSync(paths.feed)) return null;
  const parsed = parseFeedText(readFileSync(paths.feed, "utf8"), {
    source: sourceIdOf(paths, paths.feed),
    format: loadFeedFormat(paths.feedFormat),
    vocabulary: loadVocabulary(paths.vocabulary),
  });
  return parsed.ok ? parsed.value : null;
}
