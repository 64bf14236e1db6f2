import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { Redis } from "ioredis";
import { afterAll } from "vitest";
import { ALL_ENGINES, TEST_DATABASE_URL } from "../store/engines.js";
import { openStore, type Store, type StoreOptions } from "../../src/store/index.js";

/** The Redis the tests use: TEST_REDIS_URL, else the local server. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisReachable(): Promise<boolean> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** True when the local Redis answers; said once per test run when it does not. */
export const redisUp = await redisReachable();
if (!redisUp) {
  try {
    writeFileSync(join(tmpdir(), `ee-redis-skipped-${process.ppid}`), "", { flag: "wx" });
    console.log(`Redis not reachable at ${TEST_REDIS_URL}: skipping the Redis tests`);
  } catch {
    // Already said in this run.
  }
}

/** True when the local PostgreSQL answers (said once per run by the store's engines when it does not). */
export const postgresUp = ALL_ENGINES.find((e) => e.engine === "postgres")?.available ?? false;

/** A key prefix nobody has used: each test's Redis keys apart from every other's. */
export function freshPrefix(): string {
  return `ee-test:${process.pid}:${Math.random().toString(36).slice(2, 10)}:`;
}

const PG = ALL_ENGINES.find((e) => e.engine === "postgres");

/** Options of a PostgreSQL store in a schema nobody has used (dropped after the file's tests). */
export function freshPostgres(): StoreOptions & { databaseUrl: string; schema: string } {
  const options = PG?.fresh() ?? { dataDir: "", databaseUrl: TEST_DATABASE_URL, schema: "unused" };
  return { ...options, databaseUrl: options.databaseUrl ?? TEST_DATABASE_URL, schema: options.schema ?? "public" };
}

/** Runs SQL on the test PostgreSQL in a schema. */
export async function queryPostgres(options: StoreOptions, text: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> {
  if (!PG) throw new Error("no PostgreSQL engine");
  return PG.query(options, text, params);
}

const redisClients: Redis[] = [];
afterAll(async () => {
  for (const c of redisClients.splice(0)) {
    c.disconnect();
  }
});

/** A plain Redis client for looking at what the bot wrote, closed after the file's tests. */
export function redisClient(): Redis {
  const c = new Redis(TEST_REDIS_URL);
  c.on("error", () => undefined);
  redisClients.push(c);
  return c;
}

/** Opens a store on options, to close in the caller's afterEach. */
export async function storeOn(options: StoreOptions): Promise<Store> {
  return openStore(options);
}
