import { describe, expect, it } from "vitest";
import { calculateCrs } from "../../src/crs/calculate.js";
import { validateProfile } from "../../src/crs/validate.js";
import type { PartialProfile } from "../../src/crs/profile.js";
import { BASE, all, english } from "./helpers.js";

const errors = (p: PartialProfile) => {
  const r = validateProfile(p);
  return r.ok ? [] : r.error;
};

describe("impossible profile values", () => {
  it("refuses age 7 and age 120, naming the field", () => {
    expect(errors({ age: 7 })).toEqual([{ field: "age", message: "age must be between 17 and 100" }]);
    expect(errors({ age: 120 })).toEqual([{ field: "age", message: "age must be between 17 and 100" }]);
    expect(errors({ age: 29.5 })).toEqual([{ field: "age", message: "age must be a whole number of years" }]);
  });

  it("refuses CLB 14 and CLB 0", () => {
    expect(errors({ firstLanguage: english({ ...all(9), speaking: 14 }) })).toEqual([
      { field: "firstLanguage.levels.speaking", message: "CLB level for speaking must be a whole number from 1 to 12" },
    ]);
    expect(errors({ firstLanguage: english({ ...all(9), reading: 0 }) }).map((e) => e.field)).toEqual(["firstLanguage.levels.reading"]);
  });

  it("refuses IELTS 9.5 and 10, and a half band off the scale", () => {
    const ielts = (reading: number): PartialProfile => ({ firstLanguage: { test: "ielts", scores: { ...all(7), reading } } });
    expect(errors(ielts(9.5))).toEqual([{ field: "firstLanguage.scores.reading", message: "IELTS reading score must be between 0 and 9, in steps of 0.5" }]);
    expect(errors(ielts(10)).map((e) => e.field)).toEqual(["firstLanguage.scores.reading"]);
    expect(errors(ielts(6.3)).map((e) => e.field)).toEqual(["firstLanguage.scores.reading"]);
    expect(errors(ielts(9))).toEqual([]);
  });

  it("refuses CELPIP 13", () => {
    expect(errors({ firstLanguage: { test: "celpip", scores: { ...all(9), listening: 13 } } })).toEqual([
      { field: "firstLanguage.scores.listening", message: "CELPIP listening score must be between 0 and 12, a whole number" },
    ]);
  });

  it("refuses 40 years of experience at age 30", () => {
    expect(errors({ age: 30, foreignExperienceYears: 40 })).toEqual([
      { field: "foreignExperienceYears", message: "40 years of foreign work experience is more than the 12 years since age 18" },
    ]);
  });

  it("refuses more Canadian and foreign experience together than adult years", () => {
    expect(errors({ age: 25, canadianExperienceYears: 4, foreignExperienceYears: 4 })).toEqual([
      { field: "foreignExperienceYears", message: "Canadian and foreign work experience together (8 years) is more than the 7 years since age 18" },
    ]);
    expect(errors({ age: 25, canadianExperienceYears: 3, foreignExperienceYears: 4 })).toEqual([]);
  });

  it("refuses negative values anywhere", () => {
    expect(errors({ canadianExperienceYears: -1 })).toEqual([{ field: "canadianExperienceYears", message: "Canadian work experience must be zero or more years" }]);
    expect(errors({ spouse: { canadianExperienceYears: -2 } }).map((e) => e.field)).toEqual(["spouse.canadianExperienceYears"]);
    expect(errors({ firstLanguage: { test: "pte", scores: { ...all(70), writing: -5 } } }).map((e) => e.field)).toEqual(["firstLanguage.scores.writing"]);
  });

  it("refuses an education level the grid does not have, and two results in the same language", () => {
    expect(errors({ education: "phd" })[0]?.field).toBe("education");
    expect(errors({ firstLanguage: english(9), secondLanguage: { test: "celpip", scores: all(9) } })).toEqual([
      { field: "secondLanguage", message: "the second official language must be the other one of English and French" },
    ]);
  });

  it("gives no score at all when a value is impossible", () => {
    const r = calculateCrs({ ...BASE, age: 7 });
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty("value");
  });
});
