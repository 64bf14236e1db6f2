import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { DistributionSchema } from "../../src/kb/schema.js";
import { isEeBotError } from "../../src/errors.js";
import {
  ChartDrawSchema,
  TREND_FLAT_SHARE,
  cutoffSeries,
  poolSeries,
  roundTypeLabels,
  summarise,
} from "../../src/charts/series.js";
import type { CutoffSeries, SeriesPoint } from "../../src/charts/series.js";

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/charts/${name}`, import.meta.url), "utf8"));

const draws = z.object({ draws: z.array(ChartDrawSchema) }).parse(fixture("draws.json")).draws;
const distributions = z.record(z.string(), z.unknown()).parse(fixture("distributions.json"));
const distribution = (name: string) => DistributionSchema.parse(distributions[name]);

function ok<T>(r: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.value;
}

const series = (type: string, values: [string, number][]): CutoffSeries => ({
  type,
  label: type,
  measure: "crs",
  points: values.map(([date, value], i): SeriesPoint => ({ round: String(i + 1), date, value })),
});

describe("cutoffSeries", () => {
  it("keeps exactly the rounds of the requested type in the period, with their CRS, sorted by date", () => {
    const [cec] = ok(cutoffSeries(draws, { types: ["cec"], from: "2026-01-01", to: "2026-12-31", measure: "crs" }));
    const expected = draws
      .filter((d) => d.category === "cec" && d.date !== null && d.date.startsWith("2026") && d.crs !== null)
      .map((d) => ({ round: d.round, date: d.date, value: d.crs }))
      .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.round.localeCompare(b.round));
    expect(cec?.points).toEqual(expected);
    expect(cec?.points.map((p) => p.round)).toEqual(["301", "303", "305a", "305b", "307"]);
  });

  it("includes both ends of the period", () => {
    const [cec] = ok(cutoffSeries(draws, { types: ["cec"], from: "2026-01-07", to: "2026-02-04", measure: "crs" }));
    expect(cec?.points.map((p) => p.date)).toEqual(["2026-01-07", "2026-02-04"]);
  });

  it("skips rounds that do not state the measure, and rounds without a date", () => {
    const [cec] = ok(cutoffSeries(draws, { types: ["cec"], measure: "invitations" }));
    expect(cec?.points.map((p) => p.round)).not.toContain("307");
    expect(cec?.points.map((p) => p.round)).not.toContain("308");
    const [pnp] = ok(cutoffSeries(draws, { types: ["pnp"], measure: "crs" }));
    expect(pnp?.points.map((p) => p.round)).toEqual(["302", "310"]);
  });

  it("plots invitations when asked", () => {
    const [pnp] = ok(cutoffSeries(draws, { types: ["pnp"], measure: "invitations" }));
    expect(pnp?.measure).toBe("invitations");
    expect(pnp?.points.map((p) => p.value)).toEqual([600, 700, 650]);
  });

  it("returns one series per requested type in the requested order, with labels", () => {
    const out = ok(
      cutoffSeries(draws, { types: ["pnp", "cec"], measure: "crs", labels: roundTypeLabels([{ id: "cec", label: "CEC" }]) }),
    );
    expect(out.map((s) => [s.type, s.label])).toEqual([
      ["pnp", "pnp"],
      ["cec", "CEC"],
    ]);
  });

  it("with no type requested, returns every type present, busiest first, and leaves out rounds without a type", () => {
    const out = ok(cutoffSeries(draws, { types: [], measure: "crs" }));
    expect(out.map((s) => s.type)).toEqual(["cec", "pnp", "french"]);
    expect(out.flatMap((s) => s.points.map((p) => p.round))).not.toContain("309");
  });

  it("leaves out a requested type that has no round in the period", () => {
    const out = ok(cutoffSeries(draws, { types: ["cec", "french"], from: "2026-03-01", measure: "crs" }));
    expect(out.map((s) => s.type)).toEqual(["cec"]);
  });

  it("refuses a period with no round as empty", () => {
    expect(cutoffSeries(draws, { types: ["cec"], from: "2030-01-01", measure: "crs" })).toEqual({ ok: false, reason: "empty" });
    expect(cutoffSeries(draws, { types: ["stem"], measure: "crs" })).toEqual({ ok: false, reason: "empty" });
    expect(cutoffSeries([], { types: [], measure: "crs" })).toEqual({ ok: false, reason: "empty" });
  });

  it("refuses a period where no series has two rounds as one-point", () => {
    expect(cutoffSeries(draws, { types: ["french"], measure: "crs" })).toEqual({ ok: false, reason: "one-point" });
    expect(cutoffSeries(draws, { types: ["cec", "pnp"], from: "2026-01-07", to: "2026-01-08", measure: "crs" })).toEqual({
      ok: false,
      reason: "one-point",
    });
  });

  it("throws a typed error for an option that is not a date", () => {
    let caught: unknown;
    try {
      cutoffSeries(draws, { types: ["cec"], from: "January 2026", measure: "crs" });
    } catch (e) {
      caught = e;
    }
    expect(isEeBotError(caught, "ee_chart_options_invalid")).toBe(true);
    expect(String((caught as Error).message)).toContain("from");
  });
});

describe("poolSeries", () => {
  it("uses the finest published ranges and counts every candidate once", () => {
    const d = distribution("nested");
    const bars = ok(poolSeries(d));
    expect(bars.map((b) => b.label)).toEqual([
      "601-1200",
      "501-600",
      "491-500",
      "481-490",
      "471-480",
      "461-470",
      "451-460",
      "441-450",
      "431-440",
      "421-430",
      "411-420",
      "401-410",
      "351-400",
      "301-350",
      "0-300",
    ]);
    expect(bars.reduce((s, b) => s + b.count, 0)).toBe(d.total);
    expect(bars.some((b) => b.label === "451-500" || b.label === "401-450")).toBe(false);
  });

  it("keeps a wide range whole when its published parts leave a gap", () => {
    const bars = ok(poolSeries(distribution("gap")));
    expect(bars.map((b) => [b.label, b.count])).toEqual([
      ["501-1200", 100],
      ["401-500", 600],
      ["0-400", 300],
    ]);
  });

  it("flags only the bar whose range contains the mark, bounds included", () => {
    const d = distribution("nested");
    for (const [mark, label] of [
      [475, "471-480"],
      [471, "471-480"],
      [480, "471-480"],
      [601, "601-1200"],
      [0, "0-300"],
    ] as const) {
      const marked = ok(poolSeries(d, { mark })).filter((b) => b.marked);
      expect(marked.map((b) => b.label)).toEqual([label]);
    }
    expect(ok(poolSeries(d)).some((b) => b.marked)).toBe(false);
    expect(ok(poolSeries(d, { mark: 1300 })).some((b) => b.marked)).toBe(false);
  });

  it("does not count a range published twice twice", () => {
    const d = distribution("nested");
    const doubled = { ...d, ranges: [...d.ranges, { min: 471, max: 480, count: 120 }] };
    expect(ok(poolSeries(doubled)).filter((b) => b.label === "471-480")).toHaveLength(1);
  });

  it("refuses ranges that cross instead of nesting", () => {
    expect(poolSeries(distribution("crossing"))).toEqual({ ok: false, reason: "overlap" });
  });

  it("refuses a distribution with no candidate as empty", () => {
    expect(poolSeries(distribution("zero"))).toEqual({ ok: false, reason: "empty" });
  });
});

describe("summarise", () => {
  it("gives first, latest, lowest and highest rounds", () => {
    const [cec] = ok(cutoffSeries(draws, { types: ["cec"], from: "2026-01-01", to: "2026-12-31", measure: "crs" }));
    const s = ok(summarise(cec as CutoffSeries));
    expect(s.count).toBe(5);
    expect(s.first.round).toBe("301");
    expect(s.latest.round).toBe("307");
    expect([s.min.round, s.min.value]).toEqual(["307", 500]);
    expect([s.max.round, s.max.value]).toEqual(["301", 520]);
    expect(s.trend).toBe("falling");
  });

  it("reads a clear rise as rising and a clear fall as falling", () => {
    const rise = ok(summarise(series("x", [["2026-01-01", 400], ["2026-02-01", 420], ["2026-03-01", 450]])));
    expect(rise.trend).toBe("rising");
    expect(rise.fittedChange).toBeCloseTo(50, 0);
    const fall = ok(summarise(series("x", [["2026-01-01", 450], ["2026-02-01", 420], ["2026-03-01", 400]])));
    expect(fall.trend).toBe("falling");
  });

  it("reads a change within the flat share of the mean as flat, and one just past it as rising", () => {
    const mean = 500;
    const within = TREND_FLAT_SHARE * mean * 0.9;
    const past = TREND_FLAT_SHARE * mean * 1.2;
    const flat = ok(summarise(series("x", [["2026-01-01", mean - within / 2], ["2026-07-01", mean + within / 2]])));
    expect(flat.trend).toBe("flat");
    const rising = ok(summarise(series("x", [["2026-01-01", mean - past / 2], ["2026-07-01", mean + past / 2]])));
    expect(rising.trend).toBe("rising");
  });

  it("fits the slope over dates, not over the order of rounds", () => {
    // Fitted over the order of rounds these fall; over dates, the one early low round makes them rise.
    const s = ok(
      summarise(series("x", [["2026-01-01", 380], ["2026-12-01", 450], ["2026-12-02", 390], ["2026-12-03", 390]])),
    );
    expect(s.trend).toBe("rising");
  });

  it("gives no trend for one point or points on a single date", () => {
    expect(ok(summarise(series("x", [["2026-01-01", 500]]))).trend).toBeNull();
    expect(ok(summarise(series("x", [["2026-01-01", 500], ["2026-01-01", 520]]))).trend).toBeNull();
  });

  it("refuses a series without points as empty", () => {
    expect(summarise(series("x", []))).toEqual({ ok: false, reason: "empty" });
  });
});
