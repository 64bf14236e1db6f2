import type { Article } from "../article.js";
import { categoriesIn, OCCUPATION_CATEGORIES } from "../lexicon.js";
import type { BuildWarning, CategoryId, ListedOccupation } from "../schema.js";
import { squash } from "../text.js";

/** An occupation table found in an article, before it is dated and reconciled. */
export interface FoundTable {
  category: CategoryId;
  heading: string;
  line: number;
  occupations: ListedOccupation[];
}

const TITLE = "([A-Za-z][A-Za-z ,.'()&/-]{1,150}?[A-Za-z).])";

// The four shapes, tried in order: "Architects 21200 1", "Architecture and science managers200110"
// (code and TEER glued), "Civil engineering technologists and technicians22300" (code only), and code first.
const SPACED = new RegExp(`^${TITLE}\\s+(\\d{5})\\s+([0-5])$`);
const GLUED_TEER = new RegExp(`^${TITLE}\\s*(\\d{5})([0-5])$`);
const CODE_ONLY = new RegExp(`^${TITLE}\\s*(\\d{5})$`);
const CODE_FIRST = new RegExp(`^(\\d{5})\\s*[-:–]?\\s*${TITLE}(?:\\s+([0-5]))?$`);

/** Reads one table row in any of the shapes articles use; null when the line is not a row. */
export function parseOccupationRow(raw: string): { title: string; code: string; teer: number | null } | { glueMismatch: string } | null {
  const line = squash(raw.replace(/\|/g, " "));
  if (line.length < 6 || line.length > 200) return null;
  let m = SPACED.exec(line);
  if (m?.[1] && m[2] && m[3]) return { title: squash(m[1]), code: m[2], teer: Number(m[3]) };
  m = GLUED_TEER.exec(line);
  if (m?.[1] && m[2] && m[3]) {
    // In NOC 2021 the TEER is the code's second digit: a glued sixth digit that agrees with it is the TEER.
    if (m[2][1] === m[3]) return { title: squash(m[1]), code: m[2], teer: Number(m[3]) };
    return { glueMismatch: line };
  }
  m = CODE_ONLY.exec(line);
  if (m?.[1] && m[2]) return { title: squash(m[1]), code: m[2], teer: null };
  m = CODE_FIRST.exec(line);
  if (m?.[1] && m[2]) return { title: squash(m[2]), code: m[1], teer: m[3] ? Number(m[3]) : null };
  return null;
}

/** True for a table header, cells glued or not: "Occupation 2021 NOC Code2021 TEER Category". */
export function isHeader(line: string): boolean {
  return /\bNOC\b|\bTEER\b/i.test(line) && /occupation|job|title|code/i.test(line) && !/\d{5}/.test(line) && line.length < 120;
}

const LOOKBACK_LINES = 8;

/** Finds occupation tables in an article and the category each belongs to. */
export function extractOccupationTables(article: Article, warnings: BuildWarning[]): FoundTable[] {
  const tables: FoundTable[] = [];
  const lines = article.lines;
  let i = 0;
  while (i < lines.length) {
    const rows: ListedOccupation[] = [];
    const start = i;
    const headerAt = isHeader(lines[i]?.text ?? "") ? i : -1;
    if (headerAt >= 0) i += 1;
    while (i < lines.length) {
      const line = lines[i];
      if (!line) break;
      const row = parseOccupationRow(line.text);
      if (row === null) break;
      if ("glueMismatch" in row) {
        warnings.push({ source: article.id, line: line.number, message: `cannot split code and TEER in "${row.glueMismatch}"` });
      } else {
        rows.push({ ...row, line: line.number });
      }
      i += 1;
    }
    if (rows.length >= 2 || (rows.length === 1 && headerAt >= 0)) {
      const found = categoryAbove(article, start);
      if (found) tables.push({ category: found.category, heading: found.heading, line: rows[0]?.line ?? 1, occupations: rows });
      else {
        warnings.push({
          source: article.id,
          line: rows[0]?.line ?? 1,
          message: `occupation table of ${rows.length} rows with no category named above it; skipped`,
        });
      }
    }
    if (i === start) i += 1;
  }
  return tables;
}

function categoryAbove(article: Article, start: number): { category: CategoryId; heading: string } | null {
  let seen = 0;
  for (let j = start; j >= 0 && seen < LOOKBACK_LINES; j -= 1) {
    const text = squash(article.lines[j]?.text ?? "");
    if (text === "") continue;
    // Never reach past an earlier table: its heading is not this table's.
    if (j < start && parseOccupationRow(text) !== null) return null;
    seen += 1;
    const category = categoriesIn(text).find((c) => OCCUPATION_CATEGORIES.includes(c));
    if (category) return { category, heading: text.length > 160 ? `${text.slice(0, 157)}...` : text };
  }
  return null;
}
