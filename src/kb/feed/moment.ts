import { UTCDate } from "@date-fns/utc";
import { format, isValid, parse, subYears } from "date-fns";

/** A date and time read from the feed's free text, in UTC. */
export interface FeedMoment {
  readonly date: string;
  readonly time: string | null;
  /** True when the text gave no year and the year was taken from the round's own date. */
  readonly yearAssumed: boolean;
}

// The wordings IRCC has used, as date-fns formats: every combination of a date, a joiner and a time, with or
// without "UTC". Most rounds use the first combination, so it is tried first.
const DATES = ["MMMM d, yyyy", "MMMM d,yyyy", "MMMM d yyyy", "MMMM d. yyyy"] as const;
const YEARLESS_DATES = ["MMMM d"] as const;
const JOINERS = [" 'at' ", ", 'at' ", " ", " 'at'"] as const;
// "h:mm:ss a" reads a true 12-hour time; the literal AM/PM variants read a 24-hour time that also carries
// a marker ("15:48:39 AM"), where the hour alone is unambiguous.
const TIMES = ["H:mm:ss", "h:mm:ss a", "H:mm:ss 'AM'", "H:mm:ss 'PM'"] as const;
const ZONES = [" 'UTC'", ""] as const;

function combine(dates: readonly string[]): string[] {
  const out: string[] = [];
  for (const zone of ZONES) for (const time of TIMES) for (const joiner of JOINERS) for (const date of dates) out.push(`${date}${joiner}${time}${zone}`);
  return out;
}

const DATE_TIME_FORMATS = combine(DATES);
const YEARLESS_FORMATS = combine(YEARLESS_DATES);
const DATE_ONLY_FORMATS = [...DATES];
const ISO_DATE = "yyyy-MM-dd";
// Two rounds repeat the date in ISO form after "at" ("January 23, 2025 at 2025-01-23 15:30:04 UTC").
const REPEATED_ISO_DATE = /(?<=\bat )(\d{4}-\d{2}-\d{2}) /;

function firstParse(text: string, formats: readonly string[], reference: Date): Date | null {
  for (const f of formats) {
    const d = parse(text, f, reference);
    if (isValid(d)) return d;
  }
  return null;
}

function utcReference(isoDate: string | null): UTCDate {
  const d = isoDate ? parse(isoDate, ISO_DATE, new UTCDate(0)) : null;
  return d && isValid(d) ? new UTCDate(d.getTime()) : new UTCDate(0);
}

/** Reads an ISO date (YYYY-MM-DD) that is a real calendar day; null otherwise. */
export function readIsoDate(text: string): string | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return null;
  const d = parse(t, ISO_DATE, new UTCDate(0));
  return isValid(d) ? format(d, ISO_DATE) : null;
}

/** Reads a date in words ("July 19, 2026") as YYYY-MM-DD; null when no accepted format matches. */
export function readWordDate(text: string): string | null {
  const t = text.replace(/\s+/g, " ").trim();
  const d = firstParse(t, DATE_ONLY_FORMATS, new UTCDate(0));
  return d ? format(d, ISO_DATE) : null;
}

/** Reads a feed timestamp ("July 23, 2026 at 10:19:47 UTC" and its variants) as a UTC date and time. */
export function readFeedMoment(text: string, roundDate: string | null): FeedMoment | null {
  const t = text.replace(/\s+/g, " ").trim();
  if (t === "") return null;
  const reference = utcReference(roundDate);
  const full = firstParse(t, DATE_TIME_FORMATS, reference) ?? firstParse(t, DATE_ONLY_FORMATS, reference);
  if (full) return { date: format(full, ISO_DATE), time: /\d:\d/.test(t) ? format(full, "HH:mm:ss") : null, yearAssumed: false };
  const repeated = REPEATED_ISO_DATE.exec(t);
  if (repeated?.[1]) {
    const once = firstParse(t.replace(REPEATED_ISO_DATE, ""), DATE_TIME_FORMATS, reference);
    if (once && format(once, ISO_DATE) === repeated[1]) return { date: repeated[1], time: format(once, "HH:mm:ss"), yearAssumed: false };
    return null;
  }
  // A cut-off without a year lies before its round: the round's year, or the year before.
  const yearless = firstParse(t, YEARLESS_FORMATS, reference);
  if (!yearless) return null;
  const moment = roundDate && format(yearless, ISO_DATE) > roundDate ? subYears(yearless, 1) : yearless;
  return { date: format(moment, ISO_DATE), time: format(moment, "HH:mm:ss"), yearAssumed: true };
}
