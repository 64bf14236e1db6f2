import { describe, expect, it } from "vitest";
import { generateArticles } from "../../bench/articles.js";
import { generateCorpus, typo } from "../../bench/corpus.js";
import { seeded } from "../../bench/corpus.js";
import { Knowledge } from "../../src/core/knowledge.js";
import { buildKnowledgeBase, readInputs } from "../../src/kb/build.js";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";

const knowledge = Knowledge.load();

describe("the benchmark's generators", () => {
  it("generate the same corpus from the same seed, with every kind of message and at least 2,000 of them", () => {
    const a = generateCorpus(knowledge.kb, knowledge.noc, 2000, 254);
    const b = generateCorpus(knowledge.kb, knowledge.noc, 2000, 254);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(a.map((m) => m.kind))).toEqual(new Set(["code", "title", "job", "draw", "glossary", "noise", "decline"]));
    expect(generateCorpus(knowledge.kb, knowledge.noc, 2000, 1)).not.toEqual(a);
    const rounds = new Set(knowledge.draws.map((d) => d.round));
    for (const m of a.filter((x) => x.kind === "draw")) expect(rounds.has(m.expect ?? "")).toBe(true);
  });

  it("add at most the typos asked for, inside words", () => {
    const rand = seeded(3);
    expect(typo(rand, "software engineers", 0)).toBe("software engineers");
    const one = typo(rand, "software engineers", 1);
    expect(one).not.toBe("software engineers");
    expect(one.split(" ")).toHaveLength(2);
  });

  it("generate articles the real build reads: one round each, in the genre's formats", () => {
    // Without the feed, so that every round comes from the generated articles alone.
    const input = { ...readInputs(DEFAULT_PATHS), feed: null, articles: generateArticles(knowledge.noc, 20) };
    const kb = buildKnowledgeBase(input);
    expect(kb.draws.map((d) => d.round)).toEqual(Array.from({ length: 21 }, (_, i) => String(299 + i)));
    expect(kb.draws.find((d) => d.round === "305")?.sources).toEqual(["gen_00005.txt", "gen_00006.txt"]);
    expect(kb.sourceLists).toHaveLength(20);
  });

  it("generate articles that the build with the feed reads as sources of the feed's rounds", () => {
    const kb = buildKnowledgeBase({ ...readInputs(DEFAULT_PATHS), articles: generateArticles(knowledge.noc, 20) });
    expect(kb.draws).toHaveLength(knowledge.draws.length);
    for (let i = 0; i < 20; i += 1) expect(kb.draws.find((d) => d.round === String(300 + i))?.sources).toContain(`gen_${String(i).padStart(5, "0")}.txt`);
  });
});
