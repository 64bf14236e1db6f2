import * as z from "zod";
import type { Knowledge } from "../../core/knowledge.js";
import { parseClause } from "../../nlu/parse.js";
import type { OptionValues } from "../../skills/types.js";
import { adapterMessages, type CrsFormWords } from "../../messages/adapters.js";

/** The skill command the CRS forms of Slack and Discord run. */
export const CRS_COMMAND = "crs";

/** What a person typed or chose in a CRS form, field by field, before it is read. */
export const CrsFormSchema = z.object({
  age: z.string().optional(),
  partner: z.enum(["none", "coming", "not-coming"]).optional(),
  education: z.string().optional(),
  language: z.string().optional(),
  canadianYears: z.string().optional(),
  foreignYears: z.string().optional(),
  details: z.string().optional(),
});
/** A CRS form's raw fields. */
export type CrsForm = z.infer<typeof CrsFormSchema>;

/** A field of a CRS form. */
export type CrsFormField = keyof CrsForm;

/** A field whose value cannot be read, with what to tell the person. */
export interface CrsFormError {
  readonly field: CrsFormField;
  readonly message: string;
}

/** The command's option values read from a form, or the fields that could not be read. */
export type CrsFormResult = { ok: true; value: OptionValues } | { ok: false; error: CrsFormError[] };

/** One education level a form offers: the grid's key and label, and the words the command reads as that level. */
export const EducationChoiceSchema = z.object({ key: z.string().min(1), label: z.string().min(1), words: z.string().min(1) });
/** An education level of a form. */
export type EducationChoice = z.infer<typeof EducationChoiceSchema>;

/** The words of a form's messages in the language being written in; no fact in them. */
export function crsFormText(): CrsFormWords {
  return adapterMessages().crsForm;
}

const WHOLE = /^\s*(\d{1,3})\s*$/;
const LEVEL = /^\s*(?:clb\s*)?(\d{1,2})\s*$/i;
const FOUR_SCORES = /^\s*(?:ielts\s*:?\s*)?(\d+(?:\.\d)?)[\s,/]+(\d+(?:\.\d)?)[\s,/]+(\d+(?:\.\d)?)[\s,/]+(\d+(?:\.\d)?)\s*$/i;
const YEARS = /^\s*(\d{1,2})\s*(?:[/,;|]|\s)\s*(\d{1,2})\s*$/;

const choicesOf = new WeakMap<Knowledge, readonly EducationChoice[]>();

/**
 * The CRS grid's education levels with, for each, the first of the vocabulary's words for it that the parser reads back
 * as that level; a level no word names is left out, so that a form never offers a choice the command would misread.
 */
export function educationChoices(knowledge: Knowledge): readonly EducationChoice[] {
  const known = choicesOf.get(knowledge);
  if (known) return known;
  const now = new Date();
  const choices = knowledge.crsGrid.core.education.flatMap((level) => {
    const words = knowledge.vocabulary.education.find((e) => e.key === level.key)?.words ?? [];
    // Read as the command writes it, after the age, where the parser looks for profile facts.
    const word = words.find((w) => !w.includes("*") && parseClause(`age 30, ${w}`, knowledge.lexicon, now).profile.profile.education === level.key);
    return word ? [{ key: level.key, label: level.label, words: word }] : [];
  });
  choicesOf.set(knowledge, choices);
  return choices;
}

/** A language field as the command's options: one level is a CLB, four numbers are IELTS scores, anything else is words for the parser ("CELPIP 9 9 9 9", "NCLC 7"). */
export function languageValues(text: string): { clb?: number; ielts?: string; words?: string } {
  const t = text.trim();
  if (t === "") return {};
  const level = LEVEL.exec(t);
  if (level?.[1]) return { clb: Number(level[1]) };
  const four = FOUR_SCORES.exec(t);
  if (four) return { ielts: four.slice(1, 5).join(" ") };
  return { words: t };
}

function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === "";
}

/**
 * Reads a CRS form into the crs command's options. Only the shape of each value is checked here (a number where a
 * number goes); whether a value is possible (age 7, CLB 14) is the calculator's to say, in its reply.
 */
export function readCrsForm(form: CrsForm, required: readonly CrsFormField[] = []): CrsFormResult {
  const errors: CrsFormError[] = [];
  const values: Record<string, string | number> = {};
  const words: string[] = [];
  const t = crsFormText();
  for (const field of required) if (blank(form[field])) errors.push({ field, message: t.required });
  const whole = (field: "age" | "canadianYears" | "foreignYears", option: string): void => {
    const text = form[field];
    if (blank(text)) return;
    const m = WHOLE.exec(text ?? "");
    if (m?.[1] === undefined) errors.push({ field, message: t.wholeNumber });
    else values[option] = Number(m[1]);
  };
  whole("age", "age");
  whole("canadianYears", "canadian-years");
  whole("foreignYears", "foreign-years");
  if (form.partner) values.partner = form.partner;
  if (!blank(form.education)) values.education = (form.education ?? "").trim();
  const language = languageValues(form.language ?? "");
  if (language.clb !== undefined) values.clb = language.clb;
  if (language.ielts !== undefined) values.ielts = language.ielts;
  if (language.words !== undefined) words.push(language.words);
  if (!blank(form.details)) words.push((form.details ?? "").trim().replace(/\s*\n+\s*/g, ", "));
  if (words.length > 0) values.details = words.join(", ");
  const failed = errors.filter((e, i) => errors.findIndex((f) => f.field === e.field) === i);
  return failed.length > 0 ? { ok: false, error: failed } : { ok: true, value: values };
}

/** Splits "1 / 3" (years in Canada, then abroad) into the two form fields; a single number is the years in Canada. */
export function splitYears(text: string): { ok: true; value: Pick<CrsForm, "canadianYears" | "foreignYears"> } | { ok: false; error: string } {
  if (blank(text)) return { ok: true, value: {} };
  const both = YEARS.exec(text);
  if (both?.[1] !== undefined && both[2] !== undefined) return { ok: true, value: { canadianYears: both[1], foreignYears: both[2] } };
  const one = WHOLE.exec(text);
  if (one?.[1] !== undefined) return { ok: true, value: { canadianYears: one[1] } };
  return { ok: false, error: crsFormText().twoNumbers };
}
