import {
  addDays,
  endOfMonth,
  endOfYear,
  format,
  isValid,
  startOfMonth,
  startOfWeek,
  startOfYear,
  subDays,
  subMonths,
  subWeeks,
  subYears,
} from "date-fns";
import type { DateMention, Period } from "./question.js";
import { matchesOf } from "./pattern.js";

const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "((?:19|20)\\d\\d)";

// The composite patterns, compiled once.
const P1 = new RegExp(`\\b${MONTH} ${DAY},? ${YEAR}\\b`);
const P2 = new RegExp(`\\b${DAY} (?:of )?${MONTH},? ${YEAR}\\b`);
const P3 = new RegExp(`\\b(?:between|from) ${MONTH} ${DAY}(?:,? ${YEAR})? (?:and|to|-|until) ${MONTH} ${DAY},? ${YEAR}\\b`);
const P4 = new RegExp(`\\b(after|before) ${YEAR}\\b`);
const P5 = new RegExp(`\\b(?:between|from) ${MONTH}(?: ${YEAR})? (?:and|to|-) ${MONTH},? ${YEAR}\\b`);
const P6 = new RegExp(`\\b(?:between|from) ${YEAR} (?:and|to|-) ${YEAR}\\b`);
const P7 = new RegExp(`\\b${MONTH},? ${YEAR}\\b`);
const P8 = new RegExp(`\\bsince ${MONTH}\\b`);
const P9 = new RegExp(`\\bsince ${YEAR}\\b`);
const P10 = new RegExp(`\\b${MONTH} ${DAY}\\b(?! ?(?:points|pts|crs))`);
const P11 = new RegExp(`\\b${DAY} (?:of )?${MONTH}\\b`);
const P12 = new RegExp(`\\b(?:in|during|of|for|since|from)(?: the)? ${MONTH}\\b|\\bthe ${MONTH} (?:one|ones|draws?|rounds?)\\b|^(?:and|or|what about|how about)(?: (?:in|for))? ${MONTH}$`);
const P13 = new RegExp(`(?:^|[^\\d#])${YEAR}(?:'?s)?(?![\\d])`);

// Month (from 0) and day of the holidays a date can be named by.
const HOLIDAYS: readonly [RegExp, [number, number]][] = [
  [/^christmas eve/, [11, 24]],
  [/^(?:christmas|xmas)/, [11, 25]],
  [/^boxing/, [11, 26]],
  [/^new year'?s eve/, [11, 31]],
  [/^new year/, [0, 1]],
  [/^canada/, [6, 1]],
];

/** Dates, periods and years found in a clause, with the spans they used so other readers skip them. */
export interface DateFindings {
  readonly dates: DateMention[];
  readonly periods: Period[];
  readonly years: number[];
  readonly spans: [number, number][];
}

const iso = (d: Date): string => format(d, "yyyy-MM-dd");

// The three letters every way of writing a month starts with ("sept", "september", "sep" are all "sep").
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3));
}

function monthPeriod(year: number, month: number): Period {
  const start = new Date(year, month, 1);
  return { from: iso(start), to: iso(endOfMonth(start)), label: format(start, "MMMM yyyy"), kind: "month" };
}

/** A month named without its year, in the year of a period of one year ("the september one" after the rounds of 2025). */
export function inYearOf(period: Period, year: Period): Period {
  const [y] = year.from.split("-").map(Number);
  const [, m] = period.from.split("-").map(Number);
  return period.yearless && year.kind === "year" && y !== undefined && m !== undefined ? monthPeriod(y, m - 1) : period;
}

/** The month or calendar year before or after a period of one month or year; undefined for other periods. */
export function shiftPeriod(period: Period, by: -1 | 1): Period | undefined {
  const [y, m] = period.from.split("-").map(Number);
  if (y === undefined || m === undefined) return undefined;
  if (period.kind === "month") return monthPeriod(y, m - 1 + by);
  if (period.kind === "year" && period.from.endsWith("-01-01")) return yearPeriod(y + by);
  return undefined;
}

/** A calendar year as a period. */
export function yearPeriod(year: number): Period {
  const start = new Date(year, 0, 1);
  return { from: iso(start), to: iso(endOfYear(start)), label: String(year), kind: "year" };
}

function validDate(y: number, m: number, d: number): Date | undefined {
  const date = new Date(y, m, d);
  return isValid(date) && date.getMonth() === m && date.getDate() === d ? date : undefined;
}

// "since jan 1 2026", "the week of 15 december 2025": words before a full date written either way (P1 or P2).
function afterFullDate(before: string): RegExp {
  return new RegExp(`\\b${before}(?:${P1.source.slice(2, -2)}|${P2.source.slice(2, -2)})\\b`);
}
const WEEK_OF = afterFullDate("(?:the )?week of (?:the )?");
const SINCE_DAY = afterFullDate("since (?:the )?");
const SINCE_MONTH = new RegExp(`\\bsince ${P7.source.slice(2)}`);
const QUARTER = new RegExp(`\\b(?:q([1-4]) ?(?:of )?${YEAR}|${YEAR} ?q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th) quarter (?:of )?${YEAR})\\b`);
const HOLIDAY = new RegExp(`\\b(christmas eve|christmas(?: day)?|xmas|boxing day|new year'?s eve|new year'?s(?: day)?|canada day)(?:,? ${YEAR})?`);
const DAYS_OF_MONTH = new RegExp(`\\b(?:(?:from|between) )?${DAY} ?(?:to|-|and|until|till|through) ?${DAY} (?:of )?${MONTH},? ${YEAR}\\b|\\b(?:(?:from|between) )?${MONTH} ${DAY} ?(?:to|-|and|until|till|through) ?${DAY},? ${YEAR}\\b`);
const YEAR_MONTH = new RegExp(`\\b${YEAR} ${MONTH} (?=(?:draws?|rounds?|ones?|cut-?offs?|itas?)\\b)`);
const MONTHS_COMPARED = new RegExp(`\\b${MONTH} (?:vs\\.?|versus|and|or|compared (?:to|with)) ${MONTH},? ${YEAR}\\b`);

// The date an afterFullDate pattern matched: month, day, year as P1 orders them, or day, month, year as P2 does.
function fullDateOf(m: RegExpExecArray): Date | undefined {
  const [month, day, year] = m[1] ? [m[1], m[2], m[3]] : [m[5], m[4], m[6]];
  return validDate(Number(year), monthIndex(month ?? ""), Number(day));
}

/** The most recent occurrence of a month (and day) not after today. */
function mostRecent(now: Date, month: number, day?: number): Date {
  const thisYear = new Date(now.getFullYear(), month, day ?? 1);
  return thisYear > now ? subYears(thisYear, 1) : thisYear;
}

function relative(now: Date, n: number, unit: string): Period {
  const u = unit.replace(/s$/, "");
  const from = u === "day" ? subDays(now, n) : u === "week" ? subWeeks(now, n) : u === "month" ? subMonths(now, n) : subYears(now, n);
  const label = n === 1 ? `the last ${u}` : `the last ${n} ${u}s`;
  return { from: iso(from), to: iso(now), label, kind: "relative" };
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/** How numeric dates are read: month first (English, the default) or day first (French: "05/07/2023" is July 5). */
export interface DateOptions {
  readonly dayFirst?: boolean;
}

/**
 * Finds dates and periods in a normalised clause. Numeric dates are read month first ("3/5/2025" is March 5, as
 * IRCC's English pages and North American usage write them), or day first with `dayFirst` (as French writes them),
 * unless the first reading is impossible; when both readings are valid the other one is kept as `alternative` so the
 * answer can say how it was read.
 */
export function findDates(text: string, now: Date, options: DateOptions = {}): DateFindings {
  const dates: DateMention[] = [];
  const periods: Period[] = [];
  const years: number[] = [];
  const spans: [number, number][] = [];
  let masked = text;
  const take = (re: RegExp, fn: (m: RegExpExecArray) => boolean): void => {
    // Most clauses name no date: a quick test first spares building the match list.
    if (!re.test(masked)) return;
    for (const m of matchesOf(re, masked)) {
      const start = m.index;
      if (fn(m as RegExpExecArray)) {
        spans.push([start, start + m[0].length]);
        masked = masked.slice(0, start) + " ".repeat(m[0].length) + masked.slice(start + m[0].length);
      }
    }
  };
  const addDate = (d: Date, raw: string, alternative?: Date): boolean => {
    dates.push({ iso: iso(d), text: raw.trim(), ...(alternative ? { alternative: iso(alternative) } : {}) });
    return true;
  };

  take(/\bsince (?:round|draw|#) ?#?(\d+[ab]?)\b/, (m) => {
    periods.push({ from: "2015-01-01", to: iso(now), label: `since round ${m[1]}`, kind: "since-round", sinceRound: m[1] ?? "" });
    return true;
  });
  take(/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => {
    const d = validDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return d ? addDate(d, m[0]) : false;
  });
  // "from 1 to 15 july 2026", "july 1-15, 2026": days of one month.
  take(DAYS_OF_MONTH, (m) => {
    const [d1, d2, month, year] = m[1] !== undefined ? [m[1], m[2], m[3], m[4]] : [m[6], m[7], m[5], m[8]];
    const from = validDate(Number(year), monthIndex(month ?? ""), Number(d1));
    const to = validDate(Number(year), monthIndex(month ?? ""), Number(d2));
    if (!from || !to || to < from) return false;
    periods.push({ from: iso(from), to: iso(to), label: `${format(from, "MMMM d, yyyy")} to ${format(to, "MMMM d, yyyy")}`, kind: "range" });
    return true;
  });
  take(P3, (m) => {
    const endYear = Number(m[6]);
    const from = validDate(m[3] ? Number(m[3]) : endYear, monthIndex(m[1] ?? ""), Number(m[2]));
    const to = validDate(endYear, monthIndex(m[4] ?? ""), Number(m[5]));
    if (!from || !to || to < from) return false;
    periods.push({ from: iso(from), to: iso(to), label: `${format(from, "MMMM d, yyyy")} to ${format(to, "MMMM d, yyyy")}`, kind: "range" });
    return true;
  });
  // "the week of december 15 2025": the seven days from that day.
  take(WEEK_OF, (m) => {
    const d = fullDateOf(m);
    if (!d) return false;
    const to = addDays(d, 6);
    periods.push({ from: iso(d), to: iso(to), label: `the week of ${format(d, "MMMM d, yyyy")}`, kind: "range" });
    return true;
  });
  // "since jan 1 2026": from that day to today, not the day alone.
  take(SINCE_DAY, (m) => {
    const d = fullDateOf(m);
    if (!d || d > now) return false;
    periods.push({ from: iso(d), to: iso(now), label: `since ${format(d, "MMMM d, yyyy")}`, kind: "relative" });
    return true;
  });
  // "since march 2025": from that month to today.
  take(SINCE_MONTH, (m) => {
    const from = new Date(Number(m[2]), monthIndex(m[1] ?? ""), 1);
    if (from > now) return false;
    periods.push({ from: iso(from), to: iso(now), label: `since ${format(from, "MMMM yyyy")}`, kind: "relative" });
    return true;
  });
  // "q1 2026", "2026 q3", "first quarter of 2025": three calendar months.
  take(QUARTER, (m) => {
    const ordinal = { first: 1, second: 2, third: 3, fourth: 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4 }[m[5] ?? ""];
    const q = Number(m[1] ?? m[4] ?? ordinal);
    const y = Number(m[2] ?? m[3] ?? m[6]);
    const from = new Date(y, (q - 1) * 3, 1);
    const to = endOfMonth(new Date(y, (q - 1) * 3 + 2, 1));
    periods.push({ from: iso(from), to: iso(to), label: `${format(from, "MMMM yyyy")} to ${format(to, "MMMM yyyy")}`, kind: "range" });
    years.push(y);
    return true;
  });
  // Days people name by their holiday: "christmas 2025", "new year's day 2026".
  take(HOLIDAY, (m) => {
    const [month, day] = HOLIDAYS.find(([re]) => re.test(m[1] ?? ""))?.[1] ?? [0, 1];
    const d = m[2] ? validDate(Number(m[2]), month, day) : mostRecent(now, month, day);
    return d ? addDate(d, m[0]) : false;
  });
  take(P1, (m) => {
    const d = validDate(Number(m[3]), monthIndex(m[1] ?? ""), Number(m[2]));
    return d ? addDate(d, m[0]) : false;
  });
  take(P2, (m) => {
    const d = validDate(Number(m[3]), monthIndex(m[2] ?? ""), Number(m[1]));
    return d ? addDate(d, m[0]) : false;
  });
  take(/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/, (m) => {
    const y = Number(m[3]) < 100 ? 2000 + Number(m[3]) : Number(m[3]);
    const a = Number(m[1]);
    const b = Number(m[2]);
    const monthFirst = validDate(y, a - 1, b);
    const dayFirst = validDate(y, b - 1, a);
    const [preferred, other] = options.dayFirst ? [dayFirst, monthFirst] : [monthFirst, dayFirst];
    if (preferred) return addDate(preferred, m[0], other && a !== b ? other : undefined);
    return other ? addDate(other, m[0]) : false;
  });
  take(P4, (m) => {
    const y = Number(m[2]);
    if (m[1] === "after") periods.push({ from: `${y + 1}-01-01`, to: iso(now), label: `since ${y + 1}`, kind: "relative" });
    else periods.push({ from: "2015-01-01", to: `${y - 1}-12-31`, label: `before ${y}`, kind: "range" });
    return true;
  });
  take(P5, (m) => {
    const endYear = Number(m[4]);
    const startYear = m[2] ? Number(m[2]) : endYear;
    const from = new Date(startYear, monthIndex(m[1] ?? ""), 1);
    const to = endOfMonth(new Date(endYear, monthIndex(m[3] ?? ""), 1));
    if (to < from) return false;
    periods.push({ from: iso(from), to: iso(to), label: `${format(from, "MMMM yyyy")} to ${format(to, "MMMM yyyy")}`, kind: "range" });
    return true;
  });
  take(P6, (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b < a) return false;
    periods.push({ from: `${a}-01-01`, to: `${b}-12-31`, label: `${a} to ${b}`, kind: "range" });
    return true;
  });
  // "jan vs jul 2026": two months of one year, for a comparison.
  take(MONTHS_COMPARED, (m) => {
    const y = Number(m[3]);
    periods.push(monthPeriod(y, monthIndex(m[1] ?? "")), monthPeriod(y, monthIndex(m[2] ?? "")));
    return true;
  });
  take(P7, (m) => {
    periods.push(monthPeriod(Number(m[2]), monthIndex(m[1] ?? "")));
    return true;
  });
  // "in 2025 may draw", "the 2024 march round": the year before the month, when a round is named right after.
  take(YEAR_MONTH, (m) => {
    periods.push(monthPeriod(Number(m[1]), monthIndex(m[2] ?? "")));
    return true;
  });
  take(/\b(0?[1-9]|1[0-2])\/((?:19|20)\d\d)\b/, (m) => {
    periods.push(monthPeriod(Number(m[2]), Number(m[1]) - 1));
    return true;
  });
  take(P8, (m) => {
    const from = mostRecent(now, monthIndex(m[1] ?? ""));
    periods.push({ from: iso(from), to: iso(now), label: `since ${format(from, "MMMM yyyy")}`, kind: "relative" });
    return true;
  });
  take(P9, (m) => {
    periods.push({ from: `${m[1]}-01-01`, to: iso(now), label: `since ${m[1]}`, kind: "relative" });
    return true;
  });
  take(/\b(?:in |over |during |within )?(?:the )?(?:last|past|previous) (\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (days?|weeks?|months?|years?)\b/, (m) => {
    const n = NUMBER_WORDS[m[1] ?? ""] ?? Number(m[1]);
    if (!Number.isInteger(n) || n <= 0 || n > 20) return false;
    periods.push(relative(now, n, m[2] ?? "month"));
    return true;
  });
  // "the 6 last months", "since 6 months": the order French ("les 6 derniers mois", "depuis 6 mois") and many learners use.
  take(/\b(?:in |over |during |within )?(?:the |of )?(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:last|latest|past|previous) (days?|weeks?|months?|years?)\b|\bsince (\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (days|weeks|months|years)\b/, (m) => {
    const n = NUMBER_WORDS[m[1] ?? m[3] ?? ""] ?? Number(m[1] ?? m[3]);
    if (!Number.isInteger(n) || n <= 0 || n > 20) return false;
    periods.push(relative(now, n, m[2] ?? m[4] ?? "month"));
    return true;
  });
  // "any FST draw recently?": the last twelve months, so that a round six years old is not called recent.
  take(/\b(?:recently|lately|of late)\b/, () => {
    periods.push(relative(now, 12, "month"));
    return true;
  });
  take(/\b(?:in |over |during |within )?the (?:last|past|latest) (week|month|year)\b|\bpast (week|month|year)\b/, (m) => {
    periods.push(relative(now, 1, m[1] ?? m[2] ?? "month"));
    return true;
  });
  take(/\b(?:so far )?this year(?: so far)?\b|\byear to date\b|\bytd\b|\bso far in (?:the year)\b/, () => {
    periods.push({ from: iso(startOfYear(now)), to: iso(now), label: `this year (${now.getFullYear()})`, kind: "year" });
    return true;
  });
  take(/\blast year\b/, () => {
    periods.push({ ...yearPeriod(now.getFullYear() - 1), label: `last year (${now.getFullYear() - 1})` });
    return true;
  });
  take(/\bthis month\b/, () => {
    periods.push({ ...monthPeriod(now.getFullYear(), now.getMonth()), label: `this month (${format(now, "MMMM yyyy")})` });
    return true;
  });
  // "this week": Monday of this week to today.
  take(/\bthis week\b/, () => {
    const monday = startOfWeek(now, { weekStartsOn: 1 });
    periods.push({ from: iso(monday), to: iso(now), label: `the week of ${format(monday, "MMMM d, yyyy")}`, kind: "range" });
    return true;
  });
  // "last week" is the calendar week before this one, Monday to Sunday.
  take(/\b(?:last|previous) week\b/, () => {
    const monday = subWeeks(startOfWeek(now, { weekStartsOn: 1 }), 1);
    const sunday = addDays(monday, 6);
    periods.push({ from: iso(monday), to: iso(sunday), label: `${format(monday, "MMMM d, yyyy")} to ${format(sunday, "MMMM d, yyyy")}`, kind: "range" });
    return true;
  });
  take(/\blast month\b/, () => {
    const prev = subMonths(startOfMonth(now), 1);
    periods.push({ ...monthPeriod(prev.getFullYear(), prev.getMonth()), label: `last month (${format(prev, "MMMM yyyy")})` });
    return true;
  });
  take(/\byesterday\b/, () => addDate(subDays(now, 1), "yesterday"));
  take(/\btoday\b/, () => addDate(now, "today"));
  take(P10, (m) => {
    const month = monthIndex(m[1] ?? "");
    const day = Number(m[2]);
    if (!validDate(2000, month, day)) return false;
    // "may 5" is a date; but "may" alone is a verb, so only a day after it makes it one.
    return addDate(mostRecent(now, month, day), m[0]);
  });
  take(P11, (m) => {
    const month = monthIndex(m[2] ?? "");
    const day = Number(m[1]);
    if (!validDate(2000, month, day)) return false;
    return addDate(mostRecent(now, month, day), m[0]);
  });
  take(P12, (m) => {
    const d = mostRecent(now, monthIndex(m[1] ?? m[2] ?? m[3] ?? ""));
    periods.push({ ...monthPeriod(d.getFullYear(), d.getMonth()), yearless: true });
    return true;
  });
  take(P13, (m) => {
    const y = Number(m[1]);
    if (y < 2015 || y > now.getFullYear() + 1) return false;
    years.push(y);
    periods.push(yearPeriod(y));
    return true;
  });
  return { dates, periods, years, spans };
}

