import type { Reply } from "../core/types.js";
import { inLanguage } from "../messages/lang.js";

/** The reply with its chart drawn and attached as a PNG; the chart library is loaded only when a reply has a chart. */
export async function withImages(reply: Reply): Promise<Reply> {
  const chart = reply.chart;
  if (!chart) return reply;
  const { renderCutoffChart, renderPoolChart } = await import("./render.js");
  const base = { title: chart.title, sourceLine: chart.sourceLine, ...(chart.subtitle ? { subtitle: chart.subtitle } : {}), ...(chart.mark !== undefined ? { mark: chart.mark } : {}) };
  // The axes, labels and alternative text are written in the reply's language, like its title and source line.
  const rendered = await inLanguage(reply.lang, () => (chart.kind === "cutoffs" ? renderCutoffChart(chart.series, base) : renderPoolChart(chart.bars, base)));
  // A refusal never reaches here (the skill checks the data first); if it does, the text answer stands alone.
  if (!rendered.ok) return reply;
  const { png, width, height, alt } = rendered.value;
  return { ...reply, images: [...reply.images, { name: chart.name, png: new Uint8Array(png), width, height, alt }] };
}
