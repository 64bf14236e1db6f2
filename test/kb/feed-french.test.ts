import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderPlain } from "../../src/core/format.js";
import { Knowledge } from "../../src/core/knowledge.js";
import { runKbCommand, runKbUpdate } from "../../src/kb/command.js";
import type { KnowledgePaths } from "../../src/kb/paths.js";
import { Robot } from "../../src/skills/robot.js";
import { snapshotWith, startFakeIrcc, type FakeIrcc } from "../fakes/ircc.js";
import { knowledgeWith } from "../helpers/kb.js";

const quiet = { write: () => true };

function collect(): { write: (s: string) => boolean; text: () => string } {
  let text = "";
  return { write: (s: string) => ((text += s), true), text: () => text };
}

// A French twin of the snapshot: the same rounds, each with a name of its own that shows where an answer took it from.
const FRENCH_NAME = (english: string): string => `Nom français de « ${english} »`;
const frenchFeed = (): string => snapshotWith((f) => f.rounds.forEach((r) => (r.drawName = FRENCH_NAME(r.drawName ?? ""))));

function contents(paths: KnowledgePaths): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(paths.root, { recursive: true, withFileTypes: true })) if (e.isFile()) files.set(join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name)).toString("base64"));
  return files;
}

let english: FakeIrcc;
let french: FakeIrcc;
let paths: KnowledgePaths;

beforeAll(async () => {
  english = await startFakeIrcc();
  french = await startFakeIrcc();
});
afterAll(async () => {
  await english.close();
  await french.close();
});
beforeEach(() => {
  paths = knowledgeWith([]);
  expect(runKbCommand("build", paths, quiet, quiet)).toBe(0);
});

describe("IRCC's French rounds feed", () => {
  it("is fetched by kb:update when IRCC_FEED_FR_URL is set, and French answers give IRCC's French name of a round, citing it", async () => {
    french.answer({ kind: "feed", body: frenchFeed() });
    const out = collect();
    const code = await runKbUpdate(paths, { IRCC_FEED_URL: english.url, IRCC_FEED_FR_URL: french.url }, out, quiet);
    expect(code).toBe(0);
    expect(out.text()).toMatch(/^wrote .*ee_rounds_123_fr\.json \(French names of 431 rounds\); rebuilt /m);
    expect(existsSync(paths.feedFr)).toBe(true);
    expect(runKbCommand("check", paths, quiet, quiet)).toBe(0);

    const knowledge = Knowledge.load({ kb: paths.kb, noc: paths.noc, vocabulary: paths.vocabulary });
    const robot = new Robot(() => knowledge);
    const name = knowledge.draw("254")?.name ?? "";
    const fr = robot.handle({ text: "c'était quoi le tirage 254 ?", user: "u", conversation: "fr", platform: "cli" });
    expect(fr.lang).toBe("fr");
    expect(fr.text).toContain(`« ${FRENCH_NAME(name)} »`);
    expect(fr.sources.map((s) => s.title)).toContain("Entrée express : rondes d'invitations");
    const en = robot.handle({ text: "what was round 254?", user: "u", conversation: "en", platform: "cli" });
    expect(renderPlain(en)).toContain(`"${name}"`);
    expect(en.sources.map((s) => s.title)).not.toContain("Entrée express : rondes d'invitations");
  });

  it("is left alone when IRCC_FEED_FR_URL is not set", async () => {
    const asked = french.requests.length;
    const code = await runKbUpdate(paths, { IRCC_FEED_URL: english.url }, quiet, quiet);
    expect(code).toBe(0);
    expect(existsSync(paths.feedFr)).toBe(false);
    expect(french.requests).toHaveLength(asked);
  });

  it("is refused, with exit 1 and one line, when it is not the feed, and none of its files change", async () => {
    french.answer({ kind: "status", status: 200, body: "<!DOCTYPE html><html></html>", contentType: "text/html" });
    const before = contents(paths);
    const err = collect();
    const code = await runKbUpdate(paths, { IRCC_FEED_URL: english.url, IRCC_FEED_FR_URL: french.url }, quiet, err);
    expect(code).toBe(1);
    // The English feed's build warnings come first; the refusal is one line of its own.
    expect(err.text().trim().split("\n").filter((l) => l.startsWith("kb:update:"))).toEqual([expect.stringMatching(/^kb:update: refused the French feed: the French feed from .*: it is not JSON/)]);
    expect(contents(paths)).toEqual(before);
  });
});
