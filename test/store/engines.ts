import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { afterAll } from "vitest";
import { STORE_FILE_NAME, type StoreOptions } from "../../src/store/index.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const CHILD = join(ROOT, "test/fixtures/store/child.ts");

/** The PostgreSQL the tests use: TEST_DATABASE_URL, else the local server. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Says once per test run, not once per test file, that PostgreSQL is skipped. */
function sayOnce(line: string): void {
  // Each test file runs in a worker of the same vitest process: the first worker to create the marker says it.
  try {
    writeFileSync(join(tmpdir(), `ee-store-pg-skipped-${process.ppid}`), "", { flag: "wx" });
    console.log(line);
  } catch {
    // Already said in this run.
  }
}

const pgUp = await postgresReachable();
if (!pgUp) sayOnce(`PostgreSQL not reachable at ${TEST_DATABASE_URL}: skipping the PostgreSQL store tests`);

/** One engine the store tests run on. */
export interface EngineCase {
  readonly engine: "sqlite" | "postgres";
  readonly available: boolean;
  /** Options of a database nobody has used yet (a new temporary folder, or a new schema). */
  fresh(): StoreOptions;
  /** Runs SQL (parameters as ?) on the database of some options, outside the store, to look at or tamper with what it wrote. */
  query(options: StoreOptions, text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

const schemas: string[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
  if (!pgUp || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  for (const s of schemas.splice(0)) await client.query(`drop schema if exists ${s} cascade`);
  await client.end();
});

/** Both engines, reachable or not. */
export const ALL_ENGINES: readonly EngineCase[] = [
  {
    engine: "sqlite",
    available: true,
    fresh: () => {
      const folder = mkdtempSync(join(tmpdir(), "ee-store-"));
      folders.push(folder);
      return { dataDir: join(folder, "data"), secretKey: undefined };
    },
    async query(options, text, params = []) {
      const db = new BetterSqlite3(join(options.dataDir, STORE_FILE_NAME));
      try {
        const stmt = db.prepare(text);
        if (stmt.reader) return stmt.all(...params) as Record<string, unknown>[];
        stmt.run(...params);
        return [];
      } finally {
        db.close();
      }
    },
  },
  {
    engine: "postgres",
    available: pgUp,
    fresh: () => {
      const schema = `ee_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      schemas.push(schema);
      return { dataDir: "", databaseUrl: TEST_DATABASE_URL, schema, secretKey: undefined };
    },
    async query(options, text, params = []) {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${options.schema ?? "public"}` });
      await client.connect();
      try {
        let n = 0;
        return (await client.query(text.replace(/\?/g, () => `$${(n += 1)}`), [...params])).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    },
  },
];

/** The engines to test on, for describe.each: both, unless PostgreSQL is unreachable (said once above). */
export const ENGINES: readonly EngineCase[] = ALL_ENGINES.filter((e) => e.available);

/** A child process's output lines as they come, and its end. */
export interface Child {
  readonly pid: number;
  readonly lines: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts test/fixtures/store/child.ts with a job. */
export function startChild(job: Record<string, unknown>): Child {
  // tsx as a loader, not its command line, so that the process signalled is the one running the job.
  const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", EE_STORE_CHILD: JSON.stringify(job) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let partial = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts.filter((l) => l.length > 0));
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { pid: child.pid ?? -1, lines, exited, kill: (signal) => void child.kill(signal) };
}

/** The `done` object a child prints last; throws with its stderr when it failed. */
export async function childResult(child: Child): Promise<Record<string, unknown>> {
  const end = await child.exited;
  const last = child.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => "done" in l);
  if (end.code !== 0 || !last) throw new Error(`child failed (${end.code ?? end.signal}): ${end.stderr}`);
  return last.done as Record<string, unknown>;
}
