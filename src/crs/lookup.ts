import { EeBotError, ErrorCode } from "../errors.js";
import type { AdditionalId, AdditionalItem, Band, Combo, CrsGrid, Period, PointBand, SplitBand } from "./grid.js";

/** The row of a banded table that holds a value (levels and years are counted in whole units). */
export function bandFor<T extends Band>(bands: readonly T[], value: number): T {
  const v = Math.floor(value);
  const row = bands.find((b) => v >= b.min && (b.max === null || v <= b.max));
  // The loader checks that bands start at 0 and leave no gap, so only a negative value can miss.
  if (!row) throw new EeBotError(ErrorCode.CrsGridInvalid, `no row of the grid holds the value ${value}`);
  return row;
}

/** Points of a core row in the right column. */
export function split(row: { withSpouse: number; withoutSpouse: number }, withSpouse: boolean): number {
  return withSpouse ? row.withSpouse : row.withoutSpouse;
}

/** Core age row. */
export function ageRow(grid: CrsGrid, age: number): SplitBand {
  return bandFor(grid.core.age, age);
}

/** Core education row for a grid education key, or undefined for an unknown key. */
export function educationRow(grid: CrsGrid, key: string): CrsGrid["core"]["education"][number] | undefined {
  return grid.core.education.find((e) => e.key === key);
}

/** Core first-language row for a CLB/NCLC level in one ability. */
export function firstLanguageRow(grid: CrsGrid, level: number): SplitBand {
  return bandFor(grid.core.firstLanguage.bands, level);
}

/** Core second-language row for a level in one ability. */
export function secondLanguageRow(grid: CrsGrid, level: number): SplitBand {
  return bandFor(grid.core.secondLanguage.bands, level);
}

/** Core Canadian work experience row. */
export function canadianExperienceRow(grid: CrsGrid, years: number): SplitBand {
  return bandFor(grid.core.canadianExperience.bands, years);
}

/** Spouse education points for a grid education key. */
export function spouseEducationPoints(grid: CrsGrid, key: string): number | undefined {
  return grid.spouse.education.find((e) => e.key === key)?.points;
}

/** Spouse language row for a level in one ability. */
export function spouseLanguageRow(grid: CrsGrid, level: number): PointBand {
  return bandFor(grid.spouse.language.bands, level);
}

/** Spouse Canadian work experience row. */
export function spouseExperienceRow(grid: CrsGrid, years: number): PointBand {
  return bandFor(grid.spouse.canadianExperience.bands, years);
}

/** Index of the highest column whose threshold the value reaches, or -1. */
export function columnFor(combo: Combo<object>, value: number): number {
  let index = -1;
  combo.columns.forEach((c, i) => {
    if (Math.floor(value) >= c.min) index = i;
  });
  return index;
}

/** Points of a combination cell: the row's value in the column the value reaches, 0 when it reaches none. */
export function cell(row: { points: readonly number[] }, column: number): number {
  return column < 0 ? 0 : (row.points[column] ?? 0);
}

/** Transferability row for an education key in an education table. */
export function educationComboRow<R extends { keys: readonly string[] }>(combo: Combo<R>, key: string): Combo<R>["rows"][number] | undefined {
  return combo.rows.find((r) => r.keys.includes(key));
}

/** Transferability row for years of foreign work experience. */
export function foreignComboRow<R extends { band: Band }>(combo: Combo<R>, years: number): Combo<R>["rows"][number] {
  const v = Math.floor(years);
  const row = combo.rows.find((r) => v >= r.band.min && (r.band.max === null || v <= r.band.max));
  if (!row) throw new EeBotError(ErrorCode.CrsGridInvalid, `no foreign work row holds ${years} years`);
  return row;
}

/** Certificate-of-qualification row reached by the lowest first-language level, if any. */
export function certificateRow(grid: CrsGrid, lowestLevel: number): CrsGrid["transferability"]["certificate"]["rows"][number] | undefined {
  return [...grid.transferability.certificate.rows].reverse().find((r) => lowestLevel >= r.minClb);
}

/** An additional-points item by id. */
export function item(grid: CrsGrid, id: AdditionalId): AdditionalItem {
  const found = grid.additional.items.find((i) => i.id === id);
  if (!found) throw new EeBotError(ErrorCode.CrsGridInvalid, `the grid has no additional item ${id}`);
  return found;
}

/** The period of an item in force on a date, or undefined when the item gave nothing then. */
export function periodAt(it: AdditionalItem, date: string): Period | undefined {
  return it.periods.find((p) => p.from <= date && (p.to === null || date <= p.to));
}

/** The points an item gives on a date. */
export function itemPointsAt(it: AdditionalItem, date: string): number {
  return periodAt(it, date)?.points ?? 0;
}
