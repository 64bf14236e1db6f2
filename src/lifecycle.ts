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

/** Logs unhandled rejections and exceptions instead of dying: one failing handler must not stop the bot. */
export function installCrashGuards(logger: Logger): void {
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  process.on("uncaughtException", (err) => logger.error({ err }, "uncaught exception"));
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
