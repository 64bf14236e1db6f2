import { webApi } from "@slack/bolt";
import { announcementReply } from "../../announce/messages.js";
import type { AnnounceRound, Sender, SendResult } from "../../announce/schema.js";
import type { Knowledge } from "../../core/knowledge.js";
import type { Subscription } from "../../store/schema.js";
import { renderSlack } from "./render.js";

/** Slack's errors that retrying will not fix: the channel, the bot's membership or the token is gone. */
export const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set(["channel_not_found", "not_in_channel", "is_archived", "account_inactive", "token_revoked"]);

/** What a failed chat.postMessage means for the announcer. */
export function slackFailure(error: unknown): SendResult {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  if (e.code === webApi.ErrorCode.RateLimitedError) return { ok: false, kind: "transient", ...(typeof e.retryAfter === "number" ? { retryAfterMs: e.retryAfter * 1000 } : {}), error: "ratelimited" };
  if (e.code === webApi.ErrorCode.PlatformError) {
    const code = e.data?.error ?? "unknown_error";
    if (PERMANENT_SLACK_ERRORS.has(code)) return { ok: false, kind: "permanent", reason: code };
    return { ok: false, kind: "transient", error: code };
  }
  if (e.code === webApi.ErrorCode.HTTPError) return { ok: false, kind: "transient", error: `Slack HTTP ${e.statusCode ?? "error"}` };
  return { ok: false, kind: "transient", error: e.message ?? String(error) };
}

/** A Web API client for announcements: no retries of its own and 429s handed back, so that the announcer's lease-aware retries decide. */
export function announceClient(token: string, slackApiUrl?: string, timeoutMs = 15_000): webApi.WebClient {
  return new webApi.WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: timeoutMs,
  });
}

/** Posts announcements to Slack channels with chat.postMessage: Block Kit and a plain text fallback. */
export class SlackSender implements Sender {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly knowledge: () => Knowledge,
  ) {}

  /** Posts one round's announcement. */
  async send(subscription: Subscription, round: AnnounceRound): Promise<SendResult> {
    const [payload] = renderSlack(announcementReply(this.knowledge(), round));
    if (!payload) return { ok: false, kind: "transient", error: "empty announcement" };
    try {
      const r = await this.client.chat.postMessage({ channel: subscription.channelId, text: payload.text, blocks: payload.blocks, unfurl_links: false, unfurl_media: false });
      return { ok: true, messageId: r.ts ?? null };
    } catch (error) {
      return slackFailure(error);
    }
  }
}
