import { parseArgs, type ParseArgsConfig } from "node:util";
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
const FLAG_OF: Readonly<Record<string, string>> = {
  age: "--age",
  maritalStatus: "--marital",
  spouseAccompanying: "--spouse-coming",
  education: "--education",
  firstLanguage: "--clb (or --ielts, --celpip, --pte, --tcf)",
};

class ArgError extends Error {}

function wholeNumber(flag: string, text: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new ArgError(`--${flag} must be a whole number, not "${text}"`);
  return Number(text);
}

function yearsValue(flag: string, text: string): number {
  if (!/^-?\d+(?:\.\d+)?$/.test(text.trim())) throw new ArgError(`--${flag} must be a number of years, not "${text}"`);
  return Number(text);
}

/** Four values from "9" (all four), "9,8,9,9" (reading, writing, listening, speaking) or "l9,r8,w9,s9". */
function fourValues(flag: string, text: string): AbilityValues {
  const parts = text.split(",").map((p) => p.trim()).filter((p) => p !== "");
  const number = (p: string): number => {
    const v = p.toUpperCase() === "M" ? 0 : Number(p);
    if (!Number.isFinite(v)) throw new ArgError(`--${flag}: "${p}" is not a number`);
    return v;
  };
  if (parts.length === 1 && parts[0] !== undefined && /^[\d.]+$/.test(parts[0])) {
    const v = number(parts[0]);
    return { reading: v, writing: v, listening: v, speaking: v };
  }
  if (parts.length !== 4) throw new ArgError(`--${flag} needs one value or four, as listening,reading,writing,speaking (or l8,r7,w7,s7)`);
  const prefixed = parts.every((p) => /^[rwls]/i.test(p));
  if (!prefixed) {
    // The order test reports print them in, the one the chat reads too.
    const [listening, reading, writing, speaking] = parts.map(number) as [number, number, number, number];
    return { reading, writing, listening, speaking };
  }
  const out: Partial<Record<(typeof ABILITIES)[number], number>> = {};
  for (const p of parts) {
    const ability = ABILITIES.find((a) => a[0] === p[0]?.toLowerCase());
    if (!ability || out[ability] !== undefined) throw new ArgError(`--${flag}: each of r, w, l and s must appear once`);
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
  const hint = matches.length > 1 ? `"${text}" could be ${matches.join(" or ")}` : `unknown level "${text}"`;
  throw new ArgError(`--${flag}: ${hint}; use one of ${keys.join(", ")}`);
}

function other(language: OfficialLanguage): OfficialLanguage {
  return language === "english" ? "french" : "english";
}

function languageResult(values: Record<string, unknown>, prefix: string, language: OfficialLanguage, levelsFlag: string): LanguageResult | undefined {
  const given = TESTS.filter((t) => typeof values[`${prefix}${t}`] === "string");
  const levels = values[levelsFlag];
  if (given.length + (typeof levels === "string" ? 1 : 0) > 1) throw new ArgError(`give only one of --${levelsFlag}, ${TESTS.map((t) => `--${prefix}${t}`).join(", ")}`);
  const test = given[0];
  if (test) {
    const testLanguage = TEST_LANGUAGE[test as TestName];
    if (prefix === "second-" && testLanguage !== language) throw new ArgError(`--second-${test} is a ${testLanguage} test, but the second language must be ${language}`);
    return { test, scores: fourValues(`${prefix}${test}`, String(values[`${prefix}${test}`])) };
  }
  if (typeof levels === "string") return { language, levels: fourValues(levelsFlag, levels) };
  return undefined;
}

function explain(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const name = /'(-[^' ]+)/.exec(err.message ?? "")?.[1];
  if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${name ?? ""}; known options: ${Object.keys(OPTIONS).map((o) => `--${o}`).join(" ")}`;
  if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `${name ?? "an option"} needs a value`;
  if (err.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `unexpected argument: ${/'([^']+)'/.exec(err.message ?? "")?.[1] ?? ""}`.trim();
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
      else throw new ArgError(`--marital must be single, married or common-law, not "${marital}"`);
    }
    const education = str("education");
    if (education !== undefined) profile.education = resolveEducation(grid, "education", education);

    const langText = str("language")?.toLowerCase();
    if (langText !== undefined && langText !== "english" && langText !== "french") throw new ArgError(`--language must be english or french, not "${langText}"`);
    if (str("clb") !== undefined && str("nclc") !== undefined) throw new ArgError("give --clb or --nclc, not both");
    const levelsFlag = str("nclc") !== undefined ? "nclc" : "clb";
    const testGiven = TESTS.find((t) => str(t) !== undefined);
    const language: OfficialLanguage = testGiven ? TEST_LANGUAGE[testGiven] : levelsFlag === "nclc" ? "french" : ((langText as OfficialLanguage | undefined) ?? "english");
    let first = languageResult(values, "", language, levelsFlag);
    const overrides = ABILITIES.filter((a) => str(a) !== undefined);
    if (overrides.length > 0) {
      if (first && "test" in first) throw new ArgError(`--${overrides[0]} sets a ${levelsFlag.toUpperCase()} level; it cannot be combined with --${first.test}`);
      if (!first && overrides.length < ABILITIES.length) throw new ArgError(`give --${levelsFlag} or all of --reading, --writing, --listening and --speaking`);
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
      if (spouseFlag) throw new ArgError(`--${spouseFlag} needs --marital married or --marital common-law`);
    }

    profile.provincialNomination = values.pnp === true;
    profile.siblingInCanada = values.sibling === true;
    profile.certificateOfQualification = values.certificate === true;
    if (values["job-offer"] === true && values["job-offer-senior"] === true) throw new ArgError("give --job-offer or --job-offer-senior, not both");
    profile.arrangedEmployment = values["job-offer-senior"] === true ? "senior-management" : values["job-offer"] === true ? "skilled" : "none";
    const cdnEdu = str("canadian-education");
    if (cdnEdu !== undefined) {
      if (cdnEdu !== "1-2" && cdnEdu !== "3+" && cdnEdu !== "none") throw new ArgError(`--canadian-education must be 1-2, 3+ or none, not "${cdnEdu}"`);
      profile.canadianEducation = cdnEdu;
    }
    const date = str("date");
    if (date !== undefined && !isIsoDate(date)) throw new ArgError(`--date must be a date written YYYY-MM-DD, not "${date}"`);

    const required = missingFields(profile, { grid }).fields.filter((f) => f.required);
    if (required.length > 0) return { ok: false, error: `missing ${required.map((f) => FLAG_OF[f.field] ?? f.field).join(", ")}` };
    return { ok: true, profile, date, json: values.json === true };
  } catch (e) {
    if (e instanceof ArgError) return { ok: false, error: e.message };
    throw e;
  }
}
