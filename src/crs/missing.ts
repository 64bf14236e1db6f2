import { CRS_MESSAGES } from "../messages/crs.js";
import { pick } from "../messages/lang.js";
import { defaultCrsGrid, type CrsGrid } from "./grid.js";
import { item, periodAt } from "./lookup.js";
import type { CrsProfile, FieldError, PartialProfile, Result } from "./profile.js";

/** A field a total still needs, with the question to ask and what "skip" would assume. */
export interface MissingField {
  readonly field: string;
  readonly question: string;
  /** True when no total can be given without it. */
  readonly required: boolean;
  /** What is assumed when the user skips it; null for required fields. */
  readonly assumeOnSkip: string | null;
}

/** The fields still needed, in asking order, and the assumptions skipping all optional ones would make. */
export interface MissingFields {
  /** True when every required field is known (a total can be given, with assumptions). */
  readonly complete: boolean;
  readonly fields: readonly MissingField[];
  readonly assumptions: readonly string[];
}

/** Options of missingFields and applyDefaults. */
export interface MissingOptions {
  readonly grid?: CrsGrid;
  /** The date the score is for: a job offer is asked about only where it gave points then. */
  readonly date?: string;
}

interface Step {
  readonly field: string;
  readonly question: string;
  readonly applies: (p: PartialProfile) => boolean;
  readonly known: (p: PartialProfile) => boolean;
  /** Absent for required fields. */
  readonly skip?: { readonly assume: string; readonly apply: (p: PartialProfile) => PartialProfile };
}

function spouseCounts(p: PartialProfile): boolean {
  return p.maritalStatus === "married-or-common-law" && p.spouseAccompanying === true && p.spouseCanadian !== true;
}

function lowestSpouseEducation(grid: CrsGrid): string {
  const sorted = [...grid.spouse.education].sort((a, b) => a.points - b.points);
  return sorted[0]?.key ?? "";
}

function steps(grid: CrsGrid, date: string | undefined): Step[] {
  const always = () => true;
  const offerMatters = (): boolean => {
    if (date === undefined) return false;
    const ids = ["arranged-employment-senior", "arranged-employment-other"] as const;
    return ids.some((id) => (periodAt(item(grid, id), date)?.points ?? 0) > 0);
  };
  const lowest = lowestSpouseEducation(grid);
  const { questions: q, assume: a } = pick(CRS_MESSAGES).missing;
  return [
    { field: "age", question: q.age, applies: always, known: (p) => p.age !== undefined },
    {
      field: "maritalStatus",
      question: q.maritalStatus,
      applies: always,
      known: (p) => p.maritalStatus !== undefined,
    },
    {
      field: "spouseAccompanying",
      question: q.spouseAccompanying,
      // A partner who is a Canadian citizen or permanent resident never counts, coming or not.
      applies: (p) => p.maritalStatus === "married-or-common-law" && p.spouseCanadian !== true,
      known: (p) => p.spouseAccompanying !== undefined,
    },
    {
      field: "spouseCanadian",
      question: q.spouseCanadian,
      applies: (p) => p.maritalStatus === "married-or-common-law" && p.spouseAccompanying === true,
      known: (p) => p.spouseCanadian !== undefined,
      skip: { assume: a.spouseCanadian, apply: (p) => ({ ...p, spouseCanadian: false }) },
    },
    {
      field: "education",
      question: q.education,
      applies: always,
      known: (p) => p.education !== undefined,
    },
    {
      field: "firstLanguage",
      question: q.firstLanguage,
      applies: always,
      known: (p) => p.firstLanguage !== undefined,
    },
    {
      field: "canadianExperienceYears",
      question: q.canadianExperienceYears,
      applies: always,
      known: (p) => p.canadianExperienceYears !== undefined,
      skip: { assume: a.canadianExperienceYears, apply: (p) => ({ ...p, canadianExperienceYears: 0 }) },
    },
    {
      field: "foreignExperienceYears",
      question: q.foreignExperienceYears,
      applies: always,
      known: (p) => p.foreignExperienceYears !== undefined,
      skip: { assume: a.foreignExperienceYears, apply: (p) => ({ ...p, foreignExperienceYears: 0 }) },
    },
    {
      field: "secondLanguage",
      question: q.secondLanguage,
      applies: always,
      known: (p) => p.secondLanguage !== undefined,
      skip: { assume: a.secondLanguage, apply: (p) => ({ ...p, secondLanguage: null }) },
    },
    {
      field: "canadianEducation",
      question: q.canadianEducation,
      applies: always,
      known: (p) => p.canadianEducation !== undefined,
      skip: { assume: a.canadianEducation, apply: (p) => ({ ...p, canadianEducation: "none" }) },
    },
    {
      field: "spouse.education",
      question: q.spouseEducation,
      applies: spouseCounts,
      known: (p) => p.spouse?.education !== undefined,
      skip: { assume: a.spouseEducation, apply: (p) => ({ ...p, spouse: { ...p.spouse, education: lowest } }) },
    },
    {
      field: "spouse.language",
      question: q.spouseLanguage,
      applies: spouseCounts,
      known: (p) => p.spouse?.language !== undefined,
      skip: { assume: a.spouseLanguage, apply: (p) => ({ ...p, spouse: { ...p.spouse, language: null } }) },
    },
    {
      field: "spouse.canadianExperienceYears",
      question: q.spouseCanadianExperienceYears,
      applies: spouseCounts,
      known: (p) => p.spouse?.canadianExperienceYears !== undefined,
      skip: { assume: a.spouseCanadianExperienceYears, apply: (p) => ({ ...p, spouse: { ...p.spouse, canadianExperienceYears: 0 } }) },
    },
    {
      field: "provincialNomination",
      question: q.provincialNomination,
      applies: always,
      known: (p) => p.provincialNomination !== undefined,
      skip: { assume: a.provincialNomination, apply: (p) => ({ ...p, provincialNomination: false }) },
    },
    {
      field: "siblingInCanada",
      question: q.siblingInCanada,
      applies: always,
      known: (p) => p.siblingInCanada !== undefined,
      skip: { assume: a.siblingInCanada, apply: (p) => ({ ...p, siblingInCanada: false }) },
    },
    {
      field: "certificateOfQualification",
      question: q.certificateOfQualification,
      applies: always,
      known: (p) => p.certificateOfQualification !== undefined,
      skip: { assume: a.certificateOfQualification, apply: (p) => ({ ...p, certificateOfQualification: false }) },
    },
    {
      field: "arrangedEmployment",
      question: q.arrangedEmployment,
      applies: offerMatters,
      known: (p) => p.arrangedEmployment !== undefined,
      skip: { assume: a.arrangedEmployment, apply: (p) => ({ ...p, arrangedEmployment: "none" }) },
    },
  ];
}

/** The fields a total still needs, in the order a conversation should ask them (one at a time), with what skipping assumes. */
export function missingFields(partial: PartialProfile, options: MissingOptions = {}): MissingFields {
  const grid = options.grid ?? defaultCrsGrid();
  const fields = steps(grid, options.date)
    .filter((s) => s.applies(partial) && !s.known(partial))
    .map((s) => ({ field: s.field, question: s.question, required: s.skip === undefined, assumeOnSkip: s.skip?.assume ?? null }));
  return {
    complete: fields.every((f) => !f.required),
    fields,
    assumptions: fields.flatMap((f) => (f.assumeOnSkip ? [f.assumeOnSkip] : [])),
  };
}

/** The profile with one skippable field set to what skipping it assumes; undefined when the field cannot be skipped. */
export function skipField(partial: PartialProfile, field: string, options: MissingOptions = {}): PartialProfile | undefined {
  const step = steps(options.grid ?? defaultCrsGrid(), options.date).find((s) => s.field === field);
  return step?.skip ? step.skip.apply(partial) : undefined;
}

/** A complete profile from a partial one, with every optional unknown set to its "skip" default; errors name required fields still unknown. */
export function applyDefaults(partial: PartialProfile, options: MissingOptions = {}): Result<{ profile: CrsProfile; assumptions: readonly string[] }, readonly FieldError[]> {
  const grid = options.grid ?? defaultCrsGrid();
  // Every step is applied whatever the date, so the profile is complete; only asking depends on the date.
  const all = steps(grid, undefined);
  const missing = all.filter((s) => !s.skip && s.applies(partial) && !s.known(partial));
  if (missing.length > 0) return { ok: false, error: missing.map((s) => ({ field: s.field, message: pick(CRS_MESSAGES).missing.needed(s.question) })) };
  let p: PartialProfile = { ...partial };
  const assumptions: string[] = [];
  for (const s of all) {
    if (!s.skip || !s.applies(p) || s.known(p)) continue;
    p = s.skip.apply(p);
    assumptions.push(s.skip.assume);
  }
  if (p.arrangedEmployment === undefined) {
    const offer = steps(grid, options.date).find((s) => s.field === "arrangedEmployment");
    // A job offer is only worth stating as an assumption where it could have given points on the date.
    if (offer?.skip && offer.applies(p)) assumptions.push(offer.skip.assume);
    p = { ...p, arrangedEmployment: "none" };
  }
  const profile = {
    ...p,
    spouseAccompanying: p.maritalStatus === "single" ? false : (p.spouseAccompanying ?? false),
    spouseCanadian: p.spouseCanadian ?? false,
    spouse: spouseCounts(p) ? p.spouse : null,
  } as CrsProfile;
  return { ok: true, value: { profile, assumptions } };
}
