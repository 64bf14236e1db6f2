import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../../src/adapters/discord/adapter.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import { MESSAGES } from "../../../src/core/messages.js";
import { Router } from "../../../src/core/router.js";
import type { Message, Reply } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log.js";
import { FAKE, FakeDiscord, type Recorded } from "../../fakes/discord.js";

const knowledge = Knowledge.load();
const router = new Router(() => knowledge);
const logLines: string[] = [];

function longReply(): Reply {
  return {
    intent: "category-list",
    text: "A very long list follows.",
    title: "Long",
    fields: Array.from({ length: 30 }, (_, i) => ({ name: `Field ${i}`, value: "x".repeat(300) })),
    list: Array.from({ length: 400 }, (_, i) => `${String(10000 + i)} An occupation with a fairly long title number ${i}`),
    asOf: "2023-07-05",
    sources: [],
    suggestions: [],
    userError: false,
  };
}

function answer(m: Message): Reply | undefined {
  if (m.text.includes("explode")) throw new Error("boom in a handler");
  if (m.text.includes("give me the long one")) return longReply();
  return router.handle(m);
}

const fake = new FakeDiscord();
let adapter: DiscordAdapter;

const embedsOf = (r: Recorded): { title?: string; description?: string; footer?: { text: string }; fields?: unknown[] }[] =>
  ((r.body as { embeds?: unknown[]; data?: { embeds?: unknown[] } }).embeds ?? (r.body as { data?: { embeds?: unknown[] } }).data?.embeds ?? []) as never;
const textOf = (r: Recorded): string => embedsOf(r).map((e) => `${e.title ?? ""}\n${e.description ?? ""}\n${e.footer?.text ?? ""}`).join("\n");

beforeAll(async () => {
  await fake.start();
  adapter = new DiscordAdapter({
    token: FAKE.token,
    answer,
    knowledge: () => knowledge,
    logger: createLogger({ level: "debug", secrets: [FAKE.token], sink: { write: (l: string) => logLines.push(l) } }),
    clientOptions: { rest: { api: fake.api, retries: 1, timeout: 5000 } },
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter.stop();
  await fake.stop();
});

describe("the Discord adapter against a local Discord", () => {
  it("identifies on the gateway with the non-privileged intents and becomes ready", () => {
    expect(adapter.state).toBe("ready");
    const identify = fake.identifies[0] as { token: string; intents: number };
    expect(identify.token).toBe(FAKE.token);
    // Guilds (1) + GuildMessages (512) + DirectMessages (4096); no MessageContent (32768).
    expect(identify.intents).toBe(1 + 512 + 4096);
  });

  it("answers a direct message in the DM channel, with the answer in an embed and no mentions parsed", async () => {
    fake.message("is 21231 STEM?", { dm: true });
    const r = await fake.waitFor((x) => x.method === "POST" && x.path === `/channels/${FAKE.dmChannelId}/messages`);
    const embed = embedsOf(r)[0];
    expect(embed?.description).toMatch(/^Yes\. 21231 Software engineers and designers/);
    expect(embed?.footer?.text).toMatch(/^As of July 5, 2023 · Sources: /);
    expect((r.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("answers a mention in a guild channel as a reply, and ignores chatter that does not mention it", async () => {
    const mark = fake.requests.length;
    fake.message("what was the last cut-off? nobody asked the bot");
    const mentionId = fake.message(`<@${FAKE.botId}> what was the last cut-off?`, { mentionBot: true });
    const r = await fake.waitFor((x) => x.method === "POST" && x.path === `/channels/${FAKE.channelId}/messages` && (x.body as { message_reference?: { message_id: string } }).message_reference?.message_id === mentionId);
    expect(textOf(r)).toMatch(/486: the lowest CRS score invited in round 254/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.since(mark).filter((x) => x.path === `/channels/${FAKE.channelId}/messages`)).toHaveLength(1);
  });

  it("ignores other bots, and @everyone or a role mention without a direct mention", async () => {
    const mark = fake.requests.length;
    fake.message("is 21231 STEM?", { bot: true, author: "900000000000000999", mentionBot: true });
    fake.message("@everyone is 21231 STEM?", { everyone: true });
    fake.message(`<@&${FAKE.roleId}> is 21231 STEM?`, { mentionRole: true });
    fake.message("ping", { dm: true });
    await fake.waitFor((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && fake.requests.indexOf(x) >= mark);
    expect(fake.since(mark).filter((x) => x.path === `/channels/${FAKE.channelId}/messages`)).toHaveLength(0);
  });

  it("never lets echoed @everyone, @here or role mentions ping anyone", async () => {
    fake.message(`<@${FAKE.botId}> noc code for @everyone @here <@&${FAKE.roleId}> <@${FAKE.userId}>`, { mentionBot: true });
    const r = await fake.waitFor((x) => x.method === "POST" && x.path === `/channels/${FAKE.channelId}/messages` && /couldn't find an occupation/.test(textOf(x)));
    expect((r.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(textOf(r)).not.toMatch(/@everyone|@here|<@&\d+>|<@\d+>/);
  });

  it("answers /ee ask, /ee noc, /ee draw, /ee latest and /ee help through interaction callbacks", async () => {
    const cases: [string, { name: string; type: number; value: string | number }[], RegExp][] = [
      ["ask", [{ name: "question", type: 3, value: "how many profiles are in the pool" }], /214,529 profiles/],
      ["noc", [{ name: "occupation", type: 3, value: "21211" }, { name: "category", type: 3, value: "stem" }], /^Yes\. 21211 Data scientists/m],
      ["noc", [{ name: "occupation", type: 3, value: "web designers" }], /Web designers: NOC 2021 code 21233/],
      ["draw", [{ name: "round", type: 4, value: 253 }], /Round 253 was held on July 4, 2023/],
      ["draw", [], /latest draw I know of is round 254/],
      ["latest", [{ name: "category", type: 3, value: "healthcare" }], /round 252/],
      ["help", [], /What I can answer/],
    ];
    for (const [sub, options, expected] of cases) {
      const { id } = fake.command(sub, options);
      const r = await fake.waitFor((x) => x.method === "POST" && x.path.startsWith(`/interactions/${id}/`));
      const body = r.body as { type: number; data: { flags?: number } };
      expect(body.type).toBe(4);
      expect(textOf(r)).toMatch(expected);
    }
  });

  it("answers a slash command in a DM too", async () => {
    const { id } = fake.command("ask", [{ name: "question", type: 3, value: "draw 254" }], true);
    const r = await fake.waitFor((x) => x.method === "POST" && x.path.startsWith(`/interactions/${id}/`));
    expect(textOf(r)).toMatch(/Round 254/);
  });

  it("makes an answer about a mistake the user can fix ephemeral", async () => {
    const { id } = fake.command("noc", [{ name: "occupation", type: 3, value: "99999" }]);
    const r = await fake.waitFor((x) => x.method === "POST" && x.path.startsWith(`/interactions/${id}/`));
    expect((r.body as { data: { flags?: number } }).data.flags).toBe(64);
  });

  it("offers at most 25 autocomplete choices, best first", async () => {
    const { id } = fake.autocomplete("sofware eng");
    const r = await fake.waitFor((x) => x.method === "POST" && x.path.startsWith(`/interactions/${id}/`));
    const body = r.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeGreaterThan(0);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
    expect(body.data.choices[0]).toEqual({ name: "21231 Software engineers and designers", value: "21231" });
    const byCode = fake.autocomplete("2123");
    const r2 = await fake.waitFor((x) => x.path.startsWith(`/interactions/${byCode.id}/`));
    expect((r2.body as { data: { choices: { value: string }[] } }).data.choices.map((c) => c.value)).toEqual(["21230", "21231", "21232", "21233", "21234"]);
  });

  it("splits a long answer into messages that each stay within Discord's limits", async () => {
    const mark = fake.requests.length;
    const { id } = fake.command("ask", [{ name: "question", type: 3, value: "give me the long one" }]);
    await fake.waitFor((x) => x.path.startsWith(`/interactions/${id}/`));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sent = fake.since(mark).filter((x) => x.path.startsWith(`/interactions/${id}/`) || /^\/webhooks\//.test(x.path));
    expect(sent.length).toBeGreaterThan(1);
    expect(fake.since(mark).some((x) => x.path.startsWith("429"))).toBe(false);
    const all = sent.map(textOf).join("\n");
    for (let i = 0; i < 400; i += 1) expect(all).toContain(`${10000 + i} An occupation`);
  });

  it("answers politely when a handler fails, and keeps serving", async () => {
    fake.message("please explode", { dm: true });
    const r = await fake.waitFor((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && textOf(x).includes(MESSAGES.internalError));
    expect(r).toBeDefined();
    fake.message("draw 253", { dm: true });
    await fake.waitFor((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && /Round 253/.test(textOf(x)));
  });

  it("survives a 429 from Discord: waits for Retry-After and delivers the reply", async () => {
    const mark = fake.requests.length;
    fake.rateLimit("POST", new RegExp(`^/channels/${FAKE.dmChannelId}/messages$`), 1, 0.3);
    fake.message("lowest cut-off", { dm: true });
    const r = await fake.waitFor((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && /476: the lowest cut-off/.test(textOf(x)));
    const limited = fake.since(mark).filter((x) => x.path === `429 /channels/${FAKE.dmChannelId}/messages`);
    expect(limited).toHaveLength(1);
    expect(fake.requests.indexOf(r)).toBeGreaterThan(fake.requests.indexOf(limited[0] as Recorded));
  });

  it("never writes the token to the log", () => {
    const log = logLines.join("");
    expect(log).toContain("reply sent");
    expect(log).not.toContain(FAKE.token);
    expect(log).not.toMatch(/aW50ZXJhY3Rpb246\d+fake/);
  });
});
