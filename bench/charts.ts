// Chart rendering time: `npx tsx bench/charts.ts` prints { coldMs, warmMs, pngBytes } as JSON.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { renderCutoffChart } from "../src/charts/render.js";
import type { RenderedChart } from "../src/charts/render.js";
import { cutoffSeries, roundTypeLabels } from "../src/charts/series.js";
import type { ChartDraw, CutoffSeries } from "../src/charts/series.js";
import { KNOWLEDGE_DIR } from "../src/kb/paths.js";
import { loadVocabulary, roundTypeOfName } from "../src/kb/vocabulary.js";

const SELF = fileURLToPath(import.meta.url);
const WARM_RUNS = 10;

interface FeedRound {
  drawNumber: string;
  drawDate: string;
  drawName: string;
  drawCRS: string;
}

/** The typical chart: CRS cut-offs of CEC and PNP rounds over the feed's last year. */
function typicalSeries(): CutoffSeries[] {
  const vocabulary = loadVocabulary();
  const feed = JSON.parse(readFileSync(`${KNOWLEDGE_DIR}ircc/ee_rounds_123_en.json`, "utf8")) as { rounds: FeedRound[] };
  const draws: ChartDraw[] = feed.rounds.map((r) => ({
    round: r.drawNumber,
    date: r.drawDate,
    category: roundTypeOfName(vocabulary, r.drawName)?.id ?? null,
    crs: Number(r.drawCRS.replace(/,/g, "")),
    invitations: null,
  }));
  const to = draws.map((d) => d.date ?? "").reduce((a, b) => (a > b ? a : b));
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  const series = cutoffSeries(draws, { types: ["cec", "pnp"], from, to, measure: "crs", labels: roundTypeLabels(vocabulary.roundTypes) });
  if (!series.ok) throw new Error(`no typical chart in the feed: ${series.reason}`);
  return series.value;
}

async function renderOnce(series: readonly CutoffSeries[]): Promise<{ ms: number; chart: RenderedChart }> {
  const t0 = performance.now();
  const r = await renderCutoffChart(series, { title: "CRS cut-offs, CEC and PNP", sourceLine: "Source: IRCC, Express Entry rounds of invitations" });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`chart refused: ${r.reason}`);
  return { ms, chart: r.value };
}

/** Time of a first render in a fresh process (loading the chart library included), the median warm render, and the PNG's size. */
export async function measureChartRender(): Promise<{ coldMs: number; warmMs: number; pngBytes: number }> {
  const cold = JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", SELF, "--cold"], { encoding: "utf8" }).trim(),
  ) as { ms: number };
  const series = typicalSeries();
  const first = await renderOnce(series);
  const samples: number[] = [];
  for (let i = 0; i < WARM_RUNS; i += 1) samples.push((await renderOnce(series)).ms);
  samples.sort((a, b) => a - b);
  const warmMs = samples[Math.floor(samples.length / 2)] ?? NaN;
  return { coldMs: Math.round(cold.ms), warmMs: Math.round(warmMs * 10) / 10, pngBytes: first.chart.png.length };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes("--cold")) {
    const series = typicalSeries();
    console.log(JSON.stringify({ ms: (await renderOnce(series)).ms }));
  } else {
    console.log(JSON.stringify(await measureChartRender()));
  }
}
