import { describe, expect, it } from "vitest";
import { calculateCrs } from "../../src/crs/calculate.js";
import type { PartialProfile } from "../../src/crs/profile.js";
import { BASE, WITH_SPOUSE, all, english, french, score } from "./helpers.js";

// Every total below is worked out by hand from knowledge/crs/crs-grid.json.
describe("totals worked out by hand from the grid", () => {
  it("gives the README's worked example 320", () => {
    // Single, 33: age 88; two-year diploma 98; CLB 7 x4 = 4 x 17 = 68; 1 year Canadian 40 -> core 294.
    // Transferability: post-secondary x CLB 7 = 13, post-secondary x 1 year Canadian = 13 -> 26. Total 320.
    const r = score({ age: 33, maritalStatus: "single", education: "two_year", firstLanguage: english(7), canadianExperienceYears: 1, foreignExperienceYears: 0 });
    expect(r.core).toMatchObject({ age: { points: 88 }, education: { points: 98 }, firstLanguage: { points: 68 }, canadianExperience: { points: 40 }, subtotal: { points: 294 } });
    expect(r.transferability.subtotal.points).toBe(26);
    expect(r.total).toBe(320);
    expect(r.core.age.explanation).toBe("age 33: 88 (single)");
  });

  it("caps education and foreign-experience transferability at 50 each: single, 29, master's, CLB 9, 1 year Canadian, 3 abroad = 509", () => {
    // Core: age 110 + master's 135 + 4 x 31 = 124 + 1 year 40 = 409.
    // Education: x CLB 9 = 50, x 1 year Canadian = 25 -> 75 capped at 50. Foreign 3+: x CLB 9 = 50, x 1 year = 25 -> 75 capped at 50.
    // Transferability 100. Total 509.
    const r = score({ ...BASE, age: 29, education: "masters_or_professional", firstLanguage: english(9), canadianExperienceYears: 1, foreignExperienceYears: 3 });
    expect(r.core.subtotal.points).toBe(409);
    expect(r.transferability.education).toMatchObject({ language: { points: 50 }, canadian: { points: 25 }, subtotal: { points: 50 } });
    expect(r.transferability.foreignExperience.subtotal.points).toBe(50);
    expect(r.total).toBe(509);
    expect(r.capsApplied.map((c) => [c.cap, c.before, c.after])).toEqual([
      ["transferability: education", 75, 50],
      ["transferability: foreign work experience", 75, 50],
    ]);
  });

  it("scores a candidate whose spouse comes along with the with-spouse columns and spouse factors: 406", () => {
    // With spouse: age 30 95; bachelor's 112; CLB 8 x4 = 4 x 22 = 88; 2 years Canadian 46 -> core 341.
    // Spouse: master's 10; CLB 7 x4 = 4 x 3 = 12; 1 year Canadian 5 -> 27.
    // Transferability: post-secondary x CLB 8 = 13; x 2 years Canadian = 25 -> 38. Total 341 + 27 + 38 = 406.
    const r = score({
      ...WITH_SPOUSE,
      age: 30,
      education: "bachelor_or_3yr",
      firstLanguage: english(8),
      canadianExperienceYears: 2,
      spouse: { education: "masters_or_professional", language: english(7), canadianExperienceYears: 1 },
    });
    expect(r.withSpouse).toBe(true);
    expect(r.core.subtotal.points).toBe(341);
    expect(r.spouse.subtotal.points).toBe(27);
    expect(r.transferability.subtotal.points).toBe(38);
    expect(r.total).toBe(406);
    expect(r.core.age.explanation).toBe("age 30: 95 (with spouse)");
  });

  const notComing: PartialProfile = {
    ...BASE,
    maritalStatus: "married-or-common-law",
    spouseAccompanying: false,
    age: 30,
    education: "bachelor_or_3yr",
    firstLanguage: english(8),
    canadianExperienceYears: 2,
  };

  it("scores a married candidate whose spouse does not come as single: 408", () => {
    // Single columns: age 105; bachelor's 120; 4 x 23 = 92; 2 years 53 -> core 370. Transferability 13 + 25 = 38. Total 408.
    const r = score({ ...notComing, spouse: { education: "doctoral", language: english(10), canadianExperienceYears: 5 } });
    expect(r.withSpouse).toBe(false);
    expect(r.spouse.subtotal.points).toBe(0);
    expect(r.total).toBe(408);
    expect(r.core.age.explanation).toBe("age 30: 105 (scored as single)");
    expect(r.notes.join(" ")).toContain("not coming");
  });

  it("scores a candidate whose spouse is a Canadian permanent resident as single too: 408", () => {
    const r = score({ ...notComing, spouseAccompanying: true, spouseCanadian: true });
    expect(r.withSpouse).toBe(false);
    expect(r.total).toBe(408);
  });

  it("reaches the with-spouse core maximum and the spouse maximum of 40, capping the second language: 600", () => {
    // With spouse: age 27 100; PhD 140; CLB 10 x4 = 128; NCLC 9 x4 = 24 capped at 22; 5 years Canadian 70 -> core 460.
    // Spouse: PhD 10 + CLB 10 x4 = 20 + 6 years 10 = 40.
    // Transferability: PhD x CLB 10 = 50, PhD x 5 years = 50 -> 100 capped at 50; no foreign -> 50.
    // Additional: French NCLC 7+ with English CLB 5+ = 50. Total 460 + 40 + 50 + 50 = 600.
    const r = score({
      ...WITH_SPOUSE,
      age: 27,
      education: "doctoral",
      firstLanguage: english(10),
      secondLanguage: french(9),
      canadianExperienceYears: 5,
      spouse: { education: "doctoral", language: english(10), canadianExperienceYears: 6 },
    });
    expect(r.core.secondLanguage.points).toBe(22);
    expect(r.core.subtotal.points).toBe(460);
    expect(r.spouse.subtotal.points).toBe(40);
    expect(r.transferability.subtotal.points).toBe(50);
    expect(r.additional.french.points).toBe(50);
    expect(r.total).toBe(600);
    expect(r.capsApplied.map((c) => c.cap)).toEqual(["second official language", "transferability: education"]);
  });

  it("caps skill transferability at 100 when education, foreign work and a certificate add up to 150: 522", () => {
    // Core: age 28 110; master's 135; CLB 9 x4 124; 2 years Canadian 53 -> 422.
    // Education 50 + 50 -> 50; foreign 3 years 50 + 50 -> 50; certificate with CLB 7+ 50 -> 150 capped at 100. Total 522.
    const r = score({ ...BASE, age: 28, education: "masters_or_professional", firstLanguage: english(9), canadianExperienceYears: 2, foreignExperienceYears: 3, certificateOfQualification: true });
    expect(r.transferability.certificate.points).toBe(50);
    expect(r.transferability.subtotal).toEqual({ points: 100, explanation: "150 capped at 100" });
    expect(r.total).toBe(522);
  });

  it("takes a provincial nomination past the 600 additional cap up to the 1,200 total", () => {
    // Single, 27: age 110; PhD 150; CLB 10 x4 136; NCLC 9 x4 24; 5 years Canadian 80 -> core 500.
    // Transferability: 50 (education, capped) + 50 (foreign 3 years, capped) = 100 -> 600.
    // Additional: nomination 600 + French 50 + Canadian 3+ year credential 30 + sibling 15 = 695 capped at 600. Total 1200.
    const r = score({
      ...BASE,
      age: 27,
      education: "doctoral",
      firstLanguage: english(10),
      secondLanguage: french(9),
      canadianExperienceYears: 5,
      foreignExperienceYears: 3,
      provincialNomination: true,
      siblingInCanada: true,
      canadianEducation: "3+",
    });
    expect(r.core.subtotal.points).toBe(500);
    expect(r.transferability.subtotal.points).toBe(100);
    expect(r.additional.subtotal).toEqual({ points: 600, explanation: "695 capped at 600" });
    expect(r.total).toBe(1200);
  });

  describe("a skilled job offer around the March 2025 change", () => {
    // Single, 35: age 77; bachelor's 120; CLB 7 x4 68; no Canadian work -> core 265.
    // Transferability: post-secondary x CLB 7 = 13; foreign 2 years x CLB 7 = 13 -> 26. 291 without the offer.
    const offer: PartialProfile = { ...BASE, age: 35, education: "bachelor_or_3yr", firstLanguage: english(7), foreignExperienceYears: 2, arrangedEmployment: "skilled" };

    it("gives the 50 points on 2025-03-24: 341", () => {
      const r = score(offer, { date: "2025-03-24" });
      expect(r.additional.arrangedEmployment.points).toBe(50);
      expect(r.total).toBe(341);
    });
    it("gives none from 2025-03-25 and says so: 291", () => {
      const r = score(offer, { date: "2025-03-25" });
      expect(r.additional.arrangedEmployment.points).toBe(0);
      expect(r.total).toBe(291);
      expect(r.notes).toContain("arranged employment gives no points since 2025-03-25 (announced 2024-12-23)");
    });
    it("gives a senior management offer 200 in 2024: 491", () => {
      expect(score({ ...offer, arrangedEmployment: "senior-management" }, { date: "2024-06-01" }).total).toBe(491);
    });
    it("gives any qualifying offer 600 before November 2016: 891", () => {
      expect(score(offer, { date: "2016-01-01" }).total).toBe(891);
    });
  });

  describe("French additional points", () => {
    // Single, 31, French first: age 99; two or more credentials 128; NCLC 8 x4 = 92 -> core 319.
    // Transferability: two or more x NCLC 8 = 25.
    const francophone: PartialProfile = { ...BASE, age: 31, education: "two_or_more", firstLanguage: french(8) };

    it("gives 25 with no English: 369, and 15 before October 2020: 359", () => {
      expect(score(francophone).additional.french.points).toBe(25);
      expect(score(francophone).total).toBe(369);
      expect(score(francophone, { date: "2019-01-01" }).total).toBe(359);
    });
    it("gives 50 with CLB 5+ English in all four: 398, and 30 in 2019: 378", () => {
      // English CLB 6 x4 as second language: 4 x 1 = 4 -> core 323; 323 + 25 + 50 = 398.
      const bilingual = { ...francophone, secondLanguage: english(6) };
      expect(score(bilingual).total).toBe(398);
      expect(score(bilingual, { date: "2019-06-01" }).total).toBe(378);
    });
    it("gives 25 when English is only partly at CLB 5, and says what it assumed: 371", () => {
      // English 4, 4, 5, 6: second language 0 + 0 + 1 + 1 = 2 -> core 321; 321 + 25 + 25 = 371.
      const r = score({ ...francophone, secondLanguage: english({ reading: 4, writing: 4, listening: 5, speaking: 6 }) });
      expect(r.total).toBe(371);
      expect(r.assumptions.join(" ")).toContain("weak English");
    });
    it("notes the disputed start date of the raised French points", () => {
      expect(score(francophone, { date: "2020-10-22" }).notes.join(" ")).toContain("2020-10-20");
      expect(score(francophone, { date: "2020-10-22" }).additional.french.points).toBe(15);
    });
    it("gives nothing when one French ability is below NCLC 7", () => {
      expect(score({ ...francophone, firstLanguage: french({ ...all(9), writing: 6 }) }).additional.french.points).toBe(0);
    });
  });
});

describe("calculation inputs and outputs", () => {
  it("lists the defaults it assumed for unknown optional fields", () => {
    const r = score({ age: 30, maritalStatus: "single", education: "secondary", firstLanguage: english(7) });
    expect(r.assumptions).toEqual([
      "no Canadian work experience",
      "no work experience outside Canada",
      "no second official language",
      "no post-secondary education in Canada",
      "no provincial nomination",
      "no brother or sister in Canada",
      "no certificate of qualification",
    ]);
  });

  it("refuses a profile missing a required field, naming it, with no score", () => {
    const r = calculateCrs({ maritalStatus: "single", education: "secondary", firstLanguage: english(7) });
    expect(r).toEqual({ ok: false, error: [{ field: "age", message: "needed: How old are you?" }] });
  });

  it("converts IELTS scores and carries the table's status in the notes", () => {
    const r = score({ ...BASE, firstLanguage: { test: "ielts", scores: { reading: 8, writing: 7, listening: 7, speaking: 7 } } });
    expect(r.levels.first).toEqual({ reading: 10, writing: 9, listening: 7, speaking: 9 });
    expect(r.notes.join(" ")).toContain("IELTS");
  });

  it("refuses TEF Canada scores with the reason and asks for NCLC levels", () => {
    const r = calculateCrs({ ...BASE, firstLanguage: { test: "tef", scores: all(400) } }, { date: "2026-12-01" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error[0]?.field).toBe("firstLanguage.scores");
      expect(r.error[0]?.message).toContain("2023-12-10");
      expect(r.error[0]?.message).toContain("NCLC level");
    }
  });

  it("refuses a date that is not a calendar date", () => {
    expect(calculateCrs(BASE, { date: "2025-02-30" })).toMatchObject({ ok: false, error: [{ field: "date" }] });
  });

  it("names its source and the grid's date", () => {
    const r = score(BASE);
    expect(r.gridDate).toBe("2026-11-22");
    expect(r.sources[0]).toMatchObject({ id: "crs/crs-grid.json", publisher: "Immigration, Refugees and Citizenship Canada" });
    expect(r.rulesSince).toBe("2025-03-25");
  });

  it("counts part years of experience as full years below and says so", () => {
    const r = score({ ...BASE, canadianExperienceYears: 1.5 });
    expect(r.core.canadianExperience.points).toBe(score({ ...BASE, canadianExperienceYears: 1 }).core.canadianExperience.points);
    expect(r.assumptions.join(" ")).toContain("counted as 1 year");
  });
});
