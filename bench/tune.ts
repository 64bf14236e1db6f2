// npm run tune: measures each fuzzy-matching threshold on the question set and the benchmark corpus.
import { renderPlain } from "../src/core/format.js";
import { Knowledge } from "../src/core/knowledge.js";
import { Router } from "../src/core/router.js";
import { DEFAULT_TUNING, type SearchTuning } from "../src/search/tuning.js";
import { QUESTIONS } from "../test/core/questions.js";
import { generateCorpus, namesExpected } from "./corpus.js";

const base = Knowledge.load();
const corpus = generateCorpus(base.kb, base.noc, 2000, 254);
const expected = corpus.filter((m) => m.expect !== null);

const offTopic = corpus.filter((m) => m.kind === "decline");

function measure(tuning: SearchTuning): { questions: number; declines: number; corpus: number; offTopic: number } {
  const knowledge = new Knowledge(base.kb, base.noc, tuning);
  const router = new Router(() => knowledge);
  let passed = 0;
  let declined = 0;
  const declines = QUESTIONS.filter((q) => q.intent === "fallback").length;
  QUESTIONS.forEach((c, i) => {
    const reply = router.handle({ text: c.q, user: "t", conversation: c.thread ?? `q${i}`, platform: "cli" });
    const text = renderPlain(reply);
    const ok = reply.intent === c.intent && (c.says ?? []).every((re) => re.test(text)) && !(c.never ?? []).some((re) => re.test(text));
    if (ok) passed += 1;
    if (ok && c.intent === "fallback") declined += 1;
  });
  let n = 0;
  const right = expected.filter((m) => namesExpected(renderPlain(router.handle({ text: m.text, user: "t", conversation: `c${n++}`, platform: "cli" })), m)).length;
  const refused = offTopic.filter((m) => router.handle({ text: m.text, user: "t", conversation: `c${n++}`, platform: "cli" }).intent === "fallback").length;
  return { questions: passed / QUESTIONS.length, declines: declined / declines, corpus: right / expected.length, offTopic: refused / offTopic.length };
}

const GRID: Record<keyof SearchTuning, number[]> = {
  wordThreshold: [0.2, 0.25, 0.3, 0.34, 0.4, 0.45],
  minRecall: [0.5, 0.6, 0.7, 0.8],
  occupationAccept: [0.2, 0.25, 0.3, 0.32, 0.35, 0.4, 0.5, 0.6],
  termAccept: [0.05, 0.1, 0.15, 0.2, 0.3],
  passageAccept: [0.2, 0.3, 0.4, 0.5, 0.6],
};

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);
process.stdout.write(`threshold          value  questions  declines   corpus  off-topic declined\n`);
for (const key of Object.keys(GRID) as (keyof SearchTuning)[]) {
  for (const value of GRID[key]) {
    const r = measure({ ...DEFAULT_TUNING, [key]: value });
    const mark = value === DEFAULT_TUNING[key] ? "  <- in use" : "";
    process.stdout.write(`${key.padEnd(17)} ${String(value).padStart(6)}  ${pct(r.questions)}   ${pct(r.declines)}  ${pct(r.corpus)}  ${pct(r.offTopic)}${mark}\n`);
  }
}
