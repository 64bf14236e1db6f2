// One shard of a sharded Discord bot, started by the ShardingManager in its own process.
import { Runtime, asRunning } from "../../app.js";
import { readConfig, secretsOf, storeOptionsOf } from "../../config.js";
import { Subscriptions } from "../../announce/subscriptions.js";
import { openStore } from "../../store/index.js";
import { openConfiguredShared } from "../../shared/index.js";
import { createLogger } from "../../log.js";
import { startDiscord } from "./start.js";
import { drainAndStop, installCrashGuards, untilSignal } from "../../lifecycle.js";

const result = readConfig(process.env);
if (!result.ok) {
  for (const p of result.problems) process.stderr.write(`ee-bot shard: configuration: ${p}\n`);
  process.exit(2);
}
const config = { ...result.config, DISCORD_TOKEN: process.env.DISCORD_TOKEN };
const logger = createLogger({ level: config.LOG_LEVEL, secrets: secretsOf(config) }).child({ shard: process.env.SHARDS });
installCrashGuards(logger);
// Each shard answers the subscription commands of its guilds; the sharding manager's process posts the announcements.
const store = await openStore(storeOptionsOf(config));
// A user's messages may reach several shards (a DM on shard 0, a mention in a guild of another): one shared limit.
const shared = await openConfiguredShared(config, store, logger);
const runtime = Runtime.load(config, logger, { limiter: shared.limiter, conversations: shared.conversations });
const watcher = config.KB_WATCH === "true" ? runtime.watch({ kb: config.EE_BOT_KB, noc: config.EE_BOT_NOC }) : { close: () => undefined };
const adapter = await startDiscord(config, runtime, new Subscriptions(store, () => runtime.knowledge(), logger));
await untilSignal();
await drainAndStop(runtime, [asRunning("discord", adapter)], logger, config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
watcher.close();
await shared.close();
await store.close();
process.exit(0);
