import { runChat } from "./adapters/cli/chat.js";
import { Runtime, type RunningAdapter } from "./app.js";
import { loadDotEnv, readConfig, secretsOf, type Config } from "./config.js";
import { isEeBotError } from "./errors.js";
import { createLogger, type Logger } from "./log.js";

async function startPlatforms(config: Config, runtime: Runtime, logger: Logger): Promise<RunningAdapter[]> {
  const running: RunningAdapter[] = [];
  if (config.DISCORD_TOKEN) {
    // Loaded only when configured: the terminal never pays for discord.js.
    const discord = await import("./adapters/discord/start.js");
    if (config.DISCORD_SHARDS) running.push(await discord.startSharded(config, runtime));
    else {
      const adapter = await discord.startDiscord(config, runtime);
      running.push({ name: "discord", get state() { return adapter.state; }, stop: () => adapter.stop() });
    }
    logger.info({ platform: "discord", sharded: Boolean(config.DISCORD_SHARDS) }, "discord started");
  }
  if (config.SLACK_BOT_TOKEN) {
    const { startSlack } = await import("./adapters/slack/start.js");
    running.push(await startSlack(config, runtime));
  }
  return running;
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
  const platformConfigured = Boolean(config.DISCORD_TOKEN || config.SLACK_BOT_TOKEN);
  if (!platformConfigured) {
    return runChat(runtime.router, runtime.knowledge(), {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      isTty: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    });
  }
  let running: RunningAdapter[];
  try {
    running = await startPlatforms(config, runtime, logger);
  } catch (e) {
    process.stderr.write(`ee-bot: ${isEeBotError(e) ? e.message : String(e)}\n`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await Promise.allSettled(running.map((a) => a.stop()));
  return 0;
}

process.exitCode = await main();
