import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runKbCommand } from "../../src/kb/command.js";
import { FeedPoller } from "../../src/kb/feed/poller.js";
import type { KnowledgePaths } from "../../src/kb/paths.js";
import type { RoundId } from "../../src/kb/schema.js";
import { snapshotText, snapshotWith, startFakeIrcc, withNewRound, type FakeIrcc } from "../fakes/ircc.js";
import { knowledgeWith } from "../helpers/kb.js";
import { until } from "../helpers/process.js";

const quiet = { write: () => true };
const ROUND_431 = { number: "431", date: "2026-07-30", dateTime: "July 30, 2026 at 14:02:11 UTC", size: "6,000", crs: "512" };

let ircc: FakeIrcc;
let paths: KnowledgePaths;

beforeAll(async () => {
  ircc = await startFakeIrcc();
});
afterAll(async () => {
  await ircc.close();
});
beforeEach(() => {
  paths = knowledgeWith([]);
  expect(runKbCommand("build", paths, quiet, quiet)).toBe(0);
  ircc.requests.length = 0;
});

function poller(updated: RoundId[][] = [], options: { intervalMinutes?: number; maxBackoffMinutes?: number; timeoutMs?: number } = {}): FeedPoller {
  return new FeedPoller({
    url: ircc.url,
    paths,
    intervalMinutes: options.intervalMinutes ?? 10,
    timeoutMs: options.timeoutMs ?? 5_000,
    onUpdated: (rounds) => updated.push([...rounds]),
    ...(options.maxBackoffMinutes === undefined ? {} : { maxBackoffMinutes: options.maxBackoffMinutes }),
  });
}

describe("the feed poller", () => {
  it("reports the snapshot's latest round before its first poll", () => {
    expect(poller().status()).toEqual({ url: ircc.url, lastSuccess: null, lastFailure: null, lastError: null, latestRound: "430", etag: null });
  });

  it("sends If-None-Match and If-Modified-Since from the last 200, and a 304 changes nothing", async () => {
    ircc.answer({ kind: "feed", body: snapshotText(), etag: '"v1"', lastModified: "Thu, 23 Jul 2026 10:30:00 GMT" });
    const p = poller();
    await p.pollOnce();
    expect(ircc.requests[0]?.headers["if-none-match"]).toBeUndefined();
    expect(p.status().etag).toBe('"v1"');
    const kbBefore = readFileSync(paths.kb);
    const second = await p.pollOnce();
    expect(second).toEqual({ ok: true, value: { status: "not-modified" } });
    expect(ircc.requests[1]?.headers).toMatchObject({ "if-none-match": '"v1"', "if-modified-since": "Thu, 23 Jul 2026 10:30:00 GMT" });
    expect(readFileSync(paths.kb).equals(kbBefore)).toBe(true);
    expect(p.status().lastSuccess).not.toBeNull();
  });

  it("on a newer feed rewrites the snapshot and kb.json, calls onUpdated with the new rounds and reports the latest round", async () => {
    const updated: RoundId[][] = [];
    const body = withNewRound(ROUND_431);
    ircc.answer({ kind: "feed", body, etag: '"431"' });
    const p = poller(updated);
    await p.pollOnce();
    expect(updated).toEqual([["431"]]);
    expect(readFileSync(paths.feed, "utf8")).toBe(body);
    expect(JSON.parse(readFileSync(paths.kb, "utf8")).draws.at(-1).round).toBe("431");
    expect(p.status()).toMatchObject({ latestRound: "431", etag: '"431"', lastError: null });
  });

  it("does not call onUpdated for the same feed again", async () => {
    const updated: RoundId[][] = [];
    ircc.answer({ kind: "feed", body: snapshotText() });
    await poller(updated).pollOnce();
    expect(updated).toEqual([]);
  });

  it("backs off exponentially after failures, up to the cap, and back to the interval after a success", async () => {
    const p = poller([], { intervalMinutes: 10, maxBackoffMinutes: 45 });
    expect(p.nextDelayMs()).toBe(600_000);
    ircc.answer({ kind: "status", status: 500 });
    await p.pollOnce();
    expect(p.nextDelayMs()).toBe(1_200_000);
    await p.pollOnce();
    expect(p.nextDelayMs()).toBe(2_400_000);
    await p.pollOnce();
    expect(p.nextDelayMs()).toBe(2_700_000);
    await p.pollOnce();
    expect(p.nextDelayMs()).toBe(2_700_000);
    expect(p.status()).toMatchObject({ lastSuccess: null, lastError: expect.stringMatching(/answered HTTP 500/) });
    ircc.answer({ kind: "feed", body: snapshotText() });
    await p.pollOnce();
    expect(p.nextDelayMs()).toBe(600_000);
    expect(p.status().lastSuccess).not.toBeNull();
  });

  it("counts a refused feed and a timeout as failures, and keeps the files", async () => {
    const p = poller([], { timeoutMs: 200 });
    const before = readFileSync(paths.feed);
    ircc.answer({ kind: "feed", body: snapshotWith((f) => void f.rounds.pop()) });
    await p.pollOnce();
    expect(p.status().lastError).toMatch(/fewer than the 431/);
    ircc.answer({ kind: "hang" });
    await p.pollOnce();
    expect(p.status().lastError).toMatch(/within 200 ms/);
    expect(p.nextDelayMs()).toBe(4 * 600_000);
    expect(readFileSync(paths.feed).equals(before)).toBe(true);
  });

  it("polls on start, keeps polling every interval, and stops on stop()", async () => {
    ircc.answer({ kind: "feed", body: snapshotText(), etag: '"v1"' });
    const p = poller([], { intervalMinutes: 0.002 });
    p.start();
    await until(() => ircc.requests.length >= 3, 15_000);
    p.stop();
    const seen = ircc.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ircc.requests.length).toBeLessThanOrEqual(seen + 1);
    expect(ircc.requests.slice(1).every((r) => r.headers["if-none-match"] === '"v1"')).toBe(true);
  });

  it("abandons a download in progress when stopped", async () => {
    ircc.answer({ kind: "hang" });
    const p = poller([], { timeoutMs: 60_000 });
    const pending = p.pollOnce();
    await until(() => ircc.requests.length === 1);
    p.stop();
    const result = await pending;
    expect(result.ok).toBe(false);
  });
});
