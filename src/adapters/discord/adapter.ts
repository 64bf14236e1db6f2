import {
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type ClientOptions,
  type Interaction,
  type Message as DiscordMessage,
} from "discord.js";
import type { Knowledge } from "../../core/knowledge.js";
import { MESSAGES } from "../../core/messages.js";
import type { Message, Reply } from "../../core/types.js";
import { EeBotError, ErrorCode } from "../../errors.js";
import type { Logger } from "../../log.js";
import { Handling } from "../handling.js";
import { questionFor } from "./commands.js";
import { renderDiscord } from "./render.js";

/** What the adapter needs from the rest of the bot. */
export interface DiscordDeps {
  readonly token: string;
  /** Answers a message; the core router behind a rate limiter. Undefined means "drop quietly". */
  readonly answer: (message: Message) => Reply | undefined;
  readonly knowledge: () => Knowledge;
  readonly logger: Logger;
  /** Extra client options: tests point `rest.api` at a local fake; sharding sets `shards`. */
  readonly clientOptions?: Partial<ClientOptions>;
  /** Called when a handler fails, after the user got a polite reply. */
  readonly onError?: (error: unknown) => void;
}

/** State of a platform adapter, for health checks. */
export type AdapterState = "idle" | "connecting" | "ready" | "down" | "stopped";

const AUTOCOMPLETE_LIMIT = 25;
const CHOICE_NAME = 100;

/** Autocomplete choices for an occupation: codes that start with what was typed, else titles close to it. */
export function occupationChoices(knowledge: Knowledge, typed: string): { name: string; value: string }[] {
  const q = typed.trim().slice(0, 100);
  const choice = (code: string, title: string) => ({ name: `${code} ${title}`.slice(0, CHOICE_NAME), value: code });
  if (q === "") {
    const list = knowledge.kb.categoryLists.find((l) => l.rounds.length > 0) ?? knowledge.kb.categoryLists[0];
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

/** The Discord adapter: slash commands, mentions and DMs, answered through the core router. */
export class DiscordAdapter {
  readonly client: Client;
  private stateValue: AdapterState = "idle";

  private readonly handling: Handling;

  constructor(private readonly deps: DiscordDeps) {
    this.handling = new Handling("discord", deps.logger, deps.answer, deps.onError);
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
    const reply = this.handling.answer({
      text: message.content,
      user: message.author.id,
      conversation: `${message.channelId}:${message.author.id}`,
      platform: "discord",
    });
    if (!reply) return;
    const [first, ...rest] = renderDiscord(reply);
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
  }

  private async onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const choices = focused.name === "occupation" ? occupationChoices(this.deps.knowledge(), String(focused.value)) : [];
    await interaction.respond(choices);
  }

  private async onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const started = performance.now();
    const sub = interaction.options.getSubcommand(false) ?? "help";
    const text = questionFor(sub, {
      get: (name) => {
        const o = interaction.options.get(name);
        return o?.value === undefined ? null : (o.value as string | number);
      },
    });
    const reply = this.handling.answer({
      text,
      user: interaction.user.id,
      conversation: `${interaction.channelId ?? `dm-${interaction.user.id}`}:${interaction.user.id}`,
      platform: "discord",
    });
    if (!reply) {
      await interaction.reply({ content: MESSAGES.rateLimited, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    const [first, ...rest] = renderDiscord(reply);
    if (!first) return;
    // Answers are computed in process in well under a millisecond, so the reply goes out at once;
    // deferring only matters when the answer is not ready yet.
    const flags = reply.userError ? MessageFlags.Ephemeral : undefined;
    if (interaction.deferred) await interaction.editReply(first);
    else await interaction.reply({ ...first, ...(flags ? { flags } : {}) });
    for (const payload of rest) await interaction.followUp({ ...payload, ...(flags ? { flags } : {}) });
    this.handling.sent(reply, started, `slash:${sub}`);
  }


}
