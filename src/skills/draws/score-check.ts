import { subMonths } from "date-fns";
import { capital, formatDate, formatNumber, joinAnd, plural, roundName } from "../../core/format.js";
import type { Knowledge } from "../../core/knowledge.js";
import { coreMessages } from "../../core/messages.js";
import { makeReply } from "../../core/reply.js";
import type { Draw } from "../../kb/schema.js";
import { has, type Clause, type Period } from "../../nlu/question.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "../types.js";
import { drawsInPeriod, during, freshnessNote, tieBreakText, typeOption, typePhrase, typesIn } from "./shared.js";

/** A score held against past rounds. */
export interface ScoreCheckParams {
  readonly score: number;
  readonly types: string[];
  readonly period?: Period;
  /** A round asked about by date or number: the direct answer is about it. */
  readonly date?: string;
  readonly round?: string;
  /** "ever": the direct answer is whether any round of the period would have done. */
  readonly ever?: boolean;
}

function scoreOf(clause: Clause): number | undefined {
  const crs = clause.numbers.find((n) => n.kind === "crs");
  if (crs) return crs.value;
  // "since round 400" names a round, not a score.
  const round = clause.period?.sinceRound;
  const plain = clause.numbers.find((n) => n.kind === "plain" && Number.isInteger(n.value) && n.value >= 100 && n.value <= 1200 && String(n.value) !== round);
  return plain?.value;
}

function readScoreCheck(clause: Clause, context: SkillContext): Match<ScoreCheckParams> | null {
  const types = typesIn(clause, context.knowledge);
  const score = scoreOf(clause);
  const period = clause.period ?? undefined;
  const asks = has(clause, "scoreCheck") || has(clause, "enough") || (has(clause, "mine") && (has(clause, "cutoff") || has(clause, "points")));
  // "draws under 400", "cut-off below 300": a filter on rounds, not someone's score.
  if ((has(clause, "below") || has(clause, "above")) && !has(clause, "mine") && (has(clause, "draw") || has(clause, "cutoff"))) return null;
  const ever = has(clause, "ever") ? { ever: true } : {};
  const date = clause.dates[0]?.iso;
  const aboutPool = /\b(?:pool|distribution|profiles)\b/.test(clause.text);
  if (has(clause, "howMany") && !has(clause, "mine") && !has(clause, "scoreCheck") && (has(clause, "above") || has(clause, "below"))) return null;
  if (score !== undefined && !aboutPool && !(has(clause, "crsCalc") && !clause.numbers.some((n) => n.kind === "crs")) && !has(clause, "tieBreak")) {
    const rest = { score, types, ...(period ? { period } : {}), ...(date ? { date } : {}), ...(clause.rounds[0] ? { round: clause.rounds[0] } : {}), ...ever };
    if (asks) return { score: 0.9, params: rest };
    // "490, any cec draw since 2025?": a score next to rounds of a type or period is a score check.
    if ((types.length > 0 || period || date) && clause.codes.length === 0) return { score: 0.86, params: rest };
    if (clause.numbers.some((n) => n.kind === "crs") && clause.codes.length === 0) return { score: 0.6, params: rest };
  }
  // "and for CEC?", "what about the last 6 months?" after a score check; or a new score for the same question;
  // "would that have been enough?" after a CRS score was worked out.
  const afterScore = context.slots.score !== undefined && asks && /\b(?:that|it|this|my score|my crs)\b/.test(clause.text);
  if (context.slots.score !== undefined && ((context.slots.skill === "score-check" && (clause.followUp || score !== undefined)) || afterScore) && clause.codes.length === 0) {
    return { score: 0.8, fromState: true, params: { score: score ?? context.slots.score, types: types.length > 0 ? types : context.slots.category ? [context.slots.category] : [], ...(period ? { period } : context.slots.period ? { period: context.slots.period } : {}) } };
  }
  return null;
}

function line(knowledge: Knowledge, d: Draw, score: number): string {
  const ok = (d.crs ?? Infinity) <= score;
  return `${ok ? "enough" : "not enough"} for ${roundName(knowledge, d)}, cut-off ${d.crs}`;
}

/** Answers "would 480 have been enough?": against the latest round of each type, and every round of a period; never a prediction. */
function answer(params: ScoreCheckParams, context: SkillContext): SkillAnswer {
  const { knowledge, now } = context;
  const { score } = params;
  const last = knowledge.latestDraw();
  if (!last?.date) return { reply: makeReply(knowledge, "score-check", { text: "I don't know of any rounds to compare with." }) };
  const period: Period = { ...(params.period ?? (params.ever ? { from: "2015-01-01", to: last.date, label: "all the rounds I know of", kind: "range" } : {
    from: subMonths(new Date(`${last.date}T00:00:00Z`), 12).toISOString().slice(0, 10),
    to: last.date,
    label: `the 12 months to ${formatDate(last.date)}`,
    kind: "relative",
  })) };
  let inPeriod = drawsInPeriod(knowledge, period, params.types).filter((d) => d.crs !== null);
  // A category with few recent rounds is judged on all of them: two rounds say little.
  if (!params.period && params.types.length > 0 && inPeriod.length < 3) {
    inPeriod = knowledge.drawsOf(params.types).filter((d) => d.crs !== null);
    period.label = "all the rounds I know of";
  }
  const kind = typePhrase(knowledge, params.types);
  const enough = inPeriod.filter((d) => (d.crs ?? Infinity) <= score);
  // The direct answer is about the round asked for: by number or date, the latest of the type (in the period when one is
  // named), else the latest all-program round, the one anyone in the pool could be invited in.
  const asked = params.round ? knowledge.draw(params.round) : params.date ? knowledge.drawsOn(params.date).find((d) => params.types.length === 0 || params.types.includes(d.category ?? "")) : undefined;
  const reference = asked ?? (params.period && params.types.length > 0 ? inPeriod.at(-1) : params.types.length > 0 ? knowledge.latestDraw(params.types) : knowledge.latestDraw(["general"]));
  const which = asked ? "" : params.period && params.types.length > 0 ? `the latest ${kind}round of ${period.label}` : `the latest ${params.types.length > 0 ? kind : "all-program "}round I know of`;
  const lead = params.ever || (params.period && params.types.length === 0)
    ? `${enough.length > 0 ? "Yes" : "No"}: ${score} would have been enough in ${enough.length} of ${plural(inPeriod.length, `${kind}round`)} ${during(period.label)}.`
    : reference && reference.crs !== null
      ? `${reference.crs <= score ? "Yes" : "No"}${which ? `, ${reference.crs <= score ? "" : "not "}in ${which}` : ""}: ${score} is ${reference.crs <= score ? "at or above" : "below"} the cut-off of ${reference.crs} in ${roundName(knowledge, reference)}.`
      : `I know of no ${kind}round to compare ${score} with.`;
  const lowest = [...inPeriod].sort((a, b) => (a.crs ?? 0) - (b.crs ?? 0))[0];
  const highest = [...inPeriod].sort((a, b) => (b.crs ?? 0) - (a.crs ?? 0))[0];
  const named = enough.length > 0 && enough.length <= 8 ? `: ${enough.map((d) => `${roundName(knowledge, d)}, cut-off ${d.crs}`).join("; ")}` : enough.length > 0 && enough.length < inPeriod.length ? ` (${byTypeCounts(knowledge, enough)})` : "";
  const leadIsPeriod = params.ever || (params.period !== undefined && params.types.length === 0);
  const periodText = inPeriod.length > 0
    ? `${leadIsPeriod ? (named ? `They were${named.replace(/^:/, "")}.` : "") : `${capital(during(period.label))}, ${score} would have been enough in ${enough.length} of ${plural(inPeriod.length, `${kind}round`)}${named}.`}${enough.length === 0 && lowest ? ` The lowest cut-off then was ${lowest.crs}, in ${roundName(knowledge, lowest)}.` : ""}${enough.length > 0 && lowest && highest && lowest !== highest ? ` Cut-offs then ran from ${lowest.crs} to ${highest.crs} (${roundName(knowledge, highest)}).` : ""}`
    : `I know of no ${kind}rounds ${during(period.label)}.`;
  const latestByType = params.types.length > 0 ? [] : knowledge.roundTypes()
    .map((t) => inPeriod.filter((d) => d.category === t.id).at(-1))
    .filter((d): d is Draw => d !== undefined)
    .sort((a, b) => b.order - a.order);
  // At exactly the cut-off, the tie-breaking rule decided.
  const tie = reference && reference.crs === score && reference.tieBreak ? ` At exactly the cut-off, only profiles submitted before ${tieBreakText(reference.tieBreak)} were invited (the tie-breaking rule).` : "";
  const category = enough.some((d) => knowledge.roundType(d.category ?? "")?.kind === "category") ? " Category rounds also require being eligible for the category." : "";
  const list = latestByType.map((d) => `latest ${knowledge.label(d.category)} round: ${line(knowledge, d, score)}`);
  const fresh = freshnessNote(knowledge, now);
  const text = [lead + tie, periodText, category.trim(), coreMessages().pastNotFuture, fresh].filter((x) => x !== "").join(" ");
  const used = [...(reference ? [reference] : []), ...inPeriod];
  return {
    reply: makeReply(knowledge, "score-check", {
      title: `CRS ${score} against past rounds`,
      text,
      list,
      asOf: last.date,
      sources: [...new Set(used.flatMap((d) => d.sources))],
      fields: [{ name: "Score", value: String(score) }, { name: "Rounds cleared", value: `${enough.length} of ${inPeriod.length}` }],
      suggestions: ["where is that in the pool?", "what's my CRS?"],
    }),
    slots: { skill: "score-check", score, ...(params.period ? { period: params.period } : {}), ...(params.types[0] ? { category: params.types[0] } : {}) },
  };
}

function byTypeCounts(knowledge: Knowledge, draws: readonly Draw[]): string {
  const counts = new Map<string, number>();
  for (const d of draws) counts.set(knowledge.label(d.category), (counts.get(knowledge.label(d.category)) ?? 0) + 1);
  return joinAnd([...counts.entries()].map(([t, n]) => `${formatNumber(n)} ${t}`));
}

/** "Would my score have been enough?": a score against past rounds, by type, dated, never a prediction. */
export const scoreCheckSkill: Skill<ScoreCheckParams> = {
  id: "score-check",
  summary: "whether a CRS score would have been enough in past rounds, by type and period (never a prediction)",
  requires: ["score"],
  optional: ["round type", "period"],
  match: readScoreCheck,
  answer,
  examples: (knowledge) => {
    const d = knowledge.latestDraw(["general"]) ?? knowledge.latestDraw();
    return d?.crs ? [`I have ${d.crs}, would I have been invited?`] : [];
  },
  command: {
    name: "check",
    description: "Would a CRS score have been enough in past rounds?",
    options: [
      { name: "score", description: "Your CRS score", type: "integer", required: true, min: 0, max: 1200 },
      { name: "type", description: "Program or category", type: "string", choices: "round-types" },
    ],
    toParams(values, context) {
      const score = Number(values.score);
      if (!Number.isInteger(score) || score < 0 || score > 1200) return { ok: false, message: "A CRS score is a whole number from 0 to 1,200." };
      const t = typeOption(values, "type", context);
      return t.ok ? { ok: true, params: { score, types: t.types } } : t;
    },
  },
};

/** Where a score would have landed: in how many rounds of the last 12 months of data it would have been enough, by type. */
export function landing(knowledge: Knowledge, score: number, now: Date): { text: string; sources: string[] } {
  const last = knowledge.latestDraw();
  if (!last?.date) return { text: "", sources: [] };
  const from = subMonths(new Date(`${last.date}T00:00:00Z`), 12).toISOString().slice(0, 10);
  const rounds = knowledge.drawsBetween(from, last.date).filter((d) => d.crs !== null);
  const enough = rounds.filter((d) => (d.crs ?? Infinity) <= score);
  const general = knowledge.latestDraw(["general"]);
  const cec = knowledge.latestDraw(["cec"]);
  const against = [cec, general].filter((d): d is Draw => d !== undefined && d.crs !== null).map((d) => `${line(knowledge, d, score)}`);
  const fresh = freshnessNote(knowledge, now);
  return {
    text: `In the 12 months to ${formatDate(last.date)}, ${score} would have been enough in ${enough.length} of ${plural(rounds.length, "round")}${enough.length > 0 && enough.length < rounds.length ? ` (${byTypeCounts(knowledge, enough)})` : ""}${against.length > 0 ? `; it is ${against.join("; ")}` : ""}. ${coreMessages().pastNotFuture}${fresh ? ` ${fresh}` : ""}`,
    sources: [...new Set([...rounds, ...(general ? [general] : [])].flatMap((d) => d.sources))].slice(0, 3),
  };
}

