import {
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type ClientOptions,
  type Interaction,
  type Message as DiscordMessage,
  type ModalSubmitInteraction,
} from "discord.js";
import type { Knowledge } from "../../core/knowledge.js";
import { coreMessages } from "../../core/messages.js";
import { EeBotError, ErrorCode } from "../../errors.js";
import type { Logger } from "../../log.js";
import { Handling, type AnswerFn, type CommandFn } from "../handling.js";
import { withImages } from "../../charts/attach.js";
import { renderDiscord } from "./render.js";
import { announceMessages } from "../../messages/announce.js";
import { adapterMessages } from "../../messages/adapters.js";
import { inLanguage, langOfLocale, type Lang } from "../../messages/lang.js";
import type { Subscriptions } from "../../announce/subscriptions.js";
import { makeReply } from "../../core/reply.js";
import { roundTypeChoices, SUBSCRIPTION_SUBCOMMANDS } from "./commands.js";
import { CRS_COMMAND } from "../slack/crs-form.js";
import { CRS_MODAL_ID, crsModal, inputLabel, readCrsModal, type CrsModalInput } from "./crs-modal.js";

/** What the adapter needs from the rest of the bot. */
export interface DiscordDeps {
  readonly token: string;
  /** Answers a message; the core router behind a rate limiter. Undefined means "drop quietly". */
  readonly answer: AnswerFn;
  /** Runs a skill's slash command with its options; undefined means "drop quietly". */
  readonly command: CommandFn;
  readonly knowledge: () => Knowledge;
  readonly logger: Logger;
  /** Extra client options: tests point `rest.api` at a local fake; sharding sets `shards`. */
  readonly clientOptions?: Partial<ClientOptions>;
  /** Called when a handler fails, after the user got a polite reply. */
  readonly onError?: (error: unknown) => void;
  /** Channel subscriptions to round announcements; without them the subscription subcommands say so. */
  readonly subscriptions?: Subscriptions;
}

/** State of a platform adapter, for health checks. */
export type AdapterState = "idle" | "connecting" | "ready" | "down" | "stopped";

const AUTOCOMPLETE_LIMIT = 25;
const CHOICE_NAME = 100;

/** Autocomplete choices for an occupation: codes that start with what was typed, else titles close to it; titles in the language being written in. */
export function occupationChoices(knowledge: Knowledge, typed: string): { name: string; value: string }[] {
  const q = typed.trim().slice(0, 100);
  const choice = (code: string, title: string) => ({ name: `${code} ${knowledge.occupationTitle({ code, title })}`.slice(0, CHOICE_NAME), value: code });
  if (q === "") {
    const list = knowledge.listAt("stem") ?? knowledge.kb.categoryLists.find((l) => l.members.length > 0);
    return (list?.members ?? []).slice(0, AUTOCOMPLETE_LIMIT).map((m) => choice(m.code, m.title));
  }
  if (/^\d{1,5}$/.test(q)) {
    return [...knowledge.occupations.values()]
      .filter((o) => o.code.startsWith(q))
      .slice(0, AUTOCOMPLETE_LIMIT)
      .map((o) => choice(o.code, o.title));
  }
  return knowledge.search
    .occupations(q, AUTOCOMPLETE_LIMIT, true)
    .map((h) => knowledge.occupations.get(h.item.code))
    .filter((o) => o !== undefined)
    .map((o) => choice(o.code, o.title));
}

/** Autocomplete choices for a round number: the latest rounds whose number starts with what was typed, types named in the language being written in. */
export function roundChoices(knowledge: Knowledge, typed: string): { name: string; value: string }[] {
  const q = typed.trim().replace(/^#/, "").toLowerCase().slice(0, 10);
  return [...knowledge.draws]
    .reverse()
    .filter((d) => d.round.startsWith(q))
    .slice(0, AUTOCOMPLETE_LIMIT)
    .map((d) => ({ name: `#${d.round} ${d.date ?? ""} ${knowledge.label(d.category)}${d.crs !== null ? ` (${d.crs})` : ""}`.slice(0, CHOICE_NAME), value: d.round }));
}

/** The language of an interaction's own words (forms, refusals, choices): the user's Discord locale, else English. */
export function interactionLang(locale: string | null | undefined): Lang {
  return langOfLocale(locale) ?? "en";
}

// Discord gives every server "en-US" until someone chooses its language: only a chosen one tells anything.
const DEFAULT_GUILD_LOCALE = "en-US";

/** The Discord adapter: slash commands, mentions and DMs, answered through the core router. */
export class DiscordAdapter {
  readonly client: Client;
  private stateValue: AdapterState = "idle";

  private readonly handling: Handling;

  constructor(private readonly deps: DiscordDeps) {
    this.handling = new Handling("discord", deps.logger, deps.answer, deps.onError, deps.command);
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
      // DMs arrive on channels the client has not cached.
      partials: [Partials.Channel],
      allowedMentions: { parse: [], repliedUser: false },
      ...deps.clientOptions,
    });
    this.client.on(Events.MessageCreate, (m) => void this.handling.guard(() => this.onMessage(m)));
    this.client.on(Events.InteractionCreate, (i) => void this.handling.guard(() => this.onInteraction(i)));
    this.client.on(Events.ClientReady, (c) => {
      this.stateValue = "ready";
      deps.logger.info({ platform: "discord", user: c.user.id, guilds: c.guilds.cache.size }, "discord ready");
    });
    this.client.on(Events.ShardDisconnect, () => (this.stateValue = "down"));
    this.client.on(Events.ShardReconnecting, () => (this.stateValue = "connecting"));
    this.client.on(Events.ShardResume, () => (this.stateValue = "ready"));
    this.client.on(Events.Error, (error) => deps.logger.error({ platform: "discord", err: error }, "discord client error"));
  }

  /** The adapter's state. */
  get state(): AdapterState {
    return this.stateValue;
  }

  /** Replies being sent now. */
  get pending(): number {
    return this.handling.pending;
  }

  /** Logs in and resolves when the client is ready. */
  async start(): Promise<void> {
    this.stateValue = "connecting";
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    try {
      await this.client.login(this.deps.token);
    } catch (cause) {
      this.stateValue = "down";
      throw new EeBotError(ErrorCode.AdapterFailed, `Discord login failed: ${(cause as Error).message}`, { cause });
    }
    await ready;
  }

  /** Disconnects. */
  async stop(): Promise<void> {
    this.stateValue = "stopped";
    await this.client.destroy();
  }


  private async onMessage(message: DiscordMessage): Promise<void> {
    const me = this.client.user;
    if (!me || message.author.bot || message.author.id === me.id || message.system) return;
    const isDm = message.channel.type === ChannelType.DM || !message.inGuild();
    // Only a direct mention counts: not @everyone, @here or a role the bot holds.
    if (!isDm && !message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true })) return;
    const started = performance.now();
    // A message carries no user locale: its text tells the language, else the server's chosen one.
    const guildLocale = message.guild?.preferredLocale;
    const reply = await this.handling.answer({
      text: message.content,
      user: message.author.id,
      conversation: `${message.channelId}:${message.author.id}`,
      platform: "discord",
      ...(guildLocale && guildLocale !== DEFAULT_GUILD_LOCALE ? { locale: guildLocale } : {}),
    });
    if (!reply) return;
    const [first, ...rest] = renderDiscord(await withImages(reply));
    if (!first) return;
    await message.reply({ ...first, failIfNotExists: false });
    for (const payload of rest) {
      if (message.channel.isSendable()) await message.channel.send(payload);
    }
    this.handling.sent(reply, started, isDm ? "dm" : "mention");
  }

  private async onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return this.onAutocomplete(interaction);
    if (interaction.isChatInputCommand() && interaction.commandName === "ee") return this.onCommand(interaction);
    if (interaction.isModalSubmit() && interaction.customId === CRS_MODAL_ID) return this.onCrsModal(interaction);
  }

  private async onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const knowledge = this.deps.knowledge();
    const sub = interaction.options.getSubcommand(false);
    const choices = inLanguage(interactionLang(interaction.locale), () =>
      focused.name === "type" && (sub === "subscribe" || sub === "unsubscribe")
        ? roundTypeChoices(knowledge, String(focused.value))
        : focused.name === "occupation" ? occupationChoices(knowledge, String(focused.value)) : focused.name === "round" ? roundChoices(knowledge, String(focused.value)) : [],
    );
    await interaction.respond(choices);
  }

  private async onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const started = performance.now();
    const sub = interaction.options.getSubcommand(false) ?? "help";
    if ((SUBSCRIPTION_SUBCOMMANDS as readonly string[]).includes(sub)) return this.onSubscription(interaction, sub, started);
    const lang = interactionLang(interaction.locale);
    const who = { user: interaction.user.id, conversation: `${interaction.channelId ?? `dm-${interaction.user.id}`}:${interaction.user.id}`, platform: "discord" as const, locale: interaction.locale };
    const values: Record<string, string | number | boolean> = {};
    for (const o of interaction.options.data.flatMap((d) => d.options ?? [])) if (o.value !== undefined) values[o.name] = o.value;
    // "/ee crs" without options opens the CRS form; its submission is answered in onCrsModal.
    if (sub === CRS_COMMAND && Object.keys(values).length === 0) {
      await interaction.showModal(inLanguage(lang, () => crsModal(this.deps.knowledge())));
      this.deps.logger.debug({ platform: "discord", via: "slash:crs", ms: Math.round((performance.now() - started) * 100) / 100 }, "CRS form opened");
      return;
    }
    const reply =
      sub === "ask" || sub === "help"
        ? await this.handling.answer({ ...who, text: sub === "ask" ? String(values.question ?? "") : inLanguage(lang, () => adapterMessages().helpQuestion) })
        : await this.handling.command(sub, values, who);
    if (!reply) {
      await interaction.reply({ content: inLanguage(lang, () => coreMessages().rateLimited), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    // Answers are computed in well under a millisecond; a chart takes longer to draw, so its reply is deferred first.
    const flags = reply.userError ? MessageFlags.Ephemeral : undefined;
    if (reply.chart && !interaction.deferred && !interaction.replied) await interaction.deferReply(flags ? { flags } : {});
    const [first, ...rest] = renderDiscord(await withImages(reply));
    if (!first) return;
    if (interaction.deferred) await interaction.editReply(first);
    else await interaction.reply({ ...first, ...(flags ? { flags } : {}) });
    for (const payload of rest) await interaction.followUp({ ...payload, ...(flags ? { flags } : {}) });
    this.handling.sent(reply, started, `slash:${sub}`);
  }

  // The form's answer is for the asker alone, as the form was.
  private async onCrsModal(interaction: ModalSubmitInteraction): Promise<void> {
    const started = performance.now();
    const knowledge = this.deps.knowledge();
    const value = (id: CrsModalInput): string => {
      try {
        return interaction.fields.getTextInputValue(id);
      } catch {
        return "";
      }
    };
    const lang = interactionLang(interaction.locale);
    const read = inLanguage(lang, () => readCrsModal(value));
    const who = { user: interaction.user.id, conversation: `${interaction.channelId ?? `dm-${interaction.user.id}`}:${interaction.user.id}`, platform: "discord" as const, locale: interaction.locale };
    const reply = read.ok
      ? await this.handling.command(CRS_COMMAND, read.value, who)
      : inLanguage(lang, () => {
          const t = adapterMessages();
          return makeReply(knowledge, CRS_COMMAND, { title: t.checkForm, text: read.error.map((e) => t.inputProblem(inputLabel(e), e.message)).join(" "), userError: true });
        });
    if (!reply) {
      await interaction.reply({ content: inLanguage(lang, () => coreMessages().rateLimited), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    const [first, ...rest] = renderDiscord(reply);
    if (!first) return;
    await interaction.reply({ ...first, flags: MessageFlags.Ephemeral });
    for (const payload of rest) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    this.handling.sent(reply, started, "discord:crs-modal");
  }

  // Subscriptions belong to a server channel; changing them needs Manage Channels or Manage Server, checked here on
  // every call: the command's default member permissions would apply to all of /ee, questions included. The replies
  // are in the language of the person who asked.
  private onSubscription(interaction: ChatInputCommandInteraction, sub: string, started: number): Promise<void> {
    return inLanguage(interactionLang(interaction.locale), () => this.changeSubscription(interaction, sub, started));
  }

  private async changeSubscription(interaction: ChatInputCommandInteraction, sub: string, started: number): Promise<void> {
    const knowledge = this.deps.knowledge();
    const t = announceMessages();
    const refuse = async (text: string): Promise<void> => {
      const [payload] = renderDiscord(makeReply(knowledge, sub, { title: t.title, text, userError: true }));
      if (payload) await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
    };
    const service = this.deps.subscriptions;
    if (!service) return refuse(t.unavailable);
    const guildId = interaction.guildId;
    if (!interaction.inGuild() || guildId === null) return refuse(t.notInServer);
    const where = { platform: "discord" as const, workspaceId: guildId, channelId: interaction.channelId, userId: interaction.user.id };
    if (sub !== "subscriptions" && !interaction.memberPermissions?.any([PermissionFlagsBits.ManageChannels, PermissionFlagsBits.ManageGuild])) {
      this.deps.logger.info({ platform: "discord", command: sub, guild: guildId }, "subscription change refused: missing permission");
      return refuse(t.noPermission);
    }
    const type = interaction.options.getString("type") ?? undefined;
    const reply =
      sub === "subscribe"
        ? await service.subscribe(where, type, interaction.options.getInteger("max_crs") ?? undefined)
        : sub === "unsubscribe"
          ? await service.unsubscribe(where, type)
          : await service.list(where, (id) => `<#${id}>`);
    const [first] = renderDiscord(reply);
    if (!first) return;
    await interaction.reply({ ...first, ...(reply.userError ? { flags: MessageFlags.Ephemeral } : {}) });
    this.handling.sent(reply, started, `slash:${sub}`);
  }


}
