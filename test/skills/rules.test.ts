import { cpSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Knowledge } from "../../src/core/knowledge.js";
import { NocReferenceSchema } from "../../src/kb/schema.js";
import { loadVocabulary } from "../../src/kb/vocabulary.js";
import { metaMessages } from "../../src/messages/meta.js";
import { Robot } from "../../src/skills/robot.js";
import { buildFrom, knowledgeWith } from "../helpers/kb.js";
import { asker, TODAY } from "../helpers/small-kb.js";

// A made-up article stating three rules of selection: category rounds rank by CRS, need one of the three programs,
// and likely have lower cut-offs.
function robotWithRules(): { robot: Robot; knowledge: Knowledge } {
  const paths = knowledgeWith(["907_selection_rules.txt"], { seeds: false });
  cpSync(new URL("../fixtures/kb-small/ee_rounds_123_en.json", import.meta.url).pathname, paths.feed);
  const noc = NocReferenceSchema.parse(JSON.parse(readFileSync(paths.noc, "utf8")));
  const knowledge = new Knowledge(buildFrom(paths), noc, loadVocabulary(paths.vocabulary));
  return { robot: new Robot(() => knowledge, { now: () => TODAY }), knowledge };
}

describe("rules of selection, from the sentences an article states them in", () => {
  const { robot, knowledge } = robotWithRules();
  const ask = asker(robot);
  const ranked = "candidates will still be ranked based on their Comprehensive Ranking System (CRS) score.";

  it("reads each rule's sentence into a fact, marking the hedged one", () => {
    const rules = knowledge.facts("rule").map((f) => [f.topic, f.hedged]).sort();
    expect(rules).toEqual([["category-cutoff-lower", true], ["category-needs-program", false], ["category-ranked-by-crs", false], ["ranked-by-crs", false]]);
  });

  it("answers Yes when the question proposes the rule, quoting its sentence and source", () => {
    const r = ask("in category draws are ppl still ranked by crs");
    expect(r.skills).toEqual(["process"]);
    expect(r.text).toMatch(/^Yes\. /);
    expect(r.text).toContain(ranked);
    expect(r.reply.sources.map((s) => s.id)).toEqual(["907_selection_rules.txt"]);
    expect(r.reply.title).toBe(metaMessages().process.ruleTitle);
  });

  it("answers No when the question proposes the rule's opposite, or turns it around", () => {
    expect(ask("is it first come first serve in category draws").text).toMatch(/^No\. /);
    expect(ask("so category draws dont care about CRS anymore?").text).toMatch(/^No\. /);
    expect(ask("can i be in a category draw if im not eligible for fsw, cec or fst").text).toMatch(/^No\. .*one of the three programs/);
    expect(ask("do i need to qualify for fsw cec or fst to be in a category draw").text).toMatch(/^Yes\. /);
  });

  it("leads with neither when the question is not yes/no, offers another alternative, or the sentence only says likely", () => {
    expect(ask("how are people ranked in category draws, by crs?").text).not.toMatch(/^(?:Yes|No)\b/);
    expect(ask("is it by crs or by job offer in category draws").text).not.toMatch(/^(?:Yes|No)\b/);
    const lower = ask("are category draw cutoffs lower than all-program ones?");
    expect(lower.skills).toEqual(["process"]);
    expect(lower.text).not.toMatch(/^(?:Yes|No)\b/);
    expect(lower.text).toContain("will likely be lower");
  });

  it("does not take a program question that names no category for a category rule", () => {
    expect(ask("do i need to qualify for fsw").skills).not.toEqual(["process"]);
  });

  it("answers a rule asked in French in French", () => {
    const r = ask("dans les tirages par catégorie, est-ce qu'on est encore classé selon le SCG?");
    expect(r.reply.lang).toBe("fr");
    expect(r.text).toMatch(/^Oui\. /);
    expect(r.text).toContain(ranked);
  });
});
