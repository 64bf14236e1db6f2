import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KNOWLEDGE_DIR } from "../../src/kb/paths.js";
import { loadVocabulary, roundTypeOfName } from "../../src/kb/vocabulary.js";
import { renderCutoffChart } from "../../src/charts/render.js";
import { cutoffSeries, roundTypeLabels, summarise } from "../../src/charts/series.js";
import type { ChartDraw } from "../../src/charts/series.js";

interface FeedRound {
  drawNumber: string;
  drawDate: string;
  drawName: string;
  drawCRS: string;
}

const feed = JSON.parse(readFileSync(`${KNOWLEDGE_DIR}ircc/ee_rounds_123_en.json`, "utf8")) as { rounds: FeedRound[] };
const vocabulary = loadVocabulary();

/** Just enough of IRCC's feed for a chart: number, date, round type and CRS ("1,200" style numbers). */
function readFeed(rounds: readonly FeedRound[]): ChartDraw[] {
  return rounds.map((r) => {
    const crs = Number(r.drawCRS.replace(/,/g, ""));
    return {
      round: r.drawNumber,
      date: /^\d{4}-\d{2}-\d{2}$/.test(r.drawDate) ? r.drawDate : null,
      category: roundTypeOfName(vocabulary, r.drawName)?.id ?? null,
      crs: r.drawCRS.trim() !== "" && Number.isFinite(crs) ? crs : null,
      invitations: null,
    };
  });
}

describe("series from IRCC's feed", () => {
  const series = cutoffSeries(readFeed(feed.rounds), {
    types: ["cec"],
    from: "2026-01-01",
    to: "2026-12-31",
    measure: "crs",
    labels: roundTypeLabels(vocabulary.roundTypes),
  });

  it("holds every 2026 Canadian Experience Class round of the feed, oldest first, with its CRS", () => {
    expect(series.ok).toBe(true);
    if (!series.ok) return;
    const [cec] = series.value;
    const expected = feed.rounds
      .filter((r) => r.drawName === "Canadian Experience Class" && r.drawDate.startsWith("2026-"))
      .reverse()
      .map((r) => ({ round: r.drawNumber, date: r.drawDate, value: Number(r.drawCRS) }));
    expect(expected.length).toBeGreaterThan(1);
    expect(series.value).toHaveLength(1);
    expect(cec?.label).toBe(vocabulary.roundTypes.find((t) => t.id === "cec")?.label);
    expect(cec?.points).toEqual(expected);
  });

  it("summarises and renders the 2026 CEC chart", async () => {
    if (!series.ok) throw new Error(series.reason);
    const [cec] = series.value;
    if (cec === undefined) throw new Error("no CEC series");
    const summary = summarise(cec);
    if (!summary.ok) throw new Error(summary.reason);
    const values = cec.points.map((p) => p.value);
    expect(summary.value.min.value).toBe(Math.min(...values));
    expect(summary.value.max.value).toBe(Math.max(...values));
    expect(summary.value.latest).toEqual(cec.points[cec.points.length - 1]);
    const chart = await renderCutoffChart(series.value, {
      title: "CEC cut-offs in 2026",
      sourceLine: "Source: IRCC, Express Entry rounds of invitations",
    });
    expect(chart.ok && chart.value.png.readUInt32BE(16)).toBe(1000);
  });
});
