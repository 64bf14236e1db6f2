import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { Runtime } from "../../src/app.js";
import { Knowledge } from "../../src/core/knowledge.js";
import { MESSAGES } from "../../src/core/messages.js";
import { silentLogger } from "../../src/log.js";
import { MemoryConversations } from "../../src/skills/robot.js";
import { generateCorpus } from "../../bench/corpus.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

const MESSAGES_SENT = 100_000;
const USERS = 10_000;

describe("a soak of the core and the runtime", () => {
  it("answers 100,000 messages from 10,000 users through the core and its heap ends within a small bound of where it began", async () => {
    const knowledge = Knowledge.load();
    // A limit no user reaches: every message must be answered by the core, not by the limiter's notice.
    const conversations = new MemoryConversations({ ttlMs: 30 * 60_000, maxConversations: USERS });
    const runtime = new Runtime(knowledge, silentLogger(), {
      rateLimits: { messages: 1000, windowMs: 10_000, maxUsers: 2 * USERS },
      conversations,
    });
    const corpus = generateCorpus(knowledge.kb, knowledge.noc, 2000, 99).map((m) => m.text);
    // Warm up caches and code before measuring, with the same users and conversations as the soak.
    for (let i = 0; i < 2 * USERS; i += 1) await runtime.answer({ text: corpus[i % corpus.length] ?? "", user: `u${i % USERS}`, conversation: `c${i % USERS}`, platform: "slack" });
    const before = heapAfterGc();
    let answered = 0;
    let limited = 0;
    let dropped = 0;
    const intents = new Map<string, number>();
    for (let i = 0; i < MESSAGES_SENT; i += 1) {
      const r = await runtime.answer({ text: corpus[(i * 7) % corpus.length] ?? "", user: `u${i % USERS}`, conversation: `c${i % USERS}`, platform: i % 2 ? "discord" : "slack" });
      if (!r) dropped += 1;
      else if (r.text === MESSAGES.rateLimited) limited += 1;
      else {
        answered += 1;
        intents.set(r.intent, (intents.get(r.intent) ?? 0) + 1);
      }
    }
    const after = heapAfterGc();
    const grewMb = (after - before) / 1048576;
    const byIntent = [...intents].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ");
    process.stdout.write(
      `\nsoak: ${MESSAGES_SENT.toLocaleString("en-US")} messages from ${USERS.toLocaleString("en-US")} users: ${answered.toLocaleString("en-US")} answered by the core (${byIntent}), ${limited} rate-limit notices, ${dropped} dropped; heap ${(before / 1048576).toFixed(1)} MB before, ${(after / 1048576).toFixed(1)} MB after (${grewMb >= 0 ? "+" : ""}${grewMb.toFixed(1)} MB)\n`,
    );
    expect(answered).toBe(MESSAGES_SENT);
    expect(intents.size).toBeGreaterThan(5);
    expect(conversations.size).toBeLessThanOrEqual(USERS);
    expect(grewMb).toBeLessThan(8);
  }, 300_000);
});
