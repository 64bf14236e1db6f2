import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger } from "pino";

/** Patterns of secrets that must never reach a log line, whatever carries them (messages, stacks, URLs). */
const SECRET_PATTERNS: readonly RegExp[] = [
  // Discord bot tokens: base64 id, timestamp, HMAC.
  /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,40}/g,
  // Slack tokens: bot, user, app-level, configuration, refresh.
  /\bxox[abposre]-[\w-]{8,}/g,
  /\bxapp-[\w-]{8,}/g,
  // Discord interaction tokens are base64 of "interaction:...".
  /\baW50ZXJhY3Rpb246[\w-]{10,}/g,
  // Webhook and response URLs carry their token in the path.
  /(hooks\.slack\.com\/(?:commands|actions|services)\/)[\w/-]+/g,
  /(\/webhooks\/\d+\/)[\w-]{20,}/g,
  /(\/interactions\/\d+\/)[\w-]{20,}/g,
];

const REDACTED = "[redacted]";

/** Replaces every known secret and every secret-shaped string in a text. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join(REDACTED);
  for (const re of SECRET_PATTERNS) out = out.replace(re, (m, prefix?: unknown) => (typeof prefix === "string" && m.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED));
  return out;
}

/** Where log lines go: anything with write(). */
export interface LogSink {
  write(line: string): unknown;
}

/** Options of the logger. */
export interface LogOptions {
  readonly level?: LevelWithSilent;
  /** Secret values to scrub from every line (tokens, signing secrets). */
  readonly secrets?: readonly string[];
  readonly sink?: LogSink;
}

/** A pino logger whose every line is scrubbed of secrets before it is written. */
export function createLogger(options: LogOptions = {}): Logger {
  const secrets = [...(options.secrets ?? [])];
  const sink = options.sink ?? process.stderr;
  const stream = { write: (line: string): void => void sink.write(redactText(line, secrets)) };
  return pino(
    {
      level: options.level ?? "info",
      base: { app: "ee-bot" },
      redact: {
        paths: ["token", "*.token", "authorization", "*.authorization", "headers.authorization", "signingSecret", "*.signingSecret", "appToken", "botToken"],
        censor: REDACTED,
      },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    stream,
  );
}

/** A logger that writes nothing, for tests and tools. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
