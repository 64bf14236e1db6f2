import { categoriesIn } from "../kb/lexicon.js";
import { fuzzyCategory } from "../search/categories.js";
import { Memo } from "../memo.js";
import type { CategoryId } from "../kb/schema.js";
import { FULL_DATE, PARTIAL_DATE, parseDate } from "../kb/text.js";

/** What a message names, found before the intent is chosen. */
export interface Entities {
  /** The message cleaned of mentions and markup, lower case, typos in question words corrected. */
  readonly text: string;
  readonly codes: readonly string[];
  readonly rounds: readonly number[];
  /** Full dates (YYYY-MM-DD) and partial ones (--MM-DD) when no year was given. */
  readonly dates: readonly string[];
  readonly categories: readonly CategoryId[];
  readonly scores: readonly number[];
  /** Numbers with no other reading (a follow-up "and 252?"). */
  readonly bareNumbers: readonly number[];
  /** The words left once question words, categories and numbers are taken out: an occupation or a term. */
  readonly phrase: string;
}

/** Removes platform mentions and markup: <@123>, <@!123>, <@U123|name>, <!here>, <#C1|general>, links. */
export function stripMarkup(text: string): string {
  return text
    .replace(/<@[!&]?[A-Z0-9]+(?:\|[^>]*)?>/gi, " ")
    .replace(/<#[A-Z0-9]+(?:\|[^>]*)?>/gi, " ")
    .replace(/<![a-z^]+(?:\|[^>]*)?>/gi, " ")
    .replace(/<(https?:[^>|]*)(?:\|[^>]*)?>/gi, " ")
    .replace(/https?:\/\/\S+/gi, " ")
    .replace(/^\s*@?ee-?bot\b[:,]?/i, " ");
}

// Words that carry the question, corrected when a user mistypes them by one letter (two for long words).
const VOCABULARY = [
  "latest", "last", "recent", "cutoff", "cut-off", "draw", "draws", "round", "rounds", "score", "points", "invited",
  "invitation", "invitations", "tie-breaking", "pool", "profiles", "categories", "category", "eligible", "eligibility",
  "requirements", "program", "programs", "schedule", "apply", "application", "occupations", "occupation", "list",
  "lowest", "highest", "compare", "what", "which", "would",
  "happened", "definition", "stands", "explain", "minimum", "maximum", "how", "many", "much", "this", "year",
];

function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  const prevPrev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prevPrev[j - 2] ?? 0) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return false;
    for (let j = 0; j <= b.length; j += 1) {
      prevPrev[j] = prev[j] ?? 0;
      prev[j] = cur[j] ?? 0;
    }
  }
  return (prev[b.length] ?? Infinity) <= max;
}

const KNOWN = new Set(VOCABULARY);

const corrected = new Memo<string, string>(5000);

/** Corrects a mistyped question word ("lates" → "latest", "cutof" → "cutoff"); other words are left alone. */
export function correctWord(word: string): string {
  if (word.length < 5 || KNOWN.has(word) || /\d/.test(word)) return word;
  return corrected.get(word, () => {
    const max = word.length >= 8 ? 2 : 1;
    return VOCABULARY.find((v) => v.length >= 4 && Math.abs(v.length - word.length) <= max && editDistanceWithin(word, v, max)) ?? word;
  });
}

const CHAT_CATEGORIES: readonly [RegExp, CategoryId][] = [
  [/\bstem\b|\btech(?:nology)?\b/, "stem"],
  [/\bhealth\b|\bmedical\b/, "healthcare"],
  [/\ball[- ]?programs?\b|\bgeneral\b|\bno[- ]program\b|\bopen draws?\b/, "general"],
  [/\bfrancophones?\b|\bfrench\b/, "french"],
  [/\bagri\b|\bfarm(?:ing)?\b/, "agriculture"],
  [/\btrades(?:people|man|men)?\b/, "trades"],
];

function chatCategories(text: string): CategoryId[] {
  const found = categoriesIn(text);
  for (const [re, id] of CHAT_CATEGORIES) if (re.test(text) && !found.includes(id)) found.push(id);
  if (found.length === 0) {
    for (const word of text.split(/[^a-z-]+/)) {
      const id = fuzzyCategory(word);
      if (id && !found.includes(id)) found.push(id);
    }
  }
  return found;
}

// Words that frame a question and are never part of an occupation title.
const FRAME = new Set(
  (
    "a an the is are am was were be been i im i'm me my we our you your it its this that these those what whats what's which who how " +
    "do does did can could would will should shall may might for of to in on at by with as from about into under and or but if so " +
    "eligible eligibility qualify qualifies qualified count counts included include includes part listed list category categories " +
    "draw draws round rounds noc nocs code codes teer occupation occupations job jobs work working profession title " +
    "there here any some all also please tell show give find get know say check whether ok okay yes no not " +
    "stem healthcare health french trades trade transport agriculture general program programs category-based " +
    "level number num no. pls plz hi hey hello thanks thank ee ee-bot bot express entry canada canadian targeted target " +
    "year years today now ever time date month week day new old current recent latest last " +
    "apply applying applied need needs want get got invited invite invitation invitations announced announce results result " +
    "most more chance chances considered selected still please really mean means meaning call called " +
    "define definition explain stand stands abbreviation acronym " +
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "s t d ll ve re"
  ).split(" "),
);

/** Finds codes, rounds, dates, categories, scores and the leftover phrase in a message. */
export function extractEntities(raw: string): Entities {
  const cleaned = stripMarkup(raw).toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u00a0\s]+/g, " ").trim();
  const words = cleaned.split(" ").map((w) => {
    const m = /^([^a-z0-9#]*)([a-z][a-z'-]*)([^a-z0-9]*)$/.exec(w);
    return m ? `${m[1] ?? ""}${correctWord(m[2] ?? "")}${m[3] ?? ""}` : w;
  });
  const text = words.join(" ");
  const codes = [...new Set([...text.matchAll(/(?<![\d,.])(\d{5})(?!\d|,\d)/g)].map((m) => m[1] ?? ""))];
  const rounds = new Set<number>();
  for (const m of text.matchAll(/(?:\b(?:draw|round|rounds|draws|rnd)\s*(?:no\.?|number|#)?\s*|#)(\d{1,4})\b/g)) rounds.add(Number(m[1]));
  const dates: string[] = [];
  const dateSpans: [number, number][] = [];
  for (const m of text.matchAll(new RegExp(`${FULL_DATE}|${PARTIAL_DATE}(?![\\d,])`, "gi"))) {
    const full = parseDate(m[0]);
    const partial = full ? null : parseDate(m[0], 2000);
    if (full) dates.push(full);
    else if (partial) dates.push(`--${partial.slice(5)}`);
    if (full || partial) dateSpans.push([m.index, m.index + m[0].length]);
  }
  const scores = new Set<number>();
  const bare: number[] = [];
  for (const m of text.matchAll(/(?<![\d#,.])(\d{2,4})(?!\d|,\d)/g)) {
    const n = Number(m[1]);
    const at = m.index;
    if (dateSpans.some(([s, e]) => at >= s && at < e) || rounds.has(n) || codes.some((c) => c.includes(m[1] ?? "x"))) continue;
    const around = text.slice(Math.max(0, at - 30), at + (m[1]?.length ?? 0) + 25);
    if (n <= 1200 && /\bcrs\b|score|points?\b|pts\b|\bi (?:have|got|scored|am at)\b|\bmy\b|\bwith\b|invited/.test(around)) scores.add(n);
    else if (!(n >= 1900 && n <= 2100)) bare.push(n);
  }
  const categories = chatCategories(text);
  // The phrase keeps its inner words ("tailors, dressmakers and milliners") and drops question words at both ends.
  const tokens = text
    .replace(/<[^>]*>/g, " ")
    .replace(/[^a-z0-9' -]+/g, " ")
    .split(" ")
    .filter((w) => w.length > 0 && !/^\d+$/.test(w));
  let from = 0;
  let to = tokens.length;
  while (from < to && FRAME.has(tokens[from] ?? "")) from += 1;
  while (to > from && FRAME.has(tokens[to - 1] ?? "")) to -= 1;
  const phrase = tokens.slice(from, to).join(" ").trim();
  return { text, codes, rounds: [...rounds], dates, categories, scores: [...scores], bareNumbers: bare, phrase };
}
