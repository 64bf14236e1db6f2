import type { Knowledge } from "../../core/knowledge.js";
import type { Occupation } from "../../kb/schema.js";
import { withinEdits } from "../../nlu/edits.js";
import { lang } from "../../messages/lang.js";
import { occupationsMessages } from "../../messages/occupations.js";

/** How sure a title search must be before close runners-up stop being listed. */
const CONFIDENT_SCORE = 0.2;

/** The occupation a clause is about: by code, or by title search. */
export type OccupationMatch =
  | { kind: "found"; occupation: Occupation; alternatives: Occupation[]; byTitle: boolean; score: number }
  | { kind: "unknown-code"; code: string }
  | { kind: "none" };

// The abbreviations of several words, longest first, each between spaces as it is looked for and with what it
// stands for; sorted once per vocabulary, not at every lookup.
const phraseKeys = new WeakMap<Readonly<Record<string, string>>, readonly (readonly [string, string])[]>();
function phrasesOf(short: Readonly<Record<string, string>>): readonly (readonly [string, string])[] {
  let keys = phraseKeys.get(short);
  if (!keys) {
    keys = Object.keys(short)
      .filter((k) => k.includes(" "))
      .sort((a, b) => b.length - a.length)
      .map((k) => [` ${k} `, ` ${short[k] ?? k} `] as const);
    phraseKeys.set(short, keys);
  }
  return keys;
}

// The skills a message is ranked by ask about its one phrase several times in a row; the last answer is kept.
const lastResolved = new WeakMap<Knowledge, { key: string; value: OccupationMatch }>();

/** Finds the occupation a clause names by code or by title. */
export function resolveOccupation(knowledge: Knowledge, code: string | undefined, phrase: string, rewrite = true): OccupationMatch {
  const key = `${lang()}\u0000${code ?? ""}\u0000${rewrite ? "r" : ""}\u0000${phrase}`;
  const last = lastResolved.get(knowledge);
  if (last?.key === key) return last.value;
  const value = resolveUncached(knowledge, code, phrase, rewrite);
  lastResolved.set(knowledge, { key, value });
  return value;
}

function resolveUncached(knowledge: Knowledge, code: string | undefined, phrase: string, rewrite: boolean): OccupationMatch {
  if (code) {
    const occupation = knowledge.occupations.get(code);
    return occupation ? { kind: "found", occupation, alternatives: [], byTitle: false, score: 0 } : { kind: "unknown-code", code };
  }
  const short = knowledge.vocabulary.abbreviations;
  // "rn", "pa": a word too short to search may stand for a job.
  if (phrase.replace(/[^a-z]/g, "").length < 3 && short[phrase.trim()] === undefined) return { kind: "none" };
  // Abbreviations of several words first ("admin assistant" before "admin").
  let padded = ` ${phrase} `;
  for (const [key, full] of phrasesOf(short)) if (padded.includes(key)) padded = ` ${padded.replace(key, full).trim()} `;
  phrase = padded.trim();
  // "chartered accountant lagos accountant": a word said twice is one word of the phrase.
  phrase = [...new Set(phrase.split(" ").map((w) => short[w] ?? w))].join(" ");
  // A French question is searched in the official French titles and in the English ones ("data scientist",
  // "developpeur web"); the closer reading wins, the French one on a tie.
  const english = knowledge.search.occupations(phrase);
  const french = lang() === "fr" ? knowledge.search.occupationsFr(phrase) : [];
  const inFrench = french[0] !== undefined && (english[0] === undefined || french[0].score <= english[0].score);
  const hits = inFrench ? french : english;
  const best = hits[0];
  if (!best || best.score > knowledge.search.tuning.occupationAccept) {
    // "cybersecurity analyst", "massage therapy": when the whole phrase names no title, one of its words may
    // (each word is held to the one-word rule below); the answer says how the phrase was read.
    const all = phrase.split(" ").filter((w) => w !== "");
    if (rewrite && all.length >= 2 && all.length <= 4) {
      // "hair stylist" is "hairstylist"; "rn nurse aide" holds "nurse aide": two words written as one, then the
      // phrase without a short word no title search reads (a longer word left out changes the job named).
      const joined = all.slice(1).map((w, i) => [...all.slice(0, i), `${all[i]}${w}`, ...all.slice(i + 2)].join(" "));
      const shorter = all.length >= 3 ? all.flatMap((w, i) => (w.length <= 3 ? [[...all.slice(0, i), ...all.slice(i + 1)].join(" ")] : [])) : [];
      // Only an exact reading: a joined word that fuzzy matching bends into a title is another job.
      for (const p of [...joined, ...shorter]) {
        const found = resolveOccupation(knowledge, undefined, p, false);
        if (found.kind === "found" && found.score < 0.05) return found;
      }
    }
    const words = all.filter((w) => w.length >= 4);
    if (rewrite && words.length >= 2 && words.length <= 3) {
      for (const w of [...words].sort((a, b) => b.length - a.length)) {
        const one = resolveOccupation(knowledge, undefined, w);
        if (one.kind === "found") return one;
      }
    }
    return { kind: "none" };
  }
  // One word is a job only when a title holds it, or a word one typo away ("nurses", "enginer"); a common word that
  // fuzzy matching bends into a title word ("created" into "concrete") is not a job.
  const language = inFrench ? "fr" : "en";
  const single = knowledge.search.titleWords(phrase, language);
  if (single.length === 1 && single[0]) {
    const word = single[0];
    const title = inFrench ? knowledge.readFrench(knowledge.frenchTitle(best.item.code) ?? "") : (knowledge.occupations.get(best.item.code)?.title ?? "");
    const titleWords = knowledge.search.titleWords(title, language);
    if (!titleWords.some((t) => t === word || (word.length >= 5 && (withinEdits(word, t, 1) || t.startsWith(word))))) return { kind: "none" };
  }
  const occupation = knowledge.occupations.get(best.item.code);
  if (!occupation) return { kind: "none" };
  const alternatives = hits
    .slice(1)
    .filter((h) => h.score - best.score < 0.1 || best.score > CONFIDENT_SCORE)
    .map((h) => knowledge.occupations.get(h.item.code))
    .filter((o): o is Occupation => o !== undefined && o.code !== occupation.code)
    .slice(0, 3);
  return { kind: "found", occupation, alternatives, byTitle: true, score: best.score };
}

/** "21231 Software engineers and designers (TEER 1)"; in French the official French title and FEER. */
export function named(knowledge: Knowledge, o: Occupation): string {
  return occupationsMessages().named(o.code, knowledge.occupationTitle(o), o.teer);
}

/** A category's or program's name in the language being written in (vocabulary.json nameFr in French). */
export function typeNameOf(knowledge: Knowledge, id: string, name: string): string {
  return lang() === "fr" ? (knowledge.entry(id)?.nameFr ?? name) : name;
}
