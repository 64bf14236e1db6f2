import { capital, describeRef, formatDate, plural, roundName } from "../core/format.js";
import type { Knowledge } from "../core/knowledge.js";
import { coreMessages } from "../core/messages.js";
import { makeReply } from "../core/reply.js";
import { has, type Clause } from "../nlu/question.js";
import type { AnySkill, Match, Skill, SkillContext } from "./types.js";

/** What the help skill answers. */
export interface HelpParams {
  readonly kind: "greeting" | "thanks" | "help" | "empty";
}

// A greeting or thanks is only that when little else is in the clause.
function bare(clause: Clause): boolean {
  return clause.codes.length === 0 && clause.rounds.length === 0 && clause.categories.length === 0 && clause.numbers.length === 0 && clause.text.split(" ").length <= 8;
}

function coverage(knowledge: Knowledge): string {
  const first = knowledge.firstDraw();
  const last = knowledge.latestDraw();
  const years = knowledge.listYears();
  return [
    last && first ? `I know ${plural(knowledge.draws.length, "round")} of invitations, from ${roundName(knowledge, first)} to ${roundName(knowledge, last)}` : "I know no rounds of invitations yet",
    years.length > 0 ? `the category lists of ${years[0]} to ${years.at(-1)}` : "",
    `the ${plural(knowledge.occupations.size, "occupation")} of NOC 2021`,
  ].filter(Boolean).join(", ") + ".";
}

/** Greetings, thanks and help: what the bot can answer, with examples made from the knowledge base. */
export function helpSkill(all: () => readonly AnySkill[]): Skill<HelpParams> {
  return {
    id: "help",
    summary: "what I can answer, with examples",
    requires: [],
    optional: [],
    match(clause: Clause): Match<HelpParams> | null {
      if (clause.text === "") return { score: 0.9, params: { kind: "empty" } };
      if (has(clause, "help") && !has(clause, "crsCalc")) return { score: bare(clause) ? 0.9 : 0.4, params: { kind: "help" } };
      if (has(clause, "thanks") && bare(clause)) return { score: 0.9, params: { kind: "thanks" } };
      if (has(clause, "greeting") && bare(clause) && clause.phrase.split(" ").filter(Boolean).length <= 2) return { score: 0.85, params: { kind: "greeting" } };
      return null;
    },
    answer(params, context: SkillContext) {
      const { knowledge } = context;
      const examples = all().filter((s) => s.id !== "help").flatMap((s) => s.examples(knowledge).slice(0, 2));
      if (params.kind === "thanks") return { reply: makeReply(knowledge, "help", { title: "You're welcome", text: coreMessages().thanks, suggestions: examples.slice(0, 2) }) };
      if (params.kind === "empty") return { reply: makeReply(knowledge, "help", { title: "Ask me something", text: coreMessages().empty, suggestions: examples.slice(0, 3), userError: true }) };
      const lines = all()
        .filter((s) => s.id !== "help" && s.examples(knowledge).length > 0)
        .map((s) => `${capital(s.summary)}: ${s.examples(knowledge).slice(0, 3).map((e) => `"${e}"`).join(" · ")}`);
      return {
        reply: makeReply(knowledge, "help", {
          title: params.kind === "greeting" ? "Hello" : "What I can answer",
          text: `${params.kind === "greeting" ? coreMessages().greeting : coreMessages().help} ${coverage(knowledge)} You can ask:`,
          list: params.kind === "greeting" ? examples.slice(0, 4) : lines,
          suggestions: examples.slice(0, 3),
        }),
      };
    },
    examples: () => ["help"],
  };
}

// What the bot knows and from where: every source of the knowledge base, official data first.
function allSources(knowledge: Knowledge, asked: boolean): ReturnType<typeof makeReply> {
  const sources = [...knowledge.sources.values()].sort((a, b) => (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === "official" ? -1 : b.kind === "official" ? 1 : 0));
  const lead = asked ? "" : `${coreMessages().noPreviousAnswer} `;
  return makeReply(knowledge, "sources", {
    title: "My sources",
    text: `${lead}I answer from ${plural(sources.length, "source")}: IRCC's own data (its rounds feed, category lists and CRS grid), Statistics Canada's NOC 2021, and news articles. ${coverage(knowledge)}`,
    list: sources.map((s) => `${s.title ?? s.id}${s.publisher ? ` (${s.publisher})` : ""}${s.url ? ` ${s.url}` : ""}`),
    sources: sources.map((s) => s.id),
  });
}

/** "Where does that come from": the sources of the last sourced answer, in full; with no answer yet, every source. */
export const sourcesSkill: Skill<{ general?: boolean }> = {
  id: "sources",
  summary: "the sources of my previous answer",
  requires: [],
  optional: [],
  match(clause) {
    if (!has(clause, "sources") || has(clause, "latest") || has(clause, "draw") || has(clause, "cutoff")) return null;
    const general = /\b(?:what|which|your) (?:data|sources)\b|\bwhere do you get\b/.test(clause.text);
    return clause.codes.length === 0 && clause.rounds.length === 0 && clause.text.split(" ").length <= 8 ? { score: 0.95, params: general ? { general: true } : {} } : null;
  },
  answer(params, context) {
    const { knowledge, lastSourced } = context;
    if (params.general || !lastSourced) return { reply: allSources(knowledge, params.general === true) };
    return {
      reply: {
        ...makeReply(knowledge, "sources", {
          title: "Sources",
          text: `My previous answer${lastSourced.asOf ? ` (about ${formatDate(lastSourced.asOf)})` : ""} rests on ${plural(lastSourced.sources.length, "source")}:`,
          list: lastSourced.sources.map((s) => `${describeRef(s)}${s.url ? ` ${s.url}` : ""}`),
        }),
        sources: lastSourced.sources,
      },
    };
  },
  examples: () => ["sources"],
};
