import { describe, expect, it } from "vitest";
import { applyDefaults, missingFields } from "../../src/crs/missing.js";
import { english } from "./helpers.js";

describe("fields still needed for a total", () => {
  it("asks for the required fields first, in conversation order, then the skippable ones with their defaults", () => {
    const m = missingFields({}, { date: "2026-12-01" });
    expect(m.complete).toBe(false);
    expect(m.fields.map((f) => f.field)).toEqual([
      "age",
      "maritalStatus",
      "education",
      "firstLanguage",
      "canadianExperienceYears",
      "foreignExperienceYears",
      "secondLanguage",
      "canadianEducation",
      "provincialNomination",
      "siblingInCanada",
      "certificateOfQualification",
    ]);
    expect(m.fields[0]).toEqual({ field: "age", question: "How old are you?", required: true, assumeOnSkip: null });
    expect(m.fields[1]?.question).toBe("Are you married or in a common-law partnership, and is your partner coming to Canada with you?");
    expect(m.assumptions).toContain("no second official language");
    expect(m.assumptions).toContain("no Canadian work experience");
  });

  it("asks about the partner only when the partner comes along", () => {
    const coming = missingFields({ age: 30, maritalStatus: "married-or-common-law" }).fields.map((f) => f.field);
    expect(coming.slice(0, 1)).toEqual(["spouseAccompanying"]);
    const withPartner = missingFields({ age: 30, maritalStatus: "married-or-common-law", spouseAccompanying: true }).fields.map((f) => f.field);
    expect(withPartner).toEqual(expect.arrayContaining(["spouseCanadian", "spouse.education", "spouse.language", "spouse.canadianExperienceYears"]));
    const alone = missingFields({ age: 30, maritalStatus: "married-or-common-law", spouseAccompanying: false }).fields.map((f) => f.field);
    expect(alone.some((f) => f.startsWith("spouse"))).toBe(false);
  });

  it("asks about a job offer only for a date when it still gave points", () => {
    expect(missingFields({}, { date: "2024-06-01" }).fields.map((f) => f.field)).toContain("arrangedEmployment");
    expect(missingFields({}, { date: "2026-12-01" }).fields.map((f) => f.field)).not.toContain("arrangedEmployment");
  });

  it("is complete once the required fields are known, and the defaults fill the rest", () => {
    const partial = { age: 30, maritalStatus: "single" as const, education: "secondary", firstLanguage: english(7) };
    expect(missingFields(partial).complete).toBe(true);
    const filled = applyDefaults(partial);
    expect(filled.ok && filled.value.profile).toMatchObject({ secondLanguage: null, canadianExperienceYears: 0, arrangedEmployment: "none", spouse: null });
  });
});
