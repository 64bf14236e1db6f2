import { readFileSync } from "node:fs";
import Fuse from "fuse.js";
import { LRUCache } from "lru-cache";
import * as z from "zod";
import { join } from "node:path";
import { KNOWLEDGE_DIR } from "../kb/paths.js";
import { readChecked } from "../kb/validated.js";
import type { Vocabulary } from "../kb/vocabulary.js";
import { alternation, escape, matchesOf } from "./pattern.js";
import { withinEdits } from "./edits.js";
import { French, fold } from "./language.js";

/** The cue file, knowledge/cues.json. */
export const CuesSchema = z.object({
  about: z.string(),
  typoTargets: z.array(z.string().min(2)),
  /** Shorthand and misspellings too short or too far to correct ("yr", "ther", "tie brake"), and what they stand for. */
  shorthand: z.record(z.string().regex(/^[a-z][a-z' -]*$/), z.string().min(1)),
  /** Words never part of an occupation phrase. */
  phraseStopwords: z.array(z.string().min(1)),
  /** Words of a question said as the articles say them, for finding a passage ("ita" → "invitation apply"). */
  passageSynonyms: z.record(z.string().regex(/^[a-z][a-z'-]*$/), z.string().min(1)).default({}),
  groups: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  /** Questions about a rule of selection the articles state, by the rule's topic: those that ask whether it holds, and those that propose its opposite ("first come first serve?"). */
  rules: z.record(z.string(), z.object({ asks: z.array(z.string().min(1)).min(1), denies: z.array(z.string().min(1)).default([]) })).default({}),
  /** Words that turn a rule's question around ("they don't care about CRS anymore?"). */
  ruleNegation: z.array(z.string().min(1)).default([]),
});
/** The cue groups as data. */
export type Cues = z.infer<typeof CuesSchema>;

/** Default location of the cue groups. */
export const CUES_FILE = join(KNOWLEDGE_DIR, "cues.json");

/** Reads the cue groups the parser uses; throws naming the bad field. */
export function loadCues(file: string = CUES_FILE): Cues {
  const parsed = readChecked(file, (f) => readFileSync(f, "utf8"), (d) => CuesSchema.safeParse(d));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

// Words people really write that sit one letter from a cue word: never "corrected".
const PROTECTED = new Set(
  "past lost most cost best test rest post fast vast cast drew grow show store scare poll tool cool fool around sound found joint lists lasts pools rounds drama stream scores point points draws score round list last draw pool range rage rang chart charm trade trades made make nurse purse curse under order older ever even over once hire here there where while white write least lease wrote quote count court month mouth cent sent spent different profile".split(" "),
);

/** A round-type name found in a clause. */
export interface CategoryHit {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

interface NameEntry {
  readonly id: string;
  readonly name: string;
}

/** The compiled cue groups, typo corrector and round-type finder the parser uses; built once per vocabulary. */
export class Lexicon {
  private readonly groups: readonly { name: string; re: RegExp }[];
  private readonly targets: readonly string[];
  private readonly shorthand: ReadonlyMap<string, string>;
  private readonly passageSynonyms: ReadonlyMap<string, string>;
  private readonly shorthandRe: RegExp | null;
  private readonly corrected = new LRUCache<string, string>({ max: 5000 });
  private readonly fuzzyWords = new LRUCache<string, string>({ max: 5000 });
  private readonly names: RegExp;
  private readonly nameIds: Map<string, string>;
  private fuzzyIndex: Fuse<NameEntry> | undefined;
  private readonly fuzzyNames: readonly NameEntry[];
  private readonly shortNames: readonly (NameEntry & { readonly letters: string })[];
  private readonly shortWords = new LRUCache<string, string>({ max: 5000 });
  /** Words never part of an occupation phrase. */
  readonly stopwords: ReadonlySet<string>;
  private readonly rules: readonly { topic: string; asks: RegExp; denies: RegExp | null }[];
  private readonly anyRule: RegExp | null;
  private readonly ruleNegation: RegExp | null;

  constructor(
    readonly vocabulary: Vocabulary,
    cues: Cues = loadCues(),
    /** French: how to tell it and how to read it. */
    readonly french: French = French.load(),
  ) {
    this.groups = Object.entries(cues.groups).map(([name, patterns]) => ({
      name,
      // One boundary around all of a group's words: a smaller pattern to compile at the first message.
      re: new RegExp(
        [
          ...patterns.filter((p) => p.startsWith("^")).map((p) => `(?:${p})\\b`),
          ...(patterns.some((p) => !p.startsWith("^")) ? [`(?:^|[^a-z0-9])(?:${patterns.filter((p) => !p.startsWith("^")).join("|")})(?=$|[^a-z0-9])`] : []),
        ].join("|"),
      ),
    }));
    this.targets = cues.typoTargets;
    const any = (ps: readonly string[]) => new RegExp(ps.map((p) => `(?:${p})`).join("|"));
    const either = (ps: readonly string[]) => (ps.length > 0 ? any(ps) : null);
    this.rules = Object.entries(cues.rules).map(([topic, r]) => ({ topic, asks: any(r.asks), denies: either(r.denies) }));
    // One pattern for every rule's words: most clauses ask about none, and pay one test.
    this.anyRule = either(Object.values(cues.rules).flatMap((r) => [...r.asks, ...r.denies]));
    this.ruleNegation = either(cues.ruleNegation);
    this.shorthand = new Map(Object.entries(cues.shorthand));
    this.passageSynonyms = new Map(Object.entries(cues.passageSynonyms));
    const keys = [...this.shorthand.keys()].sort((a, b) => b.length - a.length);
    this.shorthandRe = keys.length > 0 ? new RegExp(`(?<![a-z0-9'-])(?:${alternation(keys)})(?![a-z0-9'-])`, "g") : null;
    // Cue words are never part of an occupation phrase, except the groups that name things outside Express Entry.
    const naming = new Set(["offTopic", "visa", "pnpStream", "processingTime"]);
    const cueWords = Object.entries(cues.groups)
      .filter(([g]) => !naming.has(g))
      .flatMap(([, ps]) => ps.filter((p) => /^[a-z'-]+$/.test(p)));
    this.stopwords = new Set([...cues.phraseStopwords, ...cueWords]);
    // French names too, without accents as the parser reads them ("sante", "metiers", "medecins").
    const all: NameEntry[] = vocabulary.roundTypes.flatMap((r) => [...new Set([...r.words, r.name.toLowerCase(), ...r.wordsFr.map(fold)])].map((name) => ({ id: r.id, name })));
    // Every name in one pattern, the longest first where several begin, so "federal skilled trades" is taken before "trades".
    const byLength = [...all].sort((a, b) => b.name.length - a.name.length);
    this.names = new RegExp(`(?:^|[^a-z0-9])(${alternation(byLength.map((n) => n.name), (ch) => (ch === " " || ch === "-" ? "[ -]?" : escape(ch)))})(?=$|[^a-z0-9])`, "g");
    this.nameIds = new Map<string, string>();
    for (const n of byLength) if (!this.nameIds.has(nameKey(n.name))) this.nameIds.set(nameKey(n.name), n.id);
    this.shortNames = all.filter((n) => /^[a-z]{4,6}$/.test(n.name)).map((n) => ({ ...n, letters: letters(n.name) }));
    this.fuzzyNames = all.filter((n) => n.name.length >= 6 && !n.name.includes(" "));
  }

  /** The cue groups a normalised text holds. */
  cuesIn(text: string): string[] {
    return this.groups.filter((g) => g.re.test(text)).map((g) => g.name);
  }

  /** Whether one cue group matches a text. */
  hasCue(group: string, text: string): boolean {
    return this.groups.find((g) => g.name === group)?.re.test(text) ?? false;
  }

  /** The words each cue group matched first in a text, for answers that name what was asked ("LMIA", "Quebec"). */
  cueWords(text: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const g of this.groups) {
      const m = g.re.exec(text);
      if (m) out[g.name] = m[0].replace(/^[^a-z0-9]+/, "").trim();
    }
    return out;
  }

  /** The rules of selection a normalised clause asks about, each with whether it proposes the rule's opposite, and whether it offers other alternatives a yes or a no would not answer. */
  rulesAsked(text: string): { topic: string; denies: boolean; open?: boolean }[] {
    if (!this.anyRule?.test(text)) return [];
    // "by CRS or first come first serve": the first of two alternatives is the one asked.
    const read = (t: string) => {
      const negated = this.ruleNegation?.test(t) ?? false;
      return this.rules.flatMap((r) => {
        const denies = r.denies?.test(t) ?? false;
        return denies || r.asks.test(t) ? [{ topic: r.topic, denies: denies !== negated }] : [];
      });
    };
    // "fsw, cec or fst" is a list, not two questions: an "or" before a program's name does not start an alternative.
    const or = [...text.matchAll(/\s+or (?!not\b)([a-z]+)/g)].find((m) => this.categoriesIn(m[1] ?? "").length === 0);
    const first = or ? text.slice(0, or.index) : text;
    const asked = read(first);
    if (first === text) return asked;
    if (asked.length === 0) return read(text).map((a) => ({ ...a, open: true }));
    // "for PR or work permits": the other alternative is not the rule's opposite, so no yes or no answers both.
    const other = text.slice(first.length);
    const opposes = (this.ruleNegation?.test(other) ?? false) || this.rules.some((r) => r.denies?.test(other));
    return opposes ? asked : asked.map((a) => ({ ...a, open: true }));
  }

  /** A clause's text in the articles' words, to find a passage with ("pr" as "permanent", "ita" as "invitation"). */
  forPassages(text: string): string {
    return text.split(" ").map((w) => this.passageSynonyms.get(w.replace(/[^a-z0-9'-]/g, "")) ?? w).join(" ");
  }

  /** A normalised text with its shorthand written out ("this yr" is "this year"). */
  expand(text: string): string {
    return this.shorthandRe ? text.replace(this.shorthandRe, (w) => this.shorthand.get(w) ?? w) : text;
  }

  /** A word corrected to the cue word it most likely mistypes, or itself. */
  correct(word: string): string {
    if (word.length < 4 || PROTECTED.has(word) || /\d/.test(word)) return word;
    const hit = this.corrected.get(word);
    if (hit !== undefined) return hit;
    let best = word;
    if (!this.targets.includes(word)) {
      const max = word.length >= 8 ? 2 : 1;
      for (const t of this.targets) {
        // Four-letter words are corrected only for swapped letters ("lsat"): one substitution makes too many real words.
        if (word.length === 4 && !(t.length === 4 && [...word].sort().join("") === [...t].sort().join(""))) continue;
        if (withinEdits(word, t, max)) {
          best = t;
          break;
        }
      }
    }
    this.corrected.set(word, best);
    return best;
  }

  // The round type one mistyped word names, remembered: the same words come back in message after message.
  private fuzzyName(word: string): string | null {
    const known = this.fuzzyWords.get(word);
    if (known !== undefined) return known || null;
    // Built on first use: most messages name their round types exactly.
    this.fuzzyIndex ??= new Fuse(this.fuzzyNames, { keys: ["name"], includeScore: true, threshold: FUZZY_CATEGORY_THRESHOLD });
    const r = PROTECTED.has(word) ? undefined : this.fuzzyIndex.search(word, { limit: 1 })[0];
    const id = r && (r.score ?? 1) <= FUZZY_CATEGORY_THRESHOLD && Math.abs(r.item.name.length - word.length) <= 2 ? r.item.id : "";
    this.fuzzyWords.set(word, id);
    return id || null;
  }

  // The round type a short word mistypes, remembered like fuzzyName's.
  private shortName(w: string): string | null {
    const known = this.shortWords.get(w);
    if (known !== undefined) return known || null;
    let id = "";
    if (!PROTECTED.has(w)) {
      const sorted = letters(w);
      // Short names mistyped by two swapped letters ("stme", "tarde"): same letters, same first letter.
      const swapped = (n: { name: string; letters: string }) => n.name.length === w.length && n.letters === sorted;
      // Or one inner letter left out ("frnch", "trdes"): the first and last letters kept.
      const dropped = (n: { name: string }) => n.name.length === w.length + 1 && n.name.at(-1) === w.at(-1);
      id = this.shortNames.find((n) => n.name !== w && n.name[0] === w[0] && (swapped(n) || dropped(n)) && withinEdits(w, n.name, 1))?.id ?? "";
    }
    this.shortWords.set(w, id);
    return id || null;
  }

  /** Round types a text names, in order of mention, each found once; exact names first, then single mistyped words. */
  categoriesIn(text: string): CategoryHit[] {
    const hits: CategoryHit[] = [];
    let masked = text;
    for (const m of matchesOf(this.names, text)) {
      const name = m[1] ?? "";
      const id = this.nameIds.get(nameKey(name));
      if (!id) continue;
      const start = m.index + m[0].length - name.length;
      hits.push({ id, start, end: start + name.length });
      masked = masked.slice(0, start) + " ".repeat(name.length) + masked.slice(start + name.length);
    }
    for (const m of masked.matchAll(/\b[a-z]{4,5}\b/g)) {
      const id = this.shortName(m[0]);
      if (id) hits.push({ id, start: m.index, end: m.index + m[0].length });
    }
    const wordRe = /[a-z][a-z-]{5,}/g;
    for (const m of masked.matchAll(wordRe)) {
      const id = this.fuzzyName(m[0]);
      if (id) hits.push({ id, start: m.index, end: m.index + m[0].length });
    }
    hits.sort((a, b) => a.start - b.start);
    const seen = new Set<string>();
    return hits.filter((h) => (seen.has(h.id) ? false : (seen.add(h.id), true)));
  }
}

// Measured on the tuning questions: 0.25 accepts one or two typos in words of six letters or more
// ("helthcare", "transprot") and rejects the other words there ("stream" is not "stem": too short to try).
const FUZZY_CATEGORY_THRESHOLD = 0.25;

function letters(word: string): string {
  return [...word].sort().join("");
}

function nameKey(name: string): string {
  return name.replace(/[ -]/g, "");
}
