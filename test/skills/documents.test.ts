import { cpSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Knowledge } from "../../src/core/knowledge.js";
import { NocReferenceSchema } from "../../src/kb/schema.js";
import { loadVocabulary } from "../../src/kb/vocabulary.js";
import { inLanguage } from "../../src/messages/lang.js";
import { metaMessages } from "../../src/messages/meta.js";
import { Robot } from "../../src/skills/robot.js";
import { buildFrom, knowledgeWith } from "../helpers/kb.js";
import { asker, smallRobot, TODAY } from "../helpers/small-kb.js";

// A made-up article that tells the two steps of applying and each step's documents.
function robotWithSteps(): Robot {
  const paths = knowledgeWith(["906_two_steps_documents.txt"], { seeds: false });
  cpSync(new URL("../fixtures/kb-small/ee_rounds_123_en.json", import.meta.url).pathname, paths.feed);
  const noc = NocReferenceSchema.parse(JSON.parse(readFileSync(paths.noc, "utf8")));
  const knowledge = new Knowledge(buildFrom(paths), noc, loadVocabulary(paths.vocabulary));
  return new Robot(() => knowledge, { now: () => TODAY });
}

describe("documents of applying, from the steps an article tells", () => {
  const robot = robotWithSteps();
  const step = (s: "profile" | "application") => metaMessages().process.documentsStep(s);

  it("says Yes and the step a document belongs to, quoting the sentence that lists it", () => {
    const r = asker(robot)("after the invite do they want a police certificate");
    expect(r.skills).toEqual(["process"]);
    expect(r.text).toMatch(new RegExp(`^Yes, ${step("application")}: .*"The complete application should include supporting documents such as employer reference letters, police certificates and a medical exam result\\."$`));
    expect(r.reply.sources.map((s) => s.id)).toEqual(["906_two_steps_documents.txt"]);
    expect(asker(robot)("do i need a passport").text).toMatch(new RegExp(`^Yes, ${step("profile")}: `));
  });

  it("says No when a document is asked for the other step, and which step it is listed for", () => {
    const r = asker(robot)("do i need a medical exam for the profile");
    expect(r.text).toMatch(new RegExp(`^No, not ${step("profile")}, as .* it lists it ${step("application")}: `));
  });

  it("answers 'before or after the invitation' with the step, and lists each step's documents when asked which", () => {
    expect(asker(robot)("reference letters, before or after the invitation?").text).toMatch(/^For the complete application, after an invitation: /);
    const which = asker(robot)("what documents do i need");
    expect(which.reply.list).toHaveLength(2);
    expect(which.reply.list[0]).toMatch(/^For the profile, the first step: "Required documents usually consist of/);
    expect(asker(robot)("what docs do i need for the profile part").text).toMatch(/^For the profile, the first step: "?.*Required documents usually consist of/);
  });

  it("gives no Yes for a condition the article does not speak to, and answers in French", () => {
    const r = asker(robot)("is the police certificate mandatory even if i lived 1 year in a country");
    expect(r.text).toMatch(/^My sources don't say whether that condition changes it\./);
    const fr = asker(robot)("faut tu passer un examen medical pour la RP entree express?");
    expect(fr.reply.lang).toBe("fr");
    expect(fr.text).toMatch(new RegExp(`^Oui, ${inLanguage("fr", () => step("application"))} : `));
  });

  it("takes 'need X?', 'X too?' after a documents answer, and a document said in other words than the article's", () => {
    expect(asker(robot)("need passport for the profile?").text).toMatch(/^Yes, for the profile, the first step: /);
    const ask = asker(robot);
    ask("do i need a police certificate");
    expect(ask("medical exam too?").text).toMatch(/^Yes, for the complete application, after an invitation: /);
    expect(asker(robot)("do i have to get my degree evaluated before the profile").text).toMatch(/^Yes, for the profile, the first step: .*educational credential assessment/);
  });

  it("leaves a document no step names to the other skills, and has no documents to give without the steps", () => {
    expect(asker(robot)("do i need a job offer").skills).not.toContain("process");
    expect(asker(smallRobot())("do i need a police certificate").skills).not.toContain("process");
  });
});
