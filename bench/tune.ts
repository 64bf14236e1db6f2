// npm run tune: how each fuzzy-matching threshold moves the answers to the TUNING question sets, one threshold at a
// time around the values in use. The held-out set is never read here: it measures what tuning chose (npm run bench).
import { readdirSync } from "node:fs";
import { Knowledge } from "../src/core/knowledge.js";
import { DEFAULT_TUNING, type SearchTuning } from "../src/search/tuning.js";
import { readQuestionSet, runQuestionSet, type Outcome } from "../test/core/question-set.js";

// The question sets were written on this day (see bench/run.ts).
const QUESTION_SETS_WRITTEN_ON = "2026-12-01";
const today = new Date(`${QUESTION_SETS_WRITTEN_ON}T12:00:00Z`);

const base = Knowledge.load();
// Every tuning set, English and French; the held-out sets are left out by name.
const names = readdirSync(new URL("../test/fixtures/questions/", import.meta.url))
  .filter((f) => f.endsWith(".jsonl") && !f.includes("held-out"))
  .map((f) => f.replace(/\.jsonl$/, ""));
const english = names.filter((n) => !n.startsWith("fr-")).flatMap((n) => readQuestionSet(n));
const french = names.filter((n) => n.startsWith("fr-")).flatMap((n) => readQuestionSet(n));
// The skills whose answers rest on fuzzy matching: occupations by title, glossary terms, passages.
const FUZZY = new Set(["occupation", "category", "glossary", "process"]);

interface Measured {
  readonly all: number;
  readonly fuzzy: number;
  readonly declines: number;
}

function share(outcomes: readonly Outcome[]): number {
  return outcomes.length === 0 ? NaN : outcomes.filter((o) => o.problems.length === 0).length / outcomes.length;
}

function measure(values: SearchTuning): Measured {
  const knowledge = new Knowledge(base.kb, base.noc, base.vocabulary, values);
  const outcomes = [...runQuestionSet(knowledge, english, today), ...runQuestionSet(knowledge, french, today, "fr")];
  return {
    all: share(outcomes),
    fuzzy: share(outcomes.filter((o) => FUZZY.has(o.question.skill))),
    declines: share(outcomes.filter((o) => o.question.skill === "decline")),
  };
}

// Values tried for the thresholds measured before; any other threshold is tried at fractions of its value in use.
const GRID: Partial<Record<keyof SearchTuning, number[]>> = {
  wordThreshold: [0.2, 0.25, 0.3, 0.34, 0.4, 0.45],
  minRecall: [0.5, 0.6, 0.7, 0.8],
  occupationAccept: [0.2, 0.25, 0.3, 0.32, 0.35, 0.4, 0.5, 0.6],
  termAccept: [0.05, 0.1, 0.15, 0.2, 0.3],
  passageAccept: [0.2, 0.3, 0.4, 0.5, 0.6],
};
const around = (x: number): number[] => [0.5, 0.75, 1, 1.25, 1.5].map((f) => +(x * f).toFixed(3));

const pct = (x: number): string => (Number.isNaN(x) ? "-" : `${(x * 100).toFixed(1)}%`).padStart(7);
const keys = Object.keys(DEFAULT_TUNING) as (keyof SearchTuning)[];
const width = Math.max(...keys.map((k) => k.length));
process.stdout.write(`tuning sets: ${names.join(", ")}; ${english.length} English and ${french.length} French questions, evaluated on ${QUESTION_SETS_WRITTEN_ON}\n`);
process.stdout.write(`${"threshold".padEnd(width)}   value      all  fuzzy-matched  declines\n`);
for (const key of keys) {
  const values = [...new Set([...(GRID[key] ?? around(DEFAULT_TUNING[key])), DEFAULT_TUNING[key]])].sort((a, b) => a - b);
  for (const value of values) {
    const r = measure({ ...DEFAULT_TUNING, [key]: value });
    const inUse = value === DEFAULT_TUNING[key] ? "  <- in use" : "";
    process.stdout.write(`${key.padEnd(width)}  ${String(value).padStart(6)}  ${pct(r.all)}        ${pct(r.fuzzy)}   ${pct(r.declines)}${inUse}\n`);
  }
}
