import type { Redis } from "ioredis";
import type { Logger } from "../log.js";
import { ConversationStateSchema, type ConversationState, type ConversationStore, type MemoryConversations } from "../skills/robot.js";
import type { Store } from "../store/schema.js";
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

/** Conversations in the store's key-value table (PostgreSQL), each row expiring after the conversation's time to live. */
export class StoreConversations implements ConversationStore {
  constructor(
    private readonly store: Pick<Store, "kvGet" | "kvSet">,
    private readonly ttlMs: number,
  ) {}

  async get(key: string): Promise<ConversationState | undefined> {
    return decodeConversation(await this.store.kvGet(`conversation:${key}`));
  }

  async set(key: string, state: ConversationState): Promise<void> {
    await this.store.kvSet(`conversation:${key}`, encodeConversation(state), this.ttlMs);
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
