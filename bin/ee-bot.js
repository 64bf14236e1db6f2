#!/usr/bin/env -S node --max-semi-space-size=1 --no-concurrent-recompilation --max-old-space-size=64
// The published command runs one bundled, compiled JavaScript file (built by `npm install` through the prepare script).
import { existsSync } from "node:fs";

const compiled = new URL("../dist/cli/ee-bot.mjs", import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write("ee-bot: dist/ is missing; run npm install (or npm run build) first\n");
  process.exit(1);
}
await import(compiled.href);
