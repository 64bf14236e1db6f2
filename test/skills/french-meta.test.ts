import { describe, expect, it } from "vitest";
import { parse } from "../../src/nlu/parse.js";
import { withImages } from "../../src/charts/attach.js";
import { cutoffChartOption, poolChartOption, CutoffChartOptionsSchema, PoolChartOptionsSchema } from "../../src/charts/chart-options.js";
import { formatDate, formatNumber, roundName } from "../../src/core/format.js";
import { Knowledge } from "../../src/core/knowledge.js";
import { CORE_MESSAGES, MESSAGES } from "../../src/core/messages.js";
import { inLanguage } from "../../src/messages/lang.js";
import { META_MESSAGES } from "../../src/messages/meta.js";
import { chartSkill } from "../../src/skills/chart.js";
import { processSkill } from "../../src/skills/process.js";
import { defaultRegistry } from "../../src/skills/registry.js";
import { Robot } from "../../src/skills/robot.js";
import { asker, smallKnowledge, smallRobot, TODAY } from "../helpers/small-kb.js";

const FR = META_MESSAGES.fr;
const EN = META_MESSAGES.en;
// Sentences that take values are written in their language's formats, as the skills write them.
const fr = <T>(fn: () => T): T => inLanguage("fr", fn);

// Figures below are the made-up rounds of test/fixtures/kb-small (its lists, grid, NOC and glossary are the shipped
// ones, without articles); the process answers that quote articles use the shipped knowledge base.
describe("the meta, glossary, process, decline and chart skills in French", () => {
  it("answers help, a greeting and thanks in French, and help in English as before", () => {
    const ask = asker();
    const help = ask("aide");
    expect(help.skills).toEqual(["help"]);
    expect(help.reply.lang).toBe("fr");
    expect(help.reply.title).toBe(FR.help.helpTitle);
    expect(help.text).toMatch(new RegExp(`^${CORE_MESSAGES.fr.help.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} Je connais 10 rondes d'invitations, du tirage 1 \\(10 janvier 2024, tous programmes\\) au tirage 9 \\(18 mars 2026, PCP\\)`));
    expect(help.text.endsWith(FR.help.youCanAsk)).toBe(true);
    expect(help.reply.list).toContain(FR.help.line(FR.help.summary("glossary", ""), ["que veut dire CNP ?", "que veut dire FEER ?"]));
    expect(help.reply.list).toContain(FR.help.line(FR.help.summary("chart", ""), FR.chart.examples("2026")));
    expect(ask("bonjour").reply.title).toBe(FR.help.helloTitle);
    const thanks = ask("merci");
    expect(thanks.reply.title).toBe(FR.help.thanksTitle);
    expect(thanks.text).toBe(CORE_MESSAGES.fr.thanks);

    const english = asker(smallRobot(), "en")("help");
    expect(english.reply.title).toBe("What I can answer");
    expect(english.text).toMatch(/^I answer questions about Express Entry .* I know 10 rounds of invitations, from round 1 \(January 10, 2024, all-program\) to round 9 \(March 18, 2026, PNP\), the category lists of 2023 to 2026, the 516 occupations of NOC 2021\. You can ask:$/);
    expect(english.reply.list).toContain(`Charts of cut-offs or invitations over time by type, and of the pool by score, with the numbers in text: "chart of CEC cut-offs in 2026" · "plot the pool with 480 marked"`);
  });

  it("makes French examples the bot understands, each answered by the skill that offers it", () => {
    const knowledge = smallKnowledge();
    const robot = smallRobot();
    for (const skill of defaultRegistry().skills.filter((s) => ["help", "sources", "glossary", "process", "chart"].includes(s.id))) {
      for (const q of fr(() => skill.examples(knowledge))) {
        const { reply, understood } = robot.handleWithUnderstanding({ text: q, user: "u", conversation: `ex-${q}`, platform: "cli", lang: "fr" });
        expect(understood.map((u) => u.skill), q).toContain(skill.id);
        expect(reply.lang).toBe("fr");
      }
    }
  });

  it("says in French where the previous answer and a named round come from, and the same in English", () => {
    const ask = asker();
    ask("quel était le seuil du dernier tirage PEC ?");
    const previous = ask("d'où ça vient ?");
    expect(previous.skills).toEqual(["sources"]);
    expect(previous.text).toBe(fr(() => FR.sources.previous("2026-03-04", 1)));
    expect(previous.text).toBe("Ma réponse précédente (en date du 4 mars 2026) repose sur 1 source :");

    const knowledge = smallKnowledge();
    const round = knowledge.draw("4b");
    if (!round) throw new Error("round 4b is in the small knowledge base");
    const named = ask("tes infos sur le tirage 4b viennent d'où ?");
    expect(named.skills).toEqual(["sources"]);
    expect(named.text).toBe(fr(() => FR.sources.subject({ kind: "round", round: roundName(knowledge, round) }, 1)));
    expect(named.text).toBe("Mes chiffres du tirage 4b (3 avril 2024, santé) viennent d'une source :");

    const english = asker(smallRobot(), "en");
    english("last cec draw");
    expect(english("where does that come from").text).toBe("My previous answer (about March 4, 2026) rests on 1 source:");
    expect(english("where do your figures on round 4b come from?").text).toBe("My figures for round 4b (April 3, 2024, healthcare) come from 1 source:");
  });

  it("names the date and check of the CRS grid and of a category list in French", () => {
    const ask = asker();
    const grid = ask("ta grille CRS date de quand ?");
    expect(grid.skills).toEqual(["sources"]);
    const compiled = smallKnowledge().kb.crs.asOf.slice(0, 10);
    expect(grid.text).toContain(`compilée le ${fr(() => formatDate(compiled))}`);
    const list = ask("la liste STIM 2026 tu la prends où ?");
    expect(list.skills).toEqual(["sources"]);
    expect(list.text).toMatch(/^La liste STIM de 2026 \(Professions des sciences, des technologies, du génie et des mathématiques \(STIM\)\) \(en vigueur depuis le 18 février 2026\) vient d'une source ; elle est marquée comme vérifiée/);
  });

  it("defines a term by its French name and a French translation cited to its source, and in English as before", () => {
    const knowledge = smallKnowledge();
    const noc = knowledge.term("NOC");
    const definition = noc?.fr?.definitions[0];
    if (!definition) throw new Error("the glossary gives NOC a French definition");
    const ask = asker();
    const r = ask("c'est quoi la CNP ?");
    expect(r.skills).toEqual(["glossary"]);
    expect(r.reply.title).toBe("CNP");
    expect(r.text).toBe(`${FR.glossary.lead(noc, noc.fr ?? null)} ${definition.text}`);
    expect(r.text).toMatch(/^CNP : Classification nationale des professions \(en anglais : NOC, National Occupational Classification\)\. La CNP est le système national/);
    expect(r.reply.sources.map((s) => s.id)).toEqual([definition.source]);
    expect(ask("FEER ?").text).toMatch(/^FEER : Formation, études, expérience et responsabilités \(en anglais : TEER, /);
    expect(ask("max de points pour la 2e langue officielle c cb").text).toMatch(/^24 sans époux ni conjoint \(22 avec époux ou conjoint\) : le maximum de points pour la deuxième langue officielle/);

    const english = asker(smallRobot(), "en")("what is NOC?");
    expect(english.text).toMatch(/^NOC stands for National Occupational Classification\. The NOC is Canada's national system for classifying occupations\./);
    expect(english.reply.title).toBe("NOC");
  });

  it("gives every term of the shipped knowledge base a French name, each French definition cited to the sentence it translates", () => {
    const knowledge = Knowledge.load();
    for (const t of knowledge.kb.terms) {
      expect(t.fr?.term, t.term).toBeTruthy();
      for (const d of t.fr?.definitions ?? []) expect(t.definitions.some((e) => e.source === d.source && e.line === d.line), t.term).toBe(true);
    }
    expect(knowledge.term("CRS")?.fr).toMatchObject({ term: "SCG", expansion: "Système de classement global" });
    expect(knowledge.term("CEC")?.fr?.term).toBe("PEC");
  });

  it("explains the kinds of rounds in French, with IRCC's French names and counts", () => {
    const ask = asker();
    const r = ask("quels types de tirages y a-t-il ?");
    expect(r.skills).toEqual(["process"]);
    expect(r.reply.title).toBe(FR.process.kindsTitle);
    expect(r.text).toBe(FR.process.kinds);
    expect(r.reply.list[0]).toBe("Tous programmes : Aucun programme spécifié (1 ronde)");
    expect(r.reply.list[1]).toBe("Programmes : Catégorie de l'expérience canadienne (3 rondes) et Programme des candidats des provinces (2 rondes)");
    const english = asker(smallRobot(), "en")("what kinds of rounds are there?");
    expect(english.text).toBe(EN.process.kinds);
    expect(english.reply.list[1]).toBe("Programs: Canadian Experience Class (3 rounds) and Provincial Nominee Program (2 rounds)");
  });

  it("says in French that the steps and passages it quotes come from English articles, and quotes them as written", () => {
    const knowledge = Knowledge.load();
    const robot = new Robot(() => knowledge, { now: () => TODAY });
    const steps = knowledge.facts("application-process")[0]?.steps ?? [];
    const { reply, understood } = robot.handleWithUnderstanding({ text: "qu'est-ce qu'il faut envoyer après avoir reçu l'ITA ?", user: "u", conversation: "apply", platform: "cli" });
    expect(understood.map((u) => u.skill)).toEqual(["process"]);
    expect(reply.text).toBe(fr(() => FR.process.applySteps(steps.length, knowledge.facts("application-process")[0]?.ranking)));
    expect(reply.text).toBe("Selon un article en anglais (« Express Entry uses a point-based system, the CRS, to rank candidates' profiles. »), une demande par Entrée express se fait en deux étapes (citées telles quelles) :");
    expect(reply.list).toEqual(steps.map((s, i) => `Étape ${i + 1} : ${s}`));

    const context = { knowledge, now: TODAY, slots: {}, lastSourced: undefined };
    const passage = knowledge.search.passagesLike("profiles registered in the pool", 1)[0];
    if (!passage) throw new Error("the seed articles hold a passage on the pool");
    const quoted = fr(() => processSkill.answer({ topic: "passage", query: "profiles registered in the pool" }, context)).reply;
    expect(quoted.title).toBe(FR.process.passageTitle);
    expect(quoted.text).toMatch(/^Je n'ai pas de réponse directe à cela, mais voici un passage, cité tel quel, de l'article en anglais ".+" \(.+\) : « /);
    expect(quoted.text.endsWith(`« ${passage.item.text} »`)).toBe(true);
    expect(processSkill.answer({ topic: "passage", query: "profiles registered in the pool" }, context).reply.text).toMatch(/^I have no direct answer to that, but ".+" (?:\(.+\) )?says: "/);
  });

  it("declines in French with what it can answer instead, never saying back words the French was read into", () => {
    const ask = asker();
    const processing = ask("combien de temps prend le traitement ?");
    expect(processing.skills).toEqual(["decline"]);
    expect(processing.reply.title).toBe(FR.decline.title);
    expect(processing.text).toBe(`${CORE_MESSAGES.fr.declineProcessing} Je peux vous parler des rondes passées : la plus récente que je connaisse est le tirage 9 (18 mars 2026, PCP).`);
    expect(processing.reply.suggestions).toEqual([...FR.decline.suggestions]);
    const fees = ask("combien coûtent les frais de RP ?");
    expect(fees.skills).toEqual(["decline"]);
    expect(fees.text).toBe(CORE_MESSAGES.fr.declineVisa);

    const english = asker(smallRobot(), "en")("how long does PR processing take after AOR");
    expect(english.text).toBe(`${MESSAGES.declineProcessing} I can tell you about past rounds: the latest I know of is round 9 (March 18, 2026, PNP).`);
    expect(english.reply.title).toBe("Not something I can answer");
  });

  it("titles, describes and sources a chart in French, and draws its axes, labels and alternative text in French", async () => {
    const ask = asker();
    const r = ask("graphique des notes de passage PEC");
    expect(r.skills).toEqual(["chart"]);
    expect(r.reply.title).toBe("Notes de passage PEC, toutes les rondes que je connais");
    expect(r.text).toMatch(/^Notes de passage PEC, toutes les rondes que je connais \(graphique joint\)\. PEC : 3 rondes, de 515 \(tirage 8\) à 530 \(tirage 6\), la plus récente à 515 le 4 mars 2026, /);
    expect(r.text).toContain("PEC : Catégorie de l'expérience canadienne.");
    expect(r.reply.list).toContain("PEC, tirage 8 (4 mars 2026) : 515");
    expect(r.reply.chart?.sourceLine).toMatch(/^Source : .+, au 4 mars 2026$/);
    const drawn = await withImages(r.reply);
    expect(drawn.images[0]?.alt).toMatch(/^Notes de passage PEC, toutes les rondes que je connais\. Graphique linéaire des notes de passage du SCG par date de ronde\. PEC : 3 rondes du 7 févr\. 2024 \(520\) au 4 mars 2026 \(515\) ; minimum 515, maximum 530/);

    const settings = CutoffChartOptionsSchema.parse({ title: "t", sourceLine: "s", mark: 480 });
    const option = fr(() => cutoffChartOption(r.reply.chart?.kind === "cutoffs" ? r.reply.chart.series : [], settings));
    expect(option.xAxis).toMatchObject({ name: FR.image.axisDate });
    expect(option.yAxis).toMatchObject({ name: FR.image.axisCrs });
    const pool = fr(() => poolChartOption([{ min: 0, max: 500, count: 1234, label: "0-500", marked: true }], PoolChartOptionsSchema.parse({ title: "t", sourceLine: "s", mark: 480 })));
    expect(pool.xAxis).toMatchObject({ name: FR.image.axisCandidates });
    expect(JSON.stringify(pool.series)).toContain(`${fr(() => formatNumber(1234))}  ◀ Score 480`);

    const english = asker(smallRobot(), "en")("chart of CEC cut-offs");
    expect(english.reply.title).toBe("CEC cut-offs, all the rounds I know of");
    expect(english.text).toMatch(/^CEC cut-offs, all the rounds I know of \(chart attached\)\. CEC: 3 rounds, from 515 \(round 8\) to 530 \(round 6\), latest 515 on March 4, 2026, .*\. CEC is the Canadian Experience Class\.$/);
    expect((await withImages(english.reply)).images[0]?.alt).toMatch(/^CEC cut-offs, all the rounds I know of\. Line chart of CRS cut-off by date of round\. CEC: 3 rounds from Feb 7, 2024 \(520\)/);
  });

  it("offers the chart command with French names Discord accepts, and answers its options in French", () => {
    const command = chartSkill.command;
    if (!command) throw new Error("the chart skill has a command");
    const valid = /^[-_\p{L}\p{N}]{1,32}$/u;
    for (const spec of [command, ...command.options]) {
      expect(spec.fr?.name, spec.name).toMatch(valid);
      expect(spec.fr?.name).toBe(spec.fr?.name.toLowerCase());
      expect(spec.fr?.description.length ?? 0).toBeGreaterThan(0);
      expect(spec.fr?.description.length ?? 101).toBeLessThanOrEqual(100);
    }
    const robot = smallRobot();
    const user = { user: "u", conversation: "cmd", platform: "discord" as const, locale: "fr" };
    const bad = robot.command("chart", { view: "xyz" }, user);
    expect(bad.text).toBe(FR.chart.badView("xyz"));
    expect(bad.title).toBe(CORE_MESSAGES.fr.checkOptions);
    expect(robot.command("chart", { view: "bassin" }, user).title).toBe(FR.chart.poolTitle);
    expect(robot.command("chart", { type: "researchers", year: 2026 }, user).text).toBe("Je ne peux pas tracer ce graphique : je ne connais aucune ronde chercheurs en 2026. Essayez une période plus longue ou un autre type.");
    expect(robot.command("chart", { view: "xyz" }, { ...user, locale: "en-US" }).text).toBe('"xyz" is not one of cutoffs, invitations, pool.');
  });
  it("reads a Québec '-tu' question as a yes/no one, and a term before « c'est quoi » as the term asked", () => {
    const ask = asker();
    const knowledge = smallKnowledge();
    const cues = (text: string) => parse(text, knowledge.lexicon, { now: TODAY, lang: "fr" }).clauses[0]?.cues ?? [];
    expect(cues("les tirages ont tu un horaire fixe ou c'est random")).toContain("yesNo");
    expect(cues("IRCC a tu un calendrier fixe pour les draws")).toContain("yesNo");
    expect(cues("les tirages suivent quel horaire")).not.toContain("yesNo");
    expect(ask("la CNP cest quoi").skills).toEqual(["glossary"]);
  });
});
