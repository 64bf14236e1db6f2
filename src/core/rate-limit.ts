import { LRUCache } from "lru-cache";

/** What to do with a message under the rate limit. */
export type RateDecision = "allow" | "notify" | "drop";

/** Limits of the per-user rate limiter. */
export interface RateLimits {
  /** Messages a user may send in one window. */
  readonly messages: number;
  readonly windowMs: number;
  /** Users tracked at most; the least recently seen are forgotten first. */
  readonly maxUsers: number;
}

/** Default: five messages in ten seconds, a hundred thousand users remembered at most. */
export const DEFAULT_RATE_LIMITS: RateLimits = { messages: 5, windowMs: 10_000, maxUsers: 100_000 };

/** Decides for each message whether it goes through: counted in this process, or on a server every process shares. */
export interface UserRateLimit {
  /** The decision for one message of one user (key: platform and user id). */
  decide(key: string): Promise<RateDecision>;
}

interface Bucket {
  /** Times of the messages allowed in the current window, oldest first. */
  times: number[];
  notified: boolean;
}

/** A sliding-window limiter per user key: the first message over the limit is told, the rest are dropped until the window passes. Memory is bounded. */
export class RateLimiter implements UserRateLimit {
  // Bounded by count (least recently seen first out) and by time: a user idle for a whole window is forgotten.
  private readonly buckets: LRUCache<string, Bucket>;
  private lastPurge = 0;

  constructor(
    private readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.buckets = new LRUCache<string, Bucket>({ max: limits.maxUsers, ttl: limits.windowMs, ttlAutopurge: false, ttlResolution: 0, perf: { now } });
  }

  /** Decides for one message of one user (key: platform and user id). */
  check(key: string): RateDecision {
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { times: [], notified: false };
    while (bucket.times.length > 0 && t - (bucket.times[0] ?? 0) >= this.limits.windowMs) bucket.times.shift();
    let decision: RateDecision;
    if (bucket.times.length < this.limits.messages) {
      bucket.times.push(t);
      // Back under the limit: a later burst earns a notice again.
      bucket.notified = false;
      decision = "allow";
    } else if (!bucket.notified) {
      bucket.notified = true;
      decision = "notify";
    } else decision = "drop";
    this.buckets.set(key, bucket);
    // Idle users are forgotten once a window: walking every user on every message would cost more than it saves.
    if (t - this.lastPurge >= this.limits.windowMs) {
      this.lastPurge = t;
      this.buckets.purgeStale();
    }
    return decision;
  }

  async decide(key: string): Promise<RateDecision> {
    return this.check(key);
  }

  /** Users tracked now. */
  get size(): number {
    return this.buckets.size;
  }
}
