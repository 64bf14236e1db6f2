import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadFeedFormat } from "../../src/kb/feed/format.js";
import { readFeedMoment } from "../../src/kb/feed/moment.js";
import { nameWithoutVersion, otherRoundTypeId, parseFeed, parseFeedText, type FeedContext, type FeedRound } from "../../src/kb/feed/parse.js";
import { compareRounds, roundOrder } from "../../src/kb/feed/round-id.js";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import { loadVocabulary } from "../../src/kb/vocabulary.js";

const FIXTURES = new URL("../fixtures/ircc/", import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), "utf8");
const SOURCE = "ircc/small.json";
const context: FeedContext = { source: SOURCE, format: loadFeedFormat(DEFAULT_PATHS.feedFormat), vocabulary: loadVocabulary(DEFAULT_PATHS.vocabulary) };

function small(): { rounds: readonly FeedRound[]; messages: string[] } {
  const parsed = parseFeedText(fixture("small.json"), context);
  if (!parsed.ok) throw new Error(parsed.error.message);
  expect(parsed.value.warnings.every((w) => w.source === SOURCE && w.line === 0)).toBe(true);
  return { rounds: parsed.value.rounds, messages: parsed.value.warnings.map((w) => w.message) };
}
const round = (id: string): FeedRound => {
  const r = small().rounds.find((x) => x.round === id);
  if (!r) throw new Error(`round ${id} missing`);
  return r;
};

describe("reading the rounds feed", () => {
  it("keeps every round of a small feed, 91a and 91b included, in the order published", () => {
    expect(small().rounds.map((r) => r.round)).toEqual(["433", "432", "431", "91b", "91a", "1"]);
  });

  it("reads a round field by field: numbers with thousands commas, the name, version, list year and type", () => {
    expect(round("432")).toMatchObject({
      date: "2026-07-30",
      name: "Healthcare and Social Services Occupations, 2026-Version 3",
      category: "healthcare",
      roundType: "category-based",
      version: "2026-Version 3",
      listYear: 2026,
      invitations: 2500,
      crs: 470,
    });
    expect(round("431")).toMatchObject({ category: "cec", roundType: "program-specific", version: null, listYear: null, program: "Canadian Experience Class" });
    expect(round("1")).toMatchObject({ category: "general", roundType: "general", tieBreak: null, distribution: null });
  });

  it("reads the timestamp variants: no 'at', no UTC, no space after the comma, a 24-hour time marked PM", () => {
    expect(round("431")).toMatchObject({ time: "14:23:38", tieBreak: { date: "2026-06-22", time: "20:19:59" } });
    expect(readFeedMoment("October 25, 2023 at 15:48:39 AM UTC", null)).toMatchObject({ date: "2023-10-25", time: "15:48:39" });
    expect(readFeedMoment("September 30, 2023 at 04:22:17 PM UTC", null)).toMatchObject({ time: "16:22:17" });
    expect(readFeedMoment("March 02. 2024 at 01:58:34 UTC", null)).toMatchObject({ date: "2024-03-02", time: "01:58:34" });
    expect(readFeedMoment(" May 31, 2024 at12:48:30 UTC ", null)).toMatchObject({ date: "2024-05-31", time: "12:48:30" });
    expect(readFeedMoment("January 23, 2025 at 2025-01-23 15:30:04 UTC", null)).toMatchObject({ date: "2025-01-23", time: "15:30:04" });
  });

  it("refuses a timestamp whose repeated date disagrees with itself, or a day that does not exist", () => {
    expect(readFeedMoment("January 23, 2025 at 2025-01-24 15:30:04 UTC", null)).toBeNull();
    expect(readFeedMoment("February 30, 2026 at 10:00:00 UTC", null)).toBeNull();
  });

  it("takes a year-less cut-off in the year of the round, or the year before when it would fall after the round, and says so", () => {
    expect(round("432").tieBreak).toEqual({ date: "2025-10-07", time: "16:38:21" });
    expect(small().messages).toContain("round 432: drawCutOff: no year stated; taken as 2025");
    expect(readFeedMoment("October 7 at 16:38:21 UTC", "2021-10-27")).toMatchObject({ date: "2021-10-07", yearAssumed: true });
  });

  it("keeps a round whose timestamp is in a format never seen before, with a warning and that field null", () => {
    expect(round("432")).toMatchObject({ time: null, invitations: 2500, crs: 470 });
    expect(small().messages).toContain("round 432: drawDateTime: cannot read '2026/07/30 10:00 UTC'");
  });

  it("warns about a field it cannot read, names the round, and keeps the rest of the round", () => {
    const r = round("433");
    expect(r.tieBreak).toBeNull();
    expect(small().messages).toContain("round 433: drawCutOff: cannot read 'xyz'");
    expect(small().messages).toContain("round 433: dd5: cannot read 'n/a'; range 481-490 left out");
    expect(r.distribution?.ranges).toHaveLength(16);
    expect(r.distribution?.ranges.some((x) => x.min === 481)).toBe(false);
    expect(r).toMatchObject({ crs: 455, invitations: 1250, time: "14:00:05" });
  });

  it("gives a name no vocabulary pattern matches an other: id, with a warning", () => {
    expect(round("433")).toMatchObject({ category: "other:skilled-nurses", roundType: null, version: "2027-Version 1", listYear: 2027 });
    expect(small().messages).toContain("round 433: drawName: 'Skilled Nurses, 2027-Version 1' matches no round type of the vocabulary; listed as other:skilled-nurses");
    expect(otherRoundTypeId("  (Version 2)")).toBe("other:unnamed");
    expect(nameWithoutVersion("Healthcare occupations (Version 1)")).toBe("Healthcare occupations");
    expect(nameWithoutVersion("French-Language proficiency 2026-Version 2")).toBe("French-Language proficiency");
  });

  it("reads the pool distribution with the nested ranges as published and the total, or null when all zeros", () => {
    const d = round("432").distribution;
    expect(d?.asOf).toBe("2026-07-26");
    expect(d?.total).toBe(231533);
    expect(d?.ranges[0]).toEqual({ min: 601, max: 1200, count: 511 });
    expect(d?.ranges.find((r) => r.min === 451 && r.max === 500)?.count).toBe(72579);
    expect(d?.ranges.find((r) => r.min === 491 && r.max === 500)?.count).toBe(12880);
    expect(d?.ranges.at(-1)).toEqual({ min: 0, max: 300, count: 7836 });
    expect(round("91a").distribution).toBeNull();
  });

  it("refuses text that is not JSON, a wrong envelope and a feed with no rounds, each with its reason", () => {
    const html = parseFeedText(fixture("error-page.html"), context);
    expect(!html.ok && html.error).toMatchObject({ reason: "not-json", message: expect.stringMatching(/^it is not JSON \(it starts with '<!DOCTYPE html>/) });
    const envelope = parseFeedText(fixture("wrong-envelope.json"), context);
    expect(!envelope.ok && envelope.error).toMatchObject({ reason: "envelope", message: expect.stringContaining("rounds") });
    const none = parseFeedText(fixture("no-rounds.json"), context);
    expect(!none.ok && none.error.reason).toBe("no-rounds");
    const notObjects = parseFeed({ classes: "wb-tables", rounds: ["431"] }, context);
    expect(!notObjects.ok && notObjects.error.reason).toBe("envelope");
  });

  it("leaves out only a round without a readable number or listed twice, and says so", () => {
    const feed = JSON.parse(fixture("small.json")) as { classes: string; rounds: Record<string, string>[] };
    const [first, second] = feed.rounds;
    if (!first || !second) throw new Error("fixture too small");
    const parsed = parseFeed({ classes: feed.classes, rounds: [{ ...first, drawNumber: "#x" }, second, { ...second, drawCRS: "1" }] }, context);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.rounds.map((r) => [r.round, r.crs])).toEqual([["432", 470]]);
    const messages = parsed.value.warnings.map((w) => w.message);
    expect(messages).toContain("round at position 1: drawNumber: cannot read '#x'");
    expect(messages).toContain("round 432: listed twice; the later listing left out");
  });

  it("orders 91a and 91b between 91 and 92", () => {
    expect(roundOrder("91a")).toBe(91.1);
    expect(roundOrder("91b")).toBe(91.2);
    expect(["92", "91b", "91", "91a", "254"].sort(compareRounds)).toEqual(["91", "91a", "91b", "92", "254"]);
  });
});
