import { runChat } from "./adapters/cli/chat.js";
import { Runtime, asRunning, type RunningAdapter } from "./app.js";
import { loadDotEnv, readConfig, secretsOf, type Config } from "./config.js";
import { isEeBotError } from "./errors.js";
import { healthReport, startHealthServer } from "./health.js";
import { drainAndStop, installCrashGuards, untilSignal } from "./lifecycle.js";
import { createLogger, type Logger } from "./log.js";

async function startPlatforms(config: Config, runtime: Runtime, logger: Logger, running: RunningAdapter[]): Promise<void> {
  if (config.DISCORD_TOKEN) {
    // Loaded only when configured: the terminal never pays for discord.js.
    const discord = await import("./adapters/discord/start.js");
    if (config.DISCORD_SHARDS) running.push(await discord.startSharded(config, runtime));
    else running.push(asRunning("discord", await discord.startDiscord(config, runtime)));
    logger.info({ platform: "discord", sharded: Boolean(config.DISCORD_SHARDS) }, "discord started");
  }
  if (config.SLACK_BOT_TOKEN) {
    const { startSlack } = await import("./adapters/slack/start.js");
    running.push(await startSlack(config, runtime));
  }
}

/** Starts ee-bot: the platform adapters that are configured, or the terminal chat when none is. */
async function main(): Promise<number> {
  try {
    loadDotEnv();
  } catch (e) {
    process.stderr.write(`ee-bot: cannot read .env: ${(e as Error).message}\n`);
    return 2;
  }
  const result = readConfig(process.env);
  if (!result.ok) {
    for (const p of result.problems) process.stderr.write(`ee-bot: configuration: ${p}\n`);
    return 2;
  }
  const config = result.config;
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: secretsOf(config) });
  let runtime: Runtime;
  try {
    runtime = Runtime.load(config, logger);
  } catch (e) {
    process.stderr.write(`ee-bot: ${isEeBotError(e) ? e.message : String(e)}\n`);
    return 1;
  }
  const paths = { kb: config.EE_BOT_KB, noc: config.EE_BOT_NOC };
  const watcher = config.KB_WATCH === "true" ? runtime.watch(paths) : { close: () => undefined };
  if (!config.DISCORD_TOKEN && !config.SLACK_BOT_TOKEN) {
    const code = await runChat(runtime.router, runtime.knowledge(), {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      isTty: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    });
    watcher.close();
    return code;
  }
  installCrashGuards(logger);
  const startedAt = Date.now();
  const running: RunningAdapter[] = [];
  const health = config.HEALTH_PORT !== undefined ? await startHealthServer(config.HEALTH_PORT, config.HEALTH_HOST, () => healthReport(runtime, running, startedAt)) : undefined;
  if (health) logger.info({ port: health.port }, "health check listening on /healthz");
  const stopping = untilSignal();
  try {
    await startPlatforms(config, runtime, logger, running);
  } catch (e) {
    process.stderr.write(`ee-bot: ${isEeBotError(e) ? e.message : String(e)}\n`);
    await drainAndStop(runtime, running, logger, 0);
    await health?.close();
    watcher.close();
    return 1;
  }
  const signal = await stopping;
  logger.info({ signal }, "shutting down: finishing replies in flight");
  await drainAndStop(runtime, running, logger, config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
  await health?.close();
  watcher.close();
  logger.info("stopped");
  return 0;
}

const code = await main();
process.exitCode = code;
// Everything was closed; a library timer or socket left behind must not keep a stopped bot alive.
setTimeout(() => process.exit(code), 2000).unref();
