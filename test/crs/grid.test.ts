import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isEeBotError } from "../../src/errors.js";
import { CrsGridSchema, crsGridSource, loadCrsGrid, normalizeCrsGrid, parseBand, parseCrsGridFile } from "../../src/crs/grid.js";
import { KnowledgeBaseSchema } from "../../src/kb/schema.js";
import { RAW } from "./helpers.js";

const copy = () => structuredClone(RAW);

describe("the CRS grid file", () => {
  it("validates as written and is what kb.json's crs field accepts", () => {
    expect(CrsGridSchema.safeParse(RAW).success).toBe(true);
    expect(KnowledgeBaseSchema.shape.crs.safeParse(RAW).success).toBe(true);
  });

  it("normalises every banded table so that it starts at 0 and leaves no gap", () => {
    const g = loadCrsGrid();
    expect(g.core.age.length).toBe(RAW.A_core_human_capital.age.points.length);
    expect(g.core.age[0]).toMatchObject({ min: 0, max: 17 });
    expect(g.core.age.at(-1)).toMatchObject({ min: 45, max: null });
    expect(g.asOf).toBe("2026-11-22");
    expect(g.tests.tef.kind).toBe("missing");
    expect(g.tests.celpip.kind).toBe("rule");
  });

  it("reads the ranges the grid's labels describe", () => {
    expect(parseBand("less than CLB 4")).toEqual({ min: 0, max: 3 });
    expect(parseBand("CLB 4 or 5")).toEqual({ min: 4, max: 5 });
    expect(parseBand("CLB 9 or more")).toEqual({ min: 9, max: null });
    expect(parseBand("17 or less")).toEqual({ min: 0, max: 17 });
    expect(parseBand("none or less than 1")).toEqual({ min: 0, max: 0 });
    expect(parseBand("3 years or more")).toEqual({ min: 3, max: null });
    expect(parseBand("no foreign work experience")).toEqual({ min: 0, max: 0 });
    expect(parseBand("several")).toBeUndefined();
  });

  it("refuses a grid whose age rows leave a gap", () => {
    const g = copy();
    g.A_core_human_capital.age.points = g.A_core_human_capital.age.points.filter((r: { age: string }) => r.age !== "33");
    expect(() => normalizeCrsGrid(CrsGridSchema.parse(g))).toThrow(/rows "32" and "34" leave a gap/);
  });

  it("refuses a grid with a negative point value or a missing table, naming the place", () => {
    const g = copy();
    g.A_core_human_capital.education.levels[0].withSpouse = -1;
    const r = parseCrsGridFile(g);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain("A_core_human_capital.education.levels.0.withSpouse");
    const h = copy();
    delete h.B_spouse_factors;
    expect(parseCrsGridFile(h)).toMatchObject({ ok: false, error: expect.stringContaining("B_spouse_factors") });
  });

  it("refuses an additional item it cannot recognise", () => {
    const g = copy();
    g.D_additional_points.items.push({ factor: "Good looks", points: 5, status: "unverified", since: "2020-01-01" });
    expect(() => normalizeCrsGrid(CrsGridSchema.parse(g))).toThrow(/unknown factor "Good looks"/);
  });

  it("throws a typed error for a missing file", () => {
    const dir = mkdtempSync(join(tmpdir(), "ee-crs-"));
    try {
      loadCrsGrid(join(dir, "absent.json"));
      expect.unreachable();
    } catch (e) {
      expect(isEeBotError(e, "ee_crs_grid_invalid")).toBe(true);
    }
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ title: "x" }));
    expect(() => loadCrsGrid(join(dir, "bad.json"))).toThrow(/asOf/);
  });

  it("describes itself as an official source dated by its compilation", () => {
    const s = crsGridSource(CrsGridSchema.parse(RAW), JSON.stringify(RAW));
    expect(s).toMatchObject({
      id: "crs/crs-grid.json",
      kind: "official",
      title: RAW.primarySource.title,
      url: RAW.primarySource.url,
      publisher: "Immigration, Refugees and Citizenship Canada",
      asOf: "2026-11-22",
    });
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
