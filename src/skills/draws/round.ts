import { ago, capital, formatDate, formatNumber, roundName } from "../../core/format.js";
import { makeReply } from "../../core/reply.js";
import type { Draw } from "../../kb/schema.js";
import { has, type Clause, type Period } from "../../nlu/question.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "../types.js";
import { aboutRounds, conflictNotes, drawFields, drawFigures, drawsInPeriod, during, freshnessNote, typeOption, typePhrase, typesIn } from "./shared.js";

/** Which round is asked for. */
export type RoundParams =
  | { mode: "number"; round: string; aspect: Aspect }
  | { mode: "date"; date: string; alternative?: string; aspect: Aspect }
  | { mode: "latest" | "first"; types: string[]; period?: Period; aspect: Aspect; yesNo?: boolean };

/** What of the round the question is after. */
type Aspect = "all" | "crs" | "invitations";

function aspectOf(clause: Clause): Aspect {
  if (has(clause, "howMany") && has(clause, "invitations")) return "invitations";
  if (has(clause, "cutoff")) return "crs";
  return "all";
}

function readRound(clause: Clause, context: SkillContext): Match<RoundParams> | null {
  const { knowledge, slots } = context;
  const aspect = aspectOf(clause);
  const types = typesIn(clause, knowledge);
  const roundish = aboutRounds(clause);
  if (clause.rounds.length === 1 && !clause.roundRange && !has(clause, "compare")) {
    return { score: roundish ? 0.9 : 0.75, params: { mode: "number", round: clause.rounds[0] ?? "", aspect } };
  }
  const date = clause.dates[0];
  if (date && clause.dates.length === 1 && !has(clause, "pool")) {
    return { score: roundish ? 0.85 : 0.6, params: { mode: "date", date: date.iso, ...(date.alternative ? { alternative: date.alternative } : {}), aspect } };
  }
  if (has(clause, "predict")) return null;
  // "was there ever a draw for FSW?", "any researchers draw yet": yes or no first.
  const yesNo = /^(?:was there|were there|has there|have there|is there|are there|any|did they|has ircc|have they)\b/.test(clause.text) || /\b(?:ever|yet)\b/.test(clause.text) && has(clause, "yesNo");
  const latest = has(clause, "latest");
  const first = has(clause, "first");
  const period = clause.periods.length === 1 ? clause.period ?? undefined : undefined;
  const extreme = has(clause, "lowest") || has(clause, "highest") || has(clause, "average") || has(clause, "howMany");
  if ((latest || first) && (roundish || (types.length > 0 && clause.phrase === "")) && !extreme && clause.periods.length <= 1 && !has(clause, "scoreCheck") && !has(clause, "pool")) {
    // "last 3 months" is a period, not the latest round.
    if (latest && period?.kind === "relative" && !/\b(?:latest|most recent|newest)\b/.test(clause.text)) return null;
    return { score: 0.85, params: { mode: first && !latest ? "first" : "latest", types, ...(period ? { period } : {}), aspect, ...(yesNo ? { yesNo } : {}) } };
  }
  // "what about healthcare?" after a question about the latest round.
  if (slots.skill === "round" && clause.followUp && types.length > 0 && clause.codes.length === 0) {
    return { score: 0.8, fromState: true, params: { mode: slots.aspect === "first" ? "first" : "latest", types, aspect } };
  }
  // "and the one before?", "the next one?" after a round: its neighbour.
  if (slots.round && /\b(?:the one|the round|the draw|one|round|draw) (?:before|after)\b|\b(?:previous|prior|next) (?:one|round|draw)\b/.test(clause.text) && clause.rounds.length === 0 && !has(clause, "predict")) {
    const here = knowledge.draw(slots.round);
    const after = /\b(?:after|next)\b/.test(clause.text);
    const pool = knowledge.drawsOf(types.length > 0 ? types : []);
    const near = here ? (after ? pool.find((d) => d.order > here.order) : pool.filter((d) => d.order < here.order).at(-1)) : undefined;
    if (near) return { score: 0.9, fromState: true, params: { mode: "number", round: near.round, aspect } };
  }
  // "how many were invited?" / "and the cut-off?" about the round just discussed.
  if (slots.round && (aspect !== "all" || clause.followUp) && types.length === 0 && !clause.period && clause.codes.length === 0 && clause.numbers.length === 0) {
    const d = knowledge.draw(slots.round);
    if (d) return { score: aspect !== "all" ? 0.7 : 0.55, fromState: true, params: { mode: "number", round: d.round, aspect } };
  }
  // "what was the cut-off" with nothing else: the latest round.
  if (has(clause, "cutoff") && has(clause, "define") === false && !extreme && !has(clause, "scoreCheck") && clause.periods.length === 0 && clause.codes.length === 0 && clause.phrase === "") {
    return { score: 0.6, params: { mode: "latest", types, aspect } };
  }
  if (types.length > 0 && roundish && !extreme && clause.periods.length === 0 && !has(clause, "scoreCheck") && !has(clause, "tieBreak")) {
    return { score: yesNo ? 0.8 : 0.65, params: { mode: "latest", types, aspect, ...(yesNo ? { yesNo } : {}) } };
  }
  return null;
}

function notFound(context: SkillContext, text: string): SkillAnswer {
  const { knowledge } = context;
  const last = knowledge.latestDraw();
  return {
    reply: makeReply(knowledge, "round", {
      title: "No such round",
      text: `${text}${last ? ` The rounds I know run from round ${knowledge.firstDraw()?.round ?? "?"} (${formatDate(knowledge.firstDraw()?.date)}) to round ${last.round} (${formatDate(last.date)}).` : ""}`,
      suggestions: last ? [`round ${last.round}`, "last CEC draw"] : [],
    }),
  };
}

function describe(context: SkillContext, d: Draw, lead: string, extra: string[]): SkillAnswer {
  const { knowledge, now } = context;
  const fresh = freshnessNote(knowledge, now);
  return {
    reply: makeReply(knowledge, "round", {
      title: `Express Entry round ${d.round}`,
      text: [lead, ...extra, ...conflictNotes(knowledge, d), fresh].filter((x) => x !== "").join(" "),
      fields: drawFields(knowledge, d),
      asOf: d.date,
      sources: d.sources,
      suggestions: [`tie-break of round ${d.round}`, d.crs !== null ? `I have ${d.crs + 10}, would I have been invited?` : "pool distribution"],
    }),
    slots: { skill: "round", round: d.round, ...(d.category ? { category: d.category } : {}) },
  };
}

function lead(context: SkillContext, d: Draw, which: string, aspect: Aspect): string {
  const { knowledge, now } = context;
  const when = d.date ? `, ${ago(d.date, now)}` : "";
  if (aspect === "crs" && d.crs !== null) return `${d.crs}: the lowest CRS score invited in ${roundName(knowledge, d)}, ${which}${when}. ${d.invitations !== null ? `${formatNumber(d.invitations)} invitations were issued.` : ""}`.trim();
  if (aspect === "invitations" && d.invitations !== null) return `${formatNumber(d.invitations)} invitations were issued in ${roundName(knowledge, d)}, ${which}${when}.${d.crs !== null ? ` The lowest CRS score invited was ${d.crs}.` : ""}`;
  return `${capital(which)} is ${roundName(knowledge, d)}${when}: ${drawFigures(d)}`;
}

/** One round: by number or date, the latest or the first of any type, with its figures and sources. */
export const roundSkill: Skill<RoundParams> = {
  id: "round",
  summary: "one round of invitations: the latest or first of any program or category, or a round by number or date",
  requires: [],
  optional: ["round", "date", "round type", "period"],
  match: readRound,
  answer(params, context) {
    const { knowledge } = context;
    if (params.mode === "number") {
      const d = knowledge.draw(params.round);
      if (!d) return notFound(context, `I don't know of a round ${params.round}.`);
      const latest = knowledge.latestDraw();
      const label = knowledge.label(d.category);
      const which = latest?.round === d.round ? "the latest round I know of" : `${/^[aeiou]/i.test(label) ? "an" : "a"} ${label} round`;
      const prev = knowledge.previousOfType(d);
      const change = prev && prev.crs !== null && d.crs !== null ? [`The previous ${knowledge.label(d.category)} round, ${roundName(knowledge, prev)}, had a cut-off of ${prev.crs}.`] : [];
      return describe(context, d, lead(context, d, which, params.aspect), [d.name ? `IRCC names it "${d.name}".` : "", ...change]);
    }
    if (params.mode === "date") {
      const found = knowledge.drawsOn(params.date);
      const reading = params.alternative ? `I read the date as ${formatDate(params.date)} (month first); for ${formatDate(params.alternative)}, write it as ${params.alternative}.` : "";
      if (found.length === 0) {
        const before = knowledge.draws.filter((d) => d.date !== null && d.date < params.date).at(-1);
        const after = knowledge.draws.find((d) => d.date !== null && d.date > params.date);
        const near = [before ? `the round before was ${roundName(knowledge, before)}` : "", after ? `the next was ${roundName(knowledge, after)}` : ""].filter(Boolean).join("; ");
        return notFound(context, `No: I know of no round on ${formatDate(params.date)}${near ? `; ${near}` : ""}. ${reading}`.trim());
      }
      const [d, ...others] = found as [Draw, ...Draw[]];
      const more = others.map((o) => `The same day: ${roundName(knowledge, o, false)}: ${drawFigures(o)}`);
      return describe(context, d, lead(context, d, `held on ${formatDate(params.date)}`, params.aspect), [...more, reading]);
    }
    const pool = params.period ? drawsInPeriod(knowledge, params.period, params.types) : knowledge.drawsOf(params.types);
    const d = params.mode === "first" ? pool[0] : pool.at(-1);
    const kind = typePhrase(knowledge, params.types);
    if (!d) {
      return notFound(context, `${params.yesNo ? "No: " : ""}I know of no ${kind}round${params.period ? ` ${during(params.period.label)}` : ""}.`);
    }
    const which = `the ${params.mode === "first" ? "first" : "latest"} ${kind}round I know of${params.period ? ` ${during(params.period.label)}` : ""}`;
    const overall = knowledge.latestDraw();
    const extra = params.mode === "latest" && overall && overall.round !== d.round && !params.period ? [`The latest round of any type I know of is ${roundName(knowledge, overall)}.`] : [];
    const yes = params.yesNo ? "Yes: " : "";
    const answer = describe(context, d, `${yes}${lead(context, d, which, params.aspect)}`, extra);
    return { ...answer, slots: { ...answer.slots, aspect: params.mode } };
  },
  examples(knowledge) {
    const last = knowledge.latestDraw();
    const cec = knowledge.latestDraw(["cec"]);
    return [last ? "what was the last cut-off?" : "", cec ? "last CEC draw" : "", last ? `round ${last.round}` : ""].filter(Boolean);
  },
  command: {
    name: "draw",
    description: "A round of invitations: by number, or the latest of a type",
    options: [
      { name: "round", description: "Round number, e.g. 254 or 91b", type: "string", autocomplete: "round" },
      { name: "type", description: "Program or category (latest round of it)", type: "string", choices: "round-types" },
    ],
    toParams(values, context) {
      const round = values.round === undefined ? "" : String(values.round).trim().replace(/^#/, "").toLowerCase();
      if (round !== "") {
        if (!/^\d{1,4}[ab]?$/.test(round)) return { ok: false, message: `"${round}" is not a round number (e.g. 254 or 91b).` };
        return { ok: true, params: { mode: "number", round, aspect: "all" } };
      }
      const t = typeOption(values, "type", context);
      return t.ok ? { ok: true, params: { mode: "latest", types: t.types, aspect: "all" } } : t;
    },
  },
};
