import { createHash } from "node:crypto";
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes, Routes, type REST } from "discord.js";
import { announcementReply } from "../../announce/messages.js";
import type { AnnounceRound, Sender, SendResult } from "../../announce/schema.js";
import type { Knowledge } from "../../core/knowledge.js";
import { inLanguage, langOfLocale, type Lang } from "../../messages/lang.js";
import { Memo } from "../../memo.js";
import type { Subscription } from "../../store/schema.js";
import { renderDiscord } from "./render.js";

// A server's language changes rarely: asked once an hour at most, for as many servers as a bot is in.
const GUILD_LANG_TTL_MS = 60 * 60 * 1000;
const GUILD_LANG_LIMIT = 10_000;

// Discord's answers that mean the bot will never be able to post in the channel again as things stand.
const PERMANENT: ReadonlyMap<number, string> = new Map([
  [RESTJSONErrorCodes.UnknownChannel, "Unknown Channel"],
  [RESTJSONErrorCodes.MissingAccess, "Missing Access"],
  [RESTJSONErrorCodes.MissingPermissions, "Missing Permissions"],
]);

/** Discord's nonce for one delivery (at most 25 characters): a post retried after a lost answer is not made twice. */
export function deliveryNonce(subscriptionId: string, roundId: string): string {
  return createHash("sha256").update(`${subscriptionId}/${roundId}`).digest("base64url").slice(0, 25);
}

/** What a failed post means for the announcer: permanent for a channel gone or closed to the bot, transient otherwise. */
export function discordFailure(error: unknown): SendResult {
  if (error instanceof RateLimitError) return { ok: false, kind: "transient", retryAfterMs: error.retryAfter, error: `rate limited on ${error.route}` };
  if (error instanceof DiscordAPIError) {
    const reason = typeof error.code === "number" ? PERMANENT.get(error.code) : undefined;
    if (reason) return { ok: false, kind: "permanent", reason };
    return { ok: false, kind: "transient", error: `Discord ${error.status} ${String(error.code)}: ${error.message}` };
  }
  if (error instanceof HTTPError) return { ok: false, kind: "transient", error: `Discord ${error.status}: ${error.message}` };
  // Timeouts (AbortError) and network failures.
  return { ok: false, kind: "transient", error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/**
 * Posts announcements to Discord channels through a discord.js REST client (which waits out 429s and keeps to the
 * rate limits), each in its server's language: French for a server whose owner chose French, English otherwise.
 */
export class DiscordSender implements Sender {
  private readonly langs = new Memo<string, Promise<Lang>>(GUILD_LANG_LIMIT, GUILD_LANG_TTL_MS);

  constructor(
    private readonly rest: REST,
    private readonly knowledge: () => Knowledge,
  ) {}

  /** The language a server chose (its preferred locale); English when it chose none ee-bot speaks or cannot be read. */
  guildLang(guildId: string): Promise<Lang> {
    return this.langs.get(guildId, async () => {
      try {
        const guild = (await this.rest.get(Routes.guild(guildId))) as { preferred_locale?: string };
        return langOfLocale(guild.preferred_locale) ?? "en";
      } catch {
        // Not knowing the server's language is no reason to miss the round: it is announced in English.
        return "en";
      }
    });
  }

  /** Posts one round's announcement as an embed, mentions never parsed. */
  async send(subscription: Subscription, round: AnnounceRound): Promise<SendResult> {
    const lang = await this.guildLang(subscription.workspaceId);
    const [payload] = renderDiscord(inLanguage(lang, () => announcementReply(this.knowledge(), round)));
    if (!payload) return { ok: false, kind: "transient", error: "empty announcement" };
    try {
      const message = (await this.rest.post(Routes.channelMessages(subscription.channelId), {
        body: { embeds: payload.embeds, allowed_mentions: { parse: [] }, nonce: deliveryNonce(subscription.id, round.id), enforce_nonce: true },
      })) as { id?: string };
      return { ok: true, messageId: message.id ?? null };
    } catch (error) {
      return discordFailure(error);
    }
  }
}
