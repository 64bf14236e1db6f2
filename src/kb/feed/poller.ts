import { DEFAULT_PATHS, type KnowledgePaths } from "../paths.js";
import type { RoundId } from "../schema.js";
import { latestRound } from "./parse.js";
import { readSnapshot } from "./snapshot.js";
import type { FeedUpdateResult } from "./update.js";

/** How a poller is set up. */
export interface FeedPollerOptions {
  readonly url: string;
  readonly intervalMinutes: number;
  /** For each download. */
  readonly timeoutMs: number;
  /** Called after a newer feed was written and kb.json rebuilt, with the rounds it added (none for a correction). */
  readonly onUpdated: (newRounds: readonly RoundId[]) => void;
  /** Called after a failed poll, with the reason. */
  readonly onError?: (message: string) => void;
  readonly paths?: KnowledgePaths;
  readonly fetch?: typeof fetch;
  /** The longest wait after failures; sixteen intervals by default. */
  readonly maxBackoffMinutes?: number;
}

/** What a health endpoint shows about the poller. */
export interface FeedPollerStatus {
  readonly url: string;
  /** ISO timestamps. */
  readonly lastSuccess: string | null;
  readonly lastFailure: string | null;
  readonly lastError: string | null;
  readonly latestRound: RoundId | null;
  readonly etag: string | null;
}

const MINUTE_MS = 60_000;

/** Polls IRCC's rounds feed with conditional requests, and keeps the snapshot and kb.json current through updateFeed. */
export class FeedPoller {
  private readonly paths: KnowledgePaths;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private inFlight: Promise<FeedUpdateResult> | null = null;
  private abort: AbortController | null = null;
  private failures = 0;
  private lastSuccess: string | null = null;
  private lastFailure: string | null = null;
  private lastError: string | null = null;
  private latest: RoundId | null | undefined = undefined;
  private etag: string | null = null;
  private lastModified: string | null = null;

  constructor(private readonly options: FeedPollerOptions) {
    this.paths = options.paths ?? DEFAULT_PATHS;
  }

  /** Polls now, then after every interval (longer after failures) until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and abandons a download in progress. */
  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
  }

  /** The wait before the next poll: the interval, doubled after each consecutive failure up to the cap. */
  nextDelayMs(): number {
    const interval = this.options.intervalMinutes * MINUTE_MS;
    const cap = (this.options.maxBackoffMinutes ?? this.options.intervalMinutes * 16) * MINUTE_MS;
    return Math.min(interval * 2 ** this.failures, Math.max(cap, interval));
  }

  /** The poller's state, for a health endpoint. */
  status(): FeedPollerStatus {
    return {
      url: this.options.url,
      lastSuccess: this.lastSuccess,
      lastFailure: this.lastFailure,
      lastError: this.lastError,
      latestRound: this.latestRound(),
      etag: this.etag,
    };
  }

  /** One poll: a conditional download and, for a newer feed, the update; concurrent calls share one poll. */
  pollOnce(): Promise<FeedUpdateResult> {
    this.inFlight ??= this.poll().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private latestRound(): RoundId | null {
    if (this.latest === undefined) {
      try {
        const snapshot = readSnapshot(this.paths);
        this.latest = snapshot ? (latestRound(snapshot.rounds)?.round ?? null) : null;
      } catch {
        this.latest = null;
      }
    }
    return this.latest;
  }

  private async poll(): Promise<FeedUpdateResult> {
    this.abort = new AbortController();
    let result: FeedUpdateResult;
    try {
      // The whole knowledge-base build comes with the update: loaded when a feed is fetched, not at start.
      const { updateFeed } = await import("./update.js");
      result = await updateFeed({
        url: this.options.url,
        paths: this.paths,
        timeoutMs: this.options.timeoutMs,
        etag: this.etag,
        lastModified: this.lastModified,
        signal: this.abort.signal,
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      });
    } catch (e) {
      result = { ok: false, error: { reason: "failed", message: e instanceof Error ? e.message : String(e) } };
    } finally {
      this.abort = null;
    }
    const now = new Date().toISOString();
    if (!result.ok) {
      this.failures += 1;
      this.lastFailure = now;
      this.lastError = result.error.message;
      this.notify(() => this.options.onError?.(result.error.message));
      return result;
    }
    this.failures = 0;
    this.lastSuccess = now;
    const done = result.value;
    if (done.status === "updated") {
      this.etag = done.etag;
      this.lastModified = done.lastModified;
      this.latest = done.latestRound;
      if (done.feedChanged) this.notify(() => this.options.onUpdated(done.newRounds));
    }
    return result;
  }

  // A throwing callback must not end the polling loop.
  private notify(callback: () => void): void {
    try {
      callback();
    } catch (e) {
      this.lastError = `callback failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pollOnce().then(() => this.schedule(this.nextDelayMs()));
    }, delayMs);
    // The poller alone does not keep the process alive.
    this.timer.unref();
  }
}
