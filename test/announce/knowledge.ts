// Knowledge files for the announcement tests: the shipped knowledge base, and copies of it with new rounds.
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KnowledgeFiles } from "../../src/app.js";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import type { Draw, KnowledgeBase } from "../../src/kb/schema.js";

/** The new rounds of the fixture, in order (431 CEC, 432 STEM), as partial draws. */
export const NEW_ROUNDS: readonly Partial<Draw>[] = JSON.parse(readFileSync(new URL("../fixtures/announce/new-rounds.json", import.meta.url), "utf8")) as Partial<Draw>[];

const shipped = (): KnowledgeBase => JSON.parse(readFileSync(DEFAULT_PATHS.kb, "utf8")) as KnowledgeBase;

/** The shipped knowledge base with the first `count` fixture rounds added, each sourced like the shipped latest round. */
export function kbWithNewRounds(count: number): KnowledgeBase {
  const kb = shipped();
  const base = [...kb.draws].sort((a, b) => a.order - b.order).at(-1) as Draw;
  for (const r of NEW_ROUNDS.slice(0, count)) {
    kb.draws.push({ ...base, version: null, listYear: null, program: null, distribution: null, conflicts: [], provenance: {}, ...r } as Draw);
  }
  return kb;
}

/** A temporary folder holding a kb.json (the shipped one, plus `count` new rounds); the NOC reference and vocabulary are the shipped ones. */
export function knowledgeFolder(count = 0): KnowledgeFiles & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "ee-announce-kb-"));
  const kb = join(dir, "kb.json");
  writeFileSync(kb, JSON.stringify(kbWithNewRounds(count)));
  return { dir, kb, noc: DEFAULT_PATHS.noc };
}

/** Replaces kb.json the way a build does (a temporary file renamed over it), with `count` new rounds. */
export function writeNewRounds(files: { kb: string }, count: number): void {
  const tmp = `${files.kb}.tmp`;
  writeFileSync(tmp, JSON.stringify(kbWithNewRounds(count)));
  renameSync(tmp, files.kb);
}
