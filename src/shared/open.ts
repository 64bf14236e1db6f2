import { hostname } from "node:os";
import type { Redis } from "ioredis";
import type { Pool } from "pg";
import { RateLimiter, type RateLimits, type UserRateLimit } from "../core/rate-limit.js";
import { EeBotError, ErrorCode } from "../errors.js";
import type { Logger } from "../log.js";
import { MemoryConversations, type ContextLimits, type ConversationStore } from "../skills/robot.js";
import type { Store } from "../store/schema.js";
import { FallbackEventClaims, MemoryEventClaims, PostgresEventClaims, RedisEventClaims, type EventClaims } from "./claims.js";
import { FallbackConversations, PostgresConversations, RedisConversations } from "./conversations.js";
import { postgresRateLimit, redisRateLimit } from "./rate-limit.js";

/** Connections the shared state opens to PostgreSQL at most, per process (the store's own pool has ten more). */
export const SHARED_POOL_SIZE = 4;

/** Where the state several processes must agree on lives. */
export type SharedEngine = "memory" | "redis" | "postgres";

/** Whether the shared state's server answers. */
export interface SharedHealth {
  readonly engine: SharedEngine;
  readonly ok: boolean;
  readonly error?: string;
}

/** The state one bot spread over several processes must share: event claims, the per-user limit, conversations. */
export interface SharedState {
  readonly engine: SharedEngine;
  readonly claims: EventClaims;
  readonly limiter: UserRateLimit;
  readonly conversations: ConversationStore;
  health(): Promise<SharedHealth>;
  close(): Promise<void>;
}

/** What opening the shared state needs. */
export interface SharedStateOptions {
  readonly engine: SharedEngine;
  readonly rateLimits: RateLimits;
  readonly context: ContextLimits;
  readonly logger: Logger;
  /** redis:// or rediss:// URL (engine redis). */
  readonly redisUrl?: string | undefined;
  /** Prefix of every Redis key, so that several bots (or tests) can share one server. */
  readonly keyPrefix?: string;
  /** The bot's store (engine postgres): its key-value table (migrated by the store) holds claims and conversations. */
  readonly store?: Store;
  /** postgres:// URL and schema of the store (engine postgres), for the rate-limit table. */
  readonly databaseUrl?: string | undefined;
  readonly schema?: string | undefined;
  /** Who claims events, for the record: host and process id by default. */
  readonly owner?: string;
  /** How often expired rows are removed from the key-value table (engine postgres); default a minute. */
  readonly purgeEveryMs?: number;
}

/** Which engine a configuration asks for: SHARED_STATE, or Redis when REDIS_URL is set, else PostgreSQL with DATABASE_URL, else memory. */
export function sharedEngineOf(config: { SHARED_STATE?: "auto" | SharedEngine | undefined; REDIS_URL?: string | undefined; DATABASE_URL?: string | undefined }): SharedEngine {
  if (config.SHARED_STATE && config.SHARED_STATE !== "auto") return config.SHARED_STATE;
  if (config.REDIS_URL) return "redis";
  if (config.DATABASE_URL) return "postgres";
  return "memory";
}

/** Host and port of a URL, without its user or password, for messages. */
export function serverOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "(default port)"}`;
  } catch {
    return "(unreadable URL)";
  }
}

/** Opens the shared state of an engine; throws an EeBotError naming the server (never its password) when it cannot be reached. */
export async function openSharedState(options: SharedStateOptions): Promise<SharedState> {
  const { logger } = options;
  const owner = options.owner ?? `${hostname()}:${process.pid}`;
  const memoryClaims = new MemoryEventClaims();
  const memoryConversations = new MemoryConversations(options.context);
  if (options.engine === "memory") {
    return {
      engine: "memory",
      claims: memoryClaims,
      limiter: new RateLimiter(options.rateLimits),
      conversations: memoryConversations,
      health: async () => ({ engine: "memory", ok: true }),
      close: async () => undefined,
    };
  }
  if (options.engine === "redis") {
    if (!options.redisUrl) throw new EeBotError(ErrorCode.ConfigInvalid, "SHARED_STATE=redis needs REDIS_URL");
    const redis = await connectRedis(options.redisUrl, logger);
    const prefix = options.keyPrefix ?? "ee-bot:";
    return {
      engine: "redis",
      claims: new FallbackEventClaims(new RedisEventClaims(redis, prefix, owner), memoryClaims, logger),
      limiter: redisRateLimit(redis, prefix, options.rateLimits, logger),
      conversations: new FallbackConversations(new RedisConversations(redis, prefix, options.context.ttlMs), memoryConversations, logger),
      health: () => pingWith("redis", () => redis.ping()),
      close: async () => {
        await redis.quit().catch(() => redis.disconnect());
      },
    };
  }
  const store = options.store;
  if (!options.databaseUrl || !store || store.engine !== "postgres") throw new EeBotError(ErrorCode.ConfigInvalid, "SHARED_STATE=postgres needs DATABASE_URL");
  const schema = options.schema ?? "public";
  const { default: pg } = await import("pg");
  // A pool of its own, small (each piece is one short statement a message; the store keeps its pool for the rest),
  // whose commits do not wait for the disk: a claim, a count or a conversation lost to a server crash costs at most a
  // retry answered twice or a follow-up forgotten, and the wait is most of what a write costs. Nothing durable goes
  // through it: subscriptions, deliveries and installations keep the store's pool and its synchronous commits.
  const pool: Pool = new pg.Pool({ connectionString: options.databaseUrl, max: SHARED_POOL_SIZE, options: `-c search_path=${schema} -c synchronous_commit=off` });
  pool.on("error", () => undefined);
  let limiter: UserRateLimit;
  try {
    limiter = await postgresRateLimit(pool, schema, options.rateLimits, logger);
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new EeBotError(ErrorCode.SharedStateFailed, `cannot prepare the rate-limit table on PostgreSQL at ${serverOf(options.databaseUrl)}: ${(cause as Error).message}`, { cause });
  }
  const purge = setInterval(() => void store.kvPurgeExpired().catch((err: unknown) => logger.debug({ err }, "purging expired keys failed")), options.purgeEveryMs ?? 60_000);
  purge.unref();
  return {
    engine: "postgres",
    claims: new FallbackEventClaims(new PostgresEventClaims(pool, owner), memoryClaims, logger),
    limiter,
    conversations: new FallbackConversations(new PostgresConversations(pool, options.context.ttlMs), memoryConversations, logger),
    health: () => pingWith("postgres", () => pool.query("select 1")),
    close: async () => {
      clearInterval(purge);
      await pool.end().catch(() => undefined);
    },
  };
}

async function pingWith(engine: SharedEngine, ping: () => Promise<unknown>, timeoutMs = 2000): Promise<SharedHealth> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<SharedHealth>((resolve) => {
    timer = setTimeout(() => resolve({ engine, ok: false, error: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([ping().then((): SharedHealth => ({ engine, ok: true })), late]);
  } catch (e) {
    return { engine, ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** Connects to Redis and waits until it answers; every later command fails fast (no queue) while it is away, so the fallbacks answer. */
export async function connectRedis(url: string, logger: Logger, timeoutMs = 5000): Promise<Redis> {
  if (!/^rediss?:\/\//.test(url)) throw new EeBotError(ErrorCode.ConfigInvalid, "REDIS_URL must be a redis:// or rediss:// URL");
  // Loaded only when configured: a bot without Redis never pays for the client.
  const { Redis } = await import("ioredis");
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: 1000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  let lastError = "";
  redis.on("error", (err: Error) => {
    // ioredis repeats the same error on every reconnection attempt: one line per distinct error.
    if (err.message !== lastError) logger.warn({ err, server: serverOf(url) }, "Redis connection error");
    lastError = err.message;
  });
  redis.on("ready", () => {
    if (lastError !== "") logger.info({ server: serverOf(url) }, "Redis connection back");
    lastError = "";
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (cause) {
    redis.disconnect();
    throw new EeBotError(ErrorCode.SharedStateFailed, `cannot reach Redis at ${serverOf(url)}: ${(cause as Error).message}`, { cause });
  }
  return redis;
}
