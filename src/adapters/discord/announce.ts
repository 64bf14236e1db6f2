import { createHash } from "node:crypto";
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes, Routes, type REST } from "discord.js";
import { announcementReply } from "../../announce/messages.js";
import type { AnnounceRound, Sender, SendResult } from "../../announce/schema.js";
import type { Knowledge } from "../../core/knowledge.js";
import type { Subscription } from "../../store/schema.js";
import { renderDiscord } from "./render.js";

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

/** Posts announcements to Discord channels through a discord.js REST client (which waits out 429s and keeps to the rate limits). */
export class DiscordSender implements Sender {
  constructor(
    private readonly rest: REST,
    private readonly knowledge: () => Knowledge,
  ) {}

  /** Posts one round's announcement as an embed, mentions never parsed. */
  async send(subscription: Subscription, round: AnnounceRound): Promise<SendResult> {
    const [payload] = renderDiscord(announcementReply(this.knowledge(), round));
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
