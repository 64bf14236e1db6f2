import * as z from "zod";
import { CRS_MESSAGES } from "../messages/crs.js";
import { pick } from "../messages/lang.js";
import { ABILITIES, AbilitySchema, dayBefore, type AdditionalId, type CrsGrid, type SplitBand } from "./grid.js";
import { isIsoDate, shortLabel, today } from "./calculate.js";
import {
  ageRow,
  canadianExperienceRow,
  cell,
  certificateRow,
  columnFor,
  educationRow,
  foreignComboRow,
  firstLanguageRow,
  item,
  periodAt,
  secondLanguageRow,
  spouseEducationPoints,
  spouseExperienceRow,
  spouseLanguageRow,
} from "./lookup.js";
import type { FieldError, Result } from "./profile.js";

/** A direct question about the points of one factor. */
export const PointsQuerySchema = z.discriminatedUnion("kind", [
  /** Points at these ages (all ages when absent), and how many are lost at each birthday between them. */
  z.object({ kind: z.literal("age"), ages: z.array(z.number().int()).optional() }),
  /** Points for a grid education level. */
  z.object({ kind: z.literal("education"), level: z.string().min(1), /** The partner's education ("if my spouse has a masters"). */ partner: z.boolean().optional() }),
  /** Points for a CLB/NCLC level in one ability (or each ability). */
  z.object({
    kind: z.literal("language"),
    level: z.number().int(),
    ability: AbilitySchema.optional(),
    /** A level in each ability ("IELTS 7 in all four" is CLB 9, 9, 7, 9): the first official language's points summed. */
    levels: z.object({ reading: z.number().int(), writing: z.number().int(), listening: z.number().int(), speaking: z.number().int() }).optional(),
    /** The test the levels were read from, said back ("IELTS"). */
    test: z.string().optional(),
    /** Scored as a second official language ("english clb 8 in all as second language"). */
    second: z.boolean().optional(),
  }),
  z.object({ kind: z.literal("canadian-experience"), years: z.number().nonnegative() }),
  /**
   * Skill transferability of foreign work experience (with a language level or with Canadian work) or of a
   * certificate of qualification (with a language level): the grid's cell for what was told.
   */
  z.object({
    kind: z.literal("transferability"),
    with: z.enum(["foreign-language", "foreign-canadian", "certificate"]),
    years: z.number().nonnegative().optional(),
    clb: z.number().int().optional(),
    canadianYears: z.number().nonnegative().optional(),
  }),
  z.object({ kind: z.literal("nomination") }),
  z.object({ kind: z.literal("sibling") }),
  /** French additional points; with the lowest NCLC and English CLB levels when told, the one row that applies. */
  z.object({ kind: z.literal("french"), nclc: z.number().int().optional(), englishClb: z.number().int().nullable().optional() }),
  /** Points for a credential earned in Canada; of its length in years when told (1–2 or 3 and more). */
  z.object({ kind: z.literal("canadian-education"), years: z.number().positive().optional() }),
  z.object({ kind: z.literal("arranged-employment") }),
  /** The grid's maximum total and the maximum of each part. */
  z.object({
    kind: z.literal("maximum"),
    /** One part's maximum asked for ("max for skill transferability"). */
    part: z.enum(["core", "spouse", "transferability", "additional"]).optional(),
    /** One core factor's maximum asked for ("max points for the second official language"). */
    factor: z.enum(["age", "education", "first-language", "second-language", "canadian-experience"]).optional(),
  }),
]);
/** A points question. */
export type PointsQuery = z.infer<typeof PointsQuerySchema>;

/** One line of an answer: a grid row with its points in each column that applies. */
export interface PointsRow {
  readonly label: string;
  readonly withoutSpouse: number | null;
  readonly withSpouse: number | null;
  /** For tables without spouse columns (spouse factors, additional points). */
  readonly points: number | null;
}

/** Points lost at a birthday. */
export interface BirthdayLoss {
  readonly age: number;
  readonly lostWithoutSpouse: number;
  readonly lostWithSpouse: number;
}

/** The numbers for a points question, with the table they come from. */
export interface PointsAnswer {
  readonly query: PointsQuery;
  readonly date: string;
  /** The grid section the numbers come from ("A_core_human_capital.age"). */
  readonly table: string;
  /** One plain sentence with the answer. */
  readonly summary: string;
  readonly rows: readonly PointsRow[];
  /** Age questions: points lost at each birthday in the range asked about. */
  readonly birthdays: readonly BirthdayLoss[];
  /** Additional items: whether they give points on the date, and when that changed. */
  readonly inForce: boolean | null;
  readonly notes: readonly string[];
  readonly status: string;
  readonly gridDate: string;
}

/** Options of a points question. */
export interface PointsOptions {
  /** YYYY-MM-DD; the points in force then. Default: today. */
  readonly date?: string;
  /** Whether a partner comes and counts, when the question says so: the one column that applies. */
  readonly partner?: boolean;
}

const splitRow = (label: string, row: { withSpouse: number; withoutSpouse: number }): PointsRow => ({
  label,
  withoutSpouse: row.withoutSpouse,
  withSpouse: row.withSpouse,
  points: null,
});
const plainRow = (label: string, points: number): PointsRow => ({ label, withoutSpouse: null, withSpouse: null, points });

function ageAnswer(grid: CrsGrid, ages: readonly number[] | undefined, partner: boolean | undefined): Pick<PointsAnswer, "rows" | "birthdays" | "summary"> {
  const lowest = grid.core.age[0]?.max ?? 0;
  const oldest = grid.core.age.at(-1)?.min ?? 0;
  const asked = ages && ages.length > 0 ? [...ages].sort((a, b) => a - b) : [];
  const from = asked[0] ?? lowest;
  const to = asked.at(-1) ?? oldest;
  const row = (age: number): SplitBand => ageRow(grid, Math.max(0, age));
  const m = pick(CRS_MESSAGES).points;
  const rows = asked.length > 0 ? asked.map((age) => splitRow(m.age(age, row(age).label !== String(age) ? row(age).label : undefined), row(age))) : grid.core.age.map((b) => splitRow(m.ageBand(b.label), b));
  const birthdays: BirthdayLoss[] = [];
  for (let age = from + 1; age <= to; age++) {
    const before = row(age - 1);
    const after = row(age);
    const lostWithoutSpouse = before.withoutSpouse - after.withoutSpouse;
    const lostWithSpouse = before.withSpouse - after.withSpouse;
    if (lostWithoutSpouse > 0 || lostWithSpouse > 0) birthdays.push({ age, lostWithoutSpouse, lostWithSpouse });
  }
  // One column only for the ages asked, when the question says whether a partner comes.
  const oneColumn = partner !== undefined && asked.length > 0;
  const column = (r: PointsRow) => (partner ? (r.withSpouse ?? 0) : (r.withoutSpouse ?? 0));
  const listed = m.list(rows.map((r) => (oneColumn ? m.column(r.label, column(r), partner) : m.split(r.label, r.withoutSpouse ?? 0, r.withSpouse ?? 0))));
  const losses = birthdays;
  const lossText =
    asked.length === 2 && losses.length > 0
      ? m.ageLoss(losses.reduce((s, b) => s + b.lostWithoutSpouse, 0), losses.reduce((s, b) => s + b.lostWithSpouse, 0), to, from)
      : "";
  const shown = oneColumn ? rows.map((r) => plainRow(r.label, column(r))) : rows;
  return { rows: shown, birthdays, summary: `${listed}${lossText}` };
}

function itemRows(grid: CrsGrid, ids: readonly AdditionalId[], date: string): { rows: PointsRow[]; inForce: boolean; notes: string[] } {
  const { points: m, labels } = pick(CRS_MESSAGES);
  const notes: string[] = [];
  let inForce = false;
  const rows = ids.map((id) => {
    const it = item(grid, id);
    const factor = labels.factor(it);
    const p = periodAt(it, date);
    if ((p?.points ?? 0) > 0) inForce = true;
    const history = it.periods.filter((q) => q !== p).map((q) => m.history(q.points, q.from, q.to));
    if (history.length > 0) notes.push(m.factorHistory(factor, history));
    if (it.disputedStarts.length > 0 && p) notes.push(m.disputedStart(factor, it.disputedStarts, p.from));
    return plainRow(p ? m.since(factor, p.from) : m.notInForce(factor, date), p?.points ?? 0);
  });
  return { rows, inForce, notes };
}

/** Answers a direct points question from the grid as in force on the date; errors name a query field the grid cannot answer. */
export function pointsFor(grid: CrsGrid, query: PointsQuery, options: PointsOptions = {}): Result<PointsAnswer, FieldError> {
  const date = options.date ?? today();
  const { points: m, labels } = pick(CRS_MESSAGES);
  if (!isIsoDate(date)) return { ok: false, error: { field: "date", message: m.badDate } };
  const base = { query, date, gridDate: grid.asOf, birthdays: [] as BirthdayLoss[], inForce: null as boolean | null, notes: [] as string[] };
  switch (query.kind) {
    case "age": {
      const a = ageAnswer(grid, query.ages, options.partner);
      return { ok: true, value: { ...base, ...a, table: "A_core_human_capital.age", status: grid.core.status.text } };
    }
    case "education": {
      const row = educationRow(grid, query.level);
      if (!row) return { ok: false, error: { field: "level", message: m.badLevel(grid.core.education.map((e) => e.key)) } };
      const spouse = spouseEducationPoints(grid, query.level) ?? 0;
      const name = labels.education(row.key, shortLabel(row.label));
      const own = options.partner === undefined ? undefined : options.partner ? row.withSpouse : row.withoutSpouse;
      return {
        ok: true,
        value: {
          ...base,
          table: "A_core_human_capital.education",
          rows: own === undefined || query.partner ? [splitRow(name, row), plainRow(m.educationAsSpouse(name), spouse)] : [plainRow(name, own)],
          summary: query.partner
            ? m.partnerEducation(name, spouse)
            : own === undefined || options.partner === undefined
              ? m.split(name, row.withoutSpouse, row.withSpouse)
              : m.column(name, own, options.partner),
          notes: [m.educationNote],
          status: grid.core.status.text,
        },
      };
    }
    case "language": {
      const levels = query.levels;
      if (levels) {
        // A level in each ability: the four rows summed, a second language's capped at its maximum.
        const second = query.second === true;
        const rows = ABILITIES.map((a) => ({ a, band: (second ? secondLanguageRow : firstLanguageRow)(grid, levels[a]) }));
        const max = second ? grid.core.secondLanguage.max : grid.core.firstLanguage.max;
        const single = Math.min(max.withoutSpouse, rows.reduce((n, r) => n + r.band.withoutSpouse, 0));
        const spouse = Math.min(max.withSpouse, rows.reduce((n, r) => n + r.band.withSpouse, 0));
        const told = ABILITIES.map((a) => [a, levels[a]] as const);
        return {
          ok: true,
          value: {
            ...base,
            table: second ? "A_core_human_capital.secondOfficialLanguage" : "A_core_human_capital.firstOfficialLanguage",
            rows: rows.map((r) => splitRow((second ? m.secondRow : m.firstRow)(r.band.label, m.inAbility(r.a)), r.band)),
            summary: second ? m.secondLevelsSummary(told, single, spouse, max.withoutSpouse, max.withSpouse) : m.languageLevelsSummary(told, single, spouse, query.test ?? null),
            ...(second ? {} : { notes: [m.languageNote(max.withoutSpouse, max.withSpouse)] }),
            status: grid.core.status.text,
          },
        };
      }
      const first = firstLanguageRow(grid, query.level);
      const second = secondLanguageRow(grid, query.level);
      const spouse = spouseLanguageRow(grid, query.level);
      const each = query.ability ? m.inAbility(query.ability) : m.perAbility;
      return {
        ok: true,
        value: {
          ...base,
          table: "A_core_human_capital.firstOfficialLanguage",
          rows: [
            splitRow(m.firstRow(first.label, each), first),
            splitRow(m.secondRow(second.label, each), second),
            plainRow(m.spouseRow(spouse.label, each), spouse.points),
          ],
          summary: m.languageSummary(query.level, each, first.withoutSpouse, first.withSpouse),
          notes: [m.languageNote(grid.core.firstLanguage.max.withoutSpouse, grid.core.firstLanguage.max.withSpouse)],
          status: grid.core.status.text,
        },
      };
    }
    case "canadian-experience": {
      const row = canadianExperienceRow(grid, query.years);
      const spouse = spouseExperienceRow(grid, query.years);
      return {
        ok: true,
        value: {
          ...base,
          table: "A_core_human_capital.canadianWorkExperience",
          rows: [splitRow(m.canadianRow(row.label), row), plainRow(m.spouseCanadianRow(spouse.label), spouse.points)],
          summary: m.canadianSummary(Math.floor(query.years), row.withoutSpouse, row.withSpouse),
          notes: [grid.core.canadianExperience.note ? m.canadianNote(grid.core.canadianExperience.note) : null].filter((n) => n !== null),
          status: grid.core.status.text,
        },
      };
    }
    case "transferability": {
      const t = grid.transferability;
      if (query.with === "certificate") {
        const level = query.clb ?? 0;
        const row = certificateRow(grid, level);
        const points = Math.min(row?.points ?? 0, t.certificate.subCap);
        return {
          ok: true,
          value: { ...base, table: "C_skill_transferability.certificateOfQualification", rows: t.certificate.rows.map((r, i) => plainRow(m.levelColumn(r.minClb, t.certificate.rows[i + 1]?.minClb ?? null), Math.min(r.points, t.certificate.subCap))), summary: query.clb !== undefined ? m.transferCertificate(level, points, t.certificate.subCap) : m.transferCertificateRows(t.certificate.subCap), status: t.status.text },
        };
      }
      const combo = query.with === "foreign-language" ? t.foreignExperience.withLanguage : t.foreignExperience.withCanadianWork;
      const years = Math.floor(query.years ?? 0);
      const row = foreignComboRow(combo, years);
      const given = query.with === "foreign-language" ? query.clb : query.canadianYears;
      // Labels made from the grid's thresholds, in the language of the answer.
      const band = m.yearsBand(row.band.min, row.band.max);
      const column = (i: number) => {
        const c = combo.columns[i];
        const next = combo.columns[i + 1]?.min ?? null;
        return query.with === "foreign-language" ? m.levelColumn(c?.min ?? 0, next) : m.canadianColumn(c?.min ?? 0, next);
      };
      const rows = combo.columns.map((_, i) => plainRow(`${band}, ${column(i)}`, Math.min(row.points[i] ?? 0, t.foreignExperience.subCap)));
      if (given === undefined) return { ok: true, value: { ...base, table: "C_skill_transferability.foreignWorkExperience", rows, summary: m.transferForeignAlone(band, t.foreignExperience.subCap), status: t.status.text } };
      const points = Math.min(cell(row, columnFor(combo, query.with === "foreign-language" ? given : Math.floor(given))), t.foreignExperience.subCap);
      const summary = query.with === "foreign-language" ? m.transferForeignLanguage(band, given, points, t.foreignExperience.subCap) : m.transferForeignCanadian(band, Math.floor(given), points, t.foreignExperience.subCap);
      return { ok: true, value: { ...base, table: "C_skill_transferability.foreignWorkExperience", rows, summary, status: t.status.text } };
    }
    case "maximum": {
      const max = grid.maximums;
      const parts = m.maximumRows;
      if (query.factor) {
        // The most a factor gives: the grid's own maximum where it states one, else its highest row.
        const top = (rows: readonly { withSpouse: number; withoutSpouse: number }[]) => ({
          withSpouse: Math.max(...rows.map((r) => r.withSpouse)),
          withoutSpouse: Math.max(...rows.map((r) => r.withoutSpouse)),
        });
        const core = grid.core;
        const value = {
          age: top(core.age),
          education: top(core.education),
          "first-language": core.firstLanguage.max,
          "second-language": core.secondLanguage.max,
          "canadian-experience": top(core.canadianExperience.bands),
        }[query.factor];
        const name = m.maximumFactors[query.factor];
        return {
          ok: true,
          value: {
            ...base,
            table: "A_core_human_capital",
            rows: [splitRow(name, value)],
            summary: m.maximumPart(name, `${value.withoutSpouse}`, value.withSpouse, max.total),
            status: core.status.text,
          },
        };
      }
      return {
        ok: true,
        value: {
          ...base,
          table: "maximums",
          rows: [splitRow(parts.core, { withoutSpouse: max.coreWithoutSpouse, withSpouse: max.coreWithSpouse }), plainRow(parts.spouse, max.spouse), plainRow(parts.transferability, max.transferability), plainRow(parts.additional, max.additional)],
          summary: query.part
            ? m.maximumPart(parts[query.part], query.part === "core" ? `${max.coreWithoutSpouse}` : `${{ spouse: max.spouse, transferability: max.transferability, additional: max.additional }[query.part]}`, query.part === "core" ? max.coreWithSpouse : null, max.total)
            : m.maximumSummary(max.total),
          status: grid.core.status.text,
        },
      };
    }
    default: {
      const ids: Record<typeof query.kind, readonly AdditionalId[]> = {
        nomination: ["nomination"],
        sibling: ["sibling"],
        french: ["french-weak-english", "french-strong-english"],
        "canadian-education": ["canadian-education-short", "canadian-education-long"],
        "arranged-employment": ["arranged-employment-senior", "arranged-employment-other"],
      };
      let chosen = ids[query.kind];
      if (query.kind === "french" && (query.nclc !== undefined || query.englishClb !== undefined)) {
        const strong = item(grid, "french-strong-english");
        const frenchMin = strong.frenchMin ?? 0;
        if (query.nclc !== undefined && query.nclc < frenchMin) return { ok: true, value: { ...base, table: "D_additional_points", rows: [], summary: m.frenchBelowLevel(query.nclc, frenchMin), inForce: false, status: strong.status.text } };
        if (query.englishClb !== undefined) chosen = [query.englishClb !== null && query.englishClb >= (strong.englishMin ?? 0) ? "french-strong-english" : "french-weak-english"];
      }
      if (query.kind === "canadian-education" && query.years !== undefined) chosen = [query.years >= 3 ? "canadian-education-long" : "canadian-education-short"];
      const { rows, inForce, notes } = itemRows(grid, chosen, date);
      const items = chosen.map((id) => item(grid, id));
      let summary = m.list(rows.map((r) => m.item(r.label, r.points ?? 0)));
      if (query.kind === "arranged-employment") {
        const removed = items.map((i) => i.removed).find((d) => d !== null) ?? null;
        const former = items.map((i) => {
          const before = removed ? periodAt(i, dayBefore(removed)) : undefined;
          return m.formerFor(before?.points ?? 0, labels.factor(i).replace(/^arranged employment - |^emploi réservé : /i, ""));
        });
        summary = removed && date >= removed ? m.offerRemoved(removed, former) : m.offerInForce(date, rows.map((r) => [r.points ?? 0, r.label] as const), removed);
      }
      const status = [...new Set(items.map((i) => i.status.text))].join(", ");
      return { ok: true, value: { ...base, table: "D_additional_points", rows, summary, inForce, notes, status } };
    }
  }
}
