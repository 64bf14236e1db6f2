import type { Knowledge } from "../core/knowledge.js";
import { makeReply } from "../core/reply.js";
import type { Reply } from "../core/types.js";
import type { Logger } from "../log.js";
import type { Platform, Store, Subscription } from "../store/schema.js";
import { announceMessages } from "../messages/announce.js";
import { readRoundType, subscribedReply, subscriptionsReply, unsubscribedReply } from "./messages.js";

/** The channel a subscription command came from, and who ran it. */
export interface ChannelRef {
  readonly platform: Platform;
  /** Discord guild id or Slack team id. */
  readonly workspaceId: string;
  readonly channelId: string;
  readonly userId: string;
}

/** The type and score a person typed after "subscribe": words naming a round type, and a number for the cut-off. */
export function readSubscribeWords(text: string): { type?: string; maxCrs?: number } {
  const words = text.trim().split(/\s+/).filter((w) => w !== "");
  const out: { type?: string; maxCrs?: number } = {};
  const rest: string[] = [];
  for (const w of words) {
    const pair = /^(type|max_crs|max-crs|max|crs|scg_max|scg):(.+)$/i.exec(w);
    if (pair?.[1] && pair[2]) {
      if (pair[1].toLowerCase() === "type") out.type = pair[2];
      else if (/^\d+$/.test(pair[2])) out.maxCrs = Number(pair[2]);
    } else if (/^\d+$/.test(w)) out.maxCrs = Number(w);
    else if (!/^(?:max|crs|cut-?off|under|below|or|less|at|most)$/i.test(w)) rest.push(w);
  }
  if (rest.length > 0) out.type = rest.join(" ");
  return out;
}

/** Subscribing channels to round announcements, platform-neutral: each call returns the reply to show, in the language being written in. */
export class Subscriptions {
  constructor(
    private readonly store: Store,
    private readonly knowledge: () => Knowledge,
    private readonly log: Logger,
  ) {}

  /** Subscribes a channel to rounds of a type (all when unset) under a cut-off (any when unset); one subscription per channel and type. */
  async subscribe(where: ChannelRef, type: string | undefined, maxCrs: number | undefined): Promise<Reply> {
    const knowledge = this.knowledge();
    const filter = readRoundType(knowledge, type);
    if (!filter.ok) return makeReply(knowledge, "subscribe", { title: announceMessages().title, text: filter.error, userError: true });
    if (maxCrs !== undefined && (!Number.isInteger(maxCrs) || maxCrs < 0)) {
      return makeReply(knowledge, "subscribe", { title: announceMessages().title, text: announceMessages().notAScore(String(maxCrs)), userError: true });
    }
    return this.guard(knowledge, "subscribe", async () => {
      const outcome = await this.store.addSubscription({
        platform: where.platform,
        workspaceId: where.workspaceId,
        channelId: where.channelId,
        roundType: filter.value,
        maxCrs: maxCrs ?? null,
        createdBy: where.userId,
        startAfterOrder: knowledge.latestDraw()?.order ?? null,
      });
      // One subscription per channel and type: a new cut-off replaces the old one rather than doubling the messages.
      const mine = await this.channel(where);
      const replaced = mine.filter((s) => s.id !== outcome.subscription.id && s.roundType === filter.value);
      for (const r of replaced) await this.store.removeSubscription(r.id);
      const others = mine.filter((s) => s.id !== outcome.subscription.id && s.roundType !== filter.value && s.disabledAt === null);
      this.log.info({ platform: where.platform, channelId: where.channelId, subscriptionId: outcome.subscription.id, status: outcome.status, roundType: filter.value, maxCrs: maxCrs ?? null }, "channel subscribed");
      return subscribedReply(knowledge, outcome, replaced, others);
    });
  }

  /** Removes a channel's subscriptions of one type, or all of them when no type is given. */
  async unsubscribe(where: ChannelRef, type: string | undefined): Promise<Reply> {
    const knowledge = this.knowledge();
    let roundType: string | undefined;
    if (type !== undefined && type.trim() !== "") {
      const filter = readRoundType(knowledge, type);
      if (!filter.ok) return makeReply(knowledge, "unsubscribe", { title: announceMessages().title, text: filter.error, userError: true });
      roundType = filter.value;
    }
    return this.guard(knowledge, "unsubscribe", async () => {
      const mine = await this.channel(where);
      const removed = roundType === undefined ? mine : mine.filter((s) => s.roundType === roundType);
      for (const s of removed) await this.store.removeSubscription(s.id);
      this.log.info({ platform: where.platform, channelId: where.channelId, removed: removed.length }, "channel unsubscribed");
      return unsubscribedReply(knowledge, removed, roundType, mine.filter((s) => !removed.includes(s)));
    });
  }

  /** Lists the subscriptions of the channel's server or workspace, this channel's first. */
  async list(where: Omit<ChannelRef, "channelId"> & { readonly channelId: string | null }, channelLabel: (id: string) => string): Promise<Reply> {
    const knowledge = this.knowledge();
    return this.guard(knowledge, "subscriptions", async () => {
      const all = await this.ofWorkspace(where.platform, where.workspaceId);
      return subscriptionsReply(knowledge, where.channelId, all, channelLabel);
    });
  }

  /** Every subscription of a server or workspace, disabled ones included. */
  ofWorkspace(platform: Platform, workspaceId: string): Promise<Subscription[]> {
    return this.store.listSubscriptions({ platform, workspaceId, includeDisabled: true });
  }

  private channel(where: ChannelRef): Promise<Subscription[]> {
    return this.store.listSubscriptions({ platform: where.platform, channelId: where.channelId, includeDisabled: true });
  }

  // A database that does not answer is told to the person in words; the error goes to the log.
  private async guard(knowledge: Knowledge, intent: string, work: () => Promise<Reply>): Promise<Reply> {
    try {
      return await work();
    } catch (err) {
      this.log.error({ err, intent }, "subscription change failed");
      return makeReply(knowledge, intent, { title: announceMessages().title, text: announceMessages().storeFailed, userError: true });
    }
  }
}
