import type { Runtime, RunningAdapter } from "./app.js";
import type { Logger } from "./log.js";

/** Stops a bot gracefully: no new messages, in-flight replies finish (until the deadline), adapters disconnect. */
export async function drainAndStop(runtime: Runtime, adapters: readonly RunningAdapter[], logger: Logger, deadlineMs: number): Promise<void> {
  runtime.close();
  const until = Date.now() + deadlineMs;
  while (adapters.some((a) => a.pending > 0) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
  const left = adapters.reduce((n, a) => n + a.pending, 0);
  if (left > 0) logger.warn({ pending: left }, "shutdown deadline reached with replies in flight");
  await Promise.allSettled(adapters.map((a) => a.stop()));
}

/**
 * Logs unhandled rejections and carries on; an uncaught exception is logged and the process exits non-zero, since its
 * state can no longer be trusted: the shard manager or the supervisor starts a fresh one.
 */
export function installCrashGuards(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  process.on("uncaughtException", (err) => {
    logger.fatal({ err }, "uncaught exception: exiting so a supervisor can restart the bot");
    logger.flush?.();
    exit(70);
  });
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      resolve(signal);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });
}
