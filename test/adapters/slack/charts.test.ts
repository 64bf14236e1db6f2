import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackAdapter } from "../../../src/adapters/slack/adapter.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import type { Message, Reply } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log.js";
import { Robot } from "../../../src/skills/robot.js";
import type { OptionValues } from "../../../src/skills/types.js";
import type { UploadedFile } from "../../fakes/discord.js";
import { FakeSlack, SLACK, sign, type SlackCall } from "../../fakes/slack.js";

const knowledge = Knowledge.load();
// A fixed today, so that the rounds of 2026 and the dates in the answer do not move with the clock.
const NOW = new Date("2026-12-01T12:00:00Z");
const robot = new Robot(() => knowledge, { now: () => NOW });
const commandsRun: { name: string; values: OptionValues }[] = [];

const answer = (m: Message): Reply | undefined => robot.handle(m);
function command(name: string, values: OptionValues, m: Omit<Message, "text">): Reply | undefined {
  commandsRun.push({ name, values });
  return robot.command(name, values, m);
}

const fake = new FakeSlack();
let adapter: SlackAdapter;
let base = "";
let eventSeq = 0;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The width and height in a PNG's IHDR chunk, which the format puts first, right after the signature. */
function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(data.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function eventBody(event: Record<string, unknown>): string {
  eventSeq += 1;
  return JSON.stringify({ token: "legacy", team_id: SLACK.teamId, api_app_id: "A0FAKE", type: "event_callback", event_id: `EvChart${eventSeq}`, event_time: Math.floor(Date.now() / 1000), event, authorizations: [{ team_id: SLACK.teamId, user_id: SLACK.botUserId, is_bot: true }] });
}

async function post(body: string, contentType = "application/json"): Promise<Response> {
  return fetch(`${base}/slack/events`, { method: "POST", headers: { "content-type": contentType, ...sign(body, Math.floor(Date.now() / 1000)) }, body });
}

const slash = (text: string, id: string): Promise<Response> =>
  post(new URLSearchParams({ token: "legacy", team_id: SLACK.teamId, channel_id: SLACK.channel, channel_name: "general", user_id: SLACK.user, command: "/ee", text, response_url: fake.responseUrl(id), trigger_id: "t1" }).toString(), "application/x-www-form-urlencoded");

/** Resolves once every reply the adapter was working on is sent. */
async function settled(): Promise<void> {
  const deadline = Date.now() + 5000;
  while (adapter.pending > 0) {
    if (Date.now() > deadline) throw new Error("replies still pending");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const isUploadCall = (c: SlackCall): boolean => c.method.startsWith("files.") || c.method.startsWith("upload:");

/**
 * Checks the three calls of one files.uploadV2, in the order Slack documents: ask for an upload URL with the name, the
 * length and the alt text; post the bytes there; complete the upload into the conversation. Returns the calls.
 */
function expectUpload(calls: SlackCall[], where: { channel: string; thread?: string }): { ask: SlackCall; bytes: SlackCall; complete: SlackCall } {
  const [ask, bytes, complete, ...more] = calls.filter(isUploadCall);
  expect(more).toEqual([]);
  expect(ask?.method).toBe("files.getUploadURLExternal");
  expect(complete?.method).toBe("files.completeUploadExternal");
  if (!ask || !bytes || !complete) throw new Error("upload calls missing");
  expect(ask.params.filename).toBe("cut-offs-cec.png");
  // uploadV2 sends the alt text with the request for an upload URL; files.completeUploadExternal takes none.
  expect(String(ask.params.alt_text)).toMatch(/^CEC cut-offs, 2026\. Line chart of CRS cut-off by date of round\./);
  const fileId = "F0UPLOAD";
  expect(bytes.method).toMatch(new RegExp(`^upload:${fileId}\\d+$`));
  const file = bytes.files?.[0] as UploadedFile;
  expect(bytes.files).toHaveLength(1);
  expect(file.data.length).toBe(Number(ask.params.length));
  expect(pngSize(file.data)).toEqual({ width: 1000, height: 560 });
  expect(complete.params.files).toEqual([{ id: bytes.method.slice("upload:".length), title: "CEC cut-offs, 2026" }]);
  expect(complete.params.channel_id).toBe(where.channel);
  expect(complete.params.thread_ts).toBe(where.thread);
  expect(complete.headers.authorization).toBe(`Bearer ${SLACK.botToken}`);
  return { ask, bytes, complete };
}

const NUMBERS = /CEC: 12 rounds, from 507 \(round 404\) to 518 \(round 417\), latest 516 on July 21, 2026/;

beforeAll(async () => {
  await fake.start();
  adapter = new SlackAdapter({
    answer,
    command,
    knowledge: () => knowledge,
    registry: robot.registry,
    logger: createLogger({ level: "warn", secrets: [SLACK.botToken, SLACK.signingSecret], sink: { write: () => undefined } }),
    botToken: SLACK.botToken,
    mode: { kind: "http", signingSecret: SLACK.signingSecret, port: 0, host: "127.0.0.1" },
    slackApiUrl: fake.apiUrl,
  });
  await adapter.start();
  base = `http://127.0.0.1:${adapter.port}`;
});

afterAll(async () => {
  await adapter.stop();
  await fake.stop();
});

describe("charts in Slack against a local Slack", () => {
  it("answers a mention asking for a chart in its thread, then uploads the PNG there with files.uploadV2's three calls in order", async () => {
    const mark = fake.calls.length;
    const ts = "1700001000.000100";
    const res = await post(eventBody({ type: "app_mention", user: SLACK.user, text: `<@${SLACK.botUserId}> chart of CEC cut-offs in 2026`, ts, channel: SLACK.channel, event_ts: ts }));
    expect(res.status).toBe(200);
    await fake.waitFor((x) => x.method === "files.completeUploadExternal" && fake.calls.indexOf(x) >= mark, 15_000);
    await settled();
    const calls = fake.calls.slice(mark);
    const { ask } = expectUpload(calls, { channel: SLACK.channel, thread: ts });
    const text = calls.find((c) => c.method === "chat.postMessage");
    expect(text?.params.channel).toBe(SLACK.channel);
    expect(text?.params.thread_ts).toBe(ts);
    expect(String(text?.params.text)).toMatch(NUMBERS);
    // The text goes first, so that the numbers are there even if the upload fails.
    expect(calls.indexOf(text as SlackCall)).toBeLessThan(calls.indexOf(ask));
  });

  it("answers /ee chart cec year:2026 through response_url and uploads the chart into the command's channel", async () => {
    const mark = fake.calls.length;
    const runs = commandsRun.length;
    const res = await slash("chart cec year:2026", "chart1");
    expect(res.status).toBe(200);
    await fake.waitFor((x) => x.method === "files.completeUploadExternal" && fake.calls.indexOf(x) >= mark, 15_000);
    await settled();
    const calls = fake.calls.slice(mark);
    expect(commandsRun.slice(runs)).toEqual([{ name: "chart", values: { type: "cec", year: "2026" } }]);
    const { ask } = expectUpload(calls, { channel: SLACK.channel });
    const response = calls.find((c) => c.method === "response:chart1");
    expect(String(response?.params.text)).toMatch(NUMBERS);
    expect(calls.indexOf(response as SlackCall)).toBeLessThan(calls.indexOf(ask));
    expect(calls.some((c) => c.method === "chat.postMessage")).toBe(false);
  });

  it("answers a chart of a type with no rounds in words and uploads nothing", async () => {
    const mark = fake.calls.length;
    const ts = "1700001001.000100";
    await post(eventBody({ type: "app_mention", user: SLACK.user, text: `<@${SLACK.botUserId}> chart of researchers draws`, ts, channel: SLACK.channel, event_ts: ts }));
    const text = await fake.waitFor((x) => x.method === "chat.postMessage" && x.params.thread_ts === ts);
    expect(String(text.params.text)).toMatch(/^I can't draw that chart: I know of no researchers rounds/);
    await settled();
    expect(fake.calls.slice(mark).filter(isUploadCall)).toEqual([]);
  });
});
