import { describe, expect, it } from "vitest";
import { optionsFromText } from "../../../src/adapters/slack/commands.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import { defaultRegistry } from "../../../src/skills/registry.js";
import type { CommandSpec } from "../../../src/skills/types.js";

const knowledge = Knowledge.load();
const registry = defaultRegistry();

function spec(name: string): CommandSpec<unknown> {
  const found = registry.skills.find((s) => s.command?.name === name)?.command;
  if (!found) throw new Error(`no command ${name}`);
  return found;
}

const read = (name: string, text: string) => optionsFromText(spec(name), text, knowledge);

describe("reading a Slack /ee command's words as a skill command's options", () => {
  it("reads a round number, with or without #, and a/b rounds", () => {
    expect(read("draw", "254")).toEqual({ round: "254" });
    expect(read("draw", "#91b")).toEqual({ round: "91b" });
    expect(read("tiebreak", "round 254")).toEqual({ round: "254" });
  });

  it("reads a round type by the words people use for it", () => {
    expect(read("draw", "healthcare")).toEqual({ type: "healthcare" });
    expect(read("rounds", "cec 2025 lowest")).toEqual({ type: "cec", year: 2025, stat: "lowest" });
    expect(read("check", "480 cec")).toEqual({ score: 480, type: "cec" });
  });

  it("leaves a free-text option only the words the other options did not take", () => {
    expect(read("noc", "21231 stem")).toEqual({ occupation: "21231", category: "stem" });
    expect(read("noc", "software engineers stem 2023")).toEqual({ occupation: "software engineers", category: "stem", year: 2023 });
    expect(read("noc", "web designers")).toEqual({ occupation: "web designers" });
  });

  it("takes a number only for an option whose range holds it", () => {
    // 21231 is no year (2023 to 2100): it stays the occupation.
    expect(read("noc", "21231 2024")).toEqual({ occupation: "21231", year: 2024 });
    expect(read("rounds", "1999")).toEqual({ stat: "1999" });
  });

  it("takes name:value pairs as they are, quoted values whole", () => {
    expect(read("noc", 'occupation:"web designers" category:stem')).toEqual({ occupation: "web designers", category: "stem" });
    expect(read("draw", "round:430")).toEqual({ round: "430" });
  });
});
