import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildKnowledgeBase, readInputs } from "../../src/kb/build.js";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import { normalize } from "../../src/kb/text.js";
import type { KnowledgeBase } from "../../src/kb/schema.js";
import { buildFrom, SEED_IDS } from "../helpers/kb.js";
import { Knowledge } from "../../src/core/knowledge.js";
import { MESSAGES } from "../../src/core/messages.js";
import { Robot } from "../../src/skills/robot.js";

const S0 = "000_c3a292fb80950ca2.txt";
const S1 = "001_9ce06342c921bf05.txt";
const S2 = "002_94340acf89f2dd7f.txt";
const S3 = "003_faccc20cc5da2bb4.txt";
const S4 = "004_bbc363bcdfda4cdf.txt";

const FEED = "ircc/ee_rounds_123_en.json";
const LISTS = [2023, 2024, 2025, 2026].map((y) => `categories/lists-${y}.json`);
const LISTS_2023 = "categories/lists-2023.json";
const GRID = "crs/crs-grid.json";

const kb: KnowledgeBase = buildFrom(DEFAULT_PATHS);
// What the articles alone say, to check extraction apart from the feed's record.
const fromArticles: KnowledgeBase = buildKnowledgeBase({ ...readInputs(DEFAULT_PATHS), feed: null });
const draw = (round: string, base: KnowledgeBase = fromArticles) => {
  const d = base.draws.find((x) => x.round === round);
  if (!d) throw new Error(`round ${round} missing`);
  return d;
};

describe("the knowledge base built from the five seed articles", () => {
  it("is the committed kb.json, which loads and validates", () => {
    const loaded = loadKnowledgeBase(DEFAULT_PATHS.kb);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.value).toEqual(kb);
  });

  it("reads every article as a source with the title, author, publisher and dates it states", () => {
    expect(kb.sources.map((s) => s.id)).toEqual([...SEED_IDS, ...LISTS, GRID, "glossary.json", FEED, "noc-2021.json"]);
    expect(kb.sources.map((s) => s.kind)).toEqual([
      ...SEED_IDS.map(() => "article"),
      ...LISTS.map(() => "official"),
      "official",
      "reference",
      "official",
      "official",
    ]);
    const by = new Map(kb.sources.map((s) => [s.id, s]));
    expect(by.get("noc-2021.json")).toMatchObject({ title: "National Occupational Classification (NOC) 2021 Version 1.0", publisher: "Statistics Canada", kind: "official" });
    expect(by.get("noc-2021.json")?.url).toMatch(/^https:\/\/www23\.statcan\.gc\.ca\//);
    expect(by.get(S0)).toMatchObject({
      title: "IRCC invited the first STEM candidates in the new occupation-specific Express Entry draw",
      publisher: "Gunness & Associates",
      published: null,
      asOf: "2023-07-05",
      asOfBasis: "latest-date-in-text",
    });
    expect(by.get(S1)).toMatchObject({
      title: "Canada Targeted Express Entry Draw for STEM Category ~ 500 Invitations",
      published: "2023-07-05",
      updated: "2024-04-08",
      asOf: "2024-04-08",
    });
    expect(by.get(S2)).toMatchObject({
      title: "Express Entry Draw 254 | 500 Invited in STEM Category-Specific Draw",
      published: "2023-07-05",
      updated: "2023-08-22",
    });
    expect(by.get(S3)).toMatchObject({ title: "Canada To Target STEM Candidates With Canada Express Entry Invitations In July", asOf: null });
    expect(by.get(S4)).toMatchObject({ title: "IRCC Conducts its First STEM Occupations Draw", author: "Vijay Lala", publisher: "Immiboards" });
  });

  // Values checked by hand against the article text.
  it("gives round 254 as the articles state it: July 5 2023 13:38:22 UTC, STEM (2023-1, written as Version 1), 500 ITAs, CRS 486, tie-break Nov 23 2022 00:01:29", () => {
    expect(draw("254")).toMatchObject({
      date: "2023-07-05",
      time: "13:38:22",
      roundType: "category-based",
      name: "STEM occupations (2023-1)",
      program: null,
      category: "stem",
      // The articles' "2023-1" is an alias of the feed's "Version 1" (knowledge/categories/versions.json).
      version: "Version 1",
      invitations: 500,
      crs: 486,
      tieBreak: { date: "2022-11-23", time: "00:01:29" },
      conflicts: [],
    });
    expect(draw("254").sources).toEqual([S0, S1, S2, S4]);
    expect(draw("254").provenance.crs).toEqual([S0, S1, S2, S4]);
    expect(draw("254").provenance.time).toEqual([S4]);
    expect(draw("254").listYear).toBe(2023);
  });

  it("agrees with IRCC's feed on round 254: every source listed, the feed's wording kept, no conflict", () => {
    const r254 = draw("254", kb);
    expect(r254).toMatchObject({ date: "2023-07-05", time: "13:38:22", category: "stem", invitations: 500, crs: 486, conflicts: [] });
    expect(r254.name).toBe("STEM occupations (Version 1)");
    expect(r254.sources).toEqual([S0, S1, S2, S4, FEED]);
    expect(r254.provenance.crs).toEqual([S0, S1, S2, S4, FEED]);
    expect(r254.provenance.name).toEqual([FEED]);
    expect(r254.version).toBe("Version 1");
    expect(r254.provenance.version).toEqual([FEED]);
    expect(r254.provenance.distribution).toEqual([FEED]);
  });

  it("gives round 253 from the glued table: July 4 2023, no program specified, 700 ITAs, CRS 511", () => {
    expect(draw("253")).toMatchObject({
      date: "2023-07-04",
      roundType: "general",
      name: "No Program Specified",
      category: "general",
      invitations: 700,
      crs: 511,
      tieBreak: null,
      sources: [S4],
    });
  });

  it("gives round 252 from the glued table and ties the June 28 healthcare mention of another article to it", () => {
    expect(draw("252")).toMatchObject({
      date: "2023-06-28",
      name: "Healthcare occupations (2023-1)",
      category: "healthcare",
      invitations: 500,
      crs: 476,
    });
    expect(draw("252").sources).toEqual([S1, S4]);
    expect(draw("252").provenance.crs).toEqual([S4]);
  });

  it("knows exactly the rounds 252, 253 and 254 from the articles, and ties every article mention to a round", () => {
    expect(fromArticles.draws.map((d) => d.round)).toEqual(["252", "253", "254"]);
    expect(fromArticles.unattachedDraws).toEqual([]);
    expect(kb.unattachedDraws).toEqual([]);
  });

  it("reads the four table shapes: spaced, code and TEER glued, code only, glued header", () => {
    const list = (source: string) => kb.sourceLists.find((l) => l.source === source && l.category === "stem");
    expect(list(S0)?.occupations).toHaveLength(24);
    expect(list(S3)?.occupations).toHaveLength(24);
    expect(list(S2)?.occupations).toHaveLength(23);
    expect(list(S2)?.occupations.find((o) => o.code === "20011")).toMatchObject({ title: "Architecture and science managers", teer: 0 });
    expect(list(S2)?.occupations.some((o) => o.code === "21200")).toBe(false);
    expect(list(S1)?.occupations).toHaveLength(12);
    expect(list(S1)?.occupations.find((o) => o.code === "22300")).toMatchObject({
      title: "Civil engineering technologists and technicians",
      teer: null,
    });
    expect(list(S2)?.version).toBe("2023-1");
  });

  it("matches the three 24-row STEM tables to the official 2023 list of rounds 254 and 274, Architects omitted by one", () => {
    const stem2023 = kb.categoryLists.find((l) => l.category === "stem" && l.year === 2023);
    expect(stem2023?.rounds).toEqual(["254", "274"]);
    expect(stem2023?.basis).toEqual([LISTS_2023, S0, S2, S3]);
    expect(stem2023?.members).toHaveLength(24);
    expect(stem2023?.dissent).toEqual([]);
    expect(stem2023?.statedCount).toEqual({ value: 24, sources: [LISTS_2023, S3] });
    const architects = stem2023?.members.find((m) => m.code === "21200");
    expect(architects).toMatchObject({ title: "Architects", teer: 1, sources: [LISTS_2023, S0, S3], omittedBy: [S2] });
  });

  it("matches the later, shorter STEM table to the 2025 list it overlaps most, never merging it into round 254's list", () => {
    expect(kb.sourceLists.find((l) => l.source === S1)).toMatchObject({ category: "stem", listYear: 2025, overlap: 0.9167 });
    const stem = (year: number) => kb.categoryLists.find((l) => l.category === "stem" && l.year === year);
    const stem2023 = stem(2023);
    expect(stem2023?.basis).not.toContain(S1);
    expect(stem2023?.members.some((m) => m.sources.includes(S1) || m.omittedBy.includes(S1))).toBe(false);
    expect(stem2023?.members.some((m) => m.code === "63100")).toBe(false);
    expect(stem(2024)?.basis).toEqual(["categories/lists-2024.json"]);
    expect(stem(2024)?.rounds).toEqual(["293"]);
    const stem2025 = stem(2025);
    expect(stem2025?.basis).toEqual(["categories/lists-2025.json", S1]);
    expect(stem2025?.members.map((m) => m.code)).toContain("63100");
    expect(stem2025?.dissent).toEqual([{ code: "21230", title: "Computer systems developers and programmers", sources: [S1], reason: "not-official" }]);
  });

  it("states the pool size, the year's invitations, the categories, the code count and the conditions with their sources", () => {
    const fact = <K extends KnowledgeBase["facts"][number]["kind"]>(kind: K) =>
      kb.facts.filter((f): f is Extract<KnowledgeBase["facts"][number], { kind: K }> => f.kind === kind);
    expect(fact("pool-size")).toMatchObject([{ value: 214529, asOf: "2023-07-04", sources: [S0] }]);
    expect(fact("invitations-this-year")).toMatchObject([{ value: 60748, year: 2023, sources: [S0] }]);
    expect(fact("year-categories")).toMatchObject([
      { year: 2023, categories: ["agriculture", "french", "healthcare", "stem", "trades", "transport"], sources: [S0, S1, S4] },
    ]);
    expect(fact("category-noc-count")).toMatchObject([{ value: 82, sources: [S3] }]);
    expect(fact("work-experience")).toMatchObject([{ months: 6, withinYears: 3, continuous: true, sources: [S3] }]);
    expect(fact("programs")).toMatchObject([{ programs: ["cec", "fst", "fsw"], sources: [S1, S2, S4] }]);
    expect(fact("round-kinds")[0]?.kinds.map((k) => k.type)).toEqual(["general", "program-specific", "category-based"]);
    expect(fact("schedule")).toMatchObject([{ fixed: false, sources: [S1] }]);
    expect(fact("application-process")[0]?.steps).toHaveLength(2);
    // The sentence before the steps says how the pool is ranked; it is quoted with them.
    expect(fact("application-process")[0]?.ranking).toMatch(/^Express Entry uses a point-based system, the CRS, to rank candidates. profiles\.$/);
    expect(fact("application-process")[0]?.quotes.map((q) => q.line)).toEqual([71, 73, 75]);
  });

  it("states the rules of selection the articles give, each with the articles that state it, the hedged one marked", () => {
    const rules = kb.facts.flatMap((f) => (f.kind === "rule" ? [[f.topic, f.hedged, f.sources]] : []));
    expect(rules).toEqual([
      ["category-any-program", false, [S4]],
      ["category-consultation", false, [S1, S3]],
      ["category-cutoff-lower", true, [S2, S3]],
      ["category-needs-program", false, [S1]],
      ["category-purpose", false, [S2]],
      ["category-ranked-by-crs", false, [S1]],
      ["category-report", false, [S3]],
      ["ee-manages", false, [S2, S3]],
      ["ranked-by-crs", false, [S1, S2]],
    ]);
  });

  it("quotes each fact with the line of the article it comes from", () => {
    for (const f of kb.facts) {
      for (const q of f.quotes) {
        const line = normalize(readFileSync(`${DEFAULT_PATHS.articles}/${q.source}`, "utf8")).split("\n")[q.line - 1] ?? "";
        const start = line.replace(/\s+/g, " ").trim();
        const head = q.text.slice(0, Math.min(25, start.length));
        expect(start.includes(head) || q.text.startsWith(start.slice(0, 25))).toBe(true);
      }
    }
  });

  it("explains the terms the articles define, with their expansions", () => {
    const term = (t: string) => kb.terms.find((x) => x.term === t);
    expect(term("CRS")?.expansion).toBe("Comprehensive Ranking System");
    expect(term("ITA")?.expansion).toBe("Invitation to Apply");
    expect(term("Tie-breaking rule")?.definitions.map((d) => d.text).join(" ")).toMatch(/date and time of submission/);
    expect(term("Express Entry")?.definitions.some((d) => /is a system used by the Canadian government/.test(d.text))).toBe(true);
    expect(term("TEER")?.expansion).toBe("Training, Education, Experience and Responsibilities");
  });

  it("keeps passages with their source and offset and leaves out sidebars and sales copy", () => {
    expect(kb.passages.length).toBeGreaterThan(20);
    for (const p of kb.passages) {
      const text = normalize(readFileSync(`${DEFAULT_PATHS.articles}/${p.source}`, "utf8"));
      expect(text.slice(p.offset, p.offset + 15)).toBe(p.text.slice(0, 15));
      expect(text.split("\n")[p.line - 1]).toContain(p.text.slice(0, 15));
    }
    expect(kb.passages.some((p) => /Weekly Roundup|Keshav|CAD \$999/.test(p.text))).toBe(false);
  });

  it("finds the passage a question about how Express Entry works speaks to, and none for a question no article speaks to", () => {
    const knowledge = Knowledge.load();
    const robot = new Robot(() => knowledge, { now: () => new Date("2026-12-01T12:00:00Z") });
    const ask = (text: string) => robot.handleWithUnderstanding({ text, user: "u", conversation: text, platform: "cli" });
    const who = ask("who decides when draws happen");
    expect(who.understood.map((u) => u.skill)).toEqual(["process"]);
    expect(who.reply.text).toContain("at the discretion of the Immigration Minister");
    expect(who.reply.sources.map((s) => s.id)).toEqual([S1]);
    expect(ask("documants needed for the profile?").reply.text).toContain("Required documents usually consist of language test results");
    expect(ask("what docs do i need after getting the ITA").reply.text).toContain("police clearance certificates");
    // How candidates are ranked, the programs and the steps, asked as people ask them.
    expect(ask("how do they rank ppl in the pool").reply.text).toContain("Express Entry uses a point-based system, the CRS, to rank");
    expect(ask("what are the three programs under express entry").understood.map((u) => u.skill)).toEqual(["process"]);
    expect(ask("got my ITA today!!! what do i upload now").reply.text).toMatch(/^For the complete application, after an invitation: .*police clearance certificates/);
    expect(ask("how do i get into the express entry pool").reply.text).toMatch(/Applying through Express Entry takes two steps:$/);
    expect(ask("how are people picked in category draws").reply.text).toContain("ranked based on their Comprehensive Ranking System (CRS) score");
    expect(ask("how does ircc choose new categories").reply.text).toContain("consultations");
    // What the tie-breaking rule means is the glossary's: a source's definition, how it works, the latest round's moment.
    const tie = ask("what is the tie breaking rule");
    expect(tie.understood.map((u) => u.skill)).toEqual(["glossary"]);
    expect(tie.reply.text).toMatch(/^Tie-breaking rule: To address situations where multiple candidates possess the same CRS score.* For example, the latest round I know of with one: /);
    expect(ask("how does the tie break work").understood.map((u) => u.skill)).toEqual(["tie-break"]);
    const then = ask("what is tie breaking rule, and what was it for round 254");
    expect(then.understood.map((u) => u.skill)).toEqual(["glossary", "tie-break"]);
    // A step asked to be skipped: No first, then the steps in order.
    expect(ask("can i skip the profile and just send my PR application").reply.text).toMatch(/^No: the complete application comes after an invitation, and an invitation only to a profile in the pool\. .*Applying through Express Entry takes two steps:$/);
    expect(ask("in a category round who exactly gets invited").reply.text).toContain("ranked based on their Comprehensive Ranking System (CRS) score");
    expect(ask("in a PNP draw who gets invited").reply.text).toContain("Provincial Nominee");
    expect(ask("what does ee mean in this server").reply.text).toMatch(/^Express Entry: Express Entry is a system/);
    expect(ask("so teer 0 is what kind of job").reply.text).toContain("0 for management occupations");
    const apart = ask("diff between general draw and category draw");
    expect(apart.understood.map((u) => u.skill)).toEqual(["glossary"]);
    expect(apart.reply.text).toMatch(/^They are different kinds of rounds\. .* describes them: General round of invitations: ".*" Category-based rounds of invitations: ".*"$/);
    expect(apart.reply.text).not.toContain("Program-specific");
    expect(ask("what does 'No Program Specified' mean on a draw").reply.text).toMatch(/^"No Program Specified" is the name IRCC's rounds feed gives \d+ rounds of the all-program kind \(the latest I know of: round \d+ /);
    expect(ask("difference between the last CEC and PNP cut-off").understood.map((u) => u.skill)).toEqual(["rounds"]);
    expect(ask("what types of draws are there").reply.text).toContain('names them "General round of invitations", "Program-specific rounds of invitations" and "Category-based rounds of invitations".');
    expect(ask("how does EE work step by step").reply.text).toMatch(/^Express Entry uses a point-based system, the CRS, to rank candidates' profiles\. Applying through Express Entry takes two steps:/);
    // A question that shares only "Express Entry" and "profile" with the articles gets no passage.
    expect(ask("what colour is the express entry logo").understood.map((u) => u.skill)).toEqual(["fallback"]);
    expect(ask("how long is my express entry profile valid").reply.text).toBe(MESSAGES.declineNotInData);
    expect(ask("can you fill my express entry profile for me").reply.text).toBe(MESSAGES.declineAccount);
  });

  it("tells two programs apart by their French acronyms, and defines a third named alone as a follow-up", () => {
    const knowledge = Knowledge.load();
    const robot = new Robot(() => knowledge, { now: () => new Date("2026-12-01T12:00:00Z") });
    const ask = (text: string) => robot.handle({ text, user: "u", conversation: "fr", platform: "cli" }).text;
    expect(ask("c koi la diff entre PEC et TQF")).toMatch(/^Ce sont deux choses différentes : PEC : Programme de l'expérience canadienne .* TQF : Programme des travailleurs qualifiés \(fédéral\)/);
    expect(ask("et TMSF")).toMatch(/^TMSF : Programme des travailleurs de métiers spécialisés \(fédéral\)/);
    const english = (text: string) => robot.handle({ text, user: "u", conversation: text, platform: "cli" }).text;
    expect(english("what is SCG? saw it on a french forum")).toMatch(/^CRS stands for Comprehensive Ranking System\./);
    expect(english("sorry total noob here, what does ITA stand for? keep seeing it everywhere")).toMatch(/^ITA stands for Invitation to Apply\.$/m);
    // A digit of the code asked about: the term whose definition says what that digit is.
    expect(english("what does the 2nd digit of a noc code mean")).toMatch(/^TEER stands for .*the second digit/s);
    expect(english("which digit of the noc code tells you the teer")).toMatch(/^TEER stands for /);
    // Two names of one program asked as the same; two letters no source defines said as such, never another term.
    expect(english("is fsw same as fswp")).toMatch(/^Yes: FSW and FSWP are two names for the same thing\./);
    expect(english("what does pr mean in all this")).toMatch(/^I have no definition of PR in my sources/);
    // A rule asked with its opposite as the other choice, misspelled: the rule's Yes first.
    expect(english("is pnp part of express entry or seperate")).toMatch(/^Yes\. .*manage applications for Canadian permanent residency/);
    // Spelled out, two terms are not said to differ.
    const both = english("For a client briefing, please expand PNP and CEC.");
    expect(both).toMatch(/^PNP stands for Provincial Nominee Program\..* CEC stands for Canadian Experience Class/s);
    expect(both).not.toContain("different things");
    // What a term's definition says, asked as a question about it.
    expect(english("how many TEER categories are there")).toContain("one of six TEER categories");
    expect(english("how many unit groups does noc 2021 have")).toContain("516 unit groups");
    // Two different terms asked as the same: No first; two names of one term: Yes.
    expect(english("is fst the same as fsw")).toMatch(/^No, they are different things: FSTP stands for Federal Skilled Trades Program\. FSWP /);
    expect(english("est-ce que le PEC c'est la meme chose que le FSW")).toMatch(/^Non, ce sont deux choses différentes : /);
    expect(english("fsw vs fswp same thing?")).toMatch(/^Yes: /);
    expect(english("is ITA the same as IPD")).toMatch(/^Yes: ITA and IPD are two names for the same thing\./);
  });
});
