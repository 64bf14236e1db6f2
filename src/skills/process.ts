import { cite, joinAnd, plural, roundName } from "../core/format.js";
import { makeReply } from "../core/reply.js";
import { has } from "../nlu/question.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "./types.js";

/** Which fact about how Express Entry works is asked for. */
export interface ProcessParams {
  readonly topic: "apply" | "schedule" | "round-kinds" | "programs" | "passage";
  /** For passages: the words to look for. */
  readonly query?: string;
}

function unknown(context: SkillContext, what: string): SkillAnswer {
  return { reply: makeReply(context.knowledge, "process", { title: "Not in my sources", text: `I don't know ${what}: none of my sources states it.` }) };
}

/** How Express Entry works, as the articles state it: applying, the schedule, kinds of rounds, programs; else the closest passage. */
export const processSkill: Skill<ProcessParams> = {
  id: "process",
  summary: "how Express Entry works, as my articles state it: applying, the schedule, kinds of rounds, programs",
  requires: [],
  optional: [],
  match(clause): Match<ProcessParams> | null {
    if (clause.codes.length > 0 || clause.rounds.length > 0) return null;
    if (has(clause, "roundKinds")) return { score: 0.85, params: { topic: "round-kinds" } };
    if (has(clause, "schedule") && !has(clause, "predict")) return { score: 0.8, params: { topic: "schedule" } };
    if (has(clause, "programsQ")) return { score: 0.8, params: { topic: "programs" } };
    // "I got an ITA, what now?" is about the process even though it names an invitation.
    if (has(clause, "apply") && !has(clause, "cutoff")) return { score: /\b(?:what now|next steps?|after (?:an? |the |i (?:get|got) (?:an )?)?ita|got an ita)\b/.test(clause.text) ? 0.9 : 0.75, params: { topic: "apply" } };
    // Passages are searched only when nothing else answers (the robot's fallback): the search is the costly part.
    return null;
  },
  answer(params, context) {
    const { knowledge } = context;
    switch (params.topic) {
      case "apply": {
        const f = knowledge.facts("application-process")[0];
        if (!f) return unknown(context, "how to apply");
        return { reply: makeReply(knowledge, "process", { title: "How to apply", text: `Applying through Express Entry takes ${plural(f.steps.length, "step")}:`, list: f.steps.map((s, i) => `Step ${i + 1}: ${s}`), asOf: f.asOf, sources: f.sources }) };
      }
      case "schedule": {
        const f = knowledge.facts("schedule")[0];
        const latest = knowledge.latestDraw();
        if (!f) return unknown(context, "the draw schedule");
        const text = `${f.fixed ? "Yes" : "No"}: ${f.quotes[0]?.text ?? ""} ${latest ? `The latest round I know of is ${roundName(knowledge, latest)}.` : ""}`.trim();
        return { reply: makeReply(knowledge, "process", { title: "Draw schedule", text, asOf: f.asOf, sources: [...f.sources, ...(latest?.sources ?? [])] }) };
      }
      case "round-kinds": {
        const kinds = knowledge.roundTypes().filter((t) => knowledge.drawsOf([t.id]).length > 0);
        const byKind = (k: string) => kinds.filter((t) => t.kind === k).map((t) => `${t.name} (${plural(knowledge.drawsOf([t.id]).length, "round")})`);
        const feed = knowledge.draws.flatMap((d) => d.sources).filter((s) => knowledge.sources.get(s)?.kind === "official");
        return {
          reply: makeReply(knowledge, "process", {
            title: "Kinds of rounds",
            text: "Rounds of invitations are of three kinds: all-program rounds, open to every program; program rounds, for one program; and category rounds, for candidates in a category (occupations or French).",
            list: [`All programs: ${joinAnd(byKind("all"))}`, `Programs: ${joinAnd(byKind("program"))}`, `Categories: ${joinAnd(byKind("category"))}`],
            sources: [...new Set(feed)].slice(0, 1),
          }),
        };
      }
      case "programs": {
        const programs = knowledge.roundTypes().filter((t) => t.kind === "program");
        const f = knowledge.facts("programs").sort((a, b) => b.sources.length - a.sources.length)[0];
        return {
          reply: makeReply(knowledge, "process", {
            title: "Express Entry programs",
            text: `Express Entry manages ${plural(programs.length, "program")}; a candidate must be eligible for one of them:`,
            list: programs.map((p) => `${p.name} (${p.label})`),
            sources: f?.sources ?? [],
          }),
        };
      }
      case "passage": {
        const hit = knowledge.search.passagesLike(params.query ?? "", 1)[0];
        if (!hit) return unknown(context, "that");
        return { reply: makeReply(knowledge, "process", { title: "From the articles", text: `I have no direct answer to that, but ${cite(knowledge, hit.item.source)} says: "${hit.item.text}"`, sources: [hit.item.source] }) };
      }
    }
  },
  examples: (knowledge) => (knowledge.facts("application-process").length > 0 ? ["how do I apply?", "what kinds of rounds are there?"] : ["what kinds of rounds are there?"]),
};
