import { afterEach, describe, expect, it } from "vitest";
import { isEeBotError } from "../../src/errors.js";
import { silentLogger } from "../../src/log.js";
import { makeReply } from "../../src/core/reply.js";
import { Knowledge } from "../../src/core/knowledge.js";
import { FallbackConversations, decodeConversation, encodeConversation } from "../../src/shared/conversations.js";
import { FallbackEventClaims, MemoryEventClaims } from "../../src/shared/claims.js";
import { connectRedis, openSharedState, sharedEngineOf, type SharedEngine, type SharedState } from "../../src/shared/open.js";
import { MemoryConversations, type ConversationState } from "../../src/skills/robot.js";
import type { Store } from "../../src/store/index.js";
import { freshPostgres, freshPrefix, postgresUp, redisUp, storeOn, TEST_REDIS_URL } from "./servers.js";

const logger = silentLogger();
const knowledge = Knowledge.load();
const LIMITS = { messages: 3, windowMs: 2000, maxUsers: 1000 };
const CONTEXT = { ttlMs: 1500, maxConversations: 100 };

interface Engine {
  readonly engine: SharedEngine;
  readonly available: boolean;
  /** Two independent openings of one shared state, as two processes would have. */
  pair(): Promise<[SharedState, SharedState]>;
}

const stores: Store[] = [];
const states: SharedState[] = [];
afterEach(async () => {
  for (const s of states.splice(0)) await s.close();
  for (const s of stores.splice(0)) await s.close();
});

const ENGINES: readonly Engine[] = [
  {
    engine: "redis",
    available: redisUp,
    async pair() {
      const keyPrefix = freshPrefix();
      const open = () => openSharedState({ engine: "redis", redisUrl: TEST_REDIS_URL, keyPrefix, rateLimits: LIMITS, context: CONTEXT, logger });
      const both: [SharedState, SharedState] = [await open(), await open()];
      states.push(...both);
      return both;
    },
  },
  {
    engine: "postgres",
    available: postgresUp,
    async pair() {
      const options = freshPostgres();
      const open = async () => {
        const store = await storeOn(options);
        stores.push(store);
        return openSharedState({ engine: "postgres", store, databaseUrl: options.databaseUrl, schema: options.schema, rateLimits: LIMITS, context: CONTEXT, logger });
      };
      const a = await open();
      const both: [SharedState, SharedState] = [a, await open()];
      states.push(...both);
      return both;
    },
  },
];

const state = (score: number): ConversationState => ({
  slots: { skill: "score-check", score, period: { from: "2026-01-01", to: "2026-06-30", label: "the first half of 2026", kind: "range" } },
  lastSourced: makeReply(knowledge, "round", { title: "Round", text: "A round." }),
});

describe.each(ENGINES.filter((e) => e.available))("shared state on $engine, opened twice as two processes would", (engine) => {
  it("lets exactly one of two openings claim an event, however many times each tries", async () => {
    const [a, b] = await engine.pair();
    const tries = await Promise.all([a.claims.claim("Ev1"), b.claims.claim("Ev1"), a.claims.claim("Ev1"), b.claims.claim("Ev1")]);
    expect(tries.filter(Boolean)).toHaveLength(1);
    expect(await b.claims.claim("Ev2")).toBe(true);
    expect(await a.claims.claim("Ev2")).toBe(false);
  });

  it("counts a user's messages sent to either opening: the limit, one notice, then silence; other users are apart", async () => {
    const [a, b] = await engine.pair();
    const decisions = [];
    for (let i = 0; i < 6; i += 1) decisions.push(await (i % 2 ? b : a).limiter.decide("slack:U1"));
    expect(decisions).toEqual(["allow", "allow", "allow", "notify", "drop", "drop"]);
    expect(await b.limiter.decide("slack:U2")).toBe("allow");
  });

  it("gives a user a new window once the last one has passed", async () => {
    const [a, b] = await engine.pair();
    for (let i = 0; i < 4; i += 1) await a.limiter.decide("discord:U3");
    expect(await b.limiter.decide("discord:U3")).toBe("drop");
    await new Promise((r) => setTimeout(r, 2100));
    expect(await b.limiter.decide("discord:U3")).toBe("allow");
  });

  it("reads in one opening the conversation the other saved, and forgets it after its time to live", async () => {
    const [a, b] = await engine.pair();
    await a.conversations.set("slack:C1:U1", state(480));
    const read = await b.conversations.get("slack:C1:U1");
    expect(read?.slots).toEqual(state(480).slots);
    expect(read?.lastSourced?.text).toBe("A round.");
    expect(await b.conversations.get("slack:C1:U2")).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1700));
    expect(await a.conversations.get("slack:C1:U1")).toBeUndefined();
  });

  it("reports its server healthy while open", async () => {
    const [a] = await engine.pair();
    expect(await a.health()).toEqual({ engine: engine.engine, ok: true });
  });
});

describe("shared state without a server", () => {
  it("picks Redis when REDIS_URL is set, PostgreSQL with only DATABASE_URL, memory without either, and what SHARED_STATE names", () => {
    expect(sharedEngineOf({ REDIS_URL: "redis://h", DATABASE_URL: "postgres://h/db" })).toBe("redis");
    expect(sharedEngineOf({ DATABASE_URL: "postgres://h/db" })).toBe("postgres");
    expect(sharedEngineOf({})).toBe("memory");
    expect(sharedEngineOf({ SHARED_STATE: "memory", DATABASE_URL: "postgres://h/db" })).toBe("memory");
    expect(sharedEngineOf({ SHARED_STATE: "auto", REDIS_URL: "redis://h" })).toBe("redis");
  });

  it("refuses to start when Redis does not answer, naming the host and port and never the password", async () => {
    const error = await connectRedis("redis://:hunter2-secret@127.0.0.1:1", logger, 1000).catch((e: unknown) => e);
    expect(isEeBotError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^cannot reach Redis at 127\.0\.0\.1:1: /);
    expect((error as Error).message).not.toContain("hunter2-secret");
  });

  it("keeps a conversation's slots and sources as JSON, without its pictures, and reads nothing from text it did not write", () => {
    const s = state(470);
    const withImage = { ...s, lastSourced: s.lastSourced && { ...s.lastSourced, images: [{ name: "c.png", png: new Uint8Array([1, 2, 3]), width: 1, height: 1, alt: "chart" }] } };
    const back = decodeConversation(encodeConversation(withImage));
    expect(back?.slots).toEqual(s.slots);
    expect(back?.lastSourced?.images).toEqual([]);
    expect(back?.lastSourced?.sources).toEqual(s.lastSourced?.sources);
    expect(decodeConversation("not json")).toBeUndefined();
    expect(decodeConversation(JSON.stringify({ slots: { score: "high" } }))).toBeUndefined();
    expect(decodeConversation(null)).toBeUndefined();
  });

  it("answers from this process's memory when the shared server fails, for claims and conversations alike", async () => {
    const down = new Error("connection refused");
    const claims = new FallbackEventClaims({ claim: () => Promise.reject(down) }, new MemoryEventClaims(), logger);
    expect([await claims.claim("Ev9"), await claims.claim("Ev9")]).toEqual([true, false]);
    const conversations = new FallbackConversations({ get: () => Promise.reject(down), set: () => Promise.reject(down) }, new MemoryConversations(CONTEXT), logger);
    await conversations.set("k", state(400));
    expect((await conversations.get("k"))?.slots.score).toBe(400);
  });

  it("forgets an in-process claim after its lifetime and keeps at most its bound", async () => {
    let now = 0;
    const claims = new MemoryEventClaims(3, 1000, () => now);
    expect(await claims.claim("a")).toBe(true);
    expect(await claims.claim("a")).toBe(false);
    now = 1000;
    expect(await claims.claim("a")).toBe(true);
    for (const id of ["b", "c", "d"]) await claims.claim(id);
    expect(await claims.claim("a")).toBe(true);
  });
});
