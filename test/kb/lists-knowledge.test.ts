import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { categoriesInYear, categoriesOfCode, changes, listInForce, listsOf, listStart, membershipHistory } from "../../src/kb/lists/query.js";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import type { KnowledgeBase } from "../../src/kb/schema.js";
import { loadVocabulary } from "../../src/kb/vocabulary.js";

function shipped(): KnowledgeBase {
  const loaded = loadKnowledgeBase(DEFAULT_PATHS.kb);
  if (!loaded.ok) throw loaded.error;
  return loaded.value;
}

const kb = shipped();
const codes = (l: { members: readonly { code: string }[] } | null | undefined) => l?.members.map((m) => m.code) ?? [];
const ARTICLE_2024 = "001_9ce06342c921bf05.txt";

describe("the official category lists in the shipped knowledge base", () => {
  it("has 21231 Software engineers in STEM in 2023 and 2024, not in 2025 or 2026", () => {
    const history = membershipHistory(kb, "21231", "stem");
    expect(history.years.map((y) => [y.year, y.member !== null])).toEqual([
      [2023, true],
      [2024, true],
      [2025, false],
      [2026, false],
    ]);
    expect(history.years.map((y) => y.status)).toEqual(["verified", "inferred", "verified", "verified"]);
    expect(history.lists.map((l) => l.year)).toEqual([2023, 2024, 2025, 2026]);
  });

  it("has 11 codes in the 2025 STEM list", () => {
    expect(listInForce(kb, "stem", "2025-06-01")?.members).toHaveLength(11);
  });

  it("has transport inactive in 2025 and back with 4 codes in 2026", () => {
    const transport = listsOf(kb, "transport");
    expect(transport.map((l) => [l.year, l.active, l.members.length])).toEqual([
      [2023, true, 10],
      [2024, true, 10],
      [2025, false, 0],
      [2026, true, 4],
    ]);
    expect(listInForce(kb, "transport", "2025-06-01")).toMatchObject({ year: 2025, active: false });
  });

  it("has education from 2025 only", () => {
    expect(listsOf(kb, "education").map((l) => l.year)).toEqual([2025, 2026]);
    expect(listInForce(kb, "education", "2025-02-26")).toBeNull();
    expect(listInForce(kb, "education", "2025-02-27")?.year).toBe(2025);
    expect(categoriesInYear(kb, 2024).active.map((l) => l.category)).not.toContain("education");
  });

  it("has the physicians category from 2025-12-08", () => {
    expect(listInForce(kb, "physicians", "2025-12-07")).toBeNull();
    expect(listInForce(kb, "physicians", "2025-12-08")).toMatchObject({ year: 2025, effective: "2025-12-08" });
    expect(listInForce(kb, "physicians", "2026-03-01")?.year).toBe(2026);
  });

  it("has cooks 63200 leave trades in 2026 and butchers 63201 come in", () => {
    const c = changes(kb, "trades", 2025, 2026);
    expect(c.removed.map((m) => m.code)).toEqual(["63200"]);
    expect(c.added.map((m) => m.code)).toEqual(["63201"]);
    expect(c.lists.map((l) => l.year)).toEqual([2025, 2026]);
  });

  it("says the 2023 transport list is unverified", () => {
    expect(listInForce(kb, "transport", "2023-09-20")).toMatchObject({ year: 2023, status: "unverified" });
  });

  it("has 31301 registered nurses in healthcare every year", () => {
    const history = membershipHistory(kb, "31301", "healthcare");
    expect(history.years.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026]);
    expect(history.years.every((y) => y.member?.title === "Registered nurses and registered psychiatric nurses")).toBe(true);
  });

  it("finds 72410 in transport in 2023, in no category in 2025, and in transport in 2026", () => {
    const at = (date?: string) => categoriesOfCode(kb, "72410", date).categories.map((c) => `${c.category} ${c.list.year}`);
    expect(at("2023-07-01")).toEqual(["transport 2023"]);
    expect(at("2025-06-01")).toEqual([]);
    expect(at("2026-06-01")).toEqual(["transport 2026"]);
    expect(at()).toEqual(["transport 2026"]);
    expect(categoriesOfCode(kb, "72410", "2025-06-01").lists.map((l) => l.category)).toContain("transport");
  });

  it("has skilled military recruits as a 2026 category with 3 codes, and agriculture retired that year", () => {
    const y2026 = categoriesInYear(kb, 2026);
    expect(codes(y2026.active.find((l) => l.category === "military"))).toEqual(["40042", "42102", "43204"]);
    expect(y2026.inactive.map((l) => l.category)).toEqual(["agriculture"]);
    const retired = y2026.inactive[0];
    expect(retired?.effective).toBeNull();
    expect(retired && listStart(kb, retired)).toBe("2026-02-18");
    expect(listInForce(kb, "agriculture", "2026-02-17")?.year).toBe(2025);
    expect(listInForce(kb, "agriculture", "2026-02-18")).toMatchObject({ year: 2026, active: false, members: [] });
    expect(categoriesInYear(kb, 2025).active.map((l) => l.category)).not.toContain("military");
  });

  it("names each list as IRCC wrote it that year", () => {
    expect(listInForce(kb, "healthcare", "2024-06-01")?.name).toBe("Healthcare occupations");
    expect(listInForce(kb, "healthcare", "2025-06-01")?.name).toBe("Healthcare and social services occupations");
  });

  it("gives each list the version names IRCC's rounds use for it", () => {
    expect(listInForce(kb, "healthcare", "2024-06-01")?.versions).toEqual(["Version 1"]);
    expect(listInForce(kb, "healthcare", "2026-06-01")?.versions).toEqual(["2026-Version 3"]);
    expect(listInForce(kb, "french", "2026-06-01")?.versions).toEqual(["2026-Version 2"]);
    expect(listInForce(kb, "senior-managers")?.versions).toEqual(["2026-Version 1"]);
  });

  it("matches the articles' 24-row STEM tables to 2023, with one article omitting 21200 Architects", () => {
    const stem2023 = listInForce(kb, "stem", "2023-07-05");
    expect(stem2023?.basis).toEqual(["categories/lists-2023.json", "000_c3a292fb80950ca2.txt", "002_94340acf89f2dd7f.txt", "003_faccc20cc5da2bb4.txt"]);
    expect(stem2023?.members.find((m) => m.code === "21200")?.omittedBy).toEqual(["002_94340acf89f2dd7f.txt"]);
    expect(stem2023?.dissent).toEqual([]);
    expect(stem2023?.statedCount).toEqual({ value: 24, sources: ["categories/lists-2023.json", "003_faccc20cc5da2bb4.txt"] });
    expect(stem2023?.rounds).toContain("254");
  });

  it("matches the 12-row table of the article updated 2024-04-08 to the 2025 list, with 21230 as dissent", () => {
    const table = kb.sourceLists.find((l) => l.source === ARTICLE_2024);
    expect(table).toMatchObject({ asOf: "2024-04-08", listYear: 2025 });
    const stem2025 = listInForce(kb, "stem", "2025-06-01");
    expect(stem2025?.basis).toEqual(["categories/lists-2025.json", ARTICLE_2024]);
    expect(stem2025?.dissent).toEqual([{ code: "21230", title: "Computer systems developers and programmers", sources: [ARTICLE_2024], reason: "not-official" }]);
    expect(stem2025?.members.every((m) => m.sources.includes(ARTICLE_2024))).toBe(true);
    expect(listInForce(kb, "stem", "2024-06-01")?.basis).toEqual(["categories/lists-2024.json"]);
  });

  it("fills the list year of the articles' category rounds from the list in force", () => {
    const round = (id: string) => kb.draws.find((d) => d.round === id);
    expect(round("252")).toMatchObject({ category: "healthcare", listYear: 2023, version: "Version 1" });
    expect(round("254")).toMatchObject({ category: "stem", listYear: 2023, version: "Version 1" });
    expect(round("253")?.listYear).toBeNull();
  });

  it("lists each official list file as an official source", () => {
    const official = kb.sources.filter((s) => s.kind === "official" && s.id.startsWith("categories/"));
    expect(official.map((s) => [s.id, s.asOf])).toEqual([
      ["categories/lists-2023.json", "2023-05-31"],
      ["categories/lists-2024.json", "2024-01-01"],
      ["categories/lists-2025.json", "2025-12-08"],
      ["categories/lists-2026.json", "2026-02-18"],
    ]);
  });

  it("keeps the articles' category facts in vocabulary ids", () => {
    const ids = new Set(loadVocabulary().roundTypes.map((r) => r.id));
    const about = kb.facts.filter((f) => f.kind === "year-categories");
    expect(about.length).toBeGreaterThan(0);
    for (const f of about) if (f.kind === "year-categories") expect(f.categories.every((c) => ids.has(c))).toBe(true);
    expect(kb.facts.find((f) => f.kind === "work-experience")).toMatchObject({ months: 6, withinYears: 3 });
    const total = categoriesInYear(kb, 2023).active.reduce((n, l) => n + (l.statedCount?.value ?? 0), 0);
    expect(kb.facts.find((f) => f.kind === "category-noc-count")).toMatchObject({ value: total });
  });
});
