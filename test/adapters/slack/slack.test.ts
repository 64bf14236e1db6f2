import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackAdapter } from "../../../src/adapters/slack/adapter.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import { MESSAGES } from "../../../src/core/messages.js";
import { Router } from "../../../src/core/router.js";
import type { Message, Reply } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log.js";
import { FakeSlack, SLACK, sign, type SlackCall } from "../../fakes/slack.js";

const knowledge = Knowledge.load();
const router = new Router(() => knowledge);
const logLines: string[] = [];
const logger = createLogger({ level: "debug", secrets: [SLACK.botToken, SLACK.appToken, SLACK.signingSecret], sink: { write: (l: string) => logLines.push(l) } });

function synthetic(text: string, list: string[] = []): Reply {
  return { intent: "passage", text, title: "Echo", fields: [], list, asOf: null, sources: [], suggestions: [], userError: false };
}

function answer(m: Message): Reply | undefined {
  if (m.text.includes("explode")) throw new Error("boom in a handler");
  const echo = /echo: (.*)$/s.exec(m.text);
  if (echo) return synthetic(echo[1] ?? "");
  if (m.text.includes("give me the long one")) return synthetic("Long list:", Array.from({ length: 3000 }, (_, i) => `${10000 + i} Occupation & <title> number ${i}`));
  return router.handle(m);
}

const fake = new FakeSlack();
const blocksText = (c: SlackCall): string => JSON.stringify(c.params.blocks ?? []);
let eventSeq = 0;

function eventBody(event: Record<string, unknown>, eventId = `Ev${++eventSeq}`): string {
  return JSON.stringify({ token: "legacy", team_id: SLACK.teamId, api_app_id: "A0FAKE", type: "event_callback", event_id: eventId, event_time: Math.floor(Date.now() / 1000), event, authorizations: [{ team_id: SLACK.teamId, user_id: SLACK.botUserId, is_bot: true }] });
}

describe("the Slack adapter in HTTP mode against a local Slack", () => {
  let adapter: SlackAdapter;
  let base = "";

  async function post(body: string, options: { contentType?: string; ts?: number; secret?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const ts = options.ts ?? Math.floor(Date.now() / 1000);
    return fetch(`${base}/slack/events`, {
      method: "POST",
      headers: { "content-type": options.contentType ?? "application/json", ...sign(body, ts, options.secret), ...options.headers },
      body,
    });
  }

  beforeAll(async () => {
    await fake.start();
    adapter = new SlackAdapter({ botToken: SLACK.botToken, mode: { kind: "http", signingSecret: SLACK.signingSecret, port: 0, host: "127.0.0.1" }, answer, knowledge: () => knowledge, logger, slackApiUrl: fake.apiUrl });
    await adapter.start();
    base = `http://127.0.0.1:${adapter.port}`;
  });
  afterAll(async () => {
    await adapter.stop();
  });

  it("answers Slack's url_verification challenge", async () => {
    const res = await post(JSON.stringify({ type: "url_verification", challenge: "c-123", token: "legacy" }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("c-123");
  });

  it("answers a mention in the channel's thread, in Block Kit with a plain text fallback", async () => {
    const ts = "1700000000.000100";
    const res = await post(eventBody({ type: "app_mention", user: SLACK.user, text: `<@${SLACK.botUserId}> is 21231 STEM?`, ts, channel: SLACK.channel, event_ts: ts }));
    expect(res.status).toBe(200);
    const c = await fake.waitFor((x) => x.method === "chat.postMessage" && x.params.thread_ts === ts);
    expect(c.params.channel).toBe(SLACK.channel);
    expect(String(c.params.text)).toMatch(/^Yes\. 21231 Software engineers and designers/);
    expect(blocksText(c)).toMatch(/"type":"context".*As of July 5, 2023 · Sources: /);
  });

  it("answers a direct message in the DM, and ignores channel chatter and bot messages", async () => {
    const mark = fake.calls.length;
    await post(eventBody({ type: "message", channel_type: "channel", user: SLACK.user, text: "what was the last cut-off?", ts: "1700000001.000100", channel: SLACK.channel }));
    await post(eventBody({ type: "message", channel_type: "im", subtype: "bot_message", bot_id: SLACK.botId, text: "what was the last cut-off?", ts: "1700000002.000100", channel: SLACK.dm }));
    await post(eventBody({ type: "message", channel_type: "im", user: SLACK.botUserId, bot_id: SLACK.botId, text: "what was the last cut-off?", ts: "1700000002.000200", channel: SLACK.dm }));
    await post(eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "what was the last cut-off?", ts: "1700000003.000100", channel: SLACK.dm }));
    const c = await fake.waitFor((x) => x.method === "chat.postMessage" && x.params.channel === SLACK.dm && fake.calls.indexOf(x) >= mark);
    expect(String(c.params.text)).toMatch(/^486/);
    expect(c.params.thread_ts).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.calls.slice(mark).filter((x) => x.method === "chat.postMessage")).toHaveLength(1);
  });

  it("acknowledges /ee at once and answers through response_url, ephemeral unless shared", async () => {
    const form = (text: string, id: string) =>
      new URLSearchParams({ token: "legacy", team_id: SLACK.teamId, channel_id: SLACK.channel, user_id: SLACK.user, command: "/ee", text, response_url: fake.responseUrl(id), trigger_id: "t1" }).toString();
    const started = Date.now();
    const res = await post(form("is 21231 STEM?", "r1"), { contentType: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const r1 = await fake.waitFor((x) => x.method === "response:r1");
    expect(r1.params.response_type).toBe("ephemeral");
    expect(blocksText(r1)).toMatch(/Yes\. 21231/);
    await post(form("share draw 253", "r2"), { contentType: "application/x-www-form-urlencoded" });
    const r2 = await fake.waitFor((x) => x.method === "response:r2");
    expect(r2.params.response_type).toBe("in_channel");
    expect(blocksText(r2)).toMatch(/Round 253/);
    await post(form("", "r3"), { contentType: "application/x-www-form-urlencoded" });
    expect(blocksText(await fake.waitFor((x) => x.method === "response:r3"))).toMatch(/What I can answer/);
  });

  it("publishes the App Home tab with the latest draw and examples", async () => {
    await post(eventBody({ type: "app_home_opened", user: SLACK.user, channel: SLACK.dm, tab: "home", event_ts: "1700000004.000100" }));
    const c = await fake.waitFor((x) => x.method === "views.publish");
    expect(c.params.user_id).toBe(SLACK.user);
    const view = JSON.stringify(c.params.view);
    expect(view).toMatch(/"type":"home"/);
    expect(view).toMatch(/round 254 \(July 5, 2023/);
    expect(view).toMatch(/is 21231 STEM\?/);
  });

  it("answers an event Slack delivers again only once", async () => {
    const mark = fake.calls.length;
    const body = eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "draw 252", ts: "1700000005.000100", channel: SLACK.dm }, "EvRetried1");
    await post(body);
    await post(body, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    await post(body, { headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" } });
    await fake.waitFor((x) => x.method === "chat.postMessage" && /Round 252/.test(String(x.params.text)) && fake.calls.indexOf(x) >= mark);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.calls.slice(mark).filter((x) => x.method === "chat.postMessage")).toHaveLength(1);
  });

  it("never reproduces <!channel>, <!here>, <!subteam^...> or a disguised link from echoed text", async () => {
    const evil = "<!channel> <!here> <!subteam^S123|@team> <https://evil.example|canada.ca> & friends";
    await post(eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: `echo: ${evil}`, ts: "1700000006.000100", channel: SLACK.dm }));
    const c = await fake.waitFor((x) => x.method === "chat.postMessage" && String(x.params.text).includes("friends"));
    const everything = `${String(c.params.text)} ${blocksText(c)}`;
    expect(everything).not.toMatch(/<!channel>|<!here>|<!subteam|<https:/);
    expect(String(c.params.text)).toContain("&lt;!channel&gt; &lt;!here&gt;");
    expect(String(c.params.text)).toContain("&amp; friends");
  });

  it("splits a long answer into messages within 50 blocks and 3,000 characters a section, never cutting an entity", async () => {
    const mark = fake.calls.length;
    await post(eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "give me the long one", ts: "1700000007.000100", channel: SLACK.dm }));
    await fake.waitFor((x) => x.method === "chat.postMessage" && /continued/.test(String(x.params.text)) && fake.calls.indexOf(x) >= mark);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const posts = fake.calls.slice(mark).filter((x) => x.method === "chat.postMessage");
    expect(posts.length).toBeGreaterThan(1);
    const sections = posts.flatMap((p) => (p.params.blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === "section").map((b) => b.text?.text ?? ""));
    for (const s of sections) {
      expect(s.length).toBeLessThanOrEqual(3000);
      expect(s).not.toMatch(/&(?:a|am|l|lt|g|gt)?$/);
      expect(s).not.toMatch(/^(?:mp|p|t);/);
    }
    const all = sections.join("\n");
    for (const i of [0, 1234, 2999]) expect(all).toContain(`${10000 + i} Occupation &amp; &lt;title&gt; number ${i}`);
  });

  it("answers politely when a handler fails, and keeps serving", async () => {
    await post(eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "please explode", ts: "1700000008.000100", channel: SLACK.dm }));
    await fake.waitFor((x) => x.method === "chat.postMessage" && String(x.params.text) === MESSAGES.internalError);
    await post(eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "lowest cut-off", ts: "1700000009.000100", channel: SLACK.dm }));
    await fake.waitFor((x) => x.method === "chat.postMessage" && /^476/.test(String(x.params.text)));
  });

  it("refuses a bad signature, a timestamp over five minutes old and one over five minutes in the future", async () => {
    const mark = fake.calls.length;
    const body = eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "draw 254", ts: "1700000010.000100", channel: SLACK.dm });
    const now = Math.floor(Date.now() / 1000);
    expect((await post(body, { secret: "wrong-secret" })).status).toBe(401);
    expect((await post(body, { ts: now - 301 })).status).toBe(401);
    expect((await post(body, { ts: now + 301 })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.calls.slice(mark).filter((x) => x.method === "chat.postMessage")).toHaveLength(0);
  });
});

describe("the Slack adapter in Socket Mode against a local Slack", () => {
  let adapter: SlackAdapter;

  beforeAll(async () => {
    adapter = new SlackAdapter({ botToken: SLACK.botToken, mode: { kind: "socket", appToken: SLACK.appToken }, answer, knowledge: () => knowledge, logger, slackApiUrl: fake.apiUrl });
    await adapter.start();
  });
  afterAll(async () => {
    await adapter.stop();
    await fake.stop();
  });

  it("opens the connection through apps.connections.open with the app token", async () => {
    const c = await fake.waitFor((x) => x.method === "apps.connections.open");
    expect(c.headers.authorization).toBe(`Bearer ${SLACK.appToken}`);
    expect(fake.socketConnected).toBe(true);
  });

  it("acknowledges each envelope and answers a mention in its thread", async () => {
    const ts = "1700000100.000100";
    const id = fake.sendEnvelope("events_api", JSON.parse(eventBody({ type: "app_mention", user: SLACK.user, text: `<@${SLACK.botUserId}> draw 254`, ts, channel: SLACK.channel, event_ts: ts })));
    await fake.waitForAck(id);
    const c = await fake.waitFor((x) => x.method === "chat.postMessage" && x.params.thread_ts === ts);
    expect(String(c.params.text)).toMatch(/Round 254/);
  });

  it("acknowledges a slash command and answers through response_url", async () => {
    const id = fake.sendEnvelope("slash_commands", { token: "legacy", team_id: SLACK.teamId, channel_id: SLACK.channel, user_id: SLACK.user, command: "/ee", text: "how many profiles are in the pool", response_url: fake.responseUrl("s1"), trigger_id: "t2" });
    await fake.waitForAck(id);
    expect(blocksText(await fake.waitFor((x) => x.method === "response:s1"))).toMatch(/214,529/);
  });

  it("answers a retried delivery (retry_attempt) once", async () => {
    const mark = fake.calls.length;
    const payload = JSON.parse(eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "draw 253", ts: "1700000101.000100", channel: SLACK.dm }, "EvSocketRetry"));
    const a = fake.sendEnvelope("events_api", payload, 0);
    const b = fake.sendEnvelope("events_api", payload, 1);
    await fake.waitForAck(a);
    await fake.waitForAck(b);
    await fake.waitFor((x) => x.method === "chat.postMessage" && /Round 253/.test(String(x.params.text)) && fake.calls.indexOf(x) >= mark);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.calls.slice(mark).filter((x) => x.method === "chat.postMessage")).toHaveLength(1);
  });

  it("never writes a token or the signing secret to the log", () => {
    const log = logLines.join("");
    expect(log).toContain("reply sent");
    for (const secret of [SLACK.botToken, SLACK.appToken, SLACK.signingSecret]) expect(log).not.toContain(secret);
  });
});
