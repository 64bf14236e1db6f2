import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkClockSkew, MAX_CLOCK_SKEW_S, SlackAdapter, slackSignature } from "../../../src/adapters/slack/adapter.js";
import { renderSlack } from "../../../src/adapters/slack/render.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import { MESSAGES } from "../../../src/core/messages.js";
import { makeReply } from "../../../src/core/reply.js";
import type { Message, Reply } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log.js";
import { Robot } from "../../../src/skills/robot.js";
import type { OptionValues } from "../../../src/skills/types.js";
import { FakeSlack, SLACK, sign, type SlackCall } from "../../fakes/slack.js";

const knowledge = Knowledge.load();
// A fixed today, so that answers about the lists in force and how long ago a round was do not move with the clock.
const NOW = new Date("2026-12-01T12:00:00Z");
const robot = new Robot(() => knowledge, { now: () => NOW });
const logLines: string[] = [];
const logger = createLogger({ level: "debug", secrets: [SLACK.botToken, SLACK.appToken, SLACK.signingSecret], sink: { write: (l: string) => logLines.push(l) } });
const commandsRun: { name: string; values: OptionValues }[] = [];

function synthetic(text: string, list: string[] = []): Reply {
  return makeReply(knowledge, "echo", { text, title: "Echo", list });
}

const LONG = synthetic("Long list:", Array.from({ length: 3000 }, (_, i) => `${10000 + i} Occupation & <title> number ${i}`));

function answer(m: Message): Reply | undefined {
  if (m.text.includes("explode")) throw new Error("boom in a handler");
  const echo = /echo: (.*)$/s.exec(m.text);
  if (echo) return synthetic(echo[1] ?? "");
  if (m.text.includes("give me the long one")) return LONG;
  return robot.handle(m);
}

function command(name: string, values: OptionValues, m: Omit<Message, "text">): Reply | undefined {
  commandsRun.push({ name, values });
  return robot.command(name, values, m);
}

const deps = { answer, command, knowledge: () => knowledge, registry: robot.registry, logger };
const fake = new FakeSlack();
const blocksText = (c: SlackCall): string => JSON.stringify(c.params.blocks ?? []);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
let eventSeq = 0;

function eventBody(event: Record<string, unknown>, eventId = `Ev${++eventSeq}`): string {
  return JSON.stringify({ token: "legacy", team_id: SLACK.teamId, api_app_id: "A0FAKE", type: "event_callback", event_id: eventId, event_time: Math.floor(Date.now() / 1000), event, authorizations: [{ team_id: SLACK.teamId, user_id: SLACK.botUserId, is_bot: true }] });
}

/** Posts in the DM that nothing else answers, and resolves once its answer is posted: every event before it was handled. */
async function sentinel(post: (body: string) => Promise<unknown>, mark: number): Promise<void> {
  const text = `echo: sentinel ${++eventSeq}`;
  await post(eventBody({ type: "message", channel_type: "im", user: SLACK.user, text, ts: `1700009999.${String(eventSeq).padStart(6, "0")}`, channel: SLACK.dm }));
  await fake.waitFor((x) => x.method === "chat.postMessage" && String(x.params.text) === text.slice("echo: ".length) && fake.calls.indexOf(x) >= mark);
}

describe("Slack request signatures and clocks", () => {
  it("signs as Slack does: v0= and the HMAC-SHA256 of v0:timestamp:body", () => {
    const body = "token=legacy&text=draw+254";
    const expected = createHmac("sha256", SLACK.signingSecret).update(`v0:1700000000:${body}`).digest("hex");
    expect(slackSignature(SLACK.signingSecret, 1700000000, body)).toBe(`v0=${expected}`);
  });

  it("refuses a missing timestamp and one more than five minutes away in either direction, from the headers alone", () => {
    const now = 1_800_000_000;
    const at = (ts: number | string | undefined) => checkClockSkew(ts === undefined ? {} : { "x-slack-request-timestamp": String(ts) }, now);
    expect(at(undefined)).toBe("missing timestamp");
    expect(at("soon")).toBe("missing timestamp");
    expect(at(now)).toBeNull();
    expect(at(now - MAX_CLOCK_SKEW_S)).toBeNull();
    expect(at(now + MAX_CLOCK_SKEW_S)).toBeNull();
    expect(at(now - MAX_CLOCK_SKEW_S - 1)).toBe("stale or future timestamp");
    expect(at(now + MAX_CLOCK_SKEW_S + 1)).toBe("stale or future timestamp");
  });
});

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

  const slash = (text: string, id: string) =>
    post(new URLSearchParams({ token: "legacy", team_id: SLACK.teamId, channel_id: SLACK.channel, user_id: SLACK.user, command: "/ee", text, response_url: fake.responseUrl(id), trigger_id: "t1" }).toString(), {
      contentType: "application/x-www-form-urlencoded",
    });

  beforeAll(async () => {
    await fake.start();
    adapter = new SlackAdapter({ ...deps, botToken: SLACK.botToken, mode: { kind: "http", signingSecret: SLACK.signingSecret, port: 0, host: "127.0.0.1" }, slackApiUrl: fake.apiUrl });
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
    expect(String(c.params.text)).toMatch(/^No\. 21231 Software engineers and designers \(TEER 1\) is not on the STEM list/);
    expect(blocksText(c)).toMatch(/"type":"context".*As of December 1, 2026 · Sources: /);
  });

  it("answers a direct message in the DM, and ignores channel chatter and bot messages", async () => {
    const mark = fake.calls.length;
    await post(eventBody({ type: "message", channel_type: "channel", user: SLACK.user, text: "what was the last cut-off?", ts: "1700000001.000100", channel: SLACK.channel }));
    await post(eventBody({ type: "message", channel_type: "im", subtype: "bot_message", bot_id: SLACK.botId, text: "what was the last cut-off?", ts: "1700000002.000100", channel: SLACK.dm }));
    await post(eventBody({ type: "message", channel_type: "im", user: SLACK.botUserId, bot_id: SLACK.botId, text: "what was the last cut-off?", ts: "1700000002.000200", channel: SLACK.dm }));
    await post(eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "what was the last cut-off?", ts: "1700000003.000100", channel: SLACK.dm }));
    const c = await fake.waitFor((x) => x.method === "chat.postMessage" && x.params.channel === SLACK.dm && fake.calls.indexOf(x) >= mark);
    expect(String(c.params.text)).toMatch(/^368: the lowest CRS score invited in round 430 \(July 23, 2026/);
    expect(c.params.thread_ts).toBeUndefined();
    await sentinel(post, mark);
    expect(fake.calls.slice(mark).filter((x) => x.method === "chat.postMessage" && /^368/.test(String(x.params.text)))).toHaveLength(1);
  });

  it("acknowledges /ee at once and answers through response_url, ephemeral unless shared", async () => {
    const started = Date.now();
    const res = await slash("is 21231 STEM?", "r1");
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const r1 = await fake.waitFor((x) => x.method === "response:r1");
    expect(r1.params.response_type).toBe("ephemeral");
    expect(String(r1.params.text)).toMatch(/^No\. 21231/);
    await slash("share draw 253", "r2");
    const r2 = await fake.waitFor((x) => x.method === "response:r2");
    expect(r2.params.response_type).toBe("in_channel");
    expect(blocksText(r2)).toMatch(/[Rr]ound 253 \(July 4, 2023, all-program\)/);
    await slash("", "r3");
    expect(String((await fake.waitFor((x) => x.method === "response:r3")).params.text)).toMatch(new RegExp(`^${escape(MESSAGES.help)}`));
  });

  it("runs /ee draw 254 as the draw command with round 254, and the reply starts with that round", async () => {
    const mark = commandsRun.length;
    await slash("draw 254", "c1");
    const r = await fake.waitFor((x) => x.method === "response:c1");
    expect(commandsRun.slice(mark)).toEqual([{ name: "draw", values: { round: "254" } }]);
    expect(String(r.params.text)).toMatch(/^Round 254 \(July 5, 2023, STEM\), a STEM round, about 3 years ago: 500 invitations; lowest CRS score invited 486;/);
    expect(r.params.response_type).toBe("ephemeral");
  });

  it("runs /ee noc 21231 stem as the noc command with the occupation and the category, and the reply starts with the answer", async () => {
    const mark = commandsRun.length;
    await slash("noc 21231 stem", "c2");
    const r = await fake.waitFor((x) => x.method === "response:c2");
    expect(commandsRun.slice(mark)).toEqual([{ name: "noc", values: { occupation: "21231", category: "stem" } }]);
    expect(String(r.params.text)).toMatch(/^No\. 21231 Software engineers and designers \(TEER 1\) is not on the STEM list IRCC has used since February 27, 2025\./);
    await slash("noc 21211 stem 2023", "c3");
    expect(String((await fake.waitFor((x) => x.method === "response:c3")).params.text)).toMatch(/^Yes\. 21211 Data scientists \(TEER 1\) is on the 2023 STEM list/);
  });

  it("keeps a question that does not start with a command name a question", async () => {
    const mark = commandsRun.length;
    await slash("what was the last cut-off?", "q1");
    expect(String((await fake.waitFor((x) => x.method === "response:q1")).params.text)).toMatch(/^368: /);
    expect(commandsRun.slice(mark)).toEqual([]);
  });

  it("publishes the App Home tab with the latest round, examples and the commands of the skills", async () => {
    await post(eventBody({ type: "app_home_opened", user: SLACK.user, channel: SLACK.dm, tab: "home", event_ts: "1700000004.000100" }));
    const c = await fake.waitFor((x) => x.method === "views.publish");
    expect(c.params.user_id).toBe(SLACK.user);
    const view = JSON.stringify(c.params.view);
    expect(view).toMatch(/"type":"home"/);
    expect(view).toMatch(/[Rr]ound 430 \(July 23, 2026, skilled military recruits\): cut-off 368, 4 invitations/);
    // An example made from the knowledge base: a code on a category list in force, and that list.
    expect(view).toMatch(/is \d{5} [A-Za-z -]+\?/);
    for (const s of robot.registry.skills) if (s.command) expect(view).toContain(`/ee ${s.command.name}: `);
  });

  it("answers an event Slack delivers again only once", async () => {
    const mark = fake.calls.length;
    const body = eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "draw 252", ts: "1700000005.000100", channel: SLACK.dm }, "EvRetried1");
    await post(body);
    await post(body, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    await post(body, { headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" } });
    await fake.waitFor((x) => x.method === "chat.postMessage" && /[Rr]ound 252 \(June 28, 2023/.test(String(x.params.text)) && fake.calls.indexOf(x) >= mark);
    await sentinel(post, mark);
    expect(fake.calls.slice(mark).filter((x) => x.method === "chat.postMessage" && /[Rr]ound 252/.test(String(x.params.text)))).toHaveLength(1);
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
    const expected = renderSlack(LONG).length;
    expect(expected).toBeGreaterThan(1);
    await post(eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "give me the long one", ts: "1700000007.000100", channel: SLACK.dm }));
    const ours = (x: SlackCall): boolean => x.method === "chat.postMessage" && x.params.channel === SLACK.dm && (String(x.params.text).startsWith("Long list") || /continued/.test(String(x.params.text)));
    // The fake refuses a message over a limit, so all of them arriving means each was valid.
    await fake.waitFor(() => fake.calls.slice(mark).filter(ours).length >= expected);
    const posts = fake.calls.slice(mark).filter(ours);
    expect(posts).toHaveLength(expected);
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
    await fake.waitFor((x) => x.method === "chat.postMessage" && /^75: the lowest cut-off of the 431 rounds/.test(String(x.params.text)));
  });

  it("refuses a bad signature, a missing timestamp, a timestamp over five minutes old and one over five minutes in the future", async () => {
    const mark = fake.calls.length;
    const body = eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "draw 254", ts: "1700000010.000100", channel: SLACK.dm });
    const now = Math.floor(Date.now() / 1000);
    expect((await post(body, { secret: "wrong-secret" })).status).toBe(401);
    expect((await post(body, { ts: now - MAX_CLOCK_SKEW_S - 1 })).status).toBe(401);
    expect((await post(body, { ts: now + MAX_CLOCK_SKEW_S + 1 })).status).toBe(401);
    const unsigned = await fetch(`${base}/slack/events`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(unsigned.status).toBe(401);
    await sentinel(post, mark);
    expect(fake.calls.slice(mark).filter((x) => x.method === "chat.postMessage" && /[Rr]ound 254/.test(String(x.params.text)))).toHaveLength(0);
  });
});

describe("the Slack adapter in Socket Mode against a local Slack", () => {
  let adapter: SlackAdapter;

  beforeAll(async () => {
    adapter = new SlackAdapter({ ...deps, botToken: SLACK.botToken, mode: { kind: "socket", appToken: SLACK.appToken }, slackApiUrl: fake.apiUrl });
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
    expect(String(c.params.text)).toMatch(/\b[Rr]ound 254 \(July 5, 2023, STEM\)/);
  });

  it("acknowledges a slash command and answers through response_url, a question or a skill's command", async () => {
    const id = fake.sendEnvelope("slash_commands", { token: "legacy", team_id: SLACK.teamId, channel_id: SLACK.channel, user_id: SLACK.user, command: "/ee", text: "how many profiles are in the pool", response_url: fake.responseUrl("s1"), trigger_id: "t2" });
    await fake.waitForAck(id);
    expect(String((await fake.waitFor((x) => x.method === "response:s1")).params.text)).toMatch(/^231,533 candidates were in the Express Entry pool/);
    const mark = commandsRun.length;
    const id2 = fake.sendEnvelope("slash_commands", { token: "legacy", team_id: SLACK.teamId, channel_id: SLACK.channel, user_id: SLACK.user, command: "/ee", text: "pool 500", response_url: fake.responseUrl("s2"), trigger_id: "t3" });
    await fake.waitForAck(id2);
    expect(String((await fake.waitFor((x) => x.method === "response:s2")).params.text)).toMatch(/^18,644 candidates had a CRS score of 501 or more/);
    expect(commandsRun.slice(mark)).toEqual([{ name: "pool", values: { above: 500 } }]);
  });

  it("answers a retried delivery (retry_attempt) once", async () => {
    const mark = fake.calls.length;
    const payload = JSON.parse(eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "draw 253", ts: "1700000101.000100", channel: SLACK.dm }, "EvSocketRetry"));
    const a = fake.sendEnvelope("events_api", payload, 0);
    const b = fake.sendEnvelope("events_api", payload, 1);
    await fake.waitForAck(a);
    await fake.waitForAck(b);
    await fake.waitFor((x) => x.method === "chat.postMessage" && /[Rr]ound 253 \(July 4, 2023/.test(String(x.params.text)) && fake.calls.indexOf(x) >= mark);
    const after = fake.sendEnvelope("events_api", JSON.parse(eventBody({ type: "message", channel_type: "im", user: SLACK.user, text: "echo: after the retry", ts: "1700000102.000100", channel: SLACK.dm })));
    await fake.waitForAck(after);
    await fake.waitFor((x) => x.method === "chat.postMessage" && String(x.params.text) === "after the retry");
    expect(fake.calls.slice(mark).filter((x) => x.method === "chat.postMessage" && /[Rr]ound 253/.test(String(x.params.text)))).toHaveLength(1);
  });

  it("never writes a token or the signing secret to the log", () => {
    const log = logLines.join("");
    expect(log).toContain("reply sent");
    for (const secret of [SLACK.botToken, SLACK.appToken, SLACK.signingSecret]) expect(log).not.toContain(secret);
  });
});
