// The feed's cost: a kb build with IRCC's 431 rounds, and one kb:update (download, validate, write, rebuild)
// from a local server into a temporary knowledge folder. Run alone with `npx tsx bench/feed.ts`.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildKnowledgeBase, readInputs, serialize } from "../src/kb/build.js";
import { updateFeed } from "../src/kb/feed/update.js";
import { DEFAULT_PATHS, knowledgePaths, type KnowledgePaths } from "../src/kb/paths.js";

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median time in ms of a knowledge-base build from the shipped inputs, the feed included. */
export async function measureKbBuildWithFeed(runs = 7): Promise<number> {
  const input = readInputs(DEFAULT_PATHS);
  buildKnowledgeBase(input);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    buildKnowledgeBase(input);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

// A copy of the whole knowledge folder, so that every input the build reads is there however many it has.
function temporaryKnowledge(): KnowledgePaths {
  const paths = knowledgePaths(mkdtempSync(join(tmpdir(), "ee-bench-feed-")));
  cpSync(DEFAULT_PATHS.root, paths.root, { recursive: true });
  return paths;
}

// The snapshot with one more round on top, so that every update has a new round to write.
function feedWithNewRound(): string {
  const feed = JSON.parse(readFileSync(DEFAULT_PATHS.feed, "utf8")) as { classes: string; rounds: Record<string, string>[] };
  const top = feed.rounds[0] ?? {};
  const next = String(Number(top.drawNumber) + 1);
  feed.rounds.unshift({ ...top, drawNumber: next, drawDate: "2099-01-01", drawDateTime: "January 1, 2099 at 12:00:00 UTC" });
  return JSON.stringify(feed);
}

/** Median time in ms of one feed update (download from 127.0.0.1, validate, write, rebuild kb.json). */
export async function measureFeedUpdate(runs = 5): Promise<number> {
  const body = feedWithNewRound();
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ee_rounds_123_en.json`;
  const samples: number[] = [];
  try {
    for (let i = 0; i <= runs; i += 1) {
      const paths = temporaryKnowledge();
      const t0 = performance.now();
      const result = await updateFeed({ url, paths, timeoutMs: 30_000 });
      const ms = performance.now() - t0;
      rmSync(paths.root, { recursive: true, force: true });
      if (!result.ok || result.value.status !== "updated" || result.value.newRounds.length !== 1) {
        throw new Error(`the update did not take the new round: ${JSON.stringify(result)}`);
      }
      // The first run warms the module and JIT caches.
      if (i > 0) samples.push(ms);
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return median(samples);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const build = await measureKbBuildWithFeed();
  const update = await measureFeedUpdate();
  const size = serialize(buildKnowledgeBase(readInputs(DEFAULT_PATHS))).length;
  console.log(`kb build with the feed: ${build.toFixed(1)} ms (kb.json ${(size / 1e6).toFixed(2)} MB)`);
  console.log(`feed update (download, validate, write, rebuild): ${update.toFixed(1)} ms`);
}
