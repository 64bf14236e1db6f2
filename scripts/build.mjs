// Builds what `npm start` and the `ee-bot` command run: each one minified bundle, so that a process holds only the
// code it uses (whole-package imports of date-fns, zod or discord.js otherwise keep every module's source in memory).
import { rmSync } from "node:fs";
import { build } from "esbuild";

const root = new URL("../", import.meta.url);
// Loaded from node_modules at run time: native addons, the database and shared-state clients (their CommonJS
// exports do not survive being bundled into ES modules), the chart libraries (loaded only when a chart is drawn) and
// optional peers of discord.js's WebSocket stack that may be absent.
const external = ["better-sqlite3", "pg", "ioredis", "rate-limiter-flexible", "echarts", "@resvg/resvg-js", "dejavu-fonts-ttf", "zlib-sync", "bufferutil", "utf-8-validate", "@discordjs/voice"];
const common = {
  absWorkingDir: root.pathname,
  bundle: true,
  minify: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external,
  logLevel: "warning",
  // CommonJS packages inside an ES module bundle still call require() for Node's own modules.
  banner: { js: "import { createRequire as __eeRequire } from 'node:module'; const require = __eeRequire(import.meta.url);" },
};

rmSync(new URL("dist/", root), { recursive: true, force: true });
await Promise.all([
  // The bot: the entry, and the Discord shard entry that ShardingManager starts as a sibling file; both at the same
  // depth as the sources so that paths such as ../../knowledge resolve alike.
  build({ ...common, entryPoints: ["src/main.ts", "src/adapters/discord/shard.ts"], outdir: "dist/bot", entryNames: "[name]", splitting: true }),
  // The command: one CommonJS script, so that bin/ee-bot.cjs can compile it with V8's code cache (vm.Script), which
  // Node 20 offers for scripts only.
  build({
    ...common,
    format: "cjs",
    define: { "import.meta.url": "__eeModuleUrl" },
    banner: { js: "const __eeModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    entryPoints: ["src/adapters/cli/bin.ts"],
    outfile: "dist/cli/ee-bot.cjs",
  }),
]);
