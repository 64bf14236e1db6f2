import type { RoundId } from "../schema.js";

/** The sort key of a round id: 254 is 254, 91a is 91.1, 91b is 91.2. */
export function roundOrder(round: RoundId): number {
  const m = /^(\d+)([a-z]?)$/.exec(round);
  if (!m?.[1]) return Number.NaN;
  const letter = m[2] ? m[2].charCodeAt(0) - "a".charCodeAt(0) + 1 : 0;
  return Number(m[1]) + letter / 10;
}

/** Compares two round ids in round order. */
export function compareRounds(a: RoundId, b: RoundId): number {
  return roundOrder(a) - roundOrder(b);
}
