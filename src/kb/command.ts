import { readFileSync } from "node:fs";
import { relative } from "node:path";
import writeFileAtomic from "write-file-atomic";
import * as z from "zod";
import { isEeBotError } from "../errors.js";
import { buildKnowledgeBase, readInputs, serialize } from "./build.js";
import { loadFeedFormat } from "./feed/format.js";
import { updateFeed, updateFrenchFeed } from "./feed/update.js";
import { DEFAULT_PATHS, pathsFromEnv, type KnowledgePaths } from "./paths.js";
import type { BuildWarning } from "./schema.js";

function describe(w: BuildWarning, paths: KnowledgePaths): string {
  const where = w.source.endsWith(".txt") && !w.source.includes(",") ? relative(process.cwd(), `${paths.articles}/${w.source}`) : w.source;
  return `warning: ${where}${w.line > 0 ? `:${w.line}` : ""}: ${w.message}`;
}

/** Where a command writes its output. */
export interface Output {
  write(text: string): unknown;
}

/** Runs `kb:build` (write kb.json atomically) or `kb:check` (fail when kb.json is stale); returns the exit code. */
export function runKbCommand(command: string, paths: KnowledgePaths = DEFAULT_PATHS, out: Output = process.stdout, err: Output = process.stderr): number {
  if (command !== "build" && command !== "check") {
    err.write(`usage: kb build | kb check | kb update\n`);
    return 2;
  }
  try {
    const kb = buildKnowledgeBase(readInputs(paths));
    const text = serialize(kb);
    if (command === "build") {
      for (const w of kb.warnings) err.write(`${describe(w, paths)}\n`);
      writeFileAtomic.sync(paths.kb, text);
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

/** The environment `kb:update` reads. */
export const UpdateEnvSchema = z.object({
  IRCC_FEED_URL: z.url().optional(),
  /** IRCC's French feed: when set, kb:update fetches it too, for the French names of rounds. */
  IRCC_FEED_FR_URL: z.url().optional(),
  IRCC_FEED_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
});

/** Runs `kb:update`: downloads the feed, refuses it (exit 1, files untouched) or writes it and kb.json; returns the exit code. */
export async function runKbUpdate(
  paths: KnowledgePaths = DEFAULT_PATHS,
  env: Readonly<Record<string, string | undefined>> = process.env,
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  const parsedEnv = UpdateEnvSchema.safeParse(env);
  if (!parsedEnv.success) {
    err.write(`kb:update: ${parsedEnv.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}\n`);
    return 2;
  }
  try {
    const url = parsedEnv.data.IRCC_FEED_URL ?? loadFeedFormat(paths.feedFormat).url;
    const result = await updateFeed({ url, paths, timeoutMs: parsedEnv.data.IRCC_FEED_TIMEOUT_MS });
    if (!result.ok) {
      err.write(`kb:update: refused: ${result.error.message}\n`);
      return 1;
    }
    const done = result.value;
    if (done.status === "not-modified") {
      out.write("no new rounds (the feed is not modified)\n");
      return await frenchUpdate(parsedEnv.data, paths, out, err);
    }
    for (const w of done.warnings) err.write(`${describe(w, paths)}\n`);
    out.write(done.newRounds.length > 0 ? `new rounds: ${done.newRounds.join(", ")}\n` : "no new rounds\n");
    out.write(
      `${done.feedChanged ? "wrote" : "kept"} ${relative(process.cwd(), paths.feed) || paths.feed} (${done.roundCount} rounds, latest ${done.latestRound ?? "unknown"}); ${done.kbChanged ? "rebuilt" : "kept"} ${relative(process.cwd(), paths.kb) || paths.kb}\n`,
    );
    return await frenchUpdate(parsedEnv.data, paths, out, err);
  } catch (e) {
    err.write(`kb:update: ${isEeBotError(e) ? e.message : String(e)}\n`);
    return 1;
  }
}

// After the English feed, the French one when it is configured: a refusal of it exits 1 and changes none of its files.
async function frenchUpdate(env: z.infer<typeof UpdateEnvSchema>, paths: KnowledgePaths, out: Output, err: Output): Promise<number> {
  if (!env.IRCC_FEED_FR_URL) return 0;
  const french = await updateFrenchFeed({ url: env.IRCC_FEED_FR_URL, paths, timeoutMs: env.IRCC_FEED_TIMEOUT_MS });
  if (!french.ok) {
    err.write(`kb:update: refused the French feed: ${french.error.message}\n`);
    return 1;
  }
  out.write(`${french.value.feedChanged ? "wrote" : "kept"} ${relative(process.cwd(), paths.feedFr) || paths.feedFr} (French names of ${french.value.names} rounds); ${french.value.kbChanged ? "rebuilt" : "kept"} ${relative(process.cwd(), paths.kb) || paths.kb}\n`);
  return 0;
}

/** Runs a kb command by name (build, check, update) against the knowledge folder the environment names. */
export async function runKbCli(
  command: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  const paths = pathsFromEnv(env);
  return command === "update" ? runKbUpdate(paths, env, out, err) : runKbCommand(command, paths, out, err);
}
