import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { isEeBotError } from "../errors.js";
import { buildKnowledgeBase, readInputs, serialize } from "./build.js";
import { DEFAULT_PATHS, type KnowledgePaths } from "./paths.js";
import type { BuildWarning } from "./schema.js";

function describe(w: BuildWarning, paths: KnowledgePaths): string {
  const where = w.source.endsWith(".txt") && !w.source.includes(",") ? relative(process.cwd(), `${paths.articles}/${w.source}`) : w.source;
  return `warning: ${where}${w.line > 0 ? `:${w.line}` : ""}: ${w.message}`;
}

/** Where a command writes its output. */
export interface Output {
  write(text: string): unknown;
}

/** Runs `kb:build` (write kb.json) or `kb:check` (fail when kb.json is stale); returns the exit code. */
export function runKbCommand(command: string, paths: KnowledgePaths = DEFAULT_PATHS, out: Output = process.stdout, err: Output = process.stderr): number {
  if (command !== "build" && command !== "check") {
    err.write(`usage: kb build | kb check\n`);
    return 2;
  }
  try {
    const kb = buildKnowledgeBase(readInputs(paths));
    const text = serialize(kb);
    if (command === "build") {
      for (const w of kb.warnings) err.write(`${describe(w, paths)}\n`);
      writeFileSync(paths.kb, text);
      out.write(
        `wrote ${relative(process.cwd(), paths.kb) || paths.kb}: ${kb.sources.length} sources, ${kb.draws.length} draws, ${kb.categoryLists.length} category lists, ${kb.facts.length} facts, ${kb.terms.length} terms, ${kb.passages.length} passages, ${kb.warnings.length} warnings\n`,
      );
      return 0;
    }
    let current = "";
    try {
      current = readFileSync(paths.kb, "utf8");
    } catch {
      err.write(`${paths.kb} is missing: run npm run kb:build\n`);
      return 1;
    }
    if (current !== text) {
      err.write(`${paths.kb} is not what a build produces now: run npm run kb:build and commit the result\n`);
      return 1;
    }
    out.write(`kb.json is up to date (${kb.draws.length} draws, input ${kb.inputHash.slice(0, 12)})\n`);
    return 0;
  } catch (e) {
    err.write(`${isEeBotError(e) ? e.message : String(e)}\n`);
    return 1;
  }
}
