import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildKnowledgeBase, readInputs, serialize } from "../../src/kb/build.js";
import { runKbCommand } from "../../src/kb/command.js";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import type { KnowledgePaths } from "../../src/kb/paths.js";
import type { KnowledgeBase } from "../../src/kb/schema.js";
import { buildFrom, knowledgeWith } from "../helpers/kb.js";

const FEED = "ircc/ee_rounds_123_en.json";

/** What the articles alone say, without IRCC's feed. */
function fromArticles(paths: KnowledgePaths): KnowledgeBase {
  return buildKnowledgeBase({ ...readInputs(paths), feed: null });
}

function sink(): { write: (s: string) => boolean; text: () => string } {
  let buf = "";
  return { write: (s: string) => ((buf += s), true), text: () => buf };
}

describe("building the knowledge base", () => {
  it("produces the same bytes from the same inputs, whatever order the files are read in", () => {
    const input = readInputs(DEFAULT_PATHS);
    const a = serialize(buildKnowledgeBase(input));
    const b = serialize(buildKnowledgeBase({ ...input, articles: [...input.articles].reverse() }));
    expect(a).toBe(b);
    expect(a).toBe(readFileSync(DEFAULT_PATHS.kb, "utf8"));
  });

  it("adds a later round from a new article in field-list form with no code change, and it becomes the latest", () => {
    const kb = fromArticles(knowledgeWith(["900_round_255_healthcare.txt"]));
    const latest = kb.draws.at(-1);
    expect(latest).toMatchObject({
      round: "255",
      date: "2023-07-06",
      crs: 463,
      invitations: 1500,
      roundType: "category-based",
      tieBreak: { date: "2023-06-12", time: "14:46:37" },
      sources: ["900_round_255_healthcare.txt"],
    });
  });

  it("reads a new article's healthcare pipe table and cites it for the official 2023 members it prints", () => {
    const article = "900_round_255_healthcare.txt";
    const printed = ["31112", "31201", "31301", "32101"];
    const kb = buildFrom(knowledgeWith([article]));
    const table = kb.sourceLists.find((l) => l.source === article);
    expect(table).toMatchObject({ category: "healthcare", listYear: 2023 });
    expect(table?.occupations.map((o) => o.code)).toEqual(printed);
    const health = kb.categoryLists.find((l) => l.category === "healthcare" && l.year === 2023);
    // Members come from the official list; the article is one more source for the codes it prints.
    expect(health?.members).toHaveLength(35);
    expect(health?.basis).toEqual(["categories/lists-2023.json", article]);
    expect(health?.members.filter((m) => m.sources.includes(article)).map((m) => m.code)).toEqual(printed);
    expect(health?.members.filter((m) => !printed.includes(m.code)).every((m) => m.omittedBy.includes(article))).toBe(true);
    expect(health?.dissent).toEqual([]);
    expect(health?.rounds).toEqual(["252", "255", "271"]);
  });

  it("reads a round from sentences and a glued table in another wording, and the two articles agree on round 255", () => {
    const kb = fromArticles(knowledgeWith(["900_round_255_healthcare.txt", "901_round_256_sentences.txt"]));
    const r256 = kb.draws.find((d) => d.round === "256");
    // The article's "2023-1" is written the way the feed spells that version, even with no feed.
    expect(r256).toMatchObject({ date: "2023-07-07", invitations: 2300, crs: 439, category: "french", version: "Version 1", conflicts: [] });
    const r255 = kb.draws.find((d) => d.round === "255");
    expect(r255?.sources).toEqual(["900_round_255_healthcare.txt", "901_round_256_sentences.txt"]);
    expect(r255?.provenance.crs).toEqual(["900_round_255_healthcare.txt", "901_round_256_sentences.txt"]);
    expect(r255?.category).toBe("healthcare");
  });

  it("records a disagreement between sources and picks the value more sources state", () => {
    const paths = knowledgeWith([]);
    writeFileSync(join(paths.articles, "950_wrong.txt"), "A short article that gets a figure wrong\n\nIn round #254, the cut-off score was 468 points.\n");
    const kb = fromArticles(paths);
    const r254 = kb.draws.find((d) => d.round === "254");
    expect(r254?.crs).toBe(486);
    expect(r254?.conflicts).toEqual([
      {
        field: "crs",
        chosen: 486,
        claims: [
          { value: 468, sources: ["950_wrong.txt"] },
          { value: 486, sources: ["000_c3a292fb80950ca2.txt", "001_9ce06342c921bf05.txt", "002_94340acf89f2dd7f.txt", "004_bbc363bcdfda4cdf.txt"] },
        ],
      },
    ]);
    expect(kb.warnings.some((w) => /[Rr]ound 254: sources disagree on crs/.test(w.message))).toBe(true);
  });

  it("chooses the feed's value over any number of articles that disagree with it, and records both claims", () => {
    const paths = knowledgeWith([]);
    for (const name of ["951_wrong.txt", "952_wrong.txt"]) {
      writeFileSync(join(paths.articles, name), "Two articles that get round 430 wrong\n\nIn round #430, IRCC issued 400 invitations and the cut-off score was 386 points.\n");
    }
    const r430 = buildFrom(paths).draws.find((d) => d.round === "430");
    expect(r430).toMatchObject({ crs: 368, invitations: 4, sources: ["951_wrong.txt", "952_wrong.txt", FEED] });
    expect(r430?.provenance.crs).toEqual([FEED]);
    expect(r430?.conflicts).toContainEqual({
      field: "crs",
      chosen: 368,
      claims: [
        { value: 368, sources: [FEED] },
        { value: 386, sources: ["951_wrong.txt", "952_wrong.txt"] },
      ],
    });
    expect(r430?.conflicts.map((c) => c.field).sort()).toEqual(["crs", "invitations"]);
  });

  it("records an article's tie-break that differs from the feed's as a conflict, and keeps the feed's", () => {
    const kb = buildFrom(knowledgeWith(["900_round_255_healthcare.txt"]));
    const r255 = kb.draws.find((d) => d.round === "255");
    expect(r255).toMatchObject({ crs: 463, invitations: 1500, tieBreak: { date: "2023-06-19", time: "06:41:05" } });
    expect(r255?.sources).toEqual(["900_round_255_healthcare.txt", FEED]);
    expect(r255?.conflicts).toEqual([
      {
        field: "tieBreak.date",
        chosen: "2023-06-19",
        claims: [
          { value: "2023-06-12", sources: ["900_round_255_healthcare.txt"] },
          { value: "2023-06-19", sources: [FEED] },
        ],
      },
    ]);
  });

  it("adds a round only an article mentions, with the article as its one source", () => {
    const paths = knowledgeWith([]);
    writeFileSync(join(paths.articles, "953_future.txt"), "An article about a round the feed does not have yet\n\nIn round #431, the cut-off score was 480 points.\n");
    const kb = buildFrom(paths);
    expect(kb.draws.at(-1)).toMatchObject({ round: "431", order: 431, crs: 480, sources: ["953_future.txt"], distribution: null });
    expect(kb.draws).toHaveLength(432);
  });

  it("validates codes against NOC 2021 and warns about a title that does not match, with file and line", () => {
    const kb = buildFrom(knowledgeWith(["905_glued_teer_trades.txt"]));
    const trades = kb.sourceLists.find((l) => l.category === "trades");
    expect(trades?.occupations.map((o) => [o.code, o.teer])).toEqual([["72200", 2], ["72320", 2], ["72400", 2]]);
    expect(kb.warnings).toContainEqual({
      source: "905_glued_teer_trades.txt",
      line: 9,
      message: '72320 is listed as "Welders and related machine operators"; NOC 2021 calls it "Bricklayers"',
    });
  });

  it("finishes with a warning for an empty file, a binary file and a file with no facts, and keeps every other fact", () => {
    const kb = buildFrom(knowledgeWith(["902_empty.txt", "903_binary.txt", "904_no_facts.txt"]));
    const warned = (id: string) => kb.warnings.filter((w) => w.source === id).map((w) => w.message);
    expect(warned("902_empty.txt")).toEqual(["skipped: the file is empty"]);
    expect(warned("903_binary.txt")).toEqual(["skipped: the file is not UTF-8 text"]);
    expect(warned("904_no_facts.txt")).toEqual(["no draw, occupation table or fact found in this article"]);
    const seeds = buildFrom(DEFAULT_PATHS);
    expect(kb.draws).toEqual(seeds.draws);
    expect(kb.categoryLists).toEqual(seeds.categoryLists);
  });

  it("finishes on a 5 MB article and keeps every other fact", () => {
    const paths = knowledgeWith([]);
    const para = "Express Entry news without figures, repeated many times over to make a very large file. ";
    const big = `${"A very large article about nothing much\n\n"}${Array.from({ length: 60_000 }, () => para).join("")}\n\n${"x".repeat(1000)}1234567890\n`;
    writeFileSync(join(paths.articles, "960_big.txt"), big);
    expect(big.length).toBeGreaterThan(5_000_000);
    const kb = buildFrom(paths);
    expect(kb.sources.some((s) => s.id === "960_big.txt")).toBe(true);
    expect(kb.draws.filter((d) => d.sources.some((s) => s.endsWith(".txt"))).map((d) => d.round)).toEqual(["252", "253", "254"]);
  });
});

describe("the kb commands", () => {
  it("kb build writes kb.json, prints warnings with file and line, and kb check passes on it", () => {
    const paths = knowledgeWith(["905_glued_teer_trades.txt"]);
    const out = sink();
    const err = sink();
    expect(runKbCommand("build", paths, out, err)).toBe(0);
    // Six articles, the glossary, the feed, four list files, the CRS grid and the NOC.
    expect(out.text()).toMatch(/^wrote .*kb\.json: 14 sources, 431 draws/);
    expect(err.text()).toMatch(/warning: .*905_glued_teer_trades\.txt:9: 72320 is listed as/);
    expect(runKbCommand("check", paths, sink(), sink())).toBe(0);
  });

  it("kb check fails when kb.json is stale or missing", () => {
    const paths = knowledgeWith([]);
    runKbCommand("build", paths, sink(), sink());
    writeFileSync(join(paths.articles, "970_new.txt"), readFileSync(new URL("../fixtures/articles/900_round_255_healthcare.txt", import.meta.url)));
    const err = sink();
    expect(runKbCommand("check", paths, sink(), err)).toBe(1);
    expect(err.text()).toMatch(/is not what a build produces now/);
    rmSync(paths.kb);
    expect(runKbCommand("check", paths, sink(), sink())).toBe(1);
  });

  it("kb with an unknown command prints usage", () => {
    const err = sink();
    expect(runKbCommand("frobnicate", DEFAULT_PATHS, sink(), err)).toBe(2);
    expect(err.text()).toMatch(/usage/);
  });
});

describe("loading kb.json", () => {
  it("names the path of a bad field instead of throwing", () => {
    const paths = knowledgeWith([]);
    const kb = JSON.parse(readFileSync(DEFAULT_PATHS.kb, "utf8"));
    kb.draws[2].crs = "four hundred";
    writeFileSync(paths.kb, JSON.stringify(kb));
    const result = loadKnowledgeBase(paths.kb);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("ee_kb_invalid");
      expect(result.error.message).toContain("draws[2].crs");
    }
  });

  it("says a missing file is missing and how to build it, and a broken file is not JSON", () => {
    const paths = knowledgeWith([]);
    const missing = loadKnowledgeBase(paths.kb);
    expect(!missing.ok && missing.error.code).toBe("ee_kb_missing");
    expect(!missing.ok && missing.error.message).toMatch(/npm run kb:build/);
    writeFileSync(paths.kb, "{ not json");
    const broken = loadKnowledgeBase(paths.kb);
    expect(!broken.ok && broken.error.message).toMatch(/is not valid JSON/);
  });
});
