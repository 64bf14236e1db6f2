import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../../src/adapters/discord/adapter.js";
import { renderDiscord } from "../../../src/adapters/discord/render.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import { MESSAGES } from "../../../src/core/messages.js";
import { makeReply } from "../../../src/core/reply.js";
import type { Message, Reply } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log.js";
import { Robot } from "../../../src/skills/robot.js";
import type { OptionValues } from "../../../src/skills/types.js";
import { FAKE, FakeDiscord, type Recorded } from "../../fakes/discord.js";

const knowledge = Knowledge.load();
// A fixed today, so that answers about the lists in force and how long ago a round was do not move with the clock.
const NOW = new Date("2026-12-01T12:00:00Z");
const robot = new Robot(() => knowledge, { now: () => NOW });
const logLines: string[] = [];
const commandsRun: { name: string; values: OptionValues }[] = [];

function longReply(): Reply {
  return makeReply(knowledge, "category", {
    text: "A very long list follows.",
    title: "Long",
    fields: Array.from({ length: 30 }, (_, i) => ({ name: `Field ${i}`, value: "x".repeat(300) })),
    list: Array.from({ length: 400 }, (_, i) => `${String(10000 + i)} An occupation with a fairly long title number ${i}`),
    asOf: "2023-07-05",
  });
}

function echo(text: string): Reply {
  return makeReply(knowledge, "echo", { text, title: "Echo" });
}

function answer(m: Message): Reply | undefined {
  if (m.text.includes("explode")) throw new Error("boom in a handler");
  if (m.text.includes("give me the long one")) return longReply();
  const echoed = /echo: (.*)$/s.exec(m.text);
  if (echoed) return echo(echoed[1] ?? "");
  return robot.handle(m);
}

function command(name: string, values: OptionValues, m: Omit<Message, "text">): Reply | undefined {
  commandsRun.push({ name, values });
  return robot.command(name, values, m);
}

const fake = new FakeDiscord();
let adapter: DiscordAdapter;

type Embed = { title?: string; description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] };
const embedsOf = (r: Recorded): Embed[] =>
  ((r.body as { embeds?: unknown[]; data?: { embeds?: unknown[] } }).embeds ?? (r.body as { data?: { embeds?: unknown[] } }).data?.embeds ?? []) as never;
const textOf = (r: Recorded): string => embedsOf(r).map((e) => `${e.title ?? ""}\n${e.description ?? ""}\n${e.footer?.text ?? ""}`).join("\n");
const flagsOf = (r: Recorded): number | undefined => (r.body as { data?: { flags?: number } }).data?.flags;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The interaction callback Discord received for an interaction. */
const callback = (id: string): Promise<Recorded> => fake.waitFor((x) => x.method === "POST" && x.path.startsWith(`/interactions/${id}/`));
/** A message the bot posted in the DM channel whose embeds match. */
const dmReply = (match: RegExp): Promise<Recorded> => fake.waitFor((x) => x.method === "POST" && x.path === `/channels/${FAKE.dmChannelId}/messages` && match.test(textOf(x)));

beforeAll(async () => {
  await fake.start();
  adapter = new DiscordAdapter({
    token: FAKE.token,
    answer,
    command,
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
    const r = await dmReply(/21231/);
    const embed = embedsOf(r)[0];
    expect(embed?.description).toMatch(/^No\. 21231 Software engineers and designers \(TEER 1\) is not on the STEM list/);
    expect(embed?.footer?.text).toMatch(/^As of December 1, 2026 · Sources: /);
    expect((r.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("answers a mention in a guild channel as a reply, and ignores chatter that does not mention it", async () => {
    const mark = fake.requests.length;
    fake.message("what was the last cut-off? nobody asked the bot");
    const mentionId = fake.message(`<@${FAKE.botId}> what was the last cut-off?`, { mentionBot: true });
    const r = await fake.waitFor((x) => x.method === "POST" && x.path === `/channels/${FAKE.channelId}/messages` && (x.body as { message_reference?: { message_id: string } }).message_reference?.message_id === mentionId);
    expect(embedsOf(r)[0]?.description).toMatch(/^368: the lowest CRS score invited in round 430 \(July 23, 2026, skilled military recruits\)/);
    // Events are handled in the order the gateway sent them: the chatter came first, so it was already ignored.
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

  it("never lets @everyone, @here, role or user mentions in a question ping anyone", async () => {
    fake.message(`<@${FAKE.botId}> is @everyone @here <@&${FAKE.roleId}> <@${FAKE.userId}> a stem job`, { mentionBot: true });
    const r = await fake.waitFor((x) => x.method === "POST" && x.path === `/channels/${FAKE.channelId}/messages` && /couldn't find an occupation/.test(textOf(x)));
    expect((r.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(textOf(r)).not.toMatch(/@everyone|@here|<@&\d+>|<@\d+>/);
  });

  it("parses no mention even when a reply holds mention syntax word for word", async () => {
    fake.message(`echo: @everyone @here <@&${FAKE.roleId}> <@${FAKE.userId}>`, { dm: true });
    const r = await dmReply(/@here/);
    expect((r.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("never lets a quoted option value become a masked link", async () => {
    const { id } = fake.command("rounds", [{ name: "stat", type: 3, value: "[canada.ca](https://evil.example)" }]);
    const description = embedsOf(await callback(id))[0]?.description ?? "";
    expect(description).toContain("\\[canada.ca\\](https://evil.example)");
    expect(description.replace(/\\./g, "")).not.toMatch(/\[[^\]]*\]\(/);
  });

  it("answers /ee ask, /ee help and each skill's subcommand with its options through interaction callbacks", async () => {
    const cases: [string, { name: string; type: number; value: string | number | boolean }[], RegExp][] = [
      ["ask", [{ name: "question", type: 3, value: "how many profiles are in the pool" }], /^231,533 candidates were in the Express Entry pool/m],
      ["noc", [{ name: "occupation", type: 3, value: "web designers" }], /^None: 21233 Web designers \(TEER 1\)/m],
      ["noc", [{ name: "occupation", type: 3, value: "21211" }, { name: "category", type: 3, value: "stem" }, { name: "year", type: 4, value: 2023 }], /^Yes\. 21211 Data scientists \(TEER 1\) is on the 2023 STEM list/m],
      ["draw", [{ name: "round", type: 3, value: "91b" }], /\b[Rr]ound 91b \(May 30, 2018, PNP\)/],
      ["draw", [], /^The latest round I know of is round 430 \(July 23, 2026/m],
      ["draw", [{ name: "type", type: 3, value: "healthcare" }], /^The latest healthcare round I know of is round 422 \(June 25, 2026/m],
      ["tiebreak", [{ name: "round", type: 3, value: "254" }], /^November 23, 2022 at 00:01:29 UTC: in round 254 /m],
      ["check", [{ name: "score", type: 4, value: 480 }, { name: "type", type: 3, value: "cec" }], /^No, not in the latest CEC round I know of: 480 is below the cut-off of 516 in round 428 /m],
      ["pool", [{ name: "above", type: 4, value: 500 }], /^18,644 candidates had a CRS score of 501 or more/m],
      ["rounds", [{ name: "type", type: 3, value: "cec" }, { name: "year", type: 4, value: 2025 }, { name: "stat", type: 3, value: "lowest" }], /^515: the lowest cut-off of the 15 CEC rounds in 2025/m],
      ["category", [{ name: "category", type: 3, value: "stem" }, { name: "year", type: 4, value: 2026 }], /^The 2026 STEM list .* has 11 occupations/m],
      ["help", [], new RegExp(`^${escape(MESSAGES.help)}`, "m")],
    ];
    for (const [sub, options, expected] of cases) {
      const { id } = fake.command(sub, options);
      const r = await callback(id);
      expect((r.body as { type: number }).type).toBe(4);
      expect(flagsOf(r)).toBeUndefined();
      expect(textOf(r)).toMatch(expected);
    }
  });

  it("runs /ee draw round:254 through the skill's command, not as a question, and the reply starts with that round", async () => {
    const mark = commandsRun.length;
    const { id } = fake.command("draw", [{ name: "round", type: 3, value: "254" }]);
    const r = await callback(id);
    expect(commandsRun.slice(mark)).toEqual([{ name: "draw", values: { round: "254" } }]);
    const [embed] = embedsOf(r);
    expect(embed?.description).toMatch(/^Round 254 \(July 5, 2023, STEM\), a STEM round, about 3 years ago: 500 invitations; lowest CRS score invited 486;/);
    expect(embed?.fields).toContainEqual(expect.objectContaining({ name: "Round", value: "#254" }));
    expect(embed?.fields).toContainEqual(expect.objectContaining({ name: "CRS cut-off", value: "486" }));
  });

  it("runs /ee noc occupation:21231 category:stem through the skill's command, and the reply starts with the answer for the list in force", async () => {
    const mark = commandsRun.length;
    const { id } = fake.command("noc", [{ name: "occupation", type: 3, value: "21231" }, { name: "category", type: 3, value: "stem" }]);
    const r = await callback(id);
    expect(commandsRun.slice(mark)).toEqual([{ name: "noc", values: { occupation: "21231", category: "stem" } }]);
    expect(embedsOf(r)[0]?.description).toMatch(/^No\. 21231 Software engineers and designers \(TEER 1\) is not on the STEM list IRCC has used since February 27, 2025\./);
  });

  it("answers a slash command in a DM too", async () => {
    const { id } = fake.command("ask", [{ name: "question", type: 3, value: "draw 254" }], true);
    expect(textOf(await callback(id))).toMatch(/\b[Rr]ound 254 \(July 5, 2023, STEM\)/);
  });

  it("makes an answer about a mistake the user can fix ephemeral", async () => {
    const { id } = fake.command("noc", [{ name: "occupation", type: 3, value: "99999" }]);
    const r = await callback(id);
    expect(flagsOf(r)).toBe(64);
    expect(textOf(r)).toMatch(/^99999 is not a NOC 2021 code/m);
    const bad = fake.command("rounds", [{ name: "stat", type: 3, value: "sideways" }]);
    const r2 = await callback(bad.id);
    expect(flagsOf(r2)).toBe(64);
    expect(textOf(r2)).toMatch(/"sideways" is not one of summary, lowest, highest, average, total, count/);
  });

  it("offers at most 25 occupation choices while typing, best first", async () => {
    const { id } = fake.autocomplete("sofware eng");
    const r = await callback(id);
    const body = r.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeGreaterThan(0);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
    expect(body.data.choices[0]).toEqual({ name: "21231 Software engineers and designers", value: "21231" });
    const byCode = fake.autocomplete("2123");
    const r2 = await callback(byCode.id);
    expect((r2.body as { data: { choices: { value: string }[] } }).data.choices.map((c) => c.value)).toEqual(["21230", "21231", "21232", "21233", "21234"]);
  });

  it("offers round numbers while typing in a round option, latest first, at most 25", async () => {
    const choicesOf = async (value: string, sub: string): Promise<{ name: string; value: string }[]> => {
      const { id } = fake.autocomplete(value, sub, "round");
      const r = await callback(id);
      expect((r.body as { type: number }).type).toBe(8);
      return (r.body as { data: { choices: { name: string; value: string }[] } }).data.choices;
    };
    const typed = await choicesOf("25", "draw");
    expect(typed.map((c) => c.value)).toEqual(["259", "258", "257", "256", "255", "254", "253", "252", "251", "250", "25"]);
    expect(typed[5]).toEqual({ name: "#254 2023-07-05 STEM (486)", value: "254" });
    expect((await choicesOf("#91", "tiebreak")).map((c) => c.value)).toEqual(["91b", "91a"]);
    const latest = await choicesOf("", "draw");
    expect(latest).toHaveLength(25);
    expect(latest[0]?.value).toBe("430");
    for (const c of latest) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it("splits a long answer into messages that each stay within Discord's limits", async () => {
    const mark = fake.requests.length;
    const expected = renderDiscord(longReply()).length;
    expect(expected).toBeGreaterThan(1);
    const { id } = fake.command("ask", [{ name: "question", type: 3, value: "give me the long one" }]);
    const ours = (x: Recorded): boolean => fake.requests.indexOf(x) >= mark && (x.path.startsWith(`/interactions/${id}/`) || /^\/webhooks\//.test(x.path));
    // The fake answers 400 to any message over a limit, so every part arriving means every part was valid.
    await fake.waitFor(() => fake.since(mark).filter(ours).length >= expected);
    const sent = fake.since(mark).filter(ours);
    expect(sent).toHaveLength(expected);
    expect(fake.since(mark).some((x) => x.path.startsWith("429"))).toBe(false);
    const all = sent.map(textOf).join("\n");
    for (let i = 0; i < 400; i += 1) expect(all).toContain(`${10000 + i} An occupation`);
  });

  it("answers politely when a handler fails, and keeps serving", async () => {
    fake.message("please explode", { dm: true });
    expect(await dmReply(new RegExp(escape(MESSAGES.internalError)))).toBeDefined();
    fake.message("draw 253", { dm: true });
    await dmReply(/\b[Rr]ound 253 \(July 4, 2023, all-program\)/);
  });

  it("survives a 429 from Discord: waits for Retry-After and delivers the reply", async () => {
    const mark = fake.requests.length;
    fake.rateLimit("POST", new RegExp(`^/channels/${FAKE.dmChannelId}/messages$`), 1, 0.3);
    fake.message("lowest cut-off", { dm: true });
    const r = await dmReply(/^75: the lowest cut-off of the 431 rounds/m);
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
