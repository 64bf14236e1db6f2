import { capital, formatDate, formatNumber, plural } from "../core/format.js";
import type { Ability, AdditionalItem, TableStatus } from "../crs/grid.js";
import type { Catalog } from "./lang.js";

/** Which of a candidate's language results a sentence speaks of. */
export type LanguageSlot = "first" | "second" | "spouse";

/** The CRS calculator's sentences: the skill's replies, the calculator's explanations, its questions and its errors. */
export interface CrsMessages {
  /** Names of things the grid writes in English: abilities, education levels and factors. */
  readonly labels: {
    readonly ability: (a: Ability) => string;
    /** A grid education level by its key; the English short label when the language has no name of its own for it. */
    readonly education: (key: string, english: string) => string;
    /** A transferability row of education, by the first level it covers. */
    readonly transferEducation: (key: string, english: string) => string;
    readonly factor: (item: AdditionalItem) => string;
  };
  readonly calc: {
    readonly cappedSum: (sum: number, limit: number) => string;
    readonly caps: {
      readonly firstLanguage: string;
      readonly secondLanguage: string;
      readonly core: string;
      readonly spouseLanguage: string;
      readonly spouse: string;
      readonly education: string;
      readonly foreign: string;
      readonly transferability: string;
      readonly additional: string;
      readonly humanCapital: string;
      readonly total: string;
    };
    readonly allFour: (scale: string, level: number) => string;
    readonly perAbility: (scale: string, levels: readonly (readonly [Ability, number])[]) => string;
    readonly years: (n: number) => string;
    readonly column: { readonly withSpouse: string; readonly single: string; readonly scoredSingle: string };
    readonly partnerCanadian: string;
    readonly partnerNotComing: string;
    readonly experienceCounted: (which: "canadian" | "foreign", value: number, whole: number) => string;
    readonly belowTable: (slot: LanguageSlot, abilities: readonly Ability[], level: number) => string;
    readonly noSecondLanguage: string;
    readonly age: (age: number, points: number, column: string) => string;
    readonly education: (label: string, points: number, column: string) => string;
    readonly language: (levels: string, parts: readonly number[], points: number, column: string) => string;
    readonly secondLanguage: (levels: string, parts: readonly number[], sum: number, points: number, limit: number, column: string) => string;
    readonly canadianWork: (years: string, points: number, column: string) => string;
    readonly spouseEducation: (label: string, points: number) => string;
    readonly spouseLanguage: (levels: string, parts: readonly number[], points: number) => string;
    readonly spouseNoLanguage: string;
    readonly spouseCanadianWork: (years: string, points: number) => string;
    readonly noPartnerDetails: string;
    readonly noAccompanyingPartner: string;
    readonly eduWithLanguage: (row: string, scale: string, lowest: number, points: number) => string;
    readonly eduWithCanadian: (row: string, years: string, points: number) => string;
    readonly foreignWithLanguage: (years: string, scale: string, lowest: number, points: number) => string;
    readonly foreignWithCanadian: (foreign: string, canadian: string, points: number) => string;
    readonly certificate: (scale: string, lowest: number, points: number) => string;
    readonly noCertificate: string;
    readonly noNomination: string;
    readonly nomination: string;
    readonly noSibling: string;
    readonly sibling: string;
    readonly noCanadianEducation: string;
    readonly canadianEducation: (short: boolean) => string;
    readonly factorPoints: (what: string, points: number) => string;
    readonly notYet: (what: string, from: string) => string;
    readonly disputed: (factor: string, laterPoints: number, start: string, laterFrom: string, points: number) => string;
    readonly noFrench: string;
    readonly frenchBelow: (min: number) => string;
    readonly frenchWeakAssumed: (englishMax: number, englishMin: number) => string;
    readonly englishLowest: (lowest: number) => string;
    readonly noEnglish: string;
    readonly french: (min: number, english: string, points: number) => string;
    readonly noJobOffer: string;
    readonly offerRemovedNote: (removed: string, announced: string | null) => string;
    readonly offerRemoved: (removed: string) => string;
    readonly offerStillGave: (removed: string, date: string, points: number) => string;
    readonly offer: (senior: boolean, points: number, note: string | null) => string;
    readonly gridUndated: (date: string) => string;
    readonly unverifiedTable: (status: TableStatus) => string;
    readonly pointsFrom: (title: string, asOf: string) => string;
    readonly badDate: string;
  };
  readonly missing: {
    readonly questions: {
      readonly age: string;
      readonly maritalStatus: string;
      readonly spouseAccompanying: string;
      readonly spouseCanadian: string;
      readonly education: string;
      readonly firstLanguage: string;
      readonly canadianExperienceYears: string;
      readonly foreignExperienceYears: string;
      readonly secondLanguage: string;
      readonly canadianEducation: string;
      readonly spouseEducation: string;
      readonly spouseLanguage: string;
      readonly spouseCanadianExperienceYears: string;
      readonly provincialNomination: string;
      readonly siblingInCanada: string;
      readonly certificateOfQualification: string;
      readonly arrangedEmployment: string;
    };
    readonly assume: {
      readonly spouseCanadian: string;
      readonly canadianExperienceYears: string;
      readonly foreignExperienceYears: string;
      readonly secondLanguage: string;
      readonly canadianEducation: string;
      readonly spouseEducation: string;
      readonly spouseLanguage: string;
      readonly spouseCanadianExperienceYears: string;
      readonly provincialNomination: string;
      readonly siblingInCanada: string;
      readonly certificateOfQualification: string;
      readonly arrangedEmployment: string;
    };
    readonly needed: (question: string) => string;
  };
  readonly validate: {
    readonly testNotNumber: (test: string, ability: Ability) => string;
    readonly testRange: (test: string, ability: Ability, min: number, max: number, step: number) => string;
    readonly levelRange: (scale: string, ability: Ability, min: number, max: number) => string;
    readonly yearsNegative: (label: string) => string;
    readonly yearsTooMany: (value: number, label: string, most: number, since: string) => string;
    readonly sinceAge: (from: number) => string;
    readonly betweenAges: (from: number, to: number) => string;
    readonly ageRange: (min: number, max: number) => string;
    readonly ageWhole: string;
    readonly educationKeys: (keys: readonly string[]) => string;
    readonly secondSameLanguage: string;
    readonly experienceTogether: (sum: number, most: number, since: string) => string;
    readonly spouseEducationKeys: (keys: readonly string[]) => string;
    readonly labels: { readonly canadian: string; readonly foreign: string; readonly spouseCanadian: string };
  };
  readonly language: {
    readonly note: (test: string, scale: string, rule: boolean, verified: boolean, status: string, meaning: string | null, detail: string | null) => string;
    readonly missing: (test: string, scale: string, since: string | null) => string;
  };
  readonly points: {
    /** An age asked; `band` when the grid's row names more than that age ("45 or more"). */
    readonly age: (age: number, band?: string) => string;
    readonly ageBand: (label: string) => string;
    readonly split: (label: string, single: number, spouse: number) => string;
    /** One column of a row, where the question says whether a partner comes. */
    readonly column: (label: string, points: number, partner: boolean) => string;
    readonly list: (lines: readonly string[]) => string;
    readonly ageLoss: (single: number, spouse: number, to: number, from: number) => string;
    readonly history: (points: number, from: string, to: string | null) => string;
    readonly factorHistory: (factor: string, history: readonly string[]) => string;
    readonly disputedStart: (factor: string, starts: readonly string[], from: string) => string;
    readonly since: (factor: string, from: string) => string;
    readonly notInForce: (factor: string, date: string) => string;
    readonly educationAsSpouse: (name: string) => string;
    /** A partner's education's points, as the spouse factors give them. */
    readonly partnerEducation: (name: string, points: number) => string;
    readonly educationNote: string;
    readonly badLevel: (keys: readonly string[]) => string;
    readonly inAbility: (a: Ability) => string;
    readonly perAbility: string;
    readonly firstRow: (label: string, each: string) => string;
    readonly secondRow: (label: string, each: string) => string;
    readonly spouseRow: (label: string, each: string) => string;
    readonly languageSummary: (level: number, each: string, single: number, spouse: number) => string;
    /** The first official language's points for a level in each ability, with the test they were read from. */
    /** A second official language's points for a level in each ability, capped. */
    readonly secondLevelsSummary: (levels: readonly (readonly [Ability, number])[], single: number, spouse: number, maxSingle: number, maxSpouse: number) => string;
    readonly languageLevelsSummary: (levels: readonly (readonly [Ability, number])[], single: number, spouse: number, test: string | null) => string;
    readonly languageNote: (single: number, spouse: number) => string;
    readonly canadianRow: (label: string) => string;
    readonly spouseCanadianRow: (label: string) => string;
    readonly canadianSummary: (years: number, single: number, spouse: number) => string;
    /** Skill transferability of foreign work experience with a language level, capped at the sub-total's maximum. */
    readonly transferForeignLanguage: (row: string, clb: number, points: number, cap: number) => string;
    readonly transferForeignCanadian: (row: string, canadianYears: number, points: number, cap: number) => string;
    readonly transferCertificate: (clb: number, points: number, cap: number) => string;
    readonly transferCertificateRows: (cap: number) => string;
    readonly transferForeignAlone: (row: string, cap: number) => string;
    /** A band of years ("1 or 2 years", "3 years or more"), a language column and a Canadian-work column of a transferability table. */
    readonly yearsBand: (min: number, max: number | null) => string;
    readonly levelColumn: (min: number, nextMin: number | null) => string;
    readonly canadianColumn: (min: number, nextMin: number | null) => string;
    /** The grid's maximum total, and the maximum of each part of it. */
    readonly maximumSummary: (total: number) => string;
    /** French below the level that earns additional points. */
    readonly frenchBelowLevel: (nclc: number, min: number) => string;
    readonly maximumRows: { readonly core: string; readonly spouse: string; readonly transferability: string; readonly additional: string };
    /** The core factors whose maximum can be asked, as the maximum's sentence names them. */
    readonly maximumFactors: { readonly age: string; readonly education: string; readonly "first-language": string; readonly "second-language": string; readonly "canadian-experience": string };
    /** One part's maximum, with the core's with-partner maximum when it is the core, and the grid's total. */
    readonly maximumPart: (part: string, value: string, withPartner: number | null, total: number) => string;
    /** The grid's own note on Canadian work experience, where the language can say it. */
    readonly canadianNote: (note: string) => string | null;
    readonly item: (label: string, points: number) => string;
    readonly formerFor: (points: number, offer: string) => string;
    readonly offerRemoved: (removed: string, former: readonly string[]) => string;
    readonly offerInForce: (date: string, rows: readonly (readonly [number, string])[], removed: string | null) => string;
    readonly badDate: string;
  };
  readonly args: {
    readonly wholeNumber: (flag: string, text: string) => string;
    readonly years: (flag: string, text: string) => string;
    readonly notNumber: (flag: string, part: string) => string;
    readonly oneOrFour: (flag: string) => string;
    readonly eachOnce: (flag: string) => string;
    readonly educationAmbiguous: (text: string, matches: readonly string[]) => string;
    readonly educationUnknown: (text: string) => string;
    readonly educationHint: (flag: string, hint: string, keys: readonly string[]) => string;
    readonly onlyOne: (flags: readonly string[]) => string;
    readonly secondTestLanguage: (test: string, testLanguage: string, language: string) => string;
    readonly unknownOption: (name: string, known: readonly string[]) => string;
    readonly needsValue: (name: string | undefined) => string;
    readonly unexpected: (arg: string) => string;
    readonly marital: (value: string) => string;
    readonly languageValue: (value: string) => string;
    readonly clbOrNclc: string;
    readonly overrideWithTest: (ability: string, scale: string, test: string) => string;
    readonly allAbilities: (flag: string) => string;
    readonly spouseNeedsMarried: (flag: string) => string;
    readonly jobOfferBoth: string;
    readonly canadianEducation: (value: string) => string;
    readonly date: (value: string) => string;
    readonly missing: (flags: readonly string[]) => string;
    readonly flags: { readonly firstLanguage: string };
  };
  readonly skill: {
    readonly summary: string;
    readonly examples: readonly string[];
    readonly checkTitle: string;
    readonly cannotCompute: (problems: readonly string[]) => string;
    readonly youGave: (value: string | number) => string;
    readonly scoreTitle: string;
    readonly intro: string;
    readonly skipHint: (assume: string) => string;
    readonly skip: string;
    readonly stillNeed: (fields: readonly string[]) => string;
    readonly totalTitle: (total: number) => string;
    /** The total; after a change to a profile scored before, how far it moved from the score before. */
    readonly lead: (total: number, date: string, whatIf: boolean, before?: number) => string;
    readonly cap: (cap: string, limit: number, before: number) => string;
    readonly caps: (caps: readonly string[]) => string;
    readonly assumed: (list: string) => string;
    /** A note of the calculator as a sentence: a capital and a full stop. */
    readonly sentence: (note: string) => string;
    /** A reading of the profile as the parser states it, in this language. */
    readonly readAs: (label: string, values: readonly string[]) => string;
    readonly readAsForeign: (years: number) => string;
    readonly partnerComing: string;
    readonly rows: {
      readonly age: string;
      readonly education: string;
      readonly firstLanguage: string;
      readonly secondLanguage: string;
      readonly canadianExperience: string;
      readonly spouse: string;
      readonly transferability: string;
      readonly additional: string;
    };
    readonly line: (name: string, points: number, explanation: string) => string;
    readonly subtotalLine: (name: string, points: number) => string;
    readonly fields: { readonly total: string; readonly core: string; readonly transferability: string; readonly additional: string };
    readonly whatIfSuggestions: readonly string[];
    readonly pointsTitle: string;
    readonly cannotAnswer: (message: string) => string;
    readonly yes: string;
    readonly no: string;
    readonly pointsText: (lead: string, summary: string, notes: readonly string[], date: string, status: string | null) => string;
    readonly pointsRow: (label: string, points: number) => string;
    readonly pointsSplit: (label: string, single: number, spouse: number) => string;
    /** A score given plus one factor's points ("1,050: 450 plus 600 for a provincial nomination"), without a final stop. */
    readonly added: (score: number, what: string, points: number, total: number, max: number, capped: boolean) => string;
    readonly addWhat: { readonly nomination: string; readonly sibling: string };
    /** A number in a field of a reply. */
    readonly figure: (n: number) => string;
    readonly equivalencyAndTitle: (test: string) => string;
    readonly cannotConvert: (test: string, reason: string) => string;
    readonly noTable: string;
    readonly range: (a: Ability, min: number, max: number | null) => string;
    readonly noRow: (a: Ability, level: number) => string;
    readonly marked: (status: string) => string;
    /** Titles and text of a test's scores for a level; scale is CLB or NCLC, as the test's language has it. */
    readonly equivalencyTitle: (test: string, level: number, scale: string) => string;
    readonly equivalencyText: (level: number, test: string, rows: readonly string[], status: string, scale: string) => string;
    /** A test's scores as CLB or NCLC levels ("IELTS 6.5 all bands, what CLB is that?"). */
    readonly levelsTitle: (test: string, scale: string) => string;
    readonly levelRow: (a: Ability, score: number, scale: string, level: number) => string;
    readonly levelsText: (test: string, rows: readonly string[], status: string) => string;
    readonly fswTitle: string;
    readonly fswText: string;
  };
  readonly command: {
    readonly name: string;
    readonly description: string;
    readonly options: Readonly<Record<"age" | "education" | "clb" | "ielts" | "partner" | "canadian-years" | "foreign-years" | "nomination" | "details", { readonly name: string; readonly description: string }>>;
  };
}

const ABILITY_FR: Readonly<Record<Ability, string>> = {
  reading: "compréhension de l'écrit",
  writing: "expression écrite",
  listening: "compréhension de l'oral",
  speaking: "expression orale",
};

// IRCC's French names of the grid's education levels (Critères du Système de classement global), by the grid's keys.
const EDUCATION_FR: Readonly<Record<string, string>> = {
  less_than_secondary: "Moins qu'un diplôme d'études secondaires",
  secondary: "Diplôme d'études secondaires",
  one_year: "Diplôme d'un programme d'un an",
  two_year: "Programme de deux ans",
  bachelor_or_3yr: "Baccalauréat ou programme de trois ans ou plus",
  two_or_more: "Deux certificats, diplômes ou grades ou plus",
  masters_or_professional: "Maîtrise ou diplôme professionnel",
  doctoral: "Doctorat (Ph. D.)",
};

const TRANSFER_EDUCATION_FR: Readonly<Record<string, string>> = {
  less_than_secondary: "études secondaires ou moins",
  one_year: "diplôme postsecondaire d'un an ou plus",
  two_or_more: "deux diplômes postsecondaires ou plus, dont un de trois ans ou plus",
  masters_or_professional: "maîtrise ou diplôme professionnel d'admission à la profession",
  doctoral: "doctorat (Ph. D.)",
};

// A table's verification status as a reader says it: "verified-2src (table dated Jan 2024)" is checked against two sources.
function enStatus(status: string): string {
  const extra = /\(([^)]*)\)/.exec(status)?.[1];
  const base = status.startsWith("verified-2src") ? "checked against two independent secondary sources; IRCC's own page was not read" : status.startsWith("verified-mostly") ? "mostly checked against two sources" : status.startsWith("unverified") ? "from a single source, not confirmed" : status.replace(/[-_]/g, " ");
  return extra ? `${base}; ${extra}` : base;
}

function frStatus(status: string): string {
  const extra = /\(([^)]*)\)/.exec(status)?.[1];
  const base = status.startsWith("verified-2src") ? "vérifié dans deux sources secondaires indépendantes ; la page d'IRCC elle-même n'a pas été lue" : status.startsWith("verified-mostly") ? "en grande partie vérifié dans deux sources" : status.startsWith("unverified") ? "d'une seule source, non confirmé" : status.replace(/[-_]/g, " ");
  return extra ? `${base} ; ${extra}` : base;
}

function frenchFactor(item: AdditionalItem): string {
  switch (item.id) {
    case "nomination":
      return "Nomination d'une province ou d'un territoire";
    case "sibling":
      return "Frère ou sœur vivant au Canada (citoyen ou résident permanent)";
    case "french-weak-english":
      return `Français NCLC ${item.frenchMin ?? "?"} ou plus aux quatre compétences et anglais CLB ${item.englishMax ?? "?"} ou moins (ou aucun test d'anglais)`;
    case "french-strong-english":
      return `Français NCLC ${item.frenchMin ?? "?"} ou plus aux quatre compétences et anglais CLB ${item.englishMin ?? "?"} ou plus aux quatre compétences`;
    case "canadian-education-short":
      return "Études postsecondaires au Canada : diplôme d'un ou deux ans";
    case "canadian-education-long":
      return "Études postsecondaires au Canada : diplôme de trois ans ou plus";
    case "arranged-employment-senior":
      return "Emploi réservé : cadres supérieurs (grand groupe 00 de la CNP)";
    case "arranged-employment-other":
      return "Emploi réservé : tout autre emploi qualifié";
  }
}

// "CLB 4 or 5", "less than CLB 4", "5 or more", "none or less than 1": the grid's band labels in French words.
function frenchBand(label: string): string {
  return label
    .replace(/^none or less than (\d+)$/i, "aucune ou moins de $1")
    .replace(/^less than /i, "moins de ")
    .replace(/ or more$/i, " ou plus")
    .replace(/ or (?:less|lower)$/i, " ou moins")
    .replace(/ or /g, " ou ");
}

// The French meaning of a status such as "verified-2src (table dated Jan 2024)", by the legend key it starts with.

const frDate = (iso: string): string => formatDate(iso);
const frSentence = (text: string): string => `${capital(text)}${/[.!?]$/.test(text) ? "" : "."}`;
const frYears = (n: number): string => `${formatNumber(n)} ${Math.abs(n) < 2 ? "an" : "ans"}`;
const frList = (items: readonly string[]): string => items.join(" ; ");

/** Every sentence of the CRS calculator, in English and French. */
export const CRS_MESSAGES: Catalog<CrsMessages> = {
  en: {
    labels: {
      ability: (a) => a,
      education: (_key, english) => english,
      transferEducation: (_key, english) => english,
      factor: (item) => item.factor,
    },
    calc: {
      cappedSum: (sum, limit) => `${sum} capped at ${limit}`,
      caps: {
        firstLanguage: "first official language",
        secondLanguage: "second official language",
        core: "core human capital",
        spouseLanguage: "spouse language",
        spouse: "spouse factors",
        education: "transferability: education",
        foreign: "transferability: foreign work experience",
        transferability: "skill transferability",
        additional: "additional points",
        humanCapital: "core, spouse and transferability",
        total: "total",
      },
      allFour: (scale, level) => `${scale} ${level} in all four`,
      perAbility: (scale, levels) => `${scale} ${levels.map(([a, v]) => `${a} ${v}`).join(", ")}`,
      years: (n) => `${n} year${n === 1 ? "" : "s"}`,
      column: { withSpouse: "with spouse", single: "single", scoredSingle: "scored as single" },
      partnerCanadian: "your partner is a Canadian citizen or permanent resident, so you are scored as single",
      partnerNotComing: "your partner is not coming with you, so you are scored as single",
      experienceCounted: (which, value, whole) => `${which === "canadian" ? "Canadian work experience" : "foreign work experience"} of ${value} years counted as ${whole} year${whole === 1 ? "" : "s"}`,
      belowTable: (slot, abilities, level) => `${slot === "spouse" ? "spouse's" : slot} language ${abilities.join(", ")} below the table's lowest level: counted as level ${level} or lower`,
      noSecondLanguage: "no second official language",
      age: (age, points, column) => `age ${age}: ${points} (${column})`,
      education: (label, points, column) => `${label}: ${points} (${column})`,
      language: (levels, parts, points, column) => `${levels}: ${parts.join("+")} = ${points} (${column})`,
      secondLanguage: (levels, parts, sum, points, limit, column) => `${levels}: ${parts.join("+")}${points < sum ? ` = ${sum}, capped at ${limit}` : ` = ${points}`} (${column})`,
      canadianWork: (years, points, column) => `${years} of Canadian work: ${points} (${column})`,
      spouseEducation: (label, points) => `partner's ${label}: ${points}`,
      spouseLanguage: (levels, parts, points) => `partner's ${levels}: ${parts.join("+")} = ${points}`,
      spouseNoLanguage: "partner has no language results",
      spouseCanadianWork: (years, points) => `partner's ${years} of Canadian work: ${points}`,
      noPartnerDetails: "no partner details",
      noAccompanyingPartner: "no accompanying partner",
      eduWithLanguage: (row, scale, lowest, points) => `${row} with lowest ${scale} ${lowest}: ${points}`,
      eduWithCanadian: (row, years, points) => `${row} with ${years} of Canadian work: ${points}`,
      foreignWithLanguage: (years, scale, lowest, points) => `${years} of foreign work with lowest ${scale} ${lowest}: ${points}`,
      foreignWithCanadian: (foreign, canadian, points) => `${foreign} of foreign work with ${canadian} of Canadian work: ${points}`,
      certificate: (scale, lowest, points) => `certificate of qualification with lowest ${scale} ${lowest}: ${points}`,
      noCertificate: "no certificate of qualification",
      noNomination: "no provincial nomination",
      nomination: "provincial nomination",
      noSibling: "no brother or sister in Canada",
      sibling: "brother or sister in Canada",
      noCanadianEducation: "no Canadian post-secondary education",
      canadianEducation: (short) => `Canadian credential of ${short ? "1 or 2 years" : "3 years or more"}`,
      factorPoints: (what, points) => `${what}: ${points}`,
      notYet: (what, from) => `${what}: 0 (these points start on ${from})`,
      disputed: (factor, laterPoints, start, laterFrom, points) => `${factor}: one source says the ${laterPoints}-point value applies from ${start}, not ${laterFrom}; ${points} used here`,
      noFrench: "no French results",
      frenchBelow: (min) => `French below NCLC ${min} in some ability: 0`,
      frenchWeakAssumed: (englishMax, englishMin) => `English above CLB ${englishMax} in some abilities but not CLB ${englishMin} in all four: scored as French with weak English`,
      englishLowest: (lowest) => `English lowest CLB ${lowest}`,
      noEnglish: "no English results",
      french: (min, english, points) => `French NCLC ${min}+ in all four, ${english}: ${points}`,
      noJobOffer: "no job offer",
      offerRemovedNote: (removed, announced) => `arranged employment gives no points since ${removed}${announced ? ` (announced ${announced})` : ""}`,
      offerRemoved: (removed) => `job offer: 0 (no points since ${removed})`,
      offerStillGave: (removed, date, points) => `arranged employment points were removed on ${removed}; on ${date} this job offer still gave ${points}`,
      offer: (senior, points, note) => `job offer (${senior ? "senior management" : "skilled"}): ${points}${note ? ` (${note})` : ""}`,
      gridUndated: (date) => `the grid dates only its additional points; the other tables are the current ones, taken as unchanged on ${date}`,
      unverifiedTable: (status) => `a table used is not verified (${enStatus(status.text)})`,
      pointsFrom: (title, asOf) => `points from ${title} (IRCC), grid as of ${asOf}`,
      badDate: "date must be a calendar date written YYYY-MM-DD",
    },
    missing: {
      questions: {
        age: "How old are you?",
        maritalStatus: "Are you married or in a common-law partnership, and is your partner coming to Canada with you?",
        spouseAccompanying: "Is your partner coming to Canada with you?",
        spouseCanadian: "Is your partner a Canadian citizen or permanent resident?",
        education: "What is your highest level of education?",
        firstLanguage: "What are your language results for reading, writing, listening and speaking (CLB or NCLC levels, or IELTS, CELPIP, PTE Core or TCF Canada scores)?",
        canadianExperienceYears: "How many years of skilled work experience do you have in Canada?",
        foreignExperienceYears: "How many years of skilled work experience do you have outside Canada?",
        secondLanguage: "Do you have test results in the other official language (French or English)? If so, what are they?",
        canadianEducation: "Did you earn a post-secondary diploma or degree in Canada? Was the program 1 to 2 years, or 3 years or longer?",
        spouseEducation: "What is your partner's highest level of education?",
        spouseLanguage: "What are your partner's English or French levels (CLB or NCLC for reading, writing, listening and speaking)?",
        spouseCanadianExperienceYears: "How many years of skilled work experience does your partner have in Canada?",
        provincialNomination: "Do you have a provincial or territorial nomination?",
        siblingInCanada: "Do you (or your partner) have a brother or sister in Canada who is a citizen or permanent resident?",
        certificateOfQualification: "Do you have a Canadian certificate of qualification in a trade?",
        arrangedEmployment: "Do you have a valid job offer in Canada, and is it in senior management?",
      },
      assume: {
        spouseCanadian: "your partner is not a Canadian citizen or permanent resident",
        canadianExperienceYears: "no Canadian work experience",
        foreignExperienceYears: "no work experience outside Canada",
        secondLanguage: "no second official language",
        canadianEducation: "no post-secondary education in Canada",
        spouseEducation: "your partner's education gives no points",
        spouseLanguage: "your partner has no language test results",
        spouseCanadianExperienceYears: "your partner has no Canadian work experience",
        provincialNomination: "no provincial nomination",
        siblingInCanada: "no brother or sister in Canada",
        certificateOfQualification: "no certificate of qualification",
        arrangedEmployment: "no job offer",
      },
      needed: (question) => `needed: ${question}`,
    },
    validate: {
      testNotNumber: (test, ability) => `${test} ${ability} score must be a number`,
      testRange: (test, ability, min, max, step) => `${test} ${ability} score must be between ${min} and ${max}, ${step === 1 ? "a whole number" : `in steps of ${step}`}`,
      levelRange: (scale, ability, min, max) => `${scale} level for ${ability} must be a whole number from ${min} to ${max}`,
      yearsNegative: (label) => `${label} must be zero or more years`,
      yearsTooMany: (value, label, most, since) => `${value} years of ${label} is more than the ${most} years ${since}`,
      sinceAge: (from) => `since age ${from}`,
      betweenAges: (from, to) => `between age ${from} and ${to}`,
      ageRange: (min, max) => `age must be between ${min} and ${max}`,
      ageWhole: "age must be a whole number of years",
      educationKeys: (keys) => `education must be one of: ${keys.join(", ")}`,
      secondSameLanguage: "the second official language must be the other one of English and French",
      experienceTogether: (sum, most, since) => `Canadian and foreign work experience together (${sum} years) is more than the ${most} years ${since}`,
      spouseEducationKeys: (keys) => `spouse's education must be one of: ${keys.join(", ")}`,
      labels: { canadian: "Canadian work experience", foreign: "foreign work experience", spouseCanadian: "spouse's Canadian work experience" },
    },
    language: {
      note: (test, scale, rule, _verified, status, _meaning, detail) =>
        `${test} scores converted to ${scale} with the grid's ${rule ? "rule" : "table"} (${enStatus(status)})${detail ? `; ${detail}` : ""}`,
      missing: (test, scale, since) =>
        `${test} scores cannot be converted: the ${scale} table ${since ? `for tests taken since ${since}` : "in use now"} is missing from the points grid. Please give your ${scale} level for each ability (reading, writing, listening, speaking) instead.`,
    },
    points: {
      age: (age, band) => `age ${age}${band ? ` (the grid's row "${band}")` : ""}`,
      ageBand: (label) => `age ${label}`,
      split: (label, single, spouse) => `${label}: ${single} single, ${spouse} with a spouse`,
      column: (label, points, partner) => `${label}: ${points} ${partner ? "with a spouse or partner who comes with you" : "for a single candidate (or one whose partner does not come)"}`,
      list: (lines) => lines.join("; "),
      ageLoss: (single, spouse, to, from) => `: ${single} fewer single (${spouse} with a spouse) at ${to} than at ${from}`,
      history: (points, from, to) => `${points} from ${from}${to ? ` to ${to}` : ""}`,
      factorHistory: (factor, history) => `${factor}: ${history.join(", ")}`,
      disputedStart: (factor, starts, from) => `${factor}: one source gives ${starts.join(", ")} instead of ${from} as the start`,
      since: (factor, from) => `${factor} (since ${from})`,
      notInForce: (factor, date) => `${factor} (not in force on ${date})`,
      educationAsSpouse: (name) => `${name} as a spouse's education`,
      partnerEducation: (name, points) => `${points}: ${name} as your spouse's or partner's education, when they come with you to Canada (your own education scores at the with-spouse rate then)`,
      educationNote: "education also gives skill transferability points combined with language or Canadian work experience",
      badLevel: (keys) => `level must be one of: ${keys.join(", ")}`,
      inAbility: (a) => `in ${a}`,
      perAbility: "per ability",
      firstRow: (label, each) => `first official language, ${label}, ${each}`,
      secondRow: (label, each) => `second official language, ${label}, ${each}`,
      spouseRow: (label, each) => `spouse's language, ${label}, ${each}`,
      languageSummary: (level, each, single, spouse) => `CLB ${level} ${each}: ${single} single, ${spouse} with a spouse (first official language)`,
      secondLevelsSummary: (levels, single, spouse, maxSingle, maxSpouse) => `${single} single, ${spouse} with a spouse, for a second official language at CLB ${levels.map(([a, v]) => `${v} in ${a}`).join(", ")} (a second language gives at most ${maxSingle} single, ${maxSpouse} with a spouse)`,
      languageLevelsSummary: (levels, single, spouse, test) => `${single} single, ${spouse} with a spouse, for a first official language at CLB ${levels.map(([a, v]) => `${v} in ${a}`).join(", ")}${test ? ` (your ${test} scores read as these levels)` : ""}`,
      languageNote: (single, spouse) => `the four abilities are scored separately, up to ${single} single or ${spouse} with a spouse in all`,
      canadianRow: (label) => `Canadian work experience: ${label}`,
      spouseCanadianRow: (label) => `spouse's Canadian work experience: ${label}`,
      canadianSummary: (years, single, spouse) => `${years} years of Canadian work experience: ${single} single, ${spouse} with a spouse`,
      transferForeignLanguage: (row, clb, points, cap) => `${points}: skill transferability points for foreign work experience (${row}) with CLB ${clb} in the first official language (the lowest of the four abilities counts); foreign experience gives at most ${cap} of them`,
      transferForeignCanadian: (row, years, points, cap) => `${points}: skill transferability points for foreign work experience (${row}) with ${years} year${years === 1 ? "" : "s"} of Canadian work experience; foreign experience gives at most ${cap} of them`,
      transferCertificate: (clb, points, cap) => `${points}: skill transferability points for a certificate of qualification with CLB ${clb} in the first official language (the lowest of the four abilities counts); at most ${cap}`,
      yearsBand: (min, max) => (max === null ? `${min} years or more` : max === min ? `${min} year${min === 1 ? "" : "s"}` : max === min + 1 ? `${min} or ${max} years` : `${min} to ${max} years`),
      levelColumn: (min, next) => (next === null ? `CLB ${min} or more in all four abilities` : `CLB ${min} or more in all four, one or more under CLB ${next}`),
      canadianColumn: (min, next) => (next === null ? `${min} year${min === 1 ? "" : "s"} or more of Canadian work experience` : `${min} year${min === 1 ? "" : "s"} of Canadian work experience`),
      transferForeignAlone: (row, cap) => `0 on its own: foreign work experience (${row}) gives no core points; with a language level or Canadian work experience it gives skill transferability points, at most ${cap}`,
      transferCertificateRows: (cap) => `A certificate of qualification gives skill transferability points with the first official language's lowest level, at most ${cap}`,
      maximumSummary: (total) => `${formatNumber(total)}: the most CRS points a candidate can have`,
      frenchBelowLevel: (nclc, min) => `0: French at NCLC ${nclc} earns no additional points; they start at NCLC ${min} in all four abilities`,
      maximumPart: (part, value, withPartner, total) => `${value}${withPartner !== null ? ` single (${withPartner} with a partner)` : ""}: the most points for ${part}, of the ${formatNumber(total)} a candidate can have in all`,
      maximumRows: { core: "core human capital factors", spouse: "spouse or common-law partner factors", transferability: "skill transferability factors", additional: "additional points" },
      maximumFactors: { age: "age", education: "education", "first-language": "the first official language (all four abilities)", "second-language": "the second official language (all four abilities)", "canadian-experience": "Canadian work experience" },
      canadianNote: (note) => note,
      item: (label, points) => `${label}: ${points}`,
      formerFor: (points, offer) => `${points} for ${offer}`,
      offerRemoved: (removed, former) => `No: a job offer (arranged employment) gives no CRS points since ${removed}; before that it gave ${former.join(" and ")}`,
      offerInForce: (date, rows, removed) => `Yes, on ${date}: ${rows.map(([p, label]) => `${p} for ${label}`).join("; ")}${removed ? `; these points were removed on ${removed}` : ""}`,
      badDate: "date must be a calendar date written YYYY-MM-DD",
    },
    args: {
      wholeNumber: (flag, text) => `--${flag} must be a whole number, not "${text}"`,
      years: (flag, text) => `--${flag} must be a number of years, not "${text}"`,
      notNumber: (flag, part) => `--${flag}: "${part}" is not a number`,
      oneOrFour: (flag) => `--${flag} needs one value or four, as listening,reading,writing,speaking (or l8,r7,w7,s7)`,
      eachOnce: (flag) => `--${flag}: each of r, w, l and s must appear once`,
      educationAmbiguous: (text, matches) => `"${text}" could be ${matches.join(" or ")}`,
      educationUnknown: (text) => `unknown level "${text}"`,
      educationHint: (flag, hint, keys) => `--${flag}: ${hint}; use one of ${keys.join(", ")}`,
      onlyOne: (flags) => `give only one of ${flags.join(", ")}`,
      secondTestLanguage: (test, testLanguage, language) => `--second-${test} is a ${testLanguage} test, but the second language must be ${language}`,
      unknownOption: (name, known) => `unknown option ${name}; known options: ${known.join(" ")}`,
      needsValue: (name) => `${name ?? "an option"} needs a value`,
      unexpected: (arg) => `unexpected argument: ${arg}`.trim(),
      marital: (value) => `--marital must be single, married or common-law, not "${value}"`,
      languageValue: (value) => `--language must be english or french, not "${value}"`,
      clbOrNclc: "give --clb or --nclc, not both",
      overrideWithTest: (ability, scale, test) => `--${ability} sets a ${scale} level; it cannot be combined with --${test}`,
      allAbilities: (flag) => `give --${flag} or all of --reading, --writing, --listening and --speaking`,
      spouseNeedsMarried: (flag) => `--${flag} needs --marital married or --marital common-law`,
      jobOfferBoth: "give --job-offer or --job-offer-senior, not both",
      canadianEducation: (value) => `--canadian-education must be 1-2, 3+ or none, not "${value}"`,
      date: (value) => `--date must be a date written YYYY-MM-DD, not "${value}"`,
      missing: (flags) => `missing ${flags.join(", ")}`,
      flags: { firstLanguage: "--clb (or --ielts, --celpip, --pte, --tcf)" },
    },
    skill: {
      summary: "your CRS score from your profile, explained factor by factor, and the points of one factor",
      examples: ["what's my CRS?", "I'm 29, single, master's, IELTS 8 7 7 7, 3 years abroad: my CRS?", "how many points for a master's?"],
      checkTitle: "Check these values",
      cannotCompute: (problems) => `I can't compute a score with these values: ${problems.join("; ")}. Correct them and ask again.`,
      youGave: (value) => ` (you gave ${value})`,
      scoreTitle: "Your CRS score",
      intro: "I can work out your CRS score from the official grid. ",
      skipHint: (assume) => ` (say "skip" and I'll assume ${assume})`,
      skip: "skip",
      stillNeed: (fields) => `I still need: ${fields.join(", ")}.`,
      totalTitle: (total) => `CRS score: ${formatNumber(total)}`,
      lead: (total, date, whatIf, before) =>
        `${formatNumber(total)}: your CRS score on the grid in force on ${date}${whatIf ? " with that change" : ""}${whatIf && before !== undefined && before !== total ? ` (${plural(Math.abs(total - before), "point")} ${total > before ? "more" : "fewer"})` : ""}.`,
      cap: (cap, limit, before) => `${cap} capped at ${limit} (from ${before})`,
      caps: (caps) => `${caps.join("; ")}.`,
      assumed: (list) => `Assumed: ${list}.`,
      sentence: (note) => `${capital(note)}${/[.!?)]$/.test(note) ? "" : "."}`,
      readAs: (label, values) => `${label} ${values.join(" ")} read as listening, reading, writing, speaking`,
      readAsForeign: (years) => `${years} years of work experience read as experience outside Canada`,
      partnerComing: "your partner counted as coming with you to Canada, as you gave their education or language: say so if they are not",
      rows: {
        age: "Age",
        education: "Education",
        firstLanguage: "First official language",
        secondLanguage: "Second official language",
        canadianExperience: "Canadian work experience",
        spouse: "Spouse or partner",
        transferability: "Skill transferability",
        additional: "Additional points",
      },
      line: (name, points, explanation) => `${name}: ${points} (${explanation})`,
      subtotalLine: (name, points) => `${name}: ${points}`,
      fields: { total: "Total", core: "Core", transferability: "Transferability", additional: "Additional" },
      whatIfSuggestions: ["what if I get CLB 10?", "what if my partner comes with me?"],
      pointsTitle: "CRS points",
      cannotAnswer: (message) => `I can't answer that from the grid: ${message}`,
      yes: "Yes",
      no: "No",
      pointsText: (lead, summary, notes, date, status) => `${lead ? `${lead}. ` : ""}${[summary, ...notes].map((n) => `${capital(n)}${/[.!?]$/.test(n) ? "" : "."}`).join(" ")} (CRS grid in force on ${date}${status ? `; this table: ${enStatus(status)}` : ""}.)`,
      pointsRow: (label, points) => `${label}: ${points}`,
      pointsSplit: (label, single, spouse) => `${label}: ${single} single, ${spouse} with a partner`,
      added: (score, what, points, total, max, capped) => `${formatNumber(total)}: ${formatNumber(score)} plus ${points} for ${what}${capped ? `, capped at the CRS maximum of ${formatNumber(max)}` : ""}`,
      addWhat: { nomination: "a provincial nomination", sibling: "a brother or sister in Canada" },
      figure: (n) => String(n),
      equivalencyAndTitle: (test) => `${test} and CLB`,
      cannotConvert: (test, reason) => `I can't convert ${test} scores: ${reason}. Give your CLB or NCLC levels instead.`,
      noTable: "the grid has no table for it",
      range: (a, min, max) => `${a}: ${min}${max !== null && max !== min ? ` to ${max}` : ""}`,
      noRow: (a, level) => `${a}: no row for CLB ${level}`,
      marked: (status) => ` This table is ${enStatus(status)}.`,
      equivalencyTitle: (test, level) => `${test} for CLB ${level}`,
      equivalencyText: (level, test, rows, status) => `CLB ${level} takes these ${test} scores: ${rows.join("; ")}.${status}`,
      levelsTitle: (test, scale) => `${test} to ${scale}`,
      levelRow: (a, score, scale, level) => `${a} ${score}: ${scale} ${level}`,
      levelsText: (test, rows, status) => `These ${test} scores give ${rows.join("; ")}.${status}`,
      fswTitle: "FSW 67-point grid",
      fswText:
        "The 67-point grid is not the CRS: it is the Federal Skilled Worker Program's own eligibility test (selection factors scored out of 100, with 67 needed to be eligible for that program), and it is not in my data, so I can't score it. The CRS ranks every Express Entry candidate out of 1,200; I can compute that one (\"what's my CRS?\").",
    },
    command: {
      name: "crs",
      description: "Work out a CRS score from the main factors",
      options: {
        age: { name: "age", description: "Your age" },
        education: { name: "education", description: "Highest education, e.g. masters, bachelors, two-year diploma" },
        clb: { name: "clb", description: "English CLB level, same in all four abilities (or use ielts)" },
        ielts: { name: "ielts", description: "IELTS scores: listening reading writing speaking, e.g. 8 7 7 7" },
        partner: { name: "partner", description: "Married or common-law: partner coming, not-coming, or none" },
        "canadian-years": { name: "canadian-years", description: "Years of skilled work in Canada" },
        "foreign-years": { name: "foreign-years", description: "Years of skilled work outside Canada" },
        nomination: { name: "nomination", description: "A provincial nomination" },
        details: { name: "details", description: "Anything else in your words, e.g. sibling in Canada, French NCLC 7" },
      },
    },
  },
  fr: {
    labels: {
      ability: (a) => ABILITY_FR[a],
      education: (key, english) => EDUCATION_FR[key] ?? english,
      transferEducation: (key, english) => TRANSFER_EDUCATION_FR[key] ?? english,
      factor: frenchFactor,
    },
    calc: {
      cappedSum: (sum, limit) => `${sum}, plafonné à ${limit}`,
      caps: {
        firstLanguage: "première langue officielle",
        secondLanguage: "deuxième langue officielle",
        core: "facteurs de base (capital humain)",
        spouseLanguage: "langue de l'époux ou conjoint",
        spouse: "facteurs liés à l'époux ou conjoint",
        education: "transférabilité (études)",
        foreign: "transférabilité (expérience de travail à l'étranger)",
        transferability: "transférabilité des compétences",
        additional: "points supplémentaires",
        humanCapital: "facteurs de base, de l'époux ou conjoint et de transférabilité",
        total: "total",
      },
      allFour: (scale, level) => `${scale} ${level} aux quatre compétences`,
      perAbility: (scale, levels) => `${scale} ${levels.map(([a, v]) => `${ABILITY_FR[a]} ${v}`).join(", ")}`,
      years: frYears,
      column: { withSpouse: "avec époux ou conjoint", single: "sans époux ni conjoint", scoredSingle: "compté sans époux ni conjoint" },
      partnerCanadian: "votre époux ou conjoint de fait est citoyen canadien ou résident permanent : vos points sont calculés comme pour une personne sans époux ni conjoint",
      partnerNotComing: "votre époux ou conjoint de fait ne vous accompagne pas : vos points sont calculés comme pour une personne sans époux ni conjoint",
      experienceCounted: (which, value, whole) => `${which === "canadian" ? "expérience de travail au Canada" : "expérience de travail à l'étranger"} de ${formatNumber(value)} ans comptée comme ${frYears(whole)}`,
      belowTable: (slot, abilities, level) =>
        `${slot === "first" ? "première langue" : slot === "second" ? "deuxième langue" : "langue de l'époux ou conjoint"} : ${abilities.map((a) => ABILITY_FR[a]).join(", ")} sous le plus bas niveau du tableau, compté comme niveau ${level} ou moins`,
      noSecondLanguage: "aucune deuxième langue officielle",
      age: (age, points, column) => `${age} ans : ${points} (${column})`,
      education: (label, points, column) => `${label} : ${points} (${column})`,
      language: (levels, parts, points, column) => `${levels} : ${parts.join("+")} = ${points} (${column})`,
      secondLanguage: (levels, parts, sum, points, limit, column) => `${levels} : ${parts.join("+")}${points < sum ? ` = ${sum}, plafonné à ${limit}` : ` = ${points}`} (${column})`,
      canadianWork: (years, points, column) => `${years} de travail au Canada : ${points} (${column})`,
      spouseEducation: (label, points) => `études de l'époux ou conjoint (${label}) : ${points}`,
      spouseLanguage: (levels, parts, points) => `langue de l'époux ou conjoint (${levels}) : ${parts.join("+")} = ${points}`,
      spouseNoLanguage: "aucun résultat de test de langue pour l'époux ou conjoint",
      spouseCanadianWork: (years, points) => `${years} de travail au Canada de l'époux ou conjoint : ${points}`,
      noPartnerDetails: "aucun renseignement sur l'époux ou conjoint",
      noAccompanyingPartner: "aucun époux ni conjoint qui vous accompagne",
      eduWithLanguage: (row, scale, lowest, points) => `${row}, avec ${scale} ${lowest} au plus bas : ${points}`,
      eduWithCanadian: (row, years, points) => `${row}, avec ${years} de travail au Canada : ${points}`,
      foreignWithLanguage: (years, scale, lowest, points) => `${years} de travail à l'étranger, avec ${scale} ${lowest} au plus bas : ${points}`,
      foreignWithCanadian: (foreign, canadian, points) => `${foreign} de travail à l'étranger, avec ${canadian} de travail au Canada : ${points}`,
      certificate: (scale, lowest, points) => `certificat de compétence, avec ${scale} ${lowest} au plus bas : ${points}`,
      noCertificate: "aucun certificat de compétence",
      noNomination: "aucune nomination provinciale",
      nomination: "nomination provinciale",
      noSibling: "aucun frère ni sœur au Canada",
      sibling: "frère ou sœur au Canada",
      noCanadianEducation: "aucunes études postsecondaires au Canada",
      canadianEducation: (short) => `diplôme canadien ${short ? "d'un ou deux ans" : "de trois ans ou plus"}`,
      factorPoints: (what, points) => `${what} : ${points}`,
      notYet: (what, from) => `${what} : 0 (ces points s'appliquent à partir du ${frDate(from)})`,
      disputed: (factor, laterPoints, start, laterFrom, points) => `${factor} : une source fait commencer la valeur de ${laterPoints} points le ${frDate(start)}, et non le ${frDate(laterFrom)} ; ${points} retenus ici`,
      noFrench: "aucun résultat en français",
      frenchBelow: (min) => `français sous NCLC ${min} dans au moins une compétence : 0`,
      frenchWeakAssumed: (englishMax, englishMin) => `anglais au-dessus de CLB ${englishMax} dans certaines compétences, mais pas CLB ${englishMin} aux quatre : compté comme français avec un anglais faible`,
      englishLowest: (lowest) => `anglais CLB ${lowest} au plus bas`,
      noEnglish: "aucun résultat en anglais",
      french: (min, english, points) => `français NCLC ${min} ou plus aux quatre compétences, ${english} : ${points}`,
      noJobOffer: "aucune offre d'emploi",
      offerRemovedNote: (removed, announced) => `une offre d'emploi (emploi réservé) ne donne plus de points depuis le ${frDate(removed)}${announced ? ` (annoncé le ${frDate(announced)})` : ""}`,
      offerRemoved: (removed) => `offre d'emploi : 0 (plus de points depuis le ${frDate(removed)})`,
      offerStillGave: (removed, date, points) => `les points d'emploi réservé ont été retirés le ${frDate(removed)} ; le ${frDate(date)}, cette offre d'emploi donnait encore ${points} points`,
      offer: (senior, points) => `offre d'emploi (${senior ? "cadre supérieur" : "emploi qualifié"}) : ${points}`,
      gridUndated: (date) => `la grille ne date que ses points supplémentaires ; les autres tableaux sont les tableaux actuels, considérés comme inchangés le ${frDate(date)}`,
      unverifiedTable: (status) => `un tableau utilisé n'est pas vérifié (${frStatus(status.text)})`,
      pointsFrom: (title, asOf) => `points tirés de « ${title} » (IRCC), grille au ${frDate(asOf)}`,
      badDate: "la date doit être une vraie date, écrite AAAA-MM-JJ",
    },
    missing: {
      questions: {
        age: "Quel âge avez-vous ?",
        maritalStatus: "Êtes-vous marié ou en union de fait, et votre époux ou conjoint de fait vous accompagnera-t-il au Canada ?",
        spouseAccompanying: "Votre époux ou conjoint de fait vous accompagnera-t-il au Canada ?",
        spouseCanadian: "Votre époux ou conjoint de fait est-il citoyen canadien ou résident permanent ?",
        education: "Quel est votre plus haut niveau de scolarité ?",
        firstLanguage:
          "Quels sont vos résultats de langue en compréhension de l'écrit, expression écrite, compréhension de l'oral et expression orale (niveaux CLB ou NCLC, ou résultats IELTS, CELPIP, PTE Core ou TCF Canada) ?",
        canadianExperienceYears: "Combien d'années d'expérience de travail qualifié avez-vous au Canada ?",
        foreignExperienceYears: "Combien d'années d'expérience de travail qualifié avez-vous à l'étranger ?",
        secondLanguage: "Avez-vous des résultats de test dans l'autre langue officielle (français ou anglais) ? Si oui, lesquels ?",
        canadianEducation: "Avez-vous obtenu un diplôme ou un grade postsecondaire au Canada ? Le programme durait-il un ou deux ans, ou trois ans ou plus ?",
        spouseEducation: "Quel est le plus haut niveau de scolarité de votre époux ou conjoint de fait ?",
        spouseLanguage:
          "Quels sont les niveaux d'anglais ou de français de votre époux ou conjoint de fait (CLB ou NCLC en compréhension de l'écrit, expression écrite, compréhension de l'oral et expression orale) ?",
        spouseCanadianExperienceYears: "Combien d'années d'expérience de travail qualifié votre époux ou conjoint de fait a-t-il au Canada ?",
        provincialNomination: "Avez-vous une nomination d'une province ou d'un territoire ?",
        siblingInCanada: "Avez-vous (vous ou votre époux ou conjoint) un frère ou une sœur au Canada qui est citoyen ou résident permanent ?",
        certificateOfQualification: "Avez-vous un certificat de compétence canadien dans un métier ?",
        arrangedEmployment: "Avez-vous une offre d'emploi valide au Canada, et est-ce un poste de cadre supérieur ?",
      },
      assume: {
        spouseCanadian: "votre époux ou conjoint de fait n'est ni citoyen canadien ni résident permanent",
        canadianExperienceYears: "aucune expérience de travail au Canada",
        foreignExperienceYears: "aucune expérience de travail à l'étranger",
        secondLanguage: "aucune deuxième langue officielle",
        canadianEducation: "aucunes études postsecondaires au Canada",
        spouseEducation: "les études de votre époux ou conjoint ne donnent aucun point",
        spouseLanguage: "votre époux ou conjoint n'a aucun résultat de test de langue",
        spouseCanadianExperienceYears: "votre époux ou conjoint n'a aucune expérience de travail au Canada",
        provincialNomination: "aucune nomination provinciale",
        siblingInCanada: "aucun frère ni sœur au Canada",
        certificateOfQualification: "aucun certificat de compétence",
        arrangedEmployment: "aucune offre d'emploi",
      },
      needed: (question) => `il manque : ${question}`,
    },
    validate: {
      testNotNumber: (test, ability) => `le résultat ${test} en ${ABILITY_FR[ability]} doit être un nombre`,
      testRange: (test, ability, min, max, step) =>
        `le résultat ${test} en ${ABILITY_FR[ability]} doit être compris entre ${formatNumber(min)} et ${formatNumber(max)}, ${step === 1 ? "en nombre entier" : `par tranches de ${formatNumber(step)}`}`,
      levelRange: (scale, ability, min, max) => `le niveau ${scale} en ${ABILITY_FR[ability]} doit être un nombre entier de ${min} à ${max}`,
      yearsNegative: (label) => `${label} : le nombre d'années doit être zéro ou plus`,
      yearsTooMany: (value, label, most, since) => `${label} : ${formatNumber(value)} ans, c'est plus que les ${most} ans ${since}`,
      sinceAge: (from) => `écoulés depuis l'âge de ${from} ans`,
      betweenAges: (from, to) => `entre ${from} et ${to} ans`,
      ageRange: (min, max) => `l'âge doit être compris entre ${min} et ${max} ans`,
      ageWhole: "l'âge doit être un nombre entier d'années",
      educationKeys: (keys) => `le niveau de scolarité doit être l'un de ceux-ci : ${keys.join(", ")}`,
      secondSameLanguage: "la deuxième langue officielle doit être l'autre des deux langues, anglais ou français",
      experienceTogether: (sum, most, since) => `l'expérience de travail au Canada et à l'étranger réunie (${formatNumber(sum)} ans) dépasse les ${most} ans ${since}`,
      spouseEducationKeys: (keys) => `le niveau de scolarité de l'époux ou conjoint doit être l'un de ceux-ci : ${keys.join(", ")}`,
      labels: { canadian: "expérience de travail au Canada", foreign: "expérience de travail à l'étranger", spouseCanadian: "expérience de travail au Canada de l'époux ou conjoint" },
    },
    language: {
      note: (test, scale, rule, _verified, status) =>
        `résultats ${test} convertis en niveaux ${scale} avec ${rule ? "la règle" : "le tableau"} de la grille (${frStatus(status)})`,
      missing: (test, scale, since) =>
        `les résultats ${test} ne peuvent pas être convertis : le tableau des niveaux ${scale} ${since ? `pour les tests passés depuis le ${frDate(since)}` : "en usage"} manque dans la grille de points. Pouvez-vous plutôt indiquer votre niveau ${scale} pour chaque compétence (compréhension de l'écrit, expression écrite, compréhension de l'oral, expression orale) ?`,
    },
    points: {
      age: (age, band) => `${age} ans${band ? ` (la ligne « ${band} » de la grille)` : ""}`,
      ageBand: (label) => `${frenchBand(label)} ans`,
      split: (label, single, spouse) => `${label} : ${single} sans époux ni conjoint, ${spouse} avec époux ou conjoint`,
      column: (label, points, partner) => `${label} : ${points} ${partner ? "avec un époux ou conjoint qui vous accompagne" : "pour un candidat seul (ou dont l'époux ou conjoint ne l'accompagne pas)"}`,
      list: frList,
      ageLoss: (single, spouse, to, from) => ` : à ${to} ans, ${single} points de moins qu'à ${from} ans sans époux ni conjoint (${spouse} de moins avec époux ou conjoint)`,
      history: (points, from, to) => `${points} ${to ? `du ${frDate(from)} au ${frDate(to)}` : `à partir du ${frDate(from)}`}`,
      factorHistory: (factor, history) => `${factor} : ${history.join(", ")}`,
      disputedStart: (factor, starts, from) => `${factor} : une source donne ${starts.map(frDate).join(", ")} plutôt que le ${frDate(from)} comme date de début`,
      since: (factor, from) => `${factor} (depuis le ${frDate(from)})`,
      notInForce: (factor, date) => `${factor} (pas en vigueur le ${frDate(date)})`,
      educationAsSpouse: (name) => `${name}, comme études de l'époux ou conjoint`,
      partnerEducation: (name, points) => `${points} : ${name}, comme études de votre époux ou conjoint, s'il vous accompagne au Canada (vos propres études sont alors comptées au taux avec époux ou conjoint)`,
      educationNote: "les études donnent aussi des points de transférabilité des compétences, combinées à la langue ou à l'expérience de travail au Canada",
      badLevel: (keys) => `le niveau doit être l'un de ceux-ci : ${keys.join(", ")}`,
      inAbility: (a) => `en ${ABILITY_FR[a]}`,
      perAbility: "par compétence",
      firstRow: (label, each) => `première langue officielle, ${frenchBand(label)}, ${each}`,
      secondRow: (label, each) => `deuxième langue officielle, ${frenchBand(label)}, ${each}`,
      spouseRow: (label, each) => `langue de l'époux ou conjoint, ${frenchBand(label)}, ${each}`,
      languageSummary: (level, each, single, spouse) => `CLB ou NCLC ${level} ${each} : ${single} sans époux ni conjoint, ${spouse} avec époux ou conjoint (première langue officielle)`,
      secondLevelsSummary: (levels, single, spouse, maxSingle, maxSpouse) => `${single} sans époux ni conjoint, ${spouse} avec époux ou conjoint, pour une deuxième langue officielle aux niveaux ${levels.map(([a, v]) => `${v} en ${ABILITY_FR[a]}`).join(", ")} (une deuxième langue donne au plus ${maxSingle} sans époux ni conjoint, ${maxSpouse} avec époux ou conjoint)`,
      languageLevelsSummary: (levels, single, spouse, test) => `${single} sans époux ni conjoint, ${spouse} avec époux ou conjoint, pour une première langue officielle aux niveaux ${levels.map(([a, v]) => `${v} en ${ABILITY_FR[a]}`).join(", ")}${test ? ` (vos résultats ${test} lus comme ces niveaux)` : ""}`,
      languageNote: (single, spouse) => `les quatre compétences sont notées séparément, jusqu'à ${single} points au total sans époux ni conjoint, ou ${spouse} avec époux ou conjoint`,
      canadianRow: (label) => `expérience de travail au Canada : ${frenchBand(label)}`,
      spouseCanadianRow: (label) => `expérience de travail au Canada de l'époux ou conjoint : ${frenchBand(label)}`,
      canadianSummary: (years, single, spouse) => `${frYears(years)} d'expérience de travail au Canada : ${single} sans époux ni conjoint, ${spouse} avec époux ou conjoint`,
      transferForeignLanguage: (row, clb, points, cap) => `${points} : points de transférabilité des compétences pour l'expérience de travail à l'étranger (${row}) avec un NCLC ou CLB ${clb} dans la première langue officielle (la plus faible des quatre compétences compte) ; l'expérience à l'étranger en donne au plus ${cap}`,
      transferForeignCanadian: (row, years, points, cap) => `${points} : points de transférabilité des compétences pour l'expérience de travail à l'étranger (${row}) avec ${years} an${years === 1 ? "" : "s"} d'expérience de travail au Canada ; l'expérience à l'étranger en donne au plus ${cap}`,
      transferCertificate: (clb, points, cap) => `${points} : points de transférabilité des compétences pour un certificat de compétence avec un NCLC ou CLB ${clb} dans la première langue officielle (la plus faible des quatre compétences compte) ; au plus ${cap}`,
      yearsBand: (min, max) => (max === null ? `${min} ans ou plus` : max === min ? `${min} an${min === 1 ? "" : "s"}` : max === min + 1 ? `${min} ou ${max} ans` : `${min} à ${max} ans`),
      levelColumn: (min, next) => (next === null ? `NCLC ou CLB ${min} ou plus aux quatre compétences` : `NCLC ou CLB ${min} ou plus aux quatre compétences, au moins une sous ${next}`),
      canadianColumn: (min, next) => (next === null ? `${min} an${min === 1 ? "" : "s"} ou plus d'expérience de travail au Canada` : `${min} an${min === 1 ? "" : "s"} d'expérience de travail au Canada`),
      transferForeignAlone: (row, cap) => `0 à elle seule : l'expérience de travail à l'étranger (${row}) ne donne aucun point de base ; avec un niveau de langue ou de l'expérience de travail au Canada, elle donne des points de transférabilité des compétences, au plus ${cap}`,
      transferCertificateRows: (cap) => `Un certificat de compétence donne des points de transférabilité des compétences selon le niveau le plus faible de la première langue officielle, au plus ${cap}`,
      maximumSummary: (total) => `${formatNumber(total)} : le nombre maximal de points du SCG qu'un candidat peut avoir`,
      frenchBelowLevel: (nclc, min) => `0 : le français au NCLC ${nclc} ne donne aucun point supplémentaire ; ils commencent au NCLC ${min} dans les quatre compétences`,
      maximumPart: (part, value, withPartner, total) => `${value}${withPartner !== null ? ` sans époux ni conjoint (${withPartner} avec époux ou conjoint)` : ""} : le maximum de points pour ${/^(?:l'|la |les )/.test(part) ? part : `les ${part}`}, sur les ${formatNumber(total)} qu'un candidat peut avoir en tout`,
      maximumRows: { core: "facteurs de base liés au capital humain", spouse: "facteurs liés à l'époux ou au conjoint de fait", transferability: "facteurs de transférabilité des compétences", additional: "points supplémentaires" },
      maximumFactors: { age: "l'âge", education: "les études", "first-language": "la première langue officielle (les quatre compétences)", "second-language": "la deuxième langue officielle (les quatre compétences)", "canadian-experience": "l'expérience de travail au Canada" },
      canadianNote: () => null,
      item: (label, points) => `${label} : ${points}`,
      formerFor: (points, offer) => `${points} pour ${offer}`,
      offerRemoved: (removed, former) => `Non : une offre d'emploi (emploi réservé) ne donne plus de points du SCG depuis le ${frDate(removed)} ; avant, elle donnait ${former.join(" et ")}`,
      offerInForce: (date, rows, removed) =>
        `Oui, le ${frDate(date)} : ${rows.map(([p, label]) => `${p} pour ${label}`).join(" ; ")}${removed ? ` ; ces points ont été retirés le ${frDate(removed)}` : ""}`,
      badDate: "la date doit être une vraie date, écrite AAAA-MM-JJ",
    },
    args: {
      wholeNumber: (flag, text) => `--${flag} doit être un nombre entier, et non « ${text} »`,
      years: (flag, text) => `--${flag} doit être un nombre d'années, et non « ${text} »`,
      notNumber: (flag, part) => `--${flag} : « ${part} » n'est pas un nombre`,
      oneOrFour: (flag) => `--${flag} demande une valeur ou quatre, dans l'ordre compréhension de l'oral, de l'écrit, expression écrite, orale (ou l8,r7,w7,s7)`,
      eachOnce: (flag) => `--${flag} : r, w, l et s doivent chacun apparaître une fois`,
      educationAmbiguous: (text, matches) => `« ${text} » peut être ${matches.join(" ou ")}`,
      educationUnknown: (text) => `niveau inconnu « ${text} »`,
      educationHint: (flag, hint, keys) => `--${flag} : ${hint} ; utilisez l'un de ceux-ci : ${keys.join(", ")}`,
      onlyOne: (flags) => `donnez une seule de ces options : ${flags.join(", ")}`,
      secondTestLanguage: (test, testLanguage, language) =>
        `--second-${test} est un test ${testLanguage === "french" ? "de français" : "d'anglais"}, mais la deuxième langue doit être ${language === "french" ? "le français" : "l'anglais"}`,
      unknownOption: (name, known) => `option inconnue ${name} ; options connues : ${known.join(" ")}`,
      needsValue: (name) => `${name ?? "une option"} demande une valeur`,
      unexpected: (arg) => `argument inattendu : ${arg}`.trim(),
      marital: (value) => `--marital doit être single, married ou common-law, et non « ${value} »`,
      languageValue: (value) => `--language doit être english ou french, et non « ${value} »`,
      clbOrNclc: "donnez --clb ou --nclc, pas les deux",
      overrideWithTest: (ability, scale, test) => `--${ability} fixe un niveau ${scale} ; on ne peut pas le combiner avec --${test}`,
      allAbilities: (flag) => `donnez --${flag} ou bien --reading, --writing, --listening et --speaking`,
      spouseNeedsMarried: (flag) => `--${flag} demande --marital married ou --marital common-law`,
      jobOfferBoth: "donnez --job-offer ou --job-offer-senior, pas les deux",
      canadianEducation: (value) => `--canadian-education doit être 1-2, 3+ ou none, et non « ${value} »`,
      date: (value) => `--date doit être une date écrite AAAA-MM-JJ, et non « ${value} »`,
      missing: (flags) => `il manque ${flags.join(", ")}`,
      flags: { firstLanguage: "--clb (ou --ielts, --celpip, --pte, --tcf)" },
    },
    skill: {
      summary: "votre score du SCG à partir de votre profil, expliqué facteur par facteur, et les points d'un facteur",
      examples: ["quel est mon SCG ?", "j'ai 29 ans, célibataire, maîtrise, IELTS 8 7 7 7, 3 ans d'expérience à l'étranger : mon score SCG ?", "combien de points pour une maîtrise ?"],
      checkTitle: "Vérifiez ces valeurs",
      cannotCompute: (problems) => `Je ne peux pas calculer de score avec ces valeurs : ${problems.join(" ; ")}. Corrigez-les et demandez-moi à nouveau.`,
      youGave: (value) => ` (vous avez indiqué ${typeof value === "number" ? formatNumber(value) : value})`,
      scoreTitle: "Votre score du SCG",
      intro: "Je peux calculer votre score du SCG à partir de la grille officielle. ",
      skipHint: (assume) => ` (répondez « passer » et je supposerai : ${assume})`,
      skip: "passer",
      stillNeed: (fields) => `Il me manque encore : ${fields.join(", ")}.`,
      totalTitle: (total) => `Score du SCG : ${formatNumber(total)}`,
      lead: (total, date, whatIf, before) =>
        `${formatNumber(total)} : votre score du SCG selon la grille en vigueur le ${date}${whatIf ? ", avec ce changement" : ""}${whatIf && before !== undefined && before !== total ? ` (${plural(Math.abs(total - before), "point")} de ${total > before ? "plus" : "moins"})` : ""}.`,
      cap: (cap, limit, before) => `${cap} : ${before} points ramenés au plafond de ${limit}`,
      caps: (caps) => `${caps.join(" ; ")}.`,
      assumed: (list) => `J'ai supposé : ${list}.`,
      sentence: (note) => `${capital(note)}${/[.!?]$/.test(note) ? "" : "."}`,
      readAs: (label, values) => `${label} ${values.join(" ")} lu dans l'ordre : compréhension de l'oral, compréhension de l'écrit, expression écrite, expression orale`,
      readAsForeign: (years) => `${formatNumber(years)} ${Math.abs(years) < 2 ? "an" : "ans"} d'expérience de travail compté${Math.abs(years) < 2 ? "" : "s"} comme expérience à l'étranger`,
      partnerComing: "votre conjoint compté comme vous accompagnant au Canada, puisque vous avez donné ses études ou sa langue : dites-le s'il ne vient pas",
      rows: {
        age: "Âge",
        education: "Niveau de scolarité",
        firstLanguage: "Première langue officielle",
        secondLanguage: "Deuxième langue officielle",
        canadianExperience: "Expérience de travail au Canada",
        spouse: "Époux ou conjoint de fait",
        transferability: "Transférabilité des compétences",
        additional: "Points supplémentaires",
      },
      line: (name, points, explanation) => `${name} : ${points} (${explanation})`,
      subtotalLine: (name, points) => `${name} : ${points}`,
      fields: { total: "Total", core: "Facteurs de base", transferability: "Transférabilité", additional: "Points supplémentaires" },
      whatIfSuggestions: ["et si j'obtiens CLB 10 ?", "et si mon conjoint vient avec moi ?"],
      pointsTitle: "Points du SCG",
      cannotAnswer: (message) => `Je ne peux pas répondre à cela avec la grille : ${message}`,
      yes: "Oui",
      no: "Non",
      pointsText: (lead, summary, notes, date, status) =>
        [`${lead ? `${lead}. ` : ""}${frSentence(summary)}`, ...notes.map(frSentence), `Grille du SCG en vigueur le ${date}${status ? ` ; ce tableau : ${frStatus(status)}` : ""}.`].join(" "),
      pointsRow: (label, points) => `${label} : ${points}`,
      pointsSplit: (label, single, spouse) => `${label} : ${single} sans époux ni conjoint, ${spouse} avec époux ou conjoint`,
      added: (score, what, points, total, max, capped) => `${formatNumber(total)} : ${formatNumber(score)} plus ${points} pour ${what}${capped ? `, ramené au maximum du SCG de ${formatNumber(max)}` : ""}`,
      addWhat: { nomination: "une nomination provinciale", sibling: "un frère ou une sœur au Canada" },
      figure: (n) => formatNumber(n),
      equivalencyAndTitle: (test) => `${test} et niveaux CLB`,
      cannotConvert: (test, reason) => `Je ne peux pas convertir les résultats ${test} : ${reason}. Indiquez plutôt vos niveaux CLB ou NCLC.`,
      noTable: "la grille n'a pas de tableau pour ce test",
      range: (a, min, max) => `${max !== null && max !== min ? `de ${formatNumber(min)} à ${formatNumber(max)}` : formatNumber(min)} en ${ABILITY_FR[a]}`,
      noRow: (a, level) => `aucune ligne pour le niveau ${level} en ${ABILITY_FR[a]}`,
      marked: (status) => ` Ce tableau est ${frStatus(status)}.`,
      equivalencyTitle: (test, level, scale) => `${test} pour ${scale} ${level}`,
      equivalencyText: (level, test, rows, status, scale) => `Le niveau ${scale} ${level} demande ces résultats ${test} : ${rows.join(" ; ")}.${status}`,
      levelsTitle: (test, scale) => `${test} en niveaux ${scale}`,
      levelRow: (a, score, scale, level) => `${formatNumber(score)} en ${ABILITY_FR[a]} : ${scale} ${level}`,
      levelsText: (test, rows, status) => `Ces résultats ${test} donnent : ${rows.join(" ; ")}.${status}`,
      fswTitle: "Grille de 67 points du PTQF",
      fswText:
        "La grille de 67 points n'est pas le SCG : c'est le critère d'admissibilité propre au Programme des travailleurs qualifiés (fédéral) (facteurs de sélection notés sur 100, dont 67 sont nécessaires pour être admissible à ce programme). Elle ne fait pas partie de mes données, je ne peux donc pas la calculer. Le SCG classe chaque candidat d'Entrée express sur 1\u00a0200 ; celui-là, je peux le calculer (« quel est mon SCG ? »).",
    },
    command: {
      name: "scg",
      description: "Calculer un score du SCG à partir des principaux facteurs",
      options: {
        age: { name: "âge", description: "Votre âge" },
        education: { name: "études", description: "Plus haut niveau de scolarité, p. ex. maîtrise, baccalauréat, DEC 2 ans" },
        clb: { name: "clb", description: "Niveau CLB en anglais, le même aux quatre compétences (ou utilisez ielts)" },
        ielts: { name: "ielts", description: "Résultats IELTS : compréhension de l'oral, de l'écrit, expression écrite, orale, p. ex. 8 7 7 7" },
        partner: { name: "conjoint", description: "Marié ou en union de fait : conjoint vient, ne-vient-pas, ou aucun" },
        "canadian-years": { name: "années-canada", description: "Années de travail qualifié au Canada" },
        "foreign-years": { name: "années-étranger", description: "Années de travail qualifié à l'étranger" },
        nomination: { name: "nomination", description: "Une nomination provinciale" },
        details: { name: "détails", description: "Autre chose dans vos mots, p. ex. frère au Canada, NCLC 7 en français" },
      },
    },
  },
};
