import type { EChartsOption, LineSeriesOption } from "echarts";
import * as z from "zod";
import { metaMessages } from "../messages/meta.js";
import { summarise } from "./series.js";
import type { CutoffSeries, Measure, PoolBar } from "./series.js";

/** The family name of the font shipped with the charts (the DejaVu Sans files). */
export const CHART_FONT_FAMILY = "DejaVu Sans";

/** Okabe–Ito colours, ordered so that the first few stay apart for every kind of colour vision; yellow last, as it is faint on white. */
export const CHART_PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"] as const;

/** Markers by series, so series differ by shape as well as colour. */
export const CHART_MARKERS = ["circle", "rect", "triangle", "diamond", "emptyCircle", "emptyRect", "emptyTriangle", "emptyDiamond"] as const;

/** Line dash by series, so series differ by stroke as well as colour. */
export const CHART_DASHES: readonly (readonly number[] | "solid")[] = ["solid", [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [12, 6]];

const TEXT = "#222222";
const MUTED = "#555555";
const GRID_LINE = "#e3e3e3";
const MARK_COLOUR = "#000000";
const PLAIN_BAR = "#56B4E9";
const MARKED_BAR = "#D55E00";

const SizeSchema = (fallback: number) => z.number().int().min(320).max(4000).default(fallback);

/** Options of a cut-off chart. */
export const CutoffChartOptionsSchema = z.object({
  title: z.string().min(1),
  subtitle: z.string().min(1).optional(),
  /** Shown on the image, e.g. "Source: IRCC, Express Entry rounds of invitations, as of July 23, 2026". */
  sourceLine: z.string().min(1),
  width: SizeSchema(1000),
  height: SizeSchema(560),
  /** A score drawn as a labelled horizontal line. */
  mark: z.number().int().nonnegative().optional(),
  /** The line's label; "Score <mark>" when absent. */
  markLabel: z.string().min(1).optional(),
});
/** Options of a cut-off chart as a caller writes them. */
export type CutoffChartOptions = z.input<typeof CutoffChartOptionsSchema>;
/** Options of a cut-off chart with defaults filled in. */
export type CutoffChartSettings = z.output<typeof CutoffChartOptionsSchema>;

/** Options of a pool chart. */
export const PoolChartOptionsSchema = z.object({
  title: z.string().min(1),
  subtitle: z.string().min(1).optional(),
  sourceLine: z.string().min(1),
  width: SizeSchema(900),
  height: SizeSchema(560),
  /** The score whose bar is highlighted and labelled. */
  mark: z.number().int().nonnegative().optional(),
  markLabel: z.string().min(1).optional(),
});
/** Options of a pool chart as a caller writes them. */
export type PoolChartOptions = z.input<typeof PoolChartOptionsSchema>;
/** Options of a pool chart with defaults filled in. */
export type PoolChartSettings = z.output<typeof PoolChartOptionsSchema>;

// The texts and formats drawn on a chart are those of the language being written in (the reply's: see attach.ts).
const axisName = (measure: Measure): string => (measure === "crs" ? metaMessages().image.axisCrs : metaMessages().image.axisInvitations);

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(): Intl.DateTimeFormat {
  const locale = metaMessages().image.locale;
  let f = dateFormats.get(locale);
  if (!f) dateFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" })));
  return f;
}

function numberFormat(): Intl.NumberFormat {
  const locale = metaMessages().image.locale;
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f;
}

const formatCount = (n: number): string => numberFormat().format(n);

/** "Jul 23, 2026" for 2026-07-23 ("23 juill. 2026" in French). */
export function formatChartDate(iso: string): string {
  return dateFormat().format(new Date(`${iso}T00:00:00Z`));
}

/** Milliseconds since the epoch at UTC midnight of an ISO date: the x value of a point. */
export function chartTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Titles: the chart's title and subtitle at the top left, the source line at the bottom left. */
function titles(o: { title: string; subtitle?: string | undefined; sourceLine: string }): EChartsOption["title"] {
  return [
    {
      text: o.title,
      ...(o.subtitle === undefined ? {} : { subtext: o.subtitle }),
      left: 16,
      top: 12,
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 20, fontWeight: "bold", color: TEXT },
      subtextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 14, color: MUTED },
    },
    {
      text: o.sourceLine,
      left: 16,
      bottom: 10,
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, fontWeight: "normal", color: MUTED },
    },
  ];
}

/** Axis bounds on round steps (1, 2 or 5 times a power of ten, at least 1) around the values, with at least a fifth of a step to spare. */
export function niceBounds(lo: number, hi: number, fromZero: boolean): { min: number; max: number; interval: number } {
  const low = fromZero ? Math.min(0, lo) : lo;
  // Scores and counts are whole numbers: never a step below 1.
  const raw = Math.max(hi - low, 5) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const interval = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  let min = Math.floor(low / interval) * interval;
  if (!fromZero && low - min < interval / 5) min -= interval;
  let max = Math.ceil(hi / interval) * interval;
  if (max - hi < interval / 5) max += interval;
  return { min: fromZero ? min : Math.max(0, min), max, interval };
}

// Legend layout, in pixels: a swatch, the gap after the text, and the width of one character of 13 px DejaVu Sans.
const LEGEND_SWATCH = 36 + 5;
const LEGEND_GAP = 18;
const LEGEND_CHAR = 8;
const LEGEND_ROW = 24;

/** How many rows the legend takes at this width, items placed left to right as ECharts does. */
function legendRows(names: readonly string[], width: number): number {
  const room = width - 32;
  let rows = 1;
  let used = 0;
  for (const n of names) {
    const w = LEGEND_SWATCH + n.length * LEGEND_CHAR + LEGEND_GAP;
    if (used > 0 && used + w > room) {
      rows += 1;
      used = 0;
    }
    used += w;
  }
  return rows;
}

/** Above this many series, the latest value is not written at the end of each line: the labels would collide. */
const END_LABELS_UP_TO = 4;

/** The ECharts option of a cut-off chart: one line per series, dates on the x axis, the measure on the y axis. */
export function cutoffChartOption(series: readonly CutoffSeries[], settings: CutoffChartSettings): EChartsOption {
  const t = metaMessages().image;
  const measure = series[0]?.measure ?? "crs";
  const names = series.map((s) => capitalise(s.label));
  const legend = series.length > 1;
  const legendTop = 64 + (settings.subtitle === undefined ? 0 : 22);
  const top = legendTop + (legend ? legendRows(names, settings.width) * LEGEND_ROW + 8 : 0);
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  if (settings.mark !== undefined) values.push(settings.mark);
  const bounds = niceBounds(Math.min(...values), Math.max(...values), measure === "invitations");
  const endLabels = series.length <= END_LABELS_UP_TO;
  const lines: LineSeriesOption[] = series.map((s, i) => ({
    type: "line",
    name: names[i] ?? s.label,
    data: s.points.map((p) => ({ name: p.round, value: [chartTime(p.date), p.value] })),
    color: CHART_PALETTE[i % CHART_PALETTE.length],
    symbol: CHART_MARKERS[i % CHART_MARKERS.length],
    symbolSize: s.points.length > 80 ? 5 : 8,
    lineStyle: { width: 2.5, type: (CHART_DASHES[i % CHART_DASHES.length] ?? "solid") as "solid" | number[] },
    endLabel: {
      show: endLabels,
      fontFamily: CHART_FONT_FAMILY,
      fontSize: 13,
      color: TEXT,
      formatter: formatCount(s.points[s.points.length - 1]?.value ?? 0),
    },
    animation: false,
  }));
  const first = lines[0];
  if (settings.mark !== undefined && first !== undefined) {
    first.markLine = {
      silent: true,
      symbol: "none",
      lineStyle: { color: MARK_COLOUR, type: [6, 4], width: 1.5 },
      label: {
        formatter: settings.markLabel ?? t.score(settings.mark),
        position: "insideStartTop",
        fontFamily: CHART_FONT_FAMILY,
        fontSize: 13,
        color: MARK_COLOUR,
      },
      data: [{ yAxis: settings.mark }],
    };
  }
  return {
    animation: false,
    useUTC: true,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: TEXT },
    title: titles(settings),
    ...(legend
      ? {
          legend: {
            top: legendTop,
            left: 16,
            right: 16,
            itemWidth: 36,
            itemGap: LEGEND_GAP,
            itemHeight: 12,
            textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: TEXT },
          },
        }
      : {}),
    grid: { top, left: 84, right: 64, bottom: 78 },
    xAxis: {
      type: "time",
      name: t.axisDate,
      nameLocation: "middle",
      nameGap: 30,
      nameTextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: MUTED },
      axisLabel: {
        fontFamily: CHART_FONT_FAMILY,
        fontSize: 12,
        color: TEXT,
        hideOverlap: true,
        formatter: { ...t.axisFormat },
      },
      splitLine: { show: false },
    },
    yAxis: {
      type: "value",
      name: axisName(measure),
      nameLocation: "middle",
      nameGap: 58,
      nameTextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: MUTED },
      ...bounds,
      axisLabel: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: TEXT },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    series: lines,
  };
}

/** The ECharts option of a pool chart: one horizontal bar per score range, highest range on top, the marked range highlighted and labelled. */
export function poolChartOption(bars: readonly PoolBar[], settings: PoolChartSettings): EChartsOption {
  const t = metaMessages().image;
  const markText = settings.mark === undefined ? null : (settings.markLabel ?? t.score(settings.mark));
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: TEXT },
    title: titles(settings),
    grid: { top: 64 + (settings.subtitle === undefined ? 0 : 22), left: 96, right: 150, bottom: 78 },
    xAxis: {
      type: "value",
      name: t.axisCandidates,
      nameLocation: "middle",
      nameGap: 30,
      nameTextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: MUTED },
      axisLabel: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: TEXT, formatter: (v: number) => formatCount(v) },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      name: t.axisRange,
      nameLocation: "middle",
      nameGap: 80,
      nameTextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: MUTED },
      data: bars.map((b) => ({
        value: b.label,
        textStyle: b.marked ? { fontWeight: "bold", color: MARKED_BAR } : { color: TEXT },
      })),
      axisLabel: { fontFamily: CHART_FONT_FAMILY, fontSize: 12 },
      axisTick: { alignWithLabel: true },
    },
    series: [
      {
        type: "bar",
        name: t.candidates,
        barCategoryGap: "25%",
        data: bars.map((b) => ({
          name: b.label,
          value: b.count,
          itemStyle: b.marked
            ? { color: MARKED_BAR, borderColor: MARK_COLOUR, borderWidth: 2 }
            : { color: PLAIN_BAR },
          label: {
            show: true,
            position: "right",
            fontFamily: CHART_FONT_FAMILY,
            fontSize: 12,
            fontWeight: b.marked ? "bold" : "normal",
            color: TEXT,
            formatter: b.marked && markText !== null ? `${formatCount(b.count)}  ◀ ${markText}` : formatCount(b.count),
          },
        })),
        animation: false,
      },
    ],
  };
}

/** Longest alternative text: Discord takes at most 1,024 characters. */
const ALT_LIMIT = 1000;

/** Joins the parts, dropping middle ones past the limit so the title and the source line always remain. */
function clip(head: string, middle: readonly string[], tail: string): string {
  const kept: string[] = [];
  let length = head.length + tail.length + 2;
  for (const part of middle) {
    if (length + part.length + 1 > ALT_LIMIT - 2) {
      kept.push("…");
      break;
    }
    kept.push(part);
    length += part.length + 1;
  }
  return [head, ...kept, tail].join(" ");
}

/** Alternative text of a cut-off chart: what it plots and, per series, its first, latest, lowest and highest rounds and trend. */
export function cutoffChartAlt(series: readonly CutoffSeries[], settings: CutoffChartSettings): string {
  const t = metaMessages().image;
  const measure = series[0]?.measure ?? "crs";
  const parts: string[] = [];
  for (const s of series) {
    const sum = summarise(s);
    if (!sum.ok) continue;
    const v = sum.value;
    parts.push(
      t.seriesAlt({
        label: capitalise(s.label),
        count: v.count,
        first: formatChartDate(v.first.date),
        firstValue: formatCount(v.first.value),
        latest: formatChartDate(v.latest.date),
        latestValue: formatCount(v.latest.value),
        min: formatCount(v.min.value),
        max: formatCount(v.max.value),
        trend: v.trend,
      }),
    );
  }
  if (settings.mark !== undefined) parts.unshift(t.markAlt(settings.markLabel ?? t.score(settings.mark).toLowerCase()));
  return clip(t.lineChart(settings.title, measure), parts, settings.sourceLine);
}

/** Alternative text of a pool chart: every range with its count, and the marked one. */
export function poolChartAlt(bars: readonly PoolBar[], settings: PoolChartSettings): string {
  const t = metaMessages().image;
  const marked = bars.find((b) => b.marked);
  const mark =
    marked === undefined || settings.mark === undefined
      ? []
      : [t.markFalls(settings.markLabel ?? t.score(settings.mark).toLowerCase(), marked.label, formatCount(marked.count))];
  const ranges = bars.map((b, i) => t.rangeAlt(b.label, formatCount(b.count), i === bars.length - 1));
  return clip(t.barChart(settings.title), [...mark, ...ranges], settings.sourceLine);
}
