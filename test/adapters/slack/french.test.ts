import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackAdapter } from "../../../src/adapters/slack/adapter.js";
import { readLanguagePrefix } from "../../../src/adapters/slack/language.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import type { Message, Reply } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log.js";
import { ANNOUNCE_CATALOG } from "../../../src/messages/announce.js";
import { ADAPTER_MESSAGES } from "../../../src/messages/adapters.js";
import { Robot } from "../../../src/skills/robot.js";
import { SkillRegistry } from "../../../src/skills/registry.js";
import type { AnySkill, OptionValues } from "../../../src/skills/types.js";
import { FakeSlack, SLACK, sign, viewSubmission, type SlackCall } from "../../fakes/slack.js";

const knowledge = Knowledge.load();
// A fixed today, so that answers about the lists in force and how long ago a round was do not move with the clock.
const NOW = new Date("2026-12-01T12:00:00Z");
const FR = ADAPTER_MESSAGES.fr;
// The skills as they are, the round command given French words as a skill family gives them.
const base = new Robot(() => knowledge, { now: () => NOW }).registry;
const registry = new SkillRegistry(
  base.skills.map((s): AnySkill => (s.command?.name === "draw" ? { ...s, command: { ...s.command, fr: { name: "tirage", description: "Un tirage : note de passage, invitations" } } } : s)),
);
const robot = new Robot(() => knowledge, { now: () => NOW, registry });
const commandsRun: { name: string; message: Omit<Message, "text"> }[] = [];
const logger = createLogger({ level: "silent", secrets: [SLACK.botToken, SLACK.signingSecret], sink: { write: () => undefined } });

function command(name: string, values: OptionValues, m: Omit<Message, "text">): Reply | undefined {
  commandsRun.push({ name, message: m });
  return robot.command(name, values, m);
}

const fake = new FakeSlack();
let adapter: SlackAdapter;
let url = "";
let seq = 0;

async function post(body: string, contentType = "application/json"): Promise<Response> {
  const ts = Math.floor(Date.now() / 1000);
  return fetch(`${url}/slack/events`, { method: "POST", headers: { "content-type": contentType, ...sign(body, ts) }, body });
}

/** A direct message from the asker, in its own conversation; resolves with the bot's answer in the DM. */
async function dm(text: string): Promise<SlackCall> {
  seq += 1;
  const channel = `DFR${String(seq).padStart(6, "0")}`;
  const event = { type: "message", channel_type: "im", user: SLACK.user, text, ts: `1700001000.${String(seq).padStart(6, "0")}`, channel };
  const body = JSON.stringify({ token: "legacy", team_id: SLACK.teamId, api_app_id: "A0FAKE", type: "event_callback", event_id: `EvFr${seq}`, event_time: Math.floor(Date.now() / 1000), event });
  expect((await post(body)).status).toBe(200);
  return fake.waitFor((c) => c.method === "chat.postMessage" && c.params.channel === channel);
}

/** Runs /ee with a text; resolves with the first answer posted to its response_url. */
async function slash(text: string, channel: string = SLACK.channel): Promise<SlackCall> {
  seq += 1;
  const id = `fr${seq}`;
  const body = new URLSearchParams({ token: "legacy", team_id: SLACK.teamId, channel_id: channel, channel_name: channel.startsWith("D") ? "directmessage" : "general", user_id: SLACK.user, command: "/ee", text, response_url: fake.responseUrl(id), trigger_id: `t-fr-${seq}` });
  expect((await post(body.toString(), "application/x-www-form-urlencoded")).status).toBe(200);
  return fake.waitFor((c) => c.method === `response:${id}`);
}

const context = (c: SlackCall): string => {
  const blocks = (c.params.blocks ?? []) as { type: string; elements?: { text: string }[] }[];
  return blocks.filter((b) => b.type === "context").flatMap((b) => (b.elements ?? []).map((e) => e.text)).join("\n");
};

beforeAll(async () => {
  await fake.start();
  adapter = new SlackAdapter({
    answer: (m) => robot.handle(m),
    command,
    knowledge: () => knowledge,
    registry,
    logger,
    botToken: SLACK.botToken,
    mode: { kind: "http", signingSecret: SLACK.signingSecret, port: 0, host: "127.0.0.1" },
    slackApiUrl: fake.apiUrl,
  });
  await adapter.start();
  url = `http://127.0.0.1:${adapter.port}`;
});

afterAll(async () => {
  await adapter.stop();
  await fake.stop();
});

describe("reading a language chosen at the start of a Slack message", () => {
  it("reads langue: fr, langue fr, lang: en and lang en, takes the choice off, and leaves other messages alone", () => {
    expect(readLanguagePrefix("langue: fr combien d'invitations ?")).toEqual({ lang: "fr", text: "combien d'invitations ?" });
    expect(readLanguagePrefix("langue fr 21231")).toEqual({ lang: "fr", text: "21231" });
    expect(readLanguagePrefix("lang: en quel était le seuil")).toEqual({ lang: "en", text: "quel était le seuil" });
    expect(readLanguagePrefix("LANG EN, draw 254")).toEqual({ lang: "en", text: "draw 254" });
    expect(readLanguagePrefix("<@UBOT0001> langue: fr 21231")).toEqual({ lang: "fr", text: "<@UBOT0001> 21231" });
    expect(readLanguagePrefix("language requirements for CEC")).toEqual({ lang: undefined, text: "language requirements for CEC" });
    expect(readLanguagePrefix("langue française et tirages")).toEqual({ lang: undefined, text: "langue française et tirages" });
    // A choice alone is a choice for the conversation, in the words the bot reads as one.
    expect(readLanguagePrefix("langue: fr")).toEqual({ lang: "fr", text: FR.switchLanguage });
  });
});

describe("Slack in French against a local Slack", () => {
  it("answers a French direct message in French, the context block's words and date in French too", async () => {
    const c = await dm("combien d'invitations au tirage 254 ?");
    expect(String(c.params.text)).toContain("5 juillet 2023");
    expect(context(c).startsWith(`${FR.asOf("5 juillet 2023")} · ${FR.sources("")}`)).toBe(true);
  });

  it("answers the same French message in English when it starts with langue: en", async () => {
    const c = await dm("langue: en combien d'invitations au tirage 254 ?");
    expect(String(c.params.text)).toContain("July 5, 2023");
    expect(context(c)).toMatch(/^As of July 5, 2023 · Sources: /);
  });

  it("answers a message that says nothing of its language in the language chosen with lang fr", async () => {
    const english = await dm("21231");
    expect(context(english)).toMatch(/^As of /);
    const french = await dm("lang fr 21231");
    expect(context(french).startsWith(FR.asOf(""))).toBe(true);
  });

  it("keeps a language chosen alone for the rest of the conversation", async () => {
    seq += 1;
    const channel = `DKEEP${String(seq).padStart(5, "0")}`;
    const send = async (text: string, n: number): Promise<SlackCall> => {
      const event = { type: "message", channel_type: "im", user: SLACK.user, text, ts: `1700002000.${String(seq * 10 + n).padStart(6, "0")}`, channel };
      const mark = fake.calls.length;
      await post(JSON.stringify({ token: "legacy", team_id: SLACK.teamId, api_app_id: "A0FAKE", type: "event_callback", event_id: `EvKeep${seq}-${n}`, event_time: Math.floor(Date.now() / 1000), event }));
      return fake.waitFor((c) => c.method === "chat.postMessage" && c.params.channel === channel && fake.calls.indexOf(c) >= mark);
    };
    await send("langue: fr", 1);
    expect(context(await send("21231", 2)).startsWith(FR.asOf(""))).toBe(true);
  });

  it("runs a skill's command by its French name, in French, and /ee with langue: fr in French", async () => {
    const c = await slash("tirage 254");
    expect(commandsRun.at(-1)?.name).toBe("draw");
    expect(String(c.params.text)).toContain("5 juillet 2023");
    expect(context(c).startsWith(FR.asOf("5 juillet 2023"))).toBe(true);
    // Elsewhere (the conversation above now speaks French), the English name answers in English.
    const english = await slash("draw 254", "CENGLISH1");
    expect(context(english)).toMatch(/^As of July 5, 2023/);
    const chosen = await slash("langue: fr draw 254", "CENGLISH1");
    expect(commandsRun.at(-1)?.message.lang).toBe("fr");
    expect(context(chosen).startsWith(FR.asOf("5 juillet 2023"))).toBe(true);
  });

  it("answers /ee abonner in French and /ee subscribe in English", async () => {
    expect(String((await slash("abonner pec")).params.text)).toBe(ANNOUNCE_CATALOG.fr.unavailable);
    expect(String((await slash("désabonner")).params.text)).toBe(ANNOUNCE_CATALOG.fr.unavailable);
    expect(String((await slash("subscribe cec")).params.text)).toBe(ANNOUNCE_CATALOG.en.unavailable);
  });

  it("opens the CRS form in French after langue: fr, and asks for what is missing in French", async () => {
    const trigger = `t-fr-${seq + 1}`;
    const opened = fake.waitFor((c) => c.method === "views.open" && c.params.trigger_id === trigger);
    seq += 1;
    const body = new URLSearchParams({ token: "legacy", team_id: SLACK.teamId, channel_id: SLACK.channel, channel_name: "general", user_id: SLACK.user, command: "/ee", text: "langue: fr crs", response_url: fake.responseUrl(`fr${seq}`), trigger_id: trigger });
    await post(body.toString(), "application/x-www-form-urlencoded");
    const view = (await opened).params.view as Record<string, unknown> & { title: { text: string }; blocks: { block_id: string; label: { text: string } }[] };
    expect(view.title.text).toBe(FR.crsForm.title);
    expect(view.blocks.find((b) => b.block_id === "partner")?.label.text).toBe(FR.crsForm.partner);
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({ lang: "fr" });
    const res = await post(new URLSearchParams({ payload: JSON.stringify(viewSubmission(view, { age: { value: "29" } })) }).toString(), "application/x-www-form-urlencoded");
    expect(await res.json()).toMatchObject({ response_action: "errors", errors: { partner: FR.crsForm.required, education: FR.crsForm.required } });
  });

  it("shows the App Home in the user's Slack language", async () => {
    fake.setUser("UFRENCH01", { locale: "fr-CA" });
    const event = (user: string, n: number) =>
      JSON.stringify({ token: "legacy", team_id: SLACK.teamId, api_app_id: "A0FAKE", type: "event_callback", event_id: `EvHome${n}`, event_time: Math.floor(Date.now() / 1000), event: { type: "app_home_opened", user, channel: "DHOME", tab: "home" } });
    await post(event("UFRENCH01", 1));
    const french = await fake.waitFor((c) => c.method === "views.publish" && c.params.user_id === "UFRENCH01");
    const blocks = (french.params.view as { blocks: { type: string; text?: { text: string } }[] }).blocks;
    expect(blocks[0]?.text?.text).toBe(FR.home.header);
    expect(JSON.stringify(blocks)).toContain("/ee tirage : Un tirage");
    await post(event(SLACK.user, 2));
    const english = await fake.waitFor((c) => c.method === "views.publish" && c.params.user_id === SLACK.user);
    expect((english.params.view as { blocks: { text?: { text: string } }[] }).blocks[0]?.text?.text).toBe(ADAPTER_MESSAGES.en.home.header);
  });
});
