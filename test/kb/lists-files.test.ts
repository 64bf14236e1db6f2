import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { categoryIdOfListName, listFileSource, officialListsOf, parseListFile, parseVersionMap } from "../../src/kb/lists/read.js";
import type { BuildWarning } from "../../src/kb/schema.js";
import { loadVocabulary } from "../../src/kb/vocabulary.js";

const vocabulary = loadVocabulary();
const shipped = (name: string) => ({
  id: `categories/${name}`,
  text: readFileSync(new URL(`../../knowledge/categories/${name}`, import.meta.url), "utf8"),
});

const retired = {
  category: "Agriculture and agri-food occupations",
  year: 2026,
  removed: true,
  occupations: [],
  count: 0,
  status: "verified",
  sources: ["a news page saying the category was retired"],
  note: "retired",
};

describe("reading list files", () => {
  it("reads every shipped list file", () => {
    for (const year of [2023, 2024, 2025, 2026]) {
      const parsed = parseListFile(shipped(`lists-${year}.json`));
      expect(parsed.ok, parsed.ok ? "" : parsed.error).toBe(true);
    }
  });

  it("accepts a retired category with no effective date, no source object and no occupations", () => {
    const file = { id: "categories/lists-2026.json", text: JSON.stringify([retired]) };
    const parsed = parseListFile(file);
    if (!parsed.ok) throw new Error(parsed.error);
    const warnings: BuildWarning[] = [];
    const [list] = officialListsOf(file, parsed.value, vocabulary, warnings);
    expect(list).toMatchObject({ category: "agriculture", year: 2026, active: false, effective: null, occupations: [] });
    expect(warnings).toEqual([]);
    const source = listFileSource(file, parsed.value);
    expect(source).toMatchObject({ title: "Category-based selection: 2026 lists", url: null, asOf: null, kind: "official" });
  });

  it("refuses an entry whose year is not the year the file is named for", () => {
    const parsed = parseListFile({ id: "categories/lists-2025.json", text: JSON.stringify([retired]) });
    expect(parsed).toEqual({ ok: false, error: "categories/lists-2025.json: [0].year: 2026 is not the year the file is named for (2025)" });
  });

  it("refuses a category given twice in one file", () => {
    const parsed = parseListFile({ id: "categories/lists-2026.json", text: JSON.stringify([retired, retired]) });
    expect(parsed).toEqual({ ok: false, error: 'categories/lists-2026.json: [1].category: "Agriculture and agri-food occupations" appears twice' });
  });

  it("names the file and field of a missing status and of an effective date that is not a date", () => {
    const { status: _status, ...noStatus } = retired;
    const parsed = parseListFile({ id: "x/lists-2026.json", text: JSON.stringify([{ ...noStatus, effective: "early 2026" }]) });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain("x/lists-2026.json: [0].effective: expected a date as YYYY-MM-DD");
    expect(parsed.error).toContain("x/lists-2026.json: [0].status:");
  });

  it("says a file that is not JSON is not JSON", () => {
    const parsed = parseListFile({ id: "categories/lists-2023.json", text: "[{" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^categories\/lists-2023\.json: not valid JSON/);
  });

  it("gives every official category name of the shipped files a vocabulary id", () => {
    const warnings: BuildWarning[] = [];
    const ids = new Set<string>();
    for (const year of [2023, 2024, 2025, 2026]) {
      const file = shipped(`lists-${year}.json`);
      const parsed = parseListFile(file);
      if (!parsed.ok) throw new Error(parsed.error);
      for (const l of officialListsOf(file, parsed.value, vocabulary, warnings)) ids.add(l.category);
    }
    expect(warnings).toEqual([]);
    expect([...ids].every((id) => vocabulary.roundTypes.some((r) => r.id === id && r.kind === "category"))).toBe(true);
    expect(ids.size).toBe(11);
  });

  it("keeps a category name the vocabulary does not know as an other: id, with a warning", () => {
    const warnings: BuildWarning[] = [];
    expect(categoryIdOfListName(vocabulary, "Maritime occupations", "categories/lists-2027.json", warnings)).toBe("other:maritime-occupations");
    expect(warnings).toEqual([
      { source: "categories/lists-2027.json", line: 0, message: 'category "Maritime occupations" is not a list name of the vocabulary; kept as other:maritime-occupations' },
    ]);
  });
});

describe("reading versions.json", () => {
  it("reads the shipped version map", () => {
    const parsed = parseVersionMap(shipped("versions.json"));
    expect(parsed.ok).toBe(true);
  });

  it("refuses a version name given twice, counting aliases", () => {
    const text = JSON.stringify({
      about: "",
      versions: [
        { name: "Version 1", aliases: ["2023-1"], lists: { stem: [2023] } },
        { name: "2023-1", aliases: [], lists: { stem: [2024] } },
      ],
    });
    expect(parseVersionMap({ id: "categories/versions.json", text })).toEqual({
      ok: false,
      error: "categories/versions.json: (root): version names and aliases must be unique",
    });
  });
});
