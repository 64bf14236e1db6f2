import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Redis } from "ioredis";
import type { Pool } from "pg";
import type { RateDecision, RateLimits, UserRateLimit } from "../core/rate-limit.js";
import type { Logger } from "../log.js";
import { Degraded } from "./degraded.js";

/** Shared counters keep whole seconds (Redis expiries are in seconds): a window is rounded up to one. */
export function windowSeconds(limits: RateLimits): number {
  return Math.max(1, Math.ceil(limits.windowMs / 1000));
}

/**
 * A per-user limit counted on a server every process shares (rate-limiter-flexible): a fixed window that starts with
 * a user's first message. The first message over the limit is told (the counter reads exactly one over), the rest
 * are dropped until the window ends. When the server does not answer, an in-process limiter of the same limits counts
 * instead (the library's insurance limiter).
 */
export class SharedRateLimit implements UserRateLimit {
  private readonly degraded: Degraded;

  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly points: number,
    logger: Logger,
  ) {
    this.degraded = new Degraded(logger, "rate limit");
  }

  async decide(key: string): Promise<RateDecision> {
    try {
      await this.limiter.consume(key);
      return "allow";
    } catch (rejected) {
      if (rejected instanceof RateLimiterRes) return rejected.consumedPoints === this.points + 1 ? "notify" : "drop";
      // Neither the server nor the insurance limiter answered: let the message through rather than lose it.
      this.degraded.report(rejected);
      return "allow";
    }
  }
}

function insurance(limits: RateLimits): RateLimiterMemory {
  return new RateLimiterMemory({ points: limits.messages, duration: windowSeconds(limits) });
}

/** The per-user limit counted in Redis. */
export function redisRateLimit(redis: Redis, prefix: string, limits: RateLimits, logger: Logger): SharedRateLimit {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}rate`,
    points: limits.messages,
    duration: windowSeconds(limits),
    insuranceLimiter: insurance(limits),
    // A Redis that is reconnecting hands the decision to the insurance limiter at once instead of queueing it.
    rejectIfRedisNotReady: true,
  });
  return new SharedRateLimit(limiter, limits.messages, logger);
}

/** The per-user limit counted in a PostgreSQL table (created when missing; expired rows removed by the library). */
export async function postgresRateLimit(pool: Pool, schema: string, limits: RateLimits, logger: Logger): Promise<SharedRateLimit> {
  const limiter = await new Promise<RateLimiterPostgres>((resolve, reject) => {
    const made: RateLimiterPostgres = new RateLimiterPostgres(
      {
        storeClient: pool,
        storeType: "pool",
        schemaName: schema,
        tableName: "rate_limits",
        points: limits.messages,
        duration: windowSeconds(limits),
        insuranceLimiter: insurance(limits),
      },
      (err?: Error) => (err ? reject(err) : resolve(made)),
    );
  });
  return new SharedRateLimit(limiter, limits.messages, logger);
}
