import { readFileSync } from "node:fs";
import * as z from "zod";
import type { Knowledge } from "../../src/core/knowledge.js";
import { renderPlain } from "../../src/core/format.js";
import type { Lang } from "../../src/messages/lang.js";
import { Robot } from "../../src/skills/robot.js";

/** One question of a question set, as written in users' voices with what a right answer holds. */
export const SetQuestionSchema = z.object({
  id: z.string(),
  q: z.string(),
  skill: z.string(),
  contains: z.array(z.string()).default([]),
  excludes: z.array(z.string()).default([]),
  first: z.enum(["Yes", "No", "Oui", "Non"]).optional(),
  asks: z.boolean().optional(),
  thread: z.string().optional(),
  note: z.string().optional(),
});
/** A question of a set. */
export type SetQuestion = z.infer<typeof SetQuestionSchema>;

/** Reads a JSON Lines question set from test/fixtures/questions. */
export function readQuestionSet(name: string): SetQuestion[] {
  const text = readFileSync(new URL(`../fixtures/questions/${name}.jsonl`, import.meta.url), "utf8");
  return text.split("\n").filter((l) => l.trim() !== "").map((l) => SetQuestionSchema.parse(JSON.parse(l)));
}

// The set's names for kinds of answers, and the skills that give them. A category's kind covers its rounds and
// whether an occupation is on its list (the brief the sets are written from says so), and an occupation's kind its
// categories: those answers come from the round, rounds, occupation and category skills.
const SKILLS: Readonly<Record<string, readonly string[]>> = {
  draw: ["round", "rounds"],
  decline: ["decline", "fallback"],
  category: ["category", "occupation", "round", "rounds"],
  occupation: ["occupation", "category"],
};

/** The outcome of one question. */
export interface Outcome {
  readonly question: SetQuestion;
  readonly skills: readonly string[];
  readonly text: string;
  readonly problems: readonly string[];
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ");

/** Runs a question set through a robot, threads in one conversation each, and checks every answer, written in the set's language. */
export function runQuestionSet(knowledge: Knowledge, questions: readonly SetQuestion[], now: Date, lang: Lang = "en"): Outcome[] {
  const robot = new Robot(() => knowledge, { now: () => now });
  return questions.map((question) => {
    const conversation = question.thread ?? `solo-${question.id}`;
    const { reply, understood } = robot.handleWithUnderstanding({ text: question.q, user: "u", conversation, platform: "cli" });
    const text = renderPlain(reply);
    const problems: string[] = [];
    if (reply.lang !== lang) problems.push(`answered in ${reply.lang} (expected ${lang})`);
    const expected = SKILLS[question.skill] ?? [question.skill];
    const skills = understood.map((u) => u.skill);
    if (!skills.some((s) => expected.includes(s))) problems.push(`skill ${skills.join("+")} (expected ${question.skill})`);
    for (const c of question.contains) if (!norm(text).includes(norm(c))) problems.push(`missing "${c}"`);
    for (const c of question.excludes) if (norm(text).includes(norm(c))) problems.push(`holds "${c}"`);
    if (question.first && !reply.text.trimStart().startsWith(question.first) && !/^\d+\. /.test(reply.text)) problems.push(`does not start with ${question.first}`);
    if (question.asks && !/\?\s*$/.test(reply.text.split("\n")[0] ?? "") && !/\?/.test(reply.text)) problems.push("does not ask back");
    return { question, skills, text, problems };
  });
}
