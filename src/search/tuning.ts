/** The thresholds of fuzzy matching, in one place so they can be measured (`npm run tune`). */
export interface SearchTuning {
  /** fuse.js score up to which a mistyped word is taken as a title word. */
  readonly wordThreshold: number;
  /** Share of a phrase's weight that a title's shared words must explain. */
  readonly minRecall: number;
  /** Worst title score taken as the occupation meant. */
  readonly occupationAccept: number;
  /** Worst fuse.js score taken as a glossary term. */
  readonly termAccept: number;
  /** Worst passage score taken as one that speaks to the question: the weighted share of its words a passage lacks (fuse.js's token score when no passage shares two words). */
  readonly passageAccept: number;
}

/**
 * Chosen by measurement with `npm run tune` on the question set (test/core/questions.ts) and the benchmark
 * corpus: for each threshold, the strictest value that keeps the question set at 100% (every decline declined)
 * and the corpus accuracy within half a point of the best one. Strict wins near-ties: a wrong occupation named
 * with confidence is worse than a miss that lists close matches.
 */
export const DEFAULT_TUNING: SearchTuning = {
  wordThreshold: 0.34,
  minRecall: 0.7,
  occupationAccept: 0.25,
  termAccept: 0.15,
  passageAccept: 0.3,
};
