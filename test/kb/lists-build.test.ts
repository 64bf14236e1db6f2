import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildKnowledgeBase, readInputs } from "../../src/kb/build.js";
import { isEeBotError } from "../../src/errors.js";
import { DEFAULT_PATHS, type KnowledgePaths } from "../../src/kb/paths.js";
import type { KnowledgeBase } from "../../src/kb/schema.js";

const FIXTURES = new URL("../fixtures/lists/", import.meta.url).pathname;

function pathsWith(categories: string, articles = `${FIXTURES}small/articles`): KnowledgePaths {
  return { ...DEFAULT_PATHS, articles, categories, kb: "/nonexistent/kb.json" };
}

function buildSmall(): KnowledgeBase {
  return buildKnowledgeBase(readInputs(pathsWith(`${FIXTURES}small/categories`)));
}

const PLUS_ONE = "700_stem_table_plus_one.txt";
const SHORT = "701_stem_table_short.txt";
const LATER = "702_stem_table_2025.txt";

describe("official list files in the build", () => {
  const kb = buildSmall();
  const list = (category: string, year: number) => kb.categoryLists.find((l) => l.category === category && l.year === year);

  it("makes each list file one official source, dated by its latest effective date", () => {
    // The feed and the CRS grid are official sources too; the list files are the ones under categories/.
    const sources = kb.sources.filter((s) => s.id.startsWith("categories/"));
    expect(sources.every((s) => s.kind === "official")).toBe(true);
    expect(sources.map((s) => [s.id, s.asOf, s.url])).toEqual([
      ["categories/lists-2023.json", "2023-05-31", "https://example.org/lists-2023"],
      ["categories/lists-2024.json", "2024-01-01", "https://example.org/lists-2024"],
      ["categories/lists-2025.json", "2025-02-27", "https://example.org/lists-2025"],
    ]);
    expect(sources.every((s) => s.publisher === "Immigration, Refugees and Citizenship Canada")).toBe(true);
    expect(sources[0]?.title).toBe("Category-based selection: a small test list");
  });

  it("warns about a code NOC 2021 does not have and a TEER it disagrees with, naming file, category and code", () => {
    const official = kb.warnings.filter((w) => w.source === "categories/lists-2023.json");
    expect(official.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        'transport 2023: 99999 ("Imaginary vehicle pilots") is not a NOC 2021 unit group',
        "transport 2023: 72410 is listed with TEER 1; NOC 2021 gives TEER 2",
      ]),
    );
    const line = official.find((w) => w.message.includes("99999"))?.line ?? 0;
    const text = readFileSync(`${FIXTURES}small/categories/lists-2023.json`, "utf8").split("\n");
    expect(text[line - 1]).toContain('"99999"');
  });

  it("carries NOC's TEER for a member whose listed TEER disagrees, and keeps an unknown code with the file's title", () => {
    const transport = list("transport", 2023);
    expect(transport?.members.find((m) => m.code === "72410")?.teer).toBe(2);
    expect(transport?.members.find((m) => m.code === "99999")).toMatchObject({ title: "Imaginary vehicle pilots", teer: 2 });
  });

  it("keeps a removed category as an inactive list with no members", () => {
    expect(list("transport", 2025)).toMatchObject({
      active: false,
      hasOccupations: true,
      members: [],
      statedCount: null,
      effective: "2025-02-27",
      conditions: "category removed for 2025",
    });
  });

  it("marks French-language proficiency as a category with no occupations", () => {
    expect(list("french", 2025)).toMatchObject({ active: true, hasOccupations: false, members: [], versions: ["Version 1"] });
  });

  // These lists end in 2025, and IRCC's feed has French rounds named "2026-Version 2".
  it("keeps rounds whose name states a year with no list of their category off the previous year's list, and says so", () => {
    const french2026 = kb.draws.filter((d) => d.category === "french" && d.listYear === 2026);
    expect(french2026.length).toBeGreaterThan(0);
    expect(french2026.every((d) => d.version === "2026-Version 2")).toBe(true);
    const linked = new Set(kb.categoryLists.flatMap((l) => l.rounds));
    expect(french2026.filter((d) => linked.has(d.round))).toEqual([]);
    expect(list("french", 2025)?.rounds.length).toBeGreaterThan(0);
    const first = french2026[0];
    expect(kb.warnings.map((w) => w.message)).toContain(
      `round ${first?.round} (french, ${first?.date}) names a 2026 list, but there is no french list of 2026; rounds naming it are not linked to a list`,
    );
  });

  it("reads an effective date followed by a remark as that date", () => {
    expect(list("stem", 2024)?.effective).toBe("2024-01-01");
  });

  it("matches each article table by its codes, never by its date, and ties go to the earlier year", () => {
    const match = (source: string) => kb.sourceLists.find((s) => s.source === source);
    expect(match(PLUS_ONE)).toMatchObject({ listYear: 2023, overlap: 0.8 });
    expect(match(SHORT)).toMatchObject({ listYear: 2023, overlap: 0.75 });
    expect(match(LATER)).toMatchObject({ listYear: 2025, overlap: 1 });
    expect(list("stem", 2023)?.basis).toEqual(["categories/lists-2023.json", PLUS_ONE, SHORT]);
    expect(list("stem", 2024)?.basis).toEqual(["categories/lists-2024.json"]);
    expect(list("stem", 2025)?.basis).toEqual(["categories/lists-2025.json", LATER]);
  });

  it("records a code an article adds as dissent and a code it lacks as an omission, keeping the official membership", () => {
    const stem = list("stem", 2023);
    expect(stem?.members.map((m) => m.code)).toEqual(["21211", "21231", "21300", "21310"]);
    expect(stem?.dissent).toEqual([{ code: "21301", title: "Mechanical engineers", sources: [PLUS_ONE], reason: "not-official" }]);
    expect(stem?.members.find((m) => m.code === "21310")).toMatchObject({
      sources: ["categories/lists-2023.json", PLUS_ONE],
      omittedBy: [SHORT],
    });
    expect(stem?.members.find((m) => m.code === "21211")?.omittedBy).toEqual([]);
  });

  it("warns when an article's stated count disagrees with the official list it prints", () => {
    expect(list("stem", 2023)?.statedCount).toEqual({ value: 4, sources: ["categories/lists-2023.json"] });
    expect(kb.warnings).toContainEqual(
      expect.objectContaining({ source: PLUS_ONE, message: "says the stem list it prints has 5 occupations; the official 2023 list has 4" }),
    );
  });

  it("includes the list files and versions.json in the input hash", () => {
    const input = readInputs(pathsWith(`${FIXTURES}small/categories`));
    const changed = { ...input, versions: { ...input.versions, text: input.versions.text.replace("Test versions.", "Other.") } };
    expect(buildKnowledgeBase(changed).inputHash).not.toBe(kb.inputHash);
    const lists = input.lists.map((f) => (f.id.endsWith("2025.json") ? { ...f, text: f.text.replace("a news page", "a page") } : f));
    expect(buildKnowledgeBase({ ...input, lists }).inputHash).not.toBe(kb.inputHash);
  });
});

describe("a malformed list file", () => {
  it("stops the build with an error naming the file and the bad field", () => {
    let caught: unknown;
    try {
      buildKnowledgeBase(readInputs(pathsWith(`${FIXTURES}malformed`)));
    } catch (e) {
      caught = e;
    }
    expect(isEeBotError(caught)).toBe(true);
    expect((caught as Error).message).toBe("categories/lists-2023.json: [0].occupations[2].code: expected a 5-digit NOC code");
  });
});
