import { existsSync } from "node:fs";
import { z } from "zod";
import { DEFAULT_PATHS } from "./kb/paths.js";

/** Every environment variable ee-bot reads, validated at start. */
export const ConfigSchema = z.object({
  EE_BOT_KB: z.string().min(1).default(DEFAULT_PATHS.kb),
  EE_BOT_NOC: z.string().min(1).default(DEFAULT_PATHS.noc),
});
/** Validated configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/** The configuration, or one line per problem naming the variable and what is expected. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads the configuration from an environment; empty strings count as unset. */
export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "config"}: ${i.message}`) };
  }
  return { ok: true, config: parsed.data };
}

/** Loads variables from a .env file into the environment, if the file exists; set variables win. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
