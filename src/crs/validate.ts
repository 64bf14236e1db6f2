import { ABILITIES, TEST_LANGUAGE, defaultCrsGrid, type CrsGrid, type TestName } from "./grid.js";
import { defaultProfileLimits, type ProfileLimits } from "./limits.js";
import type { AbilityValues, FieldError, LanguageResult, OfficialLanguage, PartialProfile, Result } from "./profile.js";

/** What validation checks against: the grid (education keys) and the plausibility limits. */
export interface ValidateOptions {
  readonly grid?: CrsGrid;
  readonly limits?: ProfileLimits;
}

const TEST_NAMES: Readonly<Record<TestName, string>> = {
  ielts: "IELTS",
  celpip: "CELPIP",
  pte: "PTE Core",
  tcf: "TCF Canada",
  tef: "TEF Canada",
};

/** The display name of a test. */
export function testDisplayName(test: TestName): string {
  return TEST_NAMES[test];
}

/** The official language a result is in. */
export function languageOf(result: LanguageResult): OfficialLanguage {
  return "test" in result ? TEST_LANGUAGE[result.test] : result.language;
}

function isMultiple(value: number, min: number, step: number): boolean {
  const k = (value - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}

/** Errors for test scores outside the test's scale, one per bad ability. */
export function checkTestScores(test: TestName, scores: AbilityValues, field: string, limits: ProfileLimits = defaultProfileLimits()): FieldError[] {
  const errors: FieldError[] = [];
  const scales = limits.tests[test] ?? {};
  for (const ability of ABILITIES) {
    const scale = scales[ability] ?? scales.all;
    const value = scores[ability];
    const where = `${field}.scores.${ability}`;
    if (!Number.isFinite(value)) {
      errors.push({ field: where, message: `${TEST_NAMES[test]} ${ability} score must be a number` });
      continue;
    }
    if (!scale) continue;
    if (value < scale.min || value > scale.max || !isMultiple(value, scale.min, scale.step)) {
      const steps = scale.step === 1 ? "a whole number" : `in steps of ${scale.step}`;
      errors.push({ field: where, message: `${TEST_NAMES[test]} ${ability} score must be between ${scale.min} and ${scale.max}, ${steps}` });
    }
  }
  return errors;
}

function checkLevels(levels: AbilityValues, field: string, scale: string, limits: ProfileLimits): FieldError[] {
  return ABILITIES.flatMap((ability) => {
    const v = levels[ability];
    return Number.isInteger(v) && v >= limits.clb.min && v <= limits.clb.max
      ? []
      : [{ field: `${field}.levels.${ability}`, message: `${scale} level for ${ability} must be a whole number from ${limits.clb.min} to ${limits.clb.max}` }];
  });
}

function checkLanguage(result: LanguageResult, field: string, limits: ProfileLimits): FieldError[] {
  if ("test" in result) return checkTestScores(result.test, result.scores, field, limits);
  return checkLevels(result.levels, field, result.language === "french" ? "NCLC" : "CLB", limits);
}

function checkYears(value: number | undefined, field: string, label: string, most: number, since: string): FieldError[] {
  if (value === undefined) return [];
  if (!Number.isFinite(value) || value < 0) return [{ field, message: `${label} must be zero or more years` }];
  if (value > most) return [{ field, message: `${value} years of ${label} is more than the ${most} years ${since}` }];
  return [];
}

/** Every impossible value in a (partial) profile, by field; the profile itself when there is none. */
export function validateProfile(profile: PartialProfile, options: ValidateOptions = {}): Result<PartialProfile, readonly FieldError[]> {
  const grid = options.grid ?? defaultCrsGrid();
  const limits = options.limits ?? defaultProfileLimits();
  const errors: FieldError[] = [];
  const keys = grid.core.education.map((e) => e.key);
  const { age } = profile;
  let workingYears = limits.age.max - limits.workFromAge;
  let since = `between age ${limits.workFromAge} and ${limits.age.max}`;
  if (age !== undefined) {
    if (!Number.isFinite(age) || age < limits.age.min || age > limits.age.max) {
      errors.push({ field: "age", message: `age must be between ${limits.age.min} and ${limits.age.max}` });
    } else if (!Number.isInteger(age)) {
      errors.push({ field: "age", message: "age must be a whole number of years" });
    } else {
      workingYears = Math.max(0, age - limits.workFromAge);
      since = `since age ${limits.workFromAge}`;
    }
  }
  if (profile.education !== undefined && !keys.includes(profile.education)) {
    errors.push({ field: "education", message: `education must be one of: ${keys.join(", ")}` });
  }
  if (profile.firstLanguage) errors.push(...checkLanguage(profile.firstLanguage, "firstLanguage", limits));
  if (profile.secondLanguage) {
    errors.push(...checkLanguage(profile.secondLanguage, "secondLanguage", limits));
    if (profile.firstLanguage && languageOf(profile.firstLanguage) === languageOf(profile.secondLanguage)) {
      errors.push({ field: "secondLanguage", message: "the second official language must be the other one of English and French" });
    }
  }
  const canadian = checkYears(profile.canadianExperienceYears, "canadianExperienceYears", "Canadian work experience", workingYears, since);
  const foreign = checkYears(profile.foreignExperienceYears, "foreignExperienceYears", "foreign work experience", workingYears, since);
  errors.push(...canadian, ...foreign);
  const sum = (profile.canadianExperienceYears ?? 0) + (profile.foreignExperienceYears ?? 0);
  if (canadian.length === 0 && foreign.length === 0 && sum > workingYears) {
    errors.push({
      field: "foreignExperienceYears",
      message: `Canadian and foreign work experience together (${sum} years) is more than the ${workingYears} years ${since}`,
    });
  }
  const spouse = profile.spouse;
  if (spouse) {
    if (spouse.education !== undefined && !keys.includes(spouse.education)) {
      errors.push({ field: "spouse.education", message: `spouse's education must be one of: ${keys.join(", ")}` });
    }
    if (spouse.language) errors.push(...checkLanguage(spouse.language, "spouse.language", limits));
    errors.push(
      ...checkYears(spouse.canadianExperienceYears, "spouse.canadianExperienceYears", "spouse's Canadian work experience", limits.age.max - limits.workFromAge, `between age ${limits.workFromAge} and ${limits.age.max}`),
    );
  }
  return errors.length === 0 ? { ok: true, value: profile } : { ok: false, error: errors };
}
