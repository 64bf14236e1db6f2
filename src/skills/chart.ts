import { cutoffSeries, poolSeries, summarise, type CutoffSeries } from "../charts/series.js";
import { capital, formatDate, formatNumber, joinAnd, plural } from "../core/format.js";
import type { Knowledge } from "../core/knowledge.js";
import { makeReply } from "../core/reply.js";
import { yearPeriod } from "../nlu/dates.js";
import { has, type Clause, type Period } from "../nlu/question.js";
import { countBetween, finestRanges } from "./draws/pool.js";
import { drawsInPeriod, during, typeOption, typesIn } from "./draws/shared.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "./types.js";

/** A chart asked for: cut-offs or invitations over time by type, or the pool by score. */
export interface ChartParams {
  readonly kind: "cutoffs" | "invitations" | "pool";
  readonly types: string[];
  readonly period?: Period;
  /** A score to mark. */
  readonly mark?: number;
}

function readChart(clause: Clause, context: SkillContext): Match<ChartParams> | null {
  if (!has(clause, "chart") && !(has(clause, "compare") && /\btrend\b/.test(clause.text))) return null;
  const types = typesIn(clause, context.knowledge);
  const mark = clause.numbers.find((n) => n.kind === "crs" || (n.kind === "plain" && n.value >= 100 && n.value <= 1200))?.value;
  const base = { types, ...(clause.period ? { period: clause.period } : {}), ...(mark !== undefined ? { mark } : {}) };
  if (has(clause, "pool") && !has(clause, "cutoff")) return { score: 0.93, params: { ...base, kind: "pool" } };
  const kind = has(clause, "invitations") && !has(clause, "cutoff") ? "invitations" : "cutoffs";
  // "and PNP?" after a chart: the same chart for another type.
  return { score: 0.93, params: { ...base, kind } };
}

function sourceLine(knowledge: Knowledge, asOf: string | null | undefined): string {
  const feed = [...knowledge.sources.values()].find((s) => s.kind === "official" && s.id.startsWith("ircc/"));
  return `Source: ${feed?.publisher ?? "IRCC"}, ${feed?.title ?? "Express Entry rounds of invitations"}, as of ${formatDate(asOf)}`;
}

function pool(params: ChartParams, context: SkillContext): SkillAnswer {
  const { knowledge } = context;
  const d = knowledge.distributionAt(params.period?.to);
  const dist = d?.distribution;
  if (!d || !dist) return { reply: makeReply(knowledge, "chart", { title: "No chart", text: "I have no pool distribution to chart.", userError: true }) };
  const bars = poolSeries(dist, params.mark !== undefined ? { mark: params.mark } : {});
  if (!bars.ok) return { reply: makeReply(knowledge, "chart", { title: "No chart", text: `I can't chart this distribution: its ranges are ${bars.reason === "overlap" ? "overlapping" : "empty"}.`, userError: true }) };
  const marked = params.mark !== undefined ? bars.value.find((b) => b.marked) : undefined;
  const above = params.mark !== undefined ? countBetween(dist, params.mark + 1, 1200) : undefined;
  const text = [
    `The pool on ${formatDate(dist.asOf)}: ${formatNumber(dist.total)} candidates, by CRS score (chart attached).`,
    marked && params.mark !== undefined ? `${params.mark} falls in the ${marked.label} range, with ${formatNumber(marked.count)} candidates; ${above ? `${formatNumber(above.count)} had ${above.exact ? "more" : `${above.min} or more`}.` : ""}` : "",
  ].filter(Boolean).join(" ");
  return {
    reply: makeReply(knowledge, "chart", {
      title: "Express Entry pool by CRS score",
      text,
      list: finestRanges(dist).map((r) => `${r.min}-${r.max}: ${formatNumber(r.count)}`),
      asOf: dist.asOf,
      sources: d.provenance.distribution ?? d.sources,
      chart: { kind: "pool", bars: bars.value, title: "Express Entry pool by CRS score", subtitle: `${formatNumber(dist.total)} candidates on ${formatDate(dist.asOf)}`, sourceLine: sourceLine(knowledge, dist.asOf), ...(params.mark !== undefined ? { mark: params.mark } : {}), name: `pool-${dist.asOf}.png` },
    }),
    slots: { skill: "chart", round: d.round },
  };
}

function describe(s: CutoffSeries): string {
  const sum = summarise(s);
  if (!sum.ok) return `${s.label}: no rounds`;
  const v = sum.value;
  const trend = v.trend ? `, ${v.trend}` : "";
  return `${s.label}: ${plural(v.count, "round")}, from ${formatNumber(v.min.value)} (round ${v.min.round}) to ${formatNumber(v.max.value)} (round ${v.max.round}), latest ${formatNumber(v.latest.value)} on ${formatDate(v.latest.date)}${trend}`;
}

function rounds(params: ChartParams, context: SkillContext): SkillAnswer {
  const { knowledge } = context;
  const measure = params.kind === "invitations" ? "invitations" : "crs";
  const draws = params.period ? drawsInPeriod(knowledge, params.period, params.types) : knowledge.drawsOf(params.types);
  const labels = Object.fromEntries(knowledge.roundTypes().map((t) => [t.id, t.label]));
  const what = params.types.length > 0 ? joinAnd(params.types.map((t) => knowledge.label(t))) : "all";
  const span = params.period?.label ?? "all the rounds I know of";
  const series = cutoffSeries(draws, { types: params.types.length > 0 ? params.types : [...new Set(draws.map((d) => d.category ?? ""))].filter(Boolean), measure, labels, ...(params.period ? { from: params.period.from, to: params.period.to } : {}) });
  if (!series.ok) {
    const when = params.period ? ` ${during(span)}` : "";
    const why = series.reason === "empty" ? `I know of no ${what} rounds${when}` : `there is only one ${what} round${when}, too few to draw a trend`;
    return { reply: makeReply(knowledge, "chart", { title: "No chart", text: `I can't draw that chart: ${why}. Try a longer period or another type.`, userError: true }) };
  }
  // A chart of every type at once is unreadable: the busiest types, up to six.
  const shown = [...series.value].sort((a, b) => b.points.length - a.points.length).slice(0, 6);
  const last = draws.at(-1);
  const name = measure === "crs" ? "cut-offs" : "invitations";
  const title = `${what === "all" ? "Express Entry" : what} ${name}, ${span}`;
  const programs = params.types.map((t) => knowledge.roundType(t)).filter((t) => t?.kind === "program").map((t) => `${t?.label} is the ${t?.name}`);
  const lines = shown.map((s) => describe(s));
  return {
    reply: makeReply(knowledge, "chart", {
      title,
      text: `${capital(title)} (chart attached). ${lines.join(". ")}.${programs.length > 0 ? ` ${joinAnd(programs)}.` : ""}${series.value.length > shown.length ? ` The chart shows the ${shown.length} types with the most rounds.` : ""}`,
      list: shown.flatMap((s) => s.points.slice(-10).map((p) => `${s.label} round ${p.round} (${formatDate(p.date)}): ${formatNumber(p.value)}`)),
      asOf: last?.date ?? null,
      sources: [...new Set(draws.flatMap((d) => d.sources))].slice(0, 3),
      chart: { kind: "cutoffs", series: shown, title, sourceLine: sourceLine(knowledge, last?.date), ...(params.mark !== undefined ? { mark: params.mark } : {}), name: `${name}-${(params.types.join("-") || "all")}.png` },
    }),
    slots: { skill: "chart", ...(params.types[0] ? { category: params.types[0] } : {}), ...(params.period ? { period: params.period } : {}) },
  };
}

/** Charts: cut-offs or invitations over time by type, and the pool by score, with the numbers in text. */
export const chartSkill: Skill<ChartParams> = {
  id: "chart",
  summary: "charts of cut-offs or invitations over time by type, and of the pool by score, with the numbers in text",
  requires: [],
  optional: ["round type", "period", "score to mark"],
  match: readChart,
  answer: (params, context) => (params.kind === "pool" ? pool(params, context) : rounds(params, context)),
  examples(knowledge) {
    const year = knowledge.latestDraw(["cec"])?.date?.slice(0, 4);
    return year ? [`chart of CEC cut-offs in ${year}`, "plot the pool with 480 marked"] : [];
  },
  command: {
    name: "chart",
    description: "A chart of cut-offs or invitations over time, or of the pool",
    options: [
      { name: "type", description: "Program or category (none: the busiest types)", type: "string", choices: "round-types" },
      { name: "year", description: "Calendar year (none: all rounds)", type: "integer", min: 2015, max: 2100 },
      { name: "view", description: "cutoffs, invitations or pool", type: "string" },
      { name: "score", description: "A score to mark", type: "integer", min: 0, max: 1200 },
    ],
    toParams(values, context) {
      const t = typeOption(values, "type", context);
      if (!t.ok) return t;
      const view = values.view === undefined ? "cutoffs" : String(values.view).toLowerCase();
      if (view !== "cutoffs" && view !== "invitations" && view !== "pool") return { ok: false, message: `"${view}" is not one of cutoffs, invitations, pool.` };
      const year = values.year === undefined ? undefined : Number(values.year);
      const period: Period | undefined = year ? yearPeriod(year) : undefined;
      const mark = values.score === undefined ? undefined : Number(values.score);
      return { ok: true, params: { kind: view, types: t.types, ...(period ? { period } : {}), ...(mark !== undefined ? { mark } : {}) } };
    },
  },
};
