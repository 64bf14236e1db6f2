import type { Logger } from "../log.js";

/** Says in the log that a shared piece failed and its in-process fallback answered, at most once per interval. */
export class Degraded {
  private lastSaid = Number.NEGATIVE_INFINITY;
  private missed = 0;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly intervalMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one failure; logs it unless one was logged within the interval (the count of those skipped goes with the next line). */
  report(err: unknown): void {
    const t = this.now();
    if (t - this.lastSaid < this.intervalMs) {
      this.missed += 1;
      return;
    }
    this.logger.warn({ err, shared: this.what, failuresSinceLastLine: this.missed }, `${this.what}: the shared server did not answer; this process's memory answered instead`);
    this.lastSaid = t;
    this.missed = 0;
  }
}
