import type { Article } from "../article.js";
import { categoriesIn, roundTypeFromLabel, roundTypeOf } from "../lexicon.js";
import { yearOfVersion } from "../feed/parse.js";
import type { CategoryId, Distribution, RoundId, RoundType, TieBreak } from "../schema.js";
import { FULL_DATE, TIME, findDates, parseCount, parseDate, parseTime, sentences, squash } from "../text.js";

/** What one source (a passage of an article, or a round of the feed) says about one round. */
export interface DrawClaim {
  round: RoundId | null;
  date: string | null;
  time: string | null;
  roundType: RoundType | null;
  /** Programs whose candidates were eligible, as the source words it. */
  program: string | null;
  category: CategoryId | null;
  /** The round's name as the source writes it ("STEM occupations (2023-1)"). */
  name: string | null;
  version: string | null;
  listYear: number | null;
  invitations: number | null;
  crs: number | null;
  tieBreak: TieBreak | null;
  distribution: Distribution | null;
  source: string;
  line: number;
  /** How the claim was read: prose claims may be anchored only by "this draw". */
  via: "feed" | "fields" | "table" | "prose";
}

const MAX_CRS = 1200;
const MAX_INVITATIONS = 100_000;

function emptyClaim(source: string, line: number, via: DrawClaim["via"]): DrawClaim {
  return {
    round: null,
    date: null,
    time: null,
    roundType: null,
    program: null,
    category: null,
    name: null,
    version: null,
    listYear: null,
    invitations: null,
    crs: null,
    tieBreak: null,
    distribution: null,
    source,
    line,
    via,
  };
}

function hasFigures(c: DrawClaim): boolean {
  return c.invitations !== null || c.crs !== null || c.tieBreak !== null || c.time !== null || c.name !== null;
}

function validCrs(n: number): number | null {
  return Number.isInteger(n) && n > 0 && n <= MAX_CRS ? n : null;
}

function validInvitations(n: number): number | null {
  return Number.isInteger(n) && n > 0 && n <= MAX_INVITATIONS ? n : null;
}

function validRound(digits: string, letter = ""): RoundId | null {
  const n = Number(digits);
  // Four-digit numbers between 1900 and 2100 are years, not rounds.
  return Number.isInteger(n) && n > 0 && n < 10_000 && !(n >= 1900 && n <= 2100) ? `${n}${letter.toLowerCase()}` : null;
}

/** Reads a round name such as "STEM occupations (2023-1)" into category, kind, version and list year. */
export function describeProgram(program: string): Pick<DrawClaim, "category" | "roundType" | "version" | "listYear" | "name"> {
  const name = squash(program);
  const category = categoriesIn(name)[0] ?? null;
  const version = /\((\d{4}-\d+)\)/.exec(name)?.[1] ?? null;
  return {
    name,
    category,
    version,
    listYear: yearOfVersion(version),
    roundType: category ? roundTypeOf(category) : roundTypeFromLabel(name),
  };
}

function tieBreakFrom(text: string): TieBreak | null {
  const m = new RegExp(`(${FULL_DATE})(?:,?\\s*(?:at\\s*)?(${TIME}))?`, "i").exec(text);
  const date = m?.[1] ? parseDate(m[1]) : null;
  if (!date) return null;
  return { date, time: m?.[2] ? parseTime(m[2]) : null };
}

type FieldKind = "round" | "date" | "type" | "program" | "crs" | "invitations" | "tie" | "time";

const LABELS: readonly [FieldKind, RegExp][] = [
  ["tie", /^tie-?breaking(?: rule)?$/i],
  ["round", /^(?:express entry )?(?:round|draw)(?: number| no\.?| #)?$/i],
  ["date", /^(?:(?:draw|round) )?date(?: of (?:the )?(?:draw|round))?$|^date (?:and time )?of (?:the )?(?:draw|round)$/i],
  ["time", /^(?:draw |round )?time(?: \(utc\))?$/i],
  ["type", /^(?:draw|round) type$|^type of (?:draw|round)$/i],
  ["program", /^(?:immigration )?program(?: specified)?$|^(?:draw )?category$/i],
  [
    "crs",
    /^(?:minimum |lowest )?crs(?: cut-?off)?(?: score)?$|^(?:crs )?cut-?off(?: score)?$|^crs score of (?:the )?lowest-ranked candidate(?: invited)?$/i,
  ],
  ["invitations", /^(?:no\.?|number) of (?:invitations|itas)(?: issued)?$|^(?:invitations|itas)(?: issued)?$/i],
];

function fieldOf(line: string): { kind: FieldKind; value: string } | null {
  const m = /^\s*(?:[*\-]|\d+[.)])?\s*([A-Za-z#. ()-]{2,60}?)\s*:\s*(.*\S)\s*$/.exec(line);
  if (!m?.[1] || !m[2]) return null;
  const label = squash(m[1]);
  for (const [kind, re] of LABELS) if (re.test(label)) return { kind, value: m[2] };
  return null;
}

const ROUND_REF = /(?:\b(?:round|draw)\s*(?:no\.?\s*|number\s*)?#?\s*|#)(\d{2,4})([ab])?\b/gi;

function roundsIn(text: string): RoundId[] {
  const rounds = new Set<RoundId>();
  for (const m of text.matchAll(ROUND_REF)) {
    const n = validRound(m[1] ?? "", m[2]);
    if (n !== null) rounds.add(n);
  }
  return [...rounds];
}

// Key-value blocks: "CRS Cut-off Score: 486" lines, grouped until a line that is not a field.
function fromFields(article: Article, used: Set<number>): DrawClaim[] {
  const claims: DrawClaim[] = [];
  const lines = article.lines;
  let i = 0;
  while (i < lines.length) {
    const first = fieldOf(lines[i]?.text ?? "");
    if (!first) {
      i += 1;
      continue;
    }
    const start = i;
    const block: { kind: FieldKind; value: string; index: number }[] = [];
    while (i < lines.length) {
      const text = lines[i]?.text ?? "";
      if (text.trim() === "") {
        i += 1;
        continue;
      }
      const f = fieldOf(text);
      if (!f) break;
      block.push({ ...f, index: i });
      i += 1;
    }
    if (block.length < 2) continue;
    const claim = emptyClaim(article.id, (lines[start]?.number ?? 1), "fields");
    for (const f of block) {
      used.add(f.index);
      switch (f.kind) {
        case "round":
          claim.round = roundsIn(`#${f.value.replace(/^#/, "")}`)[0] ?? null;
          break;
        case "date": {
          const d = findDates(f.value)[0];
          claim.date = d?.iso ?? null;
          const t = new RegExp(TIME).exec(f.value.slice(d ? d.index + d.raw.length : 0));
          if (t) claim.time = parseTime(t[0]);
          break;
        }
        case "time":
          claim.time = parseTime(new RegExp(TIME).exec(f.value)?.[0] ?? "");
          break;
        case "type":
          claim.roundType = roundTypeFromLabel(f.value);
          break;
        case "program":
          Object.assign(claim, describeProgram(f.value));
          break;
        case "crs":
          claim.crs = validCrs(parseCount(/\d[\d,]*/.exec(f.value)?.[0] ?? ""));
          break;
        case "invitations":
          claim.invitations = validInvitations(parseCount(/\d[\d,]*/.exec(f.value)?.[0] ?? ""));
          break;
        case "tie":
          claim.tieBreak = tieBreakFrom(f.value);
          break;
      }
    }
    if (claim.round === null) {
      // The heading just above the block names the round ("Express Entry Draw 254").
      for (let j = start - 1, seen = 0; j >= 0 && seen < 3; j -= 1) {
        const t = lines[j]?.text.trim() ?? "";
        if (t === "") continue;
        seen += 1;
        const r = roundsIn(t)[0];
        if (r !== undefined) {
          claim.round = r;
          break;
        }
        if (!claim.date) claim.date = findDates(t)[0]?.iso ?? null;
      }
    }
    if (hasFigures(claim) && (claim.round !== null || claim.date !== null)) claims.push(claim);
  }
  return claims;
}

const TABLE_ROW = new RegExp(`^#?\\s*(\\d{1,4})\\s*(${FULL_DATE})\\s*(.*?[A-Za-z)])\\s*([\\d,\\s]+)$`, "i");

// Tables of rounds, cells glued or separated: "254July 5, 2023STEM occupations (2023-1)500486".
function fromTables(article: Article, used: Set<number>): DrawClaim[] {
  const claims: DrawClaim[] = [];
  article.lines.forEach((line, index) => {
    if (used.has(index)) return;
    const text = squash(line.text.replace(/\|/g, " "));
    if (text.length > 300) return;
    const m = TABLE_ROW.exec(text);
    if (!m?.[1] || !m[2] || !m[3] || !m[4]) return;
    const round = validRound(m[1]);
    const date = parseDate(m[2]);
    if (round === null || !date) return;
    const tail = m[4].trim();
    let invitations: number | null = null;
    let crs: number | null = null;
    const separated = /^(\d{1,3}(?:,\d{3})+|\d+)\s+(\d{2,4})$/.exec(tail);
    if (separated?.[1] && separated[2]) {
      invitations = validInvitations(parseCount(separated[1]));
      crs = validCrs(Number(separated[2]));
    } else {
      // Glued cells: the CRS score is the last three digits (cut-offs are below 1,000).
      const digits = tail.replace(/[,\s]/g, "");
      if (digits.length >= 4) {
        invitations = validInvitations(Number(digits.slice(0, -3)));
        crs = validCrs(Number(digits.slice(-3)));
      }
    }
    if (invitations === null || crs === null) return;
    used.add(index);
    claims.push({
      ...emptyClaim(article.id, line.number, "table"),
      ...describeProgram(m[3]),
      round,
      date,
      invitations,
      crs,
    });
  });
  return claims;
}

const YEARLY = /\bthis year\b|\bso far\b|year[- ]to[- ]date|since january|in total this|\bwill\b|\bexpected\b|\bplans? to\b/i;
const CRS_PATTERNS: readonly RegExp[] = [
  /cut-?off(?: score)?(?: was| of| at| is|:)?\s*(\d{3,4})\b/i,
  /lowest-ranked candidate[^.]{0,80}?(?:was|of|at)\s*(\d{3,4})\b/i,
  /(?:minimum|lowest)\s+(?:Comprehensive Ranking System\s*)?(?:\(CRS\)\s*|CRS\s+)?(?:score\s+)?(?:of\s+)?(\d{3,4})\b/i,
  /\bCRS\)?\s+(?:cut-?off\s+)?score\s+(?:of|was|at)\s+(\d{3,4})\b/i,
];
const INVITATION_PATTERNS: readonly RegExp[] = [
  /\b(?:issued|sent|invited|extended)\s+(?:a total of\s+)?(\d{1,3}(?:,\d{3})+|\d+)\s+(?:invitations|ITAs?\b|candidates)/i,
  /(\d{1,3}(?:,\d{3})+|\d+)\s+(?:invitations to apply|invitations|ITAs?)\s*(?:\([^)]{0,20}\)\s*)?(?:were|have been|had been)\s+(?:issued|sent)/i,
  /(\d{1,3}(?:,\d{3})+|\d+)\s+(?:candidates\s+)?(?:were\s+)?invited\b/i,
];
const DRAW_WORDS = /\b(?:draws?|rounds?|invit\w*|ITAs?|held|conducted|issued)\b/i;

function firstMatch(patterns: readonly RegExp[], text: string): string | null {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m?.[1]) return m[1];
  }
  return null;
}

interface SentenceReading {
  rounds: RoundId[];
  date: string | null;
  claim: DrawClaim;
  anaphora: boolean;
  categoryHere: CategoryId | null;
}

function readSentence(s: string, source: string, line: number): SentenceReading {
  const claim = emptyClaim(source, line, "prose");
  const tie = /tie-?break/i.test(s);
  let date: string | null = null;
  if (tie) claim.tieBreak = tieBreakFrom(s.slice(s.search(/tie-?break/i)));
  else {
    for (const d of findDates(s)) {
      const before = s.slice(Math.max(0, d.index - 12), d.index);
      if (/as of\s*$|since\s*$|until\s*$|before\s*$|after\s*$/i.test(before)) continue;
      if (DRAW_WORDS.test(s) && !/\bwill\b/i.test(s)) date = d.iso;
      break;
    }
    const t = /\b(\d{1,2}:\d{2}:\d{2})\s*UTC\b/i.exec(s);
    if (t?.[1]) claim.time = parseTime(t[1]);
  }
  if (!YEARLY.test(s)) {
    const crs = firstMatch(CRS_PATTERNS, s);
    if (crs) claim.crs = validCrs(Number(crs));
    const inv = firstMatch(INVITATION_PATTERNS, s);
    if (inv) claim.invitations = validInvitations(parseCount(inv));
  }
  const cats = categoriesIn(s).filter((c) => !["fsw", "cec", "fst"].includes(c));
  return {
    rounds: /\bwill\b/i.test(s) ? [] : roundsIn(s),
    date,
    claim,
    anaphora: /\b(?:this|the) (?:draw|round)\b/i.test(s),
    categoryHere: cats.length === 1 ? (cats[0] ?? null) : null,
  };
}

function merge(into: DrawClaim, from: DrawClaim): void {
  into.crs ??= from.crs;
  into.invitations ??= from.invitations;
  into.tieBreak ??= from.tieBreak;
  into.time ??= from.time;
}

// Prose: "In round #254, the cut-off score was 486 points." A paragraph anchored to one round or one
// draw date gives its figures to that draw; "this draw" in an unanchored paragraph means the article's one draw.
function fromProse(article: Article, used: Set<number>): { anchored: DrawClaim[]; loose: DrawClaim[] } {
  const anchored: DrawClaim[] = [];
  const loose: DrawClaim[] = [];
  for (const p of article.paragraphs) {
    const free = p.lines.filter((l) => !used.has(l.number - 1));
    const first = free[0];
    if (!first) continue;
    const text = free.map((l) => l.text.trim()).join(" ");
    if (text.length > 5000) continue;
    const readings = sentences(text).map((s) => readSentence(s, article.id, first.number));
    const rounds = new Set<RoundId>(readings.flatMap((r) => r.rounds));
    const dates = new Set(readings.map((r) => r.date).filter((d): d is string => d !== null));
    if (rounds.size <= 1 && dates.size <= 1) {
      const claim = emptyClaim(article.id, first.number, "prose");
      claim.round = [...rounds][0] ?? null;
      claim.date = [...dates][0] ?? null;
      const anchorSentence = readings.find((r) => r.rounds.length > 0 || r.date !== null);
      claim.category = anchorSentence?.categoryHere ?? null;
      for (const r of readings) merge(claim, r.claim);
      if (claim.category) claim.roundType = roundTypeOf(claim.category);
      const useful = hasFigures(claim) || claim.category !== null;
      if (claim.round !== null || claim.date !== null) {
        if (useful) anchored.push(claim);
      } else if (readings.some((r) => r.anaphora) && hasFigures(claim)) loose.push(claim);
    } else {
      for (const r of readings) {
        if (r.rounds.length !== 1 && r.date === null) continue;
        const claim = { ...r.claim, round: r.rounds.length === 1 ? (r.rounds[0] ?? null) : null, date: r.date };
        claim.category = r.categoryHere;
        if (claim.category) claim.roundType = roundTypeOf(claim.category);
        if (hasFigures(claim)) anchored.push(claim);
      }
    }
  }
  return { anchored, loose };
}

/** Every statement about a round of invitations in an article: field blocks, tables and prose. */
export function extractDraws(article: Article): DrawClaim[] {
  const used = new Set<number>();
  const fields = fromFields(article, used);
  const tables = fromTables(article, used);
  const prose = fromProse(article, used);
  const claims = [...fields, ...tables, ...prose.anchored];
  // "This draw" resolves to the article's one draw, when its field blocks and prose name exactly one.
  const focus = new Set(
    [...fields, ...prose.anchored].map((c) => (c.round !== null ? `r${c.round}` : `d${c.date}`)),
  );
  const only = [...fields, ...prose.anchored][0];
  if (focus.size === 1 && only) {
    for (const c of prose.loose) claims.push({ ...c, round: only.round, date: only.date });
  }
  return claims;
}
