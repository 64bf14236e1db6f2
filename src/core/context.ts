import type { Entities } from "./entities.js";
import type { Intent, Reply } from "./types.js";

/** What the bot remembers of a conversation, to understand follow-ups. */
export interface Turn {
  readonly intent: Intent;
  readonly entities: Entities;
  readonly reply: Reply;
  /** The latest reply in the conversation that cited sources, for "where does this come from". */
  readonly sourced: Reply | undefined;
  readonly at: number;
}

/** Bounds of the conversation memory. */
export interface ContextLimits {
  /** Conversations remembered at most; the least recently used is forgotten first. */
  readonly maxConversations: number;
  /** How long a conversation is remembered after its last message. */
  readonly ttlMs: number;
}

/** Default bounds: ten thousand conversations, thirty minutes each. */
export const DEFAULT_CONTEXT_LIMITS: ContextLimits = { maxConversations: 10_000, ttlMs: 30 * 60 * 1000 };

/** A bounded memory of the last turn of each conversation: expires by time and by count. */
export class ConversationMemory {
  private readonly turns = new Map<string, Turn>();

  constructor(
    private readonly limits: ContextLimits = DEFAULT_CONTEXT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The last turn of a conversation, if it has not expired. */
  get(key: string): Turn | undefined {
    const turn = this.turns.get(key);
    if (!turn) return undefined;
    if (this.now() - turn.at > this.limits.ttlMs) {
      this.turns.delete(key);
      return undefined;
    }
    return turn;
  }

  /** Remembers a turn, forgetting the oldest conversations beyond the bound. */
  set(key: string, turn: Omit<Turn, "at">): void {
    this.turns.delete(key);
    this.turns.set(key, { ...turn, at: this.now() });
    while (this.turns.size > this.limits.maxConversations) {
      const oldest = this.turns.keys().next().value;
      if (oldest === undefined) break;
      this.turns.delete(oldest);
    }
  }

  /** How many conversations are remembered. */
  get size(): number {
    return this.turns.size;
  }
}
