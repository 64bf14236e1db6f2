import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PermissionFlagsBits } from "discord.js";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type StoreOptions } from "../../src/store/index.js";
import { FAKE, FakeDiscord, type Recorded } from "../fakes/discord.js";
import { exited, startMain, until } from "../helpers/process.js";
import { knowledgeFolder, writeNewRounds } from "../announce/knowledge.js";
import { ENGINES, TEST_DATABASE_URL } from "../store/engines.js";

const fake = new FakeDiscord();
const folders: string[] = [];
const channels = Array.from({ length: 6 }, (_, i) => `90000000000000030${i}`);

const isPost = (x: Recorded, channel?: string): boolean => x.method === "POST" && (channel ? x.path === `/channels/${channel}/messages` : /^\/channels\/\d+\/messages$/.test(x.path));
const roundOf = (x: Recorded): string | undefined => /New Express Entry round (\w+)/.exec(JSON.stringify(x.body))?.[1];
/** Messages created per channel and round since a mark: "channel round" for each post Discord made a message of. */
const created = (mark: number): string[] => fake.since(mark).filter((x) => isPost(x)).map((x) => `${x.path.split("/")[2]} ${roundOf(x)}`);

function bot(env: Record<string, string>): { child: ChildProcess; err: () => string; ready: Promise<void> } {
  const run = startMain({ DISCORD_TOKEN: FAKE.token, DISCORD_API_BASE: fake.api, FEED_POLL_MINUTES: "0", KB_WATCH: "true", ANNOUNCE_LEASE_SECONDS: "5", ...env });
  return { ...run, ready: until(() => /discord ready/.test(run.err()), 30_000) };
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const done = exited(child);
  child.kill("SIGTERM");
  return done;
}

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe("npm start with Discord and the embedded database", () => {
  it("lets an admin subscribe, announces a new round once, and a restart announces nothing again", async () => {
    const files = knowledgeFolder(0);
    const dataDir = join(files.dir, "data");
    folders.push(files.dir);
    const env = { EE_BOT_KB: files.kb, DATA_DIR: dataDir };
    const first = bot(env);
    await first.ready;
    const { id } = fake.command("subscribe", [{ name: "type", type: 3, value: "cec" }], false, PermissionFlagsBits.ManageChannels.toString());
    const confirm = await fake.waitFor((x) => x.path.startsWith(`/interactions/${id}/`), 10_000);
    expect(JSON.stringify(confirm.body)).toContain("This channel will get a message for every new CEC round.");
    const mark = fake.requests.length;
    writeNewRounds(files, 1);
    await fake.waitFor((x) => isPost(x, FAKE.channelId) && fake.requests.indexOf(x) >= mark, 15_000);
    expect(await stop(first.child)).toBe(0);

    const second = bot(env);
    await second.ready;
    await new Promise((r) => setTimeout(r, 1500));
    expect(created(mark)).toEqual([`${FAKE.channelId} 431`]);
    writeNewRounds(files, 2);
    // 432 is a STEM round: the CEC subscription is not sent it.
    await until(() => /knowledge base reloaded/.test(second.err()), 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await stop(second.child)).toBe(0);
    expect(created(mark)).toEqual([`${FAKE.channelId} 431`]);
  }, 90_000);

  it("finishes a fan-out killed with SIGKILL in the middle at the next start, with no announcement made twice", async () => {
    const files = knowledgeFolder(0);
    const dataDir = join(files.dir, "data");
    folders.push(files.dir);
    const options: StoreOptions = { dataDir, secretKey: undefined };
    const store = await openStore(options);
    for (const channelId of channels) await store.addSubscription({ platform: "discord", workspaceId: FAKE.guildId, channelId, createdBy: FAKE.userId, startAfterOrder: 430 });
    await store.close();
    const env = { EE_BOT_KB: files.kb, DATA_DIR: dataDir };
    const first = bot(env);
    await first.ready;
    const mark = fake.requests.length;
    fake.delay("POST", /^\/channels\/\d+\/messages$/, 800, channels.length);
    writeNewRounds(files, 1);
    await until(() => created(mark).length >= 2, 20_000);
    first.child.kill("SIGKILL");
    await exited(first.child);
    expect(created(mark).length).toBeLessThan(channels.length);

    const second = bot(env);
    await second.ready;
    // The killed process's claims keep their deliveries until the lease (5 s) ends; the restarted bot looks again then.
    await until(() => created(mark).length >= channels.length, 30_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await stop(second.child)).toBe(0);
    expect([...created(mark)].sort()).toEqual(channels.map((c) => `${c} 431`));
  }, 90_000);
});

describe.runIf(ENGINES.some((e) => e.engine === "postgres"))("two bot processes on one PostgreSQL database", () => {
  const name = `ee_announce_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  beforeAll(async () => admin(`create database ${name}`));
  afterAll(async () => admin(`drop database if exists ${name} with (force)`));

  it("announce each new round once to each channel, whichever process sends it", async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const files = knowledgeFolder(0);
    folders.push(files.dir);
    const store = await openStore({ dataDir: "", databaseUrl, secretKey: undefined });
    for (const channelId of channels) await store.addSubscription({ platform: "discord", workspaceId: FAKE.guildId, channelId, createdBy: FAKE.userId, startAfterOrder: 430 });
    const env = { EE_BOT_KB: files.kb, DATA_DIR: mkdtempSync(join(tmpdir(), "ee-unused-")), DATABASE_URL: databaseUrl };
    const bots = [bot(env), bot(env)];
    await Promise.all(bots.map((b) => b.ready));
    const mark = fake.requests.length;
    writeNewRounds(files, 2);
    await until(() => created(mark).length >= channels.length * 2, 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    for (const b of bots) expect(await stop(b.child)).toBe(0);
    expect([...created(mark)].sort()).toEqual(channels.flatMap((c) => [`${c} 431`, `${c} 432`]));
    const sent = await Promise.all(channels.map(async (c) => (await store.listSubscriptions({ channelId: c }))[0]?.cursorRound));
    expect(sent).toEqual(channels.map(() => "432"));
    await store.close();
  }, 90_000);
});
