import type { Clause } from "../nlu/question.js";
import { categorySkill } from "./occupations/category.js";
import { chartSkill } from "./chart.js";
import { crsSkill } from "./crs.js";
import { declineSkill } from "./decline.js";
import { glossarySkill } from "./glossary.js";
import { languageSkill } from "./language.js";
import { helpSkill, sourcesSkill } from "./meta.js";
import { occupationSkill } from "./occupations/occupation.js";
import { poolSkill } from "./draws/pool.js";
import { processSkill } from "./process.js";
import { roundSkill } from "./draws/round.js";
import { roundsSkill } from "./draws/rounds.js";
import { scoreCheckSkill } from "./draws/score-check.js";
import { tieBreakSkill } from "./draws/tie-break.js";
import type { AnySkill, Match, SkillContext } from "./types.js";

/** Lowest match score a skill must reach to answer; below it the bot says it cannot answer. */
export const MIN_SCORE = 0.5;

/** How much a match that borrows its subject from the conversation loses unless the clause is worded as a follow-up. */
const BORROWED_PENALTY = 0.05;

/** A skill's match for a clause, ranked. */
export interface Ranked {
  readonly skill: AnySkill;
  readonly match: Match<unknown>;
  readonly score: number;
}

/** The skills and how one is chosen for a clause: highest score, then the explicit order below. */
export class SkillRegistry {
  private readonly list: AnySkill[];

  constructor(skills: readonly AnySkill[]) {
    this.list = [...skills];
  }

  /** The registered skills, in tie-break order. */
  get skills(): readonly AnySkill[] {
    return this.list;
  }

  /** A skill by id. */
  get(id: string): AnySkill | undefined {
    return this.list.find((s) => s.id === id);
  }

  /** Every skill that fits the clause, best first; ties go to the skill registered first. */
  rank(clause: Clause, context: SkillContext, onError?: (error: unknown, skill: string) => void): Ranked[] {
    const ranked: Ranked[] = [];
    this.list.forEach((skill) => {
      let match: Match<unknown> | null = null;
      try {
        match = skill.match(clause, context);
      } catch (error) {
        onError?.(error, skill.id);
      }
      if (!match) return;
      const score = match.fromState && !clause.followUp ? match.score - BORROWED_PENALTY : match.score;
      ranked.push({ skill, match, score });
    });
    return ranked.sort((a, b) => b.score - a.score || this.list.indexOf(a.skill) - this.list.indexOf(b.skill));
  }
}

/** The registry of every skill ee-bot has, in tie-break order: the most specific first. */
export function defaultRegistry(extra: readonly AnySkill[] = []): SkillRegistry {
  let registry: SkillRegistry | undefined;
  registry = new SkillRegistry([
    languageSkill,
    sourcesSkill,
    chartSkill,
    tieBreakSkill,
    crsSkill,
    ...extra,
    scoreCheckSkill,
    poolSkill,
    occupationSkill,
    categorySkill,
    roundSkill,
    roundsSkill,
    declineSkill,
    glossarySkill,
    processSkill,
    helpSkill(() => registry?.skills ?? []),
  ]);
  return registry;
}
