import { cpSync, readFileSync } from "node:fs";
import { Knowledge } from "../../src/core/knowledge.js";
import { loadVocabulary } from "../../src/kb/vocabulary.js";
import { NocReferenceSchema } from "../../src/kb/schema.js";
import { Robot } from "../../src/skills/robot.js";
import { buildFrom, knowledgeWith } from "./kb.js";

const FEED = new URL("../fixtures/kb-small/ee_rounds_123_en.json", import.meta.url).pathname;

let cached: Knowledge | undefined;

/** The small knowledge base of test/fixtures/kb-small: ten made-up rounds, the shipped lists, grid and NOC, no articles. */
export function smallKnowledge(): Knowledge {
  if (cached) return cached;
  const paths = knowledgeWith([], { seeds: false });
  cpSync(FEED, paths.feed);
  const kb = buildFrom(paths);
  const noc = NocReferenceSchema.parse(JSON.parse(readFileSync(paths.noc, "utf8")));
  cached = new Knowledge(kb, noc, loadVocabulary(paths.vocabulary));
  return cached;
}

/** Today, for every behaviour test: fixed, so "this year" and "the last 6 months" mean the same on every run. */
export const TODAY = new Date("2026-04-01T12:00:00Z");

/** A robot over the small knowledge base, with a fixed today. */
export function smallRobot(): Robot {
  const knowledge = smallKnowledge();
  return new Robot(() => knowledge, { now: () => TODAY });
}

/** Asks one question in a conversation and returns the reply's text (and the skills that answered). */
export function asker(robot: Robot = smallRobot(), conversation = "c1") {
  return (text: string) => {
    const { reply, understood } = robot.handleWithUnderstanding({ text, user: "u", conversation, platform: "cli" });
    return { text: reply.text, reply, skills: understood.map((u) => u.skill) };
  };
}
