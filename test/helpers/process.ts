import { execFile, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;

/**
 * `npm start` (src/main.ts through tsx) with only the given environment; output collected. Polling IRCC's feed is off
 * unless the test names a feed URL (a local fake): tests never reach an address outside this machine.
 */
export function startMain(env: Record<string, string>): { child: ChildProcess; out: () => string; err: () => string } {
  return collect(execFile("node", [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "src/main.ts")], { cwd: ROOT, env: childEnv(env) }));
}

/** Newest modification time of the files under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

/**
 * `npm start` as users run it: package.json's start command (Node's flags and the bundled bot that `npm install`
 * builds), with only the given environment. Refuses a bundle older than the sources, which would test stale code.
 */
export function startBuilt(env: Record<string, string>): { child: ChildProcess; out: () => string; err: () => string } {
  const { flags, entry } = startCommand();
  if (!existsSync(entry)) throw new Error(`npm start's entry ${entry} is missing: run npm run build`);
  if (statSync(entry).mtimeMs < newest(join(ROOT, "src"))) throw new Error("dist/ is older than src/: run npm run build");
  return collect(execFile(process.execPath, [...flags, entry], { cwd: ROOT, env: childEnv(env) }));
}

/** `npm start`'s command line, as package.json gives it: Node's flags and the entry (tests and the bench run what users run). */
export function startCommand(): { flags: string[]; entry: string } {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/).filter((w) => w !== "");
  if (words[0] !== "node" || words.length < 2) throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  return { flags: words.slice(1, -1), entry: join(ROOT, words.at(-1) ?? "") };
}

function childEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...(env.IRCC_FEED_URL ? {} : { FEED_POLL_MINUTES: "0" }), ...env };
}

function collect(child: ChildProcess): { child: ChildProcess; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  return { child, out: () => out, err: () => err };
}

/** Resolves with a child's exit code. */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

/** Resolves once a condition holds; rejects after the timeout. */
export async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Runs a TypeScript file of test/helpers through tsx as a child process; resolves with its exit code and output. */
export function runHelper(file: string, args: readonly string[] = []): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile("node", [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "test/helpers", file), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
    });
    let out = "";
    let err = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

/**
 * The local IPv4 and IPv6 addresses of the sockets listening on a TCP port, read from /proc/net (Linux);
 * null where the system has no /proc/net.
 */
export function listeningAddresses(port: number): string[] | null {
  if (!existsSync("/proc/net/tcp")) return null;
  const LISTEN = "0A";
  const found: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== LISTEN) continue;
      const [hex = "", portHex = ""] = local.split(":");
      if (Number.parseInt(portHex, 16) !== port) continue;
      found.push(hex.length === 8 ? ipv4(hex) : `ipv6:${hex}`);
    }
  }
  return found;
}

// /proc/net/tcp writes an IPv4 address as one little-endian 32-bit hex number.
function ipv4(hex: string): string {
  return [6, 4, 2, 0].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(".");
}
