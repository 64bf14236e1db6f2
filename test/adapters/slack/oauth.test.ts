import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { authorizationUrlOf, SlackAdapter } from "../../../src/adapters/slack/adapter.js";
import { installedWorkspaces, SlackSender } from "../../../src/adapters/slack/announce.js";
import { SLACK_BOT_SCOPES, SlackInstallations } from "../../../src/adapters/slack/installations.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import { createLogger } from "../../../src/log.js";
import { Robot } from "../../../src/skills/robot.js";
import { openStore, type Store, type StoreOptions } from "../../../src/store/index.js";
import { FakeSlack, SLACK, sign, WORKSPACES, type FakeWorkspace } from "../../fakes/slack.js";
import { ENGINES } from "../../store/engines.js";

const knowledge = Knowledge.load();
const robot = new Robot(() => knowledge, { now: () => new Date("2026-12-01T12:00:00Z") });
const logLines: string[] = [];
const logger = createLogger({ level: "debug", secrets: [SLACK.clientSecret, SLACK.stateSecret, SLACK.signingSecret], sink: { write: (l: string) => logLines.push(l) } });
const fake = new FakeSlack();
let eventSeq = 0;

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});

/** A Slack event for a workspace, as Slack posts it to the request URL. */
function eventBody(w: FakeWorkspace, event: Record<string, unknown>): string {
  return JSON.stringify({ token: "legacy", team_id: w.teamId, ...(w.enterpriseId ? { enterprise_id: w.enterpriseId } : {}), api_app_id: "A0FAKE", type: "event_callback", event_id: `EvOAuth${++eventSeq}`, event_time: Math.floor(Date.now() / 1000), event, authorizations: [{ team_id: w.teamId, user_id: w.botUserId, is_bot: true }] });
}

const dm = (w: FakeWorkspace, text: string): Record<string, unknown> => ({ type: "message", channel_type: "im", user: SLACK.user, text, ts: `1700100000.${String(++eventSeq).padStart(6, "0")}`, channel: `D${w.teamId}` });

describe.each(ENGINES)("Add to Slack with the store on $engine", (engine) => {
  let store: Store;
  let options: StoreOptions;
  let adapter: SlackAdapter;
  let base = "";

  async function post(body: string): Promise<Response> {
    const ts = Math.floor(Date.now() / 1000);
    return fetch(`${base}/slack/events`, { method: "POST", headers: { "content-type": "application/json", ...sign(body, ts) }, body });
  }

  /** A person opens /slack/install, approves on Slack's page, and comes back to the redirect URL with the state cookie. */
  async function install(w: FakeWorkspace, withCookie = true): Promise<{ status: number; page: string }> {
    const start = await fetch(`${base}/slack/install`, { redirect: "manual" });
    expect(start.status).toBe(302);
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    fake.installAs(w);
    const approved = await fetch(String(start.headers.get("location")), { redirect: "manual" });
    expect(approved.status).toBe(302);
    const back = await fetch(String(approved.headers.get("location")), { redirect: "manual", headers: withCookie ? { cookie } : {} });
    return { status: back.status, page: await back.text() };
  }

  beforeAll(async () => {
    options = { ...engine.fresh(), secretKey: randomBytes(32).toString("base64") };
    store = await openStore(options);
    fake.redirectUrl = "";
    const installations = new SlackInstallations(store, logger);
    adapter = new SlackAdapter({
      oauth: { clientId: SLACK.clientId, clientSecret: SLACK.clientSecret, stateSecret: SLACK.stateSecret, installations },
      onUninstall: async (workspace, why) => void (await installations.forget(workspace, why)),
      mode: { kind: "http", signingSecret: SLACK.signingSecret, port: 0, host: "127.0.0.1" },
      answer: (m) => robot.handle(m),
      command: (name, values, m) => robot.command(name, values, m),
      knowledge: () => knowledge,
      registry: robot.registry,
      logger,
      slackApiUrl: fake.apiUrl,
    });
    await adapter.start();
    base = `http://127.0.0.1:${adapter.port}`;
    fake.redirectUrl = `${base}/slack/oauth_redirect`;
  });
  afterAll(async () => {
    await adapter.stop();
    await store.close();
  });

  it("installs a workspace end to end: install page, Slack's approval, the redirect with code and state, oauth.v2.access, the token stored encrypted", async () => {
    const mark = fake.calls.length;
    const start = await fetch(`${base}/slack/install`, { redirect: "manual" });
    const to = new URL(String(start.headers.get("location")));
    expect(`${to.origin}${to.pathname}`).toBe(fake.authorizeUrl);
    expect(to.searchParams.get("client_id")).toBe(SLACK.clientId);
    expect(to.searchParams.get("scope")?.split(",").sort()).toEqual([...SLACK_BOT_SCOPES].sort());
    expect(start.headers.get("set-cookie")).toMatch(/^slack-app-oauth-state=[^;]+; Secure; HttpOnly/);

    const done = await install(WORKSPACES.second);
    expect(done.status).toBe(200);
    const exchange = fake.calls.slice(mark).find((c) => c.method === "oauth.v2.access");
    expect(exchange?.params).toMatchObject({ client_id: SLACK.clientId, client_secret: SLACK.clientSecret });
    expect(String(exchange?.params.code)).toMatch(/^code-\d+-TSECOND02$/);
    // Bolt asks who the new token is (auth.test) for the bot id.
    expect(fake.calls.slice(mark).some((c) => c.method === "auth.test" && c.token === WORKSPACES.second.token)).toBe(true);

    const saved = await store.findInstallation(WORKSPACES.second.teamId);
    expect(saved).toMatchObject({ teamId: "TSECOND02", botToken: WORKSPACES.second.token, botUserId: "UBOT0002", botId: "BBOT0002", enterpriseInstall: false });
    expect(saved?.scopes.sort()).toEqual([...SLACK_BOT_SCOPES].sort());
    const rows = await engine.query(options, "select * from installations");
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(WORKSPACES.second.token);
    expect(JSON.stringify(rows)).not.toContain("secondsecond");
    expect(String(rows[0]?.bot_token_ciphertext)).toMatch(/^v1:/);
    for (const secret of [WORKSPACES.second.token, SLACK.clientSecret, SLACK.stateSecret]) expect(logLines.join("\n")).not.toContain(secret);
  });

  it("refuses a redirect that does not carry this browser's state, and stores nothing", async () => {
    const before = (await engine.query(options, "select installation_key from installations")).length;
    const mark = fake.calls.length;
    const done = await install(WORKSPACES.third, false);
    expect(done.status).toBe(400);
    expect(fake.calls.slice(mark).some((c) => c.method === "oauth.v2.access")).toBe(false);
    expect(await engine.query(options, "select installation_key from installations")).toHaveLength(before);
  });

  it("answers two workspaces, each with the bot token of its own installation", async () => {
    expect((await install(WORKSPACES.first)).status).toBe(200);
    const mark = fake.calls.length;
    await post(eventBody(WORKSPACES.first, dm(WORKSPACES.first, "draw 253")));
    await post(eventBody(WORKSPACES.second, dm(WORKSPACES.second, "draw 254")));
    const one = await fake.waitFor((c) => c.method === "chat.postMessage" && c.params.channel === `D${WORKSPACES.first.teamId}` && fake.calls.indexOf(c) >= mark);
    const two = await fake.waitFor((c) => c.method === "chat.postMessage" && c.params.channel === `D${WORKSPACES.second.teamId}` && fake.calls.indexOf(c) >= mark);
    expect(one.token).toBe(WORKSPACES.first.token);
    expect(String(one.params.text)).toMatch(/[Rr]ound 253 \(July 4, 2023/);
    expect(two.token).toBe(WORKSPACES.second.token);
    expect(String(two.params.text)).toMatch(/[Rr]ound 254 \(July 5, 2023/);
  });

  it("posts round announcements to each workspace with its own token", async () => {
    const sender = new SlackSender(installedWorkspaces((team) => store.findInstallation(team), fake.apiUrl), () => knowledge);
    const [round] = knowledge.draws.slice(-1).map((d) => ({ id: d.round, order: 1, typeId: null, crs: d.crs ?? null, date: d.date ?? null, invitations: d.invitations ?? null, name: null }));
    if (!round) throw new Error("no round");
    const subscription = (w: FakeWorkspace) => ({ id: `s-${w.teamId}`, platform: "slack" as const, workspaceId: w.teamId, channelId: `C${w.teamId}`, roundType: "all", maxCrs: null, createdBy: SLACK.user, createdAt: "", disabledAt: null, disabledReason: null, cursorOrder: null, cursorRound: null });
    const mark = fake.calls.length;
    expect((await sender.send(subscription(WORKSPACES.first), round)).ok).toBe(true);
    expect((await sender.send(subscription(WORKSPACES.second), round)).ok).toBe(true);
    expect(await sender.send(subscription(WORKSPACES.third), round)).toEqual({ ok: false, kind: "permanent", reason: "not_installed" });
    const posts = fake.calls.slice(mark).filter((c) => c.method === "chat.postMessage");
    expect(posts.map((c) => [c.params.channel, c.token])).toEqual([
      [`C${WORKSPACES.first.teamId}`, WORKSPACES.first.token],
      [`C${WORKSPACES.second.teamId}`, WORKSPACES.second.token],
    ]);
  });

  it("deletes a workspace's installation and subscriptions when it uninstalls the app, and answers it no more", async () => {
    for (const w of [WORKSPACES.first, WORKSPACES.second]) await store.addSubscription({ platform: "slack", workspaceId: w.teamId, channelId: `C${w.teamId}`, createdBy: SLACK.user });
    fake.revoke(WORKSPACES.second);
    expect((await post(eventBody(WORKSPACES.second, { type: "app_uninstalled" }))).status).toBe(200);
    await expect.poll(() => store.findInstallation(WORKSPACES.second.teamId), { timeout: 5000 }).toBeUndefined();
    expect(await store.listSubscriptions({ platform: "slack", workspaceId: WORKSPACES.second.teamId, includeDisabled: true })).toEqual([]);
    expect(await store.listSubscriptions({ platform: "slack", workspaceId: WORKSPACES.first.teamId })).toHaveLength(1);
    expect(await store.findInstallation(WORKSPACES.first.teamId)).toBeDefined();
    const mark = fake.calls.length;
    const logged = logLines.length;
    await post(eventBody(WORKSPACES.second, dm(WORKSPACES.second, "draw 252")));
    await expect.poll(() => logLines.slice(logged).join("\n"), { timeout: 5000 }).toMatch(/no installation for team TSECOND02/);
    await post(eventBody(WORKSPACES.first, dm(WORKSPACES.first, "draw 251")));
    await fake.waitFor((c) => c.method === "chat.postMessage" && fake.calls.indexOf(c) >= mark && /[Rr]ound 251/.test(String(c.params.text)));
    expect(fake.calls.slice(mark).filter((c) => c.method === "chat.postMessage" && c.params.channel === `D${WORKSPACES.second.teamId}`)).toEqual([]);
  });

  it("deletes them too when the bot's token is revoked, but not when only a user's token is", async () => {
    await post(eventBody(WORKSPACES.first, { type: "tokens_revoked", tokens: { oauth: [SLACK.user] } }));
    await new Promise((r) => setTimeout(r, 300));
    expect(await store.findInstallation(WORKSPACES.first.teamId)).toBeDefined();
    await post(eventBody(WORKSPACES.first, { type: "tokens_revoked", tokens: { bot: [WORKSPACES.first.botUserId] } }));
    await expect.poll(() => store.findInstallation(WORKSPACES.first.teamId), { timeout: 5000 }).toBeUndefined();
    expect(await store.listSubscriptions({ platform: "slack", includeDisabled: true })).toEqual([]);
  });
});

describe("Add to Slack without a secret key", () => {
  let store: Store | undefined;
  let adapter: SlackAdapter | undefined;
  afterEach(async () => {
    await adapter?.stop();
    await store?.close();
  });

  it("refuses to store an installation when STORE_SECRET_KEY is not set, says so, and keeps nothing", async () => {
    const engine = ENGINES[0];
    if (!engine) throw new Error("no engine");
    const options = { ...engine.fresh(), secretKey: undefined };
    store = await openStore(options);
    const lines: string[] = [];
    const log = createLogger({ level: "debug", sink: { write: (l: string) => lines.push(l) } });
    adapter = new SlackAdapter({
      oauth: { clientId: SLACK.clientId, clientSecret: SLACK.clientSecret, stateSecret: SLACK.stateSecret, installations: new SlackInstallations(store, log) },
      mode: { kind: "http", signingSecret: SLACK.signingSecret, port: 0, host: "127.0.0.1" },
      answer: (m) => robot.handle(m),
      command: (name, values, m) => robot.command(name, values, m),
      knowledge: () => knowledge,
      registry: robot.registry,
      logger: log,
      slackApiUrl: fake.apiUrl,
    });
    await adapter.start();
    const base = `http://127.0.0.1:${adapter.port}`;
    fake.redirectUrl = `${base}/slack/oauth_redirect`;
    const start = await fetch(`${base}/slack/install`, { redirect: "manual" });
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    fake.installAs(WORKSPACES.third);
    const approved = await fetch(String(start.headers.get("location")), { redirect: "manual" });
    const back = await fetch(String(approved.headers.get("location")), { redirect: "manual", headers: { cookie } });
    expect(back.status).toBe(500);
    expect(await engine.query(options, "select * from installations")).toEqual([]);
    expect(lines.join("\n")).toMatch(/set STORE_SECRET_KEY/);
    expect(lines.join("\n")).not.toContain(WORKSPACES.third.token);
  });
});

describe("Slack's authorization page", () => {
  it("sits beside the Web API: slack.com/api/ gives slack.com/oauth/v2/authorize", () => {
    expect(authorizationUrlOf()).toBe("https://slack.com/oauth/v2/authorize");
    expect(authorizationUrlOf("http://127.0.0.1:4000/api/")).toBe("http://127.0.0.1:4000/oauth/v2/authorize");
    expect(authorizationUrlOf("http://127.0.0.1:4000/api")).toBe("http://127.0.0.1:4000/oauth/v2/authorize");
  });
});

describe("the Slack app manifest", () => {
  it("asks for the scopes Add to Slack asks for, names the redirect path Bolt serves, and subscribes to uninstalls", () => {
    const manifest = readFileSync(new URL("../../../slack/manifest.yml", import.meta.url), "utf8");
    const bot = /^ {4}bot:\n((?: {6}- .+\n)+)/m.exec(manifest)?.[1] ?? "";
    expect(bot.split("\n").filter((l) => l.trim() !== "").map((l) => l.trim().slice(2))).toEqual([...SLACK_BOT_SCOPES]);
    expect(manifest).toMatch(/redirect_urls:\n {4}- https:\/\/YOUR-HOST\/slack\/oauth_redirect\n/);
    expect(manifest).toMatch(/ {6}- app_uninstalled\n/);
    expect(manifest).toMatch(/ {6}- tokens_revoked\n/);
  });
});

describe("Add to Slack in Socket Mode", () => {
  it("serves the install pages on the install port beside the socket, and stores the installation", async () => {
    const engine = ENGINES[0];
    if (!engine) throw new Error("no engine");
    const options = { ...engine.fresh(), secretKey: randomBytes(32).toString("base64") };
    const store = await openStore(options);
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const adapter = new SlackAdapter({
      oauth: { clientId: SLACK.clientId, clientSecret: SLACK.clientSecret, stateSecret: SLACK.stateSecret, installations: new SlackInstallations(store, logger) },
      mode: { kind: "socket", appToken: SLACK.appToken, installPort: port },
      answer: (m) => robot.handle(m),
      command: (name, values, m) => robot.command(name, values, m),
      knowledge: () => knowledge,
      registry: robot.registry,
      logger,
      slackApiUrl: fake.apiUrl,
    });
    try {
      await adapter.start();
      expect(fake.socketConnected).toBe(true);
      const base = `http://127.0.0.1:${port}`;
      fake.redirectUrl = `${base}/slack/oauth_redirect`;
      const start = await fetch(`${base}/slack/install`, { redirect: "manual" });
      expect(start.status).toBe(302);
      const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      fake.installAs(WORKSPACES.third);
      const approved = await fetch(String(start.headers.get("location")), { redirect: "manual" });
      const back = await fetch(String(approved.headers.get("location")), { redirect: "manual", headers: { cookie } });
      expect(back.status).toBe(200);
      expect(await store.findInstallation(WORKSPACES.third.teamId)).toMatchObject({ enterpriseId: "EGRID0001", botToken: WORKSPACES.third.token });
    } finally {
      await adapter.stop();
      await store.close();
    }
  });
});
