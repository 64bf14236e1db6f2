import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import { KNOWLEDGE_DIR } from "./paths.js";
import { readChecked } from "./validated.js";

/** One round type (program, all programs or category) with the words that name it. */
export const RoundTypeEntrySchema = z.object({
  id: z.string().regex(/^[a-z][a-z-]*$/),
  kind: z.enum(["all", "program", "category"]),
  /** Short name for sentences: "CEC", "STEM", "healthcare". */
  label: z.string().min(1),
  /** The same in French, as IRCC's French pages abbreviate it: "PEC", "STIM", "santé". */
  labelFr: z.string().min(1),
  /** Full English name. */
  name: z.string().min(1),
  nameFr: z.string().min(1),
  /** Case-insensitive regular expressions over IRCC's round names (drawName). */
  feedNames: z.array(z.string()),
  /** Category names as the official lists write them. */
  listNames: z.array(z.string()),
  /** What people type, lower case. */
  words: z.array(z.string().min(1)).min(1),
  wordsFr: z.array(z.string().min(1)),
});
/** A round type entry of the vocabulary. */
export type RoundTypeEntry = z.infer<typeof RoundTypeEntrySchema>;

/** The vocabulary file, knowledge/vocabulary.json. */
export const VocabularySchema = z
  .object({
    about: z.string(),
    roundTypes: z.array(RoundTypeEntrySchema).min(1),
    /** Words for the CRS grid's education levels, most specific level first. */
    education: z.array(z.object({ key: z.string().min(1), words: z.array(z.string().min(1)).min(1) })).default([]),
    /** Short forms people use in job titles, expanded before an occupation is looked up ("mech" → "mechanical"). */
    abbreviations: z.record(z.string(), z.string()).default({}),
  })
  .refine((v) => new Set(v.roundTypes.map((r) => r.id)).size === v.roundTypes.length, "round type ids must be unique");
/** The vocabulary. */
export type Vocabulary = z.infer<typeof VocabularySchema>;

/** Default location of the vocabulary. */
export const VOCABULARY_FILE = join(KNOWLEDGE_DIR, "vocabulary.json");

/** Reads and validates the vocabulary; throws with the bad field's path. */
export function loadVocabulary(file: string = VOCABULARY_FILE): Vocabulary {
  const parsed = readChecked(file, (f) => readFileSync(f, "utf8"), (d) => VocabularySchema.safeParse(d));
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

/** The round type a feed round name belongs to, by the vocabulary's feedNames; undefined when none matches. */
export function roundTypeOfName(vocabulary: Vocabulary, name: string): RoundTypeEntry | undefined {
  const n = name.trim();
  return vocabulary.roundTypes.find((r) => r.feedNames.some((p) => new RegExp(p, "i").test(n)));
}
