/** A line of an article with its 1-based number and character offset. */
export interface Line {
  readonly text: string;
  readonly number: number;
  readonly offset: number;
}

/** A paragraph: consecutive non-empty lines. */
export interface Paragraph {
  readonly text: string;
  readonly line: number;
  readonly offset: number;
  readonly lines: readonly Line[];
}

// One-for-one replacements keep every offset valid in the original text.
const REPLACEMENTS: Readonly<Record<string, string>> = {
  "\u00a0": " ",
  "\u2007": " ",
  "\u202f": " ",
  "\u2009": " ",
  "\u200b": " ",
  "\ufeff": " ",
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2022": "*",
  "\u00b7": "*",
  "\t": " ",
  "\r": " ",
};

/** Replaces typographic characters with plain ones, one character for one, so offsets are kept. */
export function normalize(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f\u2009\u200b\ufeff\u2018\u2019\u201c\u201d\u2013\u2014\u2022\u00b7\t\r]/g, (c) => REPLACEMENTS[c] ?? c);
}

/** Splits text into lines with their numbers and offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let number = 1;
  for (const raw of text.split("\n")) {
    lines.push({ text: raw, number, offset });
    offset += raw.length + 1;
    number += 1;
  }
  return lines;
}

/** Groups lines into paragraphs separated by blank lines. */
export function paragraphs(lines: readonly Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Line[] = [];
  const flush = (): void => {
    const first = current[0];
    if (first) {
      out.push({
        text: current.map((l) => l.text.trim()).join(" "),
        line: first.number,
        offset: first.offset,
        lines: current,
      });
    }
    current = [];
  };
  for (const line of lines) {
    if (line.text.trim() === "") flush();
    else current.push(line);
  }
  flush();
  return out;
}

/** Splits a paragraph into sentences (simple and linear: a period, ! or ? followed by a space and a capital). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=["(]?[A-Z0-9#])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Collapses runs of white space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Parses "2,300" or "2300" as a number. */
export function parseCount(text: string): number {
  return Number(text.replace(/[,\s]/g, ""));
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** Matches a month name or its common abbreviation. */
export const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const ORD = "(?:st|nd|rd|th)?";

/** Matches a full date in the formats articles use: "July 5, 2023", "July 5th, 2023", "5 July 2023", "2023-07-05". */
export const FULL_DATE = `(?:${MONTH}\\.? \\d{1,2}${ORD},? \\d{4}|\\d{1,2}${ORD} ${MONTH}\\.?,? \\d{4}|\\d{4}-\\d{2}-\\d{2})`;

/** Matches a date that may lack its year: "July 5" or "5 July". */
export const PARTIAL_DATE = `(?:${MONTH}\\.? \\d{1,2}${ORD}|\\d{1,2}${ORD} ${MONTH})`;

/** Matches a time of day: "13:38:22" or "00:01". */
export const TIME = "\\d{1,2}:\\d{2}(?::\\d{2})?";

function monthIndex(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, "").slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key));
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || year < 1900 || year > 2999) return null;
  const d = new Date(Date.UTC(year, month, day));
  if (d.getUTCMonth() !== month) return null;
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Parses one date in any supported format into YYYY-MM-DD; a year may be supplied for dates without one. */
export function parseDate(text: string, defaultYear?: number): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  m = /^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,?(?: (\d{4}))?$/.exec(t);
  if (m) {
    const year = m[3] ? Number(m[3]) : defaultYear;
    return year === undefined ? null : iso(year, monthIndex(m[1] ?? ""), Number(m[2]));
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,?(?: (\d{4}))?$/.exec(t);
  if (m) {
    const year = m[3] ? Number(m[3]) : defaultYear;
    return year === undefined ? null : iso(year, monthIndex(m[2] ?? ""), Number(m[1]));
  }
  return null;
}

/** Every full date in a text, in order, with where it starts. */
export function findDates(text: string): { iso: string; index: number; raw: string }[] {
  const out: { iso: string; index: number; raw: string }[] = [];
  for (const m of text.matchAll(new RegExp(FULL_DATE, "gi"))) {
    const value = parseDate(m[0]);
    if (value) out.push({ iso: value, index: m.index, raw: m[0] });
  }
  return out;
}

/** Normalises a time to HH:MM:SS. */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? "0")];
  if (h > 23 || min > 59 || s > 59) return null;
  return [h, min, s].map((n) => String(n).padStart(2, "0")).join(":");
}

/** Lower-cases and strips punctuation so titles can be compared. */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The sentences of a paragraph, each with the line it starts on. */
export function sentencesOf(p: Paragraph): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  // Start offsets of each trimmed line inside the joined paragraph text.
  const starts: number[] = [];
  let at = 0;
  for (const l of p.lines) {
    starts.push(at);
    at += l.text.trim().length + 1;
  }
  let from = 0;
  for (const s of sentences(p.text)) {
    const index = Math.max(0, p.text.indexOf(s, from));
    from = index + s.length;
    let k = 0;
    while (k + 1 < starts.length && (starts[k + 1] ?? Infinity) <= index) k += 1;
    out.push({ text: s, line: p.lines[k]?.number ?? p.line });
  }
  return out;
}
