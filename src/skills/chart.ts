import { cutoffSeries, poolSeries, summarise, type CutoffSeries } from "../charts/series.js";
import { joinAnd } from "../core/format.js";
import type { Knowledge } from "../core/knowledge.js";
import { makeReply } from "../core/reply.js";
import { lang } from "../messages/lang.js";
import { META_MESSAGES, metaMessages, type MetaMessages, type NamedProgram } from "../messages/meta.js";
import { yearPeriod } from "../nlu/dates.js";
import { has, type Clause, type Period } from "../nlu/question.js";
import { countBetween, finestRanges } from "./draws/pool.js";
import { drawsInPeriod, during, periodLabel, typeOption, typesIn } from "./draws/shared.js";
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
  const { slots } = context;
  // "now same for french", "and for 2024" after a chart: the same chart of another type or period.
  if (!has(clause, "chart") && slots.skill === "chart" && (clause.followUp || /\bsame\b/.test(clause.text)) && clause.codes.length + clause.rounds.length === 0 && !["lowest", "highest", "average", "howMany"].some((c) => has(clause, c))) {
    const types = typesIn(clause, context.knowledge);
    const kind = VIEWS.get(slots.aspect ?? "") ?? "cutoffs";
    if (kind !== "pool" && (types.length > 0 || clause.period)) {
      const period = clause.period ?? slots.period;
      return { score: 0.88, fromState: true, params: { kind, types: types.length > 0 ? types : slots.category ? [slots.category] : [], ...(period ? { period } : {}) } };
    }
  }
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
  return metaMessages().chart.sourceLine(feed?.publisher ?? null, feed?.title ?? null, asOf ?? null);
}

function pool(params: ChartParams, context: SkillContext): SkillAnswer {
  const { knowledge } = context;
  const m = metaMessages().chart;
  const d = knowledge.distributionAt(params.period?.to);
  const dist = d?.distribution;
  if (!d || !dist) return { reply: makeReply(knowledge, "chart", { title: m.noChartTitle, text: m.noPool, userError: true }) };
  const bars = poolSeries(dist, params.mark !== undefined ? { mark: params.mark } : {});
  if (!bars.ok) return { reply: makeReply(knowledge, "chart", { title: m.noChartTitle, text: m.badPool(bars.reason === "overlap" ? "overlap" : "empty"), userError: true }) };
  const marked = params.mark !== undefined ? bars.value.find((b) => b.marked) : undefined;
  const above = params.mark !== undefined ? countBetween(dist, params.mark + 1, 1200) : undefined;
  const text = [m.poolText(dist.asOf, dist.total), marked && params.mark !== undefined ? m.poolMark(params.mark, marked.label, marked.count, above) : ""].filter(Boolean).join(" ");
  return {
    reply: makeReply(knowledge, "chart", {
      title: m.poolTitle,
      text,
      list: finestRanges(dist).map((r) => m.range(r.min, r.max, r.count)),
      asOf: dist.asOf,
      sources: d.provenance.distribution ?? d.sources,
      chart: { kind: "pool", bars: bars.value, title: m.poolTitle, subtitle: m.poolSubtitle(dist.total, dist.asOf), sourceLine: sourceLine(knowledge, dist.asOf), ...(params.mark !== undefined ? { mark: params.mark } : {}), name: `pool-${dist.asOf}.png` },
    }),
    slots: { skill: "chart", round: d.round },
  };
}

function describe(s: CutoffSeries): string {
  const m = metaMessages().chart;
  const sum = summarise(s);
  if (!sum.ok) return m.noRounds(s.label);
  const v = sum.value;
  return m.series({ label: s.label, count: v.count, min: v.min.value, minRound: v.min.round, max: v.max.value, maxRound: v.max.round, latest: v.latest.value, latestDate: v.latest.date, trend: v.trend });
}

function rounds(params: ChartParams, context: SkillContext): SkillAnswer {
  const { knowledge } = context;
  const m = metaMessages().chart;
  const measure = params.kind === "invitations" ? "invitations" : "crs";
  const draws = params.period ? drawsInPeriod(knowledge, params.period, params.types) : knowledge.drawsOf(params.types);
  const labels = Object.fromEntries(knowledge.roundTypes().map((t) => [t.id, knowledge.label(t.id)]));
  const what = params.types.length > 0 ? joinAnd(params.types.map((t) => knowledge.label(t))) : null;
  const span = params.period ? periodLabel(params.period) : m.allSpan;
  const series = cutoffSeries(draws, { types: params.types.length > 0 ? params.types : [...new Set(draws.map((d) => d.category ?? ""))].filter(Boolean), measure, labels, ...(params.period ? { from: params.period.from, to: params.period.to } : {}) });
  if (!series.ok) {
    const when = params.period ? ` ${during(params.period.label)}` : "";
    return { reply: makeReply(knowledge, "chart", { title: m.noChartTitle, text: m.cantDraw({ empty: series.reason === "empty", what: what ?? m.allRounds, when }), userError: true }) };
  }
  // A chart of every type at once is unreadable: the busiest types, up to six.
  const shown = [...series.value].sort((a, b) => b.points.length - a.points.length).slice(0, 6);
  const last = draws.at(-1);
  const name = measure === "crs" ? "cut-offs" : "invitations";
  const title = m.title(what, measure, span);
  const programs: NamedProgram[] = params.types
    .map((t) => knowledge.roundType(t))
    .filter((t) => t?.kind === "program")
    .map((t) => ({ label: knowledge.label(t?.id), name: (lang() === "fr" ? knowledge.entry(t?.id ?? "")?.nameFr : undefined) ?? t?.name ?? "" }));
  const lines = shown.map((s) => describe(s));
  return {
    reply: makeReply(knowledge, "chart", {
      title,
      text: m.attached(title, lines, programs, series.value.length > shown.length ? shown.length : null),
      list: shown.flatMap((s) => s.points.slice(-10).map((p) => m.point(s.label, p.round, p.date, p.value))),
      asOf: last?.date ?? null,
      sources: [...new Set(draws.flatMap((d) => d.sources))].slice(0, 3),
      chart: { kind: "cutoffs", series: shown, title, sourceLine: sourceLine(knowledge, last?.date), ...(params.mark !== undefined ? { mark: params.mark } : {}), name: `${name}-${(params.types.join("-") || "all")}.png` },
    }),
    slots: { skill: "chart", aspect: params.kind, ...(params.types[0] ? { category: params.types[0] } : {}), ...(params.period ? { period: params.period } : {}) },
  };
}

const VIEWS: ReadonlyMap<string, ChartParams["kind"]> = new Map([
  ["cutoffs", "cutoffs"],
  ["invitations", "invitations"],
  ["pool", "pool"],
  ["notes", "cutoffs"],
  ["seuils", "cutoffs"],
  ["bassin", "pool"],
]);

// An option's English name and description, with its French ones for Discord's localizations.
const option = (key: keyof MetaMessages["commands"]["chartOptions"]) => ({ ...META_MESSAGES.en.commands.chartOptions[key], fr: META_MESSAGES.fr.commands.chartOptions[key] });

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
    return year ? [...metaMessages().chart.examples(year)] : [];
  },
  command: {
    ...META_MESSAGES.en.commands.chart,
    fr: META_MESSAGES.fr.commands.chart,
    options: [
      { ...option("type"), type: "string", choices: "round-types" },
      { ...option("year"), type: "integer", min: 2015, max: 2100 },
      { ...option("view"), type: "string" },
      { ...option("score"), type: "integer", min: 0, max: 1200 },
    ],
    toParams(values, context) {
      const t = typeOption(values, "type", context);
      if (!t.ok) return t;
      const asked = values.view === undefined ? "cutoffs" : String(values.view).toLowerCase();
      // The French names of the views are taken too: "notes", "bassin".
      const view = VIEWS.get(asked);
      if (!view) return { ok: false, message: metaMessages().chart.badView(asked) };
      const year = values.year === undefined ? undefined : Number(values.year);
      const period: Period | undefined = year ? yearPeriod(year) : undefined;
      const mark = values.score === undefined ? undefined : Number(values.score);
      return { ok: true, params: { kind: view, types: t.types, ...(period ? { period } : {}), ...(mark !== undefined ? { mark } : {}) } };
    },
  },
};
