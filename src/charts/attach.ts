import type { Reply } from "../core/types.js";

/** The reply with its chart drawn and attached as a PNG; the chart library is loaded only when a reply has a chart. */
export async function withImages(reply: Reply): Promise<Reply> {
  const chart = reply.chart;
  if (!chart) return reply;
  const { renderCutoffChart, renderPoolChart } = await import("./render.js");
  const base = { title: chart.title, sourceLine: chart.sourceLine, ...(chart.subtitle ? { subtitle: chart.subtitle } : {}), ...(chart.mark !== undefined ? { mark: chart.mark } : {}) };
  const rendered = chart.kind === "cutoffs" ? await renderCutoffChart(chart.series, base) : await renderPoolChart(chart.bars, base);
  // A refusal never reaches here (the skill checks the data first); if it does, the text answer stands alone.
  if (!rendered.ok) return reply;
  const { png, width, height, alt } = rendered.value;
  return { ...reply, images: [...reply.images, { name: chart.name, png: new Uint8Array(png), width, height, alt }] };
}
