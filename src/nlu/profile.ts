import type { AbilityValues, LanguageResult, PartialProfile } from "../crs/profile.js";
import type { Vocabulary } from "../kb/vocabulary.js";
import { CRS_MESSAGES } from "../messages/crs.js";
import { pick } from "../messages/lang.js";
import { matchesOf } from "./pattern.js";

/** What a clause says about a CRS profile, with how the bot read what could be read two ways. */
export interface ProfileReading {
  readonly profile: PartialProfile;
  /** Readings the answer should state ("IELTS 8 7 7 7 read as listening, reading, writing, speaking"). */
  readonly readings: readonly string[];
  /** How many facts about a profile the clause holds. */
  readonly facts: number;
}

const ABILITY: Readonly<Record<string, keyof AbilityValues>> = {
  l: "listening", listening: "listening", r: "reading", reading: "reading", w: "writing", writing: "writing", s: "speaking", speaking: "speaking",
};

const TESTS: readonly [RegExp, LanguageTest][] = [
  [/\bielts(?: general(?: training)?| gt)?\b/, "ielts"],
  [/\bcelpip(?:-general| general)?\b/, "celpip"],
  [/\bpte(?: core)?\b/, "pte"],
  [/\btef(?: canada)?\b/, "tef"],
  [/\btcf(?: canada)?\b/, "tcf"],
];
type LanguageTest = "ielts" | "celpip" | "pte" | "tef" | "tcf";

const NUM = String.raw`(\d{1,3}(?:\.\d)?)`;

// Scores of the four abilities, each named ("l8.5", "reading 7"), number first ("8 listening"), one for a list
// ("6.5 for reading, writing, speaking"), one for the rest ("7 in the others"), or four in a row after a test's name.
const BY_LETTER = new RegExp(String.raw`\b(listening|reading|writing|speaking|[lrws])\s*[:=]?\s*${NUM}\b`, "g");
const NUMBER_FIRST = new RegExp(String.raw`^\s*${NUM}\s*(?:listening|reading|writing|speaking)\b`);
const NUMBER_THEN_NAME = new RegExp(String.raw`${NUM}\s*(listening|reading|writing|speaking)\b`, "g");
const ABILITIES = String.raw`(?:listening|reading|writing|speaking)`;
const NUMBER_FOR_LIST = new RegExp(String.raw`${NUM}\s*(?:in|for|on|at)\s+(?:the\s+)?(${ABILITIES}(?:\s*(?:,|and|&)\s*${ABILITIES})*)`, "g");
const NUMBER_FOR_REST = new RegExp(String.raw`${NUM}\s*(?:in|for|on)?\s*(?:the\s+)?(?:others?|rest|remaining|other (?:three|abilities|skills))\b`);

/** The words that may come between a test's name and its score: "celpip and i get 7 in all". */
export const SCORE_TOLD = String.raw`(?:,? (?:and )?(?:i |if i )?(?:have|get|got|score|scored|scoring)(?: an?)?)?`;
const SCORE_SEQUENCE = new RegExp(String.raw`^${SCORE_TOLD}\s*[:=]?\s*${NUM}(?:\s*[,/ -]\s*${NUM}\s*[,/ -]\s*${NUM}\s*[,/ -]\s*${NUM})?`);

function four(values: readonly number[]): AbilityValues | undefined {
  const [listening, reading, writing, speaking] = values;
  if (listening === undefined || reading === undefined || writing === undefined || speaking === undefined) return undefined;
  return { listening, reading, writing, speaking };
}

// "l8.5 r8 w7.5 s7.5", "listening 8 reading 7 ...": each ability by its letter or name.
function lettered(text: string): AbilityValues | undefined {
  const found: Partial<Record<keyof AbilityValues, number>> = {};
  for (const m of matchesOf(BY_LETTER, text)) {
    const ability = ABILITY[m[1] ?? ""];
    if (ability && found[ability] === undefined) found[ability] = Number(m[2]);
  }
  // "8 listening 7 reading ...": the number first, when the text starts that way.
  if (NUMBER_FIRST.test(text)) for (const k of Object.keys(found)) delete found[k as keyof AbilityValues];
  for (const m of matchesOf(NUMBER_THEN_NAME, text)) {
    const ability = ABILITY[m[2] ?? ""];
    if (ability && found[ability] === undefined) found[ability] = Number(m[1]);
  }
  // "7.5 listening and 6.5 for reading, writing, speaking": one score for a list of abilities.
  for (const m of matchesOf(NUMBER_FOR_LIST, text)) {
    for (const name of (m[2] ?? "").split(/\s*(?:,|and|&)\s*/)) {
      const ability = ABILITY[name];
      if (ability && found[ability] === undefined) found[ability] = Number(m[1]);
    }
  }
  // "8 in listening and 7 in the others": the rest of the four.
  const rest = NUMBER_FOR_REST.exec(text);
  if (rest && Object.keys(found).length > 0) for (const a of ["listening", "reading", "writing", "speaking"] as const) found[a] ??= Number(rest[1]);
  return found.listening !== undefined && found.reading !== undefined && found.writing !== undefined && found.speaking !== undefined
    ? { listening: found.listening, reading: found.reading, writing: found.writing, speaking: found.speaking }
    : undefined;
}

/** Scores or levels right after a test or CLB/NCLC name: four in a row, one "in all", or lettered. */
function scoresAfter(text: string, at: number, readings: string[], label: string): AbilityValues | undefined {
  const tail = text.slice(at, at + 60);
  const named = lettered(tail);
  if (named) return named;
  const seq = SCORE_SEQUENCE.exec(tail);
  if (!seq) return undefined;
  if (seq[2] !== undefined) {
    readings.push(pick(CRS_MESSAGES).skill.readAs(label, seq.slice(1, 5) as string[]));
    return four(seq.slice(1, 5).map(Number));
  }
  const v = Number(seq[1]);
  return { listening: v, reading: v, writing: v, speaking: v };
}

function language(text: string, readings: string[]): { first?: LanguageResult; second?: LanguageResult; facts: number } {
  const results: { at: number; result: LanguageResult; french: boolean }[] = [];
  for (const [re, test] of TESTS) {
    const m = re.exec(text);
    if (!m) continue;
    const scores = scoresAfter(text, m.index + m[0].length, readings, test.toUpperCase());
    const french = test === "tef" || test === "tcf";
    // "TCF 7 partout": the French tests score in hundreds, so a figure of 12 or less is the NCLC level they gave.
    if (scores && french && Object.values(scores).every((v) => v <= 12)) results.push({ at: m.index, result: { language: "french", levels: scores }, french });
    else if (scores) results.push({ at: m.index, result: { test, scores }, french });
  }
  for (const m of matchesOf(/\b(clb|nclc)\s*/g, text)) {
    const scores = scoresAfter(text, m.index + m[0].length, readings, (m[1] ?? "").toUpperCase());
    if (!scores) continue;
    const french = m[1] === "nclc" || /\bfrench\s*$/.test(text.slice(Math.max(0, m.index - 12), m.index));
    results.push({ at: m.index, result: { language: french ? "french" : "english", levels: scores }, french });
  }
  results.sort((a, b) => a.at - b.at);
  const english = results.find((r) => !r.french);
  const french = results.find((r) => r.french);
  // The candidate chooses which official language is first; the stronger one gives more points, unless they say.
  const low = (r: LanguageResult) => Math.min(...Object.values("levels" in r ? r.levels : r.scores));
  const frenchFirst = english && french && "levels" in english.result && "levels" in french.result
    ? low(french.result) > low(english.result) || /\bfrench\b[^,;]{0,30}\bfirst language\b/.test(text)
    : !english;
  const first = frenchFirst ? french : english;
  const second = english && french ? (frenchFirst ? english : french) : undefined;
  return { ...(first ? { first: first.result } : {}), ...(second ? { second: second.result } : {}), facts: results.length };
}

const YEAR_COUNT = String.raw`(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\+?`;
const yearPatterns = new Map<string, readonly RegExp[]>();

function years(text: string, place: string): number | undefined {
  let patterns = yearPatterns.get(place);
  if (!patterns) {
    // "a 3 year canadian degree": years of a credential, not of work.
    const study = String.raw`(?!\s+(?:degree|diploma|credential|program|programme|course|college|university|studies|study|bachelor'?s?|masters?|certificate|dec|aec)\b)`;
    // "a masters of 2 years in canada": a credential's length told before its place, not years of work.
    const credential = String.raw`(?<!\b(?:masters?|master's|degree|diploma|bachelor'?s?|dec|aec|program|programme|studies|credential|phd|doctorate|course)(?: of| for)? )`;
    patterns = [
      new RegExp(String.raw`${credential}\b${YEAR_COUNT}\s*(?:years?|yrs?|y)\b(?:\s+of)?(?:\s+(?:skilled|full[- ]time|work(?:ing)?|job))*(?:\s+(?:experience|exp))?(?:\s+(?:before|earlier|prior|previously|before that))?\s*${place}${study}`),
      // "canadian work 2 yrs", "foreign exp: 3 years": the place, the kind of time, then the count.
      new RegExp(String.raw`${place}\s+(?:work(?:ing)?|experience|exp|job)(?:\s+(?:experience|exp))?\s*(?:of|:|=|-)?\s*${YEAR_COUNT}\s*(?:years?|yrs?|y)\b`),
      // "working in canada (as a software developer) for 2 years".
      new RegExp(String.raw`\b(?:work(?:ed|ing)?|employed|job)\b[a-z ]{0,12}${place}(?:[a-z ]{0,40}?)\s+(?:for|since)\s+(?:the (?:past|last) |about |around |almost |over )?${YEAR_COUNT}\s*(?:years?|yrs?)\b`),
      // "3 canadian", "two in canada": a count without the word "years"; "a canadian college" is no count.
      new RegExp(String.raw`\b(?!an?\b)${YEAR_COUNT}\s+${place}${study}`),
    ];
    yearPatterns.set(place, patterns);
  }
  const m = patterns.map((p) => p.exec(text)).find((x) => x !== null);
  if (!m) return undefined;
  const words: Record<string, number> = { one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
  return words[m[1] ?? ""] ?? Number(m[1]);
}

// Compiled once per vocabulary: the words of each education level as one pattern, most specific level first.
const educationPatterns = new WeakMap<Vocabulary, readonly { key: string; re: RegExp }[]>();

function education(text: string, vocabulary: Vocabulary): string | undefined {
  let levels = educationPatterns.get(vocabulary);
  if (!levels) {
    levels = vocabulary.education.map((level) => ({
      key: level.key,
      re: new RegExp(
        level.words
          .map((w) =>
            // "*" in a vocabulary word stands for a few words: "2-year * diploma" is "2-year college diploma" too.
            w
              .split("*")
              .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "'?"))
              .join("[^,;.]{0,30}?"),
          )
          .map((body) => `(?:^|[^a-z0-9])${body}(?=$|[^a-z0-9])`)
          .join("|"),
      ),
    }));
    educationPatterns.set(vocabulary, levels);
  }
  // "what would my score be": the verb, not a B.E. degree.
  const words = text.replace(/\b(would|will|could|should|might|must|can|to|it|that|score|crs|points|total|i'?ll|won'?t|not)\s+be\b/g, "$1");
  // "2yr college diploma", "3 yrs bachelor": "yr" is the year of a length of study.
  const years = words.replace(/\b(\d|one|two|three|four)[- ]?yrs?\b/g, "$1-year");
  return levels.find((l) => l.re.test(years))?.key;
}

const SPOUSE = /\b(?:wife|husband|spouse|partner|common[- ]law|fianc[ée]e?)\b/;
const NOT_COMING = /\b(?:not coming|won'?t come|isn'?t coming|staying|stays|not accompanying|without (?:my )?(?:wife|husband|spouse|partner)|doesn'?t come|not moving|(?:doesn'?t|does not|won'?t|will not|not) accompany(?:ing)?)\b/;
const PARTNER_CANADIAN = /\b(?:wife|husband|spouse|partner)\b(?: (?:who|that))? (?:is|has been|she is|he is) (?:a |already )?(?:canadian|citizen|pr|permanent resident)\b/;
const OWN_WORDS = /\b(?:i|i'm|i've|my|me|mine)\b/;
const FACT_WORDS = /\b(?:ielts|celpip|pte|tef|tcf|clb|nclc|degree|diploma|bachelor'?s?|master'?s?|masters|phd|high school|secondary|years?|yrs?|work|worked|experience|exp)\b/;

/**
 * The candidate's words and the partner's. Parts that speak of the partner ("wife has a bachelor's", "she has CLB 7")
 * are the partner's; the rest are the candidate's. Without such parts, what follows the first mention of a partner
 * describes the partner ("wife coming, bachelor's, CLB 7").
 */
function splitPartner(text: string, spouseAt: number, vocabulary: Vocabulary): { own: string; partner: string } {
  if (spouseAt < 0) return { own: text, partner: "" };
  const parts = text.split(/(?<!\d)\.|\.(?!\d)|[;,\n]|\s-\s/);
  let inPartner = false;
  const own: string[] = [];
  const partner: string[] = [];
  for (const part of parts) {
    // A part is about the partner when it starts with them ("wife has...", "she has...", "spouse: master's").
    const speaksOfPartner = /^\s*(?:and\s+|also\s+|-\s*)?(?:my\s+|the\s+)?(?:wife|husband|spouse|partner|she|he|her|his|him|lui|elle)\b/.test(part);
    const hasFacts = FACT_WORDS.test(part) || education(part, vocabulary) !== undefined;
    if (speaksOfPartner && hasFacts) inPartner = true;
    else if (OWN_WORDS.test(part.replace(/\bmy (?:wife|husband|spouse|partner)\b/g, ""))) inPartner = false;
    (inPartner ? partner : own).push(part);
  }
  if (partner.length === 0) {
    // No part speaks of the partner's own facts: what follows the first mention is the partner's, unless the candidate
    // speaks of themself again after it ("my wife is coming with me. I have a bachelor's").
    const after = text.slice(spouseAt);
    if (OWN_WORDS.test(after.replace(/\b(?:with me|my (?:wife|husband|spouse|partner))\b/g, ""))) return { own: text, partner: "" };
    // "married wife coming with me masters clb 9": the partner named only as coming; the facts after are the candidate's
    // unless the partner is named again ("she has", "her clb").
    const status = /^(?:wife|husband|spouse|partner|common[- ]law partner)\s+(?:is\s+)?(?:coming|accompanying|comes|will come|moving|joining)(?:\s+with\s+(?:me|us))?\b/.exec(after);
    const before = text.slice(0, spouseAt);
    const toldBefore = FACT_WORDS.test(before) || education(before, vocabulary) !== undefined;
    if (status && !toldBefore && !/\b(?:she|he|her|his|wife|husband|spouse|partner)\b/.test(after.slice(status[0].length))) return { own: text, partner: "" };
    return { own: text.slice(0, spouseAt), partner: after };
  }
  return { own: own.join(", "), partner: partner.join(", ") };
}

// Places named for work done outside Canada, in the words a clause has once French is read ("au Maroc" is "in the maroc").
// Work in Canada, named as Canada or as one of its provinces and cities ("2 ans d'exp au Québec", "3 years in toronto").
// Canada's provinces, territories and larger cities, as a place a credential or a job is said to be in.
const PLACES = String.raw`(?:quebec|ontario|alberta|manitoba|saskatchewan|nova scotia|new brunswick|british columbia|bc|newfoundland|prince edward island|pei|yukon|nunavut|northwest territories|montreal|toronto|vancouver|calgary|edmonton|ottawa|winnipeg|halifax|laval|gatineau|sherbrooke|mississauga|brampton|surrey|regina|saskatoon|victoria|hamilton|kitchener|waterloo|london ontario)`;
// Canadian schools people name instead of a city ("a bachelor at McGill").
const SCHOOLS = String.raw`(?:mcgill|concordia|uqam|udem|ulaval|uottawa|ubc|sfu|uoft|u of t|york university|ryerson|tmu|seneca|humber|centennial|george brown|conestoga|sheridan|fanshawe|algonquin|dawson|carleton|mcmaster|dalhousie|sait|nait|bcit|cegep)`;
// « mon frère est RP à Calgary »: a permanent resident ("rp" in French) or a Canadian city counts.
const SIBLING_HERE = new RegExp(String.raw`\b(?:brother|sister|sibling)s?\b[^.]{0,30}\b(?:in canada|canadian|citizen|pr|rp|permanent resident|(?:in|at|a) ${PLACES})\b`);
const IN_CANADA = String.raw`(?:in canada|canadian|inside canada|cdn|canada|(?:in|at|au|a) ${PLACES})`;
// A credential earned in Canada: "canadian degree", "masters in canada", "dec ... in montreal".
const EDU_CANADA = new RegExp(String.raw`\b(?:canadian (?:degree|diploma|master'?s|bachelor'?s|education|credential|college|university)|(?:studied|study|degree|diploma|masters?|master's|bachelor'?s?|bac|college|dec|aec)(?: here| (?!work|worked|working|experience|exp|job|lived|living)[a-z0-9'-]+){0,5} (?:(?:in|from) (?:a )?canad(?:a|ian)\b|(?:in|at|from) (?:(?:the |a )?(?:university|college) (?:of )?)?(?:${PLACES}|${SCHOOLS})\b)|\b(?:diploma|degree|masters?|bachelor'?s?) canadian\b)`);

// "in canada since 2 years", « icitte depuis 2 ans »: years of work here told after the place.
function sinceYears(text: string): number | undefined {
  const m = /\bin canada (?:since|for) (\d{1,2}) (?:years?|yrs?)\b/.exec(text);
  return m ? Number(m[1]) : undefined;
}

const ABROAD = String.raw`(?:abroad|foreign|outside(?: of)? canada|overseas|back home|in (?:the )?(?:india|nigeria|uk|us|usa|philippines|pakistan|china|iran|brazil|mexico|my country|home country|france|maroc|morocco|algerie|algeria|tunisie|tunisia|senegal|cameroun|cameroon|cote d'ivoire|ivory coast|belgique|belgium|suisse|switzerland|liban|lebanon|haiti|congo|rdc|mali|benin|togo|guinee|guinea|madagascar|burkina faso|gabon|rwanda|colombie|colombia|egypte|egypt|vietnam|bangladesh|nepal|ukraine|russie|russia|turquie|turkey|espagne|spain|italie|italy|allemagne|germany|royaume-uni|etats-unis|dubai|uae|qatar|arabie saoudite|saudi arabia|bangalore|bengaluru|mumbai|delhi|new delhi|chennai|hyderabad|pune|kolkata|lagos|abuja|manila|cebu|karachi|lahore|islamabad|dhaka|cairo|beijing|shanghai|london|paris|nairobi|accra|tehran|sao paulo|mexico city|bogota|kathmandu|colombo|riyadh|doha|tunis|casablanca|algiers|alger|dakar|douala|yaounde|abidjan|kinshasa)|(?:indian?|nigerian?|pakistani?|filipino|philippines?|chinese|iranian?|brazilian?|mexican?|uk|us|usa|uae|dubai|saudi|qatar|bangladeshi?|nepali?|egyptian?|moroccan?|algerian?|tunisian?|cameroonian?|french|lebanese) (?:work|experience|exp|job))`;
const NONE_ABROAD = new RegExp(String.raw`\b(?:no|zero|none|nothing|never worked)\b(?: (?:work(?:ed)?|experience|exp|years?))* ${ABROAD}`);

/** Reads what a clause says about a CRS profile: the facts a person gives about themself (and their partner). */
export function readProfile(raw: string, vocabulary: Vocabulary): ProfileReading {
  // "IELTS 7,5": a decimal comma, as French writes it; a list such as "8,7,7,7" keeps its commas.
  // "35yrs", "27yo": the number and its unit apart.
  // "3y CAN exp", "1 yr can exp": a consultant's shorthand for Canadian years.
  const text = raw
    .replace(/(?<![\d,.])(\d),(\d)(?![\d,])/g, "$1.$2")
    .replace(/\b(\d{1,2})(yrs?|years?|yo|y)\b(?!\/)/g, "$1 $2")
    .replace(/\b(\d{1,2}) (?:y|yrs?|years?) can\b(?! i\b)/g, "$1 years canadian")
    .replace(/\b(\d{1,2}) y\b(?!\/)/g, "$1 years");
  const readings: string[] = [];
  const spouseAt = SPOUSE.exec(text)?.index ?? -1;
  // A partner who stays behind, or who is Canadian, scores nothing: every fact told is the candidate's own.
  const uncounted = NOT_COMING.test(text) || PARTNER_CANADIAN.test(text);
  const { own, partner } = splitPartner(text, uncounted ? -1 : spouseAt, vocabulary);
  const profile: PartialProfile = {};
  let facts = 0;
  const set = <K extends keyof PartialProfile>(key: K, value: PartialProfile[K] | undefined) => {
    if (value === undefined) return;
    profile[key] = value;
    facts += 1;
  };

  const age = /\b(?:i'?m|i am|i was|i were|(?:if )?i had(?= \d{2} years?\b(?! (?:of|in|experience|exp|work|canadian|foreign|abroad)))|(?:my )?age is|age[d:]?|me|turn|turning|turns|(?:client|applicant|candidate|person|man|woman|someone|he|she) (?:of|aged|is)|\b(?:client|applicant|candidate|pa):?)\s*(\d{1,3})\b(?!\s*(?:points|pts|crs|years? (?:of|in|abroad|experience|exp|foreign|canadian)))|\b(\d{1,3})\s*(?:years? old|yrs? old|yo|y\/o|year-old)\b|(?:^|[:,;]\s*|\.\s+|\bfor\s+)(\d{2})\b(?!\s*(?:points|pts|crs|%|years?|yrs?|y\b|months?|hours?|[.,]\d|kids?|children))|\bstill (\d{2})\b(?!\s*(?:points|pts|crs|%|years?|yrs?))/.exec(own);
  // "29 ans" is read as "29 years": a person's age when it stands alone ("33 years, single"), follows "I have" or
  // the marital status ("célibataire 33 ans").
  const aged = age ? undefined : /(?:^|[:,;.!?]\s+|[:,;]|\bi have\s+|\bi am\s+|\bi'?m\s+|^(?:single|married),?\s+|^(?:hi|hello|hey|yo|hii)\s+)(\d{2}) (?:years?|yrs?)\b(?=\s*(?:$|[,;.+]|and\b|single|married|old\b))/.exec(own);
  // "crs 29 single masters": two digits just before the marital status are an age.
  const beside = age || aged ? undefined : /\b(\d{2}),? (?=(?:single|married|unmarried|divorced|widowed)\b)/.exec(own);
  // "single 26, bachelor's", "married 32, clb 7": two digits just after the marital status are an age too.
  const after = age || aged || beside ? undefined : /\b(?:single|married|unmarried|divorced|widowed|common-law),?\s+(\d{2})\b(?!\s*(?:points|pts|crs|%|years?|yrs?|y\b|months?|hours?|[.,]\d))/.exec(own);
  // « j'ai 31 ans, maîtrise » reads "i have 31 years masters": years had, not of anything, are an age.
  // "ok actually i have 27" (« en vrai j'ai 27 »): two digits had and nothing after them are an age too.
  const had = age || aged || beside || after ? undefined : /\bi have (\d{2}) (?:years?|yrs?)\b(?! (?:of|in|experience|exp|work|working|canadian|foreign|abroad|job|as)\b)|\b(?:actually|in fact|ok|well) i have (\d{2})(?=[\s.!]*(?:$|[,;]|but\b))/.exec(own);
  const young = aged ?? beside ?? after ?? had;
  const youngValue = young ? Number(young[1] ?? young[2]) : undefined;
  const ageValue = age ? Number(age[1] ?? age[2] ?? age[3] ?? age[4]) : youngValue !== undefined && youngValue >= 17 && youngValue <= 70 ? youngValue : undefined;
  if (ageValue !== undefined && ageValue >= 0) set("age", ageValue);

  if (/\b(?:single|not married|unmarried|no (?:wife|husband|spouse|partner)|divorced|widowed|separated)\b/.test(text)) set("maritalStatus", "single");
  else if (spouseAt >= 0 || /\bmarried\b/.test(text)) {
    set("maritalStatus", "married-or-common-law");
    if (NOT_COMING.test(text)) set("spouseAccompanying", false);
    else if (/\b(?:coming|comes|accompan\w*|with me|moving with|joining)\b/.test(partner) || /\bwith (?:my )?(?:wife|husband|spouse|partner)\b/.test(text) || /\b(?:wife|husband|spouse|partner)\b[^,.;]{0,25}\b(?:coming|comes|accompan\w*|joining)\b/.test(text)) set("spouseAccompanying", true);
    if (/\b(?:is|she'?s|he'?s) (?:a )?(?:canadian|citizen|pr|permanent resident)\b/.test(partner) || PARTNER_CANADIAN.test(text)) set("spouseCanadian", true);
  }

  // "and if he doesn't come with me?" after a profile with a partner: the partner, named by a pronoun.
  if (profile.spouseAccompanying === undefined && /\b(?:he|she)\b/.test(text)) {
    if (NOT_COMING.test(text)) set("spouseAccompanying", false);
    else if (/\b(?:he|she) (?:comes|is coming|came|moves|joins)\b/.test(text)) set("spouseAccompanying", true);
  }

  set("education", education(own, vocabulary));
  const eduCanada = EDU_CANADA.exec(own);
  if (eduCanada) {
    // The credential's own words: back to the comma before it and on to the comma after ("4 year bachelor at a canadian college").
    const start = Math.max(0, own.lastIndexOf(",", eduCanada.index) + 1, eduCanada.index - 40);
    const end = eduCanada.index + eduCanada[0].length;
    const after = own.slice(end).split(/[,;.]/)[0] ?? "";
    // The words right at the credential first ("2-year diploma from a canadian college" after a bachelor's), then its part.
    const tight = own.slice(Math.max(start, eduCanada.index - 12), end) + after;
    const lengthSaid = /\b(?:\d|one|two|three|four)[- ]?(?:year|yr)|\bdiploma\b|\bpg ?dip|bachelor|master|phd|doctor/;
    const near = lengthSaid.test(tight) ? tight : own.slice(start, end) + after;
    set("canadianEducation", /\b(?:1|one|2|two)[- ]?(?:years?|yrs?)\b|\bdiploma\b|\bpg ?dip/.test(near) && !/\b(?:3|three|4|four)[- ]?(?:year|yr)|bachelor|master|phd|doctor/.test(near) ? "1-2" : "3+");
  }

  const lang = language(own, readings);
  if (lang.first) set("firstLanguage", lang.first);
  if (lang.second) set("secondLanguage", lang.second);
  else if (/\bno (?:french|english)(?: test| results?)?\b|\bno second language\b/.test(own)) set("secondLanguage", null);

  set("canadianExperienceYears", years(own, IN_CANADA) ?? sinceYears(own) ?? (/\b(?:no|zero|0) (?:canadian|cdn)(?: work)?(?: experience| exp)?\b|\bnever worked in canada\b|\b(?:no|zero|none|nothing)\b(?: (?:work(?:ed)?|experience|exp|years?))* in canada\b/.test(own) ? 0 : undefined));
  set(
    "foreignExperienceYears",
    years(own, ABROAD) ??
      (/\b(?:no|zero|0) (?:foreign|overseas)(?: work)?(?: experience| exp)?\b/.test(own) || NONE_ABROAD.test(own) ? 0 : undefined),
  );
  // Years of experience with no place named are read as foreign when there is no Canadian experience, or none told.
  if (profile.foreignExperienceYears === undefined && (profile.canadianExperienceYears === undefined || profile.canadianExperienceYears === 0)) {
    const plain = years(own, String.raw`(?:of )?(?:work )?(?:experience|exp)\b`) ?? years(own, String.raw`(?:of )?work(?:ed|ing)?\b`);
    if (plain !== undefined) {
      set("foreignExperienceYears", plain);
      readings.push(pick(CRS_MESSAGES).skill.readAsForeign(plain));
    }
  }
  if (/\b(?:certificate of qualification|red seal|trade certificate|trades? certification)\b/.test(own)) set("certificateOfQualification", true);
  if (/\b(?:provincial nomination|nominated|nomination|pnp (?:nomination|certificate)|have (?:a )?pnp|got (?:a )?pnp|with (?:a )?pnp|plus pnp|\+ ?pnp|(?:get|got|receive|received|obtain|obtains|obtained) (?:a |an |the )?(?:pnp|provincial nomination|nomination))\b/.test(text)) set("provincialNomination", true);
  if (SIBLING_HERE.test(text) && !/\bvisit(?:ing)? (?:my |our )?(?:brother|sister|sibling)/.test(text)) set("siblingInCanada", true);
  if (/\bno (?:brother|sister|sibling)s?\b/.test(text)) set("siblingInCanada", false);
  if (/\b(?:job offers?|lmia|arranged employment|offer letter)\b/.test(text) && !/\bno (?:job offer|lmia)\b/.test(text)) set("arrangedEmployment", /\bsenior|\bnoc 00|\bteer 0 (?:major group )?00/.test(text) ? "senior-management" : "skilled");
  if (/\bno (?:job offer|lmia)\b/.test(text)) set("arrangedEmployment", "none");

  if (partner !== "") {
    // "both bachelor", "we both have a master's": the partner has the same education.
    const both = /\b(?:both|both of us)\b([^,;.]{0,40})/.exec(text);
    const spouseEducation = education(partner, vocabulary) ?? (both ? education(both[1] ?? "", vocabulary) : undefined);
    const spouseLang = language(partner, readings);
    const spouseCanadian = years(partner, "(?:in canada|canadian|canada)") ?? (/\b(?:never worked in canada|no canadian)\b/.test(partner) ? 0 : undefined);
    if (spouseEducation !== undefined || spouseLang.first || spouseCanadian !== undefined) {
      profile.spouse = {
        ...(spouseEducation !== undefined ? { education: spouseEducation } : {}),
        ...(spouseLang.first ? { language: spouseLang.first } : /\b(?:no (?:ielts|test|english test|language test))\b/.test(partner) ? { language: null } : {}),
        ...(spouseCanadian !== undefined ? { canadianExperienceYears: spouseCanadian } : {}),
      };
      facts += 1;
      // A partner's education or test counts only if they come: given them, people mean they do.
      if (profile.spouseAccompanying === undefined && profile.spouseCanadian !== true && profile.maritalStatus !== "single") {
        set("spouseAccompanying", true);
        readings.push(pick(CRS_MESSAGES).skill.partnerComing);
      }
    }
  }
  return { profile, readings, facts };
}
