import { formatDate, roundName } from "../../core/format.js";
import { makeReply } from "../../core/reply.js";
import { has, type Clause } from "../../nlu/question.js";
import type { Match, Skill, SkillContext } from "../types.js";
import { tieBreakText, typeOption, typePhrase, typesIn } from "./shared.js";

/** Which round's tie-breaking rule is asked for. */
export interface TieBreakParams {
  readonly first?: boolean;
  readonly round?: string;
  readonly date?: string;
  readonly types: string[];
}

function readTieBreak(clause: Clause, context: SkillContext): Match<TieBreakParams> | null {
  if (!has(clause, "tieBreak")) return null;
  const types = typesIn(clause, context.knowledge);
  const round = clause.rounds[0];
  if (round) return { score: 0.95, params: { round, types } };
  const date = clause.dates[0]?.iso;
  if (date) return { score: 0.9, params: { date, types } };
  // "and the tie-break?" after a round: that round's.
  if (has(clause, "first")) return { score: 0.95, params: { types, first: true } };
  if (types.length === 0 && !has(clause, "latest") && context.slots.round) {
    return { score: 0.96, fromState: true, params: { round: context.slots.round, types } };
  }
  return { score: 0.9, params: { types } };
}

/** The tie-breaking rule: what it is, and the moment of any round. */
export const tieBreakSkill: Skill<TieBreakParams> = {
  id: "tie-break",
  summary: "the tie-breaking rule of a round: profiles at the cut-off submitted before that moment were invited",
  requires: [],
  optional: ["round", "date", "round type"],
  match: readTieBreak,
  answer(params, context) {
    const { knowledge } = context;
    const d = params.round
      ? knowledge.draw(params.round)
      : params.date
        ? knowledge.drawsOn(params.date)[0]
        : params.first
          ? knowledge.drawsOf(params.types)[0]
          : knowledge.drawsOf(params.types).filter((x) => x.tieBreak !== null).at(-1);
    const rule = "When several candidates have the cut-off score, IRCC invites those who submitted their profile first: the tie-breaking rule is that moment.";
    if (!d) {
      const what = params.round ? `round ${params.round}` : params.date ? `a round on ${formatDate(params.date)}` : `a ${typePhrase(knowledge, params.types)}round`;
      return { reply: makeReply(knowledge, "tie-break", { title: "Tie-breaking rule", text: `I don't know of ${what}. ${rule}`, suggestions: ["tie-break of the last draw"] }) };
    }
    const moment = tieBreakText(d.tieBreak);
    const text = moment
      ? `${moment}: in ${roundName(knowledge, d)}, candidates with the cut-off score of ${d.crs ?? "?"} were invited if they submitted their profile before then. ${rule}`
      : `IRCC published no tie-breaking rule for ${roundName(knowledge, d)}. ${rule}`;
    return {
      reply: makeReply(knowledge, "tie-break", {
        title: `Tie-breaking rule, round ${d.round}`,
        text,
        fields: moment ? [{ name: "Tie-breaking rule", value: moment }, { name: "Cut-off", value: String(d.crs ?? "?") }] : [],
        asOf: d.date,
        sources: d.provenance.tieBreak ?? d.sources,
      }),
      slots: { skill: "tie-break", round: d.round, ...(d.category ? { category: d.category } : {}) },
    };
  },
  examples(knowledge) {
    const last = knowledge.latestDraw();
    return last ? [`tie-break of round ${last.round}`] : [];
  },
  command: {
    name: "tiebreak",
    description: "The tie-breaking rule of a round",
    options: [
      { name: "round", description: "Round number (default: the latest)", type: "string", autocomplete: "round" },
      { name: "type", description: "Program or category", type: "string", choices: "round-types" },
    ],
    toParams(values, context) {
      const t = typeOption(values, "type", context);
      if (!t.ok) return t;
      const round = values.round === undefined ? undefined : String(values.round).trim().toLowerCase();
      return { ok: true, params: { types: t.types, ...(round ? { round } : {}) } };
    },
  },
};
