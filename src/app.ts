import { watch, type FSWatcher } from "node:fs";
import { basename, dirname } from "node:path";
import { Knowledge } from "./core/knowledge.js";
import { coreMessages } from "./core/messages.js";
import { adapterMessages } from "./messages/adapters.js";
import { inLanguage, langOfLocale, type Lang } from "./messages/lang.js";
import { RateLimiter, type RateLimits, type UserRateLimit } from "./core/rate-limit.js";
import { makeReply } from "./core/reply.js";
import { conversationKey, EMPTY_CONVERSATION, MemoryConversations, Robot, type ContextLimits, type ConversationState, type ConversationStore } from "./skills/robot.js";
import type { OptionValues } from "./skills/types.js";
import type { Message, Reply } from "./core/types.js";
import type { Config } from "./config.js";
import { isEeBotError } from "./errors.js";
import type { Logger } from "./log.js";

/** A running platform adapter as the app sees it. */
export interface RunningAdapter {
  readonly name: string;
  readonly state: string;
  /** Replies being sent now. */
  readonly pending: number;
  stop(): Promise<void>;
}

/** A platform adapter as the app supervises it: its state, its replies in flight, how to stop it. */
export function asRunning(name: string, adapter: { readonly state: string; readonly pending: number; stop(): Promise<void> }): RunningAdapter {
  return {
    name,
    get state() {
      return adapter.state;
    },
    get pending() {
      return adapter.pending;
    },
    stop: () => adapter.stop(),
  };
}

/** Tunables of the runtime, from the configuration. */
export interface RuntimeOptions {
  readonly rateLimits?: RateLimits;
  readonly maxInputLength?: number;
  readonly context?: ContextLimits;
  /** Where conversations live; default: this process's memory, bounded by `context`. */
  readonly conversations?: ConversationStore;
  /** The per-user limit; default: counted in this process with `rateLimits`. */
  readonly limiter?: UserRateLimit;
}

/** The files a knowledge base is loaded from. */
export interface KnowledgeFiles {
  readonly kb: string;
  readonly noc: string;
  readonly vocabulary?: string;
}

/** The outcome of a reload. */
export type ReloadResult = { ok: true; version: string } | { ok: false; reason: string };

/** The platform-free part of a running bot: the knowledge base (swappable while running), the router, the rate limiter. */
export class Runtime {
  private current: Knowledge;
  private loadedAtValue = new Date();
  private closing = false;
  private readonly reloadListeners = new Set<(knowledge: Knowledge) => void>();
  readonly robot: Robot;
  private readonly limiter: UserRateLimit;
  private readonly conversations: ConversationStore;

  constructor(
    knowledge: Knowledge,
    readonly logger: Logger,
    options: RuntimeOptions = {},
  ) {
    this.current = knowledge;
    this.limiter = options.limiter ?? new RateLimiter(options.rateLimits);
    this.conversations = options.conversations ?? new MemoryConversations(options.context);
    this.robot = new Robot(() => this.current, {
      ...(options.maxInputLength ? { maxInputLength: options.maxInputLength } : {}),
      ...(options.context ? { context: options.context } : {}),
      onError: (error, where) => logger.error({ err: error, platform: where.platform, skill: where.skill }, "answer failed"),
    });
  }

  /** The runtime options a configuration asks for. */
  static optionsFrom(config: Config): RuntimeOptions {
    return {
      rateLimits: { messages: config.RATE_LIMIT_MESSAGES, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000, maxUsers: 100_000 },
      maxInputLength: config.MAX_MESSAGE_LENGTH,
      context: { ttlMs: config.CONTEXT_TTL_MINUTES * 60_000, maxConversations: config.CONTEXT_MAX_CONVERSATIONS },
    };
  }

  /** Loads the knowledge base a configuration names; `shared` replaces the in-process rate limit and conversations. */
  static load(config: Config, logger: Logger, shared: Pick<RuntimeOptions, "limiter" | "conversations"> = {}): Runtime {
    return new Runtime(Knowledge.load(Runtime.pathsFrom(config)), logger, { ...Runtime.optionsFrom(config), ...shared });
  }

  /** The knowledge files a configuration names. */
  static pathsFrom(config: Config): KnowledgeFiles {
    return { kb: config.EE_BOT_KB, noc: config.EE_BOT_NOC, vocabulary: config.EE_BOT_VOCABULARY };
  }

  /** The knowledge base in use now. */
  knowledge(): Knowledge {
    return this.current;
  }

  /** When the knowledge base in use was loaded. */
  get loadedAt(): Date {
    return this.loadedAtValue;
  }

  /** Stops answering: every later message is dropped (shutdown). */
  close(): void {
    this.closing = true;
  }

  /** True once close() was called. */
  get closed(): boolean {
    return this.closing;
  }

  // One rate limit for messages and commands alike: undefined means drop quietly, a reply means "slow down", written
  // in the language the message would have been answered in (worked out only when the notice is sent).
  private async admit(platform: Message["platform"], user: string, language: () => Lang): Promise<Reply | undefined | "go"> {
    if (this.closing) return undefined;
    if (platform === "cli") return "go";
    const decision = await this.limiter.decide(`${platform}:${user}`);
    if (decision === "drop") return undefined;
    if (decision === "notify") {
      this.logger.info({ platform, intent: "rate-limited" }, "rate limited");
      return inLanguage(language(), () => makeReply(this.current, "fallback", { title: adapterMessages().slowDown, text: coreMessages().rateLimited, userError: true }));
    }
    return "go";
  }

  // A conversation store that does not answer costs the follow-up, never the answer.
  private async recall(key: string): Promise<ConversationState> {
    try {
      return (await this.conversations.get(key)) ?? EMPTY_CONVERSATION;
    } catch (err) {
      this.logger.warn({ err }, "conversation state unavailable: answered without it");
      return EMPTY_CONVERSATION;
    }
  }

  private async remember(key: string, state: ConversationState): Promise<void> {
    try {
      await this.conversations.set(key, state);
    } catch (err) {
      this.logger.warn({ err }, "conversation state not saved");
    }
  }

  /**
   * Answers a message, or resolves undefined when it must be dropped quietly (over the rate limit after the
   * notice, or shutting down). Logs one line per answered message, never its text.
   */
  async answer(message: Message): Promise<Reply | undefined> {
    const admitted = await this.admit(message.platform, message.user, () => this.robot.languageOf(message, {}).reply);
    if (admitted !== "go") return admitted;
    const started = performance.now();
    const key = conversationKey(message);
    const turn = this.robot.turn(message, await this.recall(key));
    await this.remember(key, turn.state);
    this.logger.info({ platform: message.platform, intent: turn.reply.intent, ms: Math.round((performance.now() - started) * 1000) / 1000 }, "answered");
    return turn.reply;
  }

  /** Runs a skill's slash command with structured options, under the same rate limit as messages. */
  async command(name: string, values: OptionValues, message: Omit<Message, "text">): Promise<Reply | undefined> {
    const admitted = await this.admit(message.platform, message.user, () => message.lang ?? langOfLocale(message.locale) ?? "en");
    if (admitted !== "go") return admitted;
    const started = performance.now();
    const key = conversationKey(message);
    const turn = this.robot.commandTurn(name, values, message, await this.recall(key));
    await this.remember(key, turn.state);
    this.logger.info({ platform: message.platform, intent: turn.reply.intent, command: name, ms: Math.round((performance.now() - started) * 1000) / 1000 }, "answered");
    return turn.reply;
  }

  /** Calls a listener after every successful reload with the knowledge base swapped in; returns how to stop. */
  onReload(listener: (knowledge: Knowledge) => void): () => void {
    this.reloadListeners.add(listener);
    return () => void this.reloadListeners.delete(listener);
  }

  /** Loads and validates a knowledge base file, and swaps it in only if it is valid; a broken file leaves the current one serving. */
  reload(paths: KnowledgeFiles): ReloadResult {
    try {
      const next = Knowledge.load(paths);
      // One reference assignment: an answer in progress keeps the knowledge base it started with.
      this.current = next;
      this.loadedAtValue = new Date();
      this.logger.info({ version: next.version, latestRound: next.latestDraw()?.round ?? null }, "knowledge base reloaded");
      for (const listener of this.reloadListeners) {
        try {
          listener(next);
        } catch (err) {
          this.logger.error({ err }, "reload listener failed");
        }
      }
      return { ok: true, version: next.version };
    } catch (e) {
      const reason = isEeBotError(e) ? e.message : String(e);
      this.logger.error({ err: e, kept: this.current.version }, "knowledge base reload refused; the previous one keeps serving");
      return { ok: false, reason };
    }
  }

  /** Watches kb.json and reloads it when it changes (debounced, so a file written in several steps loads once). */
  watch(paths: KnowledgeFiles, debounceMs = 250): { close(): void } {
    let timer: NodeJS.Timeout | undefined;
    const watchers: FSWatcher[] = [];
    const files = [paths.kb, paths.noc, ...(paths.vocabulary ? [paths.vocabulary] : [])];
    // The folders, not the files: builds and editors replace a file, which ends a watch on the file itself.
    for (const folder of new Set(files.map((f) => dirname(f)))) {
      const names = new Set(files.filter((f) => dirname(f) === folder).map((f) => basename(f)));
      try {
        const watcher = watch(folder, (_event, name) => {
          if (name !== null && !names.has(name)) return;
          clearTimeout(timer);
          timer = setTimeout(() => void this.reload(paths), debounceMs);
        });
        watcher.on("error", (err) => this.logger.error({ err }, "knowledge base watch failed"));
        watchers.push(watcher);
      } catch (err) {
        this.logger.error({ err, folder }, "cannot watch the knowledge files; live reload is off for this folder");
      }
    }
    return {
      close: () => {
        clearTimeout(timer);
        for (const w of watchers) w.close();
      },
    };
  }
}
