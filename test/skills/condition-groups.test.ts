import { describe, expect, it } from "vitest";
import { conditionGroups } from "../../src/skills/occupations/category.js";

describe("conditionGroups", () => {
  it("says the parts every list shares once, then each list's own parts with the lists that have them", () => {
    const groups = conditionGroups([
      { label: "STEM", conditions: "12 months in one occupation; Canadian or foreign experience" },
      { label: "trades", conditions: "12 months in one occupation; Canadian or foreign experience" },
      { label: "physicians", conditions: "12 months in one occupation; experience must be in Canada" },
    ]);
    expect(groups).toEqual([
      { labels: null, text: "12 months in one occupation" },
      { labels: ["STEM", "trades"], text: "Canadian or foreign experience" },
      { labels: ["physicians"], text: "experience must be in Canada" },
    ]);
  });

  it("names every list when they share nothing, and gives one list's conditions whole", () => {
    expect(conditionGroups([{ label: "a", conditions: "x; y" }, { label: "b", conditions: "z" }])).toEqual([{ labels: ["a"], text: "x; y" }, { labels: ["b"], text: "z" }]);
    expect(conditionGroups([{ label: "a", conditions: "x; y" }])).toEqual([{ labels: null, text: "x; y" }]);
    expect(conditionGroups([])).toEqual([]);
  });
});
