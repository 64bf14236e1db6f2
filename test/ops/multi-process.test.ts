import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGES } from "../../src/core/messages.js";
import { openStore, type Store } from "../../src/store/index.js";
import { FakeSlack, SLACK, sign, WORKSPACES, type FakeWorkspace, type SlackCall } from "../fakes/slack.js";
import { exited, startBuilt, until } from "../helpers/process.js";
import { freshPostgres, freshPrefix, postgresUp, queryPostgres, redisUp, TEST_REDIS_URL } from "../shared/servers.js";

const fake = new FakeSlack();
const folders: string[] = [];
let seq = 0;

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** A TCP port free on 127.0.0.1 now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

interface Bot {
  readonly child: ChildProcess;
  readonly base: string;
  err(): string;
}

async function startBot(env: Record<string, string>): Promise<Bot> {
  const port = await freePort();
  const run = startBuilt({ ...env, SLACK_PORT: String(port), HEALTH_PORT: "0" });
  await until(() => /slack ready/.test(run.err()) || run.child.exitCode !== null, 30_000);
  if (run.child.exitCode !== null) throw new Error(`the bot did not start: ${run.err()}`);
  return { child: run.child, base: `http://127.0.0.1:${port}`, err: run.err };
}

async function stop(bot: Bot): Promise<number | null> {
  if (bot.child.exitCode !== null) return bot.child.exitCode;
  const done = exited(bot.child);
  bot.child.kill("SIGTERM");
  return done;
}

function eventBody(w: FakeWorkspace, event: Record<string, unknown>, eventId = `EvMulti${++seq}`): string {
  return JSON.stringify({ token: "legacy", team_id: w.teamId, api_app_id: "A0FAKE", type: "event_callback", event_id: eventId, event_time: Math.floor(Date.now() / 1000), event, authorizations: [{ team_id: w.teamId, user_id: w.botUserId, is_bot: true }] });
}

const dm = (_w: FakeWorkspace, user: string, text: string): Record<string, unknown> => ({ type: "message", channel_type: "im", user, text, ts: `1700200000.${String(++seq).padStart(6, "0")}`, channel: `D${user}` });

async function post(bot: Bot, body: string, retry?: number): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${bot.base}/slack/events`, { method: "POST", headers: { "content-type": "application/json", ...sign(body, ts), ...(retry ? { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" } : {}) }, body });
  return res.status;
}

/** A person installs the app through one bot's /slack/install, approving on the fake's authorization page. */
async function install(bot: Bot, w: FakeWorkspace): Promise<number> {
  fake.redirectUrl = `${bot.base}/slack/oauth_redirect`;
  const start = await fetch(`${bot.base}/slack/install`, { redirect: "manual" });
  const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  fake.installAs(w);
  const approved = await fetch(String(start.headers.get("location")), { redirect: "manual" });
  return (await fetch(String(approved.headers.get("location")), { redirect: "manual", headers: { cookie } })).status;
}

/** The messages Slack accepted in a channel since a mark (a call with a revoked token is refused, and not one). */
const postsTo = (channel: string, mark: number): SlackCall[] => fake.calls.slice(mark).filter((c) => c.method === "chat.postMessage" && c.params.channel === channel && c.teamId !== undefined);

/** Waits until a DM from another user through a bot is answered: every event posted before it to that bot was handled. */
async function settle(bot: Bot, w: FakeWorkspace): Promise<void> {
  const user = `USETTLE${++seq}`;
  const mark = fake.calls.length;
  await post(bot, eventBody(w, dm(w, user, "draw 250")));
  await until(() => postsTo(`D${user}`, mark).length > 0, 10_000);
}

const CASES = [
  { name: "PostgreSQL (DATABASE_URL alone)", available: postgresUp, redis: false },
  { name: "Redis, with the store on PostgreSQL", available: postgresUp && redisUp, redis: true },
];

describe.each(CASES.filter((c) => c.available))("two bot processes sharing $name", ({ redis }) => {
  let bots: [Bot, Bot];
  let store: Store;
  const secretKey = randomBytes(32).toString("base64");
  const pg = freshPostgres();

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ee-multi-"));
    folders.push(dataDir);
    const env = {
      SLACK_CLIENT_ID: SLACK.clientId,
      SLACK_CLIENT_SECRET: SLACK.clientSecret,
      SLACK_STATE_SECRET: SLACK.stateSecret,
      SLACK_SIGNING_SECRET: SLACK.signingSecret,
      SLACK_API_URL: fake.apiUrl,
      STORE_SECRET_KEY: secretKey,
      DATA_DIR: dataDir,
      DATABASE_URL: pg.databaseUrl,
      DATABASE_SCHEMA: pg.schema,
      RATE_LIMIT_MESSAGES: "3",
      RATE_LIMIT_WINDOW_SECONDS: "60",
      ...(redis ? { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: freshPrefix() } : {}),
    };
    // The first creates the tables; the second then starts beside it.
    const first = await startBot(env);
    bots = [first, await startBot(env)];
    store = await openStore({ ...pg, secretKey });
  }, 90_000);
  afterAll(async () => {
    await store?.close();
    for (const b of bots ?? []) await stop(b);
  });

  it("installs a workspace through one process and answers it from the other with its own token", async () => {
    const [a, b] = bots;
    expect(await install(a, WORKSPACES.second)).toBe(200);
    expect(await install(b, WORKSPACES.first)).toBe(200);
    const rows = await queryPostgres(pg, "select * from installations order by team_id");
    expect(rows.map((r) => r.team_id)).toEqual([WORKSPACES.second.teamId, WORKSPACES.first.teamId].sort());
    for (const w of [WORKSPACES.first, WORKSPACES.second]) expect(JSON.stringify(rows)).not.toContain(w.token);
    const mark = fake.calls.length;
    await post(b, eventBody(WORKSPACES.second, dm(WORKSPACES.second, "UALICE001", "draw 253")));
    await post(a, eventBody(WORKSPACES.first, dm(WORKSPACES.first, "UBOB00001", "draw 254")));
    await until(() => postsTo("DUALICE001", mark).length > 0 && postsTo("DUBOB00001", mark).length > 0, 10_000);
    expect(postsTo("DUALICE001", mark).map((c) => c.token)).toEqual([WORKSPACES.second.token]);
    expect(postsTo("DUBOB00001", mark).map((c) => c.token)).toEqual([WORKSPACES.first.token]);
  });

  it("answers an event once when Slack's retries of it reach both processes, one after the other and at once", async () => {
    const [a, b] = bots;
    const w = WORKSPACES.second;
    const mark = fake.calls.length;
    const first = eventBody(w, dm(w, "URETRY001", "draw 252"));
    expect(await post(a, first)).toBe(200);
    expect(await post(b, first, 1)).toBe(200);
    expect(await post(a, first, 2)).toBe(200);
    const racing = eventBody(w, dm(w, "URETRY002", "draw 251"));
    await Promise.all([post(a, racing), post(b, racing, 1), post(a, racing, 2), post(b, racing, 3)]);
    await settle(a, w);
    await settle(b, w);
    expect(postsTo("DURETRY001", mark)).toHaveLength(1);
    expect(postsTo("DURETRY002", mark)).toHaveLength(1);
  });

  it("counts a user's messages sent to either process against one limit: three answers, one notice, then silence", async () => {
    const [a, b] = bots;
    const w = WORKSPACES.second;
    const mark = fake.calls.length;
    for (let i = 0; i < 6; i += 1) {
      await post(i % 2 ? b : a, eventBody(w, dm(w, "ULIMIT001", `draw ${240 + i}`)));
      // One at a time, so that which message is over the limit is known.
      await new Promise((r) => setTimeout(r, 150));
    }
    await settle(a, w);
    await settle(b, w);
    const texts = postsTo("DULIMIT001", mark).map((c) => String(c.params.text));
    expect(texts).toHaveLength(4);
    expect(texts.slice(0, 3).every((t) => /[Rr]ound 24[0-2] /.test(t))).toBe(true);
    expect(texts[3]).toBe(MESSAGES.rateLimited);
  });

  it("follows a user's conversation from one process to the other", async () => {
    const [a, b] = bots;
    const w = WORKSPACES.first;
    const mark = fake.calls.length;
    await post(a, eventBody(w, dm(w, "UFOLLOW01", "draw 253")));
    await until(() => postsTo("DUFOLLOW01", mark).length === 1, 10_000);
    await post(b, eventBody(w, dm(w, "UFOLLOW01", "and the tie-break?")));
    await until(() => postsTo("DUFOLLOW01", mark).length === 2, 10_000);
    expect(String(postsTo("DUFOLLOW01", mark)[1]?.params.text)).toMatch(/^July 1, 2023 at 09:31:32 UTC: in round 253 \(July 4, 2023/);
  });

  it("reports the shared state in /healthz and keeps every secret out of both processes' logs", async () => {
    for (const bot of bots) {
      const port = /"port":(\d+)[^\n]*health check listening/.exec(bot.err())?.[1];
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { shared?: { engine: string; ok: boolean } };
      expect(health.shared).toEqual({ engine: redis ? "redis" : "postgres", ok: true });
      for (const secret of [SLACK.clientSecret, SLACK.stateSecret, SLACK.signingSecret, secretKey, WORKSPACES.first.token, WORKSPACES.second.token]) expect(bot.err()).not.toContain(secret);
    }
  });

  it("forgets a workspace that uninstalls through either process: the other posts nothing Slack accepts for it", async () => {
    const [a, b] = bots;
    await store.addSubscription({ platform: "slack", workspaceId: WORKSPACES.second.teamId, channelId: "CANNOUNCE1", createdBy: SLACK.user });
    fake.revoke(WORKSPACES.second);
    await post(b, eventBody(WORKSPACES.second, { type: "app_uninstalled" }));
    await until(() => /its installation and subscriptions are deleted/.test(b.err()), 10_000);
    expect(await store.findInstallation(WORKSPACES.second.teamId)).toBeUndefined();
    expect(await store.listSubscriptions({ platform: "slack", workspaceId: WORKSPACES.second.teamId, includeDisabled: true })).toEqual([]);
    const mark = fake.calls.length;
    await post(a, eventBody(WORKSPACES.second, dm(WORKSPACES.second, "UGONE0001", "draw 249")));
    await settle(a, WORKSPACES.first);
    expect(postsTo("DUGONE0001", mark)).toEqual([]);
    for (const bot of bots) expect(await stop(bot)).toBe(0);
  }, 30_000);
});
