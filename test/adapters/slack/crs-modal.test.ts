import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackAdapter } from "../../../src/adapters/slack/adapter.js";
import { educationChoices, languageValues, readCrsForm, splitYears } from "../../../src/adapters/slack/crs-form.js";
import { CRS_MODAL_CALLBACK, readCrsModal, type ViewValues } from "../../../src/adapters/slack/crs-modal.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import type { Message, Reply } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log.js";
import { Robot } from "../../../src/skills/robot.js";
import type { OptionValues } from "../../../src/skills/types.js";
import { FakeSlack, SLACK, sign, viewSubmission, type SlackCall, type SubmittedValue } from "../../fakes/slack.js";

const knowledge = Knowledge.load();
const NOW = new Date("2026-12-01T12:00:00Z");
const robot = new Robot(() => knowledge, { now: () => NOW });
const commandsRun: { name: string; values: OptionValues; conversation: string }[] = [];
const logger = createLogger({ level: "debug", secrets: [SLACK.botToken, SLACK.signingSecret], sink: { write: () => undefined } });

function command(name: string, values: OptionValues, m: Omit<Message, "text">): Reply | undefined {
  commandsRun.push({ name, values, conversation: m.conversation });
  return robot.command(name, values, m);
}

const fake = new FakeSlack();
let adapter: SlackAdapter;
let base = "";
let slashSeq = 0;

async function post(body: string, contentType: string): Promise<Response> {
  const ts = Math.floor(Date.now() / 1000);
  return fetch(`${base}/slack/events`, { method: "POST", headers: { "content-type": contentType, ...sign(body, ts) }, body });
}

/** Runs /ee with a text and resolves with the view the bot opened for that trigger. */
async function openForm(channel: string = SLACK.channel, channelName = "general"): Promise<Record<string, unknown>> {
  const trigger = `t-crs-${++slashSeq}`;
  const body = new URLSearchParams({ token: "legacy", team_id: SLACK.teamId, channel_id: channel, channel_name: channelName, user_id: SLACK.user, command: "/ee", text: "crs", response_url: fake.responseUrl(`crs${slashSeq}`), trigger_id: trigger });
  expect((await post(body.toString(), "application/x-www-form-urlencoded")).status).toBe(200);
  const opened = await fake.waitFor((c) => c.method === "views.open" && c.params.trigger_id === trigger);
  return opened.params.view as Record<string, unknown>;
}

function submit(view: Record<string, unknown>, values: Record<string, SubmittedValue>): Promise<Response> {
  const payload = JSON.stringify(viewSubmission(view, values));
  return post(new URLSearchParams({ payload }).toString(), "application/x-www-form-urlencoded");
}

// Single, 29, master's, IELTS 8 7 7 7 (CLB 9 in each ability), 1 year in Canada, 3 abroad. From the grid, without a
// spouse: age 110 + master's 135 + CLB 9 4 × 31 = 124 + 1 year in Canada 40 = core 409; transferability: education
// with CLB 9 50 and with 1 year in Canada 25, capped at 50; foreign work 3 years with CLB 9 50 and with Canadian work
// 25, capped at 50; 100 in all. Total 509.
const PROFILE: Record<string, SubmittedValue> = {
  age: { value: "29" },
  partner: { selected: "none" },
  education: { selected: "masters_or_professional" },
  language: { value: "8 7 7 7" },
  canadianYears: { value: "1" },
  foreignYears: { value: "3" },
};

const isAnswer = (c: SlackCall): boolean => c.method === "chat.postEphemeral" || c.method === "chat.postMessage";

beforeAll(async () => {
  await fake.start();
  adapter = new SlackAdapter({
    answer: (m) => robot.handle(m),
    command,
    knowledge: () => knowledge,
    registry: robot.registry,
    logger,
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

describe("the CRS modal on Slack", () => {
  it("opens a modal on /ee crs alone, with the grid's education levels as choices and the channel and user in its metadata", async () => {
    const mark = fake.calls.length;
    const view = await openForm();
    expect(view.type).toBe("modal");
    expect(view.callback_id).toBe(CRS_MODAL_CALLBACK);
    expect(JSON.parse(String(view.private_metadata))).toEqual({ channel: SLACK.channel, user: SLACK.user, dm: false });
    const blocks = view.blocks as { block_id: string; element: { type: string; options?: { value: string; text: { text: string } }[] } }[];
    expect(blocks.map((b) => b.block_id)).toEqual(["age", "partner", "education", "language", "canadianYears", "foreignYears", "details"]);
    expect(blocks.find((b) => b.block_id === "age")?.element.type).toBe("number_input");
    const options = blocks.find((b) => b.block_id === "education")?.element.options ?? [];
    const grid = knowledge.crsGrid.core.education;
    expect(options.map((o) => o.value)).toEqual(grid.map((l) => l.key));
    options.forEach((o, i) => {
      const label = grid[i]?.label ?? "";
      expect(o.text.text.length).toBeLessThanOrEqual(75);
      expect(label.startsWith(o.text.text.replace(/…$/, ""))).toBe(true);
    });
    // The form replaces the answer: nothing goes to the response_url.
    expect(fake.calls.slice(mark).filter((c) => c.method.startsWith("response:"))).toHaveLength(0);
  });

  it("acknowledges a valid submission, then tells the asker alone in the channel the score computed from the form", async () => {
    const view = await openForm();
    const mark = fake.calls.length;
    const res = await submit(view, PROFILE);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    const c = await fake.waitFor((x) => x.method === "chat.postEphemeral" && fake.calls.indexOf(x) >= mark);
    expect(c.params.channel).toBe(SLACK.channel);
    expect(c.params.user).toBe(SLACK.user);
    expect(String(c.params.text)).toMatch(/^509: your CRS score on the grid in force on December 1, 2026\./);
    expect(JSON.stringify(c.params.blocks)).toMatch(/Education: 135/);
    expect(commandsRun.at(-1)).toEqual({ name: "crs", values: { age: 29, partner: "none", education: "master's", ielts: "8 7 7 7", "canadian-years": 1, "foreign-years": 3 }, conversation: `${SLACK.channel}:${SLACK.user}` });
  });

  it("sends back an error on the age block for an age written as a word, and posts nothing", async () => {
    const view = await openForm();
    const mark = fake.calls.length;
    const runs = commandsRun.length;
    const res = await submit(view, { ...PROFILE, age: { value: "seven" } });
    expect(res.status).toBe(200);
    const ack = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(ack.response_action).toBe("errors");
    expect(Object.keys(ack.errors)).toEqual(["age"]);
    expect(ack.errors.age).toMatch(/whole number/);
    // A valid submission after it is answered once: the refused one was never answered.
    await submit(view, { ...PROFILE, age: { value: "30" } });
    await fake.waitFor((x) => x.method === "chat.postEphemeral" && fake.calls.indexOf(x) >= mark);
    expect(fake.calls.slice(mark).filter(isAnswer)).toHaveLength(1);
    expect(commandsRun.slice(runs).map((r) => r.values.age)).toEqual([30]);
  });

  it("names every empty required block and a bad number of years in one errors response", async () => {
    const view = await openForm();
    const res = await submit(view, { canadianYears: { value: "1.5" } });
    const ack = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(ack.response_action).toBe("errors");
    expect(Object.keys(ack.errors).sort()).toEqual(["age", "canadianYears", "education", "language", "partner"]);
  });

  it("lets the calculator name an impossible age in its reply", async () => {
    const view = await openForm();
    const mark = fake.calls.length;
    expect((await submit(view, { ...PROFILE, age: { value: "7" } })).status).toBe(200);
    const c = await fake.waitFor((x) => x.method === "chat.postEphemeral" && fake.calls.indexOf(x) >= mark);
    expect(String(c.params.text)).toMatch(/age must be between 17 and 100 \(you gave 7\)/);
    expect(String(c.params.text)).not.toMatch(/^\d+: your CRS score/);
  });

  it("answers in the app's DM when /ee crs was used in a direct message", async () => {
    const view = await openForm(SLACK.dm, "directmessage");
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({ channel: SLACK.dm, dm: true });
    const mark = fake.calls.length;
    await submit(view, PROFILE);
    const c = await fake.waitFor((x) => x.method === "chat.postMessage" && fake.calls.indexOf(x) >= mark);
    expect(c.params.channel).toBe(SLACK.user);
    expect(String(c.params.text)).toMatch(/^509: your CRS score/);
    expect(fake.calls.slice(mark).filter((x) => x.method === "chat.postEphemeral")).toHaveLength(0);
  });

  it("answers in the DM when the channel refuses the ephemeral message", async () => {
    fake.failChannel("CPRIVATE9", "channel_not_found");
    const view = await openForm("CPRIVATE9", "secret-room");
    const mark = fake.calls.length;
    await submit(view, PROFILE);
    const c = await fake.waitFor((x) => x.method === "chat.postMessage" && fake.calls.indexOf(x) >= mark);
    expect(c.params.channel).toBe(SLACK.user);
    expect(String(c.params.text)).toMatch(/^509: your CRS score/);
    expect(fake.calls.slice(mark).filter((x) => x.method === "chat.postEphemeral")).toHaveLength(1);
  });

  it("still answers /ee crs with options at once, through the response_url", async () => {
    const mark = fake.calls.length;
    const body = new URLSearchParams({ token: "legacy", team_id: SLACK.teamId, channel_id: SLACK.channel, channel_name: "general", user_id: SLACK.user, command: "/ee", text: "crs age:29 education:masters ielts:\"8 7 7 7\" partner:none canadian-years:1 foreign-years:3", response_url: fake.responseUrl("crs-inline"), trigger_id: "t-inline" });
    await post(body.toString(), "application/x-www-form-urlencoded");
    const r = await fake.waitFor((x) => x.method === "response:crs-inline");
    expect(String(r.params.text)).toMatch(/^509: your CRS score/);
    expect(fake.calls.slice(mark).filter((x) => x.method === "views.open")).toHaveLength(0);
  });
});

describe("reading the CRS form", () => {
  const who = { user: "U1", conversation: "C1:U1", platform: "slack" as const };
  const values = (v: Record<string, SubmittedValue>): ViewValues =>
    Object.fromEntries(Object.entries(v).map(([k, x]) => [k, { value: "selected" in x ? { type: "static_select", selected_option: { text: { type: "plain_text", text: x.selected }, value: x.selected } } : { type: "plain_text_input", value: x.value } }]));

  it("offers every education level of the grid, each read by the command as that level's points", () => {
    expect(educationChoices(knowledge).map((c) => c.key)).toEqual(knowledge.crsGrid.core.education.map((l) => l.key));
    for (const level of knowledge.crsGrid.core.education) {
      const read = readCrsModal(knowledge, values({ ...PROFILE, education: { selected: level.key } }));
      expect(read.ok).toBe(true);
      if (!read.ok) continue;
      const reply = robot.command("crs", read.value, { ...who, conversation: `C-${level.key}:U1` });
      expect(reply.list.find((l) => l.startsWith("Education:")), level.key).toMatch(new RegExp(`^Education: ${level.withoutSpouse} `));
    }
  });

  it("reads one level as a CLB, four numbers as IELTS scores and anything else as words", () => {
    expect(languageValues("9")).toEqual({ clb: 9 });
    expect(languageValues("CLB 10")).toEqual({ clb: 10 });
    expect(languageValues("8 7 7 7")).toEqual({ ielts: "8 7 7 7" });
    expect(languageValues("IELTS 8.5, 7.5, 7, 6.5")).toEqual({ ielts: "8.5 7.5 7 6.5" });
    expect(languageValues("CELPIP 9 9 9 9")).toEqual({ words: "CELPIP 9 9 9 9" });
    expect(languageValues("  ")).toEqual({});
  });

  it("puts language words before the anything-else text, one line a phrase", () => {
    const read = readCrsForm({ age: "29", language: "NCLC 7", details: "sibling in Canada\nprovincial nomination" });
    expect(read).toEqual({ ok: true, value: { age: 29, details: "NCLC 7, sibling in Canada, provincial nomination" } });
  });

  it("splits years in Canada and abroad, and refuses words", () => {
    expect(splitYears("1 / 3")).toEqual({ ok: true, value: { canadianYears: "1", foreignYears: "3" } });
    expect(splitYears("2,0")).toEqual({ ok: true, value: { canadianYears: "2", foreignYears: "0" } });
    expect(splitYears("4")).toEqual({ ok: true, value: { canadianYears: "4" } });
    expect(splitYears("")).toEqual({ ok: true, value: {} });
    expect(splitYears("two years").ok).toBe(false);
  });
});
