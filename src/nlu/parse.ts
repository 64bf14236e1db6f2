import type { Lang } from "../messages/lang.js";
import { findDates } from "./dates.js";
import { matchesOf } from "./pattern.js";
import { fold } from "./language.js";
import type { Lexicon } from "./lexicon.js";
import { readProfile, SCORE_TOLD } from "./profile.js";
import type { Clause, NumberKind, NumberMention, Period, Question } from "./question.js";

/** Default cap on the characters of a message the parser reads. */
export const DEFAULT_MAX_INPUT = 2000;
/** At most this many questions of one message are read. */
export const MAX_CLAUSES = 6;

/** Removes platform mentions and markup: <@123>, <@!123>, <@U123|name>, <!here>, <#C1|general>, links, a leading "@ee-bot". */
export function stripMarkup(text: string): string {
  return text
    .replace(/<@[!&]?[A-Z0-9]+(?:\|[^>]*)?>/gi, " ")
    .replace(/<#[A-Z0-9]+(?:\|[^>]*)?>/gi, " ")
    .replace(/<![a-z^]+(?:\|[^>]*)?>/gi, " ")
    .replace(/<(https?:[^>|]*)(?:\|[^>]*)?>/gi, " ")
    .replace(/https?:\/\/\S+/gi, " ")
    .replace(/^\s*@?ee-?bot\b[:,]?/i, " ");
}

/** Lower case without accents, one kind of quote and dash, one space; keeps the characters clause splitting needs. */
export function normalise(text: string): string {
  return fold(text.normalize("NFKC"))
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[^\S\n]+/g, " ")
    .trim();
}

/** Splits a message into its questions: new lines, ";", "?" followed by more, and "and" before a new question word. */
export function splitClauses(text: string): string[] {
  const parts = text
    // "i don't speak french, what's the last cec cutoff": the language said is a clause of its own.
    .replace(/^((?:i |je )?(?:don'?t|do not|dont|can'?t|cannot|cant|ne) (?:speak|understand|read|parle|comprends) (?:pas )?(?:french|english|francais|anglais)(?: (?:well|much|at all|pas))?),\s*/, "$1\n")
    .split(/\n+|;|\?+\s+(?=\S)|(?<=[a-z0-9)])\.\s+(?=[a-z])/)
    .flatMap((p) => {
      const out: string[] = [];
      let rest = p;
      // "..., and how many were invited": split where "and" (or "also") is followed by a question word.
      for (;;) {
        const m = /,?\s+(?:and|also|plus|n|nd|&)\s+(?=(?:what|whats|what's|how|when|which|who|is|are|was|were|did|does|do|can|could|would|will|list|show|tell|give|where|why)\b)/.exec(rest);
        if (!m || m.index < 3) break;
        out.push(rest.slice(0, m.index));
        rest = rest.slice(m.index + m[0].length);
      }
      out.push(rest);
      return out;
    })
    .map((p) => p.replace(/[?!.,\s]+$/, "").replace(/^[\s,.!]+/, "").trim())
    .filter((p) => p.length > 0);
  return parts.length > 0 ? parts : [""];
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** A text with the spans given written over with spaces, so that what they held is not read again. */
export function blank(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + " ".repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

const TEST_WORDS: readonly [RegExp, NumberKind][] = [
  [/\b(?:clb|nclc)s?$/, "clb"],
  [new RegExp(String.raw`\bielts${SCORE_TOLD}$`), "ielts"],
  [new RegExp(String.raw`\bcelpip${SCORE_TOLD}$`), "celpip"],
  [new RegExp(String.raw`\bpte(?: core)?${SCORE_TOLD}$`), "pte"],
  [new RegExp(String.raw`\btef(?: canada)?${SCORE_TOLD}$`), "tef"],
  [new RegExp(String.raw`\btcf(?: canada)?${SCORE_TOLD}$`), "tcf"],
];

/** Reads what each number of a clause measures from the words before and after it. */
function qualify(masked: string, clauseText: string): NumberMention[] {
  const out: NumberMention[] = [];
  let testKind: NumberKind | null = null;
  let testEnd = -1;
  let testCount = 0;
  for (const m of masked.matchAll(/\d+(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?/g)) {
    const raw = m[0];
    const value = Number(raw.replace(/,/g, ""));
    const at = m.index;
    const before = clauseText.slice(Math.max(0, at - 40), at).trimEnd();
    const after = clauseText.slice(at + raw.length, at + raw.length + 40).trimStart();
    let kind: NumberKind = "plain";
    const test = TEST_WORDS.find(([re]) => re.test(before.replace(/[:=]$/, "").trimEnd()));
    // "ielts 8 7 7 7", "clb 9/9/8/8": the numbers right after a test name all belong to it.
    if (test) {
      kind = test[1];
      testKind = kind;
      testCount = 1;
    } else if (testKind !== null && testCount < 4 && at - testEnd <= 3 && /^[\s/-]*$/.test(clauseText.slice(testEnd, at)) && !/^(?:years?|yrs?|months?)\b/.test(after)) {
      kind = testKind;
      testCount += 1;
    } else if (/^(?:years? old|yrs? old|yo\b|y\/o|year-old)/.test(after) || /\b(?:age|aged|i'?m|i am|turn(?:ing)?|at age)\s*(?:of\s*)?$/.test(before) && value >= 10 && value <= 99 && !/^(?:points|pts|crs)/.test(after)) {
      kind = "age";
    } else if (/^(?:\+\s*)?(?:years?|yrs?)\b/.test(after)) {
      kind = "years";
    } else if (/^months?\b/.test(after)) {
      kind = "months";
    } else if (/^hours?\b|^hrs?\b/.test(after)) {
      kind = "hours";
    } else if (/^%|^percent/.test(after)) {
      kind = "percent";
    } else if (/^(?:points?|pts)\b/.test(after) && /\b(?:fsw|67|selection factors|federal skilled worker)\b/.test(clauseText) && value <= 100) {
      kind = "fsw-points";
    } else if (/^(?:people|candidates|profiles|persons|applicants|invitations|itas)\b/.test(after)) {
      kind = "count";
    } else if (value >= 100 && value <= 1200 && Number.isInteger(value) && (/\b(?:crs|score|scored|scoring|have|got|get|with|at|of|is|am|was|were|sitting at|around|about|only|me)\s*(?:a |an |of |is |at )?$/.test(before) || /\b(?:would|could|will|does|did)$/.test(before) && /^(?:have|be|get|got|make|made|clear|pass)\b/.test(after) || /^(?:points?|pts|crs|score)\b/.test(after))) {
      kind = "crs";
    } else if (value >= 1 && value < 100 && Number.isInteger(value) && /\b(?:crs|score)(?: is| was| of)?\s*$/.test(before) && !/^,?\s*(?:single|married|years?|yrs?|yo\b|y\/o|in (?:reading|writing|listening|speaking|each|all)|on (?:each|all|the))/.test(after)) {
      // "my score is 80 lol": a CRS score can be low (a round's cut-off was 75) when the words say it is one.
      kind = "crs";
    }
    if (kind !== testKind) testKind = TEST_WORDS.some(([, k]) => k === kind) ? kind : null;
    testEnd = at + raw.length;
    out.push({ value, kind, text: `${before.split(" ").slice(-2).join(" ")} ${raw} ${after.split(" ").slice(0, 2).join(" ")}`.trim(), at });
  }
  return out;
}

/** The words of a text that may name an occupation: no stopword, cue word or bare number. */
export function phraseWords(text: string, stopwords: ReadonlySet<string>): string[] {
  return text
    .replace(/[^a-z0-9' -]/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 0 && !stopwords.has(w) && !/^\d+$/.test(w));
}

// Words without which a clause says nothing about a CRS profile: the reading is skipped, it is the costly part.
const PROFILE_HINT = /single|married|wife|husband|spouse|partner|master|bachelor|phd|doctor|diploma|degree|school|nomination|pnp|sibling|brother|sister|offer|lmia|certificate|red seal|ielts|celpip|clb|nclc|tef|tcf|pte|french|canadian|\bage\b|\bold\b|\byo\b|\byears?\b|\byrs?\b|\bi'?m \d|\bi (?:was|were) \d|\b(?:he|she)(?:'?s)? (?:not|doesn'?t|does not|won'?t|will not|isn'?t|is not|comes|is coming)\b|\bage is\b|\d(?:yrs?|yo)\b|\bme \d|\bturn(?:ing|s)? \d|crs|score|points|experience|\bexp\b|worked|foreign|abroad|overseas|^\d{2}\b|[:,] ?\d{2}\b|\bi have \d{2}\s*$/;

function profileOf(text: string, lexicon: Lexicon): Clause["profile"] {
  if (!PROFILE_HINT.test(text)) return { profile: {}, readings: [], facts: 0 };
  const r = readProfile(text, lexicon.vocabulary);
  return { profile: { ...r.profile }, readings: [...r.readings], facts: r.facts };
}

/** Parses one clause: every entity and cue group, in spans that do not overlap. */
export function parseClause(raw: string, lexicon: Lexicon, now: Date, lang: Lang = "en"): Clause {
  const words = lexicon.expand(normalise(raw))
    .replace(/[?!]+/g, " ")
    .split(" ")
    .map((w) => {
      const m = /^([^a-z0-9]*)([a-z][a-z'-]*[a-z]|[a-z])([^a-z0-9]*)$/.exec(w);
      return m ? `${m[1] ?? ""}${lexicon.correct(m[2] ?? "")}${m[3] ?? ""}` : w;
    });
  const text = words.join(" ").replace(/\s+/g, " ").trim();
  const spans: Span[] = [];
  // Every pattern taken here holds a number: a text with no digit is spared running them.
  const digits = /\d/.test(text);
  const take = (re: RegExp, fn: (m: RegExpMatchArray) => boolean): void => {
    if (!digits) return;
    for (const m of matchesOf(re, blank(text, spans))) {
      if (fn(m)) spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
  };

  const rounds: string[] = [];
  let roundRange: Clause["roundRange"] = null;
  let sinceRound: Period | null = null;
  // "since round 400", "from round 400 to the latest".
  take(/\bsince (?:round|draw|#)\s*#?\s*(\d{1,3}[ab]?)\b|\bfrom (?:round|draw|#)\s*#?\s*(\d{1,3}[ab]?) (?:to|until|till|up to|through) (?:the )?(?:latest|last|newest|now|today)(?: one| round| draw)?\b/, (m) => {
    const round = m[1] ?? m[2] ?? "";
    sinceRound = { from: "2015-01-01", to: now.toISOString().slice(0, 10), label: `since round ${round}`, kind: "since-round", sinceRound: round };
    return true;
  });
  // "round 91a, 91b and 92": three or more rounds listed after the word.
  take(/\b(?:rounds?|draws?|#)\s*#?\s*\d{1,3}[ab]?(?:\s*(?:,|and|&)\s*#?\s*\d{1,3}[ab]?){2,}\b/, (m) => {
    rounds.push(...(m[0].match(/\d{1,3}[ab]?/g) ?? []));
    return true;
  });
  take(/\b(?:rounds?|draws?|#)\s*#?\s*(\d{1,3}[ab]?)\s*(?:-|to|through|until|and)\s*#?(\d{1,3}[ab]?)\b/, (m) => {
    const from = m[1] ?? "";
    const to = m[2] ?? "";
    if (/\band\b/.test(m[0])) {
      rounds.push(from, to);
      return true;
    }
    if (parseInt(to, 10) < parseInt(from, 10)) return false;
    roundRange = { from, to };
    return true;
  });
  // "the next draw after 254", "the round before 300": the number named is a round.
  take(/(?<=\b(?:draw|round|one) (?:after|before) (?:the )?(?:round |draw |#)?)(\d{1,3}[ab]?)\b(?!\s*(?:points|pts|crs|people|candidates|invitations|itas|%))/, (m) => {
    rounds.push(m[1] ?? "");
    return true;
  });
  take(/\b(?:round|draw|rounds|draws|ita round)\s*(?:no\.?|number|num|#)?\s*#?(\d{1,3}[ab]?)\b(?!\s*(?:points|pts|crs|people|candidates|invitations|itas|%))/, (m) => {
    rounds.push(m[1] ?? "");
    return true;
  });
  // "draw STEM 254", « tirage PEC 428 »: a round type between the word and the number; only the number is taken.
  take(/(?<=\b(?:round|draw)\s+([a-z]{2,12})\s+#?)(\d{1,3}[ab]?)\b(?!\s*(?:points|pts|crs|people|candidates|invitations|itas|%))/, (m) => {
    if (lexicon.categoriesIn(m[1] ?? "").length === 0) return false;
    rounds.push(m[2] ?? "");
    return true;
  });
  take(/(?:^|\s)#\s?(\d{1,3}[ab]?)\b/, (m) => {
    rounds.push(m[1] ?? "");
    return true;
  });
  take(/\b(\d{1,3})(?:st|nd|rd|th) (?:draw|round)\b/, (m) => {
    rounds.push(m[1] ?? "");
    return true;
  });
  take(/\b(\d{1,3}[ab])\b/, (m) => {
    rounds.push(m[1] ?? "");
    return true;
  });

  // French writes numeric dates day first (05/07/2023 is July 5).
  const dateFindings = findDates(blank(text, spans), now, { dayFirst: lang === "fr" });
  for (const [start, end] of dateFindings.spans) spans.push({ start, end });

  const codes: string[] = [];
  take(/(?<!\d|\d[,.])(\d{5})(?!\d|[,.]\d)/, (m) => {
    codes.push(m[1] ?? "");
    return true;
  });

  let teer: number | null = null;
  take(/\bteer\s*(?:level\s*|category\s*)?([0-5])\b/, (m) => {
    teer = Number(m[1]);
    return true;
  });

  const categoryHits = lexicon.categoriesIn(blank(text, spans));
  for (const h of categoryHits) spans.push({ start: h.start, end: h.end });

  const numbers = qualify(blank(text, spans), text);
  for (const n of numbers) spans.push({ start: n.at, end: n.at + String(n.value).length });

  // "last month" is a period, not "the latest": the latest cue is read with the dates taken out.
  const datesOut = blank(text, dateFindings.spans.map(([start, end]) => ({ start, end })));
  const cueWords = lexicon.cueWords(text);
  const cues = Object.keys(cueWords).filter((c) => c !== "latest");
  if (cueWords.latest !== undefined && lexicon.hasCue("latest", datesOut)) cues.push("latest");
  const phraseOf = (t: string) => phraseWords(t, lexicon.stopwords).join(" ");
  // "chauffeur de camion (truck driver)": a name glossed in brackets is one name, not two; the gloss alone when it is all.
  const blanked = blank(text, spans);
  const phrase = phraseOf(blanked.replace(/\([^()]*\)/g, " ")) || phraseOf(blanked);

  // "the 2024 healthcare draws ... on the list in 2024": one period named twice is one period.
  // "this year 2026": one year named twice is one period too, the one that says the most ("this year (2026)").
  const sameYear = (a: Period, b: Period) => a.kind === "year" && b.kind === "year" && a.from === b.from;
  const periods: Period[] = [...(sinceRound ? [sinceRound] : []), ...dateFindings.periods].filter((p, i, all) => all.findIndex((o) => (o.from === p.from && o.to === p.to) || sameYear(o, p)) === i);
  return {
    raw,
    text,
    codes: [...new Set(codes)],
    rounds: [...new Set(rounds)],
    roundRange,
    dates: dateFindings.dates,
    period: periods[0] ?? null,
    periods,
    years: dateFindings.years,
    categories: categoryHits.map((h) => h.id),
    numbers,
    phrase,
    cues,
    cueWords,
    followUp: cues.includes("followUp"),
    teer,
    acronyms: [],
    profile: profileOf(text, lexicon),
  };
}

/**
 * Parses a message into its questions; answers never read the raw text again. A French message is first rewritten
 * into the English words the cue groups read (knowledge/french.json).
 */
export function parse(text: string, lexicon: Lexicon, options: { now?: Date; maxInput?: number; lang?: Lang } = {}): Question {
  const max = options.maxInput ?? DEFAULT_MAX_INPUT;
  const truncated = text.length > max;
  const cleaned = stripMarkup(truncated ? text.slice(0, max) : text);
  const now = options.now ?? new Date();
  const clauses: Clause[] = [];
  const normalised = options.lang === "fr" ? lexicon.french.toEnglish(normalise(cleaned)) : normalise(cleaned);
  for (const whole of splitClauses(normalised).slice(0, MAX_CLAUSES)) {
    // "quick one for a client file - what categories exist?": a remark before a dash and a question is left out;
    // "french category - what level do you need" keeps what it names.
    const dashed = /^(.+?)\s+-+\s+((?:what|whats|what's|how|when|which|who|is|are|was|were|did|does|do|can|could|would|will|list|show|tell|give|where|why)\b.*)$/.exec(whole);
    const remark = dashed ? parseClause(dashed[1] ?? "", lexicon, now, options.lang) : undefined;
    const part = dashed && remark && remark.cues.includes("remark") && remark.codes.length + remark.rounds.length + remark.categories.length + remark.numbers.length === 0 ? (dashed[2] ?? whole) : whole;
    const clause = parseClause(part, lexicon, now, options.lang);
    const prev = clauses.at(-1);
    // "29, PhD, CLB 9; spouse coming, master's": a profile told across ";" or lines is one profile, not two questions.
    // "crs pls. married, 2 kids, wife coming": a request for a score followed by the profile is one question.
    const request = prev !== undefined && prev.text.split(" ").length <= 4 && (prev.cues.includes("crsCalc") || /\bcrs\b|\bscore\b/.test(prev.text)) && prev.codes.length + prev.rounds.length === 0 && clause.profile.facts >= 1;
    const tail = clause.text.split(" ").length <= 5 && clause.codes.length + clause.rounds.length + clause.categories.length === 0 && (clause.cues.includes("crsCalc") || clause.cues.includes("cutoff") || clause.cues.includes("points") && clause.cues.includes("howMany") || /\b(?:crs|score)\b|^(?:total|pts|points|score)\??$/.test(clause.text));
    // "my crs is 516, profile submitted april 20. did i make the june 23 draw?": facts told, then a question about them.
    const told = prev !== undefined && !/^(?:what|whats|how|is|are|can|do|does|would|will|which|when|did|was|were|any|who|where|why)\b/.test(prev.text) && prev.numbers.length + prev.dates.length > 0;
    const aboutThem = /^(?:so )?(?:did|would|will|could|can|do|am|was|were|have|has) i\b/.test(clause.text) && !clause.numbers.some((n) => n.kind === "crs");
    // "I'm a registered nurse from the Philippines. what is my NOC code?": the job told, then asked about.
    const job = prev !== undefined && /^(?:(?:hi|hello|hey|good \w+|sir|po|ok|so)[, ]+)*(?:i'?m|i am|im|i work as|i'?ve been working as|my (?:job|occupation|profession) is)\b|\bmy (?:noc|code|noc code|code noc)$/.test(prev.text) && prev.codes.length === 0;
    const mine = /\bmy (?:noc|teer|code|noc code|occupation code|category)\b|\b(?:am i|is it|is that|is my job) (?:in|on|eligible|under|part of)\b|\bwhich category (?:am i|do i)\b/.test(clause.text) && clause.codes.length === 0;
    // "pilot here. transport category?": the job told, then a category named alone, is the job's membership asked.
    const here = prev !== undefined && /^(?:(?:hi|hello|hey)[, ]+)?(?:(?:i'?m|im|i am) an? )?[a-z]+(?: [a-z]+){0,2} here(?: from [a-z ]+)?$/.test(prev.text) && prev.codes.length === 0 && prev.phrase !== "";
    const categoryAlone = clause.categories.length > 0 && clause.codes.length + clause.rounds.length === 0 && clause.phrase === "" && clause.text.split(" ").length <= 5 && !clause.cues.includes("draw") && !clause.cues.includes("cutoff");
    if (prev && (job && mine || here && categoryAlone)) {
      clauses[clauses.length - 1] = parseClause(`${prev.raw}, ${part}`, lexicon, now, options.lang);
      continue;
    }
    if (prev && told && aboutThem) {
      clauses[clauses.length - 1] = parseClause(`${prev.raw}, ${part}`, lexicon, now, options.lang);
      continue;
    }
    // "ielts 7 in all 4, how many language pts? single": a marital status alone belongs to the question before it.
    const status = prev !== undefined && /^(?:(?:and|but) )?(?:i'?m |i am |im )?(?:single|married|unmarried|not married)$/.test(clause.text) && prev.profile.facts >= 1;
    // "actually I'm 27. but if my partner comes: ...": a correction and a change told together are one what-if.
    const alsoIf = prev !== undefined && prev.profile.facts >= 1 && prev.cues.includes("whatIf") && clause.profile.facts >= 1 && /^(?:but|and|so) if\b/.test(clause.text);
    if (prev && (request || status || alsoIf || prev.profile.facts >= 2 && (tail || clause.profile.facts >= 1 && !/^(?:what|how|is|are|can|do|does|would|will|which|when)\b/.test(clause.text)))) {
      clauses[clauses.length - 1] = parseClause(`${prev.raw}, ${part}`, lexicon, now, options.lang);
      continue;
    }
    clauses.push(clause);
  }
  // Capitals are lost in normalising: the words written in them are kept for each clause that holds them.
  const capitals = new Set([...cleaned.matchAll(/(?<![A-Za-z])[A-Z]{2,6}(?![A-Za-z])/g)].map((m) => m[0].toLowerCase()));
  const marked = capitals.size === 0 ? clauses : clauses.map((c) => ({ ...c, acronyms: c.text.split(/[^a-z]+/).filter((w, i, all) => capitals.has(w) && all.indexOf(w) === i) }));
  return { text: cleaned.trim(), clauses: marked, truncated };
}
