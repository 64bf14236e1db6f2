import { readFileSync } from "node:fs";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import { calculateCrs, type CrsBreakdown } from "../../src/crs/calculate.js";
import type { CalculateOptions } from "../../src/crs/calculate.js";
import type { AbilityValues, LanguageResult, PartialProfile } from "../../src/crs/profile.js";

/** The grid file exactly as written, for comparing the calculator against. */
export const RAW = JSON.parse(readFileSync(DEFAULT_PATHS.crsGrid, "utf8"));

/** The same level in all four abilities. */
export function all(level: number): AbilityValues {
  return { reading: level, writing: level, listening: level, speaking: level };
}

/** English levels. */
export function english(levels: AbilityValues | number): LanguageResult {
  return { language: "english", levels: typeof levels === "number" ? all(levels) : levels };
}

/** French levels. */
export function french(levels: AbilityValues | number): LanguageResult {
  return { language: "french", levels: typeof levels === "number" ? all(levels) : levels };
}

/** A complete single profile with nothing beyond the core, to vary one field at a time. */
export const BASE: PartialProfile = {
  age: 30,
  maritalStatus: "single",
  spouseAccompanying: false,
  spouseCanadian: false,
  education: "secondary",
  canadianEducation: "none",
  firstLanguage: english(7),
  secondLanguage: null,
  canadianExperienceYears: 0,
  foreignExperienceYears: 0,
  certificateOfQualification: false,
  provincialNomination: false,
  siblingInCanada: false,
  arrangedEmployment: "none",
  spouse: null,
};

/** The same profile with a spouse who comes along. */
export const WITH_SPOUSE: PartialProfile = {
  ...BASE,
  maritalStatus: "married-or-common-law",
  spouseAccompanying: true,
  spouse: { education: "less_than_secondary", language: null, canadianExperienceYears: 0 },
};

/** Scores a profile and fails the test when it is refused. */
export function score(profile: PartialProfile, options: CalculateOptions = {}): CrsBreakdown {
  const r = calculateCrs(profile, { date: "2026-12-01", ...options });
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
  return r.value;
}
