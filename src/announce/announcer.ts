import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { setTimeout as delay } from "node:timers/promises";
import pLimit from "p-limit";
import { silentLogger, type Logger } from "../log.js";
import type { Platform, Store, Subscription } from "../store/schema.js";
import type { AnnounceRound, Sender, SendResult } from "./schema.js";

/** How the announcer works; only store and senders are required. */
export interface AnnouncerOptions {
  readonly store: Store;
  /** One sender per platform; subscriptions of a platform without one wait. */
  readonly senders: Partial<Record<Platform, Sender>>;
  readonly log?: Logger;
  /** This process's name in claims, unique to it (default host:pid:random). */
  readonly owner?: string;
  /** How long a claim keeps other processes off a delivery; longer than a send with its retries (default 120 s). */
  readonly leaseMs?: number;
  /** Sends tried per delivery in one run before leaving it to the next run (default 5). */
  readonly maxAttempts?: number;
  /** First wait after a transient failure, doubled each time up to maxBackoffMs (defaults 1 s and 60 s). */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Subscriptions served at once per platform (default 4). */
  readonly concurrency?: Partial<Record<Platform, number>>;
  /** How to wait (default a timer). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** One delivery made in a run. */
export interface SentDelivery {
  readonly subscriptionId: string;
  readonly roundId: string;
  readonly messageId: string | null;
}

/** One delivery that failed in a run. */
export interface FailedDelivery {
  readonly subscriptionId: string;
  readonly roundId: string;
  readonly error: string;
  readonly permanent: boolean;
}

/** What one run did. */
export interface AnnounceReport {
  readonly sent: SentDelivery[];
  readonly failed: FailedDelivery[];
  /** Rounds a subscription's filter left out (its cursor moved past them). */
  readonly filteredOut: number;
  /** Subscriptions seen for the first time with no cursor: set to the latest round, nothing announced. */
  readonly initialised: number;
  /** Deliveries another process holds: run again after the lease to pick up any it abandoned. */
  readonly heldByOthers: number;
  /** Subscriptions of platforms that have no sender here. */
  readonly noSender: number;
}

/** Whether a subscription's filter wants a round; a round of unknown cut-off passes a score filter. */
export function wantsRound(subscription: Subscription, round: AnnounceRound): boolean {
  if (subscription.roundType !== "all" && round.typeId !== subscription.roundType) return false;
  if (subscription.maxCrs !== null && round.crs !== null && round.crs > subscription.maxCrs) return false;
  return true;
}

type Tally = { -readonly [K in keyof AnnounceReport]: AnnounceReport[K] };

type Delivered = { kind: "sent" | "already-sent" } | { kind: "stop" };

/** Announces new rounds to subscriptions, each (subscription, round) once, across restarts and processes. */
export class Announcer {
  readonly owner: string;
  readonly #store: Store;
  readonly #senders: Partial<Record<Platform, Sender>>;
  readonly #log: Logger;
  readonly #leaseMs: number;
  readonly #maxAttempts: number;
  readonly #backoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #limits: Record<Platform, ReturnType<typeof pLimit>>;
  readonly #sleep: (ms: number) => Promise<void>;
  #previous: Promise<unknown> = Promise.resolve();

  constructor(options: AnnouncerOptions) {
    this.#store = options.store;
    this.#senders = options.senders;
    this.#log = options.log ?? silentLogger();
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.#leaseMs = options.leaseMs ?? 120_000;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#backoffMs = options.backoffMs ?? 1000;
    this.#maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.#sleep = options.sleep ?? ((ms) => delay(ms));
    this.#limits = { discord: pLimit(options.concurrency?.discord ?? 4), slack: pLimit(options.concurrency?.slack ?? 4) };
  }

  /** Sends every subscription the given rounds newer than its cursor that its filter wants, in round order. */
  announce(rounds: readonly AnnounceRound[]): Promise<AnnounceReport> {
    // Runs of one announcer share its owner name, and an owner may take back its own claims (to retry), so two
    // runs at once could both send the same delivery: each run waits for the one before.
    const run = this.#previous.then(() => this.#run(rounds));
    this.#previous = run.catch(() => undefined);
    return run;
  }

  async #run(rounds: readonly AnnounceRound[]): Promise<AnnounceReport> {
    const byId = new Map(rounds.map((r) => [r.id, r]));
    const ordered = [...byId.values()].sort((a, b) => a.order - b.order);
    const report: Tally = { sent: [], failed: [], filteredOut: 0, initialised: 0, heldByOthers: 0, noSender: 0 };
    const latest = ordered.at(-1);
    if (latest === undefined) return report;
    const subscriptions = await this.#store.listSubscriptions();
    await Promise.all(
      subscriptions.map((sub) => {
        const sender = this.#senders[sub.platform];
        if (!sender) {
          report.noSender += 1;
          return undefined;
        }
        return this.#limits[sub.platform](() => this.#serve(sub, ordered, latest, sender, report));
      }),
    );
    return report;
  }

  async #serve(sub: Subscription, rounds: readonly AnnounceRound[], latest: AnnounceRound, sender: Sender, report: Tally): Promise<void> {
    if (sub.cursorOrder === null) {
      // Not seen before and created without a start: history is not news.
      await this.#store.advanceCursor(sub.id, latest.id, latest.order);
      report.initialised += 1;
      return;
    }
    const cursor = sub.cursorOrder;
    for (const round of rounds) {
      if (round.order <= cursor) continue;
      if (!wantsRound(sub, round)) {
        report.filteredOut += 1;
        await this.#store.advanceCursor(sub.id, round.id, round.order);
        continue;
      }
      const done = await this.#deliver(sub, round, sender, report);
      // Later rounds wait for this one, so that a channel always reads rounds in order.
      if (done.kind === "stop") return;
      await this.#store.advanceCursor(sub.id, round.id, round.order);
    }
  }

  async #deliver(sub: Subscription, round: AnnounceRound, sender: Sender, report: Tally): Promise<Delivered> {
    const where = { subscriptionId: sub.id, platform: sub.platform, channelId: sub.channelId, roundId: round.id };
    for (let tries = 1; ; tries += 1) {
      const claim = await this.#store.claimDelivery(sub.id, round.id, this.owner, this.#leaseMs);
      if (claim.status === "already-sent") return { kind: "already-sent" };
      if (claim.status === "held-by-other") {
        report.heldByOthers += 1;
        return { kind: "stop" };
      }
      if (claim.status === "given-up" || claim.status === "no-subscription") return { kind: "stop" };

      const result = await this.#send(sender, sub, round);
      if (result.ok) {
        await this.#store.markSent(sub.id, round.id, result.messageId);
        report.sent.push({ subscriptionId: sub.id, roundId: round.id, messageId: result.messageId });
        this.#log.info({ ...where, messageId: result.messageId }, "round announced");
        return { kind: "sent" };
      }
      if (result.kind === "permanent") {
        await this.#store.markFailed(sub.id, round.id, result.reason, true, this.owner);
        await this.#store.disableSubscription(sub.id, result.reason);
        report.failed.push({ subscriptionId: sub.id, roundId: round.id, error: result.reason, permanent: true });
        this.#log.warn({ ...where, reason: result.reason }, "subscription disabled: the platform refused the announcement for good");
        return { kind: "stop" };
      }
      const error = result.error ?? "transient failure";
      await this.#store.markFailed(sub.id, round.id, error, false, this.owner);
      if (tries >= this.#maxAttempts) {
        report.failed.push({ subscriptionId: sub.id, roundId: round.id, error, permanent: false });
        this.#log.warn({ ...where, error, tries }, "announcement still failing: left for the next run");
        return { kind: "stop" };
      }
      const wait = result.retryAfterMs ?? Math.min(this.#maxBackoffMs, this.#backoffMs * 2 ** (tries - 1));
      this.#log.debug({ ...where, error, wait }, "announcement failed; retrying");
      await this.#sleep(wait);
    }
  }

  async #send(sender: Sender, sub: Subscription, round: AnnounceRound): Promise<SendResult> {
    try {
      return await sender.send(sub, round);
    } catch (e) {
      // A sender that throws broke its contract; treat it as transient so that a bug does not disable channels.
      this.#log.error({ err: e, subscriptionId: sub.id, roundId: round.id }, "sender threw");
      return { ok: false, kind: "transient", error: e instanceof Error ? e.message : String(e) };
    }
  }
}
