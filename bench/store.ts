// Store and announcer costs: opening the embedded database in a fresh process, fanning one round out to many
// subscriptions (through a sender that posts nowhere, and through the Discord sender against the local fake Discord),
// and the bot's memory with Discord configured and the store open. `tsx bench/store.ts [n]` prints them as JSON.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Announcer } from "../src/announce/announcer.js";
import type { AnnounceRound, Sender } from "../src/announce/schema.js";
import { REST } from "discord.js";
import { DiscordSender } from "../src/adapters/discord/announce.js";
import { roundsFromDraws } from "../src/announce/schema.js";
import { Knowledge } from "../src/core/knowledge.js";
import { openStore, type StoreOptions } from "../src/store/index.js";
import { FAKE, FakeDiscord } from "../test/fakes/discord.js";
import { startCommand } from "../test/helpers/process.js";

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const MB = 1024 * 1024;

/** Time to open an existing embedded store (and, as firstMs, to create and migrate one) and resident memory then, in a fresh process. */
export function measureStoreOpen(): { ms: number; rssMb: number; firstMs: number } {
  const out = execFileSync(process.execPath, ["--import", "tsx", SELF, "--open-child"], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as { ms: number; rssMb: number; firstMs: number };
}

async function openChild(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ee-bench-store-"));
  const options = { dataDir: join(dir, "data"), secretKey: undefined };
  const t0 = performance.now();
  await (await openStore(options)).close();
  const firstMs = performance.now() - t0;
  const t1 = performance.now();
  const store = await openStore(options);
  const ms = performance.now() - t1;
  // Includes the TypeScript loader and everything the store imports, as a running bot has it.
  const rssMb = process.memoryUsage().rss / MB;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const round = (x: number): number => Math.round(x * 10) / 10;
  process.stdout.write(`${JSON.stringify({ ms: round(ms), rssMb: round(rssMb), firstMs: round(firstMs) })}\n`);
}

// Synthetic rounds: the bench measures the machinery, not any real round.
const rounds = (count: number): AnnounceRound[] =>
  Array.from({ length: count }, (_, i) => ({ id: String(i + 1), order: i + 1, typeId: null, crs: null, date: null, invitations: null, name: null }));

/** Time to announce one new round to n subscriptions (embedded store unless a database URL is given). */
export async function measureFanOut(n = 1000, options: Partial<StoreOptions> = {}): Promise<{ ms: number; perSecond: number }> {
  const dir = mkdtempSync(join(tmpdir(), "ee-bench-fanout-"));
  const store = await openStore({ dataDir: join(dir, "data"), secretKey: undefined, ...options });
  try {
    const [old, fresh] = rounds(2) as [AnnounceRound, AnnounceRound];
    for (let i = 0; i < n; i += 1) {
      await store.addSubscription({ platform: i % 2 ? "slack" : "discord", workspaceId: `w${i % 7}`, channelId: `bench-${i}`, createdBy: "bench", startAfterOrder: old.order });
    }
    let sent = 0;
    const sender: Sender = {
      send: async () => {
        sent += 1;
        return { ok: true, messageId: String(sent) };
      },
    };
    const announcer = new Announcer({ store, senders: { discord: sender, slack: sender }, concurrency: { discord: 16, slack: 16 } });
    const t0 = performance.now();
    const report = await announcer.announce([old, fresh]);
    const ms = performance.now() - t0;
    if (report.sent.length !== n) throw new Error(`fan-out sent ${report.sent.length} of ${n}`);
    return { ms: Math.round(ms), perSecond: Math.round(n / (ms / 1000)) };
  } finally {
    // A bench schema on PostgreSQL is kept between runs; empty it so that the next run starts alike.
    for (const platform of ["discord", "slack"] as const) await store.removeSubscriptions({ platform });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One round fanned out to n Discord channels through the Discord sender and discord.js REST against the local fake:
 * the REST client keeps to Discord's global limit (50 requests a second), so this measures the rate a real fan-out gets.
 */
export async function measureDiscordFanOut(n = 1000): Promise<{ ms: number; perSecond: number; posts: number }> {
  const fake = await new FakeDiscord().start();
  const dir = mkdtempSync(join(tmpdir(), "ee-bench-discord-"));
  const store = await openStore({ dataDir: join(dir, "data"), secretKey: undefined });
  try {
    const knowledge = Knowledge.load();
    const rounds = roundsFromDraws(knowledge.draws);
    const before = rounds.at(-2)?.order ?? 0;
    for (let i = 0; i < n; i += 1) {
      await store.addSubscription({ platform: "discord", workspaceId: FAKE.guildId, channelId: String(800000000000000000n + BigInt(i)), createdBy: "bench", startAfterOrder: before });
    }
    const rest = new REST({ api: fake.api }).setToken(FAKE.token);
    const announcer = new Announcer({ store, senders: { discord: new DiscordSender(rest, () => knowledge) }, concurrency: { discord: 16 } });
    const t0 = performance.now();
    const report = await announcer.announce(rounds);
    const ms = performance.now() - t0;
    if (report.sent.length !== n) throw new Error(`Discord fan-out sent ${report.sent.length} of ${n}`);
    const posts = fake.requests.filter((r) => r.method === "POST" && r.path.startsWith("/channels/")).length;
    return { ms: Math.round(ms), perSecond: Math.round(n / (ms / 1000)), posts };
  } finally {
    await store.close();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bot as `npm start` runs it with Discord configured (against the fake): store open time from its log, and its RSS once ready. */
export async function measureBotWithPlatform(): Promise<{ storeOpenMs: number | null; rssMb: number | null }> {
  const fake = await new FakeDiscord().start();
  const dir = mkdtempSync(join(tmpdir(), "ee-bench-bot-"));
  try {
    // As `npm start` runs it: the bundled bot (npm install builds dist/), with the same flags.
    const { flags, entry } = startCommand();
    const child = spawn(process.execPath, [...flags, "--import", join(ROOT, "bench/report-rss.mjs"), entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DISCORD_TOKEN: FAKE.token, DISCORD_API_BASE: fake.api, DATA_DIR: join(dir, "data"), FEED_POLL_MINUTES: "0" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    const deadline = Date.now() + 30_000;
    while (!/discord ready/.test(err) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Settle for a moment, as a bot idling between messages.
    await new Promise((r) => setTimeout(r, 1000));
    const done = new Promise((resolve) => child.on("close", resolve));
    child.kill("SIGTERM");
    await done;
    const open = /"ms":(\d+)[^\n]*"msg":"database open/.exec(err);
    const rss = /\{"rss_mb":([\d.]+)/.exec(err);
    return { storeOpenMs: open ? Number(open[1]) : null, rssMb: rss ? Number(rss[1]) : null };
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === SELF) {
  if (process.argv.includes("--open-child")) {
    await openChild();
  } else {
    const n = Number(process.argv[2] ?? 1000);
    const open = measureStoreOpen();
    const sqlite = await measureFanOut(n);
    const postgres = process.env.DATABASE_URL ? await measureFanOut(n, { databaseUrl: process.env.DATABASE_URL, schema: "ee_bench" }) : undefined;
    const discord = await measureDiscordFanOut(n);
    const bot = await measureBotWithPlatform();
    process.stdout.write(`${JSON.stringify({ open, fanOut: { n, sqlite, postgres, discord }, botWithDiscord: bot }, null, 2)}\n`);
  }
}
