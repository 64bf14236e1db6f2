import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ABILITIES } from "../../src/crs/grid.js";
import { defaultCrsGrid } from "../../src/crs/grid.js";
import type { CrsProfile } from "../../src/crs/profile.js";
import { score } from "./helpers.js";

const grid = defaultCrsGrid();
const KEYS = grid.core.education.map((e) => e.key);
const level = fc.integer({ min: 1, max: 12 });
const levels = fc.record({ reading: level, writing: level, listening: level, speaking: level });
const years = fc.integer({ min: 0, max: 6 });

const profile: fc.Arbitrary<CrsProfile> = fc
  .record({
    age: fc.integer({ min: 31, max: 70 }),
    partnered: fc.boolean(),
    education: fc.integer({ min: 0, max: KEYS.length - 1 }),
    canadianEducation: fc.constantFrom("none", "1-2", "3+"),
    firstFrench: fc.boolean(),
    first: levels,
    second: fc.option(levels, { nil: null }),
    canadianExperienceYears: years,
    foreignExperienceYears: years,
    certificateOfQualification: fc.boolean(),
    provincialNomination: fc.boolean(),
    siblingInCanada: fc.boolean(),
    spouseEducation: fc.integer({ min: 0, max: KEYS.length - 1 }),
    spouseLanguage: fc.option(levels, { nil: null }),
    spouseYears: years,
  })
  .map((r) => ({
    age: r.age,
    maritalStatus: r.partnered ? "married-or-common-law" : "single",
    spouseAccompanying: r.partnered,
    spouseCanadian: false,
    education: KEYS[r.education]!,
    canadianEducation: r.canadianEducation,
    firstLanguage: { language: r.firstFrench ? "french" : "english", levels: r.first },
    secondLanguage: r.second ? { language: r.firstFrench ? "english" : "french", levels: r.second } : null,
    canadianExperienceYears: r.canadianExperienceYears,
    foreignExperienceYears: r.foreignExperienceYears,
    certificateOfQualification: r.certificateOfQualification,
    provincialNomination: r.provincialNomination,
    siblingInCanada: r.siblingInCanada,
    arrangedEmployment: "none",
    spouse: r.partnered ? { education: KEYS[r.spouseEducation]!, language: r.spouseLanguage ? { language: "english", levels: r.spouseLanguage } : null, canadianExperienceYears: r.spouseYears } : null,
  }));

/** Ways to give a profile more of one factor. */
const MORE: readonly ((p: CrsProfile) => CrsProfile | null)[] = [
  ...ABILITIES.map((a) => (p: CrsProfile) => ("levels" in p.firstLanguage && p.firstLanguage.levels[a] < 12 ? { ...p, firstLanguage: { ...p.firstLanguage, levels: { ...p.firstLanguage.levels, [a]: p.firstLanguage.levels[a] + 1 } } } : null)),
  ...ABILITIES.map((a) => (p: CrsProfile) => (p.secondLanguage && "levels" in p.secondLanguage && p.secondLanguage.levels[a] < 12 ? { ...p, secondLanguage: { ...p.secondLanguage, levels: { ...p.secondLanguage.levels, [a]: p.secondLanguage.levels[a] + 1 } } } : null)),
  (p) => ({ ...p, canadianExperienceYears: p.canadianExperienceYears + 1 }),
  (p) => ({ ...p, foreignExperienceYears: p.foreignExperienceYears + 1 }),
  (p) => (KEYS.indexOf(p.education) < KEYS.length - 1 ? { ...p, education: KEYS[KEYS.indexOf(p.education) + 1]! } : null),
  (p) => ({ ...p, provincialNomination: true }),
  (p) => ({ ...p, siblingInCanada: true }),
  (p) => ({ ...p, certificateOfQualification: true }),
  (p) => (p.canadianEducation === "none" ? { ...p, canadianEducation: "1-2" } : p.canadianEducation === "1-2" ? { ...p, canadianEducation: "3+" } : null),
  (p) => (p.spouse ? { ...p, spouse: { ...p.spouse, canadianExperienceYears: p.spouse.canadianExperienceYears + 1 } } : null),
  (p) => (p.spouse && KEYS.indexOf(p.spouse.education) < KEYS.length - 1 ? { ...p, spouse: { ...p.spouse, education: KEYS[KEYS.indexOf(p.spouse.education) + 1]! } } : null),
];

describe("properties of every score", () => {
  it("never lowers the score when a profile gets more of one factor", () => {
    fc.assert(
      fc.property(profile, fc.integer({ min: 0, max: MORE.length - 1 }), (p, k) => {
        const more = MORE[k]!(p);
        if (!more) return;
        expect(score(more).total).toBeGreaterThanOrEqual(score(p).total);
      }),
      { numRuns: 400 },
    );
  });

  it("makes the total the sum of its four parts, and each part the capped sum of its factors", () => {
    fc.assert(
      fc.property(profile, (p) => {
        const r = score(p);
        const sum = (xs: { points: number }[]) => xs.reduce((s, x) => s + x.points, 0);
        expect(r.total).toBe(r.core.subtotal.points + r.spouse.subtotal.points + r.transferability.subtotal.points + r.additional.subtotal.points);
        const { age, education, firstLanguage, secondLanguage, canadianExperience } = r.core;
        expect(r.core.subtotal.points).toBe(sum([age, education, firstLanguage, secondLanguage, canadianExperience]));
        expect(r.transferability.subtotal.points).toBe(
          Math.min(grid.transferability.max, r.transferability.education.subtotal.points + r.transferability.foreignExperience.subtotal.points + r.transferability.certificate.points),
        );
        const { nomination, sibling, french, canadianEducation, arrangedEmployment } = r.additional;
        expect(r.additional.subtotal.points).toBe(Math.min(grid.additional.max, sum([nomination, sibling, french, canadianEducation, arrangedEmployment])));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every total within the grid's maximum and every part within its cap", () => {
    fc.assert(
      fc.property(profile, (p) => {
        const r = score(p);
        expect(r.total).toBeLessThanOrEqual(grid.maximums.total);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.spouse.subtotal.points).toBeLessThanOrEqual(grid.maximums.spouse);
        expect(r.transferability.education.subtotal.points).toBeLessThanOrEqual(grid.transferability.education.subCap);
        expect(r.transferability.foreignExperience.subtotal.points).toBeLessThanOrEqual(grid.transferability.foreignExperience.subCap);
        expect(r.core.subtotal.points + r.spouse.subtotal.points + r.transferability.subtotal.points).toBeLessThanOrEqual(grid.maximums.coreSpouseTransferability);
      }),
      { numRuns: 300 },
    );
  });
});
