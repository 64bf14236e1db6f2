import * as z from "zod";

/** What a number in a message measures, read from the words around it. */
export const NumberKindSchema = z.enum([
  "crs",
  "age",
  "clb",
  "ielts",
  "celpip",
  "pte",
  "tef",
  "tcf",
  "fsw-points",
  "hours",
  "years",
  "months",
  "percent",
  "count",
  "plain",
]);
/** What a number measures. */
export type NumberKind = z.infer<typeof NumberKindSchema>;

/** A number of the message with the word that qualifies it. */
export const NumberMentionSchema = z.object({
  value: z.number(),
  kind: NumberKindSchema,
  /** The words it was read from ("crs 480", "29 years old"). */
  text: z.string(),
  /** Position in the clause, for reading "from 451 to 470" in order. */
  at: z.number().int().nonnegative(),
});
/** A qualified number. */
export type NumberMention = z.infer<typeof NumberMentionSchema>;

const Iso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A span of days a question asks about, with how it was read. */
export const PeriodSchema = z.object({
  from: Iso,
  to: Iso,
  /** How the bot says the period back ("March 2025", "the last 6 months", "2025"). */
  label: z.string(),
  kind: z.enum(["day", "month", "year", "relative", "range", "since-round"]),
  /** For "since round 400". */
  sinceRound: z.string().optional(),
  /** A month named without its year ("the september one"), read as the most recent one. */
  yearless: z.boolean().optional(),
});
/** A period. */
export type Period = z.infer<typeof PeriodSchema>;

/** A date the message names, with the other reading when day and month could be swapped. */
export const DateMentionSchema = z.object({
  iso: Iso,
  text: z.string(),
  /** Set when "3/5/2025" could also mean the other order: the reading not taken. */
  alternative: Iso.optional(),
});
/** A named date. */
export type DateMention = z.infer<typeof DateMentionSchema>;

/** One question of a message: every entity found, the cue groups present, nothing decided. */
export const ClauseSchema = z.object({
  /** The clause as written (markup removed). */
  raw: z.string(),
  /** Lower case, spacing and punctuation normalised, typos in cue words corrected. */
  text: z.string(),
  codes: z.array(z.string()),
  rounds: z.array(z.string()),
  roundRange: z.object({ from: z.string(), to: z.string() }).nullable(),
  dates: z.array(DateMentionSchema),
  period: PeriodSchema.nullable(),
  /** A second period, for "compare 2024 and 2025". */
  periods: z.array(PeriodSchema),
  years: z.array(z.number().int()),
  /** Round-type ids in order of mention. */
  categories: z.array(z.string()),
  numbers: z.array(NumberMentionSchema),
  /** Words left once entities, cue words and stop words are taken out: an occupation or a term. */
  phrase: z.string(),
  /** Cue groups present. */
  cues: z.array(z.string()),
  /** The words each cue group matched, for answers that name what was asked. */
  cueWords: z.record(z.string(), z.string()),
  /** The clause leans on the previous one ("and 63100?", "what about healthcare?"). */
  followUp: z.boolean(),
  /** The TEER level named ("TEER 1 occupations"). */
  teer: z.number().int().min(0).max(5).nullable(),
  /** Words the message wrote in capitals ("AOR", "ECA"): acronyms, however short or vowelled. */
  acronyms: z.array(z.string()),
  /** What the clause says about a CRS profile (fields as the calculator's partial profile), and how it was read. */
  profile: z.object({ profile: z.record(z.string(), z.unknown()), readings: z.array(z.string()), facts: z.number().int().nonnegative() }),
});
/** A parsed clause. */
export type Clause = z.infer<typeof ClauseSchema>;

/** A parsed message: its clauses in order. */
export const QuestionSchema = z.object({
  text: z.string(),
  clauses: z.array(ClauseSchema),
  /** True when the message was cut to the input limit. */
  truncated: z.boolean(),
});
/** A parsed message. */
export type Question = z.infer<typeof QuestionSchema>;

/** True when a clause holds the cue group. */
export function has(clause: Clause, cue: string): boolean {
  return clause.cues.includes(cue);
}

/** True when a clause asks for a yes or a no: a yes/no cue, or no question word at all ("senior managers need canadian experience?"). */
export function yesNoLike(clause: Clause): boolean {
  return has(clause, "yesNo") || !/\b(?:what|whats|which|how|why|who|whom|when|where|wat|wht)\b/.test(clause.text);
}

/** The numbers of a clause of one kind. */
export function numbersOf(clause: Clause, kind: NumberKind): number[] {
  return clause.numbers.filter((n) => n.kind === kind).map((n) => n.value);
}
