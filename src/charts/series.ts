import * as z from "zod";
import { CategoryIdSchema, DrawSchema, IsoDateSchema, RoundIdSchema } from "../kb/schema.js";
import type { Distribution } from "../kb/schema.js";
import { lazySchema } from "../kb/lazy-schema.js";
import { parseChartInput } from "./validate.js";

/** What a cut-off chart plots for each round. */
export const MeasureSchema = z.enum(["crs", "invitations"]);
/** What a cut-off chart plots for each round. */
export type Measure = z.infer<typeof MeasureSchema>;

/** The fields of a draw that a chart reads. */
export const ChartDrawSchema = lazySchema(() => DrawSchema.pick({ round: true, date: true, category: true, crs: true, invitations: true }));
/** The fields of a draw that a chart reads. */
export type ChartDraw = z.infer<typeof ChartDrawSchema>;

/** Which rounds a cut-off chart shows and what it plots. */
export const CutoffSeriesOptionsSchema = z.object({
  /** Round-type ids, one series each in this order; empty means every type present. */
  types: z.array(CategoryIdSchema),
  /** First date included (inclusive). */
  from: IsoDateSchema.optional(),
  /** Last date included (inclusive). */
  to: IsoDateSchema.optional(),
  measure: MeasureSchema,
  /** Display names by round-type id (see roundTypeLabels); the id is shown when absent. */
  labels: z.record(z.string(), z.string()).optional(),
});
/** Which rounds a cut-off chart shows and what it plots. */
export type CutoffSeriesOptions = z.infer<typeof CutoffSeriesOptionsSchema>;

/** One round on a chart. */
export const SeriesPointSchema = z.object({ round: RoundIdSchema, date: IsoDateSchema, value: z.number() });
/** One round on a chart. */
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

/** The rounds of one round type, sorted by date. */
export const CutoffSeriesSchema = z.object({
  type: CategoryIdSchema,
  label: z.string(),
  measure: MeasureSchema,
  points: z.array(SeriesPointSchema),
});
/** The rounds of one round type, sorted by date. */
export type CutoffSeries = z.infer<typeof CutoffSeriesSchema>;

/** Why there is nothing worth drawing: no round at all, or no series with two rounds. */
export const RefusalReasonSchema = z.enum(["empty", "one-point", "overlap"]);
/** Why there is nothing worth drawing. */
export type RefusalReason = z.infer<typeof RefusalReasonSchema>;

/** A chart input, or the reason it is refused. */
export type ChartInput<T, R extends RefusalReason = RefusalReason> = { ok: true; value: T } | { ok: false; reason: R };

/** One bar of the pool chart: candidates in a CRS range (inclusive bounds). */
export const PoolBarSchema = z.object({
  min: z.number().int().nonnegative(),
  max: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  label: z.string(),
  /** True for the bar whose range contains the marked score. */
  marked: z.boolean(),
});
/** One bar of the pool chart. */
export type PoolBar = z.infer<typeof PoolBarSchema>;

/** Options of poolSeries. */
export const PoolSeriesOptionsSchema = z.object({ mark: z.number().int().nonnegative().optional() });
/** Options of poolSeries. */
export type PoolSeriesOptions = z.infer<typeof PoolSeriesOptionsSchema>;

/** Direction of a series by its least-squares slope. */
export type Trend = "rising" | "falling" | "flat";

/** A fitted change over the period within this share of the series' mean reads as flat (about ten points for cut-offs near 500). */
export const TREND_FLAT_SHARE = 0.02;

/** The figures that go in the text beside a chart. */
export interface SeriesSummary {
  readonly count: number;
  readonly first: SeriesPoint;
  readonly latest: SeriesPoint;
  /** The lowest value; the most recent round when several share it. */
  readonly min: SeriesPoint;
  /** The highest value; the most recent round when several share it. */
  readonly max: SeriesPoint;
  /** Null when the points do not span two dates. */
  readonly trend: Trend | null;
  /** Change over the period by the least-squares line (value units); null with trend. */
  readonly fittedChange: number | null;
}

/** Display names by round-type id from the vocabulary's or the knowledge base's round types. */
export function roundTypeLabels(roundTypes: readonly { readonly id: string; readonly label: string }[]): Record<string, string> {
  return Object.fromEntries(roundTypes.map((r) => [r.id, r.label]));
}

const byRound = (a: string, b: string): number => a.localeCompare(b, "en", { numeric: true });

/** One series per round type: the rounds of the period that state the measure, sorted by date; refused when nothing or a lone round remains. */
export function cutoffSeries(draws: readonly ChartDraw[], options: CutoffSeriesOptions): ChartInput<CutoffSeries[], "empty" | "one-point"> {
  const opts = parseChartInput(CutoffSeriesOptionsSchema, options, "cut-off series options");
  const inPeriod = (date: string): boolean =>
    (opts.from === undefined || date >= opts.from) && (opts.to === undefined || date <= opts.to);
  const byType = new Map<string, SeriesPoint[]>();
  for (const t of opts.types) byType.set(t, []);
  for (const d of draws) {
    const value = d[opts.measure];
    if (d.date === null || d.category === null || value === null || !inPeriod(d.date)) continue;
    const points = byType.get(d.category) ?? (opts.types.length === 0 ? [] : undefined);
    if (points === undefined) continue;
    byType.set(d.category, points);
    points.push({ round: d.round, date: d.date, value });
  }
  const series = [...byType]
    .filter(([, points]) => points.length > 0)
    .map(([type, points]): CutoffSeries => ({
      type,
      label: opts.labels?.[type] ?? type,
      measure: opts.measure,
      points: points.sort((a, b) => a.date.localeCompare(b.date) || byRound(a.round, b.round)),
    }));
  // With every type shown, the busiest type comes first so it gets the first colour and marker.
  if (opts.types.length === 0) series.sort((a, b) => b.points.length - a.points.length || a.type.localeCompare(b.type));
  if (series.length === 0) return { ok: false, reason: "empty" };
  if (series.every((s) => s.points.length < 2)) return { ok: false, reason: "one-point" };
  return { ok: true, value: series };
}

interface Range {
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

const contains = (outer: Range, inner: Range): boolean =>
  outer.min <= inner.min && inner.max <= outer.max && (outer.min !== inner.min || outer.max !== inner.max);

/** The finest ranges that tile `range` exactly, or `range` itself when the ranges inside it leave a gap. */
function finest(range: Range, all: readonly Range[]): Range[] {
  const inside = all.filter((r) => contains(range, r));
  const children = inside.filter((r) => !inside.some((o) => contains(o, r))).sort((a, b) => a.min - b.min);
  const tiles =
    children.length > 0 &&
    children[0]?.min === range.min &&
    children[children.length - 1]?.max === range.max &&
    children.every((c, i) => i === 0 || c.min === (children[i - 1]?.max ?? NaN) + 1);
  return tiles ? children.flatMap((c) => finest(c, inside)) : [range];
}

/** Bars of the pool's non-overlapping score ranges, highest first, using the finest published ranges; the bar containing `mark` is flagged. */
export function poolSeries(distribution: Distribution, options: PoolSeriesOptions = {}): ChartInput<PoolBar[], "empty" | "overlap"> {
  const { mark } = parseChartInput(PoolSeriesOptionsSchema, options, "pool series options");
  const ranges: Range[] = [];
  for (const r of distribution.ranges) {
    if (!ranges.some((o) => o.min === r.min && o.max === r.max)) ranges.push(r);
  }
  const overlapping = ranges.some((a, i) =>
    ranges.some((b, j) => j > i && a.min <= b.max && b.min <= a.max && !contains(a, b) && !contains(b, a)),
  );
  if (overlapping) return { ok: false, reason: "overlap" };
  const bars = ranges
    .filter((r) => !ranges.some((o) => contains(o, r)))
    .flatMap((r) => finest(r, ranges))
    .sort((a, b) => b.min - a.min)
    .map((r): PoolBar => ({
      min: r.min,
      max: r.max,
      count: r.count,
      label: `${r.min}-${r.max}`,
      marked: mark !== undefined && r.min <= mark && mark <= r.max,
    }));
  if (bars.every((b) => b.count === 0)) return { ok: false, reason: "empty" };
  return { ok: true, value: bars };
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Least-squares slope of value over days; null when all points share one date. */
function slopePerDay(points: readonly SeriesPoint[]): number | null {
  const xs = points.map((p) => dayNumber(p.date));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = points.reduce((s, p) => s + p.value, 0) / points.length;
  let sxx = 0;
  let sxy = 0;
  points.forEach((p, i) => {
    const dx = (xs[i] ?? mx) - mx;
    sxx += dx * dx;
    sxy += dx * (p.value - my);
  });
  return sxx === 0 ? null : sxy / sxx;
}

/** First, latest, lowest and highest round of a series and its trend; refused when the series has no point. */
export function summarise(series: CutoffSeries): ChartInput<SeriesSummary, "empty"> {
  const points = series.points;
  const first = points[0];
  const latest = points[points.length - 1];
  if (first === undefined || latest === undefined) return { ok: false, reason: "empty" };
  let min = first;
  let max = first;
  for (const p of points) {
    if (p.value <= min.value) min = p;
    if (p.value >= max.value) max = p;
  }
  const slope = slopePerDay(points);
  const span = dayNumber(latest.date) - dayNumber(first.date);
  const fittedChange = slope === null ? null : slope * span;
  const mean = Math.abs(points.reduce((s, p) => s + p.value, 0) / points.length);
  const trend: Trend | null =
    fittedChange === null
      ? null
      : Math.abs(fittedChange) <= TREND_FLAT_SHARE * mean
        ? "flat"
        : fittedChange > 0
          ? "rising"
          : "falling";
  return { ok: true, value: { count: points.length, first, latest, min, max, trend, fittedChange } };
}
