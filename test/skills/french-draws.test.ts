import { describe, expect, it } from "vitest";
import { CORE_MESSAGES } from "../../src/core/messages.js";
import { ago, formatDate, roundName } from "../../src/core/format.js";
import { DRAW_MESSAGES } from "../../src/messages/draws.js";
import { inLanguage } from "../../src/messages/lang.js";
import { findDates } from "../../src/nlu/dates.js";
import type { Period } from "../../src/nlu/question.js";
import { poolSkill } from "../../src/skills/draws/pool.js";
import { roundSkill } from "../../src/skills/draws/round.js";
import { roundsSkill } from "../../src/skills/draws/rounds.js";
import { scoreCheckSkill } from "../../src/skills/draws/score-check.js";
import { tieBreakSkill } from "../../src/skills/draws/tie-break.js";
import type { CommandSpec, SkillContext } from "../../src/skills/types.js";
import { asker, smallKnowledge, TODAY } from "../helpers/small-kb.js";

// Figures are the made-up rounds of test/fixtures/kb-small; French texts are built from the catalog, in French.
const FR = DRAW_MESSAGES.fr;
const k = smallKnowledge();
const fr = <T>(fn: () => T): T => inLanguage("fr", fn);
const round = (id: string): string => {
  const d = k.draw(id);
  if (!d) throw new Error(`no round ${id} in the small knowledge base`);
  return fr(() => roundName(k, d));
};

describe("the round skills in French", () => {
  it("answers the latest cut-off in French, and the same question in English as before", () => {
    const r = asker()("quel était le seuil du dernier tirage ?");
    expect(r.skills).toEqual(["round"]);
    expect(r.reply.lang).toBe("fr");
    expect(r.text).toMatch(new RegExp(`^${escape(fr(() => FR.leadCutoff(780, round("9"), FR.whichLatestOverall, `, ${ago("2026-03-18", TODAY)}`, 700)))}`));
    expect(r.reply.fields.map((f) => f.name)).toEqual([FR.fieldRound, FR.fieldDate, FR.fieldType, FR.fieldInvitations, FR.fieldCutoff, FR.fieldTieBreak]);
    expect(r.reply.title).toBe(FR.roundTitle("9"));
    const en = asker()("what was the last cut-off?");
    expect(en.reply.lang).toBe("en");
    expect(en.text).toMatch(/^780: the lowest CRS score invited in round 9 \(March 18, 2026, PNP\), the latest round I know of/);
  });

  it("describes a round by number in French, IRCC's name of it as published", () => {
    const r = asker()("tirage 4b");
    expect(r.text.startsWith(`${round("4b").replace(/^t/, "T")}, ${FR.whichOfType(fr(() => k.label("healthcare")))}`)).toBe(true);
    expect(r.text).toContain(FR.ircName("Healthcare occupations (Version 1)"));
    expect(r.text).toContain(fr(() => FR.figureTieBreak(FR.tieBreakMoment(formatDate("2024-03-28"), "09:30:00"))));
    expect(asker()("draw 4b").text).toMatch(/^Round 4b \(April 3, 2024, healthcare\), a healthcare round, /);
  });

  it("answers rounds over a period in French, the period said in French", () => {
    const ask = asker();
    expect(ask("combien d'invitations en 2026 ?").text).toMatch(new RegExp(`^${escape(fr(() => FR.statTotal(4900, FR.rounds(3, ""), "en 2026")))}`));
    const months = ask("combien de tirages au cours des 6 derniers mois ?");
    expect(months.skills).toEqual(["rounds"]);
    expect(months.text).toMatch(new RegExp(`^${escape(fr(() => FR.statCount(FR.rounds(3, ""), "au cours des 6 derniers mois", 4900)))}`));
    // After the records end: none known, not a plain "none".
    expect(ask("tirages de ce mois-ci").text).toMatch(new RegExp(`^${escape(fr(() => FR.afterRecords("ce mois-ci (avril 2026)", round("9"), "700 invitations")).split(" : 700")[0] ?? "")}`));
    expect(ask("note de passage la plus basse de tous les temps").text).toMatch(/^410 : la note de passage la plus basse des 10 tirages depuis le début d'Entrée express, au tirage 4a/);
    const en = asker();
    expect(en("how many ITAs in 2026").text).toMatch(/^4,900 invitations were issued in 3 rounds in 2026/);
    expect(en("draws this month").text).toMatch(/^No round I know of this month \(April 2026\): my records end with round 9/);
  });

  it("reads the last N rounds in French word order and says the change between two", () => {
    const r = asker()("les 2 derniers tirages PEC");
    expect(r.skills).toEqual(["rounds"]);
    expect(r.text).toContain(fr(() => FR.change(round("6"), round("8"), 530, 515)).trim());
  });

  it("gives a round's tie-breaking rule in French, and in English as before", () => {
    const r = asker()("règle de départage du tirage 4b");
    expect(r.skills).toEqual(["tie-break"]);
    expect(r.text).toBe(`${fr(() => FR.tieMoment(FR.tieBreakMoment(formatDate("2024-03-28"), "09:30:00"), round("4b"), 470))} ${FR.tieRule}`);
    expect(asker()("tie-break of round 4b").text).toMatch(/^March 28, 2024 at 09:30:00 UTC: in round 4b/);
  });

  it("tells whether a profile at the cut-off was invited from the day it was submitted", () => {
    const r = asker()("530 en PEC, profil créé le 20 avril 2025, j'étais dans le tirage 6 ?");
    expect(r.skills).toEqual(["tie-break"]);
    expect(r.text.startsWith(fr(() => FR.profileAtCutoff(true, 530, round("6"), FR.tieBreakMoment(formatDate("2025-05-01"), "11:00:00"), formatDate("2025-04-20"))))).toBe(true);
    expect(asker()("530 in CEC, profile created May 3, 2025, was I in round 6?").text).toMatch(/^No: 530 is the cut-off of round 6 \(May 14, 2025, CEC\), and only profiles submitted before May 1, 2025 at 11:00:00 UTC were invited/);
  });

  it("checks a score in French, yes or no first, never a prediction, and in English as before", () => {
    const r = asker()("j'ai 500, aurais-je été invité ?");
    expect(r.skills).toEqual(["score-check"]);
    expect(r.text.startsWith(fr(() => FR.checkPeriodLead(null, 500, 1, 4, "", FR.during(FR.monthsTo(12, formatDate("2026-03-18"))))))).toBe(true);
    expect(r.text.startsWith("Dans certains tirages seulement : ")).toBe(true);
    expect(r.text).toContain(CORE_MESSAGES.fr.pastNotFuture);
    expect(r.reply.title).toBe(FR.checkTitle(500));
    expect(asker()("I have 500, would I have been invited?").text).toMatch(/^In some rounds only: 500 would have been enough in 1 of 4 rounds/);
  });

  it("asks for the score when a round is asked about without one, then answers for that round", () => {
    const ask = asker();
    expect(ask("est-ce que j'aurais été invité au tirage 8 ?").text).toBe(FR.askScore(round("8"), 515));
    expect(ask("j'ai 520").text.startsWith(fr(() => FR.checkRoundLead(true, "", 520, 515, round("8"))))).toBe(true);
    const en = asker();
    expect(en("would I have been invited in round 8?").text).toBe("What is your CRS score? Tell me and I'll hold it against round 8 (March 4, 2026, CEC), whose cut-off was 515.");
    expect(en("I have 510").text).toMatch(/^No: 510 is below the cut-off of 515 in round 8/);
  });

  it("counts the pool in French, ranges as published, and in English as before", () => {
    const latest = k.distributionAt();
    const dist = latest?.distribution;
    if (!latest || !dist) throw new Error("the small knowledge base has no pool distribution");
    const header = fr(() => FR.poolHeader(formatDate(dist.asOf), round(latest.round)));
    const r = asker()("combien de candidats au-dessus de 500 dans le bassin ?");
    expect(r.skills).toEqual(["pool"]);
    expect(r.text).toBe(fr(() => FR.poolRange(1220, FR.range(501, 1200), header, dist.total)));
    expect(r.reply.list[0]).toBe(fr(() => FR.rangeLine(FR.range(601, 1200), 120, null)));
    expect(asker()("combien de candidats entre 455 et 470 dans le bassin ?").text).toBe(fr(() => `${FR.poolRangeInexact(FR.range(455, 470), FR.range(451, 470), 2900, header, dist.total)} ${FR.poolRangeInner(FR.range(461, 470), 1400)}`));
    expect(asker()("how many people above 500 in the pool").text).toMatch(/^1,220 candidates had a CRS score of 501 or more/);
    expect(asker()("pool distribution").reply.list[0]).toBe("601 or more: 120");
  });

  it("says English period labels back in French", () => {
    const p = (label: string, kind: Period["kind"] = "relative"): Period => ({ from: "2026-01-01", to: "2026-03-31", label, kind });
    expect(fr(() => FR.period(p("the last 6 months")))).toBe("les 6 derniers mois");
    expect(fr(() => FR.period(p("the last week")))).toBe("la dernière semaine");
    expect(fr(() => FR.period(p("this year (2026)", "year")))).toBe("cette année (2026)");
    expect(fr(() => FR.period(p("March 2025", "month")))).toBe("mars 2025");
    expect(fr(() => FR.period(p("since round 400", "since-round")))).toBe("depuis le tirage 400");
    expect(fr(() => FR.period(p("January 5, 2026 to March 1, 2026", "range")))).toBe("du 5 janvier 2026 au 1er mars 2026");
    expect(fr(() => FR.during("the last 6 months"))).toBe("au cours des 6 derniers mois");
    expect(fr(() => FR.during("2025"))).toBe("en 2025");
    expect(fr(() => FR.during("since 2023"))).toBe("depuis 2023");
    expect(DRAW_MESSAGES.en.during("the last 6 months")).toBe("in the last 6 months");
  });

  it("reads numeric dates day first when asked to, month first by default", () => {
    const now = new Date("2026-04-01T12:00:00Z");
    expect(findDates("round of 05/07/2023", now).dates[0]).toMatchObject({ iso: "2023-05-07", alternative: "2023-07-05" });
    expect(findDates("round of 05/07/2023", now, { dayFirst: true }).dates[0]).toMatchObject({ iso: "2023-07-05", alternative: "2023-05-07" });
    expect(findDates("round of 25/07/2023", now).dates[0]?.iso).toBe("2023-07-25");
  });

  it("names every slash command and option in French within Discord's limits, and says bad options in French", () => {
    const context: SkillContext = { knowledge: k, now: TODAY, slots: {}, lastSourced: undefined };
    const specs = [roundSkill.command, roundsSkill.command, tieBreakSkill.command, poolSkill.command, scoreCheckSkill.command] as CommandSpec<unknown>[];
    expect(specs.map((spec) => spec.name)).toEqual(["draw", "rounds", "tiebreak", "pool", "check"]);
    expect(specs.map((spec) => spec.fr?.name)).toEqual([FR.commands.draw.name, FR.commands.rounds.name, FR.commands.tiebreak.name, FR.commands.pool.name, FR.commands.check.name]);
    for (const spec of specs) {
      for (const named of [spec, ...spec.options]) {
        expect(named.fr?.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
        expect(named.fr?.name).toBe(named.fr?.name.toLowerCase());
        expect(named.fr?.description.length).toBeLessThanOrEqual(100);
      }
    }
    expect(fr(() => roundSkill.command?.toParams({ round: "abc" }, context))).toEqual({ ok: false, message: FR.notRoundNumber("abc") });
    expect(fr(() => scoreCheckSkill.command?.toParams({ score: 5000 }, context))).toEqual({ ok: false, message: fr(() => FR.badScore()) });
    expect(fr(() => roundsSkill.command?.toParams({ stat: "moyenne" }, context))).toMatchObject({ ok: true, params: { stat: "average" } });
    expect(roundSkill.command?.toParams({ round: "abc" }, context)).toEqual({ ok: false, message: DRAW_MESSAGES.en.notRoundNumber("abc") });
  });

  it("gives French examples the bot understands in French", () => {
    const ask = asker();
    for (const skill of [roundSkill, roundsSkill, tieBreakSkill, poolSkill, scoreCheckSkill]) {
      for (const q of fr(() => skill.examples(k))) {
        const r = ask(q);
        expect(r.reply.lang, q).toBe("fr");
        expect(r.skills, q).toContain(skill.id);
      }
    }
    expect(roundSkill.examples(k)).toContain("what was the last cut-off?");
  });
  it("follows a French thread: the same range at another date, the round before in the same category, the last round of a category for a score", () => {
    const ask = asker();
    ask("combien de profils entre 501 et 1200 dans le bassin");
    const range = ask("c'etait combien dans cette tranche au 1 mars 2026");
    expect(range.skills).toEqual(["pool"]);
    expect(range.text).toMatch(/^1\s220 candidats avaient un score SCG de 501 ou plus\. Au 1er mars 2026/);
    ask("tirage 9");
    expect(ask("et celle d'avant dans la meme categorie").text).toMatch(/^Tirage 3 \(6 mars 2024, PCP\), le tirage PCP précédant le tirage 9/);
    ask("la catégorie santé c'est quoi");
    ask("y a eu combien de tirages pour ca");
    expect(ask("480 j'aurais passe au dernier?").text).toMatch(/^Oui, au tirage santé le plus récent que je connaisse/);
  });
  it("answers a French comparison of two types' latest rounds Yes or No, by cut-off or by invitations", () => {
    const ask = asker();
    expect(ask("le dernier tirage PEC avait un seuil plus haut que le dernier tirage PCP ?").text).toMatch(/^Non\. PEC : tirage 8 \(4 mars 2026, PEC\), note de passage 515/);
    expect(ask("le dernier tirage PEC a invite plus de monde que le dernier PCP ?").text).toMatch(/^Oui\. PEC : tirage 8/);
    ask("combien de tirages en 2024");
    expect(ask("pareil pour 2025").text).toMatch(/^Je connais 2 tirages en 2025/);
  });
  it("reads 'jaurais' without its apostrophe, 'cb' for combien, and counts the pool above a score told in the same message", () => {
    const ask = asker();
    expect(ask("crs 500, jaurais eu une ita au tirage 8 ?").text).toMatch(/^Non : 500 est inférieur à la note de passage de 515 du tirage 8/);
    expect(ask("jai 500 pile, cb sont au dessus de moi").skills).toEqual(["pool"]);
    expect(ask("c koi le dernier tirage pcp, cb de points fallait").text).toMatch(/^780 : la note de passage du tirage 9/);
  });
  it("reads « tirage numéro », a date after « du » as a date and not a round, « c'était bon », « = 750 » as the score told", () => {
    expect(asker()("tirage numero 8 stp").text).toMatch(/^Tirage 8 /);
    expect(asker()("tie break du tirage du 4 mars 2026 stp").text).toMatch(/le tirage 8 \(4 mars 2026, PEC\)/);
    expect(asker()("500 au tirage 8, c'etait bon?").text).toMatch(/^Non : 500 est inférieur à la note de passage de 515 du tirage 8 /);
    expect(asker()("jai 150 + 600 de nomination = 750, au dernier tirage PCP jaurais eu l'invitation?").text).toMatch(/^Non, pas au tirage PCP le plus récent que je connaisse : 750 est inférieur à la note de passage de 780/);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
