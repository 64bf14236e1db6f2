import { describe, expect, it } from "vitest";
import { Knowledge } from "../../src/core/knowledge.js";
import { readQuestionSet, runQuestionSet, type Outcome } from "./question-set.js";

// The question sets were written in users' voices before any tuning, against the shipped knowledge base as of this
// date; the held-out set is never used to choose a threshold or a cue (thresholds and cues are tuned on the tuning set).
const ASKED_ON = new Date("2026-12-01T12:00:00Z");

// The shares measured when the sets were last run; a drop below them is a regression and fails. The target for the
// held-out share is 95%: it is not reached yet, and the closing notes say so.
const TUNING_FLOOR = 0.9;
const HELD_OUT_FLOOR = 0.785;

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
  process.stdout.write(`question set ${name}: ${right}/${outcomes.length} right (${(share * 100).toFixed(1)}%): ${detail}\n`);
  return share;
}

describe("the question sets on the shipped knowledge base", () => {
  it("answers the tuning set at least as well as when it was last measured", () => {
    const share = report("tuning", runQuestionSet(knowledge, readQuestionSet("tuning"), ASKED_ON));
    expect(share).toBeGreaterThanOrEqual(TUNING_FLOOR);
  });

  it("answers the second tuning set at least as well as when it was last measured", () => {
    const share = report("tuning-2", runQuestionSet(knowledge, readQuestionSet("tuning-2"), ASKED_ON));
    expect(share).toBeGreaterThanOrEqual(TUNING_FLOOR);
  });

  it("answers the held-out set at least as well as when it was last measured", () => {
    const share = report("held-out", runQuestionSet(knowledge, readQuestionSet("held-out"), ASKED_ON));
    expect(share).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  });
});
