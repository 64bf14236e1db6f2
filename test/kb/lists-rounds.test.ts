import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readOfficialLists, readVersionMap } from "../../src/kb/lists/read.js";
import { linkDraws } from "../../src/kb/lists/reconcile.js";
import type { BuildWarning, Draw } from "../../src/kb/schema.js";
import { loadVocabulary, roundTypeOfName } from "../../src/kb/vocabulary.js";

const knowledge = (path: string) => readFileSync(new URL(`../../knowledge/${path}`, import.meta.url), "utf8");
const vocabulary = loadVocabulary();
const official = readOfficialLists(
  [2023, 2024, 2025, 2026].map((y) => ({ id: `categories/lists-${y}.json`, text: knowledge(`categories/lists-${y}.json`) })),
  vocabulary,
  [],
).official;
const { versions } = readVersionMap({ id: "categories/versions.json", text: knowledge("categories/versions.json") });

function draw(fields: Partial<Draw> & Pick<Draw, "round" | "date" | "category">): Draw {
  return {
    order: Number.parseFloat(fields.round),
    time: null,
    roundType: "category-based",
    program: null,
    name: null,
    version: null,
    listYear: null,
    invitations: null,
    crs: null,
    tieBreak: null,
    distribution: null,
    sources: ["a.txt"],
    provenance: {},
    conflicts: [],
    ...fields,
  };
}

// The feed's rounds with only what linking reads: category from the vocabulary, version and its explicit year from the name.
function feedRounds(): Draw[] {
  const feed = JSON.parse(knowledge("ircc/ee_rounds_123_en.json")) as { rounds: Record<string, string>[] };
  return feed.rounds.map((r) => {
    const name = r.drawName ?? "";
    const entry = roundTypeOfName(vocabulary, name);
    const version = /(\d{4}-Version \d+|Version \d+)/.exec(name)?.[1] ?? null;
    const year = version ? /^(\d{4})-/.exec(version)?.[1] : undefined;
    return draw({
      round: r.drawNumber ?? "",
      date: r.drawDate ?? null,
      category: entry?.id ?? null,
      roundType: entry?.kind === "category" ? "category-based" : "general",
      name,
      version,
      listYear: year ? Number(year) : null,
      sources: ["ircc/ee_rounds_123_en.json"],
    });
  });
}

describe("linking rounds to lists", () => {
  it("links every category round of IRCC's feed to a list, with no warning", () => {
    const warnings: BuildWarning[] = [];
    const rounds = feedRounds();
    const linked = linkDraws(rounds, official, versions, warnings);
    expect(warnings).toEqual([]);
    const category = linked.draws.filter((d) => official.some((o) => o.category === d.category));
    expect(category.length).toBe(rounds.filter((d) => d.name?.includes("Version")).length);
    expect(category.every((d) => d.listYear !== null)).toBe(true);
    const linkedCount = [...linked.rounds.values()].reduce((n, ds) => n + ds.length, 0);
    expect(linkedCount).toBe(category.length);
  });

  it("links a round by its date, a 2024 'Version 1' round to the 2024 list", () => {
    const linked = linkDraws(feedRounds(), official, versions, []);
    const of = (round: string) => linked.draws.find((d) => d.round === round);
    expect(of("254")).toMatchObject({ category: "stem", listYear: 2023 });
    expect(of("293")).toMatchObject({ category: "stem", listYear: 2024, version: "Version 1" });
    expect(of("344")).toMatchObject({ category: "education", listYear: 2025 });
    expect(of("397")).toMatchObject({ category: "physicians", listYear: 2026 });
  });

  it("follows the version of a round held before its list's announcement", () => {
    const linked = linkDraws(
      [draw({ round: "395", date: "2026-02-06", category: "french", version: "2026-Version 2" }), draw({ round: "388", date: "2025-12-17", category: "french", version: "Version 1" })],
      official,
      versions,
      [],
    );
    expect(linked.draws.map((d) => d.listYear)).toEqual([2026, 2025]);
  });

  it("writes a version the way the feed spells it and keeps a listYear a source gave", () => {
    const warnings: BuildWarning[] = [];
    const linked = linkDraws([draw({ round: "254", date: "2023-07-05", category: "stem", version: "2023-1", listYear: 2023 })], official, versions, warnings);
    expect(linked.draws[0]).toMatchObject({ version: "Version 1", listYear: 2023 });
    expect(warnings).toEqual([]);
  });

  it("links a round with a version versions.json does not know, or does not give for its category, by its date, and says so", () => {
    const warnings: BuildWarning[] = [];
    const linked = linkDraws(
      [
        draw({ round: "431", date: "2026-08-01", category: "transport", version: "2026-Version 2" }),
        draw({ round: "432", date: "2026-08-02", category: "stem", version: "Version 9" }),
      ],
      official,
      versions,
      warnings,
    );
    expect(linked.draws.map((d) => [d.listYear, d.version])).toEqual([
      [2026, "2026-Version 2"],
      [2026, "Version 9"],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      'versions.json gives no transport list for "2026-Version 2"; its rounds are linked to the list in force at their date',
      'version "Version 9" of stem rounds is not in versions.json; its rounds are linked to the list in force at their date',
    ]);
    const unmapped = [...linked.unmapped.entries()].map(([l, v]) => [l.category, l.year, [...v]]);
    expect(unmapped).toEqual([
      ["transport", 2026, ["2026-Version 2"]],
      ["stem", 2026, ["Version 9"]],
    ]);
  });

  it("links a round whose name states a year with no list of its category to no list, and says so once", () => {
    const warnings: BuildWarning[] = [];
    const until2025 = official.filter((o) => o.year < 2026);
    const named = (round: string, date: string) => draw({ round, date, category: "french", version: "2026-Version 2", listYear: 2026 });
    const linked = linkDraws([named("394", "2026-02-06"), named("401", "2026-03-04")], until2025, versions, warnings);
    expect(linked.draws.map((d) => [d.listYear, d.version])).toEqual([
      [2026, "2026-Version 2"],
      [2026, "2026-Version 2"],
    ]);
    expect([...linked.rounds.values()].flat()).toEqual([]);
    expect(linked.unmapped.size).toBe(0);
    expect(warnings.map((w) => w.message)).toEqual([
      "round 394 (french, 2026-02-06) names a 2026 list, but there is no french list of 2026; rounds naming it are not linked to a list",
    ]);
  });

  it("warns about a round dated in a year its category was removed, or before its first list", () => {
    const warnings: BuildWarning[] = [];
    linkDraws(
      [draw({ round: "350", date: "2025-06-01", category: "transport" }), draw({ round: "200", date: "2021-09-01", category: "stem" })],
      official,
      versions,
      warnings,
    );
    expect(warnings.map((w) => w.message)).toEqual([
      "round 350 (transport, 2025-06-01) falls in 2025, when the transport category was removed",
      "round 200 (stem, 2021-09-01) is earlier than the first stem list",
    ]);
  });

  it("warns when a round is said to use a list other than the one in force", () => {
    const warnings: BuildWarning[] = [];
    linkDraws([draw({ round: "368", date: "2025-09-18", category: "trades", listYear: 2023 })], official, versions, warnings);
    expect(warnings.map((w) => w.message)).toEqual(["round 368 (trades, 2025-09-18) is said to use the 2023 list, but the 2025 list was in force"]);
  });
});
