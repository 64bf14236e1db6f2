import { occupationExample } from "../../src/skills/occupations/examples.js";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Knowledge } from "../../src/core/knowledge.js";
import { isEeBotError, ErrorCode } from "../../src/errors.js";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import { inLanguage } from "../../src/messages/lang.js";
import { OCCUPATIONS_MESSAGES } from "../../src/messages/occupations.js";
import { Robot } from "../../src/skills/robot.js";
import { categorySkill } from "../../src/skills/occupations/category.js";
import { occupationSkill } from "../../src/skills/occupations/occupation.js";
import type { CommandSpec, SkillContext } from "../../src/skills/types.js";
import { asker, smallKnowledge, TODAY } from "../helpers/small-kb.js";

// The lists and NOC are the shipped ones; French texts are built from the catalog, in French, and French titles are
// read from the official CNP 2021 file itself.
const FR = OCCUPATIONS_MESSAGES.fr;
const EN = OCCUPATIONS_MESSAGES.en;
const k = smallKnowledge();
const fr = <T>(fn: () => T): T => inLanguage("fr", fn);
const cnp = new Map(
  (JSON.parse(readFileSync(DEFAULT_PATHS.nocFr, "utf8")) as { unitGroups: { code: string; title: string }[] }).unitGroups.map((u) => [u.code, u.title]),
);
const titleFr = (code: string): string => cnp.get(code) ?? "";

describe("the occupation and category skills in French", () => {
  it("reads an engineering discipline said in French, and an occupation's code and FEER asked with the word FEER", () => {
    const ask = asker();
    expect(ask("ingenieur mecanique c tu dans stim").text).toMatch(/^Oui\. 21301 Ingénieurs mécaniciens\/ingénieures mécaniciennes \(FEER 1\)/);
    expect(asker()("Quel est le code CNP des éducatrices de la petite enfance, et leur catégorie FEER ?").skills).toEqual(["occupation"]);
  });

  it("answers a membership question in French with the official French title and FEER, and the same question in English as before", () => {
    const r = asker()("est-ce que 21231 est dans la catégorie STIM ?");
    expect(r.skills).toEqual(["occupation"]);
    expect(r.reply.lang).toBe("fr");
    const named = FR.named("21231", titleFr("21231"), 1);
    expect(named).toBe("21231 Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel (FEER 1)");
    expect(r.text.startsWith(`${FR.no}. ${fr(() => FR.onList(named, false, "STIM", { year: 2025, effective: "2025-02-27" }, { year: 2025, effective: "2025-02-27" }))}`)).toBe(true);
    expect(r.text).toContain(fr(() => FR.wasOnLists(false, [2023, 2024])));
    expect(r.reply.title).toBe(FR.nocTitle("21231"));
    expect(r.reply.fields).toEqual([
      { name: FR.fieldNoc, value: "21231" },
      { name: FR.fieldTitle, value: titleFr("21231") },
      { name: FR.fieldTeer, value: "1" },
    ]);
    const en = asker()("is 21231 STEM?");
    expect(en.reply.lang).toBe("en");
    expect(en.text).toMatch(/^No\. 21231 Software engineers and designers \(TEER 1\) is not on the STEM list IRCC has used since February 27, 2025\. It was on the 2023 and 2024 lists\./);
    expect(en.reply.fields.map((f) => f.name)).toEqual([EN.fieldNoc, EN.fieldTitle, EN.fieldTeer]);
  });

  it("finds occupations by French titles typed without accents, with typos or by a common name", () => {
    const cases: [string, string][] = [
      ["ingenieur logiciel cnp", "21231"],
      ["infirmiere auxiliaire cnp", "32101"],
      ["infirmière auxilaire, c'est quel code ?", "32101"],
      ["camionneur", "73300"],
      ["travailleuse sociale dans la catégorie santé ?", "41300"],
      ["ebeniste c dans la categorie metiers ?", "72311"],
    ];
    for (const [question, code] of cases) {
      const r = asker()(question);
      expect(r.skills, question).toEqual(["occupation"]);
      expect(r.reply.lang, question).toBe("fr");
      expect(r.reply.fields[0]?.value, question).toBe(code);
      expect(r.text, question).toContain(`${code} ${titleFr(code)}`);
    }
    expect(asker()("ebeniste c dans la categorie metiers ?").text.startsWith(`${FR.yes}.`)).toBe(true);
  });

  it("says the TEER of the occupation just discussed in French, and how a title was read", () => {
    const ask = asker();
    const first = ask("c quoi le CNP de plombier");
    expect(first.text).toContain(FR.reading("plombier", "72300", titleFr("72300")));
    const teer = ask("son FEER ?");
    expect(teer.skills).toEqual(["occupation"]);
    expect(teer.text.startsWith(FR.teerLead(2, "72300", titleFr("72300")))).toBe(true);
  });

  it("lists a category's occupations in French under its French name, with French titles", () => {
    const r = asker()("liste des professions de la catégorie STIM");
    expect(r.skills).toEqual(["category"]);
    expect(r.reply.lang).toBe("fr");
    const stem = k.listAt("stem", TODAY.toISOString().slice(0, 10));
    if (!stem) throw new Error("no STEM list in force");
    const name = k.entry("stem")?.nameFr ?? "";
    expect(r.reply.title).toBe(name);
    expect(r.text).toBe(fr(() => FR.listHas(FR.listLabel("STIM", name, stem), stem.members.length, "", "")));
    expect(r.reply.list).toEqual(stem.members.map((m) => FR.named(m.code, titleFr(m.code), m.teer)));
    const en = asker()("list the STEM occupations");
    expect(en.reply.title).toBe(stem.name);
    expect(en.text).toBe(`The ${stem.year} STEM list (${stem.name}, in force from February 18, 2026) has ${stem.members.length} occupations:`);
    expect(en.reply.list[0]).toBe(`${stem.members[0]?.code} ${stem.members[0]?.title} (TEER ${stem.members[0]?.teer})`);
  });

  it("answers how many codes a list has and what a round name's version means, in French", () => {
    const count = asker()("combien de codes dans la catégorie métiers en 2025 ?");
    expect(count.skills).toEqual(["category"]);
    const trades = k.listIn("trades", 2025);
    if (!trades) throw new Error("no 2025 trades list");
    expect(count.text.startsWith(fr(() => FR.count(trades.members.length, FR.listLabel("métiers", k.entry("trades")?.nameFr ?? "", trades), "", "")))).toBe(true);
    const version = asker()("le '2026-Version 2' dans les tirages francophones ça veut dire quoi ?");
    expect(version.skills).toEqual(["category"]);
    expect(version.text.startsWith("« 2026-Version 2 » est le nom que les tirages d'IRCC donnent à la liste de 2026 de la catégorie francophone")).toBe(true);
  });

  it("suggests and gives as examples French questions that it understands", () => {
    const ex = fr(() => occupationExample(k));
    if (!ex) throw new Error("the shipped knowledge base has category lists");
    const questions = [
      ...fr(() => occupationSkill.examples(k)),
      ...fr(() => categorySkill.examples(k)),
      ...FR.notFoundSuggestions(ex),
      ...FR.unknownCodeSuggestions(ex),
      ...FR.membershipSuggestions(ex.otherCode, ex.label),
      ...FR.lookupSuggestions(ex.otherCode, ex),
      ...FR.categorySuggestions(ex),
    ];
    expect(questions.length).toBeGreaterThan(8);
    for (const q of questions) {
      const r = asker()(q);
      expect(r.reply.lang, q).toBe("fr");
      expect(r.skills.some((s) => s === "occupation" || s === "category"), `${q}: ${r.skills.join("+")}`).toBe(true);
    }
  });

  it("gives its slash commands French names and descriptions within Discord's rules, and French option errors", () => {
    const specs = [occupationSkill.command, categorySkill.command].filter((c): c is CommandSpec<never> => c !== undefined);
    expect(specs).toHaveLength(2);
    for (const spec of specs) {
      for (const named of [spec.fr, ...spec.options.map((o) => o.fr)]) {
        expect(named?.name).toMatch(/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u);
        expect(named?.description.length).toBeLessThanOrEqual(100);
      }
    }
    expect(occupationSkill.command?.fr?.name).toBe(FR.nocCommand.name);
    expect(occupationSkill.command?.name).toBe("noc");
    const context: SkillContext = { knowledge: k, now: TODAY, slots: {}, lastSourced: undefined };
    expect(fr(() => occupationSkill.command?.toParams({ occupation: " " }, context))).toEqual({ ok: false, message: FR.giveOccupation });
    expect(occupationSkill.command?.toParams({ occupation: " " }, context)).toEqual({ ok: false, message: EN.giveOccupation });
    expect(fr(() => categorySkill.command?.toParams({ category: "cec" }, context))).toEqual({ ok: false, message: FR.unknownCategory("cec") });
    // A French job title given to the command is read like a French question.
    expect(fr(() => occupationSkill.command?.toParams({ occupation: "Infirmière auxiliaire" }, context))).toMatchObject({ ok: true, params: { phrase: "infirmiere auxiliaire" } });
  });

  it("reads the French titles only when a French question needs them", () => {
    const missing = "/nonexistent/noc-2021-fr.json";
    const english = new Knowledge(k.kb, k.noc, k.vocabulary, undefined, missing);
    const robot = new Robot(() => english, { now: () => TODAY });
    const en = robot.handle({ text: "noc code for software engineers", user: "u", conversation: "c", platform: "cli" });
    expect(en.text).toMatch(/^21231 Software engineers and designers \(TEER 1\) in NOC 2021\./);
    let thrown: unknown;
    try {
      english.frenchTitle("21231");
    } catch (e) {
      thrown = e;
    }
    expect(isEeBotError(thrown, ErrorCode.KnowledgeBaseMissing)).toBe(true);
    expect(String((thrown as Error).message)).toContain(missing);
  });
});
