import Fuse from "fuse.js";
import type { CategoryId } from "../kb/schema.js";

interface CategoryName {
  readonly id: CategoryId;
  readonly name: string;
}

// The words people use for each category; fuzzy matching finds them with a typo ("helthcare", "transprot").
const NAMES: readonly CategoryName[] = [
  { id: "stem", name: "stem" },
  { id: "healthcare", name: "healthcare" },
  { id: "healthcare", name: "health care" },
  { id: "french", name: "french" },
  { id: "french", name: "francophone" },
  { id: "transport", name: "transport" },
  { id: "transport", name: "transportation" },
  { id: "agriculture", name: "agriculture" },
  { id: "agriculture", name: "agri-food" },
  { id: "general", name: "all-program" },
  { id: "general", name: "general" },
];

// Threshold measured on the question set: 0.25 accepts one or two typos in words of six letters or more
// and rejects every other word there ("stream" is not "stem"). "Trades" is left to exact matching:
// one letter away are real words ("trader", "traded").
const CATEGORY_THRESHOLD = 0.25;
const MIN_LENGTH = 6;

const index = new Fuse(NAMES, { keys: [{ name: "name", weight: 1 }], includeScore: true, threshold: CATEGORY_THRESHOLD });

/** The category a single mistyped word most likely names, if any. */
export function fuzzyCategory(word: string): CategoryId | undefined {
  if (word.length < MIN_LENGTH) return undefined;
  const hit = index.search(word, { limit: 1 })[0];
  return hit && (hit.score ?? 1) <= CATEGORY_THRESHOLD && Math.abs(hit.item.name.length - word.length) <= 2 ? hit.item.id : undefined;
}
