import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runKbCommand } from "../../src/kb/command.js";
import { updateFeed, type FeedUpdateResult } from "../../src/kb/feed/update.js";
import type { KnowledgePaths } from "../../src/kb/paths.js";
import { KnowledgeBaseSchema } from "../../src/kb/schema.js";
import { snapshotText, snapshotWith, startFakeIrcc, withNewRound, type FakeIrcc } from "../fakes/ircc.js";
import { knowledgeWith } from "../helpers/kb.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const ROUND_431 = { number: "431", date: "2026-07-30", dateTime: "July 30, 2026 at 14:02:11 UTC", size: "6,000", crs: "512", name: "Canadian Experience Class" };

const quiet = { write: () => true };
const FEED = "ircc/ee_rounds_123_en.json";

/** A temporary knowledge folder with the snapshot and a kb.json built from it. */
function knowledge(): KnowledgePaths {
  const paths = knowledgeWith([]);
  expect(runKbCommand("build", paths, quiet, quiet)).toBe(0);
  return paths;
}

/** Every file of the folder and its bytes, to show a refusal changed nothing (and left no temporary file). */
function contents(paths: KnowledgePaths): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(paths.root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files.set(file, readFileSync(file).toString("base64"));
  }
  return files;
}

function refusal(result: FeedUpdateResult): { reason: string; message: string } {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

let ircc: FakeIrcc;
let paths: KnowledgePaths;

beforeAll(async () => {
  ircc = await startFakeIrcc();
});
afterAll(async () => {
  await ircc.close();
});
beforeEach(() => {
  paths = knowledge();
});

describe("updating the feed", () => {
  it("takes a feed with a new round 431, writes it and a kb.json that has the round, and names the new round", async () => {
    const text = withNewRound(ROUND_431);
    const filesBefore = readdirSync(join(paths.root, "ircc")).sort();
    ircc.answer({ kind: "feed", body: text, etag: '"431"' });
    const result = await updateFeed({ url: ircc.url, paths, timeoutMs: 5_000 });
    expect(result).toMatchObject({ ok: true, value: { status: "updated", newRounds: ["431"], latestRound: "431", roundCount: 432, feedChanged: true, kbChanged: true, etag: '"431"' } });
    expect(readFileSync(paths.feed, "utf8")).toBe(text);
    const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(paths.kb, "utf8")));
    expect(kb.draws.at(-1)).toMatchObject({ round: "431", date: "2026-07-30", time: "14:02:11", invitations: 6000, crs: 512, category: "cec" });
    // The list files and the CRS grid are official sources too: the feed's is found by its id.
    expect(kb.sources.find((s) => s.id === FEED)).toMatchObject({ kind: "official", asOf: "2026-07-30" });
    // The snapshot was replaced in place: no temporary file is left beside it (the folder also holds a README).
    expect(filesBefore).toContain("ee_rounds_123_en.json");
    expect(readdirSync(join(paths.root, "ircc")).sort()).toEqual(filesBefore);
  });

  it("writes nothing when the download is byte for byte the snapshot, and says there is no new round", async () => {
    ircc.answer({ kind: "feed", body: snapshotText() });
    const before = contents(paths);
    const result = await updateFeed({ url: ircc.url, paths, timeoutMs: 5_000 });
    expect(result).toMatchObject({ ok: true, value: { status: "updated", newRounds: [], feedChanged: false, kbChanged: false } });
    expect(contents(paths)).toEqual(before);
  });

  it("sends the validators it is given and changes nothing on 304 Not Modified", async () => {
    ircc.answer({ kind: "feed", body: withNewRound(ROUND_431), etag: '"same"', lastModified: "Thu, 23 Jul 2026 10:30:00 GMT" });
    const before = contents(paths);
    const result = await updateFeed({ url: ircc.url, paths, timeoutMs: 5_000, etag: '"same"', lastModified: "Thu, 23 Jul 2026 10:30:00 GMT" });
    expect(result).toEqual({ ok: true, value: { status: "not-modified" } });
    expect(ircc.requests.at(-1)?.headers).toMatchObject({ "if-none-match": '"same"', "if-modified-since": "Thu, 23 Jul 2026 10:30:00 GMT" });
    expect(contents(paths)).toEqual(before);
  });

  it.each([
    ["an HTTP 500", { kind: "status", status: 500, body: "oops" } as const, "http", /answered HTTP 500/],
    ["invalid JSON", { kind: "status", status: 200, body: '{"classes": "wb-tables", "rounds": [', contentType: "application/json" } as const, "not-json", /it is not JSON/],
    ["an HTML error page with status 200", { kind: "status", status: 200, body: readFileSync(new URL("../fixtures/ircc/error-page.html", import.meta.url), "utf8"), contentType: "text/html" } as const, "not-json", /it is not JSON \(it starts with '<!DOCTYPE html>/],
    ["a wrong envelope", { kind: "status", status: 200, body: '{"rounds": {"0": {}}}' } as const, "envelope", /shape/],
    ["a feed with no rounds", { kind: "status", status: 200, body: '{"classes": "wb-tables", "rounds": []}' } as const, "no-rounds", /no rounds/],
  ])("refuses %s and leaves every file byte for byte as it was", async (_what, answer, reason, message) => {
    ircc.answer(answer);
    const before = contents(paths);
    const error = refusal(await updateFeed({ url: ircc.url, paths, timeoutMs: 5_000 }));
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
    expect(contents(paths)).toEqual(before);
  });

  it("refuses a feed with fewer rounds than the snapshot", async () => {
    ircc.answer({ kind: "feed", body: snapshotWith((f) => void f.rounds.pop()) });
    const before = contents(paths);
    const error = refusal(await updateFeed({ url: ircc.url, paths, timeoutMs: 5_000 }));
    expect(error).toMatchObject({ reason: "fewer-rounds", message: expect.stringMatching(/has 430 rounds, fewer than the 431 of the snapshot/) });
    expect(contents(paths)).toEqual(before);
  });

  it("refuses a feed whose latest round is older than ours, even with as many rounds", async () => {
    const older = snapshotWith((f) => {
      const top = f.rounds.shift();
      f.rounds.push({ ...top, drawNumber: "91c", drawDate: "2018-05-30" } as Record<string, string>);
    });
    ircc.answer({ kind: "feed", body: older });
    const before = contents(paths);
    const error = refusal(await updateFeed({ url: ircc.url, paths, timeoutMs: 5_000 }));
    expect(error).toMatchObject({ reason: "older", message: expect.stringMatching(/latest round is 429 of 2026-07-22, older than our round 430 of 2026-07-23/) });
    expect(contents(paths)).toEqual(before);
  });

  it("gives up on a server that hangs past the timeout, and changes nothing", async () => {
    ircc.answer({ kind: "hang" });
    const before = contents(paths);
    const started = Date.now();
    const error = refusal(await updateFeed({ url: ircc.url, paths, timeoutMs: 300 }));
    expect(error).toMatchObject({ reason: "timeout", message: expect.stringMatching(/within 300 ms/) });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(contents(paths)).toEqual(before);
  });

  it("says a server that is not there cannot be reached", async () => {
    const gone = await startFakeIrcc();
    const url = gone.url;
    await gone.close();
    expect(refusal(await updateFeed({ url, paths, timeoutMs: 2_000 })).reason).toBe("network");
  });

  it("takes a new round whose timestamp is in a format never seen before, keeps the round and warns", async () => {
    ircc.answer({ kind: "feed", body: withNewRound({ ...ROUND_431, dateTime: "30/07/2026 14h02 UTC" }) });
    const result = await updateFeed({ url: ircc.url, paths, timeoutMs: 5_000 });
    if (!result.ok || result.value.status !== "updated") throw new Error("expected an update");
    expect(result.value.newRounds).toEqual(["431"]);
    expect(result.value.warnings.map((w) => w.message)).toContain("round 431: drawDateTime: cannot read '30/07/2026 14h02 UTC'");
    const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(paths.kb, "utf8")));
    expect(kb.draws.at(-1)).toMatchObject({ round: "431", date: "2026-07-30", time: null, crs: 512 });
  });

  it("takes a round of a type never seen before as other:<slug>, and lists that type with its name", async () => {
    ircc.answer({ kind: "feed", body: withNewRound({ ...ROUND_431, name: "Skilled Nurses, 2027-Version 1" }) });
    const result = await updateFeed({ url: ircc.url, paths, timeoutMs: 5_000 });
    expect(result.ok).toBe(true);
    const kb = KnowledgeBaseSchema.parse(JSON.parse(readFileSync(paths.kb, "utf8")));
    expect(kb.draws.at(-1)).toMatchObject({ round: "431", category: "other:skilled-nurses", roundType: null, name: "Skilled Nurses, 2027-Version 1" });
    expect(kb.roundTypes.at(-1)).toEqual({
      id: "other:skilled-nurses",
      kind: "category",
      label: "Skilled Nurses",
      name: "Skilled Nurses",
      seenNames: ["Skilled Nurses, 2027-Version 1"],
    });
    expect(kb.warnings.map((w) => w.message)).toContain(
      "round 431: drawName: 'Skilled Nurses, 2027-Version 1' matches no round type of the vocabulary; listed as other:skilled-nurses",
    );
  });
});

function runCli(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", "src/kb/cli.ts", "update"], { cwd: ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe("npm run kb:update", () => {
  it("exits 0 and prints the new round ids, then 'no new rounds' when run again", async () => {
    ircc.answer({ kind: "feed", body: withNewRound(ROUND_431) });
    const env = { IRCC_FEED_URL: ircc.url, KNOWLEDGE_DIR: paths.root };
    const first = await runCli(env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^new rounds: 431$/m);
    expect(runKbCommand("check", paths, quiet, quiet)).toBe(0);
    const second = await runCli(env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^no new rounds$/m);
  });

  it("exits 1 with one line naming why, and leaves every file as it was, for a shrunken feed", async () => {
    ircc.answer({ kind: "feed", body: snapshotWith((f) => void f.rounds.splice(0, 10)) });
    const before = contents(paths);
    const run = await runCli({ IRCC_FEED_URL: ircc.url, KNOWLEDGE_DIR: paths.root });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^kb:update: refused: .*has 421 rounds, fewer than the 431 of the snapshot$/)]);
    expect(contents(paths)).toEqual(before);
  });

  it("exits 1 for an HTML page served with status 200", async () => {
    ircc.answer({ kind: "status", status: 200, body: "<!DOCTYPE html><html></html>", contentType: "text/html" });
    const before = contents(paths);
    const run = await runCli({ IRCC_FEED_URL: ircc.url, KNOWLEDGE_DIR: paths.root, IRCC_FEED_TIMEOUT_MS: "5000" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused: .*it is not JSON/);
    expect(contents(paths)).toEqual(before);
  });
});
