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

/** The Web API client that posts to a workspace: the one bot token's, or its installation's; undefined when it has none. */
export type WorkspaceClient = (workspaceId: string) => Promise<webApi.WebClient | undefined>;

/** Every workspace posted to with one client (one SLACK_BOT_TOKEN). */
export function oneWorkspace(client: webApi.WebClient): WorkspaceClient {
  return async () => client;
}

/**
 * Each workspace posted to with the bot token of its installation (Add to Slack). Clients are kept per token, so a
 * reinstalled workspace's new token gets a new client; at most `max` are kept.
 */
export function installedWorkspaces(find: (teamId: string) => Promise<{ botToken: string } | undefined>, slackApiUrl?: string, max = 1000): WorkspaceClient {
  const clients = new Map<string, webApi.WebClient>();
  return async (workspaceId) => {
    const installation = await find(workspaceId);
    if (!installation) return undefined;
    let client = clients.get(installation.botToken);
    if (!client) {
      client = announceClient(installation.botToken, slackApiUrl);
      clients.set(installation.botToken, client);
      if (clients.size > max) clients.delete(clients.keys().next().value ?? "");
    }
    return client;
  };
}

/** Posts announcements to Slack channels with chat.postMessage, each workspace with its own token: Block Kit and a plain text fallback. */
export class SlackSender implements Sender {
  private readonly clientFor: WorkspaceClient;

  constructor(
    client: webApi.WebClient | WorkspaceClient,
    private readonly knowledge: () => Knowledge,
  ) {
    this.clientFor = typeof client === "function" ? client : oneWorkspace(client);
  }

  /** Posts one round's announcement. */
  async send(subscription: Subscription, round: AnnounceRound): Promise<SendResult> {
    const [payload] = renderSlack(announcementReply(this.knowledge(), round));
    if (!payload) return { ok: false, kind: "transient", error: "empty announcement" };
    let client: webApi.WebClient | undefined;
    try {
      client = await this.clientFor(subscription.workspaceId);
    } catch (error) {
      return { ok: false, kind: "transient", error: `cannot read the workspace's installation: ${(error as Error).message}` };
    }
    // A workspace that removed the app while this process did not hear of it: nothing to post with, ever again.
    if (!client) return { ok: false, kind: "permanent", reason: "not_installed" };
    try {
      const r = await client.chat.postMessage({ channel: subscription.channelId, text: payload.text, blocks: payload.blocks, unfurl_links: false, unfurl_media: false });
      return { ok: true, messageId: r.ts ?? null };
    } catch (error) {
      return slackFailure(error);
    }
  }
}
