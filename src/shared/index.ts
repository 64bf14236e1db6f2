export { openSharedState, sharedEngineOf, connectRedis, serverOf, type SharedEngine, type SharedHealth, type SharedState, type SharedStateOptions } from "./open.js";
export { EVENT_CLAIM_TTL_MS, MemoryEventClaims, type EventClaims } from "./claims.js";
import { Runtime } from "../app.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/schema.js";
import { openSharedState, sharedEngineOf, type SharedState } from "./open.js";

/** Opens the shared state a configuration asks for (SHARED_STATE, REDIS_URL, DATABASE_URL), on the bot's store for PostgreSQL. */
export async function openConfiguredShared(config: Config, store: Store, logger: Logger): Promise<SharedState> {
  const options = Runtime.optionsFrom(config);
  const engine = sharedEngineOf(config);
  const started = performance.now();
  const shared = await openSharedState({
    engine,
    rateLimits: options.rateLimits ?? { messages: config.RATE_LIMIT_MESSAGES, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000, maxUsers: 100_000 },
    context: options.context ?? { ttlMs: config.CONTEXT_TTL_MINUTES * 60_000, maxConversations: config.CONTEXT_MAX_CONVERSATIONS },
    logger: logger.child({ component: "shared" }),
    redisUrl: config.REDIS_URL,
    keyPrefix: config.REDIS_KEY_PREFIX,
    store,
    databaseUrl: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
  });
  logger.info({ engine, ms: Math.round(performance.now() - started) }, engine === "memory" ? "shared state in this process" : `shared state on ${engine}`);
  return shared;
}

