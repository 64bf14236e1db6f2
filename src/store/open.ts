import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import { EeBotError, ErrorCode } from "../errors.js";
import { migrationProvider } from "./migrations.js";
import { parseSecretKey } from "./secret.js";
import { KyselyStore } from "./store.js";
import type { Store } from "./schema.js";
import type { Database } from "./tables.js";

/** Name of the embedded database file inside the data folder. */
export const STORE_FILE_NAME = "ee-bot.sqlite";

/** Where and how to open the store. */
export interface StoreOptions {
  /** Folder of the embedded SQLite file, created when missing; unused with a database URL. */
  readonly dataDir: string;
  /** postgres:// URL: use PostgreSQL instead of the embedded file. */
  readonly databaseUrl?: string | undefined;
  /** PostgreSQL schema to keep the tables in, created when missing (default public). */
  readonly schema?: string | undefined;
  /** STORE_SECRET_KEY's text; when the option is absent, the environment variable is read. */
  readonly secretKey?: string | undefined;
  /** How long a SQLite writer waits for another process's write lock before failing (default 5000 ms). */
  readonly busyTimeoutMs?: number;
  /** Clock in epoch milliseconds, for leases and expiry (default Date.now). */
  readonly now?: () => number;
}

/** Store options from the environment: DATA_DIR (default ./data), DATABASE_URL, STORE_SECRET_KEY. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  return {
    dataDir: env.DATA_DIR || "data",
    databaseUrl: env.DATABASE_URL || undefined,
    secretKey: env.STORE_SECRET_KEY || undefined,
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens the store (embedded SQLite, or PostgreSQL when a database URL is given) and applies pending migrations. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const secretKey = parseSecretKey("secretKey" in options ? options.secretKey : process.env.STORE_SECRET_KEY);
  const now = options.now ?? Date.now;
  if (options.databaseUrl) {
    const schema = options.schema ?? "public";
    const db = await openPostgres(options.databaseUrl, schema);
    await migrate(db, () => migratePostgres(db, schema));
    return new KyselyStore(db, { engine: "postgres", secretKey, now });
  }
  const { db, handle } = await openSqlite(options.dataDir, options.busyTimeoutMs ?? 5000);
  await migrate(db, () => migrateSqlite(db, handle));
  return new KyselyStore(db, { engine: "sqlite", secretKey, now });
}

// Several processes may share one file: WAL lets readers go on while one writes, and the busy timeout makes a
// writer wait for the other's write lock instead of failing at once. Every write the store makes is one short
// statement, so the wait is short; the claim rules (one conditional statement each) keep deliveries exactly-once
// across processes as they do on PostgreSQL. Sharing is safe only on a local disk, not on a network file system.
async function openSqlite(dataDir: string, busyTimeoutMs: number): Promise<{ db: Kysely<Database>; handle: BetterSqlite3.Database }> {
  const file = join(dataDir, STORE_FILE_NAME);
  let handle: BetterSqlite3.Database | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    handle = new BetterSqlite3(file, { timeout: busyTimeoutMs });
    await switchToWal(handle, busyTimeoutMs);
    handle.pragma("foreign_keys = ON");
  } catch (cause) {
    handle?.close();
    throw new EeBotError(ErrorCode.StoreOpenFailed, `cannot open the database file ${file}: ${(cause as Error).message}`, { cause });
  }
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) }), handle };
}

// Switching a new file to WAL needs an exclusive lock and SQLite answers SQLITE_BUSY at once, without waiting on the
// busy timeout, when another process opening the same new file holds it: try again until the timeout has passed.
async function switchToWal(handle: BetterSqlite3.Database, busyTimeoutMs: number): Promise<void> {
  const deadline = Date.now() + busyTimeoutMs;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      handle.pragma("journal_mode = WAL");
      return;
    } catch (e) {
      if ((e as { code?: unknown }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw e;
      await delay(wait);
    }
  }
}

async function openPostgres(databaseUrl: string, schema: string): Promise<Kysely<Database>> {
  if (!/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
    throw new EeBotError(ErrorCode.ConfigInvalid, "DATABASE_URL must be a postgres:// or postgresql:// URL");
  }
  if (!SCHEMA_NAME.test(schema)) {
    throw new EeBotError(ErrorCode.ConfigInvalid, `invalid PostgreSQL schema name ${JSON.stringify(schema)}`);
  }
  // Loaded only for PostgreSQL: an embedded store never pays for the driver.
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    options: `-c search_path=${schema}`,
  });
  // An idle client losing its server (restart, failover) must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function migrate(db: Kysely<Database>, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (cause) {
    await db.destroy().catch(() => undefined);
    if (cause instanceof EeBotError) throw cause;
    throw new EeBotError(ErrorCode.StoreMigrationFailed, `cannot prepare the database: ${(cause as Error).message}`, { cause });
  }
}

// The schema is named to the migrator too: without it, Kysely looks for its tables in every schema of the database
// and takes another schema's for its own.
async function applyMigrations(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema === undefined ? {} : { migrationTableSchema: schema }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new EeBotError(ErrorCode.StoreMigrationFailed, `migration ${failed ?? "(before any migration)"} failed: ${(error as Error).message}`, { cause: error });
  }
}

// Kysely's SQLite migrator locks nothing across processes (it only serialises its one connection), so two processes
// opening a fresh file at once would both create the tables. BEGIN IMMEDIATE takes the file's write lock before the
// migrator reads which migrations ran; the other process waits (busy timeout), then finds them applied. SQLite DDL is
// transactional, so a failed migration leaves nothing behind.
async function migrateSqlite(db: Kysely<Database>, handle: BetterSqlite3.Database): Promise<void> {
  handle.exec("BEGIN IMMEDIATE");
  try {
    await applyMigrations(db);
    handle.exec("COMMIT");
  } catch (e) {
    if (handle.inTransaction) handle.exec("ROLLBACK");
    throw e;
  }
}

// Kysely's PostgreSQL migrator takes an advisory lock only around running the migrations, after creating its own
// tables (it tolerates that race) and with one lock for every schema of the database. This lock, held on a connection
// of its own, also covers creating the schema and is per schema, so separate schemas migrate independently.
async function migratePostgres(db: Kysely<Database>, schema: string): Promise<void> {
  const lockName = `ee-bot:migrate:${schema}`;
  await db.connection().execute(async (lock) => {
    await sql`select pg_advisory_lock(hashtext(${lockName}))`.execute(lock);
    try {
      await lock.schema.createSchema(schema).ifNotExists().execute();
      await applyMigrations(db, schema);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${lockName}))`.execute(lock);
    }
  });
}
