import { formatDate, formatNumber, roundName } from "../../core/format.js";
import { makeReply } from "../../core/reply.js";
import type { Distribution, ScoreRange } from "../../kb/schema.js";
import { commandWords, drawMessages, optionWords } from "../../messages/draws.js";
import { has, type Clause, type Period } from "../../nlu/question.js";
import { during, periodLabel, typesIn } from "./shared.js";
import type { Match, Skill, SkillContext } from "../types.js";

/** A question about the pool of candidates: the whole distribution, a score range of it, or its change. */
export interface PoolParams {
  /** Scores from min to max inclusive; absent for the whole distribution. */
  readonly min?: number;
  readonly max?: number;
  /** The distribution published on or before this date (the latest when absent). */
  readonly date?: string;
  /** The distribution published with this round ("the pool at round 355"). */
  readonly round?: string;
  /** Compare with the distribution published before (or on `since`). */
  readonly change: boolean;
  /** For a change: the earlier date to compare with. */
  readonly since?: string;
  /** "was there pool data published in 2021?": whether a distribution exists, answered Yes or No first. */
  readonly exists?: boolean;
  /** A yes/no question about the change's direction ("did the pool shrink?"): answered Yes or No first. */
  readonly direction?: "up" | "down";
  /** The smallest or largest pool over a period. */
  readonly extreme?: { which: "lowest" | "highest"; from: string; to: string; label: string; period?: Period };
}

// "did the pool shrink since round 350?", "has it grown?": the direction a yes/no question asks about.
function directionAsked(clause: Clause): { direction?: "up" | "down" } {
  if (!has(clause, "yesNo")) return {};
  if (/\b(?:smaller|shrunk|shrink|shrank|shrinking|decreased?|gone down|go down|went down|dropped|drop|fallen|fell)\b/.test(clause.text)) return { direction: "down" };
  if (/\b(?:bigger|grown|grow|grew|growing|increased?|gone up|go up|went up|risen|rose)\b/.test(clause.text)) return { direction: "up" };
  return {};
}

function readPool(clause: Clause, context: SkillContext): Match<PoolParams> | null {
  // "how many in the pool are above me": the score the conversation holds, as the clause's own.
  // "jai 490 pile, cb sont au dessus de moi": the score told in the clause itself.
  const told = clause.numbers.find((n) => (n.kind === "crs" || n.kind === "plain") && n.value >= 100 && n.value <= 1200)?.value;
  const me = /\b(?:above|over|higher than|more than|below|under|lower than|ahead of|behind) (?:me|my score|mine|my crs|my points)\b/.test(clause.text) && (told !== undefined || context.slots.score !== undefined && clause.numbers.length === 0);
  if (me && (/\bpool\b/.test(clause.text) || has(clause, "howMany"))) {
    const score = told ?? context.slots.score ?? 0;
    const above = /\b(?:above|over|higher than|more than|ahead of)\b/.test(clause.text);
    return { score: 0.92, ...(told === undefined ? { fromState: true } : {}), params: { change: false, ...(above ? { min: score + 1, max: 1200 } : { min: 0, max: score - 1 }) } };
  }
  const scoresOnly = clause.numbers.filter((n) => (n.kind === "crs" || n.kind === "plain") && n.value <= 1200);
  // "451-460 count", "how many ppl 501-600": a score range is a question about the pool.
  // "how many in 481-490 as of round 400": the span at a named round.
  const atRound = clause.rounds.length === 1 && /\b(?:as of|at|in|for|by|on|with)(?: the)? (?:round|draw|#)/.test(clause.text);
  const range = /\b\d{1,4}\s*(?:-|to)\s*\d{1,4}\b/.test(clause.text) && scoresOnly.length >= 2 && (!has(clause, "draw") || atRound) && !has(clause, "invitations");
  // "how many between 401 and 450?": two scores and a count, no round word, are a span of the pool too.
  const between = has(clause, "between") && has(clause, "howMany") && scoresOnly.length === 2 && !has(clause, "draw") && !has(clause, "invitations") && clause.rounds.length === 0;
  const pool = has(clause, "pool") || range || between || (has(clause, "above") || has(clause, "below")) && has(clause, "howMany") && scoresOnly.length === 1 && !has(clause, "draw") && clause.profile.facts < 3;
  const follow = context.slots.skill === "pool" && clause.followUp && scoresOnly.length > 0;
  // The span the previous pool answer counted ("451-500"), for follow-ups that ask it again elsewhere.
  const shownSpan = /^(\d+)-(\d+)$/.exec(context.slots.aspect ?? "");
  const spanOf = shownSpan ? { min: Number(shownSpan[1]), max: Number(shownSpan[2]) } : undefined;
  // "and now?" after a pool question: the same span, in the latest distribution.
  const again = context.slots.skill === "pool" && clause.followUp && scoresOnly.length === 0 && clause.dates.length === 0 && !clause.period && /\b(?:now|today|currently|latest|current)\b/.test(clause.text);
  if (again) return { score: 0.9, fromState: true, params: { change: false, ...spanOf } };
  // "and in total?" after a span of the pool: the whole pool of the distribution just shown.
  const whole = context.slots.skill === "pool" && clause.followUp && scoresOnly.length === 0 && clause.dates.length === 0 && !clause.period && /\b(?:in total|total|overall|altogether|all together)\b/.test(clause.text);
  if (whole) return { score: 0.9, fromState: true, params: { change: false, ...(context.slots.round ? { round: context.slots.round } : {}) } };
  // « c'était combien dans cette tranche au 7 décembre 2025 »: the same span, in the distribution of that date.
  if (context.slots.skill === "pool" && /\b(?:that|this|the same|same) (?:range|span|band|bracket)\b/.test(clause.text) && scoresOnly.length === 0) {
    const on = clause.dates[0]?.iso ?? clause.period?.to;
    if (spanOf) return { score: 0.9, fromState: true, params: { change: false, ...spanOf, ...(clause.rounds.length === 1 ? { round: clause.rounds[0] ?? "" } : on ? { date: on } : {}) } };
  }
  // "and back at round 390?" after a pool question: the same span, in the distribution published with that round.
  const backAt = context.slots.skill === "pool" && clause.followUp && clause.rounds.length === 1 && scoresOnly.length === 0 ? context.knowledge.draw(clause.rounds[0] ?? "") : undefined;
  if (backAt) return { score: 0.9, fromState: true, params: { change: false, round: backAt.round, ...spanOf } };
  // "did the pool shrink since round 350?", "471-480 now vs round 380": from that round's distribution to the latest.
  const sinceRound = clause.period?.kind === "since-round" ? clause.period.sinceRound : /\b(?:vs|versus|compared (?:to|with)|against)\b/.test(clause.text) && clause.rounds.length === 1 ? clause.rounds[0] : undefined;
  const earlier = sinceRound !== undefined && !has(clause, "invitations") && !has(clause, "cutoff") && (pool || /\b\d{3}\s*(?:-|to)\s*\d{3,4}\b/.test(clause.text) || has(clause, "changed") || /\b(?:bigger|smaller|grown|grow|grew|shrunk|shrink|shrank|increased|decreased)\b/.test(clause.text)) ? context.knowledge.draw(sinceRound)?.distribution : undefined;
  if (earlier && clause.codes.length === 0) {
    const spanned = scoresOnly.filter((n) => String(n.value) !== sinceRound).map((n) => n.value);
    const [a, b] = spanned;
    const ranged = spanned.length === 2 && a !== undefined && b !== undefined ? { min: Math.min(a, b), max: Math.max(a, b) } : {};
    return { score: 0.95, params: { change: true, since: earlier.asOf, ...ranged, ...directionAsked(clause) } };
  }
  if (!(pool || follow) || clause.codes.length > 0 || has(clause, "apply")) return null;
  // "and above 600?" after a pool question.
  // "how many people were invited" is about rounds, not the pool.
  if (has(clause, "invitations") && !/\bpool\b/.test(clause.text)) return null;
  const { knowledge, slots } = context;
  // "the pool at round 355": the distribution IRCC published with that round.
  // "how many people 441-450 as of draw 300": a score span counted at a round is that round's distribution too.
  const spanAt = /\b\d{3} ?(?:-|to) ?\d{3,4}\b/.test(clause.text) && (has(clause, "howMany") || /\bpeople\b/.test(clause.text)) && !has(clause, "cutoff");
  const named = clause.rounds.length === 1 && (/\b(?:pool|distribution|profiles|candidates|people)\b/.test(clause.text) || spanAt) ? knowledge.draw(clause.rounds[0] ?? "") : undefined;
  if (named?.distribution) {
    // "the pool at round 404: how many between 401 and 450?": a span of that distribution.
    const span = clause.numbers.filter((n) => (n.kind === "crs" || n.kind === "plain") && n.value <= 1200 && String(n.value) !== named.round).map((n) => n.value);
    const [a, b] = span;
    const ranged = (has(clause, "between") || /\b\d{1,4}\s*(?:-|to)\s*\d{1,4}\b/.test(clause.text)) && span.length === 2 && a !== undefined && b !== undefined;
    return { score: 0.95, params: { change: false, round: named.round, ...(ranged ? { min: Math.min(a, b), max: Math.max(a, b) } : {}) } };
  }
  // "pool distribution for round 200" when that round has none: said so, not another round's.
  if (named && /\b(?:pool|distribution)\b/.test(clause.text)) return { score: 0.95, params: { change: false, round: named.round } };
  // "pool size when the first category draw happened": the distribution published with that round.
  const types = typesIn(clause, knowledge);
  // "pool total as of the first draw of 2024": the first round of that period.
  const within = (d: { date: string | null }) => !clause.period || (d.date !== null && d.date >= clause.period.from && d.date <= clause.period.to);
  const which = has(clause, "draw") && clause.rounds.length === 0 && clause.dates.length === 0 && clause.periods.length <= 1 ? (has(clause, "first") ? knowledge.drawsOf(types).find((d) => d.distribution && within(d)) : has(clause, "latest") && (types.length > 0 || clause.period) ? knowledge.drawsOf(types).filter((d) => d.distribution && within(d)).at(-1) : undefined) : undefined;
  if (which && /\bpool\b/.test(clause.text) && (has(clause, "howMany") || /\b(?:total|size|distribution|how big|big)\b/.test(clause.text)) && !has(clause, "scoreCheck") && !has(clause, "between") && !has(clause, "above") && !has(clause, "below")) return { score: 0.95, params: { change: false, round: which.round } };
  // "how many were in the pool at that time", "back then": the distribution of the round just talked about.
  const then = clause.dates.length === 0 && !clause.period && clause.rounds.length === 0 && /\b(?:that|this|the same) (?:date|day|time|point)\b|\b(?:back|by|until) then\b|\bthen$|\bat the time\b/.test(clause.text) && slots.round ? knowledge.draw(slots.round) : undefined;
  const at = which ?? (then?.distribution ? then : undefined);
  const scores = clause.numbers.filter((n) => (n.kind === "crs" || n.kind === "plain") && n.value >= 0 && n.value <= 1200).map((n) => n.value);
  // A month ("in jan 2026 vs now") counts as its last day.
  const dates = [...clause.dates.map((d) => d.iso), ...(clause.dates.length === 0 && clause.period && clause.period.kind !== "relative" ? [clause.period.to] : [])].sort();
  const twoDates = dates.length >= 2 || (dates.length === 1 && /\b(?:now|today|latest|current)\b/.test(clause.text));
  // "has the pool gotten bigger since jan 2026?": a change from the start of the period to the latest.
  const since = clause.periods.length === 1 && clause.period?.kind === "relative" && /^since\b/.test(clause.period.label) ? clause.period : undefined;
  const grown = /\b(?:bigger|smaller|grown|grow|grew|growing|shrunk|shrink|shrank|shrinking|increased|decreased|gone (?:up|down))\b/.test(clause.text);
  // "501-600 jan vs jul 2026": two months or years, from the first distribution of the earlier to the last of the later.
  const spans = clause.dates.length === 0 && clause.periods.length >= 2 && clause.periods.every((p) => p.kind === "month" || p.kind === "year") ? [...clause.periods].sort((a, b) => a.from.localeCompare(b.from)) : undefined;
  const change = has(clause, "changed") || has(clause, "compare") || grown || since !== undefined || spans !== undefined || (twoDates && /\b(?:from|since|between|vs|versus|to)\b/.test(clause.text));
  // With two dates, the change is from the first to the second; with one and "now", from it to the latest.
  // "and between 451 and 500 at that date?": the distribution just shown.
  const shown = follow && dates.length === 0 && /\b(?:that|this|the same) (?:date|day|time)\b|\bthen\b/.test(clause.text) && context.slots.round ? context.knowledge.draw(context.slots.round)?.distribution?.asOf : undefined;
  const firstIn = (p: Period) => knowledge.draws.find((d) => (d.distribution?.asOf ?? "") >= p.from && (d.distribution?.asOf ?? "9999") <= p.to)?.distribution?.asOf ?? p.from;
  const date = spans ? spans.at(-1)?.to : since ? undefined : twoDates ? (dates.length >= 2 ? dates.at(-1) : undefined) : (dates[0] ?? shown ?? (clause.period ? clause.period.to : undefined));
  const from = spans?.[0] ? firstIn(spans[0]) : since ? firstIn(since) : twoDates ? dates[0] : undefined;
  const exists = /^(?:was|were|is|are|do|does|did|has|have) (?:there|you|u|ircc)\b.*\b(?:pool (?:data|distribution|numbers|stats|figures)|distributions?)\b/.test(clause.text) && !change;
  const base = { ...(exists ? { exists } : {}), change, ...(at ? { round: at.round } : date ? { date } : {}), ...(from && change ? { since: from } : {}), ...(change ? directionAsked(clause) : {}) };
  if ((has(clause, "lowest") || has(clause, "highest")) && !has(clause, "cutoff")) {
    const p = clause.period;
    return { score: 0.9, params: { change: false, extreme: { which: has(clause, "lowest") ? "lowest" : "highest", from: p?.from ?? "2015-01-01", to: p?.to ?? "9999-12-31", label: p?.label ?? "all the distributions I know of", ...(p ? { period: p } : {}) } } };
  }
  const counting = has(clause, "howMany") && (has(clause, "above") || has(clause, "below")) && !has(clause, "draw") && !has(clause, "cutoff");
  const strong = /\bpool\b|\bdistribution\b|\bprofiles\b/.test(clause.text) || range || between || follow || counting ? 0.9 : has(clause, "scoreCheck") ? 0.5 : 0.65;
  if ((has(clause, "between") || range) && scores.length >= 2) {
    const [a, b] = [Math.min(scores[0] ?? 0, scores[1] ?? 0), Math.max(scores[0] ?? 0, scores[1] ?? 0)];
    return { score: strong, params: { ...base, min: a, max: b } };
  }
  if (scores.length >= 1 && has(clause, "above")) {
    const n = scores[0] ?? 0;
    // "600+" where 600 ends a published range (501-600) and 601 starts one: people mean the range above it.
    const fine = knowledge.distributionAt(at ? undefined : date)?.distribution;
    const plus = new RegExp(`\\b${n} ?\\+`).test(clause.text);
    const edge = plus && fine !== null && fine !== undefined && !finestRanges(fine).some((r) => r.min === n) && finestRanges(fine).some((r) => r.min === n + 1);
    return { score: strong, params: { ...base, min: n + (/\b(?:at least|or more)\b/.test(clause.text) || plus && !edge ? 0 : 1), max: 1200 } };
  }
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

/** Candidates in the widest published span inside [min, max]; undefined when no published range fits inside. */
export function countWithin(dist: Distribution, min: number, max: number): { count: number; min: number; max: number } | undefined {
  const inside = finestRanges(dist).filter((r) => r.min >= min && r.max <= max);
  if (inside.length === 0) return undefined;
  return { count: inside.reduce((n, r) => n + r.count, 0), min: Math.min(...inside.map((r) => r.min)), max: Math.max(...inside.map((r) => r.max)) };
}

function rangeLabel(min: number, max: number): string {
  return drawMessages().range(min, max);
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
    const m = drawMessages();
    const d = params.round ? knowledge.draw(params.round) : knowledge.distributionAt(params.date);
    const dist = d?.distribution;
    if (!d || !dist) {
      const none = d && params.round ? m.noDistributionWith(roundName(knowledge, d)) : m.noDistribution(params.date ? formatDate(params.date) : null);
      return { reply: makeReply(knowledge, "pool", { title: m.poolDistTitle, text: `${params.exists ? `${m.no}. ` : ""}${none}`, sources: d && params.round ? d.sources : [] }) };
    }
    const header = m.poolHeader(formatDate(dist.asOf), roundName(knowledge, d));
    const fine = finestRanges(dist);
    const list = fine.map((r) => m.rangeLine(rangeLabel(r.min, r.max), r.count, null));
    const sources = [...(d.provenance.distribution ?? d.sources)];
    let text: string;
    if (params.min !== undefined && params.max !== undefined && params.since) {
      // "how many above 500 in January vs now": the same range at two dates.
      const before = knowledge.distributionAt(params.since);
      const c = countBetween(dist, params.min, params.max);
      const p = before?.distribution ? countBetween(before.distribution, params.min, params.max) : undefined;
      text = p && before?.distribution
        ? m.poolRangeChange(c.count, rangeLabel(c.min, c.max), formatDate(dist.asOf), p.count, formatDate(before.distribution.asOf))
        : m.poolRangeNoBefore(c.count, rangeLabel(c.min, c.max), formatDate(dist.asOf), formatDate(params.since));
      if (p && params.direction) text = `${(params.direction === "down" ? c.count < p.count : c.count > p.count) ? m.yes : m.no}. ${text}`;
      if (before) sources.push(...(before.provenance.distribution ?? before.sources));
    } else if (params.min !== undefined && params.max !== undefined) {
      const c = countBetween(dist, params.min, params.max);
      const asked = rangeLabel(params.min, params.max);
      const got = rangeLabel(c.min, c.max);
      const inner = c.exact ? undefined : countWithin(dist, params.min, params.max);
      text = c.exact ? m.poolRange(c.count, asked, header, dist.total) : m.poolRangeInexact(asked, got, c.count, header, dist.total);
      if (inner && inner.count > 0) text += ` ${m.poolRangeInner(rangeLabel(inner.min, inner.max), inner.count)}`;
    } else if (params.extreme) {
      const e = params.extreme;
      const all = knowledge.draws.filter((x) => x.distribution !== null && (x.distribution?.asOf ?? "") >= e.from && (x.distribution?.asOf ?? "") <= e.to);
      const pick = [...all].sort((a, b) => ((a.distribution?.total ?? 0) - (b.distribution?.total ?? 0)) * (e.which === "lowest" ? 1 : -1))[0];
      const span = e.period ? during(periodLabel(e.period)) : m.allDistributions ? during(m.allDistributions) : "";
      if (!pick?.distribution) {
        text = m.noDistributionDuring(span);
      } else {
        text = m.poolExtreme(pick.distribution.total, e.which === "lowest", all.length, span, formatDate(pick.distribution.asOf), roundName(knowledge, pick), formatDate(dist.asOf), dist.total);
        sources.push(...(pick.provenance.distribution ?? pick.sources));
      }
    } else if (params.change) {
      const before = params.since
        ? knowledge.distributionAt(params.since)
        : knowledge.draws.filter((x) => x.distribution !== null && (x.distribution?.asOf ?? "") < dist.asOf).at(-1);
      const prev = before?.distribution;
      if (!before || !prev) {
        text = m.poolNoEarlier(header, dist.total);
      } else {
        const diff = dist.total - prev.total;
        text = m.poolChange(diff, dist.total, formatDate(dist.asOf), prev.total, formatDate(prev.asOf));
        if (params.direction) text = `${(params.direction === "down" ? diff < 0 : diff > 0) ? m.yes : m.no}. ${text}`;
        const prevFine = finestRanges(prev);
        list.splice(0, list.length, ...fine.map((r) => {
          const p = prevFine.find((x) => x.min === r.min && x.max === r.max);
          const delta = p ? r.count - p.count : null;
          return m.rangeLine(rangeLabel(r.min, r.max), r.count, delta);
        }));
        sources.push(...(before.provenance.distribution ?? before.sources));
      }
    } else {
      text = m.poolTotal(dist.total, header);
    }
    if (params.exists) text = `${m.yes}. ${text}`;
    return {
      reply: makeReply(knowledge, "pool", { title: m.poolTitle, text, list, asOf: dist.asOf, sources, fields: [{ name: m.fieldTotal, value: formatNumber(dist.total) }, { name: m.fieldAsOf, value: formatDate(dist.asOf) }], suggestions: [...m.poolSuggestions] }),
      // The span asked, so "and now?" asks it again of the latest distribution.
      slots: { skill: "pool", round: d.round, ...(params.min !== undefined && params.max !== undefined ? { aspect: `${params.min}-${params.max}` } : {}) },
      ...(params.min !== undefined && params.max !== undefined ? {} : { clear: ["aspect"] as const }),
    };
  },
  examples: (knowledge) => (knowledge.distributionAt() ? [...drawMessages().poolExamples] : []),
  command: {
    ...commandWords("pool"),
    options: [
      { ...optionWords("pool", "above"), type: "integer", min: 0, max: 1200 },
      { ...optionWords("pool", "below"), type: "integer", min: 0, max: 1200 },
    ],
    toParams(values) {
      const above = values.above === undefined ? undefined : Number(values.above);
      const below = values.below === undefined ? undefined : Number(values.below);
      if (above === undefined && below === undefined) return { ok: true, params: { change: false } };
      return { ok: true, params: { change: false, min: above !== undefined ? above + 1 : 0, max: below !== undefined ? below - 1 : 1200 } };
    },
  },
};
