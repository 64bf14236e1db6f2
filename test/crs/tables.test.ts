import { describe, expect, it } from "vitest";
import { ABILITIES } from "../../src/crs/grid.js";
import { BASE, RAW, WITH_SPOUSE, all, english, french, score } from "./helpers.js";

type Row = Record<string, unknown> & { withSpouse: number; withoutSpouse: number };
const core = RAW.A_core_human_capital;
const rowOf = (rows: Row[], key: string, label: string): Row => {
  const r = rows.find((x) => x[key] === label);
  if (!r) throw new Error(`no row ${label}`);
  return r;
};

// Which row of the grid each value belongs to, written out by hand from the labels.
const AGE_ROW = (age: number): string => (age <= 17 ? "17 or less" : age >= 45 ? "45 or more" : String(age));
const FIRST_ROW: Record<number, string> = {
  1: "less than CLB 4", 2: "less than CLB 4", 3: "less than CLB 4", 4: "CLB 4 or 5", 5: "CLB 4 or 5", 6: "CLB 6", 7: "CLB 7",
  8: "CLB 8", 9: "CLB 9", 10: "CLB 10 or more", 11: "CLB 10 or more", 12: "CLB 10 or more",
};
const SECOND_ROW: Record<number, string> = {
  1: "CLB 4 or less", 2: "CLB 4 or less", 3: "CLB 4 or less", 4: "CLB 4 or less", 5: "CLB 5 or 6", 6: "CLB 5 or 6", 7: "CLB 7 or 8",
  8: "CLB 7 or 8", 9: "CLB 9 or more", 10: "CLB 9 or more", 11: "CLB 9 or more", 12: "CLB 9 or more",
};
const YEARS_ROW = (y: number): string => (y < 1 ? "none or less than 1" : y >= 5 ? "5 or more" : String(Math.floor(y)));

describe("core human capital rows, read from the grid file and scored by the calculator", () => {
  it("gives every age its row's points, single and with a spouse", () => {
    for (let age = 17; age <= 100; age++) {
      const row = rowOf(core.age.points, "age", AGE_ROW(age));
      expect(score({ ...BASE, age }).core.age.points, `age ${age} single`).toBe(row.withoutSpouse);
      expect(score({ ...WITH_SPOUSE, age }).core.age.points, `age ${age} with spouse`).toBe(row.withSpouse);
    }
  });

  it("gives every education level its row's points, single and with a spouse", () => {
    for (const level of core.education.levels as (Row & { key: string })[]) {
      expect(score({ ...BASE, education: level.key }).core.education.points).toBe(level.withoutSpouse);
      expect(score({ ...WITH_SPOUSE, education: level.key }).core.education.points).toBe(level.withSpouse);
    }
  });

  it("gives every first-language level in each ability its row's points, single and with a spouse", () => {
    const floor = 1;
    for (const ability of ABILITIES) {
      for (let level = 1; level <= 12; level++) {
        const levels = { ...all(floor), [ability]: level };
        const row = rowOf(core.firstOfficialLanguage.points, "clb", FIRST_ROW[level]!);
        const low = rowOf(core.firstOfficialLanguage.points, "clb", FIRST_ROW[floor]!);
        expect(score({ ...BASE, firstLanguage: english(levels) }).core.firstLanguage.points).toBe(row.withoutSpouse + 3 * low.withoutSpouse);
        expect(score({ ...WITH_SPOUSE, firstLanguage: english(levels) }).core.firstLanguage.points).toBe(row.withSpouse + 3 * low.withSpouse);
      }
    }
  });

  it("gives every second-language level in each ability its row's points, and caps the four at the grid's maximum", () => {
    for (const ability of ABILITIES) {
      for (let level = 1; level <= 12; level++) {
        const row = rowOf(core.secondOfficialLanguage.points, "clb", SECOND_ROW[level]!);
        const second = french({ ...all(1), [ability]: level });
        expect(score({ ...BASE, secondLanguage: second }).core.secondLanguage.points).toBe(row.withoutSpouse);
        expect(score({ ...WITH_SPOUSE, secondLanguage: second }).core.secondLanguage.points).toBe(row.withSpouse);
      }
    }
    const top = rowOf(core.secondOfficialLanguage.points, "clb", "CLB 9 or more");
    expect(score({ ...BASE, secondLanguage: french(9) }).core.secondLanguage.points).toBe(Math.min(4 * top.withoutSpouse, core.secondOfficialLanguage.max.withoutSpouse));
    expect(score({ ...WITH_SPOUSE, secondLanguage: french(9) }).core.secondLanguage.points).toBe(core.secondOfficialLanguage.max.withSpouse);
  });

  it("gives every number of years of Canadian work experience its row's points, counting whole years", () => {
    for (const years of [0, 0.5, 1, 1.9, 2, 3, 4, 5, 6, 12]) {
      const row = rowOf(core.canadianWorkExperience.points, "years", YEARS_ROW(years));
      expect(score({ ...BASE, age: 40, canadianExperienceYears: years }).core.canadianExperience.points).toBe(row.withoutSpouse);
      expect(score({ ...WITH_SPOUSE, age: 40, canadianExperienceYears: years }).core.canadianExperience.points).toBe(row.withSpouse);
    }
  });
});

describe("spouse factor rows", () => {
  const b = RAW.B_spouse_factors;
  it("gives each spouse education level its points", () => {
    for (const level of b.education.levels as { key: string; points: number }[]) {
      expect(score({ ...WITH_SPOUSE, spouse: { education: level.key, language: null, canadianExperienceYears: 0 } }).spouse.education.points).toBe(level.points);
    }
  });
  it("gives each spouse language level in each ability its points", () => {
    const rows: Record<number, string> = { 1: "CLB 4 or less", 4: "CLB 4 or less", 5: "CLB 5 or 6", 6: "CLB 5 or 6", 7: "CLB 7 or 8", 8: "CLB 7 or 8", 9: "CLB 9 or more", 12: "CLB 9 or more" };
    for (const ability of ABILITIES) {
      for (const [level, label] of Object.entries(rows)) {
        const points = (b.firstOfficialLanguage.points as { clb: string; points: number }[]).find((r) => r.clb === label)!.points;
        const spouse = { education: "less_than_secondary", language: english({ ...all(1), [ability]: Number(level) }), canadianExperienceYears: 0 };
        expect(score({ ...WITH_SPOUSE, spouse }).spouse.language.points).toBe(points);
      }
    }
  });
  it("gives each number of spouse Canadian work years its points", () => {
    for (const years of [0, 1, 2, 3, 4, 5, 9]) {
      const points = (b.canadianWorkExperience.points as { years: string; points: number }[]).find((r) => r.years === YEARS_ROW(years))!.points;
      expect(score({ ...WITH_SPOUSE, spouse: { education: "less_than_secondary", language: null, canadianExperienceYears: years } }).spouse.canadianExperience.points).toBe(points);
    }
  });
  it("gives no spouse points to a single candidate whatever spouse details are given", () => {
    expect(score({ ...BASE, spouse: { education: "doctoral", language: english(10), canadianExperienceYears: 5 } }).spouse.subtotal.points).toBe(0);
  });
});

describe("skill transferability cells", () => {
  const c = RAW.C_skill_transferability;
  // Education rows by the levels they cover, by hand from the labels.
  const EDU_ROWS: Record<string, string> = {
    less_than_secondary: "secondary school or less",
    secondary: "secondary school or less",
    one_year: "post-secondary program credential of one year or longer",
    two_year: "post-secondary program credential of one year or longer",
    bachelor_or_3yr: "post-secondary program credential of one year or longer",
    two_or_more: "two or more post-secondary credentials, one of 3+ years",
    masters_or_professional: "master's degree or entry-to-practice professional degree",
    doctoral: "doctoral (PhD)",
  };
  const LANGUAGE_COLUMN = (lowest: number): number => (lowest >= 9 ? 1 : lowest >= 7 ? 0 : -1);
  const YEARS_COLUMN = (years: number): number => (years >= 2 ? 1 : years >= 1 ? 0 : -1);
  const pick = (points: number[], col: number): number => (col < 0 ? 0 : points[col]!);

  it("gives every education row with every language column its points", () => {
    for (const [key, label] of Object.entries(EDU_ROWS)) {
      const row = (c.education.withLanguage.rows as { education: string; points: number[] }[]).find((r) => r.education === label)!;
      for (const lowest of [4, 6, 7, 8, 9, 10]) {
        const r = score({ ...BASE, education: key, firstLanguage: english({ ...all(10), writing: lowest }) });
        expect(r.transferability.education.language.points, `${key} CLB ${lowest}`).toBe(pick(row.points, LANGUAGE_COLUMN(lowest)));
      }
    }
  });

  it("gives every education row with every Canadian work column its points", () => {
    for (const [key, label] of Object.entries(EDU_ROWS)) {
      const row = (c.education.withCanadianWork.rows as { education: string; points: number[] }[]).find((r) => r.education === label)!;
      for (const years of [0, 1, 2, 3, 6]) {
        const r = score({ ...BASE, age: 40, education: key, canadianExperienceYears: years });
        expect(r.transferability.education.canadian.points, `${key} ${years} years`).toBe(pick(row.points, YEARS_COLUMN(years)));
      }
    }
  });

  it("gives every foreign work row with every language and Canadian work column its points", () => {
    const FOREIGN_ROW = (y: number): string => (y < 1 ? "no foreign work experience" : y <= 2 ? "1 or 2 years" : "3 years or more");
    for (const foreign of [0, 1, 2, 3, 8]) {
      const lang = (c.foreignWorkExperience.withLanguage.rows as { foreignWork: string; points: number[] }[]).find((r) => r.foreignWork === FOREIGN_ROW(foreign))!;
      const cdn = (c.foreignWorkExperience.withCanadianWork.rows as { foreignWork: string; points: number[] }[]).find((r) => r.foreignWork === FOREIGN_ROW(foreign))!;
      for (const lowest of [5, 7, 8, 9]) {
        const r = score({ ...BASE, age: 40, foreignExperienceYears: foreign, firstLanguage: english(lowest) });
        expect(r.transferability.foreignExperience.language.points).toBe(pick(lang.points, LANGUAGE_COLUMN(lowest)));
      }
      for (const years of [0, 1, 2, 4]) {
        const r = score({ ...BASE, age: 40, foreignExperienceYears: foreign, canadianExperienceYears: years });
        expect(r.transferability.foreignExperience.canadian.points).toBe(pick(cdn.points, YEARS_COLUMN(years)));
      }
    }
  });

  it("gives a certificate of qualification each language row's points", () => {
    const [mid, high] = c.certificateOfQualification.rows as { points: number }[];
    const cert = (lowest: number) => score({ ...BASE, certificateOfQualification: true, firstLanguage: english({ ...all(9), speaking: lowest }) }).transferability.certificate.points;
    expect(cert(4)).toBe(0);
    expect(cert(5)).toBe(mid!.points);
    expect(cert(6)).toBe(mid!.points);
    expect(cert(7)).toBe(high!.points);
    expect(cert(10)).toBe(high!.points);
    expect(score({ ...BASE, firstLanguage: english(9) }).transferability.certificate.points).toBe(0);
  });
});

describe("additional points items", () => {
  const items = RAW.D_additional_points.items as { factor: string; points: number; history?: { from: string; to: string; points: number }[] }[];
  const find = (re: RegExp) => items.find((i) => re.test(i.factor))!;

  it("gives a provincial nomination its points", () => {
    expect(score({ ...BASE, provincialNomination: true }).additional.nomination.points).toBe(find(/nomination/i).points);
  });
  it("gives a sibling in Canada its points", () => {
    expect(score({ ...BASE, siblingInCanada: true }).additional.sibling.points).toBe(find(/brother/i).points);
  });
  it("gives each length of Canadian credential its points", () => {
    expect(score({ ...BASE, canadianEducation: "1-2" }).additional.canadianEducation.points).toBe(find(/one or two years/).points);
    expect(score({ ...BASE, canadianEducation: "3+" }).additional.canadianEducation.points).toBe(find(/three years or longer/).points);
  });
  it("gives the French points now and as they were before their raise", () => {
    const weak = find(/CLB 4 or lower/);
    const strong = find(/CLB 5\+/);
    expect(score({ ...BASE, firstLanguage: french(7) }).additional.french.points).toBe(weak.points);
    expect(score({ ...BASE, firstLanguage: french(7), secondLanguage: english(5) }).additional.french.points).toBe(strong.points);
    const before = weak.history![0]!.to;
    expect(score({ ...BASE, firstLanguage: french(7) }, { date: before }).additional.french.points).toBe(weak.history![0]!.points);
    expect(score({ ...BASE, firstLanguage: french(7), secondLanguage: english(5) }, { date: before }).additional.french.points).toBe(strong.history![0]!.points);
  });
  it("gives each kind of job offer its former points before the removal and none after", () => {
    const senior = find(/senior/);
    const other = find(/any other/);
    const lastDay = senior.history!.at(-1)!.to;
    expect(score({ ...BASE, arrangedEmployment: "senior-management" }, { date: lastDay }).additional.arrangedEmployment.points).toBe(senior.history!.at(-1)!.points);
    expect(score({ ...BASE, arrangedEmployment: "skilled" }, { date: lastDay }).additional.arrangedEmployment.points).toBe(other.history!.at(-1)!.points);
    expect(score({ ...BASE, arrangedEmployment: "senior-management" }).additional.arrangedEmployment.points).toBe(senior.points);
    expect(score({ ...BASE, arrangedEmployment: "skilled" }).additional.arrangedEmployment.points).toBe(other.points);
  });
});
