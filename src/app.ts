import { watch, type FSWatcher } from "node:fs";
import { basename, dirname } from "node:path";
import { Knowledge } from "./core/knowledge.js";
import { MESSAGES } from "./core/messages.js";
import { RateLimiter, type RateLimits } from "./core/rate-limit.js";
import { Router } from "./core/router.js";
import type { ContextLimits } from "./core/context.js";
import { makeReply } from "./core/reply.js";
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
}

/** The outcome of a reload. */
export type ReloadResult = { ok: true; version: string } | { ok: false; reason: string };

/** The platform-free part of a running bot: the knowledge base (swappable while running), the router, the rate limiter. */
export class Runtime {
  private current: Knowledge;
  private loadedAtValue = new Date();
  private closing = false;
  readonly router: Router;
  private readonly limiter: RateLimiter;

  constructor(
    knowledge: Knowledge,
    readonly logger: Logger,
    options: RuntimeOptions = {},
  ) {
    this.current = knowledge;
    this.limiter = new RateLimiter(options.rateLimits);
    this.router = new Router(() => this.current, {
      ...(options.maxInputLength ? { maxInputLength: options.maxInputLength } : {}),
      ...(options.context ? { context: options.context } : {}),
      onError: (error, message) => logger.error({ err: error, platform: message.platform }, "answer failed"),
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

  /** Loads the knowledge base a configuration names. */
  static load(config: Config, logger: Logger): Runtime {
    return new Runtime(Knowledge.load({ kb: config.EE_BOT_KB, noc: config.EE_BOT_NOC }), logger, Runtime.optionsFrom(config));
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

  /**
   * Answers a message, or returns undefined when it must be dropped quietly (over the rate limit after the
   * notice, or shutting down). Logs one line per answered message, never its text.
   */
  answer(message: Message): Reply | undefined {
    if (this.closing) return undefined;
    if (message.platform !== "cli") {
      const decision = this.limiter.check(`${message.platform}:${message.user}`);
      if (decision === "drop") return undefined;
      if (decision === "notify") {
        this.logger.info({ platform: message.platform, intent: "rate-limited" }, "rate limited");
        return makeReply(this.current, "fallback", { title: "Slow down", text: MESSAGES.rateLimited, userError: true });
      }
    }
    const started = performance.now();
    const reply = this.router.handle(message);
    this.logger.info({ platform: message.platform, intent: reply.intent, ms: Math.round((performance.now() - started) * 1000) / 1000 }, "answered");
    return reply;
  }

  /** Loads and validates a knowledge base file, and swaps it in only if it is valid; a broken file leaves the current one serving. */
  reload(paths: { kb: string; noc: string }): ReloadResult {
    try {
      const next = Knowledge.load(paths);
      // One reference assignment: an answer in progress keeps the knowledge base it started with.
      this.current = next;
      this.loadedAtValue = new Date();
      this.logger.info({ version: next.version, latestRound: next.latestDraw()?.round ?? null }, "knowledge base reloaded");
      return { ok: true, version: next.version };
    } catch (e) {
      const reason = isEeBotError(e) ? e.message : String(e);
      this.logger.error({ err: e, kept: this.current.version }, "knowledge base reload refused; the previous one keeps serving");
      return { ok: false, reason };
    }
  }

  /** Watches kb.json and reloads it when it changes (debounced, so a file written in several steps loads once). */
  watch(paths: { kb: string; noc: string }, debounceMs = 250): { close(): void } {
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined;
    try {
      // The folder, not the file: builds and editors replace the file, which ends a watch on the file itself.
      watcher = watch(dirname(paths.kb), (_event, name) => {
        if (name !== null && name !== basename(paths.kb)) return;
        clearTimeout(timer);
        timer = setTimeout(() => void this.reload(paths), debounceMs);
      });
      watcher.on("error", (err) => this.logger.error({ err }, "knowledge base watch failed"));
    } catch (err) {
      this.logger.error({ err }, "cannot watch the knowledge base; live reload is off");
    }
    return {
      close: () => {
        clearTimeout(timer);
        watcher?.close();
      },
    };
  }
}
