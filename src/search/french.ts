import type { TitleEntry } from "./occupations.js";

/** The official French occupation titles, and how a French text is read into the parser's words. */
export interface FrenchTitles {
  readonly titles: readonly TitleEntry[];
  /** A French text as the parser reads it: lower case, without accents, rewritten with knowledge/french.json. */
  readonly read: (text: string) => string;
  /** Words a question's occupation phrase never holds (the parser's stop and cue words). */
  readonly stopwords: ReadonlySet<string>;
}

// Words that never tell two French titles apart, in French and in the English the rewriting puts in their place.
const FRENCH_STOPWORDS = new Set(
  "de des du la le les l d et ou en au aux a un une pour par sur dans avec sauf autres autre n c e ca s of the and or in for with on at to a an other except".split(" "),
);

// Feminine and plural endings, longest first: "infirmières" and "infirmier" are one word to a search.
const ENDINGS: readonly (readonly [string, string])[] = [
  ["euse", "eur"],
  ["rice", "eur"],
  ["eure", "eur"],
  ["iere", "ier"],
  ["enne", "en"],
  ["onne", "on"],
  ["elle", "el"],
  ["ante", "ant"],
  ["ente", "ent"],
  ["ive", "if"],
  ["ale", "al"],
  ["ere", "er"],
  ["ee", "e"],
];

/** A French word reduced to its masculine singular: "infirmières" → "infirmier", "conductrices" → "conducteur". */
export function frenchWord(w: string): string {
  if (w.length <= 3) return w;
  let s = w;
  if (s.endsWith("eaux")) s = s.slice(0, -1);
  else if (s.endsWith("aux") && s.length > 4) s = `${s.slice(0, -3)}al`;
  else if ((s.endsWith("s") || s.endsWith("x")) && !s.endsWith("ss")) s = s.slice(0, -1);
  for (const [ending, masculine] of ENDINGS) {
    if (s.length > ending.length + 2 && s.endsWith(ending)) return `${s.slice(0, -ending.length)}${masculine}`;
  }
  return s;
}

/** The content words of a French text already read into the parser's words, masculine singular, without stop words. */
export function frenchContentWords(text: string, stopwords: ReadonlySet<string> = new Set()): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !FRENCH_STOPWORDS.has(w) && !stopwords.has(w))
    .map(frenchWord);
}

/**
 * Every French title a user may type for an occupation: the official one, and each part of a title joined with "et"
 * or "ou" or set off by a comma or a parenthesis ("Développeurs/développeuses Web et programmeurs/programmeuses Web"
 * is also "programmeur Web"), each as the parser reads it.
 */
export function frenchTitleEntries(french: FrenchTitles): TitleEntry[] {
  const entries: TitleEntry[] = [];
  const heads = new Map<string, Set<string>>();
  for (const t of french.titles) {
    const title = french.read(t.title);
    entries.push({ code: t.code, title });
    const head = frenchContentWords(title, french.stopwords)[0];
    if (head) heads.set(head, (heads.get(head) ?? new Set()).add(t.code));
    // Parts with what follows each: ", ", " et ", " ou ", " (" or the end.
    const pieces = t.title.split(/(,| et | ou | \()/);
    if (pieces.length > 1) {
      for (let i = 0; i < pieces.length; i += 2) {
        const part = (pieces[i] ?? "").replace(/\)$/, "").trim();
        const next = pieces[i + 1] ?? "";
        if (part === "" || /^(?:sauf|de|du|des|d'|en|à|au|aux|la|le|les|l')(?:\s|$)/i.test(part)) continue;
        const words = new Set(frenchContentWords(french.read(part), french.stopwords)).size;
        // One word joined by "et" or "ou" ("Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel") may lack
        // the words it shares with the next part; one word before a parenthesis or at the end is a name by itself.
        if (words >= 2 || (words === 1 && next !== " et " && next !== " ou ")) entries.push({ code: t.code, title: french.read(part) });
      }
    }
  }
  // A French title names its head noun first: a head no other title starts with is that occupation's name by itself
  // ("Charpentiers-menuisiers/charpentières-menuisières" is what "charpentier" means).
  for (const [head, codes] of heads) {
    const [code] = codes;
    if (codes.size === 1 && code) entries.push({ code, title: head });
  }
  return entries;
}
