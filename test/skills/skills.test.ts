import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../src/core/messages.js";
import { defaultRegistry, SkillRegistry } from "../../src/skills/registry.js";
import { EMPTY_CONVERSATION, MemoryConversations, Robot } from "../../src/skills/robot.js";
import type { Skill } from "../../src/skills/types.js";
import { asker, smallKnowledge, smallRobot, TODAY } from "../helpers/small-kb.js";

// Figures below are the made-up rounds of test/fixtures/kb-small; the lists, grid and NOC are the shipped ones.
describe("skills on the small knowledge base", () => {
  it("answers the latest round and the latest of a type, dated, with the round of any type beside it", () => {
    const ask = asker();
    expect(ask("what was the last cut-off?").text).toMatch(/^780: the lowest CRS score invited in round 9 \(March 18, 2026, PNP\), the latest round I know of/);
    const cec = ask("last CEC draw");
    expect(cec.skills).toEqual(["round"]);
    expect(cec.text).toContain("round 8 (March 4, 2026, CEC)");
    expect(cec.text).toContain("The latest round of any type I know of is round 9");
    expect(cec.reply.sources.map((s) => s.kind)).toContain("official");
  });

  it("continues the subject of the conversation: invitations and the tie-break of the round just named", () => {
    const ask = asker();
    ask("draw 4b");
    expect(ask("how many were invited?").text).toMatch(/^800 invitations were issued in round 4b/);
    expect(ask("and the tie-break?").text).toMatch(/^March 28, 2024 at 09:30:00 UTC: in round 4b/);
    // A new subject replaces the old one.
    ask("draw 3");
    expect(ask("and the tie-break?").text).toContain("round 3 (March 6, 2024, PNP)");
  });

  it("answers rounds over a period, a range of round numbers and all time", () => {
    const ask = asker();
    expect(ask("how many ITAs in 2026").text).toMatch(/^4,900 invitations were issued in 3 rounds in 2026/);
    expect(ask("lowest cut-off ever").text).toMatch(/^410: the lowest cut-off/);
    expect(ask("how many invitations across rounds 1 to 3").text).toMatch(/^6,400 invitations/);
    expect(ask("cec draws in may 2025").text).toContain("round 6 (May 14, 2025, CEC)");
  });

  it("says there were no rounds in a period rather than answering another one", () => {
    const ask = asker();
    // A period after the records end: none known, and why that may not be the whole story.
    expect(ask("draws this month").text).toMatch(/^No round I know of this month \(April 2026\): my records end with round 9 \(March 18, 2026, PNP\), so one may have been held since/);
    expect(ask("draws in february 2026").text).toMatch(/^I know of 1 round in February 2026/);
    expect(ask("any draws in january 2026").text).toMatch(/^No: I know of no rounds in January 2026\./);
    expect(ask("draws last month").text).toMatch(/^I know of 2 rounds last month \(March 2026\)/);
  });

  it("checks a score against past rounds, yes or no first, never a prediction", () => {
    const ask = asker();
    const r = ask("I have 500, would I have been invited?");
    expect(r.skills).toEqual(["score-check"]);
    // The latest all-program round (round 1) is older than the 12 months looked at: those months' rounds answer.
    expect(r.text).toMatch(/^In some rounds only: 500 would have been enough in 1 of 4 rounds in the 12 months to March 18, 2026\./);
    expect(r.text).toContain(MESSAGES.pastNotFuture);
    expect(ask("I have 530, any luck in CEC draws?").text).toMatch(/^Yes/);
  });

  it("sums the pool's published ranges and says when a range cannot be split", () => {
    const ask = asker();
    expect(ask("how many people above 500 in the pool").text).toMatch(/^1,220 candidates had a CRS score of 501 or more/);
    expect(ask("how many people between 455 and 470 in the pool").text).toContain("I can't count 455 to 470 exactly");
    expect(ask("pool distribution").reply.list[0]).toBe("601 or more: 120");
  });

  it("answers category membership for today with what changed, and for a year asked", () => {
    const ask = asker();
    const r = ask("is 21231 STEM?");
    expect(r.text).toMatch(/^No\. 21231 Software engineers and designers \(TEER 1\) is not on the STEM list IRCC has used since February 27, 2025\. It was on the 2023 and 2024 lists\./);
    expect(ask("and its TEER?").text).toMatch(/^TEER 1/);
    expect(ask("was it on the 2024 list?").text).toMatch(/^Yes\./);
    expect(ask("which categories is 31301 in?").text).toContain("healthcare");
  });

  it("cites the NOC and the lists it checked when an occupation is on no list, and reads 'a category for us' as about the job", () => {
    const r = asker()("accountant, is there a category for us?");
    expect(r.skills).toEqual(["occupation"]);
    expect(r.text).toMatch(/^No\. 11100 /);
    const kinds = r.reply.sources.map((s) => s.title ?? "");
    expect(kinds.some((t) => /National Occupational Classification/.test(t))).toBe(true);
    expect(r.reply.sources.length).toBeGreaterThan(1);
  });

  it("takes a province beside a job as where the asker lives, not a provincial nominee question", () => {
    const r = asker()("i'm a LPN in Ontario, what's my noc code");
    expect(r.skills).toEqual(["occupation"]);
    expect(r.text).toMatch(/^32101 /);
  });

  it("answers the month or year before the rounds just listed, in English and in French", () => {
    const ask = asker();
    expect(ask("draws in march 2026").text).toContain("round 9");
    const before = ask("and the month before?");
    expect(before.skills).toEqual(["rounds"]);
    expect(before.text).toMatch(/^I know of 1 round in February 2026: .*round 7 /);
    const years = asker();
    years("cec draws in 2025");
    expect(years("and the year before").text).toMatch(/^I know of 1 CEC round in 2024: .*round 2 /);
    const fr = asker();
    fr("les tirages de mars 2026 svp");
    expect(fr("et le mois d'avant?").text).toMatch(/février 2026/);
  });

  it("checks a score against the round of a type just described, and 'the one before' stays in that type", () => {
    const ask = asker();
    ask("last cec draw");
    expect(ask("i have 480, would i have got an ita?").text).toMatch(/^No: 480 is below the cut-off of 515 in round 8 /);
    expect(ask("and the one before").text).toMatch(/[Rr]ound 6 /);
  });

  it("reads a job beside a category and a year as a question about its list, and says one round once", () => {
    const r = asker()("welder on trades 2025");
    expect(r.skills).toEqual(["occupation"]);
    expect(r.text).toMatch(/^(?:Yes|No)\. 72106 /);
    const one = asker()("stem 2025");
    expect(one.skills).toEqual(["rounds"]);
    expect(one.text).toMatch(/^I know of 1 STEM round in 2025: 500 invitations, cut-off 490 in round 5 \(/);
    expect(one.text).not.toContain("They run from");
  });

  it("reads 'would 520 have made it' as a score against the round just described, and 'the may one' in the year listed", () => {
    const ask = asker();
    ask("last cec draw");
    expect(ask("would 520 have made it").text).toMatch(/^Yes: 520 is at or above the cut-off of 515 in round 8 /);
    const year = asker();
    year("cec draws in 2025");
    expect(year("would 535 have got me in the may one").text).toMatch(/^Yes, in the latest CEC round of May 2025: 535 is at or above the cut-off of 530 in round 6 /);
  });

  it("answers what the TEER levels are when asked how many, and help when asked what it can be asked after a greeting", () => {
    expect(asker()("how many teer levels r there").text).toMatch(/^TEER stands for .* one of six TEER categories, 0 to 5/);
    expect(asker()("hey what kind of stuff can i ask u").skills).toEqual(["help"]);
  });

  it("answers No first when a category had no round yet, asked yes or no as a follow-up, in English and French", () => {
    const ask = asker();
    ask("is there a researchers category");
    expect(ask("any draws for it yet").text).toMatch(/^No: I know of no researchers rounds/);
    const fr = asker();
    fr("est-ce qu'il y a une categorie chercheurs");
    expect(fr("y a deja eu un tirage pour eux?").text).toMatch(/^Non : je ne connais aucun tirage chercheurs/);
    expect(asker()("y a encore une categorie agriculture et agroalimentaire en 2026?").text).toMatch(/^Non : agriculture et agroalimentaire n'est pas une catégorie en 2026/);
  });

  it("reads a consultant's notes: 'client 31', 'PA:', '3y CAN', 'total?', 'if spouse doesnt accompany', '+ sibling', 'education pts?'", () => {
    const ask = asker();
    const total = ask("client 31, married, spouse accompanying. PA: masters, CLB 9 all, 1 yr CAN exp. spouse: bachelor, CLB 7 all, no CAN exp. total?");
    expect(total.skills).toEqual(["crs"]);
    expect(total.text).toMatch(/^437: /);
    expect(ask("if spouse doesnt accompany").text).toMatch(/^448: .*with that change \(11 points more\)/);
    expect(ask("+ sibling in canada (PR)").text).toMatch(/^463: /);
    expect(asker()("client 38 / masters / CLB 9 / 3y CAN + 2y foreign / single — pts?").text).toMatch(/^484: /);
    expect(asker()("client: PhD, spouse accompanying — education pts?").text).toMatch(/^Doctoral level university degree \(PhD\): 140 with a spouse/);
    // "y/o" is still years old.
    expect(asker()("30 y/o, master's, IELTS 7.0 in all four bands, 2 yrs canadian exp, 1 yr abroad, single. total?").text).toMatch(/^491: /);
  });

  it("answers Yes when a job was ever on a list, every category of a code asked which, and a job named in a 'still a category' question", () => {
    const ask = asker();
    ask("is 21231 stem");
    expect(ask("was it ever on it").text).toMatch(/^Yes\. 21231 .* It was on the 2023 and 2024 lists\./);
    expect(asker()("family doctor 31102 which category").text).toMatch(/^healthcare and physicians: 31102 /);
    expect(asker()("truck driver still in transport category 2026 or not").text).toMatch(/^No\. 73300 Transport truck drivers/);
  });

  it("lists a category's occupations for 'which ones' after its count, and reads 'back then' as the year of the round just described", () => {
    const ask = asker();
    ask("how many codes in stem 2025");
    const which = ask("which ones");
    expect(which.skills).toEqual(["category"]);
    expect(which.text).toMatch(/^The 2025 STEM list .* has \d+ occupations:/);
    const then = asker();
    then("what was draw 4b");
    expect(then("how many healthcare occupations were on the list back then").text).toMatch(/the 2024 healthcare list/);
  });

  it("answers whether a round named by number was of the type asked, Yes or No first", () => {
    expect(asker()("was round 8 cec only").text).toMatch(/^Yes: round 8 \(March 4, 2026, CEC\), a CEC round/);
    expect(asker()("was round 8 a pnp draw").text).toMatch(/^No, it was not a PNP round: round 8 \(March 4, 2026, CEC\)/);
  });

  it("continues an occupation with 'in the healthcare list 2026?', a category with 'when was it created', a round list with 'which one had the lower cutoff'", () => {
    const job = asker();
    job("noc 31301 wat is it");
    expect(job("in the healthcare list 2026?").text).toMatch(/^Yes\. 31301 /);
    expect(job("and the teer").text).toMatch(/^TEER 1/);
    const list = asker();
    list("healthcare category which nocs");
    expect(list("when was it created").skills).toEqual(["category"]);
    const rounds = asker();
    rounds("cec draws in 2024");
    expect(rounds("which one had the lower cutoff").text).toMatch(/^520: the lowest cut-off/);
  });

  it("answers whether a job was removed from a category's list: Yes when an earlier list had it and today's does not", () => {
    expect(asker()("did cooks get removed from trades").text).toMatch(/^Yes\. 63200 Cooks \(TEER 3\) is not on the trades list/);
    expect(asker()("was welder removed from trades in 2026").text).toMatch(/^No\. 72106 /);
    expect(asker()("wait insurance agents are in STEM??").text).toMatch(/63100 /);
  });

  it("answers 'any stem draws in 2025 or 2026' over both years, No first when there were none", () => {
    expect(asker()("any transport draws in 2025 or 2026").text).toMatch(/^No: I know of no transport rounds in 2025–2026\./);
    expect(asker()("any cec draws in 2025 or 2026").text).toMatch(/^Yes\. I know of 2 CEC rounds in 2025–2026/);
  });

  it("reads the facts after 'wife coming with me' as the candidate's own when none came before, and 'is that on the trades list' after a job", () => {
    const own = asker()("29 married wife coming with me masters clb 9 2 yrs canadian exp");
    expect(own.skills).toEqual(["crs"]);
    expect(own.text).toMatch(/^\d+: your CRS score/);
    expect(own.reply.list.some((l) => /^Education: 126 /.test(l))).toBe(true);
    const job = asker();
    job("electrician noc");
    expect(job("is that on the trades list").text).toMatch(/^Yes\. 72200 /);
  });

  it("answers the code asked for a job whose words name a category, and three rounds listed after the word", () => {
    expect(asker()("cest quoi le code cnp pour les enseignants au primaire").text).toMatch(/^41221 /);
    const three = asker()("cutoffs of rounds 7, 8 and 9");
    expect(three.text).toMatch(/^I know of 3 rounds in rounds 7, 8, 9/);
    expect(asker()("jsuis soudeur c koi mon code").text).not.toContain("jsuis");
  });

  it("says so when an earlier list it names is not verified", () => {
    const k = smallKnowledge();
    const notVerified = k.kb.categoryLists.filter((l) => l.status !== "verified" && l.members.some((x) => x.code === "73300"));
    expect(notVerified.length).toBeGreaterThan(0);
    expect(asker()("noc 73300").text).toMatch(/inferred|could not be checked|unverified/);
  });

  it("says a mistyped job title it cannot find, instead of answering about the previous occupation", () => {
    const ask = asker();
    ask("is 21232 stem?");
    const r = ask("is a zqxw wizard stem or not");
    expect(r.text).not.toContain("21232");
  });

  it("computes a CRS score one question at a time and recomputes a what-if", () => {
    const ask = asker();
    expect(ask("what's my CRS?").text).toContain("How old are you?");
    ask("29");
    ask("single");
    ask("masters");
    ask("clb 9");
    ask("1");
    const total = ask("no");
    expect(total.text).toMatch(/^\d{3}: your CRS score/);
    expect(ask("and if I get CLB 10?").text).toContain("with that change");
  });

  it("names the field of an impossible value and gives no score", () => {
    const r = asker()("I'm 7 years old, single, phd, clb 9, what's my crs");
    expect(r.text).toContain("age");
    expect(r.text).not.toMatch(/^\d{3}:/);
    expect(r.reply.userError).toBe(true);
  });

  it("declines what it cannot know, names it, and offers what it can", () => {
    const ask = asker();
    const r = ask("how long does PR processing take after AOR");
    expect(r.skills).toEqual(["decline"]);
    expect(r.text).toContain("processing times");
    expect(ask("what will the next CEC cut-off be?").text).toContain("predict");
    expect(ask("tell me a joke about hockey").skills).toEqual(["decline"]);
  });

  it("declines funds and chances as what they are, even with a small number beside them", () => {
    const ask = asker();
    const funds = ask("proof of funds for family of 3?");
    expect(funds.skills).toEqual(["decline"]);
    expect(funds.text).toContain('About "proof of funds"');
    expect(ask("wats my chance of getting ITA in 2027").text).toContain("predict");
    // A CRS profile that mentions a permit is still a profile, not a visa question.
    expect(ask("24, single, bachelor, CLB 8 all four, 1 year work in canada on PGWP. crs?").skills).not.toContain("decline");
  });

  it("says where its data comes from when asked if it is official", () => {
    const r = asker()("is this official data or scraped from some blog");
    expect(r.skills).toEqual(["sources"]);
    expect(r.text).toContain("IRCC");
  });

  it("continues a pool question at another round and compares the pool with a round's", () => {
    const ask = asker();
    ask("how many people above 500 in the pool");
    const back = ask("and back at round 7?");
    expect(back.skills).toEqual(["pool"]);
    expect(back.text).toMatch(/candidates had a CRS score of 501 or more\. As of February 15, 2026 \(published with round 7/);
    const since = ask("did the pool shrink since round 7?");
    expect(since.skills).toEqual(["pool"]);
    expect(since.text).toMatch(/^No\. Up 1,120: 24,220 candidates in the pool as of March 15, 2026, against 23,100 as of February 15, 2026/);
  });

  it("answers the one French bonus row that applies when the levels are told, and follows up on the English level", () => {
    const ask = asker();
    const both = ask("french bonus points if nclc 7 and my english is clb 9");
    expect(both.text).toMatch(/^French NCLC 7\+ on all four abilities AND English CLB 5\+ on all four \(since October 27, 2020\): 50\./);
    expect(both.text).not.toContain(": 25");
    expect(ask("and if my english is only clb 4").text).toMatch(/^French NCLC 7\+ on all four abilities AND English CLB 4 or lower \(or no English test\) \(since October 27, 2020\): 25\./);
    expect(ask("extra points for NCLC 6 french?").text).toMatch(/^No\. 0: French at NCLC 6 earns no additional points/);
  });

  it("answers the question beside a greeting, and reads a code followed by a comma", () => {
    const r = asker()("Good day. I be welder, my NOC na 72106, e dey for trade category?");
    expect(r.skills).toEqual(["occupation"]);
    expect(r.text).toMatch(/^Yes\. 72106 Welders/);
  });

  it("counts a partner's education and test as a partner who comes, and says so", () => {
    const r = asker()("my age is 38, masters, IELTS 6 in each band, 5+ years foreign exp, wife has bachelor and CLB 7, no canada exp. Please calculate");
    expect(r.skills).toEqual(["crs"]);
    expect(r.text).toMatch(/^315: your CRS score/);
    expect(r.text).toContain("Your partner counted as coming with you to Canada");
  });

  it("says which round type had the most rounds of a period, and answers yes or no to whether the pool shrank", () => {
    const ask = asker();
    const r = ask("how many draws in 2024 n which type had the most");
    expect(r.skills).toEqual(["rounds", "rounds"]);
    expect(r.text).toMatch(/\n2\. None: each of the 5 round types held in 2024 had 1 round\./);
    expect(ask("which type had the most draws ever").text).toMatch(/^CEC \(Canadian Experience Class\): 3 of the 10 rounds I know of, the most of the 6 round types held\./);
    expect(ask("did the pool grow since round 7?").text).toMatch(/^Yes\. Up 1,120/);
  });

  it("defines the term the previous answer rests on, and says an acronym written in capitals is one it cannot define", () => {
    const ask = asker();
    ask("21231 title");
    expect(ask("what does that even mean").text).toMatch(/^NOC stands for National Occupational Classification\./);
    const aor = ask("AOR?");
    expect(aor.skills).toEqual(["glossary"]);
    expect(aor.text).toMatch(/^I have no definition of AOR in my sources/);
    expect(ask("how long after aor").skills).toEqual(["decline"]);
    // Asking what two program names stand for is not a comparison of their rounds.
    expect(ask("cec vs pnp what do they stand for").skills).not.toContain("rounds");
  });

  it("answers a TEER named in a yes/no question Yes or No first", () => {
    const ask = asker();
    expect(ask("truck driver is teer 3 right").text).toMatch(/^Yes\. TEER 3: 73300 Transport truck drivers/);
    expect(ask("is 21231 teer 2?").text).toMatch(/^No\. TEER 1: 21231/);
    expect(ask("21231 teer").text).toMatch(/^TEER 1: 21231/);
  });

  it("reads a statistic asked right after rounds of a period as a statistic of those rounds", () => {
    const ask = asker();
    const r = ask("how many cec draws in 2024 and how many itas total");
    expect(r.text).toMatch(/\n2\. 2,500 invitations were issued in 1 CEC round in 2024\./);
    ask("how many draws in 2024");
    expect(ask("which one had the lowest cutoff").text).toMatch(/^410: the lowest cut-off of the 5 rounds in 2024, in round 4a/);
    expect(ask("lowest cutoff ever").text).toMatch(/^410: the lowest cut-off of the 10 rounds in all, in round 4a/);
  });

  it("follows a round with the one of its type before it, and a score check with another month", () => {
    const ask = asker();
    ask("last cec draw");
    expect(ask("and the cec one before that").text).toContain("round 6 (May 14, 2025, CEC)");
    ask("I have 525, would I have been invited in the cec draw in march 2026?");
    const feb = ask("what about the may one");
    expect(feb.skills).toEqual(["score-check"]);
    expect(feb.text).toMatch(/^No, not in the latest CEC round of May 2025: 525 is below the cut-off of 530 in round 6/);
  });

  it("answers whether an occupation is on any list Yes or No first, and says when its lists are of later years", () => {
    const ask = asker();
    expect(ask("can a pharmacist get into any of the category draws").text).toMatch(/^Yes\. 31120 Pharmacists \(TEER 1\) in NOC 2021\. It is on the 2026 healthcare list in force on April 1, 2026\./);
    // The list the previous answer named is the one meant.
    expect(ask("was it on the 2023 list tho").text).toMatch(/^No\. 31120 Pharmacists \(TEER 1\) is not on the 2023 healthcare list \(in force from May 31, 2023\)\. It was on the 2025 and 2026 lists\./);
  });

  it("names a round by its neighbour: the next of a type after a round, the one before", () => {
    const ask = asker();
    expect(ask("when did the next cec draw happen after round 3").text).toMatch(/^The CEC round after round 3 \(March 6, 2024, PNP\) is round 6 \(May 14, 2025, CEC\)/);
    expect(ask("and the one before?").text).toMatch(/^The round before round 6 \(May 14, 2025, CEC\) is round 5 \(March 5, 2025, STEM\)/);
    // A past question is not a prediction.
    expect(ask("when's the next draw").skills).toEqual(["decline"]);
    expect(ask("what was the next draw after 4b").skills).toEqual(["round"]);
  });

  it("answers points questions about one part, one credential, a partner's education, and a fact added to a profile", () => {
    const ask = asker();
    expect(ask("max for skill transferability").text).toMatch(/^100: the most points for skill transferability factors, of the 1,200/);
    expect(ask("3 yr degree from canada extra pts?").text).toMatch(/^Post-secondary education in Canada - credential of three years or longer .*: 30\./);
    expect(ask("how many points if my spouse has a masters").text).toMatch(/^10: Master's degree as your spouse's or partner's education/);
    expect(ask("ielts 7 in all 4, how many language pts? single").text).toMatch(/^110 single, 103 with a spouse, for a first official language at CLB 9 in reading, 9 in writing, 7 in listening, 9 in speaking \(your IELTS scores read as these levels\)\./);
    const first = ask("33, masters, clb 9 all, 3 yrs work abroad + 1 yr in canada, single. whats my score");
    expect(first.text).toMatch(/^487: your CRS score/);
    expect(ask("i also got a brother in canada (citizen) does that change it").text).toMatch(/^502: your CRS score/);
  });

  it("gives an occupation's title in the other official language, and says whether pool data exists Yes or No first", () => {
    const ask = asker();
    expect(ask("french title for 31301").text).toContain("Its official French title (CNP 2021, Statistics Canada): Infirmiers autorisés/infirmières autorisées");
    expect(ask("was there pool data published in 2021").text).toMatch(/^No\. I have no pool distribution published on or before December 31, 2021\./);
    expect(ask("how current is ur draw data").skills).toEqual(["sources"]);
  });

  it("compares a category's lists of two years, and says when category-based selection began", () => {
    const ask = asker();
    const diff = ask("what is the difference between trades list 2025 and 2026");
    expect(diff.text).toMatch(/^1 occupation added and 1 removed: the 2026 trades list \(from February 18, 2026\) has 25, the 2025 list had 25\./);
    expect(diff.reply.list).toEqual(["added: 63201 Butchers - retail and wholesale", "removed: 63200 Cooks"]);
    expect(ask("when category based selection was started by IRCC").text).toMatch(/^May 31, 2023: the 2023 category lists took effect then\./);
    expect(ask("transport category was removed in 2025 true?").text).toMatch(/^Yes: transport is not a category in 2025/);
    expect(ask("For the French-language proficiency category in 2026, is there an occupation list?").text).toMatch(/^No: French-language proficiency has no occupation list/);
    expect(ask("for french category what level of french is needed").text).toMatch(/^NCLC 7 or higher in all four French abilities/);
  });

  it("reads a job told with chatter, a country and honorifics", () => {
    const ask = asker();
    expect(ask("im a chef lol any category for me").text).toMatch(/^No\. 62200 Chefs \(TEER 2\)/);
    expect(ask("Madam I am a primary teacher in Philippines, elementary school, my occupation is in any category?").text).toMatch(/^Yes\. 41221 Elementary school and kindergarten teachers/);
  });

  it("reads work experience named by a country and a Canadian college that is no count of years", () => {
    const ask = asker();
    expect(ask("Sir I am 30, masters degree, IELTS 7 each band, 1 year Canada work and 3 years India work, single, what is my CRS").text).toMatch(/^490: your CRS score/);
    expect(ask("how much for a 3 year degree from a canadian colege").text).toMatch(/: 30\./);
    expect(ask("24, single, did a 4 year bachelor at a canadian college, CLB 8 all four, 1 year work in canada on PGWP. no foreign work. crs?").text).toMatch(/^418: your CRS score/);
    expect(ask("ielts L 7.5 R 6.5 W 6.5 S 6.5 what is my CLB and points (single)").text).toMatch(/CLB 8\. 92 single, 88 with a spouse, for a first official language at CLB 8/);
  });

  it("keeps English for someone who says they don't speak French, and answers what follows a switch in the language chosen", () => {
    const ask = asker();
    const r = ask("I don't speak french, what's the last cec cutoff");
    expect(r.skills).toEqual(["language", "round"]);
    expect(r.reply.lang).toBe("en");
    expect(r.text).toContain("2. 515: the lowest CRS score invited in round 8");
    expect(ask("how many ITAs in 2026").reply.lang).toBe("en");
    const switched = asker()("can you answer in french please? last draw");
    expect(switched.text).toMatch(/\n2\. Tirage 9 \(18 mars 2026, PCP\)/);
  });

  it("does not carry an occupation's category into a score check of every type", () => {
    const ask = asker();
    ask("is 21231 stem?");
    ask("i have 530, would i have been invited in 2026?");
    const r = ask("and in 2024?");
    expect(r.text).toMatch(/^Yes: 530 would have been enough in 3 of 5 rounds in 2024\./);
    expect(ask("what about stem in 2024").text).toMatch(/^No: I know of no STEM rounds in 2024\./);
  });

  it("reads work experience told as 'working in canada for 2 years', 'canadian work 2 yrs' and a city abroad", () => {
    const ask = asker();
    expect(ask("30, single, masters, clb 9, i have been working in canada for 2 years, crs?").text).toMatch(/^467: your CRS score/);
    expect(ask("30, single, masters, clb 9, I worked 4 years in Bangalore, crs?").text).toMatch(/^464: your CRS score/);
    expect(ask("30, single, masters, clb 9, canadian work 2 yrs, foreign work 3 yrs, crs").text).toMatch(/^517: your CRS score/);
    expect(ask("30, single, masters, clb 9, canadian degree 2 years, crs").text).toMatch(/^429: your CRS score/);
  });

  it("declines provincial streams, other countries and application rules as what they are", () => {
    const ask = asker();
    for (const q of ["what's the OINP tech stream cutoff", "BC PNP tech draw cutoff"]) expect(ask(q).skills).toEqual(["decline"]);
    expect(ask("how do i get a us green card").text).toBe(MESSAGES.declineOtherCountry);
    expect(ask("is the uk skilled worker visa easier").text).toBe(MESSAGES.declineOtherCountry);
    for (const q of ["does my ITA expire", "how many days to accept ITA", "can i include my parents", "what is the minimum CRS to enter the pool"]) expect(ask(q).text).toBe(MESSAGES.declineNotInData);
    expect(ask("should I lie about my work experience").text).toBe(MESSAGES.declineLegal);
  });

  it("treats emoji alone as no question, a cut-off asked with 'pls help' as the cut-off, and 'when is next draw' as a prediction", () => {
    const ask = asker();
    expect(ask("🤔🤔🤔").reply.title).toBe(asker()("").reply.title);
    expect(ask("what's the cutoff 🙏🙏 pls help").skills).toEqual(["round"]);
    expect(ask("when is next draw??").skills).toEqual(["decline"]);
    expect(ask("what kind of questions can i ask").skills).toEqual(["help"]);
  });

  it("adds a nomination to the profile just scored, and answers another education level's points", () => {
    const ask = asker();
    expect(ask("29, single, masters, clb 9, 2 years canadian work, crs?").text).toMatch(/^472: your CRS score/);
    expect(ask("what if i get a PNP?").text).toMatch(/^1,072: your CRS score/);
    ask("how many points for a master's?");
    expect(ask("and for a phd?").text).toMatch(/^Doctoral level university degree \(PhD\): 150 single, 140 with a spouse/);
  });

  it("answers whether one round type's latest cut-off was higher than another's Yes or No first, and the pool at the first round of a year", () => {
    const ask = asker();
    expect(ask("was the last cec cutoff higher than the last pnp one").text).toMatch(/^No\. CEC: round 8 \(March 4, 2026, CEC\), cut-off 515, 2,200 invitations\. PNP: round 9 \(March 18, 2026, PNP\), cut-off 780, 700 invitations\. The cut-off was 265 points lower in CEC than in PNP\./);
    expect(ask("pool total as of the first draw of 2026").text).toMatch(/^23,100 candidates were in the Express Entry pool\. As of February 15, 2026 \(published with round 7/);
    expect(ask("social worker is that a category job").text).toMatch(/^Yes\. 41300 Social workers/);
    expect(ask("pilot - which lists").skills).toEqual(["occupation"]);
  });

  it("follows rounds with another measure or period, points with another factor, and a score with the pool above it", () => {
    const ask = asker();
    ask("how many draws in 2024 total");
    expect(ask("and itas").text).toMatch(/^8,400 invitations were issued in 5 rounds in 2024\./);
    expect(ask("same but for 2025").text).toMatch(/^\d[\d,]* invitations were issued in 2 rounds in 2025\./);
    ask("how many points for a pnp nomination");
    expect(ask("and for a sibling in canada").text).toMatch(/^Brother or sister living in Canada .*: 15\./);
    const two = ask("i got 480 crs. how many ppl in the pool are above me rn");
    expect(two.skills).toEqual(["score-check", "pool"]);
    expect(two.text).toMatch(/\n2\. [\d,]+ candidates had a CRS score of 481 or more/);
  });

  it("explains the tie-breaking rule when asked what it means, with the latest round's moment as an example", () => {
    const r = asker()("what does the tie-breaking rule mean");
    expect(r.skills).toEqual(["tie-break"]);
    expect(r.text).toContain("When several candidates have the same CRS score at the cut-off, IRCC invites those who submitted their profile first");
    expect(r.text).toContain("For example, the latest round I know of with one:");
    expect(asker()("what is the tie breaking rule").text).toContain("For example, the latest round I know of with one:");
    expect(asker()("what is the tie breaking rule of round 9").text).not.toContain("For example");
  });

  it("names the categories with no rounds in a year, checks a French level against its category, and lists a count's occupations", () => {
    const ask = asker();
    expect(ask("which categries havnt had any drw in 2026").text).toBe("Education, French-language, skilled military recruits, physicians, researchers, senior managers, STEM, trades and transport: no round in 2026 that I know of (my records end with round 9 (March 18, 2026, PNP)).");
    expect(ask("can i get into the french category with nclc 6").text).toMatch(/^No\. NCLC 7 or higher in all four French abilities/);
    // A yes/no question without its auxiliary, or with it mid-sentence, still gets the yes or no first.
    expect(ask("senior managers need canadian exp?").text).toMatch(/^Yes\. .*experience must be in Canada/);
    expect(ask("stem category - does exp have to be in canada").text).toMatch(/^No\. .*Canadian or foreign experience/);
    const count = ask("how many codes are on the 2026 education list");
    expect(count.text).toMatch(/^5: the 2026 education list/);
    expect(count.reply.list).toHaveLength(5);
    expect(ask("there is education draw this year 2026?").text).toMatch(/^No: I know of no education rounds this year \(2026\)\./);
  });

  it("checks a score against the round just described when asked 'would i have made it'", () => {
    const ask = asker();
    ask("last cec cutoff?");
    ask("and the one before");
    expect(ask("what if i have 518, would i have made it").text).toMatch(/^No: 518 is below the cut-off of 530 in round 6 \(May 14, 2025, CEC\)\./);
  });

  it("answers one core factor's maximum, one column where the partner is said to come or not, and the lowest of rounds just charted", () => {
    const ask = asker();
    expect(ask("max points for the second official language").text).toMatch(/^24 single \(22 with a partner\): the most points for the second official language/);
    expect(ask("maximum points for age").text).toMatch(/^110 single \(100 with a partner\): the most points for age/);
    expect(ask("most points you can get for canadian work experience").text).toMatch(/^80 single \(70 with a partner\)/);
    const partner = ask("how many points for age 38 if my wife comes with me").text;
    expect(partner).toMatch(/^Age 38: 55 with a spouse or partner who comes with you\./);
    expect(partner).not.toContain("61");
    expect(ask("points for a phd, my wife isn't coming").text).toMatch(/: 150 for a single candidate \(or one whose partner does not come\)/);
    expect(ask("points for age 29").text).toMatch(/^Age 29: 110 single, 100 with a spouse/);
    expect(ask("how many pts for 3+ yrs foreign exp with clb 9").text).toMatch(/^50: skill transferability points for foreign work experience/);
    expect(ask("i have a certificate of qualification in my trade and clb 7 all, how many points").text).toMatch(/^50: skill transferability points for a certificate of qualification with CLB 7/);
    const charted = asker();
    charted("chart of CEC cut-offs");
    const lowest = Math.min(...smallKnowledge().drawsOf(["cec"]).map((d) => d.crs ?? Infinity));
    const r = charted("which one was the lowest");
    expect(r.skills).toEqual(["rounds"]);
    expect(r.text).toMatch(new RegExp(`^${lowest}: the lowest cut-off of the \\d+ CEC rounds`));
  });

  it("reads an age told after the marital status, a credential's years as no work, and the category a list answer named as 'that category'", () => {
    const ask = asker();
    expect(ask("single 26, bachelor's, celpip 10 in all, 3 years experience outside canada, never worked in canada").text).toMatch(/^441: your CRS score/);
    expect(ask("how many points for a 3 year canadian degree").text).toMatch(/credential of three years or longer .*: 30\./);
    const sibling = ask("how much do u get for having a sibling in canada").text;
    expect(sibling).toMatch(/^Brother or sister living in Canada .*: 15\./);
    const thread = asker();
    expect(thread("For a client with NOC 31301, which categories is the occupation eligible under for 2026?").skills).toEqual(["occupation"]);
    const latest = smallKnowledge().drawsOf(["healthcare"]).at(-1);
    expect(thread("What was the cut-off in the most recent round for that category?").text).toMatch(new RegExp(`^${latest?.crs}: the lowest CRS score invited in round ${latest?.round} .*healthcare`));
    // "back in 2023" after a past tense is a time; "is transport back" asks whether it returned.
    expect(asker()("were pharmacists in the healthcare category back in 2023").text).toMatch(/^No\. 31120 Pharmacists \(TEER 1\) is not on the 2023 healthcare list/);
    expect(asker()("can you log into my ircc account and check my application status").text).toBe(MESSAGES.declineAccount);
    // Reference letters are a document, not a request for sources.
    expect(asker()("do they want reference letters from my employers").skills).not.toContain("sources");
  });

  it("draws the same chart for another type, reads 'that year' as the year just named, and compares two years' cut-offs Yes or No first", () => {
    const ask = asker();
    ask("chart of CEC cut-offs");
    const pnp = ask("now same for pnp");
    expect(pnp.skills).toEqual(["chart"]);
    expect(pnp.text).toMatch(/^PNP cut-offs, all the rounds I know of \(chart attached\)/);
    ask("how many pnp draws in 2024");
    expect(ask("whats the avg pnp cutoff that year").text).toMatch(/^\d+(?:\.\d)?: the average cut-off of the 1 PNP round in 2024/);
    expect(asker()("was the cec cutoff in 2025 higher than the one in 2026").text).toMatch(/^Yes\. 2025: round 6 \(May 14, 2025, CEC\), cut-off 530/);
    // "n when" after a question asks what the answer already says: no reply of its own.
    expect(asker()("how many cec draws were there n when").reply.intent).not.toBe("multiple");
  });

  it("finds a job written as two words, mistyped in five letters, or abbreviated, and says how it read the phrase", () => {
    const ask = asker();
    expect(ask("hair stylist teer?").text).toMatch(/^TEER 3: 63210 Hairstylists and barbers .* I took "hair stylist" as 63210/);
    expect(ask("weldr noc code").text).toMatch(/^72106 Welders and related machine operators .* I took "weldr" as 72106/);
    expect(ask("vet tech noc").text).toMatch(/^32104 Animal health technologists and veterinary technicians/);
    // A phrase no title holds is not bent into one by leaving a long word out.
    expect(ask("write my letter of explanation for the officer pls").skills).not.toContain("occupation");
  });

  it("reads a round right after 'tiebreak' and alone as a follow-up, a profile with a plus sign, an age after a full stop, and 'official data or a blog'", () => {
    const ask = asker();
    expect(ask("tiebreak 4b").text).toMatch(/^March 28, 2024 at 09:30:00 UTC: in round 4b /);
    expect(ask("and 3").text).toMatch(/^February 20, 2024 at 12:00:00 UTC: in round 3 /);
    expect(asker()("28 single 2 year diploma clb 7 all 1 yr cdn exp + provincial nomination, total?").text).toMatch(/^942: your CRS score/);
    expect(asker()("married but my wife is a canadian citizen so she's not 'coming'. 30, bachelor, clb 8 all, 3 yrs cdn exp. crs?").text).toMatch(/^419: your CRS score/);
    expect(asker()("is this official ircc data or some random blog").skills).toEqual(["sources"]);
    expect(asker()("max spouse pts").text).toMatch(/^40: the most points for spouse or common-law partner factors/);
  });

  it("checks a score against the round just described when the question names none, and reads a low score said to be one", () => {
    const ask = asker();
    ask("last cec draw");
    expect(ask("i have 520 points, would i have been invited?").text).toMatch(/^Yes: 520 is at or above the cut-off of 515 in round 8 \(March 4, 2026, CEC\)/);
    const low = asker()("my score is 80 lol, would i have made a cec draw in 2024");
    expect(low.skills).toEqual(["score-check"]);
    expect(low.text).toMatch(/^No: 80 would have been enough in 0 of 1 CEC round in 2024/);
    // Two digits before the marital status stay an age.
    expect(asker()("crs 29 single masters clb 9").skills).toEqual(["crs"]);
  });

  it("names another round by its number alone after a round, and says when category-based rounds began with the first one", () => {
    const ask = asker();
    ask("draw 3");
    expect(ask("and 4b?").text).toMatch(/^Round 4b \(April 3, 2024, healthcare\), a healthcare round, /);
    // Whether a job is on a list, asked with a year, is not that category's rounds.
    expect(asker()("are nurses in healthcare in 2026").skills).toEqual(["occupation"]);
    const first = smallKnowledge().draws.find((d) => d.category !== null && smallKnowledge().roundType(d.category)?.kind === "category");
    expect(asker()("when did category-based draws start").text).toMatch(new RegExp(`the 2023 category lists took effect then\\. The first category round I know of is round ${first?.round} `));
  });

  it("answers every question of a message, in order", () => {
    const r = asker()("last cec draw? and is 21231 stem\nthanks");
    expect(r.skills).toEqual(["round", "occupation", "help"]);
    expect(r.reply.intent).toBe("multiple");
    expect(r.text).toMatch(/^1\. The latest CEC round/);
  });

  it("attaches a chart spec whose series equals the rounds of the knowledge base", () => {
    const r = asker()("chart of CEC cut-offs");
    expect(r.skills).toEqual(["chart"]);
    const chart = r.reply.chart;
    expect(chart?.kind).toBe("cutoffs");
    const knowledge = smallKnowledge();
    const cec = knowledge.drawsOf(["cec"]).map((d) => ({ round: d.round, value: d.crs }));
    expect(chart?.kind === "cutoffs" ? chart.series[0]?.points.map((p) => ({ round: p.round, value: p.value })) : []).toEqual(cec);
    expect(asker()("chart of researchers draws").text).toContain("I can't draw that chart");
  });

  it("runs slash commands from structured options and refuses bad ones with a message naming them", () => {
    const robot = smallRobot();
    const who = { user: "u", conversation: "slash", platform: "discord" as const };
    expect(robot.command("draw", { round: "4a" }, who).text).toContain("Round 4a");
    expect(robot.command("noc", { occupation: "21231", category: "stem" }, who).text).toMatch(/^No\./);
    const bad = robot.command("draw", { round: "abc" }, who);
    expect(bad.userError).toBe(true);
    expect(bad.text).toContain("not a round number");
    expect(robot.command("check", { score: 530, type: "cec" }, who).text).toMatch(/^Yes/);
    // The partner option never takes the candidate's own years: 29, master's, CLB 9, partner coming, 3 years abroad.
    // With a partner: age 100 + master's 126 + CLB 9 4x29=116 = 342; transferability: education x language 50,
    // foreign 3 years x language 50 (capped 100 in all); partner factors 0 (nothing known); total 442.
    expect(robot.command("crs", { age: 29, education: "masters", clb: 9, partner: "coming", "canadian-years": 0, "foreign-years": 3 }, who).text).toMatch(/^442: your CRS score/);
  });

  it("gives a polite reply when a skill fails, and the other questions are still answered", () => {
    const broken: Skill<null> = { id: "broken", summary: "fails", requires: [], optional: [], match: (c) => (c.text.includes("boom") ? { score: 1, params: null } : null), answer: () => { throw new Error("boom"); }, examples: () => [] };
    const errors: string[] = [];
    const knowledge = smallKnowledge();
    const robot = new Robot(() => knowledge, { now: () => TODAY, registry: new SkillRegistry([broken, ...defaultRegistry().skills]), onError: (_e, where) => errors.push(where.skill) });
    const { reply } = robot.handleWithUnderstanding({ text: "boom\nlast cec draw", user: "u", conversation: "x", platform: "cli" });
    expect(reply.text).toContain(MESSAGES.internalError);
    expect(reply.text).toContain("round 8");
    expect(errors).toEqual(["broken"]);
  });

  it("remembers conversations within bounds of count and time", () => {
    const store = new MemoryConversations({ maxConversations: 2, ttlMs: 60_000 });
    const knowledge = smallKnowledge();
    const robot = new Robot(() => knowledge, { now: () => TODAY, conversations: store });
    for (const c of ["a", "b", "c"]) robot.handle({ text: "draw 3", user: "u", conversation: c, platform: "cli" });
    expect(store.size).toBe(2);
    expect(robot.handle({ text: "and the tie-break?", user: "u", conversation: "a", platform: "cli" }).text).not.toContain("round 3");
  });

  it("answers a turn from the state it is given and hands back the state after it, remembering nothing itself", () => {
    const knowledge = smallKnowledge();
    const robot = new Robot(() => knowledge, { now: () => TODAY });
    const first = robot.turn({ text: "draw 3", user: "u", conversation: "t", platform: "slack" }, EMPTY_CONVERSATION);
    expect(first.state.slots.round).toBe("3");
    expect(robot.conversationCount).toBe(0);
    const follow = robot.turn({ text: "and the tie-break?", user: "u", conversation: "t", platform: "slack" }, first.state);
    expect(follow.reply.text).toContain("round 3");
    expect(robot.turn({ text: "and the tie-break?", user: "u", conversation: "t", platform: "slack" }, EMPTY_CONVERSATION).reply.text).not.toContain("round 3");
  });

  it("answers the rule the category rounds invite by, a medical list as a list and not a medical exam, and two levels offered without a yes", () => {
    const ask = asker();
    const rule = ask("whats the work experience rule for category draws now");
    expect(rule.skills).toEqual(["category"]);
    expect(rule.text).toContain("12 months (1,560 hours)");
    const then = ask("in 2023 how much experience did u need for the category draws");
    expect(then.skills).toEqual(["category"]);
    expect(then.text).toContain("6 months");
    const lab = ask("medical lab assistant 33101 still on the medical list in 2026?");
    expect(lab.skills).toEqual(["occupation"]);
    expect(lab.text).toMatch(/^Yes\. 33101 /);
    ask("french category reqs?");
    const either = ask("is it nclc 7 or 9");
    expect(either.skills).toEqual(["category"]);
    expect(either.text).toContain("NCLC 7");
    expect(either.text).not.toMatch(/^(?:Yes|No)\b/);
  });

  it("reads 'what if she's not coming', 'same client, she has a brother here who is PR' and 'would that get me in' as the profile just scored", () => {
    const ask = asker();
    const first = ask("me 32 + wife 31. i have a masters, celpip 9 in all, 2 yrs canadian exp. she has a bachelors, clb 7 all and 1 yr canadian. whats our crs");
    expect(first.skills).toEqual(["crs"]);
    const alone = ask("what if she's not coming with me");
    expect(alone.skills).toEqual(["crs"]);
    expect(alone.text).toMatch(/^\d+: your CRS score .* with that change/);
    const sibling = ask("same client, she has a brother in Toronto who is PR");
    expect(sibling.skills).toEqual(["crs"]);
    expect(sibling.text).toContain("(15 points more)");
    expect(ask("would that get me in the last cec draw").skills).toEqual(["score-check"]);
  });

  it("finds rounds by their size or cut-off: one named outright, the latest above a size, none below one", () => {
    const ask = asker();
    const by = ask("which draw invited 2,200 people");
    expect(by.skills).toEqual(["rounds"]);
    expect(by.text).toMatch(/^Round 8 \(March 4, 2026, CEC\) is the one round I know of that invited exactly 2,200: 2,200 invitations; lowest CRS score invited 515/);
    expect(ask("the draw where the cutoff was 410").text).toMatch(/^Round 4a \(April 3, 2024, French-language\) is the one round I know of with a cut-off of 410:/);
    expect(ask("last draw with more than 2500 invitations").text).toMatch(/^Round 6 \(May 14, 2025, CEC\) is the latest round I know of that invited more than 2,500:/);
    expect(ask("any draw with under 100 itas ever").text).toMatch(/^No\b/);
    expect(ask("were there draws with fewer than 1000 invitations").text).toMatch(/^Yes\. I know of 4 rounds that invited fewer than 1,000:/);
    ask("how many cec draws ever");
    expect(ask("and how many ppl got invited thru them in total").text).toMatch(/^7,700 invitations were issued in 3 CEC rounds/);
    // "did I miss the cut": Yes when the score fell short.
    expect(ask("I'm at 480 CRS. did I miss the cut in the last CEC?").text).toMatch(/^Yes, 480 missed the latest CEC round I know of: 480 is below the cut-off of 515 in round 8 /);
    expect(ask("i have 530 did i miss the last cec draw").text).toMatch(/^No, 530 did not miss the latest CEC round I know of: /);
    // A score told beside a type is the asker's, checked against its rounds.
    expect(ask("nurse with 465 crs, healthcare draws?").skills).toEqual(["score-check"]);
  });

  it("answers one factor's points asked in passing, in the column the partner's coming says, and a Canadian degree's bonus", () => {
    const ask = asker();
    expect(ask("whats the age points if i'm 32 and single").text).toMatch(/^Age 32: 94 for a single candidate/);
    expect(ask("and if im married and my wife comes with me").text).toMatch(/^Age 32: 85 with a spouse or partner who comes with you\./);
    expect(ask("what if she doesnt come").text).toMatch(/^Age 32: 94 for a single candidate/);
    expect(asker()("3 yrs canadian work exp gives how much crs single applicant").text).toMatch(/^3 years of Canadian work experience: 64 single/);
    expect(asker()("canadian masters degree bonus points").text).toMatch(/^Post-secondary education in Canada - credential of three years or longer .*: 30\./);
    expect(asker()("cec draws - what were the cut offs").text).toMatch(/^I know of 3 CEC rounds in all: 7,700 invitations, cut-offs from 515/);
  });

  it("reads a job named twice, a job beside a category's condition word, a list asked the same as another year's, and a factor's maximum points", () => {
    expect(asker()("I am a chartered accountant from Lagos, is accountant in any of the categories").text).toMatch(/^No\. 11100 Financial auditors and accountants/);
    const cyber = asker()("cybersecurity analyst stem 2026 eligible?");
    expect(cyber.skills).toEqual(["occupation"]);
    expect(cyber.text).toMatch(/^Yes\. 21220 Cybersecurity specialists/);
    expect(asker()("is the healthcare list for 2026 the same as 2025").text).toMatch(/^Yes\. No occupation changed/);
    expect(asker()("is the stem list for 2026 the same as 2023").text).toMatch(/^No\. \d+ occupations added and \d+ removed/);
    expect(asker()("max language points if i get clb 10 in all 4, unmarried").text).toMatch(/^136 single, 128 with a spouse/);
    expect(asker()("skilled military recruits category, who can actually qualify for it").skills).toEqual(["category"]);
  });

  it("continues a category with 'have they had any draws', a code with 'the job title for that code', and reads 'pilot here. transport category?' as the job's membership", () => {
    const ask = asker();
    ask("is there a category for doctors");
    const rounds = ask("have they had any draws");
    expect(rounds.skills).toEqual(["rounds"]);
    expect(rounds.text).toMatch(/^(?:Yes|No)\b.*physicians/);
    const code = asker();
    code("is 72410 on any list");
    expect(code("whats the job title for that code").text).toContain("72410 Automotive service technicians");
    expect(asker()("pilot here. transport category?").text).toMatch(/^Yes\. 72600 Air pilots/);
    expect(asker()("how many occupations were on STEM originally when it launched").text).toMatch(/^24: the 2023 STEM list/);
    expect(asker()("in 2025 what was left in the agri-food category").text).toMatch(/^The 2025 agriculture and agri-food list .* has 1 occupation:/);
    expect(asker()("social worker - does healthcare and social services cover me").text).toMatch(/^Yes\. 41300 Social workers/);
  });

  it("reads days of one month as a period, names the grid's row of an age it does not list, and continues a category with its last round", () => {
    expect(asker()("how many invitations were issued from 1 to 15 march 2026").text).toMatch(/^2,200 invitations were issued in 1 round from March 1, 2026 to March 15, 2026/);
    expect(asker()("im 46, do i get any age points").text).toMatch(/^No\. Age 46 \(the grid's row "45 or more"\): 0 single/);
    const ask = asker();
    ask("is there a healthcare category");
    expect(ask("when was the last one").text).toContain("round 7 (February 18, 2026, healthcare)");
  });

  it("says every category's rounds as 'category rounds', lists a type's round history, and answers what categories there are though rounds are named", () => {
    expect(asker()("how many category rounds in 2024 incl french ones").text).toMatch(/^I know of 2 category rounds in 2024/);
    expect(asker()("cec draws history pls").text).toMatch(/^I know of 3 CEC rounds in all/);
    const which = asker()("what categories are there in 2026 for category based draws");
    expect(which.skills).toEqual(["category"]);
    expect(asker()("civil engg still in stem for 2026 or they removed it").text).toMatch(/^Yes\. 21300 Civil engineers/);
  });

  it("answers whether a type ever had rounds with all of them, and reads a category's name inside a job asked a code for", () => {
    const ever = asker()("has there ever been a stem draw");
    expect(ever.skills).toEqual(["rounds"]);
    expect(ever.text).toMatch(/^Yes\. I know of 1 STEM round in all/);
    expect(asker()("what's the NOC for a Canadian Armed Forces officer").text).toMatch(/^40042 Commissioned officers of the Canadian Armed Forces/);
    expect(asker()("noc for senior manager in construction company").text).toMatch(/^00015 Senior managers - construction/);
  });

  it("reads 'rn', 'max points my spouse can add', 'age points at 30', a prediction of the next one, and a list's removals between two years", () => {
    expect(asker()("is rn on the healthcare list for 2026?").text).toMatch(/^Yes\. 31301 Registered nurses/);
    expect(asker()("max points my spouse can add?").text).toMatch(/^40: the most points for spouse or common-law partner factors/);
    expect(asker()("age points at 30 without spouse").text).toMatch(/^Age 30: 105 for a single candidate/);
    expect(asker()("u think the next one goes under 390").skills).toEqual(["decline"]);
    const dropped = asker()("what got dropped from trades between 2023 and 2025");
    expect(dropped.text).toMatch(/^\d+ occupations added and \d+ removed: the 2025 trades list .* the 2023 list had/);
    expect(dropped.reply.list?.[0]).toMatch(/^removed: /);
  });

  it("answers two jobs set side by side each in turn, and the one side of 'x / y' that names a job", () => {
    const both = asker()("chef vs cook teer difference");
    expect(both.skills).toEqual(["occupation"]);
    expect(both.text).toMatch(/^TEER 2: 62200 Chefs .*\nTEER 3: 63200 Cooks /s);
    expect(both.reply.intent).toBe("occupation");
    expect(asker()("PSW / nurse aide what noc is that").text).toMatch(/^33102 Nurse aides, orderlies and patient service associates/);
  });

  it("answers whether a job offer is needed with what it counts for in the CRS, and leaves a work permit's LMIA alone", () => {
    expect(asker()("do i need a job offer for express entry").text).toMatch(/^No: a job offer \(arranged employment\) gives no CRS points since March 25, 2025/);
    expect(asker()("do i need lmia for work permit").skills).not.toContain("crs");
  });

  it("answers when a category whose name holds condition words was created", () => {
    expect(asker()("when was the physicians with canadian work experience category created").text).toMatch(/^December 8, 2025: the first physicians list I have took effect then/);
  });

  it("makes its examples from the knowledge base", () => {
    const knowledge = smallKnowledge();
    const examples = defaultRegistry().skills.flatMap((s) => s.examples(knowledge));
    expect(examples).toContain("round 9");
    expect(examples.join(" ")).not.toContain("430");
  });
});
