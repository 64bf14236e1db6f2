import { setTimeout as delay } from "node:timers/promises";
import { runChat } from "./adapters/cli/chat.js";
import { Announcer } from "./announce/announcer.js";
import { AnnounceRunner } from "./announce/runner.js";
import { roundsFromDraws, type Sender } from "./announce/schema.js";
import { Subscriptions } from "./announce/subscriptions.js";
import { Runtime, asRunning, type RunningAdapter } from "./app.js";
import { loadDotEnv, readConfig, secretsOf, slackConfigured, storeOptionsOf, type Config } from "./config.js";
import { Knowledge } from "./core/knowledge.js";
import { openConfiguredShared, type SharedState } from "./shared/index.js";
import { isEeBotError } from "./errors.js";
import { healthReport, startHealthServer, storeHealthWithin } from "./health.js";
import { openStore, type Platform, type Store } from "./store/index.js";
import { drainAndStop, installCrashGuards, untilSignal } from "./lifecycle.js";
import { FeedPoller } from "./kb/feed/poller.js";
import { loadFeedFormat } from "./kb/feed/format.js";
import { pathsFromEnv } from "./kb/paths.js";
import { createLogger, type Logger } from "./log.js";

// Starts the configured platforms; returns how each one posts announcements.
async function startPlatforms(config: Config, runtime: Runtime, logger: Logger, running: RunningAdapter[], subscriptions: Subscriptions, shared: SharedState, store: Store): Promise<Partial<Record<Platform, Sender>>> {
  const senders: Partial<Record<Platform, Sender>> = {};
  const knowledge = () => runtime.knowledge();
  if (config.DISCORD_TOKEN) {
    // Loaded only when configured: the terminal never pays for discord.js.
    const discord = await import("./adapters/discord/start.js");
    const { DiscordSender } = await import("./adapters/discord/announce.js");
    if (config.DISCORD_SHARDS) {
      running.push(await discord.startSharded(config, runtime));
      senders.discord = new DiscordSender(discord.announceRest(config), knowledge);
    } else {
      const adapter = await discord.startDiscord(config, runtime, subscriptions);
      running.push(asRunning("discord", adapter));
      // The running client's REST: announcements share its rate-limit buckets with the replies.
      senders.discord = new DiscordSender(adapter.client.rest, knowledge);
    }
    logger.info({ platform: "discord", sharded: Boolean(config.DISCORD_SHARDS) }, "discord started");
  }
  if (slackConfigured(config)) {
    const { startSlack } = await import("./adapters/slack/start.js");
    const { SlackSender, announceClient, installedWorkspaces } = await import("./adapters/slack/announce.js");
    const slack = await startSlack(config, runtime, { store, subscriptions, claims: shared.claims });
    running.push(slack.running);
    const installations = slack.installations;
    // With Add to Slack each workspace's announcements go out with the token of its own installation.
    senders.slack = new SlackSender(
      installations ? installedWorkspaces((team) => installations.find({ teamId: team, enterpriseId: null, isEnterpriseInstall: false }), config.SLACK_API_URL) : announceClient(config.SLACK_BOT_TOKEN ?? "", config.SLACK_API_URL),
      knowledge,
    );
  }
  return senders;
}

async function openConfiguredStore(config: Config, logger: Logger): Promise<Store> {
  const started = performance.now();
  const store = await openStore(storeOptionsOf(config));
  logger.info({ engine: store.engine, ms: Math.round(performance.now() - started) }, store.engine === "sqlite" ? `database open in ${config.DATA_DIR}` : "database open (PostgreSQL)");
  return store;
}

// Polls IRCC's feed; a newer feed is written and kb.json rebuilt atomically, then swapped in without a restart.
function startFeedPoller(config: Config, runtime: Runtime, logger: Logger): FeedPoller | undefined {
  if (config.FEED_POLL_MINUTES === 0) return undefined;
  const paths = { ...pathsFromEnv(), kb: config.EE_BOT_KB };
  const url = config.IRCC_FEED_URL ?? loadFeedFormat(paths.feedFormat).url;
  const poller = new FeedPoller({
    url,
    paths,
    intervalMinutes: config.FEED_POLL_MINUTES,
    timeoutMs: config.IRCC_FEED_TIMEOUT_MS,
    onUpdated: (rounds) => {
      logger.info({ rounds }, "new rounds in IRCC's feed");
      runtime.reload(Runtime.pathsFrom(config));
    },
    onError: (message) => logger.warn({ feed: url, problem: message }, "feed poll failed; the current knowledge base keeps serving"),
  });
  poller.start();
  return poller;
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
  let knowledge: Knowledge;
  try {
    knowledge = Knowledge.load(Runtime.pathsFrom(config));
  } catch (e) {
    process.stderr.write(`ee-bot: ${isEeBotError(e) ? e.message : String(e)}\n`);
    return 1;
  }
  const paths = Runtime.pathsFrom(config);
  if (!config.DISCORD_TOKEN && !slackConfigured(config)) {
    const runtime = new Runtime(knowledge, logger, Runtime.optionsFrom(config));
    const watcher = config.KB_WATCH === "true" ? runtime.watch(paths) : { close: () => undefined };
    const code = await runChat(runtime.robot, runtime.knowledge(), {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      isTty: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    });
    watcher.close();
    return code;
  }
  installCrashGuards(logger);
  let store: Store;
  let shared: SharedState;
  try {
    store = await openConfiguredStore(config, logger);
  } catch (e) {
    process.stderr.write(`ee-bot: ${isEeBotError(e) ? e.message : String(e)}\n`);
    return 1;
  }
  try {
    shared = await openConfiguredShared(config, store, logger);
  } catch (e) {
    process.stderr.write(`ee-bot: ${isEeBotError(e) ? e.message : String(e)}\n`);
    await store.close();
    return 1;
  }
  const runtime = new Runtime(knowledge, logger, { ...Runtime.optionsFrom(config), limiter: shared.limiter, conversations: shared.conversations });
  const watcher = config.KB_WATCH === "true" ? runtime.watch(paths) : { close: () => undefined };
  const startedAt = Date.now();
  const running: RunningAdapter[] = [];
  const subscriptions = new Subscriptions(store, () => runtime.knowledge(), logger.child({ component: "subscriptions" }));
  const poller = startFeedPoller(config, runtime, logger);
  const report = async () => healthReport(runtime, running, startedAt, poller?.status() ?? null, await storeHealthWithin(() => store.health(), store.engine), await shared.health());
  const health = config.HEALTH_PORT !== undefined ? await startHealthServer(config.HEALTH_PORT, config.HEALTH_HOST, report) : undefined;
  if (health) logger.info({ port: health.port }, "health check listening on /healthz");
  const stopping = untilSignal();
  let runner: AnnounceRunner | undefined;
  try {
    const senders = await startPlatforms(config, runtime, logger, running, subscriptions, shared, store);
    const leaseMs = config.ANNOUNCE_LEASE_SECONDS * 1000;
    const log = logger.child({ component: "announce" });
    const announcer = new Announcer({ store, senders, log, leaseMs });
    // Looks again a little after a lease ends, for deliveries a crashed process left behind.
    const active = new AnnounceRunner({ announcer, rounds: () => roundsFromDraws(runtime.knowledge().draws), log, retryMs: leaseMs + 2000 });
    runner = active;
    // Every successful reload (feed poll, kb.json rebuilt or replaced) may bring rounds; the cursors tell which are new.
    runtime.onReload(() => void active.run("knowledge base reloaded"));
    void active.run("start");
  } catch (e) {
    process.stderr.write(`ee-bot: ${isEeBotError(e) ? e.message : String(e)}\n`);
    poller?.stop();
    await runner?.stop();
    await drainAndStop(runtime, running, logger, 0);
    await health?.close();
    watcher.close();
    await shared.close();
    await store.close();
    return 1;
  }
  const signal = await stopping;
  logger.info({ signal }, "shutting down: finishing replies in flight");
  poller?.stop();
  const deadlineMs = config.SHUTDOWN_TIMEOUT_SECONDS * 1000;
  // A fan-out still going at the deadline is left to the next start: its claims expire and nothing is posted twice.
  await Promise.race([runner.stop(), delay(deadlineMs, undefined, { ref: false })]);
  await drainAndStop(runtime, running, logger, deadlineMs);
  await health?.close();
  watcher.close();
  await shared.close().catch((err: unknown) => logger.warn({ err }, "closing the shared state failed"));
  await store.close().catch((err: unknown) => logger.warn({ err }, "closing the database failed"));
  logger.info("stopped");
  return 0;
}

const code = await main();
process.exitCode = code;
// Everything was closed; a library timer or socket left behind must not keep a stopped bot alive.
setTimeout(() => process.exit(code), 2000).unref();
