// One shard of a sharded Discord bot, started by the ShardingManager in its own process.
import { Runtime } from "../../app.js";
import { readConfig, secretsOf } from "../../config.js";
import { createLogger } from "../../log.js";
import { startDiscord } from "./start.js";

const result = readConfig(process.env);
if (!result.ok) {
  for (const p of result.problems) process.stderr.write(`ee-bot shard: configuration: ${p}\n`);
  process.exit(2);
}
const config = { ...result.config, DISCORD_TOKEN: process.env.DISCORD_TOKEN };
const logger = createLogger({ level: config.LOG_LEVEL, secrets: secretsOf(config) }).child({ shard: process.env.SHARDS });
const runtime = Runtime.load(config, logger);
const adapter = await startDiscord(config, runtime);
const stop = (): void => void adapter.stop().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
