import { calculateCrs, type CrsBreakdown } from "../crs/calculate.js";
import { ABILITIES, CRS_SOURCE_ID, TEST_LANGUAGE, type Ability, type TestName } from "../crs/grid.js";
import { toClb } from "../crs/language.js";
import { defaultProfileLimits } from "../crs/limits.js";
import { missingFields, skipField } from "../crs/missing.js";
import { PointsQuerySchema, pointsFor, type PointsQuery } from "../crs/points.js";
import { PartialProfileSchema, type AbilityValues, type LanguageResult, type OfficialLanguage, type PartialProfile } from "../crs/profile.js";
import { languageOf } from "../crs/validate.js";
import { capital, formatDate, joinAnd } from "../core/format.js";
import type { Knowledge } from "../core/knowledge.js";
import { makeReply } from "../core/reply.js";
import { CRS_MESSAGES, type CrsMessages } from "../messages/crs.js";
import { lang, pick } from "../messages/lang.js";
import { detectLanguage } from "../nlu/language.js";
import { normalise, parseClause } from "../nlu/parse.js";
import { has, type Clause } from "../nlu/question.js";
import { landing } from "./draws/score-check.js";
import type { Match, OptionValues, Skill, SkillAnswer, SkillContext } from "./types.js";

/** What the CRS skill is asked: a score from a profile, the points of one factor, a score plus one factor, or the FSW grid (not the CRS). */
export type CrsParams =
  | { mode: "calculate"; profile: PartialProfile; readings: string[]; date?: string; whatIf: boolean; askOptional?: boolean }
  | { mode: "points"; query: PointsQuery; date?: string; yesNo?: boolean; losing?: boolean; partner?: boolean }
  | { mode: "add"; score: number; query: Extract<PointsQuery, { kind: "nomination" | "sibling" }>; date?: string }
  | { mode: "equivalency"; test: TestName; level: number }
  | { mode: "levels"; test: TestName; scores: AbilityValues; only?: Ability; /** "what is my CLB and points": the first official language's points for those levels too. */ points?: boolean }
  | { mode: "fsw67" };

// Optional facts worth asking for: they change most totals. The rest are assumed ("no provincial nomination") and said.
const ASKED = new Set(["age", "maritalStatus", "spouseAccompanying", "education", "firstLanguage", "canadianExperienceYears", "foreignExperienceYears", "spouse.education", "spouse.language", "spouse.canadianExperienceYears"]);

// The whole answer "skip" (the suggestion the bot offers), "pass", "I don't know"; in French "passer", "je passe" and
// "je ne sais pas" as the parser reads them.
const SKIP = /^(?:skip|pass|next|idk|dunno|not sure|no idea|no idee|i (?:do not|don'?t) know|i sais not|passe|passer|i passe|suivant|sauter)(?: (?:please|it|this one))?$/;

function texts(): CrsMessages["skill"] {
  return pick(CRS_MESSAGES).skill;
}

function storedProfile(context: SkillContext): PartialProfile {
  const parsed = PartialProfileSchema.safeParse(context.slots.profile ?? {});
  return parsed.success ? parsed.data : {};
}

const lowest = (r: LanguageResult): number => Math.min(...Object.values("levels" in r ? r.levels : r.scores));

/**
 * A new language result takes the place of the stored one in the same language ("what if I get CLB 10" changes the
 * English result, first or second); a result in the other language becomes the second one, or the first when it is
 * the stronger of two levels, as a candidate would choose.
 */
function mergeLanguages(base: PartialProfile, next: PartialProfile): Pick<PartialProfile, "firstLanguage" | "secondLanguage"> {
  const given = next.firstLanguage;
  if (!given || next.secondLanguage !== undefined || !base.firstLanguage) {
    return { ...(base.firstLanguage || next.firstLanguage ? { firstLanguage: next.firstLanguage ?? base.firstLanguage } : {}), ...(next.secondLanguage !== undefined || base.secondLanguage !== undefined ? { secondLanguage: next.secondLanguage !== undefined ? next.secondLanguage : base.secondLanguage } : {}) };
  }
  const language = languageOf(given);
  if (languageOf(base.firstLanguage) === language) return { firstLanguage: given, ...(base.secondLanguage !== undefined ? { secondLanguage: base.secondLanguage } : {}) };
  const first = base.firstLanguage;
  const stronger = "levels" in given && "levels" in first && lowest(given) > lowest(first);
  return stronger ? { firstLanguage: given, secondLanguage: first } : { firstLanguage: first, secondLanguage: given };
}

function merge(base: PartialProfile, next: PartialProfile): PartialProfile {
  const spouse = base.spouse || next.spouse ? { ...(base.spouse ?? {}), ...(next.spouse ?? {}) } : undefined;
  return { ...base, ...next, ...mergeLanguages(base, next), ...(spouse ? { spouse } : {}) };
}

/** "What if I had no English test": the results in that language go, the other language's become the first. */
function withoutLanguage(profile: PartialProfile, language: OfficialLanguage): PartialProfile {
  const { firstLanguage: first, secondLanguage: second } = profile;
  if (second && languageOf(second) === language) return { ...profile, secondLanguage: null };
  if (first && languageOf(first) === language && second) return { ...profile, firstLanguage: second, secondLanguage: null };
  return profile;
}

function dropped(clause: Clause): OfficialLanguage | undefined {
  // "what if my wife had no English test" speaks of the partner's results.
  if (/\b(?:wife|husband|spouse|partner)\b/.test(clause.text)) return undefined;
  const m = /\b(?:no|without|not|never|drop|remove)\b[^,;.]{0,20}?\b(english|french)\b|\b(english|french) (?:test )?(?:at all )?(?:removed|dropped)\b/.exec(clause.text);
  const which = m?.[1] ?? m?.[2];
  return which === "english" || which === "french" ? which : undefined;
}

/** An answer to the question the bot asked last, read for the field it asked about: "skip" or "none" takes what skipping assumes. */
function answerToPending(field: string, clause: Clause, base: PartialProfile, date: string): PartialProfile | undefined {
  if (SKIP.test(clause.text)) return skipField(base, field, { date }) ?? base;
  const read = readAnswer(field, clause);
  if (read) return read;
  return /^(?:no|none|nothing|n\/a|na)$/.test(clause.text) ? skipField(base, field, { date }) : undefined;
}

function readAnswer(field: string, clause: Clause): PartialProfile | undefined {
  // "married with 2 kids" answers no number question (children do not count), nor does "CLB 6".
  const n = clause.numbers.find((x) => ["plain", "age", "years"].includes(x.kind) && !new RegExp(String.raw`\b${x.value}\s+(?:kids?|children|child)\b`).test(clause.text))?.value;
  const yes = /^(?:yes|yeah|yep|y|sure|correct|she is|he is|they are|it is|of course)\b/.test(clause.text);
  const no = /^(?:no|nope|n|none|nah|not really|never|zero|0|nothing)\b/.test(clause.text) || /\bno\b/.test(clause.text) && clause.text.split(" ").length <= 3;
  switch (field) {
    case "age":
      return n !== undefined ? { age: n } : undefined;
    case "canadianExperienceYears":
      return n !== undefined ? { canadianExperienceYears: n } : no ? { canadianExperienceYears: 0 } : undefined;
    case "foreignExperienceYears":
      return n !== undefined ? { foreignExperienceYears: n } : no ? { foreignExperienceYears: 0 } : undefined;
    case "spouseAccompanying":
      return yes ? { spouseAccompanying: true } : no ? { spouseAccompanying: false } : undefined;
    case "maritalStatus":
      return no ? { maritalStatus: "single" } : yes ? { maritalStatus: "married-or-common-law" } : undefined;
    case "spouse.canadianExperienceYears":
      return n !== undefined ? { spouse: { canadianExperienceYears: n } } : no ? { spouse: { canadianExperienceYears: 0 } } : undefined;
    case "spouse.language": {
      const read = clause.profile.profile.firstLanguage as PartialProfile["firstLanguage"] | undefined;
      return read ? { spouse: { language: read } } : no ? { spouse: { language: null } } : undefined;
    }
    case "spouse.education": {
      const read = clause.profile.profile.education as string | undefined;
      return read ? { spouse: { education: read } } : undefined;
    }
    default:
      return undefined;
  }
}

// "a canadian degree", "3 year degree from a canadian college", "studied in canada".
const CANADIAN_EDUCATION = /\bcanadian (?:education|degree|diploma|study|studies|credential|college|colege|university|school|program|masters?|master's|bachelor'?s?|phd|doctorate)|\b(?:diploma|degree|credential|studies|masters?|bachelor'?s?) canadian\b|\b(?:studied|study|studies|degree|diploma|credential|program)(?: [a-z0-9'-]+){0,4} (?:in|from) (?:a )?canad(?:a|ian)\b/;

// A certificate of qualification named in a points question.
const CERTIFICATE = /\bcertificate of qualification\b|\bcoq\b|\btrade certificate\b|\bred seal\b/;

function pointsQuery(clause: Clause, profile: PartialProfile, grid: Knowledge["crsGrid"]): PointsQuery | undefined {
  const t = clause.text;
  if (/\b(?:job offers?|lmia|arranged employment)\b/.test(t)) return { kind: "arranged-employment" };
  if (/\b(?:pnp|provincial nomination|nomination|nominated)\b/.test(t) || clause.categories.includes("pnp")) return { kind: "nomination" };
  if (/\b(?:sibling|brother|sister)\b/.test(t)) return { kind: "sibling" };
  // « NCLC 10 partout en français (première langue), ça fait combien pour la langue »: the language's own points.
  const asLanguage = clause.numbers.some((n) => n.kind === "clb") && /\b(?:first|second) (?:official )?language\b|\bfor the language\b|\blanguage points\b/.test(t);
  // A level told with foreign experience or a certificate asks for skill transferability, not the French bonus.
  const certificate = CERTIFICATE.test(t);
  const transfer = (profile.foreignExperienceYears ?? 0) > 0 || certificate;
  if (!asLanguage && !transfer && (/\bfrench\b|\bnclc\b|\btef\b|\btcf\b/.test(t) || clause.categories.includes("french"))) {
    // "french bonus if nclc 7 and my english is clb 9": the one row that applies.
    const told = [profile.firstLanguage, profile.secondLanguage].filter((l): l is LanguageResult => l !== undefined && l !== null);
    const level = (language: OfficialLanguage) => lowestLevel(told.find((l) => languageOf(l) === language), grid);
    const nclc = level("french");
    const english = level("english");
    const noEnglish = /\bno english\b|\bwithout (?:an )?english\b/.test(t);
    return { kind: "french", ...(nclc !== undefined ? { nclc } : {}), ...(english !== undefined ? { englishClb: english } : noEnglish ? { englishClb: null } : {}) };
  }
  // "a 3-year DEC in Quebec, does that give extra points": a credential earned in Canada.
  const earnedHere = /\b(?:dec|aec|dep|diploma|degree|bachelor'?s?|masters|phd|studies|credential)\b[^,.;?]{0,30} in (?:canada|quebec|ontario|alberta|manitoba|saskatchewan|nova scotia|new brunswick|british columbia|newfoundland|prince edward island)\b/.test(t);
  if (CANADIAN_EDUCATION.test(t) || earnedHere) {
    // "3 yr degree from canada", "a 2-year diploma in canada", "masters in canada" (a master's counts as 3 years or more).
    const told = /\b(\d)[- ]?(?:years?|yrs?)\b/.exec(t)?.[1];
    const years = told !== undefined ? Number(told) : /\b(?:masters?|master's|phd|doctorate|doctoral|bachelor'?s?|4 year)\b/.test(t) ? 3 : undefined;
    return { kind: "canadian-education", ...(years !== undefined && years > 0 ? { years } : {}) };
  }
  // "at 30", "turning 31"; "à 30 ans" reads "a 30 years", « pour 31 ans célibataire » "for 31 years single".
  const ageWords = /\b(?:age|old|turn|turning|birthday|at \d|a \d\d years?\b|will have \d\d years?\b|for \d\d years?,? (?:single|married)\b|for \d\d years?\??$)/.test(t);
  const ages = clause.numbers.filter((n) => n.kind === "age" || ((n.kind === "plain" || n.kind === "years" && ageWords) && n.value >= 17 && n.value <= 50 && ageWords)).map((n) => n.value);
  if (ages.length > 0 || /\bage\b|\bbirthday\b|\bolder\b/.test(t)) {
    const [a] = ages;
    return { kind: "age", ...(a !== undefined ? { ages: has(clause, "lose") && ages.length === 1 ? [a - 1, a] : ages } : {}) };
  }
  // "3+ yrs foreign exp with clb 9", "a certificate of qualification and clb 7 all": one skill transferability cell.
  const told = clause.numbers.find((n) => n.kind === "clb")?.value ?? lowestLevel(profile.firstLanguage, grid);
  const atLevel = told !== undefined ? { clb: told } : {};
  if (certificate) return { kind: "transferability", with: "certificate", ...atLevel };
  const foreign = profile.foreignExperienceYears;
  if (foreign !== undefined && foreign > 0 && !profile.education) {
    const canadian = profile.canadianExperienceYears;
    if (told === undefined && canadian !== undefined && canadian > 0) return { kind: "transferability", with: "foreign-canadian", years: foreign, canadianYears: canadian };
    return { kind: "transferability", with: "foreign-language", years: foreign, ...atLevel };
  }
  if (profile.education) return { kind: "education", level: profile.education };
  // "how many points if my spouse has a masters": the partner's education.
  if (profile.spouse?.education && profile.firstLanguage === undefined) return { kind: "education", level: profile.spouse.education, partner: true };
  const clb = clause.numbers.find((n) => n.kind === "clb");
  if (clb) {
    const ability = /\b(reading|writing|listening|speaking)\b/.exec(t)?.[1] as "reading" | "writing" | "listening" | "speaking" | undefined;
    // "clb 9 all four, how much for english": the four abilities together.
    const all = !ability && /\b(?:all (?:four|4)|in all|each|every (?:band|ability|skill)|all (?:bands|abilities|skills)|4 abilities)\b/.test(t);
    const second = /\bsecond (?:official )?language\b/.test(t);
    return { kind: "language", level: clb.value, ...(ability ? { ability } : {}), ...(all || second ? { levels: { reading: clb.value, writing: clb.value, listening: clb.value, speaking: clb.value } } : {}), ...(second ? { second } : {}) };
  }
  // "CELPIP 10 in all, how many points for English?": a test's scores, the same level in every ability.
  const first = profile.firstLanguage;
  if (first && "test" in first) {
    const converted = toClb(first.test, first.scores, { grid });
    const levels = converted.ok ? ABILITIES.map((a) => converted.value.levels[a]) : [];
    const [level] = levels;
    if (level !== undefined && levels.every((l) => l === level)) return { kind: "language", level };
    // "ielts 7 in all 4": levels that differ by ability (CLB 9, 9, 7, 9), summed.
    if (converted.ok && levels.length === 4) return { kind: "language", level: Math.min(...levels), levels: converted.value.levels, test: first.test.toUpperCase() };
  }
  const years = clause.numbers.find((n) => n.kind === "years");
  if (years && /\bcanadian|in canada\b/.test(t)) return { kind: "canadian-experience", years: years.value };
  return undefined;
}

// The lowest level of a first language told as levels or as a test's scores.
function lowestLevel(first: LanguageResult | null | undefined, grid: Knowledge["crsGrid"]): number | undefined {
  if (!first) return undefined;
  const levels = "test" in first ? (() => { const c = toClb(first.test, first.scores, { grid }); return c.ok ? c.value.levels : undefined; })() : first.levels;
  return levels ? Math.min(...ABILITIES.map((a) => levels[a])) : undefined;
}

// "points for age 38 if my wife comes with me": whether the partner's column applies, when the clause says.
function partnerCounts(p: PartialProfile): boolean | undefined {
  if (p.spouseAccompanying === true && p.spouseCanadian !== true) return true;
  if (p.maritalStatus === "single" || p.spouseAccompanying === false || p.spouseCanadian === true) return false;
  return undefined;
}

type CoreFactor = NonNullable<Extract<PointsQuery, { kind: "maximum" }>["factor"]>;

// The core factor a question asks the maximum of; none when it asks of a part (transferability, the partner's).
function factorMaximum(t: string): CoreFactor | undefined {
  if (!/\b(?:max(?:imum)?|most|cap(?:ped)?|top)\b/.test(t) || /\b(?:transferab\w*|spouse|partner|additional|cut-?offs?|draws?|rounds?)\b/.test(t)) return undefined;
  if (!/\b(?:points?|pts|score|crs|get|give|gives)\b|\bmax(?:imum)? (?:for|of|in|on)\b/.test(t)) return undefined;
  if (/\b(?:second|2nd) (?:official )?language\b/.test(t)) return "second-language";
  if (/\b(?:first|1st) (?:official )?language\b|\blanguage\b/.test(t)) return "first-language";
  if (/\bcanadian (?:work )?experience\b|\bwork experience in canada\b|\bcanadian work\b/.test(t)) return "canadian-experience";
  if (/\bage\b/.test(t)) return "age";
  if (/\b(?:education|studies|degree)\b/.test(t)) return "education";
  return undefined;
}

// "I have 450, with a provincial nomination how much would it be?": a score given plus one factor's points, asked as an amount.
function addedFactor(clause: Clause): Extract<CrsParams, { mode: "add" }>["query"] | undefined {
  const t = clause.text;
  if (!(has(clause, "howMany") || /\b(?:goes up|go up|become|becomes|new score|total|would (?:it|that|my (?:score|crs|total|points)) be|do i get to)\b/.test(t))) return undefined;
  if (/\b(?:invited|enough|chances?|ita|qualify|luck|cut-?offs?|draws?|rounds?)\b/.test(t)) return undefined;
  if (/\b(?:pnp|provincial nomination|nomination|nominated)\b/.test(t)) return { kind: "nomination" };
  if (/\b(?:sibling|brother|sister)\b/.test(t)) return { kind: "sibling" };
  return undefined;
}

function readCrs(clause: Clause, context: SkillContext): Match<CrsParams> | null {
  const { slots } = context;
  // Validated only when the clause holds profile facts: most clauses hold none.
  const read = clause.profile.facts > 0 ? PartialProfileSchema.safeParse(clause.profile.profile) : undefined;
  const fromClause: PartialProfile = read?.success ? read.data : {};
  // "DEC 3 ans" (a Quebec college diploma of three years) reads like "Dec 3": a date followed by years is a length.
  const when = clause.dates.find((d) => !new RegExp(String.raw`${d.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\s*(?:years?|yrs?)\b`).test(clause.text));
  const date = when?.iso ?? (clause.period?.kind === "year" ? clause.period.to : /\bbefore (?:march|mar) 2025\b/.test(clause.text) ? "2025-03-24" : undefined);
  const dated = date ? { date } : {};
  if (has(clause, "fsw67")) return { score: 0.92, params: { mode: "fsw67" } };
  const inCrs = slots.skill === "crs" && slots.profile !== undefined;
  // The reply to the question asked last ("How old are you?" → "29").
  if (inCrs && slots.pending) {
    const stored = storedProfile(context);
    // An answer about the partner ("CLB 7") is the partner's, not a change of the candidate's own facts.
    const own = slots.pending.startsWith("spouse.") ? stored : merge(stored, fromClause);
    const answer = answerToPending(slots.pending, clause, own, date ?? context.now.toISOString().slice(0, 10)) ?? (clause.profile.facts > 0 ? fromClause : undefined);
    if (answer) return { score: 0.93, fromState: true, params: { mode: "calculate", profile: merge(own, answer), readings: clause.profile.readings, ...dated, whatIf: false, askOptional: true } };
  }
  // "IELTS scores for CLB 10?": the test's scores for a level, from the grid's equivalency table.
  const test = /\b(ielts|celpip|pte|tcf|tef)\b/.exec(clause.text)?.[1] as TestName | undefined;
  const level = clause.numbers.find((n) => n.kind === "clb")?.value;
  // "what if I take IELTS and get CLB 5" after a score: a change to the profile, not the table.
  const changing = inCrs && has(clause, "whatIf");
  const adding = inCrs && clause.profile.facts > 0 && /\b(?:that|it|this) adds?\b|\bhow (?:much|many)(?: points?)? (?:does|would|will|do) (?:that|it|this|they) add\b|\badds? how (?:much|many)\b/.test(clause.text);
  if (test && level !== undefined && clause.profile.facts <= 1 && !changing && /\b(?:for|equal|equivalent|need|needed|required|get|mean|means|is|in)\b|=|\bwhat (?:scores?|bands?)\b/.test(clause.text)) {
    return { score: 0.9, params: { mode: "equivalency", test, level } };
  }
  // "ielts 6.5 all bands what clb is that", "pte core writing 79 which clb": a test's scores as levels.
  const toLevel = test && level === undefined && /\b(?:which|what|wat)(?: is| are| would be| will be)?(?: my| the| our)? (?:clb|nclc)s?\b|\b(?:which|what|wat|in|to|into|as|equals?|=) (?:(?:clb|nclc) |(?:the )?(?:clb|nclc) level|level)\b|\b(?:clb|nclc) (?:is (?:that|it|this)|equivalent|level\??$)|\b(?:clb|nclc)\??$|\b(?:convert|conversion)\b/.test(clause.text);
  if (test && toLevel) {
    const read = fromClause.firstLanguage;
    // "tcf canada 500 in reading": one ability's score, named after it.
    const one = /\b(?:ielts|celpip|pte|tef|tcf)\b(?: (?:core|canada|general|gt|academic))? ?(listening|reading|writing|speaking)? ?(\d{1,3}(?:\.\d)?)\b(?: (?:in|for|on) (listening|reading|writing|speaking)\b)?/.exec(clause.text);
    // "450 on the tef in listening", « 450 au TEF en compréhension orale »: the score before the test.
    const before = one ? undefined : /\b(\d{1,3}(?:\.\d)?) (?:in|on|at|for) (?:the |my )?(?:ielts|celpip|pte|tef|tcf)\b(?: (?:core|canada|general))?(?:(?: in| for| on)? (listening|reading|writing|speaking)\b)?/.exec(clause.text);
    const ability = one?.[1] ?? one?.[3] ?? before?.[2];
    if (read && "test" in read && read.test === test && !ability) return { score: 0.9, params: { mode: "levels", test, scores: read.scores, ...(has(clause, "points") ? { points: true } : {}) } };
    const given = one?.[2] ?? before?.[1];
    if (given) {
      const v = Number(given);
      return { score: 0.9, params: { mode: "levels", test, scores: { listening: v, reading: v, writing: v, speaking: v }, ...(ability ? { only: ability as Ability } : {}) } };
    }
  }
  // "what if my score was 545": a score given is a score to check, not a profile to compute.
  const givenScore = clause.numbers.find((n) => n.kind === "crs");
  // "pts for age 31" then "and at 32?" (that factor for another value) or "and if I'm married?" (the same again,
  // where both columns are given).
  const lastQuery = slots.skill === "crs-points" ? PointsQuerySchema.safeParse(slots.profile?.query) : undefined;
  if (lastQuery?.success && clause.followUp && !givenScore && clause.codes.length + clause.rounds.length === 0) {
    const next = pointsQuery(clause, fromClause, context.knowledge.crsGrid);
    const same = !next && (fromClause.maritalStatus !== undefined || fromClause.spouseAccompanying !== undefined || /\b(?:single|married|spouse|wife|husband|partner)\b/.test(clause.text));
    // "and for a sibling in canada" after the points of a nomination: another factor's points.
    if (next && (next.kind === lastQuery.data.kind || !(lastQuery.data.kind === "french" && next.kind === "language"))) return { score: 0.88, fromState: true, params: { mode: "points", query: next, ...dated, ...(has(clause, "yesNo") ? { yesNo: true } : {}) } };
    // "and if my english is only clb 4" after the French points: the same French level, that English level.
    if (lastQuery.data.kind === "french" && next?.kind === "language" && !/\bfrench\b|\bnclc\b/.test(clause.text)) {
      return { score: 0.88, fromState: true, params: { mode: "points", query: { ...lastQuery.data, englishClb: next.level }, ...dated } };
    }
    // "and if im married and my wife comes": the column the partner's coming says, as a first question's would be.
    const partner = partnerCounts(fromClause);
    if (same) return { score: 0.88, fromState: true, params: { mode: "points", query: lastQuery.data, ...dated, ...(partner !== undefined ? { partner } : {}) } };
  }
  const added = givenScore ? addedFactor(clause) : undefined;
  if (givenScore && added) return { score: 0.93, params: { mode: "add", score: givenScore.value, query: added, ...dated } };
  // "max points for the second official language", "most you can get for age": one core factor's maximum.
  const factorMax = clause.numbers.length === 0 && !givenScore ? factorMaximum(clause.text) : undefined;
  if (factorMax) return { score: 0.92, params: { mode: "points", query: { kind: "maximum", factor: factorMax }, ...dated, yesNo: false } };
  const canadianEducation = CANADIAN_EDUCATION.test(clause.text);
  const factor = /\b(?:job offers?|lmia|arranged employment|sibling|brother|sister|pnp|nomination|french)\b/.test(clause.text) || canadianEducation;
  // « CLB 8 partout, ça donne combien »: a level and "how many does that give" ask its points.
  const levelWorth = clause.numbers.some((n) => n.kind === "clb") && has(clause, "howMany") && /\b(?:give|gives|worth|is that|for the language|for language|for english|for french)\b/.test(clause.text);
  // "education pts?", "language points" said of one factor.
  // "whats the age points if i'm 32 and single", "3 yrs canadian work exp gives how much crs": one factor's points asked.
  const factorPoints = has(clause, "points") && /\b(?:education|language|age|experience|spouse|partner|sibling|french|bonus) (?:pts|points)\??$|^(?:the )?(?:education|language|age|experience|spouse|partner|sibling|french|bonus) (?:pts|points)\b/.test(clause.text)
    || /\b(?:what(?:'s|s| is| are)?|how (?:much|many)) (?:are |is )?(?:the |my )?(?:education|language|age|experience|canadian (?:work )?(?:experience|exp)|work (?:experience|exp)|spouse|partner|sibling|french|bonus|transferability) (?:pts|points)\b/.test(clause.text)
    || /\b(?:gives?|get|worth)\b[^?]{0,10}\bhow (?:much|many)(?: crs| points?| pts)?\b/.test(clause.text) && clause.profile.facts <= 2;
  // "do i need a job offer for express entry", "job offer is compulsory or not": what it counts for, first the CRS.
  const offerNeeded = /\b(?:need|needs|required?|compulsory|mandatory|must have|necessary|a must)\b[^?]{0,30}\b(?:job offers?|lmia|arranged employment)\b|\b(?:job offers?|lmia|arranged employment)\b[^?]{0,30}\b(?:required|compulsory|mandatory|necessary|a must|needed|must)\b/.test(clause.text) && !has(clause, "visa") && !/\bwork permits?\b|\bpnp\b|\bprovincial\b/.test(clause.text);
  const askingPoints = levelWorth || factorPoints || offerNeeded || ((has(clause, "points") || has(clause, "lose")) && (has(clause, "howMany") || /\b(?:give|get|worth|still|count|lose|for)\b|^(?:\w+ ){1,2}points? only\b/.test(clause.text) || clause.text.split(" ").length <= 5))
    || (factor && /\b(?:worth|give|gives|count|counts|points?|pts|bonus|extra|adds?)\b|\bhow (?:much|many)(?: points?)? (?:do|does|would|will|can) (?:i|you|one|we) get\b/.test(clause.text))
    // « une maîtrise ça vaut combien »: "a masters is that worth how many".
    || (has(clause, "howMany") && /\bworth\b/.test(clause.text) && clause.profile.facts <= 3 && !has(clause, "draw"))
    || (canadianEducation && /\bhow much\b/.test(clause.text) && !has(clause, "draw") && !has(clause, "invitations"));
  // "points for a PhD if my husband comes with me": the partner says which column, not a profile to compute.
  const told = Object.keys(fromClause).filter((k) => !["maritalStatus", "spouseAccompanying", "spouseCanadian"].includes(k)).length;
  // "latest pnp draw score": a named round's score is its cut-off, not the points a factor gives.
  // "highest pnp score 2025" is about cut-offs too.
  // "max language points if i get clb 10" asks a factor's points, not the highest cut-off.
  const pointsMaximum = /\b(?:max(?:imum)?|most) (?:[a-z]+ )?(?:points?|pts)\b/.test(clause.text) && !has(clause, "draw") && !has(clause, "cutoff");
  const namedRound = clause.rounds.length > 0 || (has(clause, "draw") && (has(clause, "latest") || has(clause, "first"))) || has(clause, "highest") && !pointsMaximum || has(clause, "lowest") || has(clause, "average");
  // "what if I also get NCLC 7 on top of that" right after a score: a change to that profile, not the French bonus table.
  // "my brother is a citizen, how much does that add?" right after a score: that profile with the brother.
  if (askingPoints && !changing && !adding && !/\bmy (?:crs|score|points)\b/.test(clause.text) && told < 3 && !givenScore && !namedRound) {
    const query = pointsQuery(clause, fromClause, context.knowledge.crsGrid);
    const partner = partnerCounts(fromClause);
    if (query) return { score: 0.92, params: { mode: "points", query, ...dated, yesNo: has(clause, "yesNo"), losing: has(clause, "lose"), ...(partner !== undefined ? { partner } : {}) } };
  }
  // "what is the maximum CRS score?", « c quoi le maximum de points au crs »: the grid's total, not a round's cut-off.
  // "max for skill transferability", "maximum points for the spouse factors": the grid's maximum of a part.
  const partMaximum = /\b(?:max(?:imum)?|most|cap(?:ped)?)\b(?: (?:points?|pts))? (?:for|of|in|on|from) (?:the )?(?:skills? transferability|transferability|spouse factors|spouse|partner|additional points|core(?: human capital)?)\b|\bmax(?:imum)? (?:skills? transferability|transferability|spouse|partner|additional|core)\b|\b(?:max(?:imum)?|most)(?: (?:points?|pts))? (?:my|your|a|the) (?:spouse|partner|wife|husband) (?:can )?(?:add|get|give|bring|contribute)\b/.test(clause.text);
  const maximum = (partMaximum || /\b(?:max(?:imum)?|most)\b(?: (?:number of|possible|of))? (?:(?:crs|the crs) )?(?:points?|score|crs)\b|\b(?:crs|points?|score) (?:maximum|max)\b/.test(clause.text) && !/\bfor\b/.test(clause.text))
    && !/\b(?:cut-?offs?|invited|draws?|rounds?|ever)\b/.test(clause.text) && clause.categories.length === 0 && !clause.period && (clause.profile.facts === 0 || partMaximum && clause.profile.facts <= 2) && !givenScore;
  const part = !partMaximum ? undefined : /transferab/.test(clause.text) ? "transferability" : /spouse|partner/.test(clause.text) ? "spouse" : /additional/.test(clause.text) ? "additional" : "core";
  if (maximum && (partMaximum || pointsQuery(clause, fromClause, context.knowledge.crsGrid) === undefined)) return { score: 0.92, params: { mode: "points", query: { kind: "maximum", ...(part ? { part } : {}) }, ...dated, yesNo: false } };
  // "could you calculate the average of the cutoffs of CEC rounds": a statistic of rounds, not a CRS score.
  const ofRounds = has(clause, "average") || /\b(?:cut-?offs|rounds|draws)\b/.test(clause.text) && clause.profile.facts === 0;
  const calc = !givenScore && !ofRounds && (has(clause, "crsCalc") || (/\bmy (?:crs|score|points)\b/.test(clause.text) && !has(clause, "scoreCheck")));
  const without = slots.profile !== undefined ? dropped(clause) : undefined;
  // "without the french?" right after a score: the same profile without it.
  // "i also got a brother in canada, does that change it": a fact added to the profile just scored.
  const added2 = slots.profile !== undefined && (inCrs || slots.skill === "score-check") && clause.profile.facts > 0 && (/\b(?:also|too|as well|plus|forgot|forgot to (?:say|mention))\b|\b(?:does|would|will|could) (?:that|it|this) change\b|\bsame (?:client|profile|person|candidate|applicant|file)\b|\bchange (?:it|my score|anything)\b/.test(clause.text) || adding);
  if (slots.profile !== undefined && (has(clause, "whatIf") || clause.followUp && inCrs || added2 || inCrs && without !== undefined && clause.text.split(" ").length <= 6) && (clause.profile.facts > 0 || without)) {
    const changed = merge(storedProfile(context), fromClause);
    return { score: 0.92, fromState: true, params: { mode: "calculate", profile: without ? withoutLanguage(changed, without) : changed, readings: clause.profile.readings, ...dated, whatIf: true } };
  }
  const named = !givenScore && /\b(?:crs|score)\b/.test(clause.text) && clause.profile.facts >= 1 && !has(clause, "draw");
  if (calc || named || clause.profile.facts >= 3) {
    return { score: calc ? 0.9 : 0.85, params: { mode: "calculate", profile: fromClause, readings: clause.profile.readings, ...dated, whatIf: false, askOptional: clause.profile.facts < 3 } };
  }
  return null;
}

function breakdownLines(b: CrsBreakdown): string[] {
  const m = texts();
  const line = (name: string, f: { points: number; explanation: string }) => m.line(name, f.points, f.explanation);
  const lines = [
    line(m.rows.age, b.core.age),
    line(m.rows.education, b.core.education),
    line(m.rows.firstLanguage, b.core.firstLanguage),
    line(m.rows.secondLanguage, b.core.secondLanguage),
    line(m.rows.canadianExperience, b.core.canadianExperience),
  ];
  if (b.withSpouse) lines.push(m.subtotalLine(m.rows.spouse, b.spouse.subtotal.points));
  lines.push(m.subtotalLine(m.rows.transferability, b.transferability.subtotal.points));
  lines.push(m.subtotalLine(m.rows.additional, b.additional.subtotal.points));
  return lines;
}

function calculate(params: Extract<CrsParams, { mode: "calculate" }>, context: SkillContext): SkillAnswer {
  const { knowledge, now } = context;
  const m = texts();
  const grid = knowledge.crsGrid;
  const date = params.date ?? now.toISOString().slice(0, 10);
  const profile = params.profile;
  const remember = { skill: "crs", profile: { ...profile } as Record<string, unknown> };
  const missing = missingFields(profile, { grid, date });
  const ask = missing.fields.find((f) => f.required || (params.askOptional === true && ASKED.has(f.field)));
  const result = calculateCrs(profile, { grid, date });
  // Errors are either impossible values or the required fields still unknown; only the first are the user's to correct.
  const unknown = new Set(missing.fields.filter((f) => f.required).map((f) => f.field));
  const invalid = result.ok ? [] : result.error.filter((e) => !unknown.has(e.field));
  if (invalid.length > 0) {
    return {
      reply: makeReply(knowledge, "crs", {
        title: m.checkTitle,
        text: m.cannotCompute(invalid.map((e) => `${e.message}${given(profile, e.field)}`)),
        userError: true,
      }),
      slots: remember,
    };
  }
  if (ask) {
    const known = Object.keys(profile).length;
    return {
      reply: makeReply(knowledge, "crs", {
        title: m.scoreTitle,
        text: `${known === 0 ? m.intro : ""}${ask.question}${ask.assumeOnSkip ? m.skipHint(ask.assumeOnSkip) : ""}`,
        suggestions: [m.skip],
      }),
      slots: { ...remember, pending: ask.field },
    };
  }
  if (!result.ok) {
    return { reply: makeReply(knowledge, "crs", { title: m.scoreTitle, text: m.stillNeed(result.error.map((e) => e.field)), userError: true }), slots: remember };
  }
  const b = result.value;
  const land = landing(knowledge, b.total, now);
  const notes = [...params.readings.map(m.sentence), ...(b.assumptions.length > 0 ? [m.assumed(joinAnd([...b.assumptions]))] : []), ...b.notes.map(m.sentence)];
  const caps = b.capsApplied.map((c) => m.cap(c.cap, c.limit, c.before));
  caps[0] &&= capital(caps[0]);
  return {
    reply: makeReply(knowledge, "crs", {
      title: m.totalTitle(b.total),
      text: [m.lead(b.total, formatDate(date), params.whatIf, context.slots.skill === "crs" ? context.slots.score : undefined), ...(caps.length > 0 ? [m.caps(caps)] : []), ...notes, land.text].join(" "),
      list: breakdownLines(b),
      fields: [
        { name: m.fields.total, value: m.figure(b.total) },
        { name: m.fields.core, value: m.figure(b.core.subtotal.points) },
        { name: m.fields.transferability, value: m.figure(b.transferability.subtotal.points) },
        { name: m.fields.additional, value: m.figure(b.additional.subtotal.points) },
      ],
      asOf: date,
      sources: [CRS_SOURCE_ID, ...land.sources],
      suggestions: [...m.whatIfSuggestions],
    }),
    slots: { ...remember, score: b.total },
    clear: ["pending"],
  };
}

function points(params: Extract<CrsParams, { mode: "points" }>, context: SkillContext): SkillAnswer {
  const { knowledge, now } = context;
  const m = texts();
  const date = params.date ?? now.toISOString().slice(0, 10);
  const r = pointsFor(knowledge.crsGrid, params.query, { date, ...(params.partner !== undefined ? { partner: params.partner } : {}) });
  if (!r.ok) return { reply: makeReply(knowledge, "crs", { title: m.pointsTitle, text: m.cannotAnswer(r.error.message), userError: true }) };
  const a = r.value;
  const loses = a.birthdays.some((b) => b.lostWithoutSpouse > 0 || b.lostWithSpouse > 0);
  // "do I lose points at 31?" is answered by the loss; "at 45 do I still get any age points?" by the points.
  const any = a.rows.some((row) => (row.points ?? Math.max(row.withoutSpouse ?? 0, row.withSpouse ?? 0)) > 0);
  const lead = a.inForce === false ? m.no : a.inForce === true && (params.yesNo || params.query.kind === "arranged-employment") ? m.yes : params.yesNo && params.query.kind === "age" ? ((params.losing ? loses : any) ? m.yes : m.no) : "";
  const summary = words(a.summary);
  const rows = a.rows.map((row) => (row.points !== null ? m.pointsRow(row.label, row.points) : m.pointsSplit(row.label, row.withoutSpouse ?? 0, row.withSpouse ?? 0)));
  return {
    reply: makeReply(knowledge, "crs", {
      title: m.pointsTitle,
      text: m.pointsText(lead && !/^(?:yes|no|oui|non)\b/i.test(summary) ? lead : "", summary, a.notes.map(words), formatDate(date), a.status !== "verified-2src" ? a.status : null),
      list: rows.length > 1 ? rows.slice(0, 30) : [],
      asOf: date,
      sources: [CRS_SOURCE_ID],
    }),
    slots: { skill: "crs-points", profile: { query: params.query } },
  };
}

function add(params: Extract<CrsParams, { mode: "add" }>, context: SkillContext): SkillAnswer {
  const { knowledge, now } = context;
  const m = texts();
  const grid = knowledge.crsGrid;
  const date = params.date ?? now.toISOString().slice(0, 10);
  const r = pointsFor(grid, params.query, { date });
  if (!r.ok) return { reply: makeReply(knowledge, "crs", { title: m.pointsTitle, text: m.cannotAnswer(r.error.message), userError: true }) };
  const worth = r.value.rows[0]?.points ?? 0;
  const max = grid.maximums.total;
  const total = Math.min(max, params.score + worth);
  return {
    reply: makeReply(knowledge, "crs", {
      title: m.totalTitle(total),
      text: m.pointsText("", m.added(params.score, m.addWhat[params.query.kind], worth, total, max, params.score + worth > max), [], formatDate(date), null),
      asOf: date,
      sources: [CRS_SOURCE_ID],
    }),
    slots: { skill: "crs-points", score: total },
  };
}

function levels(params: Extract<CrsParams, { mode: "levels" }>, context: SkillContext): SkillAnswer {
  const { knowledge } = context;
  const m = texts();
  const name = params.test.toUpperCase();
  const scale = TEST_LANGUAGE[params.test] === "french" ? "NCLC" : "CLB";
  // One ability asked ("tcf 500 in reading"): the others, on scales of their own, are left at a valid value and not shown.
  const only = params.only;
  const scales = defaultProfileLimits().tests[params.test] ?? {};
  const valid = (a: Ability, v: number) => { const sc = scales[a] ?? scales.all; return !sc || v >= sc.min && v <= sc.max; };
  const scores = only ? Object.fromEntries(ABILITIES.map((a) => [a, a === only || valid(a, params.scores[only]) ? params.scores[only] : (scales[a] ?? scales.all)?.min ?? params.scores[a]])) as AbilityValues : params.scores;
  const converted = toClb(params.test, scores, { grid: knowledge.crsGrid });
  if (!converted.ok) return { reply: makeReply(knowledge, "crs", { title: m.equivalencyAndTitle(name), text: capital(words(converted.error.message)), sources: [CRS_SOURCE_ID] }) };
  const abilities = params.only ? [params.only] : ABILITIES;
  const rows = abilities.map((a) => m.levelRow(a, params.scores[a], scale, converted.value.levels[a]));
  const status = converted.value.verified ? "" : m.marked(knowledge.crsGrid.tests[params.test].status.text);
  // "and points": the four levels as a first official language, from the grid.
  const worth = params.points && !params.only ? pointsFor(knowledge.crsGrid, { kind: "language", level: Math.min(...ABILITIES.map((a) => converted.value.levels[a])), levels: converted.value.levels }, { date: context.now.toISOString().slice(0, 10) }) : undefined;
  const points = worth?.ok ? ` ${capital(words(worth.value.summary))}.` : "";
  return { reply: makeReply(knowledge, "crs", { title: m.levelsTitle(name, scale), text: `${m.levelsText(name, rows, status)}${points}`, list: rows, sources: [CRS_SOURCE_ID] }) };
}

function equivalency(params: Extract<CrsParams, { mode: "equivalency" }>, context: SkillContext): SkillAnswer {
  const { knowledge } = context;
  const m = texts();
  const conversion = knowledge.crsGrid.tests[params.test];
  const name = params.test.toUpperCase();
  const scale = TEST_LANGUAGE[params.test] === "french" ? "NCLC" : "CLB";
  if (conversion.kind !== "table") {
    return { reply: makeReply(knowledge, "crs", { title: m.equivalencyAndTitle(name), text: m.cannotConvert(name, "reason" in conversion ? String(conversion.reason) : m.noTable), sources: [CRS_SOURCE_ID] }) };
  }
  const rows = (["listening", "reading", "writing", "speaking"] as const).map((a) => {
    const row = conversion.abilities[a].find((r) => r.clb === params.level);
    return row ? m.range(a, row.min, row.max) : m.noRow(a, params.level);
  });
  const status = conversion.status.verified ? "" : m.marked(conversion.status.text);
  return {
    reply: makeReply(knowledge, "crs", {
      title: m.equivalencyTitle(name, params.level, scale),
      text: m.equivalencyText(params.level, name, rows, status, scale),
      list: rows,
      sources: [CRS_SOURCE_ID],
    }),
  };
}

// The grid writes dates as 2025-03-25; answers write them as words.
function words(text: string): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso));
}

// "firstLanguage.scores.reading" → the value the user gave there, to say it back.
function given(profile: PartialProfile, field: string): string {
  const value = field.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), profile);
  return typeof value === "number" || typeof value === "string" ? texts().youGave(value) : "";
}

function fsw(context: SkillContext): SkillAnswer {
  const { knowledge } = context;
  const term = knowledge.term("FSW") ?? knowledge.term("Federal Skilled Worker Program");
  return {
    reply: makeReply(knowledge, "crs", {
      title: texts().fswTitle,
      text: texts().fswText,
      sources: term ? term.sources.slice(0, 1) : [],
    }),
  };
}

type OptionName = keyof CrsMessages["command"]["options"];

// An option's name and description in English and in French, from the catalog.
function option(name: OptionName): { name: string; description: string; fr: { name: string; description: string } } {
  return { ...CRS_MESSAGES.en.command.options[name], fr: CRS_MESSAGES.fr.command.options[name] };
}

// The partner option's values, in either language.
function partnerWords(value: unknown): string {
  const v = typeof value === "string" ? normalise(value) : "";
  if (/^(?:coming|vient|oui|yes|avec)$/.test(v)) return "married, partner coming with me";
  if (/^(?:not-coming|ne-vient-pas|ne vient pas|non|no|sans)$/.test(v)) return "married, partner not coming";
  if (/^(?:none|aucun|aucune|single|celibataire)$/.test(v)) return "single";
  return "";
}

/** CRS points: a score computed from a profile in the conversation, with what it would have cleared, and points of one factor. */
export const crsSkill: Skill<CrsParams> = {
  id: "crs",
  get summary() {
    return texts().summary;
  },
  requires: [],
  optional: ["profile facts", "date"],
  match: readCrs,
  answer(params, context) {
    if (params.mode === "fsw67") return fsw(context);
    if (params.mode === "equivalency") return equivalency(params, context);
    if (params.mode === "levels") return levels(params, context);
    if (params.mode === "add") return add(params, context);
    return params.mode === "points" ? points(params, context) : calculate(params, context);
  },
  examples: () => [...texts().examples],
  command: {
    name: CRS_MESSAGES.en.command.name,
    description: CRS_MESSAGES.en.command.description,
    fr: { name: CRS_MESSAGES.fr.command.name, description: CRS_MESSAGES.fr.command.description },
    options: [
      { ...option("age"), type: "integer", min: 17, max: 100 },
      { ...option("education"), type: "string" },
      { ...option("clb"), type: "integer", min: 1, max: 12 },
      { ...option("ielts"), type: "string" },
      { ...option("partner"), type: "string" },
      { ...option("canadian-years"), type: "integer", min: 0, max: 20 },
      { ...option("foreign-years"), type: "integer", min: 0, max: 40 },
      { ...option("nomination"), type: "boolean" },
      { ...option("details"), type: "string" },
    ],
    toParams(values: OptionValues, context) {
      const { lexicon } = context.knowledge;
      // Words typed in French ("maîtrise", "frère au Canada") are read into the parser's English words first.
      const own = (value: unknown): string => {
        const text = String(value);
        return lang() === "fr" || detectLanguage(text, lexicon.french) === "fr" ? lexicon.french.toEnglish(normalise(text)) : text;
      };
      // The options are written out as the words a person would use, and read by the same parser as a message.
      const words = [
        values.age !== undefined ? `age ${values.age}` : "",
        values.education !== undefined ? own(values.education) : "",
        values.clb !== undefined ? `clb ${values.clb}` : "",
        values.ielts !== undefined ? `ielts ${values.ielts}` : "",
        values["canadian-years"] !== undefined ? `${values["canadian-years"]} years in canada` : "",
        values["foreign-years"] !== undefined ? `${values["foreign-years"]} years abroad` : "",
        values.nomination === true ? "provincial nomination" : "",
        values.details !== undefined ? own(values.details) : "",
        // Last: what follows a mention of a partner is read as the partner's own facts.
        partnerWords(values.partner),
      ].filter(Boolean);
      const text = words.join(", ").toLowerCase();
      const clause = parseFor(text, context.knowledge, context.now);
      const read = PartialProfileSchema.safeParse(clause.profile.profile);
      return { ok: true, params: { mode: "calculate", profile: read.success ? read.data : {}, readings: clause.profile.readings, whatIf: false } };
    },
  },
};

function parseFor(text: string, knowledge: Knowledge, now: Date): Clause {
  return parseClause(text, knowledge.lexicon, now);
}
