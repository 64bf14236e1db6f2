import { formatDate, describeRef, joinAnd, plural, roundName } from "../format.js";
import { EXAMPLES, MESSAGES, helpExamples } from "../messages.js";
import { makeReply, type AnswerInput } from "../reply.js";
import type { Reply } from "../types.js";

function coverageLine(input: AnswerInput): string {
  const { knowledge } = input;
  const latest = knowledge.latestDraw();
  const articles = [...knowledge.sources.values()].filter((s) => s.id.endsWith(".txt")).length;
  return latest
    ? `My knowledge base holds ${plural(articles, "article")}; the latest draw in it is ${roundName(latest)}.`
    : `My knowledge base holds ${plural(articles, "article")} and no draws.`;
}

/** Answers a greeting. */
export function answerGreeting(input: AnswerInput): Reply {
  return makeReply(input.knowledge, "greeting", {
    title: "Hello",
    text: `${MESSAGES.greeting} ${coverageLine(input)} Try one of these:`,
    list: helpExamples().slice(0, 4),
    suggestions: ["help"],
  });
}

/** Answers "help": what the bot can answer, with examples. */
export function answerHelp(input: AnswerInput): Reply {
  return makeReply(input.knowledge, "help", {
    title: "What I can answer",
    text: `${MESSAGES.help} ${coverageLine(input)} You can ask, for example:`,
    list: [
      `Occupations: ${EXAMPLES.occupation.join(" · ")}`,
      `Category lists: ${EXAMPLES.lists.join(" · ")}`,
      `Draws: ${EXAMPLES.draws.join(" · ")}`,
      `Your score: ${EXAMPLES.score.join(" · ")}`,
      `Rules: ${EXAMPLES.rules.join(" · ")}`,
      `Terms: ${EXAMPLES.glossary.join(" · ")}`,
      `After any answer: ${EXAMPLES.meta.join(" · ")}`,
    ],
    suggestions: helpExamples().slice(0, 3),
  });
}

/** Answers an empty message. */
export function answerEmpty(input: AnswerInput): Reply {
  return makeReply(input.knowledge, "help", { title: "Ask me something", text: MESSAGES.empty, suggestions: helpExamples().slice(0, 3), userError: true });
}

/** Answers thanks. */
export function answerThanks(input: AnswerInput): Reply {
  return makeReply(input.knowledge, "thanks", { title: "You're welcome", text: MESSAGES.thanks, suggestions: helpExamples().slice(0, 2) });
}

/** Answers "where does this come from": the sources of the previous answer. */
export function answerSources(input: AnswerInput): Reply {
  const { knowledge, previous } = input;
  if (!previous) return makeReply(knowledge, "sources", { title: "Sources", text: MESSAGES.noPreviousAnswer, suggestions: helpExamples().slice(0, 2) });
  if (previous.sources.length === 0) {
    return makeReply(knowledge, "sources", { title: "Sources", text: MESSAGES.previousAnswerNoSources });
  }
  return makeReply(knowledge, "sources", {
    title: "Sources",
    text: `My previous answer${previous.asOf ? ` (about ${formatDate(previous.asOf)})` : ""} rests on ${plural(previous.sources.length, "source")}:`,
    list: previous.sources.map(describeRef),
    sources: previous.sources.map((s) => s.id),
  });
}

// Suggestions for a question the bot cannot answer: examples sharing a word with it, else a default few.
function closeExamples(text: string): string[] {
  const words = new Set(text.split(/[^a-z0-9]+/).filter((w) => w.length > 3));
  const all = Object.values(EXAMPLES).flat();
  const scored = all
    .map((q) => ({ q, score: q.toLowerCase().split(/[^a-z0-9]+/).filter((w) => words.has(w)).length }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  const picked = scored.map((x) => x.q).slice(0, 3);
  return picked.length > 0 ? picked : helpExamples().slice(0, 3);
}

/** Answers what nothing else can: says so plainly and suggests questions it can answer. */
export function answerFallback(input: AnswerInput): Reply {
  const suggestions = closeExamples(input.entities.text);
  return makeReply(input.knowledge, "fallback", {
    title: "I can't answer that",
    text: `${MESSAGES.fallback} I answer questions about Express Entry draws, cut-offs, occupations and categories from the articles I have. You could ask: ${joinAnd(suggestions.map((s) => `"${s}"`))}.`,
    suggestions,
  });
}
