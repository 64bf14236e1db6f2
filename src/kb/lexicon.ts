import type { CategoryId, RoundType } from "./schema.js";

interface CategoryWords {
  readonly id: CategoryId;
  /** How the category is named in answers. */
  readonly label: string;
  /** How it is named in a sentence such as "the latest STEM draw". */
  readonly short: string;
  /** Patterns that name the category in article text. */
  readonly pattern: RegExp;
}

// Order matters: program names that contain a category word ("Federal Skilled Trades") come first
// and are masked before the categories are looked for.
const PROGRAMS: readonly CategoryWords[] = [
  { id: "fst", short: "Federal Skilled Trades", label: "Federal Skilled Trades Program", pattern: /federal skilled trades?(?: program)?|\bFSTP?\b/gi },
  { id: "fsw", short: "Federal Skilled Worker", label: "Federal Skilled Worker Program", pattern: /federal skilled workers?(?: program)?|\bFSWP?\b/gi },
  { id: "cec", short: "Canadian Experience Class", label: "Canadian Experience Class", pattern: /canadian experience class|\bCEC\b/gi },
  { id: "pnp", short: "Provincial Nominee Program", label: "Provincial Nominee Program", pattern: /provincial nominee(?: program)?s?|\bPNPs?\b/gi },
];

const CATEGORIES: readonly CategoryWords[] = [
  {
    id: "stem",
    short: "STEM",
    label: "STEM occupations",
    pattern: /\bSTEM\b|science,? technology,? engineering,? (?:and )?math(?:ematic)?s?|science, technology, mathematics,? and engineering/gi,
  },
  { id: "healthcare", short: "healthcare", label: "Healthcare occupations", pattern: /\bhealth ?care\b|\bhealth occupations\b/gi },
  { id: "french", short: "French-language", label: "French-language proficiency", pattern: /\bfrench[- ]?(?:language|speaking)?\b|\bfrancophone\b/gi },
  { id: "trades", short: "trades", label: "Trade occupations", pattern: /\b(?:skilled )?trades?(?: occupations)?\b/gi },
  { id: "transport", short: "transport", label: "Transport occupations", pattern: /\btransport(?:ation)?\b/gi },
  { id: "agriculture", short: "agriculture and agri-food", label: "Agriculture and agri-food occupations", pattern: /\bagri(?:culture|-food|food)\b/gi },
  {
    id: "general",
    short: "all-program",
    label: "All programs (no program specified)",
    pattern: /no program specified|\ball[- ]programs?\b|\bgeneral round/gi,
  },
];

const ALL = [...PROGRAMS, ...CATEGORIES];

/** The display name of a category or program. */
export function categoryLabel(id: CategoryId): string {
  return ALL.find((c) => c.id === id)?.label ?? id;
}

/** The short name of a category, for sentences: "STEM", "healthcare", "all-program". */
export function categoryShort(id: CategoryId): string {
  return ALL.find((c) => c.id === id)?.short ?? id;
}

/** Every category or program a text names, in order of first mention, programs first masked. */
export function categoriesIn(text: string): CategoryId[] {
  const found: { id: CategoryId; index: number }[] = [];
  let masked = text;
  for (const c of ALL) {
    c.pattern.lastIndex = 0;
    masked = masked.replace(c.pattern, (match, ...rest: unknown[]) => {
      const index = rest.find((r) => typeof r === "number") as number;
      found.push({ id: c.id, index });
      return " ".repeat(match.length);
    });
  }
  const seen = new Set<CategoryId>();
  return found
    .sort((a, b) => a.index - b.index)
    .map((f) => f.id)
    .filter((id) => (seen.has(id) ? false : (seen.add(id), true)));
}

/** Occupation categories (the ones category-based rounds select on). */
export const OCCUPATION_CATEGORIES: readonly CategoryId[] = [
  "french",
  "healthcare",
  "stem",
  "trades",
  "transport",
  "agriculture",
];

/** Programs a candidate can be eligible for. */
export const PROGRAM_IDS: readonly CategoryId[] = ["fsw", "cec", "fst", "pnp"];

/** The kind of round a category or program implies. */
export function roundTypeOf(category: CategoryId): RoundType {
  if (category === "general") return "general";
  if (PROGRAM_IDS.includes(category)) return "program-specific";
  return "category-based";
}

/** Reads the kind of round from a "Draw Type" label such as "Occupation-Based Targeted". */
export function roundTypeFromLabel(text: string): RoundType | null {
  if (/categor|occupation|targeted|french|stem|health/i.test(text)) return "category-based";
  if (/program[- ]specific|provincial|pnp|\bcec\b|experience class|skilled (?:worker|trades)/i.test(text)) return "program-specific";
  if (/general|all[- ]program|no program/i.test(text)) return "general";
  return null;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** Reads "six" or "6" as a number. */
export function numberWord(text: string): number | null {
  const n = NUMBER_WORDS[text.toLowerCase()] ?? Number(text);
  return Number.isInteger(n) && n > 0 ? n : null;
}
