import { existsSync } from "node:fs";
import * as z from "zod";
import { DEFAULT_PATHS } from "./kb/paths.js";

const snowflake = z.string().regex(/^\d{17,20}$/, "expected a Discord id (17 to 20 digits)");

/** Every environment variable ee-bot reads, validated at start. Empty values count as unset. */
export const ConfigSchema = z.object({
  EE_BOT_KB: z.string().min(1).default(DEFAULT_PATHS.kb),
  EE_BOT_NOC: z.string().min(1).default(DEFAULT_PATHS.noc),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "expected one of fatal, error, warn, info, debug, trace, silent" }).default("info"),
  RATE_LIMIT_MESSAGES: z.coerce.number({ error: "expected a whole number of messages" }).int().min(1).max(1000).default(5),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number({ error: "expected a number of seconds" }).positive().max(3600).default(10),
  MAX_MESSAGE_LENGTH: z.coerce.number({ error: "expected a number of characters" }).int().min(100).max(100_000).default(2000),
  CONTEXT_TTL_MINUTES: z.coerce.number({ error: "expected a number of minutes" }).positive().max(1440).default(30),
  CONTEXT_MAX_CONVERSATIONS: z.coerce.number({ error: "expected a whole number" }).int().min(1).max(1_000_000).default(10_000),
  HEALTH_PORT: z.coerce.number({ error: "expected a port number" }).int({ error: "expected a port number" }).min(0, { error: "expected a port number from 0 to 65535" }).max(65_535, { error: "expected a port number from 0 to 65535" }).optional(),
  HEALTH_HOST: z.string().min(1).default("0.0.0.0"),
  KB_WATCH: z.enum(["true", "false"], { error: 'expected "true" or "false"' }).default("true"),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number({ error: "expected a number of seconds" }).positive().max(600).default(10),

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

  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-[\w-]{10,}$/, "expected a bot token starting with xoxb-").optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-[\w-]{10,}$/, "expected an app-level token starting with xapp- (Socket Mode)").optional(),
  SLACK_SIGNING_SECRET: z.string().regex(/^[\w-]{16,}$/, "expected the signing secret from Basic Information").optional(),
  SLACK_PORT: z.coerce.number({ error: "expected a port number" }).int({ error: "expected a port number" }).min(0, { error: "expected a port number from 0 to 65535" }).max(65_535, { error: "expected a port number from 0 to 65535" }).default(3000),
  SLACK_API_URL: z.url({ message: "expected a URL such as https://slack.com/api/" }).optional(),
}).superRefine((c, ctx) => {
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    ctx.addIssue({ code: "custom", path: ["SLACK_APP_TOKEN"], message: "set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) with SLACK_BOT_TOKEN" });
  }
  if (!c.SLACK_BOT_TOKEN && (c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET)) {
    ctx.addIssue({ code: "custom", path: ["SLACK_BOT_TOKEN"], message: "required with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET" });
  }
});
/** Every variable name the configuration reads. */
export const CONFIG_KEYS: readonly string[] = [
  "EE_BOT_KB", "EE_BOT_NOC", "LOG_LEVEL",
  "RATE_LIMIT_MESSAGES", "RATE_LIMIT_WINDOW_SECONDS", "MAX_MESSAGE_LENGTH", "CONTEXT_TTL_MINUTES", "CONTEXT_MAX_CONVERSATIONS",
  "HEALTH_PORT", "HEALTH_HOST", "KB_WATCH", "SHUTDOWN_TIMEOUT_SECONDS",
  "DISCORD_TOKEN", "DISCORD_APPLICATION_ID", "DISCORD_GUILD_ID", "DISCORD_SHARDS", "DISCORD_API_BASE",
  "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_PORT", "SLACK_API_URL",
];

/** Validated configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/** The configuration, or one line per problem naming the variable and what is expected. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads the configuration from an environment; empty strings count as unset. Values never appear in problems. */
export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const keys = CONFIG_KEYS;
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
  return [config.DISCORD_TOKEN, config.SLACK_BOT_TOKEN, config.SLACK_APP_TOKEN, config.SLACK_SIGNING_SECRET].filter((s): s is string => typeof s === "string");
}

/** Loads variables from a .env file into the environment, if the file exists; variables already set win. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
