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
  return [
    { field: "age", question: "How old are you?", applies: always, known: (p) => p.age !== undefined },
    {
      field: "maritalStatus",
      question: "Are you married or in a common-law partnership, and is your partner coming to Canada with you?",
      applies: always,
      known: (p) => p.maritalStatus !== undefined,
    },
    {
      field: "spouseAccompanying",
      question: "Is your partner coming to Canada with you?",
      applies: (p) => p.maritalStatus === "married-or-common-law",
      known: (p) => p.spouseAccompanying !== undefined,
    },
    {
      field: "spouseCanadian",
      question: "Is your partner a Canadian citizen or permanent resident?",
      applies: (p) => p.maritalStatus === "married-or-common-law" && p.spouseAccompanying === true,
      known: (p) => p.spouseCanadian !== undefined,
      skip: { assume: "your partner is not a Canadian citizen or permanent resident", apply: (p) => ({ ...p, spouseCanadian: false }) },
    },
    {
      field: "education",
      question: "What is your highest level of education?",
      applies: always,
      known: (p) => p.education !== undefined,
    },
    {
      field: "firstLanguage",
      question:
        "What are your language results for reading, writing, listening and speaking (CLB or NCLC levels, or IELTS, CELPIP, PTE Core or TCF Canada scores)?",
      applies: always,
      known: (p) => p.firstLanguage !== undefined,
    },
    {
      field: "canadianExperienceYears",
      question: "How many years of skilled work experience do you have in Canada?",
      applies: always,
      known: (p) => p.canadianExperienceYears !== undefined,
      skip: { assume: "no Canadian work experience", apply: (p) => ({ ...p, canadianExperienceYears: 0 }) },
    },
    {
      field: "foreignExperienceYears",
      question: "How many years of skilled work experience do you have outside Canada?",
      applies: always,
      known: (p) => p.foreignExperienceYears !== undefined,
      skip: { assume: "no work experience outside Canada", apply: (p) => ({ ...p, foreignExperienceYears: 0 }) },
    },
    {
      field: "secondLanguage",
      question: "Do you have test results in the other official language (French or English)? If so, what are they?",
      applies: always,
      known: (p) => p.secondLanguage !== undefined,
      skip: { assume: "no second official language", apply: (p) => ({ ...p, secondLanguage: null }) },
    },
    {
      field: "canadianEducation",
      question: "Did you earn a post-secondary diploma or degree in Canada? Was the program 1 to 2 years, or 3 years or longer?",
      applies: always,
      known: (p) => p.canadianEducation !== undefined,
      skip: { assume: "no post-secondary education in Canada", apply: (p) => ({ ...p, canadianEducation: "none" }) },
    },
    {
      field: "spouse.education",
      question: "What is your partner's highest level of education?",
      applies: spouseCounts,
      known: (p) => p.spouse?.education !== undefined,
      skip: { assume: "your partner's education gives no points", apply: (p) => ({ ...p, spouse: { ...p.spouse, education: lowest } }) },
    },
    {
      field: "spouse.language",
      question: "What are your partner's English or French levels (CLB or NCLC for reading, writing, listening and speaking)?",
      applies: spouseCounts,
      known: (p) => p.spouse?.language !== undefined,
      skip: { assume: "your partner has no language test results", apply: (p) => ({ ...p, spouse: { ...p.spouse, language: null } }) },
    },
    {
      field: "spouse.canadianExperienceYears",
      question: "How many years of skilled work experience does your partner have in Canada?",
      applies: spouseCounts,
      known: (p) => p.spouse?.canadianExperienceYears !== undefined,
      skip: { assume: "your partner has no Canadian work experience", apply: (p) => ({ ...p, spouse: { ...p.spouse, canadianExperienceYears: 0 } }) },
    },
    {
      field: "provincialNomination",
      question: "Do you have a provincial or territorial nomination?",
      applies: always,
      known: (p) => p.provincialNomination !== undefined,
      skip: { assume: "no provincial nomination", apply: (p) => ({ ...p, provincialNomination: false }) },
    },
    {
      field: "siblingInCanada",
      question: "Do you (or your partner) have a brother or sister in Canada who is a citizen or permanent resident?",
      applies: always,
      known: (p) => p.siblingInCanada !== undefined,
      skip: { assume: "no brother or sister in Canada", apply: (p) => ({ ...p, siblingInCanada: false }) },
    },
    {
      field: "certificateOfQualification",
      question: "Do you have a Canadian certificate of qualification in a trade?",
      applies: always,
      known: (p) => p.certificateOfQualification !== undefined,
      skip: { assume: "no certificate of qualification", apply: (p) => ({ ...p, certificateOfQualification: false }) },
    },
    {
      field: "arrangedEmployment",
      question: "Do you have a valid job offer in Canada, and is it in senior management?",
      applies: offerMatters,
      known: (p) => p.arrangedEmployment !== undefined,
      skip: { assume: "no job offer", apply: (p) => ({ ...p, arrangedEmployment: "none" }) },
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

/** A complete profile from a partial one, with every optional unknown set to its "skip" default; errors name required fields still unknown. */
export function applyDefaults(partial: PartialProfile, options: MissingOptions = {}): Result<{ profile: CrsProfile; assumptions: readonly string[] }, readonly FieldError[]> {
  const grid = options.grid ?? defaultCrsGrid();
  // Every step is applied whatever the date, so the profile is complete; only asking depends on the date.
  const all = steps(grid, undefined);
  const missing = all.filter((s) => !s.skip && s.applies(partial) && !s.known(partial));
  if (missing.length > 0) return { ok: false, error: missing.map((s) => ({ field: s.field, message: `needed: ${s.question}` })) };
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
    spouseAccompanying: p.maritalStatus === "single" ? false : p.spouseAccompanying,
    spouseCanadian: p.spouseCanadian ?? false,
    spouse: spouseCounts(p) ? p.spouse : null,
  } as CrsProfile;
  return { ok: true, value: { profile, assumptions } };
}
