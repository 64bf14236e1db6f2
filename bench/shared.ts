// What the state several processes share costs per message, against the local Redis and PostgreSQL: an event claim,
// a rate-limit decision, a conversation read and write (each timed alone, one at a time), then how many messages a
// second one process answers through the runtime with each engine, and through the real Slack adapter (Bolt, HTTP
// mode) against the local fake Slack. `tsx bench/shared.ts` prints the figures as JSON.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { Runtime } from "../src/app.js";
import { SlackAdapter } from "../src/adapters/slack/adapter.js";
import { Knowledge } from "../src/core/knowledge.js";
import { makeReply } from "../src/core/reply.js";
import { silentLogger } from "../src/log.js";
import { openSharedState, type SharedEngine, type SharedState } from "../src/shared/open.js";
import type { ConversationState } from "../src/skills/robot.js";
import { openStore, type Store } from "../src/store/index.js";
import { FakeSlack, SLACK, sign } from "../test/fakes/slack.js";
import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import { startCommand } from "../test/helpers/process.js";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** The servers the bench measures against: BENCH_REDIS_URL / BENCH_DATABASE_URL, else the local ones. */
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
// Kept between runs, like the fan-out bench's schema; its rows expire.
const BENCH_SCHEMA = "ee_bench_shared";
const logger = silentLogger();

/** Median and 99th percentile of one operation, in microseconds. */
export interface OpCost {
  readonly p50: number;
  readonly p99: number;
}

/** What each shared piece costs per call on one engine, and a Slack message's total (all four, medians added). */
export interface EngineCosts {
  readonly engine: SharedEngine;
  readonly claim: OpCost;
  readonly limit: OpCost;
  readonly get: OpCost;
  readonly set: OpCost;
  readonly perMessageUs: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

function cost(samples: number[]): OpCost {
  const sorted = samples.sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return { p50: round1(at(50)), p99: round1(at(99)) };
}

async function timeOps(n: number, op: (i: number) => Promise<unknown>): Promise<OpCost> {
  for (let i = 0; i < Math.min(200, n); i += 1) await op(-1 - i); // warm-up: connections, prepared statements
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = process.hrtime.bigint();
    await op(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  return cost(samples);
}

async function reachable(engine: SharedEngine): Promise<boolean> {
  if (engine === "memory") return true;
  if (engine === "redis") {
    const c = new Redis(BENCH_REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    c.on("error", () => undefined);
    try {
      await c.connect();
      return (await c.ping()) === "PONG";
    } catch {
      return false;
    } finally {
      c.disconnect();
    }
  }
  const c = new pg.Client({ connectionString: BENCH_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const LIMITS = { messages: 1_000_000, windowMs: 60_000, maxUsers: 1_000_000 };
const CONTEXT = { ttlMs: 60_000, maxConversations: 100_000 };

/** Opens one engine's shared state (and, for PostgreSQL, the store it lives in); undefined when its server does not answer. */
export async function openEngine(engine: SharedEngine): Promise<{ shared: SharedState; store?: Store; close(): Promise<void> } | undefined> {
  if (!(await reachable(engine))) return undefined;
  if (engine === "postgres") {
    const store = await openStore({ dataDir: "", databaseUrl: BENCH_DATABASE_URL, schema: BENCH_SCHEMA, secretKey: undefined });
    const shared = await openSharedState({ engine, store, databaseUrl: BENCH_DATABASE_URL, schema: BENCH_SCHEMA, rateLimits: LIMITS, context: CONTEXT, logger });
    return { shared, store, close: async () => (await shared.close(), await store.close()) };
  }
  const shared = await openSharedState({ engine, redisUrl: BENCH_REDIS_URL, keyPrefix: `ee-bench:${randomBytes(4).toString("hex")}:`, rateLimits: LIMITS, context: CONTEXT, logger });
  return { shared, close: () => shared.close() };
}

/** The cost of each shared piece on an engine, n calls each, one at a time; undefined when its server does not answer. */
export async function measureSharedCosts(engine: SharedEngine, n = 2000): Promise<EngineCosts | undefined> {
  const opened = await openEngine(engine);
  if (!opened) return undefined;
  const { shared } = opened;
  const knowledge = Knowledge.load();
  // A conversation as the bot keeps one after a sourced answer: slots and the reply's sources.
  const reply = makeReply(knowledge, "round", { title: "Round 253", text: knowledge.draws.at(-1)?.round ?? "" });
  const state: ConversationState = { slots: { skill: "round", round: "253", score: 480, period: { from: "2026-01-01", to: "2026-06-30", label: "the first half of 2026", kind: "range" } }, lastSourced: reply };
  const run = randomBytes(4).toString("hex");
  try {
    const claim = await timeOps(n, (i) => shared.claims.claim(`bench-${run}-${i}`));
    const limit = await timeOps(n, (i) => shared.limiter.decide(`slack:bench-${run}-${i % 500}`));
    const set = await timeOps(n, (i) => shared.conversations.set(`slack:bench-${run}-${i % 500}`, state));
    const get = await timeOps(n, (i) => shared.conversations.get(`slack:bench-${run}-${i % 500}`));
    return { engine, claim, limit, get, set, perMessageUs: round1(claim.p50 + limit.p50 + get.p50 + set.p50) };
  } finally {
    await opened.close();
  }
}

async function inParallel(total: number, concurrency: number, work: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await work(next++);
    }),
  );
}

/** Messages a second one process answers through the runtime (core, rate limit, conversation read and write) on an engine. */
export async function measureRuntimeThroughput(engine: SharedEngine, texts: readonly string[], n = 4000, concurrency = 32): Promise<ProcessThroughput | undefined> {
  const opened = await openEngine(engine);
  if (!opened) return undefined;
  try {
    const runtime = new Runtime(Knowledge.load(), logger, { limiter: opened.shared.limiter, conversations: opened.shared.conversations });
    const run = randomBytes(4).toString("hex");
    const ask = (i: number) => runtime.answer({ text: texts[i % texts.length] ?? "", user: `u${run}${i % 400}`, conversation: `c${run}${i % 400}`, platform: "slack" });
    await inParallel(400, concurrency, ask);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await inParallel(n, concurrency, ask);
    const wallMs = performance.now() - t0;
    const used = process.cpuUsage(cpu0);
    const cpuMs = (used.user + used.system) / 1000;
    return { perSecond: Math.round(n / (wallMs / 1000)), cpuMsPerMessage: +(cpuMs / n).toFixed(3), perCpuSecond: Math.round(n / (cpuMs / 1000)) };
  } finally {
    await opened.close();
  }
}

/**
 * Messages a second one process answers end to end in Slack's HTTP mode: signed events posted to the real Bolt App,
 * claimed, limited, answered, and posted back with chat.postMessage to the local fake Slack. The fake and the sender
 * run in the same process, so the figure is a floor of what the bot alone would do.
 */
export async function measureSlackThroughput(engine: SharedEngine, texts: readonly string[], n = 1500, concurrency = 16): Promise<number | undefined> {
  const opened = await openEngine(engine);
  if (!opened) return undefined;
  const fake = await new FakeSlack().start();
  const knowledge = Knowledge.load();
  const runtime = new Runtime(knowledge, logger, { limiter: opened.shared.limiter, conversations: opened.shared.conversations });
  const adapter = new SlackAdapter({
    botToken: SLACK.botToken,
    mode: { kind: "http", signingSecret: SLACK.signingSecret, port: 0, host: "127.0.0.1" },
    answer: (m) => runtime.answer(m),
    command: (name, values, m) => runtime.command(name, values, m),
    knowledge: () => knowledge,
    registry: runtime.robot.registry,
    logger,
    slackApiUrl: fake.apiUrl,
    claims: opened.shared.claims,
  });
  await adapter.start();
  const base = `http://127.0.0.1:${adapter.port}/slack/events`;
  const run = randomBytes(4).toString("hex");
  try {
    const send = async (i: number): Promise<void> => {
      const user = `U${run}${i % 400}`;
      const body = JSON.stringify({ token: "legacy", team_id: SLACK.teamId, api_app_id: "A0FAKE", type: "event_callback", event_id: `Ev${run}${i}`, event_time: Math.floor(Date.now() / 1000), event: { type: "message", channel_type: "im", user, text: texts[i % texts.length] ?? "help", ts: `1700300000.${i}`, channel: `D${run}${i}` } });
      const res = await fetch(base, { method: "POST", headers: { "content-type": "application/json", ...sign(body, Math.floor(Date.now() / 1000)) }, body });
      await res.arrayBuffer();
      await fake.waitFor((c) => c.method === "chat.postMessage" && c.params.channel === `D${run}${i}`, 30_000);
    };
    await inParallel(600, concurrency, (i) => send(n + i));
    const t0 = performance.now();
    await inParallel(n, concurrency, send);
    return Math.round(n / ((performance.now() - t0) / 1000));
  } finally {
    await adapter.stop();
    await fake.stop();
    await opened.close();
  }
}

/** Messages a second a process answered, and the CPU it spent on each: on a shared machine the CPU per message moves far less than the wall-clock rate. */
export interface ProcessThroughput {
  readonly perSecond: number;
  readonly cpuMsPerMessage: number;
  /** Messages one fully used core would answer a second at that CPU cost. */
  readonly perCpuSecond: number;
}

/** User and system CPU time a process has used, in milliseconds (Linux /proc; NaN elsewhere). */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name, in clock ticks (100 a second).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Messages a second one bot process answers in Slack's HTTP mode: `npm start`'s command on its own (the machine's other
 * core runs this process: the sender and the fake Slack), logging at info as in production; signed events in,
 * chat.postMessage out to the fake, `concurrency` events in flight. Undefined when the engine's server does not answer.
 */
export async function measureSlackProcess(engine: SharedEngine, texts: readonly string[], n = 3000, concurrency = 32): Promise<ProcessThroughput | undefined> {
  if (!(await reachable(engine))) return undefined;
  const fake = await new FakeSlack().start();
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const health = port + 1;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    SLACK_BOT_TOKEN: SLACK.botToken,
    SLACK_SIGNING_SECRET: SLACK.signingSecret,
    SLACK_API_URL: fake.apiUrl,
    SLACK_PORT: String(port),
    HEALTH_PORT: String(health),
    FEED_POLL_MINUTES: "0",
    KB_WATCH: "false",
    RATE_LIMIT_MESSAGES: "1000",
    DATA_DIR: join(tmpdir(), `ee-bench-slack-${process.pid}`),
    SHARED_STATE: engine,
    ...(engine === "redis" ? { REDIS_URL: BENCH_REDIS_URL, REDIS_KEY_PREFIX: `ee-bench:${randomBytes(4).toString("hex")}:` } : {}),
    ...(engine === "postgres" ? { DATABASE_URL: BENCH_DATABASE_URL, DATABASE_SCHEMA: BENCH_SCHEMA } : {}),
  };
  // As `npm start` runs it: package.json's start command, flags and bundled entry.
  const { flags, entry } = startCommand();
  const child = spawn(process.execPath, [...flags, entry], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  // Read and thrown away as it comes (a pipe left unread would stall the bot); the last lines say why it failed, if it did.
  let tail = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (tail = (tail + d).slice(-4000)));
  const run = randomBytes(4).toString("hex");
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${health}/healthz`).then(async (r) => ((await r.json()) as { adapters?: Record<string, string> }).adapters?.slack === "ready", () => false);
      if (ok) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the bot (${engine}) did not start: ${tail}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const base = `http://127.0.0.1:${port}/slack/events`;
    const send = async (i: number): Promise<void> => {
      const body = JSON.stringify({ token: "legacy", team_id: SLACK.teamId, api_app_id: "A0FAKE", type: "event_callback", event_id: `Ev${run}${i}`, event_time: Math.floor(Date.now() / 1000), event: { type: "message", channel_type: "im", user: `U${run}${i % 400}`, text: texts[i % texts.length] ?? "help", ts: `1700400000.${i}`, channel: `D${run}${i}` } });
      const res = await fetch(base, { method: "POST", headers: { "content-type": "application/json", ...sign(body, Math.floor(Date.now() / 1000)) }, body });
      await res.arrayBuffer();
      await fake.waitFor((c) => c.method === "chat.postMessage" && c.params.channel === `D${run}${i}`, 30_000);
    };
    try {
      await inParallel(600, concurrency, (i) => send(n + i));
      const cpu0 = cpuMsOf(child.pid);
      const t0 = performance.now();
      await inParallel(n, concurrency, send);
      const wallMs = performance.now() - t0;
      const cpuMs = cpuMsOf(child.pid) - cpu0;
      return { perSecond: Math.round(n / (wallMs / 1000)), cpuMsPerMessage: +(cpuMs / n).toFixed(3), perCpuSecond: cpuMs > 0 ? Math.round(n / (cpuMs / 1000)) : NaN };
    } catch (cause) {
      throw new Error(`the bot (${engine}) stopped answering: ${tail}`, { cause });
    }
  } finally {
    // A bot that already exited has no close event left to wait for.
    if (child.exitCode === null && child.signalCode === null) {
      const done = new Promise((resolve) => child.on("close", resolve));
      child.kill("SIGTERM");
      await done;
    }
    await fake.stop();
    rmSync(env.DATA_DIR ?? "", { recursive: true, force: true });
  }
}

if (process.argv[1] === SELF) {
  const knowledge = Knowledge.load();
  const texts = knowledge.draws.slice(-50).map((d) => `draw ${d.round}`);
  const out: Record<string, unknown> = {};
  for (const engine of ["memory", "redis", "postgres"] as const) {
    out[engine] = {
      costs: await measureSharedCosts(engine),
      runtimePerSecond: await measureRuntimeThroughput(engine, texts),
      slackPerSecond: await measureSlackThroughput(engine, texts),
      slackProcessPerSecond: await measureSlackProcess(engine, texts),
    };
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
