import { CRS_MESSAGES } from "../messages/crs.js";
import { pick } from "../messages/lang.js";
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
      errors.push({ field: where, message: pick(CRS_MESSAGES).validate.testNotNumber(TEST_NAMES[test], ability) });
      continue;
    }
    if (!scale) continue;
    if (value < scale.min || value > scale.max || !isMultiple(value, scale.min, scale.step)) {
      errors.push({ field: where, message: pick(CRS_MESSAGES).validate.testRange(TEST_NAMES[test], ability, scale.min, scale.max, scale.step) });
    }
  }
  return errors;
}

function checkLevels(levels: AbilityValues, field: string, scale: string, limits: ProfileLimits): FieldError[] {
  return ABILITIES.flatMap((ability) => {
    const v = levels[ability];
    return Number.isInteger(v) && v >= limits.clb.min && v <= limits.clb.max
      ? []
      : [{ field: `${field}.levels.${ability}`, message: pick(CRS_MESSAGES).validate.levelRange(scale, ability, limits.clb.min, limits.clb.max) }];
  });
}

function checkLanguage(result: LanguageResult, field: string, limits: ProfileLimits): FieldError[] {
  if ("test" in result) return checkTestScores(result.test, result.scores, field, limits);
  return checkLevels(result.levels, field, result.language === "french" ? "NCLC" : "CLB", limits);
}

function checkYears(value: number | undefined, field: string, label: string, most: number, since: string): FieldError[] {
  if (value === undefined) return [];
  const m = pick(CRS_MESSAGES).validate;
  if (!Number.isFinite(value) || value < 0) return [{ field, message: m.yearsNegative(label) }];
  if (value > most) return [{ field, message: m.yearsTooMany(value, label, most, since) }];
  return [];
}

/** Every impossible value in a (partial) profile, by field; the profile itself when there is none. */
export function validateProfile(profile: PartialProfile, options: ValidateOptions = {}): Result<PartialProfile, readonly FieldError[]> {
  const grid = options.grid ?? defaultCrsGrid();
  const limits = options.limits ?? defaultProfileLimits();
  const m = pick(CRS_MESSAGES).validate;
  const errors: FieldError[] = [];
  const keys = grid.core.education.map((e) => e.key);
  const { age } = profile;
  let workingYears = limits.age.max - limits.workFromAge;
  let since = m.betweenAges(limits.workFromAge, limits.age.max);
  if (age !== undefined) {
    if (!Number.isFinite(age) || age < limits.age.min || age > limits.age.max) {
      errors.push({ field: "age", message: m.ageRange(limits.age.min, limits.age.max) });
    } else if (!Number.isInteger(age)) {
      errors.push({ field: "age", message: m.ageWhole });
    } else {
      workingYears = Math.max(0, age - limits.workFromAge);
      since = m.sinceAge(limits.workFromAge);
    }
  }
  if (profile.education !== undefined && !keys.includes(profile.education)) {
    errors.push({ field: "education", message: m.educationKeys(keys) });
  }
  if (profile.firstLanguage) errors.push(...checkLanguage(profile.firstLanguage, "firstLanguage", limits));
  if (profile.secondLanguage) {
    errors.push(...checkLanguage(profile.secondLanguage, "secondLanguage", limits));
    if (profile.firstLanguage && languageOf(profile.firstLanguage) === languageOf(profile.secondLanguage)) {
      errors.push({ field: "secondLanguage", message: m.secondSameLanguage });
    }
  }
  const canadian = checkYears(profile.canadianExperienceYears, "canadianExperienceYears", m.labels.canadian, workingYears, since);
  const foreign = checkYears(profile.foreignExperienceYears, "foreignExperienceYears", m.labels.foreign, workingYears, since);
  errors.push(...canadian, ...foreign);
  const sum = (profile.canadianExperienceYears ?? 0) + (profile.foreignExperienceYears ?? 0);
  if (canadian.length === 0 && foreign.length === 0 && sum > workingYears) {
    errors.push({
      field: "foreignExperienceYears",
      message: m.experienceTogether(sum, workingYears, since),
    });
  }
  const spouse = profile.spouse;
  if (spouse) {
    if (spouse.education !== undefined && !keys.includes(spouse.education)) {
      errors.push({ field: "spouse.education", message: m.spouseEducationKeys(keys) });
    }
    if (spouse.language) errors.push(...checkLanguage(spouse.language, "spouse.language", limits));
    errors.push(
      ...checkYears(spouse.canadianExperienceYears, "spouse.canadianExperienceYears", m.labels.spouseCanadian, limits.age.max - limits.workFromAge, m.betweenAges(limits.workFromAge, limits.age.max)),
    );
  }
  return errors.length === 0 ? { ok: true, value: profile } : { ok: false, error: errors };
}
