import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const exec = promisify(execFile);
const ROOT = new URL("../../../", import.meta.url).pathname;

// A copy of the installed layout (the command, its bundle, links to the knowledge and packages), so that the cache
// this test makes and spoils is its own.
let dir: string;
let cacheDir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ee-bot-code-cache-test-"));
  mkdirSync(join(dir, "bin"));
  mkdirSync(join(dir, "dist", "cli"), { recursive: true });
  cpSync(join(ROOT, "bin", "ee-bot.cjs"), join(dir, "bin", "ee-bot.cjs"));
  cpSync(join(ROOT, "dist", "cli", "ee-bot.cjs"), join(dir, "dist", "cli", "ee-bot.cjs"));
  cpSync(join(ROOT, "package.json"), join(dir, "package.json"));
  symlinkSync(join(ROOT, "knowledge"), join(dir, "knowledge"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  cacheDir = join(dir, "dist", "cli", "cache");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ask(flags: string[] = []): Promise<string> {
  const { stdout } = await exec(process.execPath, [...flags, join(dir, "bin", "ee-bot.cjs"), "ask", "is 21231 STEM?"]);
  return stdout;
}
const caches = (): string[] => readdirSync(cacheDir).filter((f) => f.endsWith(".bin"));

describe("the ee-bot command's code cache", () => {
  it("is written by a first run and read by the next, which answers the same", async () => {
    const first = await ask();
    expect(first).toMatch(/^No\. 21231 /);
    expect(caches()).toHaveLength(1);
    const file = join(cacheDir, caches()[0] ?? "");
    const made = statSync(file).mtimeMs;
    expect(await ask()).toBe(first);
    // Accepted, so not written again.
    expect(statSync(file).mtimeMs).toBe(made);
  });

  it("survives a spoilt cache file: the same answer, and the file made again", async () => {
    const file = join(cacheDir, caches()[0] ?? "");
    writeFileSync(file, "not a code cache");
    expect(await ask()).toMatch(/^No\. 21231 /);
    expect(readFileSync(file).toString()).not.toBe("not a code cache");
    expect(readFileSync(file).length).toBeGreaterThan(1000);
  });

  it("keeps one cache per set of node flags, so runs with other flags never read it", async () => {
    const before = caches();
    expect(await ask(["--max-semi-space-size=2"])).toMatch(/^No\. 21231 /);
    expect(caches()).toHaveLength(before.length + 1);
  });

  it("is not read once the bundle is rebuilt", async () => {
    const bundle = join(dir, "dist", "cli", "ee-bot.cjs");
    const before = caches();
    writeFileSync(bundle, `${readFileSync(bundle, "utf8")}\n`);
    expect(await ask()).toMatch(/^No\. 21231 /);
    expect(caches()).toHaveLength(before.length + 1);
  });
});
