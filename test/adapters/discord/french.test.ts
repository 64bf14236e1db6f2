import { PermissionFlagsBits, REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../../src/adapters/discord/adapter.js";
import { DiscordSender } from "../../../src/adapters/discord/announce.js";
import { CRS_MODAL_ID } from "../../../src/adapters/discord/crs-modal.js";
import { eeCommand } from "../../../src/adapters/discord/commands.js";
import { registerCommands } from "../../../src/adapters/discord/register.js";
import { roundsFromDraws } from "../../../src/announce/schema.js";
import { Subscriptions } from "../../../src/announce/subscriptions.js";
import { Runtime } from "../../../src/app.js";
import { readConfig } from "../../../src/config.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import { CORE_MESSAGES } from "../../../src/core/messages.js";
import { makeReply } from "../../../src/core/reply.js";
import type { Message } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log.js";
import { ANNOUNCE_CATALOG } from "../../../src/messages/announce.js";
import { ADAPTER_MESSAGES } from "../../../src/messages/adapters.js";
import { Robot } from "../../../src/skills/robot.js";
import { defaultRegistry, SkillRegistry } from "../../../src/skills/registry.js";
import type { AnySkill, OptionSpec, OptionValues } from "../../../src/skills/types.js";
import { openStore, type Store } from "../../../src/store/index.js";
import type { Subscription } from "../../../src/store/schema.js";
import { knowledgeFolder } from "../../announce/knowledge.js";
import { FAKE, FakeDiscord, type Recorded } from "../../fakes/discord.js";
import { ALL_ENGINES } from "../../store/engines.js";

const knowledge = Knowledge.load();
// A fixed today, so that answers about the lists in force and how long ago a round was do not move with the clock.
const NOW = new Date("2026-12-01T12:00:00Z");
const robot = new Robot(() => knowledge, { now: () => NOW });
const logger = createLogger({ level: "silent", secrets: [FAKE.token], sink: { write: () => undefined } });
// One user whose messages go through a runtime that lets one message a minute through, to see its notice.
const HURRIED = "900000000000000777";
const limited = new Runtime(knowledge, logger, { rateLimits: { messages: 1, windowMs: 60_000, maxUsers: 100 } });
const commandsRun: string[] = [];
const MANAGE_CHANNELS = PermissionFlagsBits.ManageChannels.toString();
const FR = ADAPTER_MESSAGES.fr;

const fake = new FakeDiscord();
const sqlite = ALL_ENGINES.find((e) => e.engine === "sqlite");
let store: Store;
let adapter: DiscordAdapter;

type Embed = { title?: string; description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] };
type CallbackData = { embeds?: Embed[]; content?: string; title?: string; choices?: { name: string; value: string }[]; components?: { label?: string; description?: string }[] };
const dataOf = (r: Recorded): CallbackData => ((r.body as { data?: unknown }).data ?? {}) as CallbackData;
const embedsOf = (r: Recorded): Embed[] => ((r.body as { embeds?: Embed[] }).embeds ?? dataOf(r).embeds ?? []) as Embed[];
const callback = (id: string): Promise<Recorded> => fake.waitFor((x) => x.method === "POST" && x.path.startsWith(`/interactions/${id}/`));
const dmReply = (match: RegExp): Promise<Recorded> =>
  fake.waitFor((x) => x.method === "POST" && x.path === `/channels/${FAKE.dmChannelId}/messages` && embedsOf(x).some((e) => match.test(`${e.description ?? ""}\n${e.footer?.text ?? ""}`)));

function answer(m: Message) {
  return m.user === HURRIED ? limited.answer(m) : robot.handle(m);
}

function command(name: string, values: OptionValues, m: Omit<Message, "text">) {
  commandsRun.push(name);
  return robot.command(name, values, m);
}

beforeAll(async () => {
  await fake.start();
  store = await openStore((sqlite ?? ALL_ENGINES[0])!.fresh());
  adapter = new DiscordAdapter({
    token: FAKE.token,
    answer,
    command,
    knowledge: () => knowledge,
    logger,
    clientOptions: { rest: { api: fake.api, retries: 1, timeout: 5000 } },
    subscriptions: new Subscriptions(store, () => knowledge, logger),
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter.stop();
  await store.close();
  await fake.stop();
});

describe("Discord in French against a local Discord", () => {
  it("answers a slash command of a user whose Discord is in French in French, with the footer's words and date in French", async () => {
    const { id } = fake.command("draw", [{ name: "round", type: 3, value: "254" }], false, "0", "fr");
    const embed = embedsOf(await callback(id))[0];
    expect(embed?.description).toContain("5 juillet 2023");
    expect(embed?.footer?.text.startsWith(`${FR.asOf("5 juillet 2023")} · ${FR.sources("")}`)).toBe(true);
    // Discord sends the command's own name whatever the user's language: the same skill answers.
    expect(commandsRun.at(-1)).toBe("draw");
  });

  it("answers the same slash command in English for a user whose Discord is in English", async () => {
    const { id } = fake.command("draw", [{ name: "round", type: 3, value: "254" }], false, "0", "en-US");
    const embed = embedsOf(await callback(id))[0];
    expect(embed?.description).toContain("July 5, 2023");
    expect(embed?.footer?.text).toMatch(/^As of July 5, 2023 · Sources: /);
  });

  it("gives the French help to /ee help from a French-speaking user", async () => {
    const { id } = fake.command("help", [], false, "0", "fr-CA");
    // The embed escapes Markdown characters; the sentence is the catalog's.
    expect(embedsOf(await callback(id))[0]?.description?.replace(/\\/g, "")).toContain(CORE_MESSAGES.fr.help);
  });

  it("answers a French question in a direct message in French: the text tells the language, there is no locale", async () => {
    fake.message("combien d'invitations au tirage 254 ?", { dm: true });
    const r = await dmReply(/juillet 2023/);
    const embed = embedsOf(r)[0];
    expect(embed?.footer?.text.startsWith(FR.asOf("5 juillet 2023"))).toBe(true);
    expect(embed?.footer?.text).toContain(FR.sources(""));
  });

  it("follows a server whose owner chose French for a short mention the text does not tell", async () => {
    fake.guildLocale = "fr";
    // The server's language comes with GUILD_CREATE: a second adapter sees the fake's French server.
    const second = new DiscordAdapter({
      token: FAKE.token,
      answer: (m) => robot.handle({ ...m, conversation: `guild-fr-${m.conversation}` }),
      command,
      knowledge: () => knowledge,
      logger,
      clientOptions: { rest: { api: fake.api, retries: 1, timeout: 5000 } },
    });
    await second.start();
    try {
      const mark = fake.requests.length;
      const mentionId = fake.message(`<@${FAKE.botId}> 21231`, { mentionBot: true });
      const posted = await fake.waitFor(
        (x) => fake.requests.indexOf(x) >= mark && x.method === "POST" && x.path === `/channels/${FAKE.channelId}/messages` && (x.body as { message_reference?: { message_id: string } }).message_reference?.message_id === mentionId && /décembre/.test(JSON.stringify(x.body)),
      );
      expect(embedsOf(posted)[0]?.footer?.text.startsWith(FR.asOf("1er décembre 2026"))).toBe(true);
    } finally {
      fake.guildLocale = "en-US";
      await second.stop();
    }
  });

  it("tells a French-speaking user over the rate limit to slow down in French", async () => {
    fake.message("combien d'invitations au tirage 254 ?", { dm: true, author: HURRIED });
    fake.message("combien d'invitations au tirage 253 ?", { dm: true, author: HURRIED });
    const r = await fake.waitFor((x) => x.method === "POST" && x.path === `/channels/${FAKE.dmChannelId}/messages` && embedsOf(x)[0]?.title === FR.slowDown);
    expect(embedsOf(r)[0]?.description?.replace(/\\/g, "")).toBe(CORE_MESSAGES.fr.rateLimited);
  });

  it("opens the CRS form in French for a French-speaking user, and names what to correct in French", async () => {
    const { id } = fake.command("crs", [], false, "0", "fr");
    const modal = dataOf(await callback(id));
    expect(modal.title).toBe(FR.crsForm.title);
    expect(modal.components?.map((c) => c.label)).toEqual([FR.crsForm.age, FR.crsForm.education, FR.crsModal.language, FR.crsForm.years, FR.crsForm.details]);
    const { id: submitted } = fake.modalSubmit(CRS_MODAL_ID, { age: "vingt", education: "masters", language: "8 7 7 7" }, false, "fr");
    const embed = embedsOf(await callback(submitted))[0];
    expect(embed?.title).toBe(FR.checkForm);
    expect(embed?.description?.replace(/\\/g, "")).toBe(FR.inputProblem(FR.crsForm.age, FR.crsForm.wholeNumber));
  });

  it("names the round types it autocompletes in French for a French-speaking user", async () => {
    const { id } = fake.autocomplete("", "subscribe", "type", "fr");
    const choices = dataOf(await callback(id)).choices ?? [];
    expect(choices[0]).toEqual({ name: FR.allRounds, value: "all" });
    expect(choices.find((c) => c.value === "cec")?.name).toBe(`${knowledge.entry("cec")?.labelFr} (${knowledge.entry("cec")?.nameFr})`);
    const { id: english } = fake.autocomplete("", "subscribe", "type", "en-GB");
    expect(dataOf(await callback(english)).choices?.[0]).toEqual({ name: ADAPTER_MESSAGES.en.allRounds, value: "all" });
  });

  it("gives occupations their official French titles in autocomplete for a French-speaking user", async () => {
    const { id } = fake.autocomplete("21231", "noc", "occupation", "fr");
    expect(dataOf(await callback(id)).choices).toEqual([{ name: `21231 ${knowledge.frenchTitle("21231")}`.slice(0, 100), value: "21231" }]);
    const { id: english } = fake.autocomplete("21231", "noc", "occupation", "en-US");
    expect(dataOf(await callback(english)).choices).toEqual([{ name: `21231 ${knowledge.occupations.get("21231")?.title}`.slice(0, 100), value: "21231" }]);
  });

  it("confirms a subscription and refuses one in the language of the person who asked", async () => {
    const refused = await callback(fake.command("subscribe", [], false, "0", "fr").id);
    expect(embedsOf(refused)[0]?.description?.replace(/\\/g, "")).toBe(ANNOUNCE_CATALOG.fr.noPermission);
    const r = await callback(fake.command("subscribe", [{ name: "type", type: 3, value: "cec" }, { name: "max_crs", type: 4, value: 520 }], false, MANAGE_CHANNELS, "fr").id);
    const embed = embedsOf(r)[0];
    expect(embed?.title).toBe(ANNOUNCE_CATALOG.fr.title);
    expect(embed?.description?.replace(/\\/g, "")).toMatch(/^Ce canal recevra un message pour chaque nouveau tirage PEC dont la note de passage est de 520 ou moins\. Le tirage le plus récent que je connaisse est le tirage 430 \(23 juillet 2026/);
    const listed = await callback(fake.command("subscriptions", [], false, "0", "en-US").id);
    expect(embedsOf(listed)[0]?.description).toMatch(/^This channel gets a message for every new CEC round with a cut-off of 520 or less\./);
  });
});

describe("round announcements in a server's language", () => {
  const grown = Knowledge.load(knowledgeFolder(1));
  const round = roundsFromDraws(grown.draws).find((r) => r.id === "431");
  let made = 0;
  // A new id each time: Discord's nonce (made of the subscription and the round) would otherwise take a post for a retry.
  const subscription = (workspaceId: string): Subscription => ({
    id: `sub-${workspaceId}-${(made += 1)}`,
    platform: "discord",
    workspaceId,
    channelId: FAKE.channelId,
    roundType: "all",
    maxCrs: null,
    createdBy: FAKE.userId,
    createdAt: "2026-07-01T00:00:00.000Z",
    disabledAt: null,
    disabledReason: null,
    cursorOrder: 430,
    cursorRound: "430",
  });
  const rest = (): REST => new REST({ api: fake.api, retries: 1, timeout: 5000 }).setToken(FAKE.token);
  const posted = async (sender: DiscordSender, workspaceId: string): Promise<Embed | undefined> => {
    const mark = fake.requests.length;
    if (!round) throw new Error("the fixture has no round 431");
    const result = await sender.send(subscription(workspaceId), round);
    expect(result.ok).toBe(true);
    const post = fake.since(mark).find((x) => x.method === "POST" && x.path === `/channels/${FAKE.channelId}/messages`);
    return post ? embedsOf(post)[0] : undefined;
  };

  it("announces a round in French in a server whose owner chose French", async () => {
    fake.guildLocale = "fr";
    try {
      const embed = await posted(new DiscordSender(rest(), () => grown), FAKE.guildId);
      expect(embed?.title).toBe(ANNOUNCE_CATALOG.fr.newRoundTitle("431"));
      expect(embed?.description?.replace(/\\/g, "")).toMatch(/^IRCC a tenu le tirage 431 le 30 juillet 2026 : Canadian Experience Class\. 6\s000 invitations ; score minimal du SCG des candidats invités : 512\. Par rapport au tirage PEC précédent, le tirage 428/);
      expect(embed?.footer?.text.startsWith(FR.asOf("30 juillet 2026"))).toBe(true);
    } finally {
      fake.guildLocale = "en-US";
    }
  });

  it("announces in English in a server that chose no language, or whose language cannot be read", async () => {
    const english = await posted(new DiscordSender(rest(), () => grown), FAKE.guildId);
    expect(english?.title).toBe("New Express Entry round 431");
    const unknown = await posted(new DiscordSender(rest(), () => grown), "900000000000000999");
    expect(unknown?.title).toBe("New Express Entry round 431");
  });
});

/** A skill that only has a command, with French words when given. */
function commandSkill(name: string, fr: { name: string; description: string } | undefined, options: OptionSpec[] = []): AnySkill {
  return {
    id: `${name}-skill`,
    summary: name,
    requires: [],
    optional: [],
    match: () => null,
    answer: (_params, context) => ({ reply: makeReply(context.knowledge, `${name}-skill`, { title: name, text: name }) }),
    examples: () => [],
    command: { name, description: `Run ${name}`, ...(fr ? { fr } : {}), options, toParams: () => ({ ok: true, params: {} }) },
  };
}

type Localized = { name: string; description: string; name_localizations?: Record<string, string>; description_localizations?: Record<string, string>; options?: Localized[] };

describe("the /ee command's French names and descriptions", () => {
  it("registers French names and descriptions for /ee, the adapter's subcommands and every skill command that has them", async () => {
    const config = readConfig({ DISCORD_TOKEN: FAKE.token, DISCORD_API_BASE: fake.api, DISCORD_GUILD_ID: FAKE.guildId });
    if (!config.ok) throw new Error(config.problems.join("\n"));
    const mark = fake.requests.length;
    await registerCommands(config.config);
    const put = fake.since(mark).find((x) => x.method === "PUT");
    const [ee] = put?.body as Localized[];
    expect(ee?.description_localizations?.fr).toBe(FR.command.description);
    const sub = (name: string) => ee?.options?.find((o) => o.name === name);
    expect(sub("ask")?.name_localizations?.fr).toBe(FR.command.ask.name);
    expect(sub("ask")?.description_localizations?.fr).toBe(FR.command.ask.description);
    expect(sub("ask")?.options?.[0]?.description_localizations?.fr).toBe(FR.command.question.description);
    expect(sub("help")?.name_localizations?.fr).toBe(FR.command.help.name);
    expect(sub("subscribe")?.name_localizations?.fr).toBe(FR.command.subscribe.name);
    expect(sub("subscribe")?.options?.find((o) => o.name === "max_crs")?.name_localizations?.fr).toBe(FR.command.maxCrs.name);
    expect(sub("unsubscribe")?.name_localizations?.fr).toBe(FR.command.unsubscribe.name);
    expect(sub("subscriptions")?.name_localizations?.fr).toBe(FR.command.subscriptions.name);
    for (const skill of defaultRegistry().skills) {
      const spec = skill.command;
      if (!spec) continue;
      // A skill without French words is shown in English: Discord falls back to the command's own name.
      if (spec.fr) expect(sub(spec.name)?.name_localizations?.fr).toBe(spec.fr.name.toLowerCase());
      else expect(sub(spec.name)?.name_localizations?.fr).toBeUndefined();
      for (const option of spec.options) if (option.fr) expect(sub(spec.name)?.options?.find((o) => o.name === option.name)?.description_localizations?.fr).toBe(option.fr.description.slice(0, 100));
    }
    const names = (ee?.options ?? []).map((o) => o.name_localizations?.fr ?? o.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("takes a skill's French words from its command, leaves out a name Discord would refuse or one another subcommand shows, and keeps every limit", () => {
    const registry = new SkillRegistry([
      commandSkill("alpha", { name: "Alpha-fr", description: "Lancer alpha" }, [{ name: "count", description: "How many", fr: { name: "nombre", description: "Combien" }, type: "integer" }]),
      commandSkill("beta", { name: "pas permis", description: "Un nom avec une espace" }),
      commandSkill("gamma", { name: FR.command.help.name, description: "Prend le nom de l'aide" }),
      commandSkill("delta", undefined),
      commandSkill("epsilon", { name: "alpha", description: "Le nom anglais d'une autre commande" }),
    ]);
    const c = eeCommand(knowledge, registry, { subscriptions: true }) as unknown as Localized;
    const sub = (name: string) => c.options?.find((o) => o.name === name);
    expect(sub("alpha")).toMatchObject({ name_localizations: { fr: "alpha-fr" }, description_localizations: { fr: "Lancer alpha" } });
    expect(sub("alpha")?.options?.[0]).toMatchObject({ name: "count", name_localizations: { fr: "nombre" }, description_localizations: { fr: "Combien" } });
    expect(sub("beta")?.name_localizations?.fr).toBeUndefined();
    expect(sub("beta")?.description_localizations?.fr).toBe("Un nom avec une espace");
    expect(sub("gamma")?.name_localizations?.fr).toBeUndefined();
    expect(sub("help")?.name_localizations?.fr).toBe(FR.command.help.name);
    expect(sub("delta")?.name_localizations).toBeUndefined();
    expect(sub("epsilon")?.name_localizations?.fr).toBeUndefined();
    const registered = eeCommand(knowledge, defaultRegistry(), { subscriptions: true }) as unknown as Localized;
    for (const s of registered.options ?? []) {
      expect(s.name_localizations?.fr ?? s.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect((s.description_localizations?.fr ?? s.description).length).toBeLessThanOrEqual(100);
      for (const o of s.options ?? []) {
        expect(o.name_localizations?.fr ?? o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect((o.description_localizations?.fr ?? o.description).length).toBeLessThanOrEqual(100);
      }
    }
  });
});
