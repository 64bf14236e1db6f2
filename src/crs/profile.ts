import * as z from "zod";
import { TestNameSchema } from "./grid.js";

/** A value for each of the four abilities: CLB/NCLC levels or test scores. */
export const AbilityValuesSchema = z.strictObject({
  reading: z.number(),
  writing: z.number(),
  listening: z.number(),
  speaking: z.number(),
});
/** Four values, one per ability. */
export type AbilityValues = z.infer<typeof AbilityValuesSchema>;

/** An official language of Canada. */
export const OfficialLanguageSchema = z.enum(["english", "french"]);
/** English or French. */
export type OfficialLanguage = z.infer<typeof OfficialLanguageSchema>;

/** Results in one official language: CLB (English) or NCLC (French) levels, or a test's four scores. */
export const LanguageResultSchema = z.union([
  z.strictObject({ language: OfficialLanguageSchema, levels: AbilityValuesSchema }),
  z.strictObject({ test: TestNameSchema, scores: AbilityValuesSchema }),
]);
/** Levels or test scores in one official language. */
export type LanguageResult = z.infer<typeof LanguageResultSchema>;

/** Post-secondary credential earned in Canada, by length. */
export const CanadianEducationSchema = z.enum(["none", "1-2", "3+"]);
/** Length of a Canadian credential. */
export type CanadianEducation = z.infer<typeof CanadianEducationSchema>;

/** A job offer, as the grid distinguished them before the points were removed. */
export const ArrangedEmploymentSchema = z.enum(["none", "senior-management", "skilled"]);
/** Kind of job offer. */
export type ArrangedEmployment = z.infer<typeof ArrangedEmploymentSchema>;

/** Single, or married / in a common-law partnership. */
export const MaritalStatusSchema = z.enum(["single", "married-or-common-law"]);
/** Marital status as the grid cares about it. */
export type MaritalStatus = z.infer<typeof MaritalStatusSchema>;

/** The spouse or partner's own factors. */
export const SpouseProfileSchema = z.strictObject({
  /** A key of the grid's education levels. */
  education: z.string().min(1),
  /** First official language results; null when the spouse has none. */
  language: LanguageResultSchema.nullable(),
  canadianExperienceYears: z.number(),
});
/** The spouse's factors. */
export type SpouseProfile = z.infer<typeof SpouseProfileSchema>;

/** Everything the CRS grid scores about a candidate. */
export const CrsProfileSchema = z.strictObject({
  age: z.number(),
  maritalStatus: MaritalStatusSchema,
  /** The spouse or partner comes to Canada with the candidate. */
  spouseAccompanying: z.boolean(),
  /** The spouse or partner is a Canadian citizen or permanent resident. */
  spouseCanadian: z.boolean(),
  /** A key of the grid's education levels (A_core_human_capital.education). */
  education: z.string().min(1),
  canadianEducation: CanadianEducationSchema,
  firstLanguage: LanguageResultSchema,
  /** Null when the candidate has no results in the other official language. */
  secondLanguage: LanguageResultSchema.nullable(),
  /** Skilled Canadian work experience in the last ten years. */
  canadianExperienceYears: z.number(),
  /** Skilled work experience abroad in the last ten years. */
  foreignExperienceYears: z.number(),
  certificateOfQualification: z.boolean(),
  provincialNomination: z.boolean(),
  siblingInCanada: z.boolean(),
  arrangedEmployment: ArrangedEmploymentSchema,
  /** Null when there is no spouse whose factors count. */
  spouse: SpouseProfileSchema.nullable(),
});
/** A complete profile. */
export type CrsProfile = z.infer<typeof CrsProfileSchema>;

/** A profile as a conversation builds it up: every field may still be unknown. */
export const PartialProfileSchema = CrsProfileSchema.partial().extend({
  spouse: SpouseProfileSchema.partial().nullable().optional(),
});
/** A profile with any fields unknown. */
export type PartialProfile = z.infer<typeof PartialProfileSchema>;

/** A problem with one field of a profile, by its path ("age", "firstLanguage.scores.reading"). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** The outcome of an operation that can fail on its input. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Field errors for a value that does not have a profile's shape. */
export function parsePartialProfile(input: unknown): Result<PartialProfile, readonly FieldError[]> {
  const parsed = PartialProfileSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: parsed.error.issues.map((i) => ({ field: i.path.map(String).join(".") || "(profile)", message: i.message })) };
}
