import type { Redis } from "ioredis";
import type { Logger } from "../log.js";
import { ConversationStateSchema, type ConversationState, type ConversationStore, type MemoryConversations } from "../skills/robot.js";
import type { Pool } from "pg";
import { Degraded } from "./degraded.js";

/** A conversation's state as JSON text: the slots and the last sourced reply without its pictures (they are never needed again). */
export function encodeConversation(state: ConversationState): string {
  return JSON.stringify({ slots: state.slots, ...(state.lastSourced ? { lastSourced: { ...state.lastSourced, images: [] } } : {}) });
}

/** A conversation's state from JSON text; undefined when the text is not one (written by another version, say). */
export function decodeConversation(text: string | null | undefined): ConversationState | undefined {
  if (text === null || text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = ConversationStateSchema.safeParse(raw);
  return parsed.success ? { slots: parsed.data.slots, lastSourced: parsed.data.lastSourced } : undefined;
}

/** Conversations in Redis, each key expiring after the conversation's time to live. */
export class RedisConversations implements ConversationStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  async get(key: string): Promise<ConversationState | undefined> {
    return decodeConversation(await this.redis.get(`${this.prefix}conversation:${key}`));
  }

  async set(key: string, state: ConversationState): Promise<void> {
    await this.redis.set(`${this.prefix}conversation:${key}`, encodeConversation(state), "PX", this.ttlMs);
  }
}

/** Conversations in the store's key-value table on PostgreSQL (the shared state's pool), each row expiring after the conversation's time to live. */
export class PostgresConversations implements ConversationStore {
  constructor(
    private readonly pool: Pick<Pool, "query">,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<ConversationState | undefined> {
    const r = await this.pool.query<{ value: string }>({
      name: "ee-conversation-get",
      text: "select value from kv where key = $1 and (expires_at is null or expires_at > $2)",
      values: [`conversation:${key}`, new Date(this.now()).toISOString()],
    });
    return decodeConversation(r.rows[0]?.value);
  }

  async set(key: string, state: ConversationState): Promise<void> {
    await this.pool.query({
      name: "ee-conversation-set",
      text: "insert into kv (key, value, expires_at) values ($1, $2, $3) on conflict (key) do update set value = excluded.value, expires_at = excluded.expires_at",
      values: [`conversation:${key}`, encodeConversation(state), new Date(this.now() + this.ttlMs).toISOString()],
    });
  }
}

/** Shared conversations with this process's memory behind them, for when the server does not answer. */
export class FallbackConversations implements ConversationStore {
  private readonly degraded: Degraded;

  constructor(
    private readonly shared: ConversationStore,
    private readonly local: MemoryConversations,
    logger: Logger,
  ) {
    this.degraded = new Degraded(logger, "conversation state");
  }

  async get(key: string): Promise<ConversationState | undefined> {
    try {
      return await this.shared.get(key);
    } catch (err) {
      this.degraded.report(err);
      return this.local.read(key);
    }
  }

  async set(key: string, state: ConversationState): Promise<void> {
    try {
      await this.shared.set(key, state);
    } catch (err) {
      this.degraded.report(err);
      this.local.write(key, state);
    }
  }
}
