// npm run bench: core latency and throughput beside two baselines, start-up, memory and knowledge-base build.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fuse from "fuse.js";
import { renderPlain } from "../src/core/format.js";
import { Knowledge } from "../src/core/knowledge.js";
import { Router } from "../src/core/router.js";
import { buildKnowledgeBase, readInputs } from "../src/kb/build.js";
import { DEFAULT_PATHS } from "../src/kb/paths.js";
import { generateArticles } from "./articles.js";
import { generateCorpus, namesExpected as names, type CorpusMessage } from "./corpus.js";

const ROOT = new URL("../", import.meta.url).pathname;
const json = process.argv.includes("--json");
const quick = process.argv.includes("--quick");

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

function timeEach<T>(items: readonly T[], passes: number, fn: (item: T) => unknown): number[] {
  const samples: number[] = [];
  for (let p = 0; p < passes; p += 1) {
    for (const item of items) {
      const t0 = process.hrtime.bigint();
      fn(item);
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  return samples.sort((a, b) => a - b);
}


const log = (s: string): void => void (json ? process.stderr : process.stdout).write(`${s}\n`);

log("ee-bot benchmark: loading the knowledge base...");
const knowledge = Knowledge.load();
const corpus = generateCorpus(knowledge.kb, knowledge.noc, 2000, 254);
const withExpectation = corpus.filter((m) => m.expect !== null);
const passes = quick ? 1 : 5;

// Core: route + answer + render to the platform-neutral reply, in one conversation a message.
let n = 0;
const router = new Router(() => knowledge);
const answerCore = (m: CorpusMessage): string => renderPlain(router.handle({ text: m.text, user: "bench", conversation: `c${n++}`, platform: "cli" }));
for (const m of corpus) answerCore(m); // warm-up
const core = timeEach(corpus, passes, answerCore);
const coreCorrect = withExpectation.filter((m) => names(answerCore(m), m)).length;
const declines = corpus.filter((m) => m.kind === "decline");
const coreDeclined = declines.filter((m) => router.handle({ text: m.text, user: "b", conversation: "d", platform: "cli" }).intent === "fallback").length;

// Baseline (a): one fuse.js index over every title and passage, searched with the whole message.
interface NaiveItem {
  text: string;
  code: string | null;
}
const naiveItems: NaiveItem[] = [
  ...knowledge.noc.unitGroups.map((u) => ({ text: `${u.code} ${u.title}`, code: u.code })),
  ...knowledge.kb.sourceLists.flatMap((l) => l.occupations.map((o) => ({ text: `${o.code} ${o.title}`, code: o.code }))),
  ...knowledge.kb.passages.map((p) => ({ text: p.text, code: null })),
];
const naive = new Fuse(naiveItems, { keys: ["text"], includeScore: true });
const answerNaive = (m: CorpusMessage): string => naive.search(m.text, { limit: 1 })[0]?.item.text ?? "";
for (const m of corpus.slice(0, 200)) answerNaive(m); // warm-up
const naiveSamples = timeEach(quick ? corpus.slice(0, 300) : corpus, 1, answerNaive);
const naiveCorrect = withExpectation.filter((m) => names(answerNaive(m), m)).length;

// Baseline (b), the floor: one regular expression and one Map look-up.
const titles = new Map(knowledge.noc.unitGroups.map((u) => [u.code, u.title]));
const floor = timeEach(corpus, passes, (m) => {
  const code = /\b\d{5}\b/.exec(m.text)?.[0];
  return code ? titles.get(code) : undefined;
});

// Start-up: the published command (compiled JavaScript) against a bare node.
if (!existsSync(join(ROOT, "dist/cli/ee-bot.mjs"))) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
const BIN = join(ROOT, "bin/ee-bot.js");
// The command runs as installed: the file itself, so its shebang's node flags apply.
function wall(command: string, args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i += 1) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(command, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr.toString()}`);
    if (i >= 2) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times;
}
const coldRuns = quick ? 5 : 15;
const cliCold = wall(BIN, ["ask", "is 21231 STEM?"], coldRuns);
const nodeCold = wall(process.execPath, ["-e", "0"], coldRuns);

// Memory: the chat command, as installed, loads the knowledge base and indexes and answers the corpus once
// (one question a line); a preloaded hook reports its memory as it exits.
const dir = mkdtempSync(join(tmpdir(), "ee-bench-"));
writeFileSync(join(dir, "corpus.txt"), `${corpus.map((m) => m.text.replace(/\n/g, " ")).join("\n")}\n`);
const measured = spawnSync(BIN, ["ask", "--jsonl"], {
  cwd: ROOT,
  input: readFileSync(join(dir, "corpus.txt")),
  env: { ...process.env, NODE_OPTIONS: `--import ${join(ROOT, "bench/report-rss.mjs")}` },
  maxBuffer: 64 * 1024 * 1024,
});
const rss = JSON.parse(measured.stderr.toString().trim().split("\n").at(-1) ?? "{}") as { rss_mb: number; heap_mb: number };

// Knowledge-base build: the seed articles, and generated articles at three sizes to show how the cost grows.
const seedInput = readInputs(DEFAULT_PATHS);
buildKnowledgeBase(seedInput);
const seedBuild = median(Array.from({ length: quick ? 3 : 10 }, () => {
  const t0 = performance.now();
  buildKnowledgeBase(seedInput);
  return performance.now() - t0;
}));
const sizes = quick ? [100, 200] : [250, 500, 1000];
const growth = sizes.map((size) => {
  const input = { ...seedInput, articles: generateArticles(knowledge.noc, size) };
  const t0 = performance.now();
  const built = buildKnowledgeBase(input);
  return { articles: size, ms: performance.now() - t0, draws: built.draws.length };
});
const at1000 = growth.find((g) => g.articles === 1000) ?? growth.at(-1);

const result = {
  node_version: process.version,
  samples_core: core.length,
  samples_naive: naiveSamples.length,
  corpus_messages: corpus.length,
  core_p50_us: +percentile(core, 50).toFixed(1),
  core_p99_us: +percentile(core, 99).toFixed(1),
  core_msgs_per_s: Math.round(1e6 / (core.reduce((a, b) => a + b, 0) / core.length)),
  naive_fuse_p50_us: +percentile(naiveSamples, 50).toFixed(1),
  naive_fuse_p99_us: +percentile(naiveSamples, 99).toFixed(1),
  floor_p50_us: +percentile(floor, 50).toFixed(2),
  core_accuracy: +(coreCorrect / withExpectation.length).toFixed(4),
  naive_fuse_accuracy: +(naiveCorrect / withExpectation.length).toFixed(4),
  core_decline_accuracy: +(coreDeclined / Math.max(1, declines.length)).toFixed(4),
  speedup_vs_naive_p50: +(percentile(naiveSamples, 50) / percentile(core, 50)).toFixed(1),
  cli_cold_ms: +median(cliCold).toFixed(1),
  node_cold_ms: +median(nodeCold).toFixed(1),
  cli_over_node: +(median(cliCold) / median(nodeCold)).toFixed(2),
  chat_rss_mb: rss.rss_mb,
  chat_heap_mb: rss.heap_mb,
  kb_build_ms_seed: +seedBuild.toFixed(1),
  kb_build_ms_1000: +(at1000?.ms ?? NaN).toFixed(0),
  kb_build_growth: growth.map((g) => ({ articles: g.articles, ms: Math.round(g.ms), ms_per_article: +(g.ms / g.articles).toFixed(2) })),
};

if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const rows: [string, string, string][] = [
    ["core p50 / p99", `${result.core_p50_us} µs / ${result.core_p99_us} µs`, `${result.samples_core} samples (${passes} passes over ${corpus.length} messages)`],
    ["core throughput", `${result.core_msgs_per_s.toLocaleString("en-US")} msgs/s`, "one process, one core"],
    ["naive fuse p50 / p99", `${result.naive_fuse_p50_us} µs / ${result.naive_fuse_p99_us} µs`, `${result.samples_naive} samples; core is ${result.speedup_vs_naive_p50}× faster at p50`],
    ["floor (regex + Map) p50", `${result.floor_p50_us} µs`, "the least any answer can cost"],
    ["accuracy core / naive", `${(result.core_accuracy * 100).toFixed(1)}% / ${(result.naive_fuse_accuracy * 100).toFixed(1)}%`, `${withExpectation.length} messages with an expected occupation or round`],
    ["declines recognised (core)", `${(result.core_decline_accuracy * 100).toFixed(1)}%`, `${declines.length} off-topic messages`],
    ["cli cold start / node -e 0", `${result.cli_cold_ms} ms / ${result.node_cold_ms} ms`, `${result.cli_over_node}×, medians of ${coldRuns} runs`],
    ["chat RSS", `${result.chat_rss_mb} MB`, `ee-bot ask --jsonl over the corpus; heap ${result.chat_heap_mb} MB at exit`],
    ["kb build, seed articles", `${result.kb_build_ms_seed} ms`, "median of repeated builds"],
    ...growth.map((g): [string, string, string] => [`kb build, ${g.articles} generated`, `${Math.round(g.ms)} ms`, `${(g.ms / g.articles).toFixed(2)} ms per article, ${g.draws} draws`]),
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  log(`\nNode ${process.version}, ${process.platform} ${process.arch}`);
  for (const [a, b, c] of rows) log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
}
