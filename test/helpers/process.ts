import { execFile, type ChildProcess } from "node:child_process";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;

/** `npm start` (src/main.ts through tsx) with only the given environment; output collected. */
export function startMain(env: Record<string, string>): { child: ChildProcess; out: () => string; err: () => string } {
  const child = execFile("node", [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "src/main.ts")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
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
