import { REST, Routes } from "discord.js";
import { loadDotEnv, readConfig, type Config } from "../../config.js";
import { Knowledge } from "../../core/knowledge.js";
import { defaultRegistry } from "../../skills/registry.js";
import { eeCommand } from "./commands.js";

/** Where commands were registered. */
export interface Registered {
  scope: "guild" | "global";
  applicationId: string;
  count: number;
}

/** Registers the /ee command: in one guild when DISCORD_GUILD_ID is set (instant), else globally. */
export async function registerCommands(config: Config): Promise<Registered> {
  if (!config.DISCORD_TOKEN) throw new Error("DISCORD_TOKEN is not set");
  const rest = new REST({ ...(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}) }).setToken(config.DISCORD_TOKEN);
  const applicationId = config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  // Choices (round types, categories) come from the knowledge base in use.
  const knowledge = Knowledge.load({ kb: config.EE_BOT_KB, noc: config.EE_BOT_NOC, vocabulary: config.EE_BOT_VOCABULARY });
  const body = [eeCommand(knowledge, defaultRegistry(), { subscriptions: true })];
  const route = config.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(applicationId, config.DISCORD_GUILD_ID) : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, { body })) as unknown[];
  return { scope: config.DISCORD_GUILD_ID ? "guild" : "global", applicationId, count: result.length };
}

/** The `npm run discord:register` command. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const result = readConfig(env);
  if (!result.ok) {
    for (const p of result.problems) process.stderr.write(`discord:register: configuration: ${p}\n`);
    return 2;
  }
  if (!result.config.DISCORD_TOKEN) {
    process.stderr.write("discord:register: set DISCORD_TOKEN (see .env.example)\n");
    return 2;
  }
  try {
    const r = await registerCommands(result.config);
    process.stdout.write(
      r.scope === "guild"
        ? `registered ${r.count} command in guild ${result.config.DISCORD_GUILD_ID} (available now)\n`
        : `registered ${r.count} command globally (Discord may take up to an hour to show it everywhere)\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`discord:register: ${(e as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1]?.endsWith("register.ts") || process.argv[1]?.endsWith("register.js")) {
  loadDotEnv();
  process.exitCode = await main();
}
