import { describe, expect, it } from "vitest";
import { toClb } from "../../src/crs/language.js";
import { all } from "./helpers.js";

const levels = (r: ReturnType<typeof toClb>) => (r.ok ? r.value.levels : r.error);

describe("language test conversion with the grid's tables", () => {
  it("converts IELTS General Training band scores per ability", () => {
    expect(levels(toClb("ielts", { reading: 8, writing: 7, listening: 7, speaking: 7 }))).toEqual({ reading: 10, writing: 9, listening: 7, speaking: 9 });
    expect(levels(toClb("ielts", all(6)))).toEqual(all(7));
    expect(levels(toClb("ielts", { reading: 3.5, writing: 4, listening: 4.5, speaking: 4 }))).toEqual(all(4));
  });

  it("marks scores below the lowest row as below it", () => {
    const r = toClb("ielts", { reading: 3, writing: 7, listening: 7, speaking: 7 });
    expect(r.ok && r.value.below).toEqual(["reading"]);
    expect(r.ok && r.value.levels.reading).toBe(3);
  });

  it("converts CELPIP levels by the grid's rule, with 10 to 12 as CLB 10", () => {
    expect(levels(toClb("celpip", { reading: 9, writing: 11, listening: 4, speaking: 12 }))).toEqual({ reading: 9, writing: 10, listening: 4, speaking: 10 });
    const m = toClb("celpip", { reading: 0, writing: 9, listening: 9, speaking: 9 });
    expect(m.ok && m.value.below).toEqual(["reading"]);
  });

  it("converts PTE Core ranges and notes that a later table revision is possible", () => {
    const r = toClb("pte", { reading: 80, writing: 90, listening: 30, speaking: 60 });
    expect(levels(r)).toEqual({ reading: 9, writing: 10, listening: 4, speaking: 6 });
    expect(r.ok && r.value.note).toContain("table dated Jan 2024");
    expect(r.ok && r.value.note).toContain("revision is possible");
    expect(r.ok && r.value.verified).toBe(true);
  });

  it("converts TCF Canada scores to NCLC and says the table has one source only", () => {
    const r = toClb("tcf", { reading: 500, writing: 12, listening: 460, speaking: 6 });
    expect(levels(r)).toEqual({ reading: 8, writing: 8, listening: 7, speaking: 5 });
    expect(r.ok && r.value.language).toBe("french");
    expect(r.ok && r.value.verified).toBe(false);
    expect(r.ok && r.value.note).toContain("1 source");
    expect(r.ok && r.value.note).toContain("NCLC");
  });

  it("refuses TEF Canada scores, saying the post-2023-12-10 table is missing and asking for NCLC levels", () => {
    const r = toClb("tef", all(450), { field: "firstLanguage" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.field).toBe("firstLanguage.scores");
    expect(!r.ok && r.error.message).toMatch(/TEF Canada.*since 2023-12-10 is missing.*NCLC level for each ability/);
  });

  it("refuses scores off the test's scale", () => {
    expect(toClb("ielts", all(9.5))).toMatchObject({ ok: false, error: { field: "language.scores.reading" } });
  });
});
