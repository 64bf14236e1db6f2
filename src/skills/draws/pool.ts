import { formatDate, formatNumber, roundName } from "../../core/format.js";
import { makeReply } from "../../core/reply.js";
import type { Distribution, ScoreRange } from "../../kb/schema.js";
import { has, type Clause } from "../../nlu/question.js";
import { during } from "./shared.js";
import type { Match, Skill, SkillContext } from "../types.js";

/** A question about the pool of candidates: the whole distribution, a score range of it, or its change. */
export interface PoolParams {
  /** Scores from min to max inclusive; absent for the whole distribution. */
  readonly min?: number;
  readonly max?: number;
  /** The distribution published on or before this date (the latest when absent). */
  readonly date?: string;
  /** Compare with the distribution published before (or on `since`). */
  readonly change: boolean;
  /** For a change: the earlier date to compare with. */
  readonly since?: string;
  /** The smallest or largest pool over a period. */
  readonly extreme?: { which: "lowest" | "highest"; from: string; to: string; label: string };
}

function readPool(clause: Clause, context: SkillContext): Match<PoolParams> | null {
  const scoresOnly = clause.numbers.filter((n) => (n.kind === "crs" || n.kind === "plain") && n.value <= 1200);
  // "451-460 count", "how many ppl 501-600": a score range is a question about the pool.
  const range = /\b\d{1,4}\s*(?:-|to)\s*\d{1,4}\b/.test(clause.text) && scoresOnly.length >= 2 && !has(clause, "draw") && !has(clause, "invitations");
  const pool = has(clause, "pool") || range || (has(clause, "above") || has(clause, "below")) && has(clause, "howMany") && scoresOnly.length === 1 && !has(clause, "draw");
  const follow = context.slots.skill === "pool" && clause.followUp && scoresOnly.length > 0;
  if (!(pool || follow) || clause.codes.length > 0 || has(clause, "apply")) return null;
  // "and above 600?" after a pool question.
  // "how many people were invited" is about rounds, not the pool.
  if (has(clause, "invitations") && !/\bpool\b/.test(clause.text)) return null;
  const scores = clause.numbers.filter((n) => (n.kind === "crs" || n.kind === "plain") && n.value >= 0 && n.value <= 1200).map((n) => n.value);
  // A month ("in jan 2026 vs now") counts as its last day.
  const dates = [...clause.dates.map((d) => d.iso), ...(clause.dates.length === 0 && clause.period && clause.period.kind !== "relative" ? [clause.period.to] : [])].sort();
  const twoDates = dates.length >= 2 || (dates.length === 1 && /\b(?:now|today|latest|current)\b/.test(clause.text));
  const change = has(clause, "changed") || has(clause, "compare") || (twoDates && /\b(?:from|since|between|vs|versus|to)\b/.test(clause.text));
  // With two dates, the change is from the first to the second; with one and "now", from it to the latest.
  const date = twoDates ? (dates.length >= 2 ? dates.at(-1) : undefined) : (dates[0] ?? (clause.period ? clause.period.to : undefined));
  const since = twoDates ? dates[0] : undefined;
  const base = { change, ...(date ? { date } : {}), ...(since && change ? { since } : {}) };
  if ((has(clause, "lowest") || has(clause, "highest")) && !has(clause, "cutoff")) {
    const p = clause.period;
    return { score: 0.9, params: { change: false, extreme: { which: has(clause, "lowest") ? "lowest" : "highest", from: p?.from ?? "2015-01-01", to: p?.to ?? "9999-12-31", label: p?.label ?? "all the distributions I know of" } } };
  }
  const counting = has(clause, "howMany") && (has(clause, "above") || has(clause, "below")) && !has(clause, "draw") && !has(clause, "cutoff");
  const strong = /\bpool\b|\bdistribution\b|\bprofiles\b/.test(clause.text) || range || follow || counting ? 0.9 : has(clause, "scoreCheck") ? 0.5 : 0.65;
  if ((has(clause, "between") || range) && scores.length >= 2) {
    const [a, b] = [Math.min(scores[0] ?? 0, scores[1] ?? 0), Math.max(scores[0] ?? 0, scores[1] ?? 0)];
    return { score: strong, params: { ...base, min: a, max: b } };
  }
  if (scores.length >= 1 && has(clause, "above")) return { score: strong, params: { ...base, min: (scores[0] ?? 0) + (/\b(?:at least|or more|\+)/.test(clause.text) ? 0 : 1), max: 1200 } };
  if (scores.length >= 1 && has(clause, "below")) return { score: strong, params: { ...base, min: 0, max: (scores[0] ?? 0) - (/\b(?:at most|or less)/.test(clause.text) ? 0 : 1) } };
  if (scores.length === 1 && /\bpool\b/.test(clause.text)) return { score: 0.6, params: { ...base, min: scores[0] ?? 0, max: scores[0] ?? 0 } };
  return { score: strong - 0.05, params: base };
}

/** The published ranges that no other published range lies inside: the finest breakdown, no count twice. */
export function finestRanges(dist: Distribution): ScoreRange[] {
  const inside = (a: ScoreRange, b: ScoreRange) => a !== b && a.min >= b.min && a.max <= b.max;
  return dist.ranges.filter((r) => !dist.ranges.some((o) => inside(o, r))).sort((a, b) => b.min - a.min);
}

/** Candidates with scores in [min, max], when the published ranges allow it; else the nearest span they do allow. */
export function countBetween(dist: Distribution, min: number, max: number): { count: number; min: number; max: number; exact: boolean } {
  const fine = finestRanges(dist);
  const lo = fine.filter((r) => r.min <= min).sort((a, b) => b.min - a.min)[0]?.min ?? 0;
  const hi = fine.filter((r) => r.max >= max).sort((a, b) => a.max - b.max)[0]?.max ?? 1200;
  const count = fine.filter((r) => r.min >= lo && r.max <= hi).reduce((n, r) => n + r.count, 0);
  return { count, min: lo, max: hi, exact: lo === min && hi === max };
}

function rangeLabel(min: number, max: number): string {
  return max >= 1200 ? `${min} or more` : min <= 0 ? `${max} or less` : `${min} to ${max}`;
}

/** The pool of candidates by CRS score, as IRCC publishes it with its rounds. */
export const poolSkill: Skill<PoolParams> = {
  id: "pool",
  summary: "the pool of candidates by CRS score range: totals, sums above or between scores, change between dates",
  requires: [],
  optional: ["score range", "date"],
  match: readPool,
  answer(params, context) {
    const { knowledge } = context;
    const d = knowledge.distributionAt(params.date);
    const dist = d?.distribution;
    if (!d || !dist) {
      return { reply: makeReply(knowledge, "pool", { title: "Pool distribution", text: `I have no pool distribution published${params.date ? ` on or before ${formatDate(params.date)}` : ""}.` }) };
    }
    const header = `As of ${formatDate(dist.asOf)} (published with ${roundName(knowledge, d)})`;
    const fine = finestRanges(dist);
    const list = fine.map((r) => `${rangeLabel(r.min, r.max)}: ${formatNumber(r.count)}`);
    const sources = [...(d.provenance.distribution ?? d.sources)];
    let text: string;
    if (params.min !== undefined && params.max !== undefined && params.since) {
      // "how many above 500 in January vs now": the same range at two dates.
      const before = knowledge.distributionAt(params.since);
      const c = countBetween(dist, params.min, params.max);
      const p = before?.distribution ? countBetween(before.distribution, params.min, params.max) : undefined;
      text = p && before?.distribution
        ? `${formatNumber(c.count)} candidates had ${rangeLabel(c.min, c.max)} as of ${formatDate(dist.asOf)}, against ${formatNumber(p.count)} as of ${formatDate(before.distribution.asOf)}: ${c.count >= p.count ? "up" : "down"} ${formatNumber(Math.abs(c.count - p.count))}.`
        : `${formatNumber(c.count)} candidates had ${rangeLabel(c.min, c.max)} as of ${formatDate(dist.asOf)}; I have no distribution for ${formatDate(params.since)} to compare with.`;
      if (before) sources.push(...(before.provenance.distribution ?? before.sources));
    } else if (params.min !== undefined && params.max !== undefined) {
      const c = countBetween(dist, params.min, params.max);
      const asked = rangeLabel(params.min, params.max);
      const got = rangeLabel(c.min, c.max);
      text = c.exact
        ? `${formatNumber(c.count)} candidates had a CRS score of ${asked}. ${header}, of ${formatNumber(dist.total)} in the pool.`
        : `IRCC publishes the pool in ranges, so I can't count ${asked} exactly; the closest published span is ${got}: ${formatNumber(c.count)} candidates. ${header}, of ${formatNumber(dist.total)} in the pool.`;
    } else if (params.extreme) {
      const e = params.extreme;
      const all = knowledge.draws.filter((x) => x.distribution !== null && (x.distribution?.asOf ?? "") >= e.from && (x.distribution?.asOf ?? "") <= e.to);
      const pick = [...all].sort((a, b) => ((a.distribution?.total ?? 0) - (b.distribution?.total ?? 0)) * (e.which === "lowest" ? 1 : -1))[0];
      if (!pick?.distribution) {
        text = `I have no pool distribution ${during(e.label)}.`;
      } else {
        text = `${formatNumber(pick.distribution.total)}: the ${e.which === "lowest" ? "smallest" : "largest"} pool of the ${all.length} distributions I have ${during(e.label)}, as of ${formatDate(pick.distribution.asOf)} (published with ${roundName(knowledge, pick)}). The latest, as of ${formatDate(dist.asOf)}, is ${formatNumber(dist.total)}.`;
        sources.push(...(pick.provenance.distribution ?? pick.sources));
      }
    } else if (params.change) {
      const before = params.since
        ? knowledge.distributionAt(params.since)
        : knowledge.draws.filter((x) => x.distribution !== null && (x.distribution?.asOf ?? "") < dist.asOf).at(-1);
      const prev = before?.distribution;
      if (!before || !prev) {
        text = `${header}, ${formatNumber(dist.total)} candidates were in the pool; I have no earlier distribution to compare with.`;
      } else {
        const diff = dist.total - prev.total;
        text = `${diff >= 0 ? "Up" : "Down"} ${formatNumber(Math.abs(diff))}: ${formatNumber(dist.total)} candidates in the pool as of ${formatDate(dist.asOf)}, against ${formatNumber(prev.total)} as of ${formatDate(prev.asOf)}.`;
        const prevFine = finestRanges(prev);
        list.splice(0, list.length, ...fine.map((r) => {
          const p = prevFine.find((x) => x.min === r.min && x.max === r.max);
          const delta = p ? r.count - p.count : null;
          return `${rangeLabel(r.min, r.max)}: ${formatNumber(r.count)}${delta !== null ? ` (${delta >= 0 ? "+" : "-"}${formatNumber(Math.abs(delta))})` : ""}`;
        }));
        sources.push(...(before.provenance.distribution ?? before.sources));
      }
    } else {
      text = `${formatNumber(dist.total)} candidates were in the Express Entry pool. ${header}. By CRS score:`;
    }
    return {
      reply: makeReply(knowledge, "pool", { title: "Express Entry pool", text, list, asOf: dist.asOf, sources, fields: [{ name: "Total", value: formatNumber(dist.total) }, { name: "As of", value: formatDate(dist.asOf) }], suggestions: ["how many people above 500?", "where is 480 in the pool?"] }),
      slots: { skill: "pool", round: d.round },
    };
  },
  examples: (knowledge) => (knowledge.distributionAt() ? ["pool distribution", "how many people above 500 in the pool?"] : []),
  command: {
    name: "pool",
    description: "The pool of candidates by CRS score",
    options: [
      { name: "above", description: "Count candidates above this score", type: "integer", min: 0, max: 1200 },
      { name: "below", description: "Count candidates below this score", type: "integer", min: 0, max: 1200 },
    ],
    toParams(values) {
      const above = values.above === undefined ? undefined : Number(values.above);
      const below = values.below === undefined ? undefined : Number(values.below);
      if (above === undefined && below === undefined) return { ok: true, params: { change: false } };
      return { ok: true, params: { change: false, min: above !== undefined ? above + 1 : 0, max: below !== undefined ? below - 1 : 1200 } };
    },
  },
};
