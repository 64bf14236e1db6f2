import { describe, expect, it } from "vitest";
import { defaultCrsGrid } from "../../src/crs/grid.js";
import { pointsFor, type PointsQuery } from "../../src/crs/points.js";
import { RAW } from "./helpers.js";

const grid = defaultCrsGrid();
const ask = (q: PointsQuery, date = "2026-12-01") => {
  const r = pointsFor(grid, q, { date });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe("direct points questions", () => {
  it("gives the points for a master's with and without a spouse, from the education table", () => {
    const a = ask({ kind: "education", level: "masters_or_professional" });
    const row = RAW.A_core_human_capital.education.levels.find((l: { key: string }) => l.key === "masters_or_professional");
    expect(a.table).toBe("A_core_human_capital.education");
    expect(a.rows[0]).toMatchObject({ withoutSpouse: row.withoutSpouse, withSpouse: row.withSpouse });
    expect(a.summary).toBe("Master's degree: 135 single, 126 with a spouse");
  });

  it("gives one skill transferability cell of foreign experience or a certificate, capped, from the grid's tables", () => {
    const raw = RAW.C_skill_transferability;
    const three = raw.foreignWorkExperience.withLanguage.rows.find((r: { foreignWork: string }) => r.foreignWork === "3 years or more");
    const a = ask({ kind: "transferability", with: "foreign-language", years: 4, clb: 9 });
    expect(a.table).toBe("C_skill_transferability.foreignWorkExperience");
    expect(a.summary).toMatch(new RegExp(`^${Math.min(three.points[1], raw.foreignWorkExperience.subCap)}: skill transferability points for foreign work experience \\(3 years or more\\) with CLB 9`));
    expect(a.rows.map((r) => r.points)).toEqual(three.points);
    expect(ask({ kind: "transferability", with: "foreign-language", years: 2, clb: 8 }).summary).toMatch(/^13: /);
    expect(ask({ kind: "transferability", with: "foreign-canadian", years: 1, canadianYears: 3 }).summary).toMatch(/^25: .* with 3 years of Canadian work experience/);
    expect(ask({ kind: "transferability", with: "foreign-language", years: 3 }).summary).toMatch(/^0 on its own: foreign work experience \(3 years or more\) gives no core points/);
    expect(ask({ kind: "transferability", with: "certificate", clb: 6 }).summary).toMatch(/^25: skill transferability points for a certificate of qualification with CLB 6/);
    expect(ask({ kind: "transferability", with: "certificate", clb: 4 }).summary).toMatch(/^0: /);
  });

  it("says how many points are lost between 29 and 30, and at each birthday", () => {
    const a = ask({ kind: "age", ages: [30, 29] });
    expect(a.rows.map((r) => [r.label, r.withoutSpouse, r.withSpouse])).toEqual([["age 29", 110, 100], ["age 30", 105, 95]]);
    expect(a.birthdays).toEqual([{ age: 30, lostWithoutSpouse: 5, lostWithSpouse: 5 }]);
    const every = ask({ kind: "age" });
    expect(every.birthdays[0]).toEqual({ age: 30, lostWithoutSpouse: 5, lostWithSpouse: 5 });
    expect(every.birthdays.at(-1)).toEqual({ age: 45, lostWithoutSpouse: 6, lostWithSpouse: 5 });
  });

  it("gives a provincial nomination's points", () => {
    expect(ask({ kind: "nomination" }).rows[0]?.points).toBe(600);
  });

  it("says a job offer no longer gives points, with the removal date, and what it gave before", () => {
    const now = ask({ kind: "arranged-employment" });
    expect(now.inForce).toBe(false);
    expect(now.summary).toMatch(/^No: .* since 2025-03-25; before that it gave 200 .* and 50 /);
    const then = ask({ kind: "arranged-employment" }, "2024-01-01");
    expect(then.inForce).toBe(true);
    expect(then.summary).toMatch(/^Yes, on 2024-01-01: 200 .*; 50 .*removed on 2025-03-25/);
  });

  it("gives the points for CLB 9 in speaking in each language table", () => {
    const a = ask({ kind: "language", level: 9, ability: "speaking" });
    expect(a.rows.map((r) => r.withoutSpouse ?? r.points)).toEqual([31, 6, 5]);
    expect(a.summary).toBe("CLB 9 in speaking: 31 single, 29 with a spouse (first official language)");
  });

  it("gives the French bonus now and its earlier values", () => {
    const a = ask({ kind: "french" });
    expect(a.rows.map((r) => r.points)).toEqual([25, 50]);
    expect(a.notes.join(" ")).toContain("15 from 2017-06-06 to 2020-10-26");
    expect(ask({ kind: "french" }, "2018-01-01").rows.map((r) => r.points)).toEqual([15, 30]);
  });

  it("gives the sibling and Canadian education points", () => {
    expect(ask({ kind: "sibling" }).rows[0]?.points).toBe(15);
    expect(ask({ kind: "canadian-education" }).rows.map((r) => r.points)).toEqual([15, 30]);
    expect(ask({ kind: "sibling" }, "2016-01-01").rows[0]?.points).toBe(0);
  });

  it("refuses an education level the grid does not have", () => {
    expect(pointsFor(grid, { kind: "education", level: "phd" })).toMatchObject({ ok: false, error: { field: "level" } });
  });
});
