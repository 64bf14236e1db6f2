import type { Knowledge } from "../core/knowledge.js";
import { lang } from "../messages/lang.js";
import type { AnySkill } from "./types.js";

// A skill's examples depend only on the knowledge base and the language; they are made once for each and shared by
// the help, thanks and fallback replies.
const made = new WeakMap<Knowledge, Map<string, readonly string[]>>();

/** A skill's example questions for a knowledge base in the language being written in, made once. */
export function examplesOf(skill: AnySkill, knowledge: Knowledge): readonly string[] {
  let byKey = made.get(knowledge);
  if (!byKey) made.set(knowledge, (byKey = new Map()));
  const key = `${lang()} ${skill.id}`;
  let examples = byKey.get(key);
  if (!examples) {
    examples = skill.examples(knowledge);
    byKey.set(key, examples);
  }
  return examples;
}
