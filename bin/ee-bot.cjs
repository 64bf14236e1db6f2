#!/usr/bin/env -S node --max-semi-space-size=1 --no-concurrent-recompilation --max-old-space-size=64 --no-regexp-tier-up --no-opt
// The published command runs one bundled, compiled script (built by `npm install` through the prepare script),
// compiled with V8's code cache: a start then skips parsing and compiling the functions an earlier run used.
// A CommonJS file: Node reaches it sooner than an ES module (no module loader to start).
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { tmpdir } = require("node:os");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const compiled = join(__dirname, "..", "dist", "cli", "ee-bot.cjs");
let source;
let stamp;
try {
  source = readFileSync(compiled, "utf8");
  stamp = statSync(compiled);
} catch {
  process.stderr.write("ee-bot: dist/ is missing; run npm install (or npm run build) first\n");
  process.exit(1);
}

// V8 checks a cache against its own version and flags but compares the source by length only: the name holds the
// script's size and time, the node version and the flags, so a rebuilt script or other flags never read a stale one.
const key = `${stamp.size}-${stamp.mtimeMs}-${process.version}-${process.execArgv.join(" ")}`.replace(/[^A-Za-z0-9.=-]+/g, "_").slice(0, 200);
const places = [join(dirname(compiled), "cache"), join(tmpdir(), `ee-bot-code-cache-${process.getuid?.() ?? "user"}`)];
let cachedData;
for (const place of places) {
  try {
    cachedData = readFileSync(join(place, `${key}.bin`));
    break;
  } catch {
    // Not made yet here: the next place, or this run makes it.
  }
}

// The bundle has no import(): esbuild turns the imports of external packages into require() calls.
const script = new Script(Module.wrap(source), { filename: compiled, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  // Made as the run ends, so that it holds every function this run compiled; written whole or not at all.
  process.once("exit", () => {
    const data = script.createCachedData();
    for (const place of places) {
      try {
        mkdirSync(place, { recursive: true });
        const temporary = join(place, `${key}.${process.pid}.tmp`);
        writeFileSync(temporary, data);
        renameSync(temporary, join(place, `${key}.bin`));
        return;
      } catch {
        // A read-only install: the temporary folder, or no cache (slower starts, same answers).
      }
    }
  });
}
const bundle = new Module(compiled);
bundle.filename = compiled;
script.runInThisContext()(bundle.exports, Module.createRequire(compiled), bundle, compiled, dirname(compiled));
