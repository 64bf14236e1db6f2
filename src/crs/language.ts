import { CRS_MESSAGES } from "../messages/crs.js";
import { pick } from "../messages/lang.js";
import { ABILITIES, TEST_LANGUAGE, defaultCrsGrid, type Ability, type CrsGrid, type TestConversion, type TestName } from "./grid.js";
import { defaultProfileLimits, type ProfileLimits } from "./limits.js";
import type { AbilityValues, FieldError, LanguageResult, OfficialLanguage, Result } from "./profile.js";
import { checkTestScores, testDisplayName } from "./validate.js";

/** Test scores turned into CLB/NCLC levels, with how far the table can be trusted. */
export interface Converted {
  readonly test: TestName;
  readonly language: OfficialLanguage;
  readonly levels: AbilityValues;
  /** Abilities whose score is below the table's lowest row: their level is "this or lower". */
  readonly below: readonly Ability[];
  readonly verified: boolean;
  /** Which table was used and how well it was checked. */
  readonly note: string;
}

/** Options of a conversion: the grid and limits to use. */
export interface ConvertOptions {
  readonly grid?: CrsGrid;
  readonly limits?: ProfileLimits;
  /** Path of the result in the profile, for error fields. */
  readonly field?: string;
}

function scaleName(language: OfficialLanguage): string {
  return language === "french" ? "NCLC" : "CLB";
}

function conversionNote(conv: TestConversion): string {
  const language = TEST_LANGUAGE[conv.test];
  const detail = conv.kind === "table" ? conv.note : conv.kind === "rule" ? conv.rule : null;
  return pick(CRS_MESSAGES).language.note(testDisplayName(conv.test), scaleName(language), conv.kind === "rule", conv.status.verified, conv.status.text, conv.status.meaning, detail);
}

function levelFor(conv: Exclude<TestConversion, { kind: "missing" }>, ability: Ability, score: number): { level: number; below: boolean } {
  if (conv.kind === "rule") {
    if (score >= conv.top.min) return { level: conv.top.clb, below: false };
    if (score >= conv.identity.min) return { level: Math.floor(score), below: false };
    return { level: conv.belowLevel, below: true };
  }
  const row = conv.abilities[ability].find((r) => score >= r.min);
  return row ? { level: row.clb, below: false } : { level: conv.belowLevel, below: true };
}

/** Converts a test's four scores to CLB/NCLC levels with the grid's table; refuses TEF Canada (no current table) and impossible scores. */
export function toClb(test: TestName, scores: AbilityValues, options: ConvertOptions = {}): Result<Converted, FieldError> {
  const grid = options.grid ?? defaultCrsGrid();
  const field = options.field ?? "language";
  const conv = grid.tests[test];
  const language = TEST_LANGUAGE[test];
  if (conv.kind === "missing") {
    const since = /\d{4}-\d{2}-\d{2}/.exec(conv.note)?.[0];
    return { ok: false, error: { field: `${field}.scores`, message: pick(CRS_MESSAGES).language.missing(testDisplayName(test), scaleName(language), since ?? null) } };
  }
  const bad = checkTestScores(test, scores, field, options.limits ?? defaultProfileLimits());
  if (bad[0]) return { ok: false, error: bad[0] };
  const levels = {} as Record<Ability, number>;
  const below: Ability[] = [];
  for (const ability of ABILITIES) {
    const r = levelFor(conv, ability, scores[ability]);
    levels[ability] = r.level;
    if (r.below) below.push(ability);
  }
  return { ok: true, value: { test, language, levels, below, verified: conv.status.verified, note: conversionNote(conv) } };
}

/** A language result as levels: given levels as they are, test scores converted. */
export function levelsOf(result: LanguageResult, options: ConvertOptions = {}): Result<{ language: OfficialLanguage; levels: AbilityValues; converted: Converted | null }, FieldError> {
  if ("levels" in result) return { ok: true, value: { language: result.language, levels: result.levels, converted: null } };
  const conv = toClb(result.test, result.scores, options);
  if (!conv.ok) return conv;
  return { ok: true, value: { language: conv.value.language, levels: conv.value.levels, converted: conv.value } };
}
