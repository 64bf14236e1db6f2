import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { EChartsOption } from "echarts";
import { EeBotError, ErrorCode } from "../errors.js";
import { lang } from "../messages/lang.js";
import {
  CHART_FONT_FAMILY,
  CutoffChartOptionsSchema,
  PoolChartOptionsSchema,
  cutoffChartAlt,
  cutoffChartOption,
  poolChartAlt,
  poolChartOption,
} from "./chart-options.js";
import type { CutoffChartOptions, PoolChartOptions } from "./chart-options.js";
import type { ChartInput, CutoffSeries, PoolBar } from "./series.js";
import { parseChartInput } from "./validate.js";

/** A chart as a PNG image with its size and alternative text. */
export interface RenderedChart {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

/** The font files the charts load: regular and bold DejaVu Sans from the dejavu-fonts-ttf package. */
export function chartFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  } catch (cause) {
    throw new EeBotError(ErrorCode.ChartRenderFailed, "the dejavu-fonts-ttf package is not installed", { cause });
  }
  const files = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => join(dir, f));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new EeBotError(ErrorCode.ChartRenderFailed, `font files missing: ${missing.join(", ")}`);
  return files;
}

type ECharts = typeof import("echarts/dist/echarts.esm");
type Resvg = typeof import("@resvg/resvg-js");

let echartsLoaded: Promise<ECharts> | undefined;

// ECharts' French texts, with month abbreviations as fr-CA writes them ("juill.", "déc."), for the time axis.
function registerFrench(echarts: ECharts): ECharts {
  const require = createRequire(import.meta.url);
  const fr = require("echarts/i18n/langFR-obj.js") as Parameters<ECharts["registerLocale"]>[1];
  const short = new Intl.DateTimeFormat("fr-CA", { month: "short", timeZone: "UTC" });
  const monthAbbr = Array.from({ length: 12 }, (_, m) => short.format(Date.UTC(2026, m, 15)));
  echarts.registerLocale(FRENCH, { ...fr, time: { ...fr.time, monthAbbr } });
  return echarts;
}

const FRENCH = "FR";

/**
 * Loads ECharts once, on the first render. The single-file build is used because loading the modular build
 * ("echarts/core" and its hundreds of files) takes over a second; this one loads in about a tenth of that. It is
 * required, not imported: the ee-bot command runs from V8's code cache, where Node 20 loses import()'s loader.
 */
function loadECharts(): Promise<ECharts> {
  echartsLoaded ??= Promise.resolve().then(() => registerFrench(createRequire(import.meta.url)("echarts/dist/echarts.js") as ECharts));
  // A failed load is not cached, so a later call can try again.
  echartsLoaded.catch(() => {
    echartsLoaded = undefined;
  });
  return echartsLoaded;
}

/** Draws an option to SVG with ECharts, then the SVG to PNG with resvg, with the shipped font only. */
async function draw(option: EChartsOption, width: number, height: number): Promise<Buffer> {
  try {
    const echarts = await loadECharts();
    const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height, locale: lang() === "fr" ? FRENCH : "EN" });
    let svg: string;
    try {
      chart.setOption(option);
      svg = chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
    const { renderAsync } = createRequire(import.meta.url)("@resvg/resvg-js") as Resvg;
    const image = await renderAsync(svg, {
      font: {
        loadSystemFonts: false,
        fontFiles: chartFontFiles(),
        defaultFontFamily: CHART_FONT_FAMILY,
        sansSerifFamily: CHART_FONT_FAMILY,
      },
      background: "#ffffff",
      fitTo: { mode: "original" },
      logLevel: "off",
    });
    return image.asPng();
  } catch (cause) {
    if (cause instanceof EeBotError) throw cause;
    throw new EeBotError(ErrorCode.ChartRenderFailed, "could not render the chart", { cause });
  }
}

/** Renders cut-off series (from cutoffSeries) as a line chart; refused as a value when no series has two points. */
export async function renderCutoffChart(
  series: readonly CutoffSeries[],
  options: CutoffChartOptions,
): Promise<ChartInput<RenderedChart, "empty" | "one-point">> {
  const settings = parseChartInput(CutoffChartOptionsSchema, options, "cut-off chart options");
  const shown = series.filter((s) => s.points.length > 0);
  if (shown.length === 0) return { ok: false, reason: "empty" };
  if (shown.every((s) => s.points.length < 2)) return { ok: false, reason: "one-point" };
  const png = await draw(cutoffChartOption(shown, settings), settings.width, settings.height);
  return { ok: true, value: { png, width: settings.width, height: settings.height, alt: cutoffChartAlt(shown, settings) } };
}

/** Renders pool bars (from poolSeries) as a horizontal bar chart; refused as a value when there is no candidate to show. */
export async function renderPoolChart(
  bars: readonly PoolBar[],
  options: PoolChartOptions,
): Promise<ChartInput<RenderedChart, "empty">> {
  const settings = parseChartInput(PoolChartOptionsSchema, options, "pool chart options");
  if (bars.length === 0 || bars.every((b) => b.count === 0)) return { ok: false, reason: "empty" };
  const png = await draw(poolChartOption(bars, settings), settings.width, settings.height);
  return { ok: true, value: { png, width: settings.width, height: settings.height, alt: poolChartAlt(bars, settings) } };
}
