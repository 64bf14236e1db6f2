import type { Redis } from "ioredis";
import type { Logger } from "../log.js";
import type { Pool } from "pg";
import { Degraded } from "./degraded.js";

/** Slack retries an event it saw no answer to after about 0 s, 1 min and 5 min: a claim outlives the last retry. */
export const EVENT_CLAIM_TTL_MS = 15 * 60_000;

/** The right to handle one platform event, taken once across every process that shares the claims. */
export interface EventClaims {
  /** True for the first claim of an id (within the claim's lifetime); false for every later one, in any process. */
  claim(id: string): Promise<boolean>;
}

/** Claims in this process's memory: bounded by count and by time. */
export class MemoryEventClaims implements EventClaims {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly max = 5000,
    private readonly ttlMs = EVENT_CLAIM_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(id: string): Promise<boolean> {
    return this.claimNow(id);
  }

  /** The same claim, synchronously. */
  claimNow(id: string): boolean {
    const t = this.now();
    const at = this.seen.get(id);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, t);
    // Insertion order is age order: the oldest claim goes first.
    while (this.seen.size > this.max) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return true;
  }
}

/** Claims in Redis: one SET NX with an expiry, atomic across processes. */
export class RedisEventClaims implements EventClaims {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly owner: string,
    private readonly ttlMs = EVENT_CLAIM_TTL_MS,
  ) {}

  async claim(id: string): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}event:${id}`, this.owner, "PX", this.ttlMs, "NX")) === "OK";
  }
}

/**
 * Claims in the store's key-value table on PostgreSQL: one insert that only an absent or expired key lets through.
 * The pool is the shared state's own, whose sessions commit without waiting for the disk (see openSharedState).
 */
export class PostgresEventClaims implements EventClaims {
  constructor(
    private readonly pool: Pick<Pool, "query">,
    private readonly owner: string,
    private readonly ttlMs = EVENT_CLAIM_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(id: string): Promise<boolean> {
    const t = this.now();
    const r = await this.pool.query({
      name: "ee-claim",
      text: "insert into kv (key, value, expires_at) values ($1, $2, $3) on conflict (key) do update set value = excluded.value, expires_at = excluded.expires_at where kv.expires_at <= $4 returning key",
      values: [`event:${id}`, this.owner, new Date(t + this.ttlMs).toISOString(), new Date(t).toISOString()],
    });
    return (r.rowCount ?? 0) > 0;
  }
}

/**
 * Shared claims with this process's memory behind them: when the server does not answer, the event is claimed here
 * (answered once by this process; a retry reaching another process during the outage may be answered again).
 */
export class FallbackEventClaims implements EventClaims {
  private readonly degraded: Degraded;

  constructor(
    private readonly shared: EventClaims,
    private readonly local: MemoryEventClaims,
    logger: Logger,
  ) {
    this.degraded = new Degraded(logger, "event de-duplication");
  }

  async claim(id: string): Promise<boolean> {
    try {
      return await this.shared.claim(id);
    } catch (err) {
      this.degraded.report(err);
      return this.local.claimNow(id);
    }
  }
}
