import { existsSync } from "node:fs";
import { z } from "zod";
import { DEFAULT_PATHS } from "./kb/paths.js";

const snowflake = z.string().regex(/^\d{17,20}$/, "expected a Discord id (17 to 20 digits)");

/** Every environment variable ee-bot reads, validated at start. Empty values count as unset. */
export const ConfigSchema = z.object({
  EE_BOT_KB: z.string().min(1).default(DEFAULT_PATHS.kb),
  EE_BOT_NOC: z.string().min(1).default(DEFAULT_PATHS.noc),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  DISCORD_TOKEN: z
    .string()
    .regex(/^[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}$/, "expected a bot token from the Developer Portal (three dot-separated parts)")
    .optional(),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_SHARDS: z
    .string()
    .regex(/^(?:auto|[1-9]\d{0,3})$/, 'expected "auto" or a number of shards')
    .optional(),
  DISCORD_API_BASE: z.url({ message: "expected a URL such as http://localhost:8080/api" }).optional(),
});
/** Validated configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/** The configuration, or one line per problem naming the variable and what is expected. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads the configuration from an environment; empty strings count as unset. Values never appear in problems. */
export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const keys = Object.keys(ConfigSchema.shape);
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => keys.includes(k) && v !== undefined && v.trim() !== "").map(([k, v]) => [k, v?.trim()]),
  );
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "config"}: ${i.message}`) };
  }
  return { ok: true, config: parsed.data };
}

/** The secret values of a configuration, for scrubbing logs. */
export function secretsOf(config: Config): string[] {
  return [config.DISCORD_TOKEN].filter((s): s is string => typeof s === "string");
}

/** Loads variables from a .env file into the environment, if the file exists; variables already set win. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
