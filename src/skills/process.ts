import { cite, roundName } from "../core/format.js";
import { makeReply } from "../core/reply.js";
import { lang } from "../messages/lang.js";
import { metaMessages } from "../messages/meta.js";
import { has } from "../nlu/question.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "./types.js";

/** Which fact about how Express Entry works is asked for. */
export interface ProcessParams {
  readonly topic: "apply" | "schedule" | "round-kinds" | "programs" | "passage";
  /** The question wants a yes or a no first ("is there a fixed schedule?"). */
  readonly yesNo?: boolean;
  /** For passages: the words to look for. */
  readonly query?: string;
}

function unknown(context: SkillContext, text: string): SkillAnswer {
  return { reply: makeReply(context.knowledge, "process", { title: metaMessages().process.unknownTitle, text }) };
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
    if (has(clause, "schedule") && !has(clause, "predict") && !/\b(?:was|were|did|happened)\b/.test(clause.text)) return { score: 0.8, params: { topic: "schedule", ...(has(clause, "yesNo") ? { yesNo: true } : {}) } };
    if (has(clause, "programsQ")) return { score: 0.82, params: { topic: "programs" } };
    // "how do they rank people in the pool": how selection works is told in the articles' words.
    if (has(clause, "rankingQ")) return { score: 0.88, params: { topic: "passage", query: clause.text } };
    // "I got an ITA, what now?" is about the process even though it names an invitation.
    if (has(clause, "apply") && !has(clause, "cutoff")) return { score: /\b(?:what now|next steps?|after (?:an? |the |i (?:get|got) (?:an )?)?ita|got an ita)\b/.test(clause.text) ? 0.9 : 0.75, params: { topic: "apply" } };
    // Passages are searched only when nothing else answers (the robot's fallback): the search is the costly part.
    return null;
  },
  answer(params, context) {
    const { knowledge } = context;
    const m = metaMessages().process;
    // A round type's name in the answer's language: IRCC's French name in French.
    const named = (t: { id: string; name: string }) => (lang() === "fr" ? (knowledge.entry(t.id)?.nameFr ?? t.name) : t.name);
    switch (params.topic) {
      case "apply": {
        const f = knowledge.facts("application-process")[0];
        if (!f) return unknown(context, m.unknownApply);
        return { reply: makeReply(knowledge, "process", { title: m.applyTitle, text: m.applySteps(f.steps.length), list: f.steps.map((s, i) => m.step(i + 1, s)), asOf: f.asOf, sources: f.sources }) };
      }
      case "schedule": {
        const f = knowledge.facts("schedule")[0];
        const latest = knowledge.latestDraw();
        if (!f) return unknown(context, m.unknownSchedule);
        const text = m.schedule(f.fixed, f.quotes[0]?.text ?? "", latest ? roundName(knowledge, latest) : null, params.yesNo === true);
        return { reply: makeReply(knowledge, "process", { title: m.scheduleTitle, text, asOf: f.asOf, sources: [...f.sources, ...(latest?.sources ?? [])] }) };
      }
      case "round-kinds": {
        const kinds = knowledge.roundTypes().filter((t) => knowledge.drawsOf([t.id]).length > 0);
        const byKind = (k: string) => kinds.filter((t) => t.kind === k).map((t) => m.kindCount(named(t), knowledge.drawsOf([t.id]).length));
        const feed = knowledge.draws.flatMap((d) => d.sources).filter((s) => knowledge.sources.get(s)?.kind === "official");
        return {
          reply: makeReply(knowledge, "process", {
            title: m.kindsTitle,
            text: m.kinds,
            list: [m.allPrograms(byKind("all")), m.programRounds(byKind("program")), m.categoryRounds(byKind("category"))],
            sources: [...new Set(feed)].slice(0, 1),
          }),
        };
      }
      case "programs": {
        const programs = knowledge.roundTypes().filter((t) => t.kind === "program");
        const f = knowledge.facts("programs").sort((a, b) => b.sources.length - a.sources.length)[0];
        return {
          reply: makeReply(knowledge, "process", {
            title: m.programsTitle,
            text: m.programs(programs.length),
            list: programs.map((p) => m.program({ label: knowledge.label(p.id), name: named(p) })),
            sources: f?.sources ?? [],
          }),
        };
      }
      case "passage": {
        // The robot hands over the query in the articles' words; a query from elsewhere is put in them here.
        const hit = knowledge.search.passagesLike(knowledge.lexicon.forPassages(params.query ?? ""), 1)[0];
        if (!hit) return unknown(context, m.unknownThat);
        return { reply: makeReply(knowledge, "process", { title: m.passageTitle, text: m.passage(cite(knowledge, hit.item.source), hit.item.text), sources: [hit.item.source] }) };
      }
    }
  },
  examples: (knowledge) => [...(knowledge.facts("application-process").length > 0 ? metaMessages().process.examplesWithApply : metaMessages().process.examples)],
};
