import { describe, expect, it } from "vitest";
import { formatDate } from "../../src/core/format.js";
import { defaultProfileLimits } from "../../src/crs/limits.js";
import { CRS_MESSAGES } from "../../src/messages/crs.js";
import { inLanguage } from "../../src/messages/lang.js";
import { crsSkill } from "../../src/skills/crs.js";
import { asker, smallRobot, TODAY } from "../helpers/small-kb.js";

// The grid is the shipped one; French texts are built from the catalog, in French.
const FR = CRS_MESSAGES.fr;
const fr = <T>(fn: () => T): T => inLanguage("fr", fn);
const today = fr(() => formatDate(TODAY.toISOString().slice(0, 10)));

describe("the CRS calculator in French", () => {
  it("computes a profile told in French, in French factor by factor, and the same profile told in English as before", () => {
    // Single, 29 (110), master's (135), IELTS 8 7 7 7 = CLB 9 (4 x 31), 1 year in Canada (40); transferability 100.
    const r = asker()("j'ai 29 ans, célibataire, maîtrise, IELTS 8 7 7 7, 3 ans d'expérience à l'étranger et 1 au Canada, c'est quoi mon SCG ?");
    expect(r.skills).toEqual(["crs"]);
    expect(r.reply.lang).toBe("fr");
    expect(r.reply.title).toBe(fr(() => FR.skill.totalTitle(509)));
    expect(r.text.startsWith(fr(() => FR.skill.lead(509, today, false)))).toBe(true);
    expect(r.text).toContain(fr(() => FR.skill.sentence(FR.skill.readAs("IELTS", ["8", "7", "7", "7"]))));
    expect(r.text).toContain(`; ${FR.skill.cap(FR.calc.caps.foreign, 50, 75)}.`);
    const single = FR.calc.column.single;
    expect(r.reply.list).toEqual(
      fr(() => [
        FR.skill.line(FR.skill.rows.age, 110, FR.calc.age(29, 110, single)),
        FR.skill.line(FR.skill.rows.education, 135, FR.calc.education(FR.labels.education("masters_or_professional", ""), 135, single)),
        FR.skill.line(FR.skill.rows.firstLanguage, 124, FR.calc.language(FR.calc.allFour("CLB", 9), [31, 31, 31, 31], 124, single)),
        FR.skill.line(FR.skill.rows.secondLanguage, 0, FR.calc.noSecondLanguage),
        FR.skill.line(FR.skill.rows.canadianExperience, 40, FR.calc.canadianWork(FR.calc.years(1), 40, single)),
        FR.skill.subtotalLine(FR.skill.rows.transferability, 100),
        FR.skill.subtotalLine(FR.skill.rows.additional, 0),
      ]),
    );
    expect(r.reply.fields.map((f) => f.name)).toEqual([FR.skill.fields.total, FR.skill.fields.core, FR.skill.fields.transferability, FR.skill.fields.additional]);
    expect(r.reply.suggestions).toEqual(FR.skill.whatIfSuggestions);
    const en = asker()("I'm 29, single, masters, IELTS 8 7 7 7, 3 years abroad and 1 in Canada, what is my CRS?");
    expect(en.reply.lang).toBe("en");
    expect(en.text).toMatch(/^509: your CRS score on the grid in force on April 1, 2026\. Transferability: education capped at 50 \(from 75\)/);
    expect(en.reply.list[0]).toBe("Age: 110 (age 29: 110 (single))");
  });

  it("asks for what is missing in French, reads French answers, and takes what passing assumes", () => {
    const ask = asker();
    const m = FR.missing;
    expect(ask("calcule mon score SCG").text).toBe(`${FR.skill.intro}${m.questions.age}`);
    expect(ask("29 ans").text).toBe(m.questions.maritalStatus);
    expect(ask("marié").text).toBe(m.questions.spouseAccompanying);
    expect(ask("oui, elle vient avec moi").text).toBe(m.questions.education);
    expect(ask("maîtrise").text).toBe(m.questions.firstLanguage);
    const next = ask("NCLC 9 partout");
    expect(next.text).toBe(`${m.questions.canadianExperienceYears}${FR.skill.skipHint(m.assume.canadianExperienceYears)}`);
    expect(next.reply.suggestions).toEqual([FR.skill.skip]);
    expect(ask("passer").text).toBe(`${m.questions.foreignExperienceYears}${FR.skill.skipHint(m.assume.foreignExperienceYears)}`);
    expect(ask("3 ans").text).toBe(`${m.questions.spouseEducation}${FR.skill.skipHint(m.assume.spouseEducation)}`);
    expect(ask("aucun").text).toBe(`${m.questions.spouseLanguage}${FR.skill.skipHint(m.assume.spouseLanguage)}`);
    ask("CLB 7");
    const total = ask("non");
    expect(total.text).toMatch(/^\d{3} : votre score du SCG selon la grille en vigueur le /);
    // NCLC 9 as the candidate's first language, in French, with a partner who comes along.
    expect(total.reply.list[2]).toBe(fr(() => FR.skill.line(FR.skill.rows.firstLanguage, 116, FR.calc.language(FR.calc.allFour("NCLC", 9), [29, 29, 29, 29], 116, FR.calc.column.withSpouse))));
    expect(total.text).toContain(fr(() => FR.skill.assumed(`${m.assume.spouseCanadian}, ${m.assume.secondLanguage}, ${m.assume.canadianEducation}, ${m.assume.provincialNomination}, ${m.assume.siblingInCanada} et ${m.assume.certificateOfQualification}`)));
  });

  it("recomputes French what-ifs: an English test dropped, then English again with years instead of others", () => {
    // Single, 35 (77), two-year DEC (98), NCLC 9 first (124), English CLB 5 second (4), 1 year in Canada (40), 2 in
    // France; transferability 38 + 38; NCLC 7+ with English CLB 5+: 50. Without English: 0 second, French bonus 25.
    const ask = asker();
    const first = ask("calcul svp: 35 ans, célibataire, DEC technique 2 ans, NCLC 9 partout en français (TCF), anglais CLB 5 partout, 1 an d'exp au Canada, 2 ans en France");
    expect(first.text.startsWith(fr(() => FR.skill.lead(469, today, false)))).toBe(true);
    const without = ask("et si j'avais pas passé de test d'anglais du tout ?");
    expect(without.skills).toEqual(["crs"]);
    expect(without.text.startsWith(fr(() => FR.skill.lead(440, today, true, 469)))).toBe(true);
    const again = ask("ok avec l'anglais CLB 5, mais 2 ans d'exp canadienne au lieu de 1 ?");
    expect(again.text.startsWith(fr(() => FR.skill.lead(506, today, true, 440)))).toBe(true);
    expect(asker()("what if I had no English test at all?").skills).not.toEqual(["crs"]);
  });

  it("reads an age after a greeting and the partner's part after « lui : », and transferability of foreign experience in French", () => {
    const ask = asker();
    const r = ask("salut! 35 ans, mariée, mon mari vient avec moi. moi: maîtrise, TEF Canada NCLC 10 dans les 4, pas d'anglais du tout, 2 ans d'exp au Canada. lui: licence, TEF NCLC 7 partout, 1 an d'exp au Canada. on a cb de points ?");
    expect(r.text).toMatch(/^470 : votre score du SCG/);
    const foreign = asker()("cb de points pour 3 ans d'experience a l'etranger avec nclc 9");
    expect(foreign.text).toMatch(/^50 : points de transférabilité des compétences pour l'expérience de travail à l'étranger \(3 ans ou plus\)/);
    expect(foreign.reply.list).toContain("3 ans ou plus, NCLC ou CLB 9 ou plus aux quatre compétences : 50");
  });

  it("keeps a city's name as written, reads a credential done in a Canadian city as Canadian, and its years as no work", () => {
    const ask = asker();
    expect(ask("chu français, 24 ans, célib, DEC technique de 3 ans fait à Montréal, NCLC 10 partout au TEF, pas de test d'anglais, 2 ans d'exp au Québec. ca donne combien").text).toMatch(/^524 : votre score du SCG/);
    expect(asker()("etudiante internationale, 24 ans, celib, maitrise de 2 ans faite au Canada (bac a l'etranger avant), CLB 9 partout, 1 an de PGWP donc 1 an d'exp canadienne. c'est quoi mon score").text).toMatch(/^489 : votre score du SCG/);
  });

  it("reads foreign years told after Canadian ones, a sibling who is « RP » in a city, a college diploma's length and a Canadian university by name", () => {
    expect(asker()("31 ans, single, master, CLB 8 partout, 2 ans d'exp au Canada et 1 an avant en France. cb de points?").text).toMatch(/^467 : votre score du SCG/);
    expect(asker()("28 ans, célib, deux diplômes obtenus au Maroc dont un de 4 ans, CELPIP 9 partout, 3 ans d'exp au Canada, mon frère est RP à Calgary. Cb au CRS?").text).toMatch(/^491 : votre score du SCG/);
    expect(asker()("26 ans, célibataire, diplôme collégial de 2 ans fait à Montréal, CLB 8 partout, 1 an d'expérience au Canada. Mon score?").text).toMatch(/^381 : votre score du SCG/);
    expect(asker()("24 ans, célibataire, bac de 4 ans à l'Université d'Ottawa, CLB 10 partout, 1 an d'exp au Canada avec mon PTPD").text).toMatch(/^474 : votre score du SCG/);
    // Visiting a sister in Toronto is no sibling in Canada for the score, and the visa question is declined.
    expect(asker()("i want to visit my sister in toronto for 2 weeks, how do i apply for tourist visa").skills).toEqual(["decline"]);
  });

  it("takes French on top of a scored profile as a change to it, then a year in Canada on top of that", () => {
    const ask = asker();
    expect(ask("Salut! 29 ans, celibataire, licence de 3 ans (bachelor), IELTS qui donne CLB 9 dans les 4 competences, 3 ans d'experience comme ingenieur au Maroc, zero experience au Canada. Mon score SCG serait de combien?").text).toMatch(/^429 : /);
    expect(ask("et si je passe le TEF pis j'ai NCLC 7 dans les 4 competences en plus de mon anglais CLB 9?").text).toMatch(/^491 : votre score du SCG .*avec ce changement/);
    expect(ask("ok et avec 1 an d'exp au canada en plus de tout ca").text).toMatch(/^544 : /);
  });

  it("reads a test's score after a verb, a partner who stays after all, and a corrected age with a partner added as one what-if", () => {
    const ask = asker();
    ask("salut! 35 ans, mariée, mon mari vient avec moi. moi: maîtrise, TEF Canada NCLC 10 dans les 4, pas d'anglais du tout, 2 ans d'exp au Canada. lui: licence, TEF NCLC 7 partout, 1 an d'exp au Canada. on a cb de points ?");
    expect(ask("et si je passe le celpip et j'ai 7 partout").text).toMatch(/^507 : /);
    expect(ask("et si mon mari venait pas finalement (toujours avec le celpip)").text).toMatch(/^513 : /);
    const again = asker();
    again("bonjour, alors moi 27 ans, célibataire, licence en 3 ans. le francais c'est ma 1ere langue: TCF Canada NCLC 9 dans les 4 compétences. anglais ielts = CLB 6 partout. 1 an d'exp au Canada (TEER 1) + 3 ans d'exp en France");
    again("et si j'avais 30 ans");
    const both = again("ok en vrai j'ai 27. mais si ma blonde vient avec moi ? elle a juste un diplome secondaire, pas de test de langue, jamais travaillé au canada");
    expect(both.skills).toEqual(["crs"]);
    expect(both.text).toMatch(/^507 : /);
  });

  it("reads the partner after « elle : », « elle vient pas » as not coming, a sibling added as a change with how far it moved, and « xp »", () => {
    const ask = asker();
    expect(ask("slt, 32 ans marié, ma femme vient avec moi. moi: licence, CLB 8 partout, 1 an d'xp au canada + 3 ans au maroc. elle: licence aussi, CLB 7 partout, pas d'xp canadienne. jai combien au CRS svp").text).toMatch(/^416 : /);
    expect(ask("et si elle vient pas avec moi finalement?").text).toMatch(/^422 : .*avec ce changement \(6 points de plus\)\./);
    const brother = ask("ok et mon frere est citoyen canadien a montreal, ca rajoute cb?");
    expect(brother.text).toMatch(/^437 : .*\(15 points de plus\)\./);
    // The four abilities at one level: the language's points summed.
    expect(asker()("NCLC 9 dans les 4 competences en francais (c ma langue principale), celibataire, ca fait cb de points langue?").text).toMatch(/^124 sans époux ni conjoint, 116 avec époux ou conjoint/);
  });

  it("reads « pour 29 ans » as an age, « jai 31 ans » without its apostrophe as one too, and « dexp » as experience", () => {
    expect(asker()("cb de points pour 29 ans").text).toMatch(/^29 ans : 110 sans époux ni conjoint, 100 avec époux ou conjoint\./);
    expect(asker()("jai 31 ans maitrise nclc 9 partout 2 ans dexp au canada celibataire cb jai").text).toMatch(/^486 : votre score du SCG/);
  });

  it("scores a partner who is a Canadian citizen as no partner, and says why, in French", () => {
    // 34 (83), two-year DEC (98), CLB 7 (68), 1 year in Canada (40); transferability 13 + 13.
    const r = asker()("34 ans, mon mari est citoyen canadien, DEC 2 ans, CLB 7 partout, 1 an d'exp canadienne, aucune exp à l'étranger. mon score?");
    expect(r.text.startsWith(fr(() => FR.skill.lead(315, today, false)))).toBe(true);
    expect(r.text).toContain(fr(() => FR.skill.sentence(FR.calc.partnerCanadian)));
    const en = asker()("34, my husband is a canadian citizen, 2 year diploma, clb 7, 1 year canadian experience, no foreign experience. my crs?");
    expect(en.text).toMatch(/^315: your CRS score/);
    expect(en.text).toContain("Your partner is a Canadian citizen or permanent resident, so you are scored as single.");
  });

  it("answers the points of a factor, a score plus a nomination and a test's scores for a level in French", () => {
    const ask = asker();
    const masters = ask("combien de points pour une maîtrise ?");
    expect(masters.skills).toEqual(["crs"]);
    expect(masters.reply.title).toBe(FR.skill.pointsTitle);
    expect(masters.text.startsWith(`${FR.points.split(FR.labels.education("masters_or_professional", ""), 135, 126)}. `)).toBe(true);
    expect(masters.text).toContain(`Grille du SCG en vigueur le ${today}.`);
    const added = ask("j'ai 450, si je reçois une nomination provinciale ça monte à combien ?");
    expect(added.skills).toEqual(["crs"]);
    expect(added.text).toContain(fr(() => FR.skill.added(450, FR.skill.addWhat.nomination, 600, 1050, 1200, false)));
    expect(added.text).toContain("1\u00a0050");
    const ielts = ask("quels scores IELTS pour CLB 9 ?");
    expect(ielts.text).toBe(fr(() => FR.skill.equivalencyText(9, "IELTS", [FR.skill.range("listening", 8, null), FR.skill.range("reading", 7, null), FR.skill.range("writing", 7, null), FR.skill.range("speaking", 7, null)], "", "CLB")));
    const french = ask("bonus pour NCLC 7 en français + CLB 5 en anglais c'est combien?");
    expect(french.skills).toEqual(["crs"]);
    expect(french.text).toContain(`${FR.labels.factor({ id: "french-strong-english", frenchMin: 7, englishMin: 5 } as never)}`);
    expect(asker()("how many points for a master's?").text).toMatch(/^Master's degree: 135 single, 126 with a spouse/);
    expect(asker()("I have 450, with a PNP what would my score be?").text).toMatch(/^1,050: 450 plus 600 for a provincial nomination/);
  });

  it("says impossible values back in French and gives no score", () => {
    const scale = defaultProfileLimits().tests.ielts?.all;
    const r = asker()("j'ai 30 ans, célibataire, maîtrise, IELTS 10 7 7 7, mon score SCG ?");
    expect(r.reply.userError).toBe(true);
    expect(r.reply.title).toBe(FR.skill.checkTitle);
    expect(r.text).toBe(fr(() => FR.skill.cannotCompute([`${FR.validate.testRange("IELTS", "listening", scale?.min ?? 0, scale?.max ?? 0, scale?.step ?? 0)}${FR.skill.youGave(10)}`])));
    expect(r.text).toContain("entre 0 et 9, par tranches de 0,5");
  });

  it("offers the slash command with French names and descriptions Discord accepts, and reads French option values", () => {
    const spec = crsSkill.command;
    expect(spec?.fr).toEqual({ name: FR.command.name, description: FR.command.description });
    for (const named of [spec?.fr, ...(spec?.options ?? []).map((o) => o.fr)]) {
      expect(named?.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      expect(named?.name).toBe(named?.name.toLowerCase());
      expect(named?.description.length).toBeLessThanOrEqual(100);
    }
    const robot = smallRobot();
    const who = { user: "u", conversation: "slash-fr", platform: "discord" as const, locale: "fr" };
    const r = robot.command("crs", { age: 29, education: "maîtrise", clb: 9, partner: "vient", "canadian-years": 0, "foreign-years": 3 }, who);
    expect(r.lang).toBe("fr");
    expect(r.text.startsWith(fr(() => FR.skill.lead(442, today, false)))).toBe(true);
  });
  it("answers a French question about an education's worth with a partner, and a Canadian diploma's extra points", () => {
    const ask = asker();
    // The partner comes: the one column that applies.
    const worth = ask("une maîtrise ça vaut combien si j'ai une conjointe qui vient avec moi").text;
    expect(worth).toMatch(/^Maîtrise ou diplôme professionnel : 126 avec un époux ou conjoint qui vous accompagne\./);
    expect(worth).not.toContain("135");
    expect(ask("diplôme canadien de 2 ans, ca rajoute combien").text).toMatch(/: 15\./);
  });
});
