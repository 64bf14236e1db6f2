import { parseArgs, type ParseArgsConfig } from "node:util";
import { CRS_MESSAGES, type CrsMessages } from "../messages/crs.js";
import { pick } from "../messages/lang.js";
import { ABILITIES, TEST_LANGUAGE, TestNameSchema, defaultCrsGrid, type CrsGrid, type TestName } from "./grid.js";
import { isIsoDate } from "./calculate.js";
import { missingFields } from "./missing.js";
import type { AbilityValues, LanguageResult, OfficialLanguage, PartialProfile } from "./profile.js";

/** The outcome of reading `ee-bot crs` arguments. */
export type CrsArgs = { readonly ok: true; readonly profile: PartialProfile; readonly date: string | undefined; readonly json: boolean } | { readonly ok: false; readonly error: string };

const TESTS = TestNameSchema.options;

const OPTIONS = {
  age: { type: "string" },
  marital: { type: "string" },
  education: { type: "string" },
  language: { type: "string" },
  clb: { type: "string" },
  nclc: { type: "string" },
  ...Object.fromEntries(ABILITIES.map((a) => [a, { type: "string" }])),
  ...Object.fromEntries(TESTS.map((t) => [t, { type: "string" }])),
  "second-clb": { type: "string" },
  ...Object.fromEntries(TESTS.map((t) => [`second-${t}`, { type: "string" }])),
  "canadian-years": { type: "string" },
  "foreign-years": { type: "string" },
  "spouse-coming": { type: "boolean" },
  "spouse-canadian": { type: "boolean" },
  "spouse-education": { type: "string" },
  "spouse-clb": { type: "string" },
  "spouse-canadian-years": { type: "string" },
  pnp: { type: "boolean" },
  sibling: { type: "boolean" },
  certificate: { type: "boolean" },
  "canadian-education": { type: "string" },
  "job-offer": { type: "boolean" },
  "job-offer-senior": { type: "boolean" },
  date: { type: "string" },
  json: { type: "boolean" },
} as const satisfies ParseArgsConfig["options"];

// Flag of each required profile field, for "missing" errors.
function flagOf(field: string): string {
  const flags: Readonly<Record<string, string>> = {
    age: "--age",
    maritalStatus: "--marital",
    spouseAccompanying: "--spouse-coming",
    education: "--education",
    firstLanguage: texts().flags.firstLanguage,
  };
  return flags[field] ?? field;
}

// The argument errors in the language being written in.
function texts(): CrsMessages["args"] {
  return pick(CRS_MESSAGES).args;
}

class ArgError extends Error {}

function wholeNumber(flag: string, text: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new ArgError(texts().wholeNumber(flag, text));
  return Number(text);
}

function yearsValue(flag: string, text: string): number {
  if (!/^-?\d+(?:\.\d+)?$/.test(text.trim())) throw new ArgError(texts().years(flag, text));
  return Number(text);
}

/** Four values from "9" (all four), "9,8,9,9" (reading, writing, listening, speaking) or "l9,r8,w9,s9". */
function fourValues(flag: string, text: string): AbilityValues {
  const parts = text.split(",").map((p) => p.trim()).filter((p) => p !== "");
  const number = (p: string): number => {
    const v = p.toUpperCase() === "M" ? 0 : Number(p);
    if (!Number.isFinite(v)) throw new ArgError(texts().notNumber(flag, p));
    return v;
  };
  if (parts.length === 1 && parts[0] !== undefined && /^[\d.]+$/.test(parts[0])) {
    const v = number(parts[0]);
    return { reading: v, writing: v, listening: v, speaking: v };
  }
  if (parts.length !== 4) throw new ArgError(texts().oneOrFour(flag));
  const prefixed = parts.every((p) => /^[rwls]/i.test(p));
  if (!prefixed) {
    // The order test reports print them in, the one the chat reads too.
    const [listening, reading, writing, speaking] = parts.map(number) as [number, number, number, number];
    return { reading, writing, listening, speaking };
  }
  const out: Partial<Record<(typeof ABILITIES)[number], number>> = {};
  for (const p of parts) {
    const ability = ABILITIES.find((a) => a[0] === p[0]?.toLowerCase());
    if (!ability || out[ability] !== undefined) throw new ArgError(texts().eachOnce(flag));
    out[ability] = number(p.slice(1));
  }
  return out as AbilityValues;
}

function resolveEducation(grid: CrsGrid, flag: string, text: string): string {
  const keys = grid.core.education.map((e) => e.key);
  const wanted = text.trim().toLowerCase().replace(/[-\s']/g, "_");
  if (keys.includes(wanted)) return wanted;
  const matches = keys.filter((k) => k.startsWith(wanted) || k.replace(/s_/g, "_").startsWith(wanted));
  if (matches.length === 1 && matches[0]) return matches[0];
  const hint = matches.length > 1 ? texts().educationAmbiguous(text, matches) : texts().educationUnknown(text);
  throw new ArgError(texts().educationHint(flag, hint, keys));
}

function other(language: OfficialLanguage): OfficialLanguage {
  return language === "english" ? "french" : "english";
}

function languageResult(values: Record<string, unknown>, prefix: string, language: OfficialLanguage, levelsFlag: string): LanguageResult | undefined {
  const given = TESTS.filter((t) => typeof values[`${prefix}${t}`] === "string");
  const levels = values[levelsFlag];
  if (given.length + (typeof levels === "string" ? 1 : 0) > 1) throw new ArgError(texts().onlyOne([`--${levelsFlag}`, ...TESTS.map((t) => `--${prefix}${t}`)]));
  const test = given[0];
  if (test) {
    const testLanguage = TEST_LANGUAGE[test as TestName];
    if (prefix === "second-" && testLanguage !== language) throw new ArgError(texts().secondTestLanguage(test, testLanguage, language));
    return { test, scores: fourValues(`${prefix}${test}`, String(values[`${prefix}${test}`])) };
  }
  if (typeof levels === "string") return { language, levels: fourValues(levelsFlag, levels) };
  return undefined;
}

function explain(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const name = /'(-[^' ]+)/.exec(err.message ?? "")?.[1];
  if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return texts().unknownOption(name ?? "", Object.keys(OPTIONS).map((o) => `--${o}`));
  if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return texts().needsValue(name);
  if (err.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return texts().unexpected(/'([^']+)'/.exec(err.message ?? "")?.[1] ?? "");
  return err.message ?? String(e);
}

/** Reads the arguments of `ee-bot crs` (with or without the leading "crs") into a profile, a date and the --json switch. */
export function parseCrsArgs(argv: readonly string[], options: { readonly grid?: CrsGrid } = {}): CrsArgs {
  const grid = options.grid ?? defaultCrsGrid();
  const args = argv[0] === "crs" ? argv.slice(1) : [...argv];
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (e) {
    return { ok: false, error: explain(e) };
  }
  try {
    const profile: { -readonly [K in keyof PartialProfile]: PartialProfile[K] } = {};
    const str = (k: string): string | undefined => (typeof values[k] === "string" ? (values[k] as string) : undefined);
    const age = str("age");
    if (age !== undefined) profile.age = wholeNumber("age", age);
    const marital = str("marital")?.toLowerCase();
    if (marital !== undefined) {
      if (marital === "single") profile.maritalStatus = "single";
      else if (["married", "common-law", "commonlaw", "partner"].includes(marital)) profile.maritalStatus = "married-or-common-law";
      else throw new ArgError(texts().marital(marital));
    }
    const education = str("education");
    if (education !== undefined) profile.education = resolveEducation(grid, "education", education);

    const langText = str("language")?.toLowerCase();
    if (langText !== undefined && langText !== "english" && langText !== "french") throw new ArgError(texts().languageValue(langText));
    if (str("clb") !== undefined && str("nclc") !== undefined) throw new ArgError(texts().clbOrNclc);
    const levelsFlag = str("nclc") !== undefined ? "nclc" : "clb";
    const testGiven = TESTS.find((t) => str(t) !== undefined);
    const language: OfficialLanguage = testGiven ? TEST_LANGUAGE[testGiven] : levelsFlag === "nclc" ? "french" : ((langText as OfficialLanguage | undefined) ?? "english");
    let first = languageResult(values, "", language, levelsFlag);
    const overrides = ABILITIES.filter((a) => str(a) !== undefined);
    if (overrides.length > 0) {
      if (first && "test" in first) throw new ArgError(texts().overrideWithTest(overrides[0] ?? "", levelsFlag.toUpperCase(), first.test));
      if (!first && overrides.length < ABILITIES.length) throw new ArgError(texts().allAbilities(levelsFlag));
      const base: AbilityValues = first && "levels" in first ? first.levels : { reading: 0, writing: 0, listening: 0, speaking: 0 };
      const levels = { ...base };
      for (const a of overrides) levels[a] = wholeNumber(a, str(a) ?? "");
      first = { language, levels };
    }
    if (first) profile.firstLanguage = first;
    const second = languageResult(values, "second-", other(language), "second-clb");
    if (second) profile.secondLanguage = second;

    const canadianYears = str("canadian-years");
    if (canadianYears !== undefined) profile.canadianExperienceYears = yearsValue("canadian-years", canadianYears);
    const foreignYears = str("foreign-years");
    if (foreignYears !== undefined) profile.foreignExperienceYears = yearsValue("foreign-years", foreignYears);

    if (profile.maritalStatus === "married-or-common-law") {
      profile.spouseAccompanying = values["spouse-coming"] === true;
      profile.spouseCanadian = values["spouse-canadian"] === true;
      if (profile.spouseAccompanying && !profile.spouseCanadian) {
        const spouse: { education?: string; language?: LanguageResult | null; canadianExperienceYears?: number } = {};
        const se = str("spouse-education");
        if (se !== undefined) spouse.education = resolveEducation(grid, "spouse-education", se);
        const sl = str("spouse-clb");
        if (sl !== undefined) spouse.language = { language: "english", levels: fourValues("spouse-clb", sl) };
        const sy = str("spouse-canadian-years");
        if (sy !== undefined) spouse.canadianExperienceYears = yearsValue("spouse-canadian-years", sy);
        profile.spouse = spouse;
      }
    } else {
      const spouseFlag = ["spouse-coming", "spouse-canadian", "spouse-education", "spouse-clb", "spouse-canadian-years"].find((k) => values[k] !== undefined);
      if (spouseFlag) throw new ArgError(texts().spouseNeedsMarried(spouseFlag));
    }

    profile.provincialNomination = values.pnp === true;
    profile.siblingInCanada = values.sibling === true;
    profile.certificateOfQualification = values.certificate === true;
    if (values["job-offer"] === true && values["job-offer-senior"] === true) throw new ArgError(texts().jobOfferBoth);
    profile.arrangedEmployment = values["job-offer-senior"] === true ? "senior-management" : values["job-offer"] === true ? "skilled" : "none";
    const cdnEdu = str("canadian-education");
    if (cdnEdu !== undefined) {
      if (cdnEdu !== "1-2" && cdnEdu !== "3+" && cdnEdu !== "none") throw new ArgError(texts().canadianEducation(cdnEdu));
      profile.canadianEducation = cdnEdu;
    }
    const date = str("date");
    if (date !== undefined && !isIsoDate(date)) throw new ArgError(texts().date(date));

    const required = missingFields(profile, { grid }).fields.filter((f) => f.required);
    if (required.length > 0) return { ok: false, error: texts().missing(required.map((f) => flagOf(f.field))) };
    return { ok: true, profile, date, json: values.json === true };
  } catch (e) {
    if (e instanceof ArgError) return { ok: false, error: e.message };
    throw e;
  }
}
