import { capital, formatDate, formatNumber, joinAnd, plural } from "../core/format.js";
import type { Period } from "../nlu/question.js";
import { pick, type Catalog } from "./lang.js";

/** How a round's lead sentence is built: the round as subject (of a type, or dated), or the round as what "which" names. */
export type LeadShape = "of-type" | "dated" | "which";

/** Whether a score clears a round's cut-off, for the lines of a score check. */
export interface ClearLine {
  readonly ok: boolean;
  readonly round: string;
  readonly crs: number | null;
}

/** A slash command's or option's name and description, as Discord and Slack show them. */
export interface Named {
  readonly name: string;
  readonly description: string;
}

/** A slash command's words: its own and its options'. */
export interface CommandWords extends Named {
  readonly options: Readonly<Record<string, Named>>;
}

/** The round skills' slash commands. */
export type DrawCommand = "draw" | "rounds" | "tiebreak" | "pool" | "check";

/** The sentences of the round skills (one round, many rounds, tie-break, pool, score check), in one language. */
export interface DrawMessages {
  readonly commands: Readonly<Record<DrawCommand, CommandWords>>;

  // Shared pieces.
  /** A period's label in this language: "the last 6 months" / "les 6 derniers mois". */
  readonly period: (p: Period) => string;
  /** A period's label after a verb: "in March 2025", "since 2023" / "en mars 2025", "depuis 2023". */
  readonly during: (label: string) => string;
  /** "3 CEC rounds" / "3 tirages PEC"; kind is typePhrase's "CEC " or "". */
  readonly rounds: (n: number, kind: string) => string;
  readonly tieBreakMoment: (date: string, time: string | null) => string;
  readonly fieldRound: string;
  readonly fieldDate: string;
  readonly fieldType: string;
  readonly fieldInvitations: string;
  readonly fieldCutoff: string;
  readonly fieldTieBreak: string;
  readonly dateTime: (date: string, time: string | null) => string;
  readonly figureInvitations: (n: number) => string;
  readonly figureCutoff: (crs: number) => string;
  readonly figureTieBreak: (moment: string) => string;
  readonly figures: (parts: readonly string[]) => string;
  readonly noFigures: string;
  readonly conflictField: (field: string) => string;
  readonly conflictClaim: (value: string, sources: readonly string[]) => string;
  readonly conflict: (field: string, round: string, claims: readonly string[], chosen: string, official: boolean) => string;
  readonly noRoundsYet: string;
  readonly recordsEnd: (round: string) => string;
  readonly unknownRoundType: (id: string) => string;
  readonly yes: string;
  readonly no: string;

  // One round.
  readonly noSuchRound: string;
  readonly roundsRun: (first: string, firstDate: string, last: string, lastDate: string) => string;
  readonly unknownRound: (round: string) => string;
  readonly roundTitle: (round: string) => string;
  readonly leadCutoff: (crs: number, round: string, which: string, when: string, invitations: number | null) => string;
  readonly leadInvitations: (invitations: number, round: string, which: string, when: string, crs: number | null) => string;
  /** A round's figures; `shape` says whether the round is the subject ("Round 254 (...), a STEM round, ...", dated when
   * asked by its date) or what the round is ("The latest CEC round I know of is round 428 ..."). */
  readonly leadAll: (which: string, round: string, when: string, figures: string, shape: LeadShape) => string;
  /** "131 days have passed since round 430 (...), the latest round I know of: ..." */
  readonly leadElapsed: (days: number, round: string, which: string, figures: string) => string;
  readonly whichLatestOverall: string;
  readonly whichOfType: (label: string) => string;
  /** "the CEC round after round 300 (July 4, 2024, trades)": a round named by its neighbour; kind is "" or "CEC ". */
  readonly whichBeside: (kind: string, after: boolean, round: string) => string;
  readonly whichHeldOn: (date: string) => string;
  readonly whichFirstOrLatest: (first: boolean, kind: string, during: string) => string;
  readonly ircName: (name: string) => string;
  readonly previousOfType: (label: string, round: string, crs: number) => string;
  readonly latestOverall: (round: string) => string;
  readonly readDate: (read: string, dayFirst: boolean, other: string, otherIso: string) => string;
  readonly noRoundOn: (date: string, before: string | null, after: string | null, reading: string) => string;
  /** A date or period after the last round the records hold: none known, and why that is not a plain "no"; `when` as after a verb ("on December 1, 2026", "in August 2026"). */
  /** "on December 1, 2026" / « le 1er décembre 2026 ». */
  readonly onDate: (date: string) => string;
  readonly afterRecords: (when: string, latest: string, figures: string) => string;
  readonly sameDay: (round: string, figures: string) => string;
  readonly noRoundOfKind: (yesNo: boolean, kind: string, during: string) => string;
  /** "Yes: " before a lead; in French the lead then goes on in lower case ("Oui : tirage 430 ..."). */
  readonly yesLead: (lead: string) => string;
  /** "was round 240 a PNP round?" when it was not: No first, then the round. */
  readonly notOfType: (label: string, lead: string) => string;
  readonly roundSuggestion: (round: string) => string;
  readonly suggestLastCec: string;
  readonly suggestTieBreakOf: (round: string) => string;
  readonly suggestWouldHave: (score: number) => string;
  readonly suggestPool: string;
  readonly roundExamples: { readonly lastCutoff: string; readonly lastCec: string; readonly round: (round: string) => string };
  readonly notRoundNumber: (text: string) => string;

  // Tie-break.
  readonly tieRule: string;
  /** A round's tie-breaking moment given as an example of the rule. */
  readonly tieExample: (moment: string) => string;
  readonly tieTitle: string;
  readonly tieTitleOf: (round: string) => string;
  readonly tieUnknown: (what: { round?: string; date?: string; kind: string }) => string;
  readonly tieMoment: (moment: string, round: string, crs: number | null) => string;
  readonly tieNone: (round: string) => string;
  readonly tieSuggestLast: string;
  readonly tieCutoffField: string;
  readonly profileAfterRound: (round: string, submitted: string) => string;
  readonly profileNoCutoff: (round: string) => string;
  readonly profileAbove: (score: number, crs: number, round: string) => string;
  readonly profileBelow: (score: number, crs: number, round: string) => string;
  readonly profileNoTie: (score: number, round: string, submitted: string) => string;
  readonly profileSameDay: (score: number, round: string, moment: string) => string;
  readonly profileAtCutoff: (invited: boolean, score: number, round: string, moment: string, submitted: string) => string;
  readonly eligibleToo: string;

  // Many rounds.
  readonly allRounds: string;
  /** Every category's rounds at once, as a kind of round ("16 category rounds"). */
  readonly everyCategory: string;
  readonly lastN: (n: number, filter: string) => string;
  readonly cutoffFilter: (below: number | undefined, above: number | undefined, equals?: number) => string;
  /** The one round a filter keeps (the latest of them with `latest`), with its figures. */
  readonly foundOne: (yesNo: boolean, round: string, filter: string, latest: boolean, figures: string) => string;
  /** Rounds kept by how many they invited. */
  readonly sizeFilter: (below: number | undefined, above: number | undefined, equals?: number) => string;
  readonly withFilter: (label: string | null, filter: string) => string;
  readonly roundRange: (from: string, to: string) => string;
  readonly roundList: (rounds: readonly string[]) => string;
  readonly statTotal: (invitations: number, rounds: string, during: string) => string;
  readonly statCount: (rounds: string, during: string, invitations: number) => string;
  readonly statExtreme: (which: "lowest" | "highest", measure: "crs" | "invitations", value: number | null, count: number, rounds: string, during: string, round: string | null) => string;
  readonly statAverage: (measure: "crs" | "invitations", value: number | null, count: number, rounds: string, during: string, lowest: string, highest: string) => string;
  readonly statSummary: (rounds: string, during: string, invitations: number, measure: "crs" | "invitations", lowest: string, highest: string, average: number | null) => string;
  readonly valueIn: (value: number, round: string) => string;
  readonly none: string;
  readonly byTypeLine: (label: string, n: number, invitations: number, lowest: number | null, highest: number | null) => string;
  /** A round type's short label with its full name when they differ: "PNP (Provincial Nominee Program)". */
  readonly typeWithName: (label: string, name: string) => string;
  /** The round type (or types, tied) with the most or fewest rounds or invitations of a span. */
  readonly typeRanked: (fewest: boolean, invitations: boolean, types: string, value: number, total: number, during: string, typeCount: number) => string;
  /** Every round type of a span had as many rounds (or invitations). */
  readonly typesTied: (typeCount: number, invitations: boolean, value: number, during: string) => string;
  readonly compareSide: (label: string, during: string) => string;
  readonly compareLine: (label: string, n: number, invitations: number, average: number | null, lowest: number | null | undefined, highest: number | null | undefined) => string;
  readonly compareDiff: (points: number, lower: boolean, a: string, b: string) => string;
  readonly compareTitle: string;
  /** One round of a side of a comparison. */
  readonly compareOne: (label: string, round: string, crs: number | null, invitations: number) => string;
  /** How two single rounds' cut-offs differ. */
  readonly compareDiffOne: (points: number, lower: boolean, a: string, b: string) => string;
  readonly noRoundsTitle: string;
  /** The longest wait between two consecutive rounds of a span, and the wait since the latest one. */
  readonly longestGap: (days: number, kind: string, from: string, to: string, during: string) => string;
  readonly openGap: (days: number, round: string) => string;
  /** The days between two rounds, the only two asked about. */
  readonly daysBetween: (days: number, from: string, to: string) => string;
  /** Days with more than one round: "May 30, 2018 (rounds 91a and 91b)". */
  readonly sameDayLine: (date: string, rounds: readonly string[]) => string;
  readonly sameDays: (count: number, during: string, lines: readonly string[]) => string;
  readonly noRounds: (yesNo: boolean, kind: string, during: string, latest: string | null) => string;
  readonly roundLine: (round: string, crs: number | null, invitations: number) => string;
  readonly listShows: (n: number) => string;
  readonly change: (a: string, b: string, from: number, to: number) => string;
  readonly roundsTitle: (during: string) => string;
  readonly roundsText: (yesNo: boolean, summary: string, from: string, to: string) => string;
  readonly roundsSuggestions: (lastYear: number) => string[];
  readonly roundsExamples: (year: string) => string[];
  readonly badStat: (stat: string) => string;
  /** The stat option's values in this language, to the skill's own names. */
  readonly statWords: Readonly<Record<string, string>>;

  // Pool.
  readonly poolDistTitle: string;
  readonly noDistribution: (date: string | null) => string;
  /** A round named whose feed entry has no pool distribution. */
  readonly noDistributionWith: (round: string) => string;
  readonly poolHeader: (asOf: string, round: string) => string;
  readonly range: (min: number, max: number) => string;
  readonly rangeLine: (range: string, count: number, delta: number | null) => string;
  readonly poolRangeChange: (count: number, range: string, asOf: string, before: number, beforeAsOf: string) => string;
  readonly poolRangeNoBefore: (count: number, range: string, asOf: string, since: string) => string;
  readonly poolRange: (count: number, range: string, header: string, total: number) => string;
  readonly poolRangeInexact: (asked: string, got: string, count: number, header: string, total: number) => string;
  /** After poolRangeInexact: the widest published span inside the one asked, so the count lies between the two. */
  readonly poolRangeInner: (inner: string, count: number) => string;
  readonly noDistributionDuring: (during: string) => string;
  readonly poolExtreme: (total: number, smallest: boolean, n: number, during: string, asOf: string, round: string, latestAsOf: string, latest: number) => string;
  readonly allDistributions: string;
  readonly poolNoEarlier: (header: string, total: number) => string;
  readonly poolChange: (diff: number, total: number, asOf: string, before: number, beforeAsOf: string) => string;
  readonly poolTotal: (total: number, header: string) => string;
  readonly poolTitle: string;
  readonly fieldTotal: string;
  readonly fieldAsOf: string;
  readonly poolSuggestions: readonly string[];
  readonly poolExamples: readonly string[];

  // Score check.
  readonly noRoundsToCompare: string;
  readonly askScoreTitle: string;
  readonly askScore: (round: string, crs: number | null) => string;
  readonly monthsTo: (months: number, date: string) => string;
  readonly clearLine: (line: ClearLine) => string;
  readonly whichLatestOfSpan: (kind: string, span: string) => string;
  readonly whichLatestKnown: (kind: string) => string;
  /** Yes or No first; when no one round answers the question (null), Yes, No or "in some rounds only" by the count. */
  readonly checkPeriodLead: (yes: boolean | null, score: number, enough: number, total: number, kind: string, during: string) => string;
  /** `missed`: the question asked whether the score fell short, so the lead answers that. */
  readonly checkRoundLead: (yes: boolean, which: string, score: number, crs: number, round: string, missed?: boolean) => string;
  readonly checkNoReference: (kind: string, score: number) => string;
  readonly enoughItem: (round: string, crs: number | null) => string;
  readonly namedList: (items: readonly string[]) => string;
  readonly namedCounts: (counts: string) => string;
  readonly theyWere: (items: readonly string[]) => string;
  /** The few rounds of the span the score would not have cleared, each as enoughItem. */
  readonly shortOf: (items: readonly string[]) => string;
  readonly theyWereCounts: (counts: string) => string;
  readonly checkSpan: (during: string, score: number, enough: number, total: number, kind: string, named: string) => string;
  readonly lowestThen: (crs: number | null, round: string) => string;
  readonly rangeThen: (lowest: number | null, highest: number | null, round: string) => string;
  readonly noRoundsDuring: (kind: string, during: string) => string;
  readonly atCutoff: (moment: string) => string;
  readonly categoryEligible: string;
  readonly latestOfTypeLine: (label: string, line: string) => string;
  readonly checkTitle: (score: number) => string;
  readonly fieldScore: string;
  readonly fieldCleared: string;
  readonly cleared: (enough: number, total: number) => string;
  readonly checkSuggestions: readonly string[];
  readonly checkExample: (score: number) => string;
  readonly badScore: () => string;
  readonly typeCount: (label: string, n: number) => string;
  readonly landing: (date: string, score: number, enough: number, total: number, counts: string | null, against: readonly string[]) => string;
}

// English period labels as src/nlu/dates.ts writes them, for saying them back in French.
const EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function isoOf(year: string, monthName: string, day = "1"): string | null {
  const m = EN_MONTHS.indexOf(monthName.toLowerCase());
  return m < 0 ? null : `${year}-${String(m + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** "mars 2026" from a month's English name and year; formatDate keeps the French month names in one place. */
function frMonth(year: string, monthName: string): string | null {
  const iso = isoOf(year, monthName);
  return iso ? formatDate(iso).replace(/^1er /, "") : null;
}

const FR_UNITS: Readonly<Record<string, { one: string; many: string; noun: string }>> = {
  day: { one: "le dernier jour", many: "derniers jours", noun: "jours" },
  week: { one: "la dernière semaine", many: "dernières semaines", noun: "semaines" },
  month: { one: "le dernier mois", many: "derniers mois", noun: "mois" },
  year: { one: "la dernière année", many: "dernières années", noun: "années" },
};

const EN_ALL_ROUNDS = "all the rounds I know of";
const FR_ALL_ROUNDS = "depuis le début d'Entrée express";

/** A period label in French: English labels from the parser are translated, French ones kept. */
function frLabel(label: string): string {
  const MONTH = "([A-Za-z]+)";
  let m: RegExpExecArray | null;
  if ((m = /^since round (\S+)$/.exec(label))) return `depuis le tirage ${m[1]}`;
  if ((m = new RegExp(`^the week of ${MONTH} (\\d{1,2}), (\\d{4})$`).exec(label))) {
    const from = isoOf(m[3] ?? "", m[1] ?? "", m[2]);
    if (from) return `la semaine du ${formatDate(from)}`;
  }
  if ((m = /^this year \((\d{4})\)$/.exec(label))) return `cette année (${m[1]})`;
  if ((m = /^last year \((\d{4})\)$/.exec(label))) return `l'an dernier (${m[1]})`;
  if ((m = new RegExp(`^this month \\(${MONTH} (\\d{4})\\)$`).exec(label))) return `ce mois-ci (${frMonth(m[2] ?? "", m[1] ?? "") ?? m[1]})`;
  if ((m = new RegExp(`^last month \\(${MONTH} (\\d{4})\\)$`).exec(label))) return `le mois dernier (${frMonth(m[2] ?? "", m[1] ?? "") ?? m[1]})`;
  if ((m = /^the last (?:(\d+) )?(day|week|month|year)s?$/.exec(label))) {
    const unit = m[2] ?? "month";
    const n = m[1] ? Number(m[1]) : 1;
    const words = FR_UNITS[unit];
    if (words) return n === 1 ? words.one : `les ${n} ${words.many}`;
  }
  if ((m = /^the (\d+) (day|week|month|year)s to (.+)$/.exec(label))) {
    const to = /^([A-Za-z]+) (\d{1,2}), (\d{4})$/.exec(m[3] ?? "");
    const iso = to ? isoOf(to[3] ?? "", to[1] ?? "", to[2]) : null;
    return `les ${m[1]} ${FR_UNITS[m[2] ?? ""]?.noun ?? m[2]} précédant le ${iso ? formatDate(iso) : m[3]}`;
  }
  if ((m = /^since (\d{4})$/.exec(label))) return `depuis ${m[1]}`;
  if ((m = new RegExp(`^since ${MONTH} (\\d{4})$`).exec(label))) return `depuis ${frMonth(m[2] ?? "", m[1] ?? "") ?? label}`;
  if ((m = new RegExp(`^since ${MONTH} (\\d{1,2}), (\\d{4})$`).exec(label))) {
    const from = isoOf(m[3] ?? "", m[1] ?? "", m[2]);
    if (from) return `depuis le ${formatDate(from)}`;
  }
  if ((m = /^before (\d{4})$/.exec(label))) return `avant ${m[1]}`;
  if ((m = /^(\d{4}) to (\d{4})$/.exec(label))) return `de ${m[1]} à ${m[2]}`;
  if ((m = new RegExp(`^${MONTH} (\\d{4}) to ${MONTH} (\\d{4})$`).exec(label))) {
    const a = frMonth(m[2] ?? "", m[1] ?? "");
    const b = frMonth(m[4] ?? "", m[3] ?? "");
    if (a && b) return `de ${a} à ${b}`;
  }
  if ((m = new RegExp(`^${MONTH} (\\d{1,2}), (\\d{4}) to ${MONTH} (\\d{1,2}), (\\d{4})$`).exec(label))) {
    const a = isoOf(m[3] ?? "", m[1] ?? "", m[2]);
    const b = isoOf(m[6] ?? "", m[4] ?? "", m[5]);
    if (a && b) return `du ${formatDate(a)} au ${formatDate(b)}`;
  }
  if ((m = new RegExp(`^${MONTH} (\\d{4})$`).exec(label))) return frMonth(m[2] ?? "", m[1] ?? "") ?? label;
  if (label === "all the rounds I know of") return FR_ALL_ROUNDS;
  return label;
}

/** A French period label after a verb: "en mars 2025", "au cours des 6 derniers mois", "depuis 2023" as it is. */
function frDuring(label: string): string {
  const l = frLabel(label);
  if (l === "") return "";
  if (/^(?:depuis|cette|ce |l'an|le mois|de |du |avant|parmi|au cours|entre|pour |avec |ayant |\()/.test(l)) return l;
  if (/^les /.test(l)) return `au cours des ${l.slice(4)}`;
  if (/^le /.test(l)) return `au cours du ${l.slice(3)}`;
  if (/^la /.test(l)) return `au cours de la ${l.slice(3)}`;
  return `en ${l}`;
}

/** "de 2024", "des 6 derniers mois", "depuis 2025" as it is: a French period label after "le plus récent". */
function frOf(label: string): string {
  if (/^(?:depuis|parmi|du |de |avant)/.test(label)) return label;
  if (/^les /.test(label)) return `des ${label.slice(4)}`;
  if (/^le /.test(label)) return `du ${label.slice(3)}`;
  if (/^(?:la |l')/.test(label)) return `de ${label}`;
  return `de ${label}`;
}

/** " PEC" or "": a French round type after its noun. */
function after(kind: string): string {
  return kind.trim() === "" ? "" : ` ${kind.trim()}`;
}

function enDuring(label: string): string {
  // "I know of 2 education rounds in all", not "... rounds all the rounds I know of".
  if (label === EN_ALL_ROUNDS) return "in all";
  if (/^(?:with|that) /.test(label)) return label;
  return /^(?:since|this|last|from|between|all|before)\b/.test(label) ? label : /^\w+ \d{1,2}, \d{4} to/.test(label) ? `from ${label}` : `in ${label}`;
}

function frInvitations(n: number): string {
  return n < 2 ? `${formatNumber(n)} invitation a été envoyée` : `${formatNumber(n)} invitations ont été envoyées`;
}

/** Every sentence the round skills say, in English and French, so tests can assert against them. */
export const DRAW_MESSAGES: Catalog<DrawMessages> = {
  en: {
    commands: {
      draw: {
        name: "draw",
        description: "A round of invitations: by number, or the latest of a type",
        options: { round: { name: "round", description: "Round number, as IRCC numbers it (some carry a letter)" }, type: { name: "type", description: "Program or category (latest round of it)" } },
      },
      rounds: {
        name: "rounds",
        description: "Rounds in a year or all time: counts, invitations, cut-offs",
        options: {
          type: { name: "type", description: "Program or category" },
          year: { name: "year", description: "Calendar year" },
          stat: { name: "stat", description: "summary, lowest, highest, average, total or count" },
        },
      },
      tiebreak: {
        name: "tiebreak",
        description: "The tie-breaking rule of a round",
        options: { round: { name: "round", description: "Round number (default: the latest)" }, type: { name: "type", description: "Program or category" } },
      },
      pool: {
        name: "pool",
        description: "The pool of candidates by CRS score",
        options: { above: { name: "above", description: "Count candidates above this score" }, below: { name: "below", description: "Count candidates below this score" } },
      },
      check: {
        name: "check",
        description: "Would a CRS score have been enough in past rounds?",
        options: { score: { name: "score", description: "Your CRS score" }, type: { name: "type", description: "Program or category" } },
      },
    },
    period: (p) => p.label,
    during: enDuring,
    rounds: (n, kind) => plural(n, `${kind}round`),
    tieBreakMoment: (date, time) => `${date}${time ? ` at ${time} UTC` : ""}`,
    fieldRound: "Round",
    fieldDate: "Date",
    fieldType: "Type",
    fieldInvitations: "Invitations",
    fieldCutoff: "CRS cut-off",
    fieldTieBreak: "Tie-breaking rule",
    dateTime: (date, time) => `${date}${time ? `, ${time} UTC` : ""}`,
    figureInvitations: (n) => `${formatNumber(n)} invitations`,
    figureCutoff: (crs) => `lowest CRS score invited ${crs}`,
    figureTieBreak: (moment) => `tie-breaking rule ${moment}`,
    figures: (parts) => `${parts.join("; ")}.`,
    noFigures: "I have no figures for it.",
    conflictField: (field) => (field === "crs" ? "cut-off" : field),
    conflictClaim: (value, sources) => `${value} per ${joinAnd(sources)}`,
    conflict: (field, round, claims, chosen, official) => `Sources disagree on the ${field} of round ${round}: ${claims.join("; ")}; I use ${chosen}${official ? ", IRCC's own record" : ""}.`,
    noRoundsYet: "I don't know of any rounds yet.",
    recordsEnd: (round) => `My records end with ${round}; newer rounds may have been held since.`,
    unknownRoundType: (id) => `I don't know the round type "${id}".`,
    yes: "Yes",
    no: "No",

    noSuchRound: "No such round",
    roundsRun: (first, firstDate, last, lastDate) => ` The rounds I know run from round ${first} (${firstDate}) to round ${last} (${lastDate}).`,
    unknownRound: (round) => `I don't know of a round ${round}.`,
    roundTitle: (round) => `Express Entry round ${round}`,
    leadCutoff: (crs, round, which, when, invitations) => `${crs}: the lowest CRS score invited in ${round}, ${which}${when}. ${invitations !== null ? `${formatNumber(invitations)} invitations were issued.` : ""}`.trim(),
    leadInvitations: (invitations, round, which, when, crs) => `${formatNumber(invitations)} invitations were issued in ${round}, ${which}${when}.${crs !== null ? ` The lowest CRS score invited was ${crs}.` : ""}`,
    // A round asked by its date names the date already.
    leadAll: (which, round, when, figures, shape) =>
      shape === "dated" ? `${capital(round)}${when}: ${figures}` : shape === "of-type" ? `${capital(round)}, ${which}${when}: ${figures}` : `${capital(which)} is ${round}${when}: ${figures}`,
    leadElapsed: (days, round, which, figures) => `${plural(days, "day")} ${days === 1 ? "has" : "have"} passed since ${round}, ${which}: ${figures}`,
    whichLatestOverall: "the latest round I know of",
    whichOfType: (label) => `${/^[aeiou]/i.test(label) ? "an" : "a"} ${label} round`,
    whichBeside: (kind, after, round) => `the ${kind}round ${after ? "after" : "before"} ${round}`,
    whichHeldOn: (date) => `held on ${date}`,
    whichFirstOrLatest: (first, kind, during) => `the ${first ? "first" : "latest"} ${kind}round I know of${during ? ` ${during}` : ""}`,
    ircName: (name) => `IRCC names it "${name}".`,
    previousOfType: (label, round, crs) => `The previous ${label} round, ${round}, had a cut-off of ${crs}.`,
    latestOverall: (round) => `The latest round of any type I know of is ${round}.`,
    readDate: (read, _dayFirst, other, otherIso) => `I read the date as ${read} (month first); for ${other}, write it as ${otherIso}.`,
    onDate: (date) => `on ${date}`,
    afterRecords: (when, latest, figures) => `No round I know of ${when}: my records end with ${latest}, so one may have been held since that I don't know of. The latest I know of: ${figures.replace(/\.$/, "")}.`,
    noRoundOn: (date, before, after, reading) => {
      const near = [before ? `the round before was ${before}` : "", after ? `the next was ${after}` : ""].filter(Boolean).join("; ");
      return `No: I know of no round on ${date}${near ? `; ${near}` : ""}. ${reading}`.trim();
    },
    sameDay: (round, figures) => `The same day: ${round}: ${figures}`,
    noRoundOfKind: (yesNo, kind, during) => `${yesNo ? "No: " : ""}I know of no ${kind}round${during ? ` ${during}` : ""}.`,
    yesLead: (lead) => `Yes: ${lead.replace(/^Round /, "round ")}`,
    notOfType: (label, lead) => `No, it was not ${/^[aeiou]/i.test(label) ? "an" : "a"} ${label} round: ${lead.replace(/^Round /, "round ")}`,
    roundSuggestion: (round) => `round ${round}`,
    suggestLastCec: "last CEC draw",
    suggestTieBreakOf: (round) => `tie-break of round ${round}`,
    suggestWouldHave: (score) => `I have ${score}, would I have been invited?`,
    suggestPool: "pool distribution",
    roundExamples: { lastCutoff: "what was the last cut-off?", lastCec: "last CEC draw", round: (round) => `round ${round}` },
    notRoundNumber: (text) => `"${text}" is not a round number: a number, with a letter for the rounds IRCC numbers so.`,

    tieExample: (moment) => `For example, the latest round I know of with one: ${moment}`,
    tieRule: "When several candidates have the same CRS score at the cut-off, IRCC invites those who submitted their profile first: the tie-breaking rule is that moment.",
    tieTitle: "Tie-breaking rule",
    tieTitleOf: (round) => `Tie-breaking rule, round ${round}`,
    tieUnknown: (what) => `I don't know of ${what.round ? `round ${what.round}` : what.date ? `a round on ${what.date}` : `a ${what.kind}round`}.`,
    tieMoment: (moment, round, crs) => `${moment}: in ${round}, candidates with the cut-off score of ${crs ?? "?"} were invited if they submitted their profile before then.`,
    tieNone: (round) => `IRCC published no tie-breaking rule for ${round}.`,
    tieSuggestLast: "tie-break of the last draw",
    tieCutoffField: "Cut-off",
    profileAfterRound: (round, submitted) => `No: ${round} was held before the profile was submitted (${submitted}).`,
    profileNoCutoff: (round) => `I have no cut-off for ${round}, so I can't tell.`,
    profileAbove: (score, crs, round) => `Yes: ${score} is above the cut-off of ${crs} in ${round}, so when the profile was submitted did not matter.`,
    profileBelow: (score, crs, round) => `No: ${score} is below the cut-off of ${crs} in ${round}.`,
    profileNoTie: (score, round, submitted) => `${score} is the cut-off of ${round}, but IRCC published no tie-breaking rule for it, so I can't tell whether a profile submitted on ${submitted} was invited.`,
    profileSameDay: (score, round, moment) => `It depends on the time: ${score} is the cut-off of ${round}, and only profiles submitted before ${moment} were invited; the profile was submitted that same day.`,
    profileAtCutoff: (invited, score, round, moment, submitted) =>
      `${invited ? "Yes" : "No"}: ${score} is the cut-off of ${round}, and only profiles submitted before ${moment} were invited; a profile submitted on ${submitted} was ${invited ? "before" : "after"} that.`,
    eligibleToo: " One also had to be eligible for the round's program or category.",

    allRounds: EN_ALL_ROUNDS,
    everyCategory: "category",
    lastN: (n, filter) => `the last ${n}${filter}`,
    cutoffFilter: (below, above, equals) => ` with a cut-off ${below !== undefined ? `below ${below}` : above !== undefined ? `above ${above}` : `of ${equals}`}`,
    sizeFilter: (below, above, equals) => ` that invited ${below !== undefined ? `fewer than ${formatNumber(below)}` : above !== undefined ? `more than ${formatNumber(above)}` : `exactly ${formatNumber(equals ?? 0)}`}`,
    withFilter: (label, filter) => (label ? `${label}${filter}` : filter.trimStart()),
    foundOne: (yesNo, round, filter, latest, figures) => `${yesNo ? "Yes: " : ""}${yesNo ? round : capital(round)} is ${latest ? "the latest round I know of" : "the one round I know of"}${filter}: ${figures}`,
    roundRange: (from, to) => `rounds ${from} to ${to}`,
    roundList: (rounds) => `rounds ${rounds.join(", ")}`,
    statTotal: (invitations, rounds, during) => `${formatNumber(invitations)} invitations were issued in ${rounds} ${during}.`,
    statCount: (rounds, during, invitations) => `I know of ${rounds} ${during}, with ${formatNumber(invitations)} invitations in all.`,
    statExtreme: (which, measure, value, _count, rounds, during, round) =>
      `${value !== null ? formatNumber(value) : "None"}: the ${which} ${measure === "crs" ? "cut-off" : "round size"} of the ${rounds} ${during}, in ${round ?? "no round"}.`,
    statAverage: (measure, value, _count, rounds, during, lowest, highest) =>
      `${value !== null ? formatNumber(value) : "None"}: the average ${measure === "crs" ? "cut-off" : "round size"} of the ${rounds} ${during} (lowest ${lowest}, highest ${highest}).`,
    statSummary: (rounds, during, invitations, measure, lowest, highest, average) =>
      lowest === highest
        ? `I know of ${rounds} ${during}: ${formatNumber(invitations)} invitations, ${measure === "crs" ? "cut-off" : "round size"} ${lowest}.`
        : `I know of ${rounds} ${during}: ${formatNumber(invitations)} invitations, ${measure === "crs" ? "cut-offs" : "round sizes"} from ${lowest} to ${highest}${average !== null ? `, average ${formatNumber(average)}` : ""}.`,
    valueIn: (value, round) => `${formatNumber(value)} in ${round}`,
    none: "none",
    typeWithName: (label, name) => (label.toLowerCase() === name.toLowerCase() ? label : `${label} (${name})`),
    typesTied: (typeCount, invitations, value, during) => `None: each of the ${typeCount} round types held ${during || "in the rounds I know of"} had ${invitations ? `${formatNumber(value)} invitations` : plural(value, "round")}.`,
    typeRanked: (fewest, invitations, types, value, total, during, typeCount) =>
      `${capital(types)}: ${invitations ? `${formatNumber(value)} of the ${formatNumber(total)} invitations` : `${formatNumber(value)} of the ${plural(total, "round")}`} ${during || "I know of"}, the ${fewest ? "fewest" : "most"} of the ${typeCount} round types held.`,
    byTypeLine: (label, n, invitations, lowest, highest) =>
      `${label}: ${plural(n, "round")}, ${formatNumber(invitations)} invitations, ${lowest !== null && highest !== null ? (lowest === highest ? `cut-off ${lowest}` : `cut-offs ${lowest} to ${highest}`) : "no cut-offs"}`,
    compareSide: (label, during) => `${label}${during ? ` ${during}` : ""}`,
    compareLine: (label, n, invitations, average, lowest, highest) =>
      `${label}: ${plural(n, "round")}, ${formatNumber(invitations)} invitations${average !== null ? `, average cut-off ${formatNumber(average)} (lowest ${lowest}, highest ${highest})` : ""}`,
    compareDiff: (points, lower, a, b) => ` The average cut-off was ${formatNumber(points)} points ${lower ? "lower" : "higher"} in ${a} than in ${b}.`,
    compareTitle: "Comparison of rounds",
    compareOne: (label, round, crs, invitations) => `${label}: ${round}, cut-off ${crs ?? "none"}, ${formatNumber(invitations)} invitations`,
    compareDiffOne: (points, lower, a, b) => ` The cut-off was ${formatNumber(points)} points ${lower ? "lower" : "higher"} in ${a} than in ${b}.`,
    noRoundsTitle: "No rounds",
    longestGap: (days, kind, from, to, during) => `${plural(days, "day")}: the longest gap between two ${kind}rounds ${during || "I know of"}, from ${from} to ${to}.`,
    openGap: (days, round) => ` ${plural(days, "day")} have passed since the latest, ${round}.`,
    daysBetween: (days, from, to) => `${plural(days, "day")} from ${from} to ${to}.`,
    sameDayLine: (date, rounds) => `${date} (rounds ${joinAnd(rounds)})`,
    sameDays: (count, during, lines) => (count === 0 ? `No: I know of no day with two rounds${during ? ` ${during}` : ""}.` : `Yes: ${plural(count, "day")} had more than one round${during ? ` ${during}` : ""}: ${lines.join("; ")}.`),
    noRounds: (yesNo, kind, during, latest) => `${yesNo ? "No" : "None"}: I know of no ${kind}rounds ${during}.${latest ? ` The latest ${kind}round I know of is ${latest}.` : ""}`,
    roundLine: (round, crs, invitations) => `${round}: ${crs ?? "?"} cut-off, ${formatNumber(invitations)} invitations`,
    listShows: (n) => ` The list shows the last 12 of ${n}.`,
    change: (a, b, from, to) => ` From ${a} to ${b} the cut-off went ${to === from ? "unchanged" : `${to > from ? "up" : "down"} ${Math.abs(to - from)} points`}, from ${from} to ${to}.`,
    roundsTitle: (during) => `Rounds ${during}`,
    roundsText: (yesNo, summary, from, to) => `${yesNo ? "Yes. " : ""}${summary}${from === to ? "" : ` They run from ${from} to ${to}.`}`,
    roundsSuggestions: (lastYear) => ["lowest CEC cut-off this year", `how many ITAs in ${lastYear}?`],
    roundsExamples: (year) => [`how many ITAs in ${year}?`, "lowest cut-off ever", `CEC draws in ${year}`],
    badStat: (stat) => `"${stat}" is not one of summary, lowest, highest, average, total, count.`,
    statWords: {},

    poolDistTitle: "Pool distribution",
    noDistribution: (date) => `I have no pool distribution published${date ? ` on or before ${date}` : ""}.`,
    noDistributionWith: (round) => `I have no pool distribution published with ${round}, so I can't say how the pool stood then.`,
    poolHeader: (asOf, round) => `As of ${asOf} (published with ${round})`,
    range: (min, max) => (max >= 1200 ? `${min} or more` : min <= 0 ? `${max} or less` : `${min} to ${max}`),
    rangeLine: (range, count, delta) => `${range}: ${formatNumber(count)}${delta !== null ? ` (${delta >= 0 ? "+" : "-"}${formatNumber(Math.abs(delta))})` : ""}`,
    poolRangeChange: (count, range, asOf, before, beforeAsOf) =>
      `${formatNumber(count)} candidates had ${range} as of ${asOf}, against ${formatNumber(before)} as of ${beforeAsOf}: ${count >= before ? "up" : "down"} ${formatNumber(Math.abs(count - before))}.`,
    poolRangeNoBefore: (count, range, asOf, since) => `${formatNumber(count)} candidates had ${range} as of ${asOf}; I have no distribution for ${since} to compare with.`,
    poolRange: (count, range, header, total) => `${formatNumber(count)} candidates had a CRS score of ${range}. ${header}, of ${formatNumber(total)} in the pool.`,
    poolRangeInexact: (asked, got, count, header, total) =>
      `IRCC publishes the pool in ranges, so I can't count ${asked} exactly; the closest published span is ${got}: ${formatNumber(count)} candidates. ${header}, of ${formatNumber(total)} in the pool.`,
    poolRangeInner: (inner, count) => `The narrower published span ${inner} has ${formatNumber(count)} candidates: the count asked lies between the two.`,
    noDistributionDuring: (during) => `I have no pool distribution ${during}.`,
    poolExtreme: (total, smallest, n, during, asOf, round, latestAsOf, latest) =>
      `${formatNumber(total)}: the ${smallest ? "smallest" : "largest"} pool of the ${n} distributions I have ${during}, as of ${asOf} (published with ${round}). The latest, as of ${latestAsOf}, is ${formatNumber(latest)}.`,
    allDistributions: "all the distributions I know of",
    poolNoEarlier: (header, total) => `${header}, ${formatNumber(total)} candidates were in the pool; I have no earlier distribution to compare with.`,
    poolChange: (diff, total, asOf, before, beforeAsOf) =>
      `${diff >= 0 ? "Up" : "Down"} ${formatNumber(Math.abs(diff))}: ${formatNumber(total)} candidates in the pool as of ${asOf}, against ${formatNumber(before)} as of ${beforeAsOf}.`,
    poolTotal: (total, header) => `${formatNumber(total)} candidates were in the Express Entry pool. ${header}. By CRS score:`,
    poolTitle: "Express Entry pool",
    fieldTotal: "Total",
    fieldAsOf: "As of",
    poolSuggestions: ["how many people above 500?", "where is 480 in the pool?"],
    poolExamples: ["pool distribution", "how many people above 500 in the pool?"],

    noRoundsToCompare: "I don't know of any rounds to compare with.",
    askScoreTitle: "Your CRS score?",
    askScore: (round, crs) => `What is your CRS score? Tell me and I'll hold it against ${round}${crs !== null ? `, whose cut-off was ${crs}` : ""}.`,
    monthsTo: (months, date) => `the ${months} months to ${date}`,
    clearLine: (l) => `${l.ok ? "enough" : "not enough"} for ${l.round}, cut-off ${l.crs}`,
    whichLatestOfSpan: (kind, span) => `the latest ${kind}round of ${span}`,
    whichLatestKnown: (kind) => `the latest ${kind || "all-program "}round I know of`,
    checkPeriodLead: (yes, score, enough, total, kind, during) =>
      `${yes === null ? (enough === 0 ? "No: " : enough === total ? "Yes: " : "In some rounds only: ") : `${yes ? "Yes" : "No"}: `}${score} would have been enough in ${enough} of ${plural(total, `${kind}round`)} ${during}.`,
    checkRoundLead: (yes, which, score, crs, round, missed) =>
      `${missed ? `${yes ? `No, ${score} did not miss` : `Yes, ${score} missed`}${which ? ` ${which}` : " it"}` : `${yes ? "Yes" : "No"}${which ? `, ${yes ? "" : "not "}in ${which}` : ""}`}: ${score} is ${yes ? "at or above" : "below"} the cut-off of ${crs} in ${round}.`,
    checkNoReference: (kind, score) => `I know of no ${kind}round to compare ${score} with.`,
    enoughItem: (round, crs) => `${round}, cut-off ${crs}`,
    namedList: (items) => `: ${items.join("; ")}`,
    namedCounts: (counts) => ` (${counts})`,
    theyWere: (items) => `They were ${items.join("; ")}.`,
    shortOf: (items) => `It would not have been enough in ${items.join("; ")}.`,
    theyWereCounts: (counts) => `By type: ${counts}.`,
    checkSpan: (during, score, enough, total, kind, named) => `${capital(during)}, ${score} would have been enough in ${enough} of ${plural(total, `${kind}round`)}${named}.`,
    lowestThen: (crs, round) => ` The lowest cut-off then was ${crs}, in ${round}.`,
    rangeThen: (lowest, highest, round) => ` Cut-offs then ran from ${lowest} to ${highest} (${round}).`,
    noRoundsDuring: (kind, during) => `I know of no ${kind}rounds ${during}.`,
    atCutoff: (moment) => ` At exactly the cut-off, only profiles submitted before ${moment} were invited (the tie-breaking rule).`,
    categoryEligible: " Category rounds also require being eligible for the category.",
    latestOfTypeLine: (label, line) => `latest ${label} round: ${line}`,
    checkTitle: (score) => `CRS ${score} against past rounds`,
    fieldScore: "Score",
    fieldCleared: "Rounds cleared",
    cleared: (enough, total) => `${enough} of ${total}`,
    checkSuggestions: ["where is that in the pool?", "what's my CRS?"],
    checkExample: (score) => `I have ${score}, would I have been invited?`,
    badScore: () => "A CRS score is a whole number from 0 to 1,200.",
    typeCount: (label, n) => `${formatNumber(n)} ${label}`,
    landing: (date, score, enough, total, counts, against) =>
      `In the 12 months to ${date}, ${score} would have been enough in ${enough} of ${plural(total, "round")}${counts ? ` (${counts})` : ""}${against.length > 0 ? `; it is ${against.join("; ")}` : ""}.`,
  },
  fr: {
    commands: {
      draw: {
        name: "tirage",
        description: "Une ronde d'invitations : par numéro, ou la plus récente d'un type",
        options: { round: { name: "numero", description: "Numéro du tirage, comme IRCC le donne (certains portent une lettre)" }, type: { name: "type", description: "Programme ou catégorie (son tirage le plus récent)" } },
      },
      rounds: {
        name: "tirages",
        description: "Les tirages d'une année ou de tous les temps : nombres, invitations, notes de passage",
        options: {
          type: { name: "type", description: "Programme ou catégorie" },
          year: { name: "annee", description: "Année civile" },
          stat: { name: "statistique", description: "resume, plus-basse, plus-haute, moyenne, total ou nombre" },
        },
      },
      tiebreak: {
        name: "departage",
        description: "La règle de départage d'un tirage",
        options: { round: { name: "numero", description: "Numéro du tirage (par défaut : le plus récent)" }, type: { name: "type", description: "Programme ou catégorie" } },
      },
      pool: {
        name: "bassin",
        description: "Le bassin des candidats par score SCG",
        options: { above: { name: "au-dessus", description: "Compter les candidats au-dessus de ce score" }, below: { name: "en-dessous", description: "Compter les candidats en dessous de ce score" } },
      },
      check: {
        name: "verifier",
        description: "Un score SCG aurait-il suffi dans les tirages passés ?",
        options: { score: { name: "score", description: "Votre score SCG" }, type: { name: "type", description: "Programme ou catégorie" } },
      },
    },
    period: (p) => frLabel(p.label),
    during: frDuring,
    rounds: (n, kind) => `${plural(n, "tirage")}${after(kind)}`,
    tieBreakMoment: (date, time) => `${date}${time ? ` à ${time} UTC` : ""}`,
    fieldRound: "Tirage",
    fieldDate: "Date",
    fieldType: "Type",
    fieldInvitations: "Invitations",
    fieldCutoff: "Note de passage (SCG)",
    fieldTieBreak: "Règle de départage",
    dateTime: (date, time) => `${date}${time ? `, ${time} UTC` : ""}`,
    figureInvitations: (n) => `${formatNumber(n)} ${n < 2 ? "invitation" : "invitations"}`,
    figureCutoff: (crs) => `note de passage de ${crs}`,
    figureTieBreak: (moment) => `règle de départage : ${moment}`,
    figures: (parts) => `${parts.join(" ; ")}.`,
    noFigures: "Je n'ai pas de chiffres pour ce tirage.",
    conflictField: (field) =>
      ({ crs: "la note de passage", invitations: "le nombre d'invitations", date: "la date", time: "l'heure", roundType: "le type", category: "la catégorie", name: "le nom", version: "la version", program: "le programme" })[field] ?? field,
    conflictClaim: (value, sources) => `${value} selon ${joinAnd(sources)}`,
    conflict: (field, round, claims, chosen, official) => `Les sources divergent sur ${field} du tirage ${round} : ${claims.join(" ; ")} ; je retiens ${chosen}${official ? ", la donnée d'IRCC" : ""}.`,
    noRoundsYet: "Je ne connais encore aucun tirage.",
    recordsEnd: (round) => `Mes données s'arrêtent au ${round} ; d'autres tirages ont pu avoir lieu depuis.`,
    unknownRoundType: (id) => `Je ne connais pas le type de tirage « ${id} ».`,
    yes: "Oui",
    no: "Non",

    noSuchRound: "Tirage introuvable",
    roundsRun: (first, firstDate, last, lastDate) => ` Les tirages que je connais vont du tirage ${first} (${firstDate}) au tirage ${last} (${lastDate}).`,
    unknownRound: (round) => `Je ne connais pas de tirage ${round}.`,
    roundTitle: (round) => `Entrée express : tirage ${round}`,
    leadCutoff: (crs, round, which, when, invitations) => `${crs} : la note de passage du ${round}, ${which}${when}.${invitations !== null ? ` ${capital(frInvitations(invitations))}.` : ""}`,
    leadInvitations: (invitations, round, which, when, crs) => `${capital(frInvitations(invitations))} au ${round}, ${which}${when}.${crs !== null ? ` La note de passage était de ${crs}.` : ""}`,
    leadAll: (which, round, when, figures, _shape) => `${capital(round)}, ${which}${when} : ${figures}`,
    leadElapsed: (days, round, which, figures) => `${days < 2 ? `${days} jour s'est écoulé` : `${formatNumber(days)} jours se sont écoulés`} depuis le ${round}, ${which} : ${figures}`,
    whichLatestOverall: "le tirage le plus récent que je connaisse",
    whichOfType: (label) => `un tirage ${label}`,
    whichBeside: (kind, after, round) => `le tirage ${kind ? `${kind.trim()} ` : ""}${after ? "suivant" : "précédant"} le ${round}`,
    whichHeldOn: (date) => `tenu le ${date}`,
    whichFirstOrLatest: (first, kind, during) => (first ? `le premier tirage${after(kind)} que je connaisse` : `le tirage${after(kind)} le plus récent que je connaisse`) + (during ? ` ${during}` : ""),
    ircName: (name) => `IRCC le nomme « ${name} ».`,
    previousOfType: (label, round, crs) => `Le tirage ${label} précédent, le ${round}, avait une note de passage de ${crs}.`,
    latestOverall: (round) => `Le tirage le plus récent que je connaisse, tous types confondus, est le ${round}.`,
    readDate: (read, dayFirst, other, otherIso) => `J'ai lu la date comme le ${read} (${dayFirst ? "jour" : "mois"} d'abord) ; pour le ${other}, écrivez-la ${otherIso}.`,
    onDate: (date) => `le ${date}`,
    afterRecords: (when, latest, figures) => `Non, aucun tirage que je connaisse ${when} : mes données s'arrêtent au ${latest} ; un tirage a pu avoir lieu depuis sans que je le sache. Le plus récent que je connaisse : ${figures.replace(/\.$/, "")}.`,
    noRoundOn: (date, before, after, reading) => {
      const near = [before ? `le tirage précédent était le ${before}` : "", after ? `le suivant était le ${after}` : ""].filter(Boolean).join(" ; ");
      return `Non : je ne connais aucun tirage le ${date}${near ? ` ; ${near}` : ""}. ${reading}`.trim();
    },
    sameDay: (round, figures) => `Le même jour : ${round} : ${figures}`,
    noRoundOfKind: (yesNo, kind, during) => `${yesNo ? "Non : je" : "Je"} ne connais aucun tirage${after(kind)}${during ? ` ${during}` : ""}.`,
    yesLead: (lead) => `Oui : ${lead.replace(/^Tirage /, "tirage ")}`,
    notOfType: (label, lead) => `Non, ce n'était pas un tirage ${label} : ${lead.replace(/^Tirage /, "tirage ")}`,
    roundSuggestion: (round) => `tirage ${round}`,
    suggestLastCec: "dernier tirage PEC",
    suggestTieBreakOf: (round) => `règle de départage du tirage ${round}`,
    suggestWouldHave: (score) => `J'ai ${score}, aurais-je été invité ?`,
    suggestPool: "répartition du bassin",
    roundExamples: { lastCutoff: "quelle était la dernière note de passage ?", lastCec: "dernier tirage PEC", round: (round) => `tirage ${round}` },
    notRoundNumber: (text) => `« ${text} » n'est pas un numéro de tirage : un nombre, avec une lettre pour les tirages qu'IRCC numérote ainsi.`,

    tieExample: (moment) => `Par exemple, le tirage le plus récent que je connaisse qui en a une : ${moment}`,
    tieRule: "Quand plusieurs candidats ont le même score SCG à la note de passage, IRCC invite ceux qui ont soumis leur profil en premier : la règle de départage est ce moment.",
    tieTitle: "Règle de départage",
    tieTitleOf: (round) => `Règle de départage, tirage ${round}`,
    tieUnknown: (what) => `Je ne connais aucun ${what.round ? `tirage ${what.round}` : what.date ? `tirage le ${what.date}` : `tirage${after(what.kind)}`}.`,
    tieMoment: (moment, round, crs) => `${moment} : au ${round}, les candidats ayant la note de passage de ${crs ?? "?"} ont été invités s'ils avaient soumis leur profil avant ce moment.`,
    tieNone: (round) => `IRCC n'a publié aucune règle de départage pour le ${round}.`,
    tieSuggestLast: "règle de départage du dernier tirage",
    tieCutoffField: "Note de passage",
    profileAfterRound: (round, submitted) => `Non : le ${round} a eu lieu avant que le profil soit soumis (${submitted}).`,
    profileNoCutoff: (round) => `Je n'ai pas de note de passage pour le ${round} : je ne peux pas le dire.`,
    profileAbove: (score, crs, round) => `Oui : ${score} est supérieur à la note de passage de ${crs} du ${round}, donc le moment où le profil a été soumis ne comptait pas.`,
    profileBelow: (score, crs, round) => `Non : ${score} est inférieur à la note de passage de ${crs} du ${round}.`,
    profileNoTie: (score, round, submitted) => `${score} est la note de passage du ${round}, mais IRCC n'a publié aucune règle de départage pour ce tirage : je ne peux pas dire si un profil soumis le ${submitted} a été invité.`,
    profileSameDay: (score, round, moment) => `Cela dépend de l'heure : ${score} est la note de passage du ${round}, et seuls les profils soumis avant le ${moment} ont été invités ; le profil a été soumis le même jour.`,
    profileAtCutoff: (invited, score, round, moment, submitted) =>
      `${invited ? "Oui" : "Non"} : ${score} est la note de passage du ${round}, et seuls les profils soumis avant le ${moment} ont été invités ; un profil soumis le ${submitted} l'a été ${invited ? "avant" : "après"}.`,
    eligibleToo: " Il fallait aussi être admissible au programme ou à la catégorie du tirage.",

    allRounds: FR_ALL_ROUNDS,
    everyCategory: "par catégorie",
    lastN: (n, filter) => `(les ${n} derniers${filter})`,
    cutoffFilter: (below, above, equals) => ` avec une note de passage ${below !== undefined ? `inférieure à ${below}` : above !== undefined ? `supérieure à ${above}` : `de ${equals}`}`,
    sizeFilter: (below, above, equals) => ` ayant invité ${below !== undefined ? `moins de ${formatNumber(below)}` : above !== undefined ? `plus de ${formatNumber(above)}` : `exactement ${formatNumber(equals ?? 0)}`} candidats`,
    withFilter: (label, filter) => (label ? `${label}${filter}` : filter.trimStart()),
    foundOne: (yesNo, round, filter, latest, figures) => `${yesNo ? "Oui : " : ""}${yesNo ? round : capital(round)} est ${latest ? "le dernier tirage que je connaisse" : "le seul tirage que je connaisse"}${filter} : ${figures}`,
    roundRange: (from, to) => `parmi les tirages ${from} à ${to}`,
    roundList: (rounds) => `parmi les tirages ${joinAnd(rounds)}`,
    statTotal: (invitations, rounds, during) => `${capital(frInvitations(invitations))} lors de ${rounds} ${during}.`,
    statCount: (rounds, during, invitations) => `Je connais ${rounds} ${during}, avec ${formatNumber(invitations)} invitations en tout.`,
    statExtreme: (which, measure, value, count, rounds, during, round) => {
      const what = measure === "crs" ? `la note de passage la plus ${which === "lowest" ? "basse" : "haute"}` : `le ${which === "lowest" ? "plus petit" : "plus grand"} nombre d'invitations`;
      return `${value !== null ? formatNumber(value) : "Aucun"} : ${what} ${count === 1 ? "du seul" : "des"} ${rounds} ${during}, ${round ? `au ${round}` : "dans aucun tirage"}.`;
    },
    statAverage: (measure, value, count, rounds, during, lowest, highest) =>
      `${value !== null ? formatNumber(value) : "Aucune"} : ${measure === "crs" ? "la note de passage moyenne" : "le nombre moyen d'invitations"} ${count === 1 ? "du seul" : "des"} ${rounds} ${during} (la plus basse : ${lowest} ; la plus haute : ${highest}).`,
    statSummary: (rounds, during, invitations, measure, lowest, highest, average) =>
      lowest === highest
        ? `Je connais ${rounds} ${during} : ${formatNumber(invitations)} invitations, ${measure === "crs" ? "une note de passage de" : "une taille de tirage de"} ${lowest}.`
        : `Je connais ${rounds} ${during} : ${formatNumber(invitations)} invitations, ${measure === "crs" ? "des notes de passage" : "des tailles de tirage"} allant de ${lowest} à ${highest}${average !== null ? `, une moyenne de ${formatNumber(average)}` : ""}.`,
    valueIn: (value, round) => `${formatNumber(value)} au ${round}`,
    none: "aucun",
    typeWithName: (label, name) => (label.toLowerCase() === name.toLowerCase() ? label : `${label} (${name})`),
    typesTied: (typeCount, invitations, value, during) => `Aucun : chacun des ${typeCount} types de tirage tenus ${during || "dans les tirages que je connais"} a eu ${invitations ? `${formatNumber(value)} invitations` : plural(value, "tirage")}.`,
    typeRanked: (fewest, invitations, types, value, total, during, typeCount) =>
      `${capital(types)} : ${invitations ? `${formatNumber(value)} des ${formatNumber(total)} invitations` : `${formatNumber(value)} des ${plural(total, "tirage")}`} ${during || "que je connais"}, le ${fewest ? "moins" : "plus"} des ${typeCount} types de tirage tenus.`,
    byTypeLine: (label, n, invitations, lowest, highest) =>
      `${label} : ${plural(n, "tirage")}, ${formatNumber(invitations)} invitations, ${lowest !== null && highest !== null ? (lowest === highest ? `note de passage ${lowest}` : `notes de passage de ${lowest} à ${highest}`) : "aucune note de passage"}`,
    compareSide: (label, during) => `${label}${during ? ` ${during}` : ""}`,
    compareLine: (label, n, invitations, average, lowest, highest) =>
      `${label} : ${plural(n, "tirage")}, ${formatNumber(invitations)} invitations${average !== null ? `, note de passage moyenne de ${formatNumber(average)} (la plus basse : ${lowest} ; la plus haute : ${highest})` : ""}`,
    compareDiff: (points, lower, a, b) => ` La note de passage moyenne était de ${formatNumber(points)} points plus ${lower ? "basse" : "haute"} pour ${a} que pour ${b}.`,
    compareTitle: "Comparaison des tirages",
    compareOne: (label, round, crs, invitations) => `${label} : ${round}, note de passage ${crs ?? "aucune"}, ${formatNumber(invitations)} invitations`,
    compareDiffOne: (points, lower, a, b) => ` La note de passage était de ${formatNumber(points)} points plus ${lower ? "basse" : "haute"} pour ${a} que pour ${b}.`,
    noRoundsTitle: "Aucun tirage",
    longestGap: (days, kind, from, to, during) => `${formatNumber(days)} jours : l'écart le plus long entre deux tirages${after(kind)} ${during || "que je connaisse"}, du ${from} au ${to}.`,
    openGap: (days, round) => ` ${formatNumber(days)} jours se sont écoulés depuis le plus récent, le ${round}.`,
    daysBetween: (days, from, to) => `${plural(days, "jour")} du ${from} au ${to}.`,
    sameDayLine: (date, rounds) => `le ${date} (tirages ${joinAnd(rounds)})`,
    sameDays: (count, during, lines) => (count === 0 ? `Non : je ne connais aucun jour avec deux tirages${during ? ` ${during}` : ""}.` : `Oui : ${count < 2 ? "un jour a compté" : `${formatNumber(count)} jours ont compté`} plusieurs tirages${during ? ` ${during}` : ""} : ${lines.join(" ; ")}.`),
    noRounds: (yesNo, kind, during, latest) =>
      `${yesNo ? "Non" : "Aucun"} : je ne connais aucun tirage${after(kind)} ${during}.${latest ? ` Le tirage${after(kind)} le plus récent que je connaisse est le ${latest}.` : ""}`,
    roundLine: (round, crs, invitations) => `${round} : note de passage ${crs ?? "?"}, ${formatNumber(invitations)} invitations`,
    listShows: (n) => ` La liste montre les 12 derniers des ${n}.`,
    change: (a, b, from, to) => ` Du ${a} au ${b}, la note de passage ${to === from ? "est restée la même" : `a ${to > from ? "monté" : "baissé"} de ${plural(Math.abs(to - from), "point")}`}, de ${from} à ${to}.`,
    roundsTitle: (during) => `Tirages ${during}`.trim(),
    roundsText: (yesNo, summary, from, to) => `${yesNo ? "Oui. " : ""}${summary}${from === to ? "" : ` Ils vont du ${from} au ${to}.`}`,
    roundsSuggestions: (lastYear) => ["note de passage PEC la plus basse cette année", `combien d'invitations en ${lastYear} ?`],
    roundsExamples: (year) => [`combien d'invitations en ${year} ?`, "la note de passage la plus basse de tous les temps", `tirages PEC en ${year}`],
    badStat: (stat) => `« ${stat} » n'est pas une de ces valeurs : resume, plus-basse, plus-haute, moyenne, total, nombre.`,
    statWords: { resume: "summary", "résumé": "summary", "plus-basse": "lowest", minimum: "lowest", "plus-haute": "highest", maximum: "highest", moyenne: "average", total: "total", nombre: "count" },

    poolDistTitle: "Répartition du bassin",
    noDistribution: (date) => `Je n'ai aucune répartition du bassin publiée${date ? ` le ${date} ou avant` : ""}.`,
    noDistributionWith: (round) => `Je n'ai pas de répartition du bassin publiée avec le ${round} : je ne peux pas dire où en était le bassin à ce moment.`,
    poolHeader: (asOf, round) => `Au ${asOf} (publiée avec le ${round})`,
    range: (min, max) => (max >= 1200 ? `${min} ou plus` : min <= 0 ? `${max} ou moins` : `${min} à ${max}`),
    rangeLine: (range, count, delta) => `${range} : ${formatNumber(count)}${delta !== null ? ` (${delta >= 0 ? "+" : "-"}${formatNumber(Math.abs(delta))})` : ""}`,
    poolRangeChange: (count, range, asOf, before, beforeAsOf) =>
      `${formatNumber(count)} candidats avaient un score de ${range} au ${asOf}, contre ${formatNumber(before)} au ${beforeAsOf} : ${count >= before ? "une hausse" : "une baisse"} de ${formatNumber(Math.abs(count - before))}.`,
    poolRangeNoBefore: (count, range, asOf, since) => `${formatNumber(count)} candidats avaient un score de ${range} au ${asOf} ; je n'ai pas de répartition au ${since} pour comparer.`,
    poolRange: (count, range, header, total) => `${formatNumber(count)} candidats avaient un score SCG de ${range}. ${header}, sur ${formatNumber(total)} candidats dans le bassin.`,
    poolRangeInexact: (asked, got, count, header, total) =>
      `IRCC publie le bassin par tranches de scores : je ne peux donc pas compter exactement ${asked} ; la tranche publiée la plus proche est ${got} : ${formatNumber(count)} candidats. ${header}, sur ${formatNumber(total)} candidats dans le bassin.`,
    poolRangeInner: (inner, count) => `La tranche publiée plus étroite, ${inner}, compte ${formatNumber(count)} candidats : le nombre demandé se situe entre les deux.`,
    noDistributionDuring: (during) => `Je n'ai aucune répartition du bassin${during ? ` ${during}` : ""}.`,
    poolExtreme: (total, smallest, n, during, asOf, round, latestAsOf, latest) =>
      `${formatNumber(total)} : le ${smallest ? "plus petit" : "plus grand"} bassin des ${n} répartitions que j'ai${during ? ` ${during}` : ""}, au ${asOf} (publiée avec le ${round}). La plus récente, au ${latestAsOf}, compte ${formatNumber(latest)} candidats.`,
    allDistributions: "",
    poolNoEarlier: (header, total) => `${header}, ${formatNumber(total)} candidats étaient dans le bassin ; je n'ai pas de répartition antérieure pour comparer.`,
    poolChange: (diff, total, asOf, before, beforeAsOf) =>
      `${diff >= 0 ? "En hausse" : "En baisse"} de ${formatNumber(Math.abs(diff))} : ${formatNumber(total)} candidats dans le bassin au ${asOf}, contre ${formatNumber(before)} au ${beforeAsOf}.`,
    poolTotal: (total, header) => `${formatNumber(total)} candidats étaient dans le bassin d'Entrée express. ${header}. Par score SCG :`,
    poolTitle: "Bassin d'Entrée express",
    fieldTotal: "Total",
    fieldAsOf: "Au",
    poolSuggestions: ["combien de candidats au-dessus de 500 ?", "où se situe 480 dans le bassin ?"],
    poolExamples: ["répartition du bassin", "combien de candidats au-dessus de 500 dans le bassin ?"],

    noRoundsToCompare: "Je ne connais aucun tirage auquel comparer ce score.",
    askScoreTitle: "Votre score SCG ?",
    askScore: (round, crs) => `Quel est votre score SCG ? Dites-le-moi et je le comparerai au ${round}${crs !== null ? `, dont la note de passage était de ${crs}` : ""}.`,
    monthsTo: (months, date) => `les ${months} mois précédant le ${date}`,
    clearLine: (l) => `${l.ok ? "suffisant" : "insuffisant"} pour le ${l.round}, note de passage ${l.crs}`,
    whichLatestOfSpan: (kind, span) => `tirage${after(kind)} le plus récent ${frOf(span)}`,
    whichLatestKnown: (kind) => `tirage ${kind.trim() || "tous programmes"} le plus récent que je connaisse`,
    checkPeriodLead: (yes, score, enough, total, kind, during) => `${yes === null ? (enough === 0 ? "Non : " : enough === total ? "Oui : " : "Dans certains tirages seulement : ") : `${yes ? "Oui" : "Non"} : `}${score} aurait suffi dans ${plural(enough, "tirage")}${after(kind)} sur ${formatNumber(total)} ${during}.`,
    checkRoundLead: (yes, which, score, crs, round, missed) =>
      `${missed ? `${yes ? "Non, pas manqué" : "Oui, manqué"}${which ? ` au ${which}` : ""}` : `${yes ? "Oui" : "Non"}${which ? `, ${yes ? "" : "pas "}au ${which}` : ""}`} : ${score} est ${yes ? "égal ou supérieur" : "inférieur"} à la note de passage de ${crs} du ${round}.`,
    checkNoReference: (kind, score) => `Je ne connais aucun tirage${after(kind)} auquel comparer ${score}.`,
    enoughItem: (round, crs) => `${round}, note de passage ${crs}`,
    namedList: (items) => ` : ${items.join(" ; ")}`,
    namedCounts: (counts) => ` (${counts})`,
    theyWere: (items) => `Les voici : ${items.join(" ; ")}.`,
    shortOf: (items) => `Il n'aurait pas suffi dans ces tirages : ${items.join(" ; ")}.`,
    theyWereCounts: (counts) => `Par type : ${counts}.`,
    checkSpan: (during, score, enough, total, kind, named) => `${capital(during)}, ${score} aurait suffi dans ${plural(enough, "tirage")}${after(kind)} sur ${formatNumber(total)}${named}.`,
    lowestThen: (crs, round) => ` La note de passage la plus basse était alors de ${crs}, au ${round}.`,
    rangeThen: (lowest, highest, round) => ` Les notes de passage allaient alors de ${lowest} à ${highest} (${round}).`,
    noRoundsDuring: (kind, during) => `Je ne connais aucun tirage${after(kind)} ${during}.`,
    atCutoff: (moment) => ` À la note de passage exacte, seuls les profils soumis avant le ${moment} ont été invités (la règle de départage).`,
    categoryEligible: " Les tirages par catégorie exigent aussi d'être admissible à la catégorie.",
    latestOfTypeLine: (label, line) => `dernier tirage ${label} : ${line}`,
    checkTitle: (score) => `Score SCG de ${score} face aux tirages passés`,
    fieldScore: "Score",
    fieldCleared: "Tirages où il aurait suffi",
    cleared: (enough, total) => `${enough} sur ${total}`,
    checkSuggestions: ["où se situe ce score dans le bassin ?", "quel est mon score SCG ?"],
    checkExample: (score) => `J'ai ${score}, aurais-je été invité ?`,
    badScore: () => `Un score SCG est un nombre entier de 0 à ${formatNumber(1200)}.`,
    typeCount: (label, n) => `${label} : ${formatNumber(n)}`,
    landing: (date, score, enough, total, counts, against) =>
      `Au cours des 12 mois précédant le ${date}, ${score} aurait suffi dans ${plural(enough, "tirage")} sur ${formatNumber(total)}${counts ? ` (${counts})` : ""}${against.length > 0 ? ` ; ce score est ${against.join(" ; ")}` : ""}.`,
  },
};

/** The round skills' sentences in the language being written in. */
export function drawMessages(): DrawMessages {
  return pick(DRAW_MESSAGES);
}

/** A command's English name and description with its French ones, for a CommandSpec. */
export function commandWords(id: DrawCommand): Named & { readonly fr: Named } {
  const { en, fr } = DRAW_MESSAGES;
  return { name: en.commands[id].name, description: en.commands[id].description, fr: { name: fr.commands[id].name, description: fr.commands[id].description } };
}

/** An option's English name and description with its French ones, for an OptionSpec. */
export function optionWords(id: DrawCommand, option: string): Named & { readonly fr: Named } {
  const en = DRAW_MESSAGES.en.commands[id].options[option];
  const fr = DRAW_MESSAGES.fr.commands[id].options[option];
  if (!en || !fr) throw new Error(`no words for option ${option} of /${id}`);
  return { name: en.name, description: en.description, fr: { name: fr.name, description: fr.description } };
}
