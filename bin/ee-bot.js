#!/usr/bin/env node
// The published command runs the compiled JavaScript in dist/ (built by `npm install` through the prepare script).
import { existsSync } from "node:fs";

const compiled = new URL("../dist/adapters/cli/bin.js", import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write("ee-bot: dist/ is missing; run npm install (or npm run build) first\n");
  process.exit(1);
}
await import(compiled.href);
