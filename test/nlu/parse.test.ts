import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/kb/vocabulary.js";
import { Lexicon } from "../../src/nlu/lexicon.js";
import { parse, splitClauses } from "../../src/nlu/parse.js";
import type { Clause } from "../../src/nlu/question.js";

const lexicon = new Lexicon(loadVocabulary());
const NOW = new Date(2026, 11, 1, 12);
const one = (text: string): Clause => {
  const q = parse(text, lexicon, { now: NOW });
  expect(q.clauses).toHaveLength(1);
  return q.clauses[0] as Clause;
};
const kinds = (c: Clause) => c.numbers.map((n) => `${n.kind}:${n.value}`);

describe("the parser", () => {
  it("reads NOC codes, round numbers with a letter, and ranges of rounds", () => {
    expect(one("can you help me check if 21231 is stem").codes).toEqual(["21231"]);
    expect(one("draw 91b").rounds).toEqual(["91b"]);
    expect(one("what happened in round #254").rounds).toEqual(["254"]);
    expect(one("How many ITAs were issued across rounds 252 to 254 combined?").roundRange).toEqual({ from: "252", to: "254" });
  });

  it("keeps the year of a month and reads periods relative to today", () => {
    expect(one("what was the last draw in March 2025").period).toMatchObject({ from: "2025-03-01", to: "2025-03-31", kind: "month" });
    expect(one("what is the CRS cut off for 2025").period).toMatchObject({ from: "2025-01-01", to: "2025-12-31", kind: "year" });
    expect(one("cec draws in the last 3 months").period).toMatchObject({ from: "2026-09-01", to: "2026-12-01", kind: "relative" });
    expect(one("how many draws this year").period).toMatchObject({ from: "2026-01-01", kind: "year" });
    expect(one("pnp draws since round 400").period).toMatchObject({ kind: "since-round", sinceRound: "400" });
    expect(one("draws last month").period).toMatchObject({ from: "2026-11-01", to: "2026-11-30" });
    // The year before the month when a round is named right after ("in 2025 may draw"); "2025 may be" is no month.
    expect(one("in 2025 may draw i would be invited?").period).toMatchObject({ from: "2025-05-01", to: "2025-05-31", kind: "month" });
    expect(one("cec in 2025 may be lower").period).toMatchObject({ kind: "year", from: "2025-01-01" });
  });

  it("reads a numeric date month first and keeps the other reading when both are dates", () => {
    expect(one("3/5/2025 draw").dates).toEqual([{ iso: "2025-03-05", text: "3/5/2025", alternative: "2025-05-03" }]);
    expect(one("25/5/2025 draw").dates).toEqual([{ iso: "2025-05-25", text: "25/5/2025" }]);
    expect(one("the draw on July 5, 2023").dates[0]?.iso).toBe("2023-07-05");
  });

  it("reads what a number measures from the words around it", () => {
    expect(kinds(one("how many CRS points do I get at age 31"))).toEqual(["age:31"]);
    expect(kinds(one("I have 480 points, would I have been invited?"))).toEqual(["crs:480"]);
    expect(kinds(one("my score was 545"))).toEqual(["crs:545"]);
    expect(kinds(one("CLB 9 in all"))).toEqual(["clb:9"]);
    expect(kinds(one("ielts 8 7 7 7"))).toEqual(["ielts:8", "ielts:7", "ielts:7", "ielts:7"]);
    expect(kinds(one("do I meet 67 points on the fsw grid"))).toEqual(["fsw-points:67"]);
    expect(kinds(one("I work 40 hours a week"))).toEqual(["hours:40"]);
    expect(kinds(one("3 years abroad"))).toEqual(["years:3"]);
  });

  it("finds round types by the words people use, with typos", () => {
    expect(one("latest helthcare cutoff").categories).toEqual(["healthcare"]);
    expect(one("what's the difference between CEC and FSW").categories).toEqual(["cec", "fsw"]);
    expect(one("last federal skilled trades draw").categories).toEqual(["fst"]);
    expect(one("caf recruits draw").categories).toEqual(["military"]);
    expect(one("is it in stem").categories).toEqual(["stem"]);
  });

  it("splits a message into its questions, but not a range or a pair of names", () => {
    expect(splitClauses("last cec draw? and how many were invited")).toEqual(["last cec draw", "and how many were invited"]);
    expect(splitClauses("what was the last cut-off and how many were invited")).toEqual(["what was the last cut-off", "how many were invited"]);
    expect(splitClauses("is 21231 stem\nwhat about 21232")).toEqual(["is 21231 stem", "what about 21232"]);
    expect(splitClauses("how many people between 451 and 470")).toEqual(["how many people between 451 and 470"]);
    expect(splitClauses("difference between cec and fsw")).toEqual(["difference between cec and fsw"]);
  });

  it("keeps a profile told across lines as one question", () => {
    const q = parse("44 with PhD, CLB 9, 5 yrs canadian; spouse coming, PhD, CLB 10, 5 yrs canadian", lexicon, { now: NOW });
    expect(q.clauses).toHaveLength(1);
    expect(q.clauses[0]?.profile.profile).toMatchObject({ age: 44, education: "doctoral", spouseAccompanying: true, spouse: { education: "doctoral" } });
  });

  it("reads a CRS profile: age, partner, education, test scores in report order, work abroad and in Canada", () => {
    const c = one("I'm 29, master's, IELTS 8 7 7 7, 3 years abroad and 1 in Canada, single — what's my CRS?");
    expect(c.profile.profile).toEqual({
      age: 29,
      maritalStatus: "single",
      education: "masters_or_professional",
      firstLanguage: { test: "ielts", scores: { listening: 8, reading: 7, writing: 7, speaking: 7 } },
      canadianExperienceYears: 1,
      foreignExperienceYears: 3,
    });
    expect(c.profile.readings).toEqual(["IELTS 8 7 7 7 read as listening, reading, writing, speaking"]);
  });

  it("marks follow-ups and strips platform markup", () => {
    expect(one("and 63100?").followUp).toBe(true);
    expect(one("<@U123|ee-bot> latest draw <!channel>").text).toBe("latest draw");
  });

  it("cuts a message to the input limit and says so", () => {
    const q = parse("a".repeat(5000), lexicon, { now: NOW, maxInput: 2000 });
    expect(q.truncated).toBe(true);
    expect(q.text.length).toBeLessThanOrEqual(2000);
  });
});
