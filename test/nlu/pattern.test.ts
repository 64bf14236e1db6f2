import { describe, expect, it } from "vitest";
import { alternation, escape, matchesOf } from "../../src/nlu/pattern.js";

const matches = (source: string, text: string): string[] => [...text.matchAll(new RegExp(`(?<![a-z])(?:${source})(?![a-z])`, "g"))].map((m) => m[0]);

describe("alternation", () => {
  it("takes the longest word where several begin at one place", () => {
    const source = alternation(["trades", "federal skilled trades", "federal"]);
    expect(matches(source, "federal skilled trades or trades or federal")).toEqual(["federal skilled trades", "trades", "federal"]);
  });

  it("matches what a longest-first alternation of the same words matches", () => {
    const words = ["stem", "st", "senior managers", "senior manager", "senior managers with canadian work experience", "health", "healthcare", "health care", "a.b", "(x)"];
    const flat = [...words].sort((a, b) => b.length - a.length).map(escape).join("|");
    for (const text of ["senior managers with canadian work experience", "senior manager and stem", "health care or healthcare or health", "a.b (x) axb st"]) {
      expect(matches(alternation(words), text)).toEqual(matches(flat, text));
    }
  });

  it("writes each character with the token it is given", () => {
    const source = alternation(["health care"], (ch) => (ch === " " ? "[ -]?" : escape(ch)));
    expect(matches(source, "healthcare, health-care and health care")).toEqual(["healthcare", "health-care", "health care"]);
  });

  it("escapes the characters a regular expression would read", () => {
    expect(matches(alternation(["c++", "1.5"]), "c++ 1.5 1x5")).toEqual(["c++", "1.5"]);
  });
});

describe("matchesOf", () => {
  it("finds what String.prototype.matchAll finds, empty matches included, with or without the g flag", () => {
    for (const [re, text] of [[/\d+/g, "a1 b22 c333"], [/(\w)(\d)?/, "x1 y z3"], [/a*/g, "baaac"], [/\b/g, "ab cd"]] as const) {
      const expected = [...text.matchAll(new RegExp(re.source, "g"))].map((m) => [m.index, ...m]);
      expect(matchesOf(re, text).map((m) => [m.index, ...m])).toEqual(expected);
    }
  });

  it("leaves the pattern at its start, so a caller may use it again while reading the matches", () => {
    const re = /o/g;
    const found = matchesOf(re, "foo boo").map((m) => `${m.index}:${matchesOf(re, "no").length}`);
    expect(found).toEqual(["1:1", "2:1", "5:1", "6:1"]);
    expect(re.lastIndex).toBe(0);
  });
});
