import type { Logger } from "../log.js";
import type { Announcer, AnnounceReport } from "./announcer.js";
import type { AnnounceRound } from "./schema.js";

/** What the runner needs: the announcer, the rounds known now, where to log. */
export interface AnnounceRunnerOptions {
  readonly announcer: Announcer;
  /** The rounds of the knowledge base in use now. */
  readonly rounds: () => readonly AnnounceRound[];
  readonly log: Logger;
  /** Wait before running again when a run left deliveries to others or to a later try (default: the announcer's lease and a little more). */
  readonly retryMs?: number;
}

/** Runs the announcer when asked (at start, after each reload), one run at a time, and again later for deliveries left over. */
export class AnnounceRunner {
  readonly #options: AnnounceRunnerOptions;
  readonly #retryMs: number;
  #current: Promise<AnnounceReport | undefined> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(options: AnnounceRunnerOptions) {
    this.#options = options;
    this.#retryMs = options.retryMs ?? 130_000;
  }

  /** Announces what is new; a call during a run makes one more run after it (requests in between are merged). */
  run(reason: string): Promise<AnnounceReport | undefined> {
    if (this.#stopped) return Promise.resolve(undefined);
    if (this.#current) {
      this.#again = true;
      return this.#current;
    }
    const current = this.#loop(reason).finally(() => {
      if (this.#current === current) this.#current = undefined;
    });
    this.#current = current;
    return current;
  }

  /** Stops scheduling runs and waits for the one in progress to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#current;
  }

  async #loop(reason: string): Promise<AnnounceReport | undefined> {
    let report: AnnounceReport | undefined;
    let why = reason;
    do {
      this.#again = false;
      report = await this.#once(why);
      why = "requested during a run";
    } while (this.#again && !this.#stopped);
    return report;
  }

  async #once(reason: string): Promise<AnnounceReport | undefined> {
    const { announcer, rounds, log } = this.#options;
    try {
      const report = await announcer.announce(rounds());
      const transient = report.failed.filter((f) => !f.permanent).length;
      const summary = { reason, sent: report.sent.length, failed: report.failed.length, filteredOut: report.filteredOut, initialised: report.initialised, heldByOthers: report.heldByOthers, noSender: report.noSender };
      if (report.sent.length > 0 || report.failed.length > 0 || report.heldByOthers > 0) log.info(summary, "announcements run");
      else log.debug(summary, "announcements run");
      // A delivery another process holds may have been abandoned (a crash): look again once its lease has ended.
      if (report.heldByOthers > 0 || transient > 0) this.#schedule();
      return report;
    } catch (err) {
      log.error({ err, reason }, "announcements run failed; trying again later");
      this.#schedule();
      return undefined;
    }
  }

  #schedule(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.run("retry"), this.#retryMs);
    this.#timer.unref();
  }
}
