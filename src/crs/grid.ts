import { readFileSync } from "node:fs";
import * as z from "zod";
import { lazySchema } from "../kb/lazy-schema.js";
import { readChecked, type Checked } from "../kb/validated.js";
import { EeBotError, ErrorCode } from "../errors.js";
import { DEFAULT_PATHS } from "../kb/paths.js";
import type { Source } from "../kb/schema.js";
import { sha256Hex } from "../hash.js";

/** knowledge/crs/crs-grid.json as it is written: IRCC's CRS grid, the additional points with their dates, and the language-test tables. */
export const CrsGridSchema = lazySchema(() => {
  // Local on purpose: src/kb/schema.ts imports this file, so importing its date schema back would be a cycle.
  const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
  const Points = z.number().int().nonnegative();
  const SplitSchema = z.object({ withSpouse: Points, withoutSpouse: Points });
  const Status = z.string().min(1);
  const SourceList = z.array(z.string()).optional();

  const labelShape = <K extends string>(key: K) => ({ [key]: z.string().min(1) }) as { [P in K]: z.ZodString };
  const splitRows = <K extends string>(key: K) => z.array(z.looseObject({ ...SplitSchema.shape, ...labelShape(key) })).min(1);
  const pointRows = <K extends string>(key: K) => z.array(z.looseObject({ points: Points, ...labelShape(key) })).min(1);

  /** A table combining two factors: labelled columns, rows of points one per column, the row label under any key. */
  const ComboSchema = z.looseObject({
    columns: z.array(z.string().min(1)).min(1),
    rows: z.array(z.object({ points: z.array(Points).min(1) }).catchall(z.string())).min(1),
  });

  const PeriodSchema = z.looseObject({ from: IsoDate, to: IsoDate, points: Points, note: z.string().optional() });

  const AdditionalItemSchema = z.looseObject({
    factor: z.string().min(1),
    points: Points,
    status: Status,
    since: IsoDate.optional(),
    effective: IsoDate.optional(),
    removed: IsoDate.optional(),
    announced: IsoDate.optional(),
    formerPoints: Points.optional(),
    history: z.array(PeriodSchema).optional(),
    effectiveNote: z.string().optional(),
    sources: SourceList,
  });

  const TestTableSchema = z.looseObject({
    status: Status,
    sources: SourceList,
    columns: z.array(z.string()).optional(),
    rows: z.record(z.string().regex(/^\d+$/), z.array(z.union([z.number().nonnegative(), z.string().regex(/^\d+(?:-\d+)?$/)]))).optional(),
    rule: z.string().optional(),
    note: z.string().optional(),
    disagreement: z.string().optional(),
  });

  return z.looseObject({
    title: z.string().min(1),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}\b/, "expected the compilation date first (YYYY-MM-DD)"),
    primarySource: z.looseObject({ title: z.string().min(1), publisher: z.string(), url: z.url(), note: z.string().optional() }),
    verificationLegend: z.record(z.string(), z.string()).optional(),
    maximums: z.record(z.string(), Points),
    A_core_human_capital: z.looseObject({
      status: Status,
      sources: SourceList,
      age: z.looseObject({ max: SplitSchema, points: splitRows("age") }),
      education: z.looseObject({
        max: SplitSchema,
        levels: z.array(z.looseObject({ key: z.string().regex(/^[a-z0-9_]+$/), label: z.string(), ...SplitSchema.shape })).min(1),
      }),
      firstOfficialLanguage: z.looseObject({
        abilities: z.array(z.string()).optional(),
        max: SplitSchema,
        maxPerAbility: z.union([SplitSchema, Points]).optional(),
        points: splitRows("clb"),
      }),
      secondOfficialLanguage: z.looseObject({
        max: SplitSchema,
        maxPerAbility: z.union([SplitSchema, Points]).optional(),
        points: splitRows("clb"),
      }),
      canadianWorkExperience: z.looseObject({ note: z.string().optional(), max: SplitSchema, points: splitRows("years") }),
      subtotalMax: SplitSchema,
    }),
    B_spouse_factors: z.looseObject({
      status: Status,
      sources: SourceList,
      appliesWhen: z.string().optional(),
      max: Points,
      education: z.looseObject({ max: Points, levels: pointRows("key") }),
      firstOfficialLanguage: z.looseObject({ max: Points, maxPerAbility: Points.optional(), points: pointRows("clb") }),
      canadianWorkExperience: z.looseObject({ max: Points, points: pointRows("years") }),
    }),
    C_skill_transferability: z.looseObject({
      status: Status,
      sources: SourceList,
      max: Points,
      education: z.looseObject({ subCap: Points, withLanguage: ComboSchema, withCanadianWork: ComboSchema }),
      foreignWorkExperience: z.looseObject({ subCap: Points, withLanguage: ComboSchema, withCanadianWork: ComboSchema }),
      certificateOfQualification: z.looseObject({
        subCap: Points,
        note: z.string().optional(),
        rows: z.array(z.looseObject({ language: z.string().min(1), points: Points })).min(1),
      }),
    }),
    D_additional_points: z.looseObject({ max: Points, items: z.array(AdditionalItemSchema).min(1) }),
    languageTestEquivalency: z.object({ note: z.string().optional() }).catchall(TestTableSchema),
  });
});
/** The grid file as validated. */
export type CrsGridFile = z.infer<typeof CrsGridSchema>;

/** The four abilities a language test scores. */
export const AbilitySchema = z.enum(["reading", "writing", "listening", "speaking"]);
/** A language ability. */
export type Ability = z.infer<typeof AbilitySchema>;
/** The abilities in the order the grid's test tables list them. */
export const ABILITIES: readonly Ability[] = AbilitySchema.options;

/** The language tests the grid has a table (or a rule, or a stated gap) for. */
export const TestNameSchema = z.enum(["ielts", "celpip", "pte", "tcf", "tef"]);
/** A language test. */
export type TestName = z.infer<typeof TestNameSchema>;

/** Official language of each test. */
export const TEST_LANGUAGE: Readonly<Record<TestName, "english" | "french">> = {
  ielts: "english",
  celpip: "english",
  pte: "english",
  tcf: "french",
  tef: "french",
};

/** An inclusive range of whole levels or years; max null means "or more". */
export interface Band {
  readonly min: number;
  readonly max: number | null;
}

/** A row of a core factor: its band, the grid's label and its points with and without a spouse. */
export interface SplitBand extends Band {
  readonly label: string;
  readonly withSpouse: number;
  readonly withoutSpouse: number;
}

/** A row of a spouse factor. */
export interface PointBand extends Band {
  readonly label: string;
  readonly points: number;
}

/** How well a table was checked, as the grid states it. */
export interface TableStatus {
  readonly verified: boolean;
  /** The grid's own wording, such as "verified-2src (table dated Jan 2024)". */
  readonly text: string;
  /** What that status means, from the grid's legend. */
  readonly meaning: string | null;
}

/** One column of a combination table: the level (CLB or years) it starts at. */
export interface ComboColumn {
  readonly label: string;
  readonly min: number;
}

/** A transferability table: columns by threshold, rows by the other factor. */
export interface Combo<R> {
  readonly columns: readonly ComboColumn[];
  readonly rows: readonly (R & { readonly label: string; readonly points: readonly number[] })[];
}

/** Identifier of an additional-points item. */
export type AdditionalId =
  | "nomination"
  | "sibling"
  | "french-weak-english"
  | "french-strong-english"
  | "canadian-education-short"
  | "canadian-education-long"
  | "arranged-employment-senior"
  | "arranged-employment-other";

/** The points an additional item gave over a span of dates (to null: still in force). */
export interface Period {
  readonly from: string;
  readonly to: string | null;
  readonly points: number;
  readonly note: string | null;
}

/** An additional-points item with its whole timeline. */
export interface AdditionalItem {
  readonly id: AdditionalId;
  readonly factor: string;
  readonly status: TableStatus;
  /** Periods in date order; before the first one the item gave nothing. */
  readonly periods: readonly Period[];
  readonly removed: string | null;
  readonly announced: string | null;
  /** Other start dates some source gives for the current period. */
  readonly disputedStarts: readonly string[];
  readonly effectiveNote: string | null;
  /** French items: the NCLC level needed on all four French abilities. */
  readonly frenchMin: number | null;
  /** French items: the English level needed on all four (strong English) or the highest allowed (weak English). */
  readonly englishMin: number | null;
  readonly englishMax: number | null;
}

/** A language test's table: for each ability, the score range of each CLB level, highest level first. */
export interface TestTable {
  readonly kind: "table";
  readonly test: TestName;
  readonly key: string;
  readonly status: TableStatus;
  readonly note: string | null;
  readonly abilities: Readonly<Record<Ability, readonly { readonly clb: number; readonly min: number; readonly max: number | null }[]>>;
  /** Below the lowest row's score: this level or lower. */
  readonly belowLevel: number;
}

/** A language test whose scores map to CLB by a rule. */
export interface TestRule {
  readonly kind: "rule";
  readonly test: TestName;
  readonly key: string;
  readonly status: TableStatus;
  readonly rule: string;
  /** Scores mapping to themselves. */
  readonly identity: Band;
  /** Scores above the identity range and the level they give. */
  readonly top: { readonly min: number; readonly max: number; readonly clb: number };
  readonly belowLevel: number;
}

/** A language test the grid has no usable table for. */
export interface TestMissing {
  readonly kind: "missing";
  readonly test: TestName;
  readonly key: string;
  readonly status: TableStatus;
  readonly note: string;
}

/** What the grid says about converting one test's scores. */
export type TestConversion = TestTable | TestRule | TestMissing;

/** The grid in the form the calculator reads: bands with numeric bounds, dated additional items, test conversions. */
export interface CrsGrid {
  readonly title: string;
  /** Date the file was compiled. */
  readonly asOf: string;
  readonly source: { readonly title: string; readonly url: string; readonly publisher: string };
  readonly maximums: {
    readonly total: number;
    readonly coreWithSpouse: number;
    readonly coreWithoutSpouse: number;
    readonly spouse: number;
    readonly transferability: number;
    readonly additional: number;
    readonly coreSpouseTransferability: number;
  };
  readonly core: {
    readonly status: TableStatus;
    readonly age: readonly SplitBand[];
    readonly education: readonly { readonly key: string; readonly label: string; readonly withSpouse: number; readonly withoutSpouse: number }[];
    readonly firstLanguage: { readonly bands: readonly SplitBand[]; readonly max: { readonly withSpouse: number; readonly withoutSpouse: number } };
    readonly secondLanguage: { readonly bands: readonly SplitBand[]; readonly max: { readonly withSpouse: number; readonly withoutSpouse: number } };
    readonly canadianExperience: { readonly bands: readonly SplitBand[]; readonly note: string | null };
    readonly subtotalMax: { readonly withSpouse: number; readonly withoutSpouse: number };
  };
  readonly spouse: {
    readonly status: TableStatus;
    readonly max: number;
    readonly education: readonly { readonly key: string; readonly points: number }[];
    readonly educationMax: number;
    readonly language: { readonly bands: readonly PointBand[]; readonly max: number };
    readonly canadianExperience: { readonly bands: readonly PointBand[]; readonly max: number };
  };
  readonly transferability: {
    readonly status: TableStatus;
    readonly max: number;
    readonly education: {
      readonly subCap: number;
      readonly withLanguage: Combo<{ readonly keys: readonly string[] }>;
      readonly withCanadianWork: Combo<{ readonly keys: readonly string[] }>;
    };
    readonly foreignExperience: {
      readonly subCap: number;
      readonly withLanguage: Combo<{ readonly band: Band }>;
      readonly withCanadianWork: Combo<{ readonly band: Band }>;
    };
    readonly certificate: { readonly subCap: number; readonly rows: readonly { readonly label: string; readonly minClb: number; readonly points: number }[] };
  };
  readonly additional: { readonly max: number; readonly items: readonly AdditionalItem[] };
  readonly tests: Readonly<Record<TestName, TestConversion>>;
}

function fail(where: string, message: string): never {
  throw new EeBotError(ErrorCode.CrsGridInvalid, `crs-grid.json: ${where}: ${message}`);
}

/** Reads a band out of a label such as "CLB 4 or 5", "17 or less", "less than CLB 4", "3 years or more". */
export function parseBand(label: string): Band | undefined {
  const t = label.toLowerCase().trim();
  let m: RegExpExecArray | null;
  if ((m = /less than (?:clb |nclc )?(\d+)/.exec(t))) return { min: 0, max: Number(m[1]) - 1 };
  if ((m = /(\d+)(?: years?)? or (?:less|lower)\b/.exec(t))) return { min: 0, max: Number(m[1]) };
  if ((m = /(\d+)(?: years?)? or more\b/.exec(t))) return { min: Number(m[1]), max: null };
  if ((m = /(\d+) or (\d+)/.exec(t))) return { min: Number(m[1]), max: Number(m[2]) };
  if (/^no\b/.test(t)) return { min: 0, max: 0 };
  if ((m = /^(?:clb |nclc )?(\d+)(?: years?)?$/.exec(t))) return { min: Number(m[1]), max: Number(m[1]) };
  return undefined;
}

function bands<R>(where: string, rows: readonly R[], label: (r: R) => string): (Band & { row: R })[] {
  const out = rows.map((row, i) => {
    const band = parseBand(label(row));
    if (!band) fail(`${where}[${i}]`, `cannot read a range from "${label(row)}"`);
    return { ...band, row };
  });
  out.sort((a, b) => a.min - b.min);
  out.forEach((b, i) => {
    const prev = out[i - 1];
    if (i === 0 && b.min !== 0) fail(where, `the lowest row starts at ${b.min}, not 0`);
    if (prev && prev.max !== b.min - 1) fail(where, `rows "${label(prev.row)}" and "${label(b.row)}" leave a gap or overlap`);
    if (i < out.length - 1 && b.max === null) fail(where, `only the last row may be open-ended ("${label(b.row)}")`);
    if (i === out.length - 1 && b.max !== null) fail(where, `the last row "${label(b.row)}" must be open-ended`);
  });
  return out;
}

function status(file: CrsGridFile, text: string): TableStatus {
  const legend = Object.entries(file.verificationLegend ?? {});
  const entry = legend.filter(([k]) => text.startsWith(k)).sort((x, y) => y[0].length - x[0].length)[0];
  return { verified: (entry?.[0] ?? text).startsWith("verified"), text, meaning: entry?.[1] ?? null };
}

function need(maximums: Record<string, number>, key: string): number {
  const v = maximums[key];
  if (v === undefined) fail("maximums", `missing "${key}"`);
  return v;
}

// Which education levels each transferability row covers; the row labels differ from the level labels.
const TRANSFER_EDUCATION: readonly { readonly row: RegExp; readonly keys: readonly string[] }[] = [
  { row: /secondary school or less/i, keys: ["less_than_secondary", "secondary"] },
  { row: /one year or longer/i, keys: ["one_year", "two_year", "bachelor_or_3yr"] },
  { row: /two or more/i, keys: ["two_or_more"] },
  { row: /master/i, keys: ["masters_or_professional"] },
  { row: /doctora/i, keys: ["doctoral"] },
];

function rowLabel(where: string, row: Record<string, unknown>): string {
  const label = Object.entries(row).find(([k, v]) => k !== "points" && typeof v === "string")?.[1];
  if (typeof label !== "string") fail(where, "a row has no label");
  return label;
}

function columns(where: string, labels: readonly string[], pattern: RegExp): ComboColumn[] {
  const out = labels.map((label) => {
    const m = pattern.exec(label);
    if (!m) fail(where, `cannot read a threshold from column "${label}"`);
    return { label, min: Number(m[1]) };
  });
  if (out.some((c, i) => i > 0 && c.min <= (out[i - 1]?.min ?? 0))) fail(where, "columns must rise");
  return out;
}

type RawCombo = CrsGridFile["C_skill_transferability"]["education"]["withLanguage"];
type RawAdditionalItem = CrsGridFile["D_additional_points"]["items"][number];
type RawTestTable = Exclude<CrsGridFile["languageTestEquivalency"][string], string | undefined>;

function educationCombo(where: string, raw: RawCombo, keys: readonly string[], pattern: RegExp): Combo<{ keys: readonly string[] }> {
  const cols = columns(where, raw.columns, pattern);
  const rows = raw.rows.map((r, i) => {
    const label = rowLabel(`${where}.rows[${i}]`, r);
    const match = TRANSFER_EDUCATION.find((t) => t.row.test(label));
    if (!match) fail(`${where}.rows[${i}]`, `no education level is known for "${label}"`);
    if (r.points.length !== cols.length) fail(`${where}.rows[${i}]`, "one value per column expected");
    return { label, keys: match.keys, points: r.points };
  });
  for (const key of keys) {
    const n = rows.filter((r) => r.keys.includes(key)).length;
    if (n !== 1) fail(where, `education level ${key} is in ${n} rows`);
  }
  return { columns: cols, rows };
}

function bandCombo(where: string, raw: RawCombo, pattern: RegExp): Combo<{ band: Band }> {
  const cols = columns(where, raw.columns, pattern);
  const labelled = raw.rows.map((r, i) => ({ r, label: rowLabel(`${where}.rows[${i}]`, r) }));
  return {
    columns: cols,
    rows: bands(`${where}.rows`, labelled, (x) => x.label).map((b) => {
      if (b.row.r.points.length !== cols.length) fail(where, `one value per column expected in "${b.row.label}"`);
      return { label: b.row.label, band: { min: b.min, max: b.max }, points: b.row.r.points };
    }),
  };
}

const LANGUAGE_COLUMN = /CLB (\d+) or more/i;
const YEARS_COLUMN = /(\d+) years?/i;

function additionalId(factor: string): AdditionalId | undefined {
  const f = factor.toLowerCase();
  if (f.includes("nominat")) return "nomination";
  if (/brother|sister|sibling/.test(f)) return "sibling";
  if (f.includes("french")) return /or lower|or less|no english/.test(f) ? "french-weak-english" : "french-strong-english";
  if (f.includes("education in canada")) return /one or two|1 or 2|1-2/.test(f) ? "canadian-education-short" : "canadian-education-long";
  if (f.includes("arranged employment")) return /major group 00|senior/.test(f) ? "arranged-employment-senior" : "arranged-employment-other";
  return undefined;
}

/** The calendar day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function additionalItem(file: CrsGridFile, raw: RawAdditionalItem, i: number): AdditionalItem {
  const where = `D_additional_points.items[${i}]`;
  const id = additionalId(raw.factor);
  if (!id) fail(where, `unknown factor "${raw.factor}"`);
  const history: Period[] = (raw.history ?? []).map((h) => ({ from: h.from, to: h.to, points: h.points, note: h.note ?? null }));
  const start = raw.removed ?? raw.effective ?? raw.since ?? null;
  if (start === null) fail(where, "no since, effective or removed date");
  const periods = [...history, { from: start, to: null, points: raw.points, note: null }].sort((a, b) => a.from.localeCompare(b.from));
  periods.forEach((p, k) => {
    const next = periods[k + 1];
    if (next && p.to !== null && p.to >= next.from) fail(where, `periods from ${p.from} and ${next.from} overlap`);
  });
  // A period that ends the day before the next begins is contiguous; a later start leaves a span with no points.
  const closed = periods.map((p, k) => ({ ...p, to: p.to ?? (periods[k + 1] ? dayBefore(periods[k + 1]!.from) : null) }));
  const disputedStarts = [...(raw.effectiveNote ?? "").matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => m[0]).filter((d) => d !== start && !periods.some((p) => p.to === d));
  const french = id === "french-weak-english" || id === "french-strong-english";
  const num = (re: RegExp): number | null => {
    const m = re.exec(raw.factor);
    return m ? Number(m[1]) : null;
  };
  const frenchMin = french ? num(/NCLC (\d+)\+/i) : null;
  const englishMin = id === "french-strong-english" ? num(/CLB (\d+)\+/i) : null;
  const englishMax = id === "french-weak-english" ? num(/CLB (\d+) or (?:lower|less)/i) : null;
  if (french && (frenchMin === null || (englishMin === null && englishMax === null))) fail(where, `cannot read the language levels from "${raw.factor}"`);
  return {
    id,
    factor: raw.factor,
    status: status(file, raw.status),
    periods: closed,
    removed: raw.removed ?? null,
    announced: raw.announced ?? null,
    disputedStarts,
    effectiveNote: raw.effectiveNote ?? null,
    frenchMin,
    englishMin,
    englishMax,
  };
}

function testId(key: string): TestName | undefined {
  const parsed = TestNameSchema.safeParse(key.split("_")[0]?.toLowerCase());
  return parsed.success ? parsed.data : undefined;
}

function testConversion(file: CrsGridFile, key: string, raw: RawTestTable, test: TestName): TestConversion {
  const where = `languageTestEquivalency.${key}`;
  const st = status(file, raw.status);
  if (raw.rows) {
    const cols = raw.columns ?? [];
    const idx = ABILITIES.map((a) => cols.indexOf(a));
    if (idx.some((k) => k < 0)) fail(where, "columns must name reading, writing, listening and speaking");
    const levels = Object.keys(raw.rows).map(Number).sort((a, b) => b - a);
    const abilities = Object.fromEntries(
      ABILITIES.map((ability, a) => {
        const rows = levels.map((clb) => {
          const cell = raw.rows?.[String(clb)]?.[idx[a]!];
          if (cell === undefined) fail(where, `no ${ability} value for CLB ${clb}`);
          if (typeof cell === "number") return { clb, min: cell, max: null as number | null };
          const [lo, hi] = cell.split("-").map(Number);
          return { clb, min: lo!, max: hi ?? lo! };
        });
        rows.forEach((r, k) => {
          const lower = rows[k + 1];
          if (lower && lower.min >= r.min) fail(where, `${ability} scores must fall with the level (CLB ${r.clb})`);
        });
        return [ability, rows];
      }),
    ) as unknown as TestTable["abilities"];
    const lowest = levels.at(-1);
    if (lowest === undefined) fail(where, "no rows");
    return { kind: "table", test, key, status: st, note: raw.note ?? raw.disagreement ?? null, abilities, belowLevel: lowest - 1 };
  }
  if (raw.rule) {
    const identity = /levels? (\d+)-(\d+)/i.exec(raw.rule);
    const top = /(\d+)-(\d+) = CLB (\d+)/i.exec(raw.rule);
    if (!identity || !top) fail(where, `cannot read the rule "${raw.rule}"`);
    const min = Number(identity[1]);
    return {
      kind: "rule",
      test,
      key,
      status: st,
      rule: raw.rule,
      identity: { min, max: Number(identity[2]) },
      top: { min: Number(top[1]), max: Number(top[2]), clb: Number(top[3]) },
      belowLevel: min - 1,
    };
  }
  return { kind: "missing", test, key, status: st, note: raw.note ?? raw.status };
}

function splitBands(where: string, rows: readonly ({ withSpouse: number; withoutSpouse: number } & Record<string, unknown>)[], key: string): SplitBand[] {
  return bands(where, rows, (r) => String(r[key])).map((b) => ({
    min: b.min,
    max: b.max,
    label: String(b.row[key]),
    withSpouse: b.row.withSpouse,
    withoutSpouse: b.row.withoutSpouse,
  }));
}

function pointBands(where: string, rows: readonly ({ points: number } & Record<string, unknown>)[], key: string): PointBand[] {
  return bands(where, rows, (r) => String(r[key])).map((b) => ({ min: b.min, max: b.max, label: String(b.row[key]), points: b.row.points }));
}

/** Turns the validated file into the calculator's form; throws EeBotError (ee_crs_grid_invalid) when a label cannot be read. */
export function normalizeCrsGrid(file: CrsGridFile): CrsGrid {
  const a = file.A_core_human_capital;
  const b = file.B_spouse_factors;
  const c = file.C_skill_transferability;
  const educationKeys = a.education.levels.map((l) => l.key);
  for (const l of b.education.levels) if (!educationKeys.includes(l.key)) fail("B_spouse_factors.education", `unknown level ${l.key}`);
  for (const k of educationKeys) if (!b.education.levels.some((l) => l.key === k)) fail("B_spouse_factors.education", `no points for ${k}`);
  const tests = {} as Record<TestName, TestConversion>;
  for (const [key, raw] of Object.entries(file.languageTestEquivalency)) {
    if (typeof raw !== "object" || raw === null) continue;
    const id = testId(key);
    if (id) tests[id] = testConversion(file, key, raw as RawTestTable, id);
  }
  for (const t of TestNameSchema.options) if (!tests[t]) fail("languageTestEquivalency", `no entry for ${t}`);
  const items = file.D_additional_points.items.map((item, i) => additionalItem(file, item, i));
  const ids = new Set(items.map((i) => i.id));
  if (ids.size !== items.length) fail("D_additional_points.items", "two items describe the same factor");
  const certificate = c.certificateOfQualification.rows
    .map((r, i) => {
      const m = /CLB (\d+) or more/i.exec(r.language);
      if (!m) fail(`C_skill_transferability.certificateOfQualification.rows[${i}]`, `cannot read a level from "${r.language}"`);
      return { label: r.language, minClb: Number(m[1]), points: r.points };
    })
    .sort((x, y) => x.minClb - y.minClb);
  return {
    title: file.title,
    asOf: file.asOf.slice(0, 10),
    source: { title: file.primarySource.title, url: file.primarySource.url, publisher: file.primarySource.publisher },
    maximums: {
      total: need(file.maximums, "total"),
      coreWithSpouse: need(file.maximums, "coreWithSpouse"),
      coreWithoutSpouse: need(file.maximums, "coreWithoutSpouse"),
      spouse: need(file.maximums, "spouseFactors"),
      transferability: need(file.maximums, "skillTransferability"),
      additional: need(file.maximums, "additional"),
      coreSpouseTransferability: need(file.maximums, "coreTotal_A_B_C"),
    },
    core: {
      status: status(file, a.status),
      age: splitBands("A_core_human_capital.age.points", a.age.points, "age"),
      education: a.education.levels.map((l) => ({ key: l.key, label: l.label, withSpouse: l.withSpouse, withoutSpouse: l.withoutSpouse })),
      firstLanguage: { bands: splitBands("A_core_human_capital.firstOfficialLanguage.points", a.firstOfficialLanguage.points, "clb"), max: a.firstOfficialLanguage.max },
      secondLanguage: { bands: splitBands("A_core_human_capital.secondOfficialLanguage.points", a.secondOfficialLanguage.points, "clb"), max: a.secondOfficialLanguage.max },
      canadianExperience: {
        bands: splitBands("A_core_human_capital.canadianWorkExperience.points", a.canadianWorkExperience.points, "years"),
        note: a.canadianWorkExperience.note ?? null,
      },
      subtotalMax: a.subtotalMax,
    },
    spouse: {
      status: status(file, b.status),
      max: b.max,
      education: b.education.levels.map((l) => ({ key: l.key, points: l.points })),
      educationMax: b.education.max,
      language: { bands: pointBands("B_spouse_factors.firstOfficialLanguage.points", b.firstOfficialLanguage.points, "clb"), max: b.firstOfficialLanguage.max },
      canadianExperience: { bands: pointBands("B_spouse_factors.canadianWorkExperience.points", b.canadianWorkExperience.points, "years"), max: b.canadianWorkExperience.max },
    },
    transferability: {
      status: status(file, c.status),
      max: c.max,
      education: {
        subCap: c.education.subCap,
        withLanguage: educationCombo("C_skill_transferability.education.withLanguage", c.education.withLanguage, educationKeys, LANGUAGE_COLUMN),
        withCanadianWork: educationCombo("C_skill_transferability.education.withCanadianWork", c.education.withCanadianWork, educationKeys, YEARS_COLUMN),
      },
      foreignExperience: {
        subCap: c.foreignWorkExperience.subCap,
        withLanguage: bandCombo("C_skill_transferability.foreignWorkExperience.withLanguage", c.foreignWorkExperience.withLanguage, LANGUAGE_COLUMN),
        withCanadianWork: bandCombo("C_skill_transferability.foreignWorkExperience.withCanadianWork", c.foreignWorkExperience.withCanadianWork, YEARS_COLUMN),
      },
      certificate: { subCap: c.certificateOfQualification.subCap, rows: certificate },
    },
    additional: { max: file.D_additional_points.max, items },
    tests,
  };
}

/** Validates grid data read from somewhere: the file's form on success, or the first problems found. */
export function parseCrsGridFile(data: unknown): { ok: true; value: CrsGridFile } | { ok: false; error: string } {
  const parsed = CrsGridSchema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ") };
}

/** Reads, validates and normalises a grid file; throws EeBotError (ee_crs_grid_invalid) when it is missing or malformed. */
export function loadCrsGrid(file: string = DEFAULT_PATHS.crsGrid): CrsGrid {
  let parsed: Checked<CrsGridFile>;
  try {
    parsed = readChecked(file, (f) => readFileSync(f, "utf8"), (d) => CrsGridSchema.safeParse(d));
  } catch (cause) {
    throw new EeBotError(ErrorCode.CrsGridInvalid, `cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
  if (!parsed.success) throw new EeBotError(ErrorCode.CrsGridInvalid, `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  return normalizeCrsGrid(parsed.data);
}

let cached: CrsGrid | undefined;

/** The project's grid, read once. */
export function defaultCrsGrid(): CrsGrid {
  cached ??= loadCrsGrid();
  return cached;
}

/** Source id of the grid in kb.json. */
export const CRS_SOURCE_ID = "crs/crs-grid.json";

/** The knowledge-base source entry for a grid file, hashed over the text given. */
export function crsGridSource(file: CrsGridFile, text: string): Source {
  const asOf = file.asOf.slice(0, 10);
  return {
    id: CRS_SOURCE_ID,
    title: file.primarySource.title,
    author: null,
    publisher: "Immigration, Refugees and Citizenship Canada",
    published: null,
    updated: asOf,
    asOf,
    asOfBasis: "updated",
    kind: "official",
    url: file.primarySource.url,
    sha256: sha256Hex(text),
  };
}
