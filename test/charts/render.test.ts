import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { DistributionSchema } from "../../src/kb/schema.js";
import {
  CHART_PALETTE,
  CutoffChartOptionsSchema,
  PoolChartOptionsSchema,
  chartTime,
  cutoffChartAlt,
  cutoffChartOption,
  niceBounds,
  poolChartOption,
} from "../../src/charts/chart-options.js";
import { renderCutoffChart, renderPoolChart } from "../../src/charts/render.js";
import type { RenderedChart } from "../../src/charts/render.js";
import { ChartDrawSchema, cutoffSeries, poolSeries } from "../../src/charts/series.js";
import type { CutoffSeries } from "../../src/charts/series.js";

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/charts/${name}`, import.meta.url), "utf8"));
const draws = z.object({ draws: z.array(ChartDrawSchema) }).parse(fixture("draws.json")).draws;
const nested = DistributionSchema.parse(z.record(z.string(), z.unknown()).parse(fixture("distributions.json"))["nested"]);

function ok<T>(r: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.value;
}

const SOURCE = "Source: IRCC, Express Entry rounds of invitations, as of July 23, 2026";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const cecAndPnp = (): CutoffSeries[] =>
  ok(cutoffSeries(draws, { types: ["cec", "pnp"], from: "2026-01-01", to: "2026-12-31", measure: "crs" }));

/** Pixels that are not (near) white in a rectangle of the image. */
function ink(chart: RenderedChart, box: { x: number; y: number; w: number; h: number }): number {
  const img = PNG.sync.read(chart.png);
  let n = 0;
  for (let y = box.y; y < box.y + box.h; y += 1) {
    for (let x = box.x; x < box.x + box.w; x += 1) {
      const i = (y * img.width + x) * 4;
      if ((img.data[i] ?? 255) < 200 || (img.data[i + 1] ?? 255) < 200 || (img.data[i + 2] ?? 255) < 200) n += 1;
    }
  }
  return n;
}

/** Pixels within a small distance of a colour. */
function pixelsOf(chart: RenderedChart, hex: string): number {
  const img = PNG.sync.read(chart.png);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    const d =
      Math.abs((img.data[i] ?? 0) - r) + Math.abs((img.data[i + 1] ?? 0) - g) + Math.abs((img.data[i + 2] ?? 0) - b);
    if (d < 24) n += 1;
  }
  return n;
}

describe("cutoffChartOption", () => {
  it("passes the library exactly the rounds of each series, as date and value", () => {
    const series = cecAndPnp();
    const option = cutoffChartOption(series, CutoffChartOptionsSchema.parse({ title: "t", sourceLine: SOURCE }));
    const passed = (option.series as { data: { name: string; value: [number, number] }[] }[]).map((s) => s.data);
    expect(passed).toEqual(
      series.map((s) => s.points.map((p) => ({ name: p.round, value: [chartTime(p.date), p.value] }))),
    );
    const rounds2026 = draws
      .filter((d) => (d.category === "cec" || d.category === "pnp") && d.date?.startsWith("2026") && d.crs !== null)
      .map((d) => d.round)
      .sort();
    expect(passed.flat().map((p) => p.name).sort()).toEqual(rounds2026);
  });

  it("gives each series its own colour, marker and dash, and shows a legend only for several series", () => {
    const settings = CutoffChartOptionsSchema.parse({ title: "t", sourceLine: SOURCE });
    const series = ok(cutoffSeries(draws, { types: [], measure: "invitations" }));
    const option = cutoffChartOption(series, settings);
    const lines = option.series as { color: string; symbol: string; lineStyle: { type: unknown } }[];
    expect(new Set(lines.map((l) => l.color)).size).toBe(lines.length);
    expect(new Set(lines.map((l) => l.symbol)).size).toBe(lines.length);
    expect(new Set(lines.map((l) => JSON.stringify(l.lineStyle.type))).size).toBe(lines.length);
    expect(lines.every((l) => (CHART_PALETTE as readonly string[]).includes(l.color))).toBe(true);
    expect(option.legend).toBeDefined();
    expect(cutoffChartOption(series.slice(0, 1), settings).legend).toBeUndefined();
  });

  it("draws a marked score as a labelled line, and keeps it inside the y axis", () => {
    const series = cecAndPnp();
    const option = cutoffChartOption(series, CutoffChartOptionsSchema.parse({ title: "t", sourceLine: SOURCE, mark: 380 }));
    const first = (option.series as { markLine?: { data: { yAxis: number }[]; label: { formatter: string } } }[])[0];
    expect(first?.markLine?.data).toEqual([{ yAxis: 380 }]);
    expect(first?.markLine?.label.formatter).toBe("Score 380");
    const y = option.yAxis as { min: number; max: number };
    expect(y.min).toBeLessThan(380);
    expect(y.max).toBeGreaterThan(750);
  });
});

describe("niceBounds", () => {
  it("puts the y axis on round steps with room around the values", () => {
    for (const [lo, hi, fromZero] of [
      [507, 518, false],
      [393, 855, false],
      [500, 500, false],
      [118, 27332, true],
    ] as const) {
      const b = niceBounds(lo, hi, fromZero);
      const mantissa = b.interval / 10 ** Math.floor(Math.log10(b.interval));
      expect([1, 2, 5]).toContain(Math.round(mantissa));
      expect(b.min).toBeLessThan(lo);
      expect(b.max).toBeGreaterThan(hi);
      expect(b.min % b.interval).toBe(0);
      expect((b.max - b.min) / b.interval).toBeLessThanOrEqual(12);
      if (fromZero) expect(b.min).toBe(0);
    }
  });
});

describe("renderCutoffChart", () => {
  it("returns a PNG whose header has the requested width and height", async () => {
    const chart = ok(await renderCutoffChart(cecAndPnp(), { title: "CRS cut-offs, 2026", sourceLine: SOURCE, width: 720, height: 400 }));
    expect(chart.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(chart.png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect([chart.png.readUInt32BE(16), chart.png.readUInt32BE(20)]).toEqual([720, 400]);
    expect([chart.width, chart.height]).toEqual([720, 400]);
  });

  it("draws the title and the source line with the shipped font", async () => {
    const short = ok(await renderCutoffChart(cecAndPnp(), { title: "I", sourceLine: SOURCE }));
    const long = ok(await renderCutoffChart(cecAndPnp(), { title: "CRS cut-offs of CEC and PNP rounds in 2026", sourceLine: SOURCE }));
    const titleBand = { x: 0, y: 0, w: 600, h: 44 };
    expect(ink(long, titleBand)).toBeGreaterThan(ink(short, titleBand) + 500);
    expect(ink(long, { x: 0, y: long.height - 28, w: 500, h: 28 })).toBeGreaterThan(300);
  });

  it("draws each series in its colour", async () => {
    const chart = ok(await renderCutoffChart(cecAndPnp(), { title: "t", sourceLine: SOURCE }));
    expect(pixelsOf(chart, CHART_PALETTE[0])).toBeGreaterThan(200);
    expect(pixelsOf(chart, CHART_PALETTE[1])).toBeGreaterThan(200);
  });

  it("describes the chart in its alternative text, with the source", async () => {
    const chart = ok(await renderCutoffChart(cecAndPnp(), { title: "CRS cut-offs, 2026", sourceLine: SOURCE }));
    expect(chart.alt).toContain("CRS cut-offs, 2026");
    expect(chart.alt).toContain("Cec: 5 rounds from Jan 7, 2026 (520) to Apr 1, 2026 (500)");
    expect(chart.alt.endsWith(SOURCE)).toBe(true);
  });

  it("keeps long alternative text within Discord's limit and still names the source", () => {
    const many: CutoffSeries[] = Array.from({ length: 40 }, (_, i) => ({
      type: `type-${String.fromCharCode(97 + (i % 26))}`,
      label: `Round type number ${i}`,
      measure: "crs",
      points: [
        { round: "1", date: "2026-01-01", value: 500 },
        { round: "2", date: "2026-02-01", value: 510 },
      ],
    }));
    const alt = cutoffChartAlt(many, CutoffChartOptionsSchema.parse({ title: "t", sourceLine: SOURCE }));
    expect(alt.length).toBeLessThanOrEqual(1024);
    expect(alt.endsWith(SOURCE)).toBe(true);
  });

  it("refuses an empty series and a single round as values, without drawing", async () => {
    expect(await renderCutoffChart([], { title: "t", sourceLine: SOURCE })).toEqual({ ok: false, reason: "empty" });
    const lone: CutoffSeries = { type: "cec", label: "CEC", measure: "crs", points: [{ round: "1", date: "2026-01-01", value: 500 }] };
    expect(await renderCutoffChart([lone], { title: "t", sourceLine: SOURCE })).toEqual({ ok: false, reason: "one-point" });
    expect(await renderCutoffChart([{ ...lone, points: [] }], { title: "t", sourceLine: SOURCE })).toEqual({
      ok: false,
      reason: "empty",
    });
  });
});

describe("renderPoolChart", () => {
  it("passes the library one bar per range, highest first, the marked one set apart", () => {
    const bars = ok(poolSeries(nested, { mark: 475 }));
    const option = poolChartOption(bars, PoolChartOptionsSchema.parse({ title: "t", sourceLine: SOURCE, mark: 475 }));
    const data = (option.series as { data: { name: string; value: number; itemStyle: { color: string }; label: { formatter: string } }[] }[])[0]?.data ?? [];
    expect(data.map((d) => [d.name, d.value])).toEqual(bars.map((b) => [b.label, b.count]));
    const marked = data.filter((d) => d.label.formatter.includes("Score 475"));
    expect(marked.map((d) => d.name)).toEqual(["471-480"]);
    expect(new Set(data.map((d) => d.itemStyle.color)).size).toBe(2);
  });

  it("renders the marked bar in the highlight colour, and no such bar without a mark", async () => {
    const withMark = ok(await renderPoolChart(ok(poolSeries(nested, { mark: 475 })), { title: "Pool", sourceLine: SOURCE, mark: 475 }));
    const without = ok(await renderPoolChart(ok(poolSeries(nested)), { title: "Pool", sourceLine: SOURCE }));
    expect(withMark.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect([withMark.png.readUInt32BE(16), withMark.png.readUInt32BE(20)]).toEqual([withMark.width, withMark.height]);
    expect(pixelsOf(withMark, "#D55E00")).toBeGreaterThan(500);
    expect(pixelsOf(without, "#D55E00")).toBeLessThan(50);
    expect(withMark.alt).toContain("Score 475 falls in 471-480");
  });

  it("refuses bars without candidates as empty", async () => {
    expect(await renderPoolChart([], { title: "t", sourceLine: SOURCE })).toEqual({ ok: false, reason: "empty" });
    const zero = [{ min: 0, max: 300, count: 0, label: "0-300", marked: false }];
    expect(await renderPoolChart(zero, { title: "t", sourceLine: SOURCE })).toEqual({ ok: false, reason: "empty" });
  });
});
