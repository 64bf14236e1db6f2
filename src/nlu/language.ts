import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LRUCache } from "lru-cache";
import * as z from "zod";
import { KNOWLEDGE_DIR } from "../kb/paths.js";
import { readChecked } from "../kb/validated.js";
import type { Lang } from "../messages/lang.js";
import { withinEdits } from "./edits.js";

/** The French file, knowledge/french.json: marker words of each language and French phrases in the parser's English words. */
export const FrenchSchema = z.object({
  about: z.string(),
  /** English marker words French speakers use as they are ("le dernier draw", "mon score"): English only beside no French marker. */
  markers: z.object({ fr: z.array(z.string().min(1)), en: z.array(z.string().min(1)), borrowed: z.array(z.string().min(1)).default([]) }),
  /** French words a mistyped word is corrected to before phrases are rewritten ("tirrage" → "tirage"). */
  typoTargets: z.array(z.string().min(2)),
  /** Words never corrected, though one or two letters from a target: places ("montreal" is not "montre"). */
  keep: z.array(z.string().min(2)).default([]),
  /** [French phrase, English words], on lower-case text without accents. */
  phrases: z.array(z.tuple([z.string().min(1), z.string()])),
});
/** The French file's contents. */
export type FrenchData = z.infer<typeof FrenchSchema>;

/** Default location of the French file. */
export const FRENCH_FILE = join(KNOWLEDGE_DIR, "french.json");

/** Lower case without accents: "Médecins" → "medecins"; what French is matched on. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** French as the parser uses it: markers as sets, phrases compiled into one pattern, longest first. */
export class French {
  private readonly fr: ReadonlySet<string>;
  private readonly en: ReadonlySet<string>;
  private readonly borrowed: ReadonlySet<string>;
  private compiled: { targets: readonly string[]; known: ReadonlySet<string>; pattern: RegExp; replacements: ReadonlyMap<string, string>; loose: ReadonlyMap<string, string> } | undefined;
  private readonly corrected = new LRUCache<string, string>({ max: 5000 });

  constructor(private readonly data: FrenchData) {
    this.fr = new Set(data.markers.fr.map(fold));
    this.en = new Set(data.markers.en);
    this.borrowed = new Set(data.markers.borrowed);
  }

  // Compiled on the first French message: an English-only process never builds the pattern of every phrase.
  private get table(): NonNullable<French["compiled"]> {
    if (this.compiled) return this.compiled;
    const phrases = this.data.phrases.map(([f, e]) => [fold(f), e] as const).sort((a, b) => b[0].length - a[0].length);
    // Whole words only; an elided article ("l'", "d'") is a phrase of its own, glued to the next word.
    const alternatives = phrases.map(([f]) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+").replace(/-/g, "[- ]?"));
    this.compiled = {
      targets: this.data.typoTargets.map(fold),
      known: new Set([...phrases.flatMap(([f]) => f.split(/[\s']+/)), ...this.data.keep.map(fold)].filter((w) => w.length > 0)),
      pattern: new RegExp(`${START}(?:${alternatives.join("|")})(?![a-z0-9])|${START}(?:${alternatives.filter((a) => a.endsWith("'")).join("|")})`, "g"),
      replacements: new Map(phrases),
      // The first (longest) phrase of each spelling without spaces or hyphens.
      loose: new Map([...phrases].reverse().map(([f, e]) => [loosely(f), e] as const)),
    };
    return this.compiled;
  }

  /** Loads and validates the French file; throws naming the bad field. */
  static load(file: string = FRENCH_FILE): French {
    const parsed = readChecked(file, (f) => readFileSync(f, "utf8"), (d) => FrenchSchema.safeParse(d));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
    return new French(parsed.data);
  }

  /** French and English marker words of a text, and accented letters (a strong sign of French). */
  score(text: string): { fr: number; en: number } {
    // An accent is a hint, not proof: English questions quote French-named occupations ("maîtres d'hôtel").
    let fr = /[éèêàçùûôîï]/i.test(text) ? 1 : 0;
    let en = 0;
    let borrowed = 0;
    // "c quoi", "c koi", "c quand": "c'est" typed as one letter, French however short the message.
    if (/(?<![a-z0-9'])c (?:quoi|koi|quand|combien|qui)(?![a-z0-9])/.test(fold(text))) fr += 1;
    for (const w of fold(text).split(/[^a-z']+|'(?=\s|$)/)) {
      if (w === "") continue;
      // "l'experience", "d'invitations": the elided article counts.
      const word = /^[a-z]{1,2}'/.test(w) ? w.slice(0, w.indexOf("'") + 1) : w;
      if (this.fr.has(word) || this.fr.has(w)) fr += 1;
      if (this.en.has(w)) en += 1;
      if (this.en.has(w) && this.borrowed.has(w)) borrowed += 1;
    }
    // "tie breaking rule du draw 254": borrowed words alone beside a French word are French.
    if (fr > 0 && en === borrowed) en = 0;
    return { fr, en };
  }

  /** A French word mistyped by one or two letters, corrected to a word the phrases know; others as they are. */
  correct(word: string): string {
    const { known, targets } = this.table;
    if (word.length < 5 || known.has(word) || /\d/.test(word)) return word;
    const hit = this.corrected.get(word);
    if (hit !== undefined) return hit;
    const max = word.length >= 8 ? 2 : 1;
    const best = targets.find((t) => withinEdits(word, t, max)) ?? word;
    this.corrected.set(word, best);
    return best;
  }

  /** A French text (folded) in the parser's English words: typos corrected, phrases rewritten. */
  toEnglish(folded: string): string {
    // "j ai", "l experience", "qu il": an elision typed without its apostrophe is still one (a lone letter before a vowel).
    const elided = folded.replace(/(?<![a-z0-9'])(qu|[cdjlmnst]) (?=[aeiouyh])/g, "$1'");
    const corrected = elided.replace(/[a-z][a-z-]{4,}/g, (w) => this.correct(w));
    return corrected
      .replace(this.table.pattern, (m) => ` ${this.table.replacements.get(m.replace(/\s+/g, " ")) ?? this.table.loose.get(loosely(m)) ?? m} `)
      .replace(/[^\S\n]+/g, " ")
      .trim();
  }
}

// Where a phrase may start: a word's start, also just after an elided article or pronoun ("c'etait", "d'inscription"),
// but not inside a word written with an apostrophe ("aujourd'hui").
const START = "(?:(?<![a-z0-9'])|(?<=(?<![a-z0-9'])(?:qu|[cdjlmnst])'))";

// A phrase written with a hyphen where the table has a space, or the other way round ("est ce que" for "est-ce que").
function loosely(phrase: string): string {
  return phrase.replace(/[- \s]+/g, "");
}

/**
 * The language a message is written in, from its marker words; null when it tells neither (a code, a number, a
 * round type alone), so that the conversation's language holds.
 */
export function detectLanguage(text: string, french: French): Lang | null {
  const { fr, en } = french.score(text);
  if (fr === 0 && en === 0) return null;
  if (fr > en) return "fr";
  if (en > fr) return "en";
  return null;
}
