import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { Runtime } from "../../src/app.js";
import { Knowledge } from "../../src/core/knowledge.js";
import { silentLogger } from "../../src/log.js";
import { generateCorpus } from "../../bench/corpus.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

describe("a soak of the core and the rate limiter", () => {
  it("answers 100,000 messages from 10,000 users and its heap ends within a small bound of where it began", () => {
    const knowledge = Knowledge.load();
    const runtime = new Runtime(knowledge, silentLogger(), {
      rateLimits: { messages: 5, windowMs: 10_000, maxUsers: 20_000 },
      context: { ttlMs: 30 * 60_000, maxConversations: 10_000 },
    });
    const corpus = generateCorpus(knowledge.kb, knowledge.noc, 2000, 99).map((m) => m.text);
    // Warm up caches and code before measuring, with the same users and conversations as the soak.
    for (let i = 0; i < 20_000; i += 1) runtime.answer({ text: corpus[i % corpus.length] ?? "", user: `u${i % 10_000}`, conversation: `c${i % 10_000}`, platform: "slack" });
    const before = heapAfterGc();
    let answered = 0;
    let limited = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const r = runtime.answer({ text: corpus[(i * 7) % corpus.length] ?? "", user: `u${i % 10_000}`, conversation: `c${i % 10_000}`, platform: i % 2 ? "discord" : "slack" });
      if (r) answered += 1;
      else limited += 1;
    }
    const after = heapAfterGc();
    const grewMb = (after - before) / 1048576;
    process.stdout.write(`\nsoak: 100,000 messages from 10,000 users: ${answered} answered, ${limited} dropped; heap ${(before / 1048576).toFixed(1)} MB before, ${(after / 1048576).toFixed(1)} MB after (${grewMb >= 0 ? "+" : ""}${grewMb.toFixed(1)} MB)\n`);
    expect(answered + limited).toBe(100_000);
    // No time passes in the soak, so every user hits the limit: the limiter is exercised as hard as the core.
    expect(answered).toBeGreaterThanOrEqual(10_000);
    expect(limited).toBeGreaterThan(0);
    expect(runtime.router.conversations).toBeLessThanOrEqual(10_000);
    expect(grewMb).toBeLessThan(8);
  }, 120_000);
});
