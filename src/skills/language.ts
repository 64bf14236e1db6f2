import { coreMessages } from "../core/messages.js";
import { makeReply } from "../core/reply.js";
import { inLanguage, type Lang } from "../messages/lang.js";
import { has, type Clause } from "../nlu/question.js";
import type { Match, Skill, SkillContext } from "./types.js";

/** The language the user asks to be answered in. */
export interface LanguageParams {
  readonly lang: Lang;
}

// The language a clause names, read on its words (a French clause has been rewritten: "en français" is "in francais").
function named(clause: Clause): Lang | null {
  const m = /\b(french|francais|english|anglais)\b/.exec(clause.text);
  if (!m) return null;
  return m[1] === "french" || m[1] === "francais" ? "fr" : "en";
}

/** "réponds en français", "answer in English": the conversation's language from now on, until changed again. */
export const languageSkill: Skill<LanguageParams> = {
  id: "language",
  summary: "answers in English or in French",
  requires: ["language"],
  optional: [],
  match(clause: Clause): Match<LanguageParams> | null {
    const named0 = named(clause);
    // "I don't speak French": the other language.
    const refused = /\b(?:don'?t|do not|dont|can'?t|cannot|cant|never|no)\s+(?:speak|understand|read|know|talk)\b|\bne (?:parle|comprends|lis) pas\b|\b(?:speak|understand|read) no\b/.test(clause.text);
    const target = named0 && refused ? (named0 === "fr" ? "en" : "fr") : named0;
    if (!target || !(has(clause, "languageSwitch") || refused)) return null;
    // "answer in French" is a request; "french draws in 2025" is not: the request is the whole clause.
    return clause.text.split(" ").length <= 7 && clause.codes.length + clause.rounds.length + clause.numbers.length === 0 ? { score: 0.95, params: { lang: target } } : null;
  },
  answer(params, context: SkillContext) {
    const reply = inLanguage(params.lang, () => makeReply(context.knowledge, "language", { title: "ee-bot", text: coreMessages().languageSet }));
    return { reply, slots: { langChoice: params.lang, lang: params.lang } };
  },
  examples: () => [],
};
