import { existsSync } from "node:fs";
import * as z from "zod";
import { DEFAULT_PATHS } from "./kb/paths.js";
import { VOCABULARY_FILE } from "./kb/vocabulary.js";
import { parseSecretKey } from "./store/secret.js";
import type { StoreOptions } from "./store/open.js";

const snowflake = z.string().regex(/^\d{17,20}$/, "expected a Discord id (17 to 20 digits)");

/** Every environment variable ee-bot reads, validated at start. Empty values count as unset. */
export const ConfigSchema = z.object({
  EE_BOT_KB: z.string().min(1).default(DEFAULT_PATHS.kb),
  EE_BOT_NOC: z.string().min(1).default(DEFAULT_PATHS.noc),
  EE_BOT_VOCABULARY: z.string().min(1).default(VOCABULARY_FILE),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "expected one of fatal, error, warn, info, debug, trace, silent" }).default("info"),
  RATE_LIMIT_MESSAGES: z.coerce.number({ error: "expected a whole number of messages" }).int().min(1).max(1000).default(5),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number({ error: "expected a number of seconds" }).positive().max(3600).default(10),
  MAX_MESSAGE_LENGTH: z.coerce.number({ error: "expected a number of characters" }).int().min(100).max(100_000).default(2000),
  CONTEXT_TTL_MINUTES: z.coerce.number({ error: "expected a number of minutes" }).positive().max(1440).default(30),
  CONTEXT_MAX_CONVERSATIONS: z.coerce.number({ error: "expected a whole number" }).int().min(1).max(1_000_000).default(10_000),
  HEALTH_PORT: z.coerce.number({ error: "expected a port number" }).int({ error: "expected a port number" }).min(0, { error: "expected a port number from 0 to 65535" }).max(65_535, { error: "expected a port number from 0 to 65535" }).optional(),
  HEALTH_HOST: z.string().min(1).default("127.0.0.1"),
  KB_WATCH: z.enum(["true", "false"], { error: 'expected "true" or "false"' }).default("true"),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number({ error: "expected a number of seconds" }).positive().max(600).default(10),
  /** Minutes between polls of IRCC's rounds feed while a platform runs; 0 turns polling off. Default 30. */
  FEED_POLL_MINUTES: z.coerce.number({ error: "expected a number of minutes (0 turns polling off)" }).min(0).max(1440).default(30),
  IRCC_FEED_URL: z.url({ message: "expected the feed's URL" }).optional(),
  IRCC_FEED_TIMEOUT_MS: z.coerce.number({ error: "expected milliseconds" }).int().positive().max(600_000).default(30_000),

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
  /** "Add to Slack": the app's client id, client secret and a secret that signs the OAuth state (Basic Information). */
  SLACK_CLIENT_ID: z.string().regex(/^\d+\.\d+$/, "expected the client id from Basic Information (digits, a dot, digits)").optional(),
  SLACK_CLIENT_SECRET: z.string().regex(/^[0-9a-f]{16,}$/i, "expected the client secret from Basic Information").optional(),
  SLACK_STATE_SECRET: z.string().min(16, "expected at least 16 random characters (openssl rand -hex 16)").optional(),
  /** The redirect URL registered with Slack, when it must be named (several are registered); else Slack uses the one registered. */
  SLACK_REDIRECT_URI: z.url({ message: "expected https://YOUR-HOST/slack/oauth_redirect" }).optional(),

  /** Folder of the embedded database (subscriptions, deliveries), created when missing; default ./data. */
  DATA_DIR: z.string().min(1).default("data"),
  /** PostgreSQL instead of the embedded database, for several bot processes or machines. */
  DATABASE_URL: z.string().regex(/^postgres(?:ql)?:\/\/\S+$/, "expected a postgres:// or postgresql:// URL").optional(),
  /** PostgreSQL schema for the bot's tables (default public), so several bots can share one database. */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "expected a lower-case PostgreSQL schema name (letters, digits, underscores)").optional(),
  /** Key that encrypts Slack bot tokens in the database: 32 bytes as 64 hex digits or base64. */
  STORE_SECRET_KEY: z.string().optional(),
  /** Redis for the state several bot processes share (event claims, rate limits, conversations). */
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, "expected a redis:// or rediss:// URL").optional(),
  /** Prefix of every key the bot writes in Redis (default ee-bot:), so several bots can share one server. */
  REDIS_KEY_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, "expected up to 64 letters, digits, colons, dots, dashes or underscores").default("ee-bot:"),
  /** Where the shared state lives: auto (Redis with REDIS_URL, else PostgreSQL with DATABASE_URL, else memory), memory, redis or postgres. */
  SHARED_STATE: z.enum(["auto", "memory", "redis", "postgres"], { error: "expected auto, memory, redis or postgres" }).default("auto"),
  /** How long a process keeps the claim of an announcement it is sending; another process takes it over after (a crash). Longer than a send with its retries. */
  ANNOUNCE_LEASE_SECONDS: z.coerce.number({ error: "expected a number of seconds" }).int().min(5).max(3600).default(120),
}).superRefine((c, ctx) => {
  if (c.STORE_SECRET_KEY !== undefined) {
    try {
      parseSecretKey(c.STORE_SECRET_KEY);
    } catch {
      ctx.addIssue({ code: "custom", path: ["STORE_SECRET_KEY"], message: "expected 32 bytes written as 64 hex digits or as base64 (openssl rand -base64 32)" });
    }
  }
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    ctx.addIssue({ code: "custom", path: ["SLACK_APP_TOKEN"], message: "set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) with SLACK_BOT_TOKEN" });
  }
  const oauth = [c.SLACK_CLIENT_ID, c.SLACK_CLIENT_SECRET, c.SLACK_STATE_SECRET];
  if (oauth.some((v) => v !== undefined) && oauth.some((v) => v === undefined)) {
    const missing = (["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const).filter((k) => c[k] === undefined);
    for (const k of missing) ctx.addIssue({ code: "custom", path: [k], message: "required for Add to Slack with the other two of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET" });
  }
  const installs = oauth.every((v) => v !== undefined);
  if (installs && c.SLACK_BOT_TOKEN) {
    ctx.addIssue({ code: "custom", path: ["SLACK_BOT_TOKEN"], message: "leave unset with SLACK_CLIENT_ID: each workspace's token comes from its installation" });
  }
  if (installs && !c.STORE_SECRET_KEY) {
    ctx.addIssue({ code: "custom", path: ["STORE_SECRET_KEY"], message: "required with SLACK_CLIENT_ID: installations' bot tokens are stored encrypted" });
  }
  if (installs && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    ctx.addIssue({ code: "custom", path: ["SLACK_SIGNING_SECRET"], message: "set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) with SLACK_CLIENT_ID" });
  }
  if (!c.SLACK_BOT_TOKEN && oauth.every((v) => v === undefined) && (c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET)) {
    ctx.addIssue({ code: "custom", path: ["SLACK_BOT_TOKEN"], message: "required with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET" });
  }
  if (c.SHARED_STATE === "redis" && !c.REDIS_URL) ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "required with SHARED_STATE=redis" });
  if (c.SHARED_STATE === "postgres" && !c.DATABASE_URL) ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "required with SHARED_STATE=postgres" });
});
/** Every variable name the configuration reads. */
export const CONFIG_KEYS: readonly string[] = [
  "EE_BOT_KB", "EE_BOT_NOC", "EE_BOT_VOCABULARY", "LOG_LEVEL",
  "RATE_LIMIT_MESSAGES", "RATE_LIMIT_WINDOW_SECONDS", "MAX_MESSAGE_LENGTH", "CONTEXT_TTL_MINUTES", "CONTEXT_MAX_CONVERSATIONS",
  "HEALTH_PORT", "HEALTH_HOST", "KB_WATCH", "SHUTDOWN_TIMEOUT_SECONDS", "FEED_POLL_MINUTES", "IRCC_FEED_URL", "IRCC_FEED_TIMEOUT_MS",
  "DISCORD_TOKEN", "DISCORD_APPLICATION_ID", "DISCORD_GUILD_ID", "DISCORD_SHARDS", "DISCORD_API_BASE",
  "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_PORT", "SLACK_API_URL",
  "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "SLACK_REDIRECT_URI",
  "DATA_DIR", "DATABASE_URL", "DATABASE_SCHEMA", "STORE_SECRET_KEY", "REDIS_URL", "REDIS_KEY_PREFIX", "SHARED_STATE", "ANNOUNCE_LEASE_SECONDS",
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
  const passwords = [config.DATABASE_URL, config.REDIS_URL].map((url) => (url ? urlPassword(url) : undefined));
  return [config.DISCORD_TOKEN, config.SLACK_BOT_TOKEN, config.SLACK_APP_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_CLIENT_SECRET, config.SLACK_STATE_SECRET, config.STORE_SECRET_KEY, ...passwords].filter((s): s is string => typeof s === "string" && s !== "");
}

/** True when Slack is configured: one workspace's bot token, or Add to Slack for many. */
export function slackConfigured(config: Config): boolean {
  return Boolean(config.SLACK_BOT_TOKEN || slackInstalls(config));
}

/** True when Slack is installed through OAuth (Add to Slack), each workspace with its own token from the store. */
export function slackInstalls(config: Config): boolean {
  return Boolean(config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET && config.SLACK_STATE_SECRET);
}

function urlPassword(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** Where the store lives, from the configuration: DATA_DIR, or DATABASE_URL when set; STORE_SECRET_KEY. */
export function storeOptionsOf(config: Config): StoreOptions {
  return { dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, secretKey: config.STORE_SECRET_KEY };
}

/** Loads variables from a .env file into the environment, if the file exists; variables already set win. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
