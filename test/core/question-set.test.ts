import { describe, expect, it } from "vitest";
import { Knowledge } from "../../src/core/knowledge.js";
import type { Lang } from "../../src/messages/lang.js";
import { readQuestionSet, runQuestionSet, type Outcome } from "./question-set.js";

// The question sets were written in users' voices before any tuning, against the shipped knowledge base as of this
// date; the held-out set is never used to choose a threshold or a cue (thresholds and cues are tuned on the tuning set).
const ASKED_ON = new Date("2026-12-01T12:00:00Z");

// The shares measured when the sets were last run; a drop below them is a regression and fails. The targets are 95%
// for the English held-out set and 90% for the French one; where a share is below its target the closing notes say so.
const FLOORS = { tuning: 0.93, "tuning-2": 0.95, "tuning-3": 0.95, "tuning-4": 0.93, "tuning-5": 0.97, "tuning-6": 0.93, "tuning-7": 0.92, "tuning-8": 0.82, "tuning-9": 0.93, "tuning-10": 0.9, "tuning-11": 0.95, "tuning-12": 0.91, "tuning-13": 0.8, "tuning-14": 0.87, "tuning-15": 0.92, "tuning-16": 0.88, "held-out": 0.89, "fr-tuning": 0.94, "fr-tuning-2": 0.99, "fr-tuning-3": 0.96, "fr-tuning-4": 0.96, "fr-tuning-5": 0.95, "fr-tuning-6": 0.85, "fr-tuning-7": 0.9, "fr-tuning-8": 0.9, "fr-tuning-9": 0.88, "fr-held-out": 0.9 } as const;
const LANGUAGES: Record<keyof typeof FLOORS, Lang> = { tuning: "en", "tuning-2": "en", "tuning-3": "en", "tuning-4": "en", "tuning-5": "en", "tuning-6": "en", "tuning-7": "en", "tuning-8": "en", "tuning-9": "en", "tuning-10": "en", "tuning-11": "en", "tuning-12": "en", "tuning-13": "en", "tuning-14": "en", "tuning-15": "en", "tuning-16": "en", "held-out": "en", "fr-tuning": "fr", "fr-tuning-2": "fr", "fr-tuning-3": "fr", "fr-tuning-4": "fr", "fr-tuning-5": "fr", "fr-tuning-6": "fr", "fr-tuning-7": "fr", "fr-tuning-8": "fr", "fr-tuning-9": "fr", "fr-held-out": "fr" };

const knowledge = Knowledge.load();

function report(name: string, outcomes: readonly Outcome[]): number {
  const right = outcomes.filter((o) => o.problems.length === 0).length;
  const share = right / outcomes.length;
  const bySkill = new Map<string, [number, number]>();
  for (const o of outcomes) {
    const v = bySkill.get(o.question.skill) ?? [0, 0];
    v[1] += 1;
    if (o.problems.length === 0) v[0] += 1;
    bySkill.set(o.question.skill, v);
  }
  const detail = [...bySkill.entries()].sort().map(([s, [a, b]]) => `${s} ${a}/${b}`).join(", ");
  const inLanguage = outcomes.filter((o) => !o.problems.some((p) => p.startsWith("answered in "))).length;
  process.stdout.write(`question set ${name}: ${right}/${outcomes.length} right (${(share * 100).toFixed(1)}%), ${inLanguage}/${outcomes.length} answered in ${LANGUAGES[name as keyof typeof FLOORS]}: ${detail}\n`);
  return share;
}

describe("the question sets on the shipped knowledge base", () => {
  for (const [name, floor] of Object.entries(FLOORS) as [keyof typeof FLOORS, number][]) {
    const kind = name.includes("held-out") ? "held-out" : "tuning";
    it(`answers the ${LANGUAGES[name] === "fr" ? "French" : "English"} ${kind} set ${name} in its language at least as well as when it was last measured`, () => {
      const share = report(name, runQuestionSet(knowledge, readQuestionSet(name), ASKED_ON, LANGUAGES[name]));
      expect(share).toBeGreaterThanOrEqual(floor);
    });
  }
});
