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
  });

  it("add at most the typos asked for, inside words", () => {
    const rand = seeded(3);
    expect(typo(rand, "software engineers", 0)).toBe("software engineers");
    const one = typo(rand, "software engineers", 1);
    expect(one).not.toBe("software engineers");
    expect(one.split(" ")).toHaveLength(2);
  });

  it("generate articles the real build reads: one round each, in the genre's formats", () => {
    const input = { ...readInputs(DEFAULT_PATHS), articles: generateArticles(knowledge.noc, 20) };
    const kb = buildKnowledgeBase(input);
    expect(kb.draws.map((d) => d.round)).toEqual(Array.from({ length: 21 }, (_, i) => 299 + i));
    expect(kb.draws.find((d) => d.round === 305)?.sources).toEqual(["gen_00005.txt", "gen_00006.txt"]);
    expect(kb.sourceLists.length).toBeGreaterThan(0);
  });
});
