import { fileURLToPath } from "node:url";
import { REST, ShardingManager } from "discord.js";
import type { Subscriptions } from "../../announce/subscriptions.js";
import type { Runtime, RunningAdapter } from "../../app.js";
import type { Config } from "../../config.js";
import { DiscordAdapter } from "./adapter.js";

/** Client options that follow from the configuration (a REST proxy or a test server). */
export function restOptions(config: Config): { rest?: { api: string } } {
  return config.DISCORD_API_BASE ? { rest: { api: config.DISCORD_API_BASE } } : {};
}

/** A REST client of its own, for a process that posts announcements without a gateway client (the sharding manager's). */
export function announceRest(config: Config): REST {
  return new REST({ ...(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}) }).setToken(config.DISCORD_TOKEN ?? "");
}

/** Starts Discord in this process: one client, all shards Discord assigns to it. */
export async function startDiscord(config: Config, runtime: Runtime, subscriptions?: Subscriptions): Promise<DiscordAdapter> {
  const adapter = new DiscordAdapter({
    token: config.DISCORD_TOKEN ?? "",
    answer: (m) => runtime.answer(m),
    command: (name, values, m) => runtime.command(name, values, m),
    knowledge: () => runtime.knowledge(),
    logger: runtime.logger.child({ adapter: "discord" }),
    clientOptions: restOptions(config),
    ...(subscriptions ? { subscriptions } : {}),
  });
  await adapter.start();
  return adapter;
}

// The shard entry is a sibling module: .ts when running from source through tsx, .js when compiled.
function shardEntry(): string {
  const ext = import.meta.url.endsWith(".ts") ? "ts" : "js";
  return fileURLToPath(new URL(`./shard.${ext}`, import.meta.url));
}

/** Starts Discord through discord.js sharding: one child process a shard, each a full bot. */
export async function startSharded(config: Config, runtime: Runtime): Promise<RunningAdapter> {
  const manager = new ShardingManager(shardEntry(), {
    token: config.DISCORD_TOKEN ?? "",
    totalShards: config.DISCORD_SHARDS === "auto" ? "auto" : Number(config.DISCORD_SHARDS),
    mode: "process",
    respawn: true,
    // Shards run the same flags as this process (tsx when running from source).
    execArgv: process.execArgv,
  });
  const states = new Map<number, string>();
  manager.on("shardCreate", (shard) => {
    states.set(shard.id, "connecting");
    shard.on("ready", () => states.set(shard.id, "ready"));
    shard.on("disconnect", () => states.set(shard.id, "down"));
    shard.on("reconnecting", () => states.set(shard.id, "connecting"));
    shard.on("death", () => states.set(shard.id, "down"));
    runtime.logger.info({ platform: "discord", shard: shard.id }, "shard launched");
  });
  await manager.spawn({ timeout: 60_000 });
  return {
    name: "discord",
    // Each shard process drains its own replies on SIGTERM before it exits.
    pending: 0,
    get state() {
      const all = [...states.values()];
      return all.length > 0 && all.every((s) => s === "ready") ? "ready" : all.includes("down") ? "down" : "connecting";
    },
    async stop() {
      manager.respawn = false;
      await Promise.all(
        [...manager.shards.values()].map(
          (shard) =>
            new Promise<void>((resolve) => {
              const child = shard.process;
              if (!child || child.exitCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}
