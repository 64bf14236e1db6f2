import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import type { KnowledgeBase } from "../../src/kb/schema.js";
import { loadVocabulary } from "../../src/kb/vocabulary.js";

const FEED = "ircc/ee_rounds_123_en.json";

function shipped(): KnowledgeBase {
  const loaded = loadKnowledgeBase(DEFAULT_PATHS.kb);
  if (!loaded.ok) throw loaded.error;
  return loaded.value;
}
const kb = shipped();
const draw = (round: string) => kb.draws.find((d) => d.round === round);

describe("the shipped knowledge base, as IRCC's feed states it", () => {
  it("has all 431 rounds, 91a and 91b included, in round order", () => {
    expect(kb.draws).toHaveLength(431);
    expect(kb.draws.map((d) => d.round).slice(89, 94)).toEqual(["90", "91a", "91b", "92", "93"]);
    expect(kb.draws.every((d, i) => i === 0 || (kb.draws[i - 1]?.order ?? 0) < d.order)).toBe(true);
  });

  it("gives round 430: July 23 2026, 4 invitations, CRS 368, Skilled Military Recruits", () => {
    expect(draw("430")).toMatchObject({
      date: "2026-07-23",
      time: "10:19:47",
      invitations: 4,
      crs: 368,
      name: "Skilled Military Recruits, 2026-Version 1",
      category: "military",
      roundType: "category-based",
      version: "2026-Version 1",
      listYear: 2026,
      tieBreak: { date: "2026-06-02", time: "20:11:26" },
      sources: [FEED],
    });
    expect(draw("430")?.distribution).toMatchObject({ asOf: "2026-07-19", total: 231533 });
  });

  it("gives 91a and 91b, the two rounds of May 30 2018, their own programs", () => {
    expect(draw("91a")).toMatchObject({ order: 91.1, date: "2018-05-30", category: "fst", crs: 288, invitations: 500 });
    expect(draw("91b")).toMatchObject({ order: 91.2, date: "2018-05-30", category: "pnp", crs: 902, invitations: 200 });
  });

  it("lists the feed as an official source dated by its newest round, with its address", () => {
    expect(kb.sources.find((s) => s.id === FEED)).toMatchObject({
      kind: "official",
      title: "Express Entry: rounds of invitations",
      publisher: "Immigration, Refugees and Citizenship Canada",
      url: "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json",
      asOf: "2026-07-23",
    });
    expect(kb.sources.filter((s) => s.kind === "article").every((s) => s.url === null)).toBe(true);
  });

  it("lists every round type of the vocabulary with the names the sources give it", () => {
    const vocabulary = loadVocabulary(DEFAULT_PATHS.vocabulary);
    expect(kb.roundTypes.map((r) => r.id)).toEqual(vocabulary.roundTypes.map((r) => r.id));
    expect(kb.roundTypes.find((r) => r.id === "french")?.seenNames).toEqual(["French language proficiency (Version 1)", "French-Language proficiency 2026-Version 2"]);
    expect(kb.roundTypes.find((r) => r.id === "stem")?.seenNames).toContain("STEM occupations (2023-1)");
    expect(kb.draws.every((d) => d.category !== null && kb.roundTypes.some((r) => r.id === d.category))).toBe(true);
  });

  it("leaves no distribution where IRCC published none, and keeps the nested ranges where it did", () => {
    expect(draw("1")?.distribution).toBeNull();
    expect(draw("430")?.distribution?.ranges).toHaveLength(17);
    expect(kb.draws.filter((d) => d.distribution !== null).length).toBe(213);
  });
});
