import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackAdapter } from "../../../src/adapters/slack/adapter.js";
import { SlackSender, announceClient } from "../../../src/adapters/slack/announce.js";
import { forgetWorkspace } from "../../../src/adapters/slack/installations.js";
import { Announcer, type AnnounceReport } from "../../../src/announce/announcer.js";
import { ANNOUNCE_MESSAGES } from "../../../src/announce/messages.js";
import { AnnounceRunner } from "../../../src/announce/runner.js";
import { roundsFromDraws } from "../../../src/announce/schema.js";
import { Subscriptions } from "../../../src/announce/subscriptions.js";
import { Runtime } from "../../../src/app.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import { createLogger } from "../../../src/log.js";
import { openStore, type Store } from "../../../src/store/index.js";
import { FakeSlack, SLACK, sign, type SlackCall } from "../../fakes/slack.js";
import { knowledgeFolder, writeNewRounds } from "../../announce/knowledge.js";
import { ENGINES } from "../../store/engines.js";

const ADMIN = "UADMIN001";
const CREATOR = "UCREATOR1";
const OTHER = "CROUNDS02";
const ARCHIVED = "CARCHIVE3";

describe.each(ENGINES)("Slack round announcements on $engine", (engine) => {
  const fake = new FakeSlack();
  const files = knowledgeFolder(0);
  const logLines: string[] = [];
  const logger = createLogger({ level: "debug", secrets: [SLACK.botToken, SLACK.signingSecret], sink: { write: (l: string) => logLines.push(l) } });
  const runtime = new Runtime(Knowledge.load(files), logger);
  let store: Store;
  let adapter: SlackAdapter;
  let runner: AnnounceRunner;
  let lastRun: Promise<AnnounceReport | undefined> = Promise.resolve(undefined);
  let base = "";
  let seq = 0;

  /** Runs /ee with some text as a user in a channel; resolves with what was posted to the command's response_url. */
  const slash = async (text: string, user: string = SLACK.user, channel: string = SLACK.channel, channelName = "general"): Promise<SlackCall> => {
    const id = `sub-${(seq += 1)}`;
    const body = new URLSearchParams({ token: "legacy", team_id: SLACK.teamId, channel_id: channel, channel_name: channelName, user_id: user, command: "/ee", text, response_url: fake.responseUrl(id), trigger_id: "t1" }).toString();
    const res = await fetch(`${base}/slack/events`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...sign(body, Math.floor(Date.now() / 1000)) }, body });
    expect(res.status).toBe(200);
    return fake.waitFor((c) => c.method === `response:${id}`);
  };
  const posts = (channel: string, mark = 0): SlackCall[] => fake.calls.slice(mark).filter((c) => c.method === "chat.postMessage" && c.params.channel === channel);

  beforeAll(async () => {
    await fake.start();
    fake.setUser(ADMIN, { is_admin: true });
    fake.setChannel(SLACK.channel, { creator: CREATOR });
    store = await openStore(engine.fresh());
    const subscriptions = new Subscriptions(store, () => runtime.knowledge(), logger);
    adapter = new SlackAdapter({
      botToken: SLACK.botToken,
      mode: { kind: "http", signingSecret: SLACK.signingSecret, port: 0, host: "127.0.0.1" },
      answer: (m) => runtime.answer(m),
      command: (name, values, m) => runtime.command(name, values, m),
      knowledge: () => runtime.knowledge(),
      registry: runtime.robot.registry,
      logger,
      slackApiUrl: fake.apiUrl,
      subscriptions,
      onUninstall: async (workspace, why) => void (await forgetWorkspace(store, workspace, logger, why)),
    });
    await adapter.start();
    base = `http://127.0.0.1:${adapter.port}`;
    const sender = new SlackSender(announceClient(SLACK.botToken, fake.apiUrl, 5000), () => runtime.knowledge());
    const announcer = new Announcer({ store, senders: { slack: sender }, log: logger, leaseMs: 30_000 });
    runner = new AnnounceRunner({ announcer, rounds: () => roundsFromDraws(runtime.knowledge().draws), log: logger });
    runtime.onReload(() => void (lastRun = runner.run("reload")));
  });

  afterAll(async () => {
    await runner.stop();
    await adapter.stop();
    await store.close();
    await fake.stop();
  });

  it("refuses /ee subscribe, privately, from a member who is neither a workspace admin nor the channel's creator", async () => {
    const r = await slash("subscribe cec");
    expect(r.params.response_type).toBe("ephemeral");
    expect(String(r.params.text)).toBe(ANNOUNCE_MESSAGES.noPermission);
    expect(await store.listSubscriptions({ platform: "slack" })).toEqual([]);
  });

  it("refuses /ee subscribe in a direct message", async () => {
    const r = await slash("subscribe", ADMIN, SLACK.dm, "directmessage");
    expect(String(r.params.text)).toBe(ANNOUNCE_MESSAGES.notInChannel);
  });

  it("subscribes the channel for a workspace admin and confirms in words, in the channel", async () => {
    const r = await slash("subscribe healthcare 470", ADMIN);
    expect(r.params.response_type).toBe("in_channel");
    expect(String(r.params.text)).toMatch(/^This channel will get a message for every new healthcare round with a cut-off of 470 or less\./);
    expect(await store.listSubscriptions({ platform: "slack" })).toMatchObject([{ workspaceId: SLACK.teamId, channelId: SLACK.channel, roundType: "healthcare", maxCrs: 470, createdBy: ADMIN }]);
  });

  it("lets the channel's creator subscribe it too", async () => {
    const r = await slash("subscribe all", CREATOR);
    expect(String(r.params.text)).toMatch(/^This channel will get a message for every new round\. .*It also gets every new healthcare round with a cut-off of 470 or less/);
  });

  it("refuses to subscribe a channel the bot is not in, saying how to invite it", async () => {
    fake.setChannel("CNOTIN001", { is_member: false });
    const r = await slash("subscribe", ADMIN, "CNOTIN001", "random");
    expect(String(r.params.text)).toBe(ANNOUNCE_MESSAGES.botNotInChannel);
  });

  it("lists the workspace's subscriptions in the App Home", async () => {
    const body = JSON.stringify({ token: "legacy", team_id: SLACK.teamId, api_app_id: "A0FAKE", type: "event_callback", event_id: "EvHome1", event_time: Math.floor(Date.now() / 1000), event: { type: "app_home_opened", user: SLACK.user, channel: "DHOME0001", tab: "home" }, authorizations: [{ team_id: SLACK.teamId, user_id: SLACK.botUserId, is_bot: true }] });
    await fetch(`${base}/slack/events`, { method: "POST", headers: { "content-type": "application/json", ...sign(body, Math.floor(Date.now() / 1000)) }, body });
    const c = await fake.waitFor((x) => x.method === "views.publish");
    const blocks = JSON.stringify((c.params.view as { blocks: unknown[] }).blocks);
    expect(blocks).toContain(`*Round announcements in this workspace*\\n• <#${SLACK.channel}>: every new healthcare round with a cut-off of 470 or less\\n• <#${SLACK.channel}>: every new round`);
  });

  it("announces a round new in a reloaded kb.json once per subscription that wants it, in Block Kit with a text fallback", async () => {
    await new Subscriptions(store, () => runtime.knowledge(), logger).subscribe({ platform: "slack", workspaceId: SLACK.teamId, channelId: OTHER, userId: ADMIN }, "stem", undefined);
    expect((await runner.run("start"))?.sent).toEqual([]);
    const mark = fake.calls.length;
    writeNewRounds(files, 1);
    expect(runtime.reload(files).ok).toBe(true);
    await lastRun;
    const sent = posts(SLACK.channel, mark);
    expect(sent).toHaveLength(1);
    expect(posts(OTHER, mark)).toHaveLength(0);
    expect(String(sent[0]?.params.text)).toMatch(/^IRCC held round 431 on July 30, 2026: Canadian Experience Class\./);
    const blocks = JSON.stringify(sent[0]?.params.blocks);
    expect(blocks).toContain('"type":"header","text":{"type":"plain_text","text":"New Express Entry round 431"');
    expect(blocks).toMatch(/"type":"context".*As of July 30, 2026 · Sources: /);
  });

  it("retries after a ratelimited answer as long as Retry-After says, and disables an archived channel's subscription", async () => {
    await new Subscriptions(store, () => runtime.knowledge(), logger).subscribe({ platform: "slack", workspaceId: SLACK.teamId, channelId: ARCHIVED, userId: ADMIN }, undefined, undefined);
    fake.failChannel(ARCHIVED, "is_archived");
    fake.rateLimit("chat.postMessage", 1, 1);
    const mark = fake.calls.length;
    const started = Date.now();
    writeNewRounds(files, 2);
    expect(runtime.reload(files).ok).toBe(true);
    const report = await lastRun;
    expect(fake.calls.slice(mark).filter((c) => c.method === "429 chat.postMessage")).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(posts(SLACK.channel, mark)).toHaveLength(1);
    expect(posts(OTHER, mark)).toHaveLength(1);
    expect(posts(ARCHIVED, mark)).toHaveLength(1);
    expect(report?.failed).toMatchObject([{ error: "is_archived", permanent: true }]);
    const [archived] = await store.listSubscriptions({ platform: "slack", channelId: ARCHIVED, includeDisabled: true });
    expect(archived?.disabledReason).toBe("is_archived");
  });

  it("removes one type on /ee unsubscribe <type> and says what the channel still gets", async () => {
    const r = await slash("unsubscribe healthcare", ADMIN);
    expect(String(r.params.text)).toBe("This channel will no longer get messages for every new healthcare round with a cut-off of 470 or less. It still gets every new round.");
  });

  it("with one bot token, deletes the workspace's subscriptions when it uninstalls the app", async () => {
    await store.addSubscription({ platform: "slack", workspaceId: SLACK.teamId, channelId: "CUNINSTALL", createdBy: ADMIN });
    const body = JSON.stringify({ token: "legacy", team_id: SLACK.teamId, api_app_id: "A0FAKE", type: "event_callback", event_id: `EvUninstall${(seq += 1)}`, event_time: Math.floor(Date.now() / 1000), event: { type: "app_uninstalled" } });
    const res = await fetch(`${base}/slack/events`, { method: "POST", headers: { "content-type": "application/json", ...sign(body, Math.floor(Date.now() / 1000)) }, body });
    expect(res.status).toBe(200);
    await expect.poll(() => store.listSubscriptions({ platform: "slack", workspaceId: SLACK.teamId, includeDisabled: true }), { timeout: 5000 }).toEqual([]);
  });
});
