import { describe, expect, it } from "vitest";
import { parseCrsArgs } from "../../src/crs/args.js";
import { calculateCrs } from "../../src/crs/calculate.js";

const parse = (line: string) => parseCrsArgs(line.split(" ").filter((s) => s !== ""));

describe("the crs terminal command's arguments", () => {
  it("reads a full single profile that scores as worked by hand (509)", () => {
    const r = parse("crs --age 29 --marital single --education masters --clb 9 --canadian-years 1 --foreign-years 3 --json");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.json).toBe(true);
    expect(r.profile).toMatchObject({ age: 29, maritalStatus: "single", education: "masters_or_professional", firstLanguage: { language: "english", levels: { reading: 9, speaking: 9 } } });
    const s = calculateCrs(r.profile, { date: "2026-12-01" });
    expect(s.ok && s.value.total).toBe(509);
  });

  it("reads per-ability levels, test scores with ability letters, a second language and a spouse", () => {
    const r = parse("--age 30 --marital married --spouse-coming --education bachelor --clb 8 --writing 7 --second-tcf 460,500,12,6 --spouse-education masters --spouse-clb 7 --spouse-canadian-years 1 --date 2024-05-01");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.date).toBe("2024-05-01");
    expect(r.profile.firstLanguage).toEqual({ language: "english", levels: { reading: 8, writing: 7, listening: 8, speaking: 8 } });
    expect(r.profile.secondLanguage).toEqual({ test: "tcf", scores: { reading: 500, writing: 12, listening: 460, speaking: 6 } });
    expect(r.profile.spouse).toEqual({ education: "masters_or_professional", language: { language: "english", levels: { reading: 7, writing: 7, listening: 7, speaking: 7 } }, canadianExperienceYears: 1 });
    const ielts = parse("--age 30 --marital single --education phd_is_not_a_key --ielts l8,r7,w6.5,s7");
    expect(ielts).toMatchObject({ ok: false });
    const ok = parse("--age 30 --marital single --education doctoral --ielts l8,r7,w6.5,s7");
    expect(ok.ok && ok.profile.firstLanguage).toEqual({ test: "ielts", scores: { reading: 7, writing: 6.5, listening: 8, speaking: 7 } });
  });

  it("reads the yes/no flags and the job offer", () => {
    const r = parse("--age 30 --marital single --education secondary --clb 7 --pnp --sibling --certificate --canadian-education 3+ --job-offer");
    expect(r.ok && r.profile).toMatchObject({ provincialNomination: true, siblingInCanada: true, certificateOfQualification: true, canadianEducation: "3+", arrangedEmployment: "skilled" });
  });

  it("refuses unknown flags, naming them", () => {
    const r = parse("--age 29 --frobnicate 3");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^unknown option --frobnicate; known options: --age /);
  });

  it("refuses bad values with the flag and what it expects", () => {
    expect(parse("--age abc")).toEqual({ ok: false, error: '--age must be a whole number, not "abc"' });
    expect(parse("--age 29 --marital complicated")).toEqual({ ok: false, error: '--marital must be single, married or common-law, not "complicated"' });
    expect(parse("--age 29 --marital single --education two --clb 9")).toMatchObject({ ok: false, error: expect.stringContaining('"two" could be two_year or two_or_more') });
    expect(parse("--age 29 --marital single --education secondary --clb 9,9")).toMatchObject({ ok: false, error: expect.stringContaining("--clb needs one value or four") });
    expect(parse("--age 29 --marital single --education secondary --clb 9 --date 2025-13-01")).toMatchObject({ ok: false, error: expect.stringContaining("--date") });
    expect(parse("--age 29 --marital single --education secondary --clb 9 --canadian-education 2")).toMatchObject({ ok: false, error: expect.stringContaining("1-2, 3+ or none") });
    expect(parse("--age")).toEqual({ ok: false, error: "--age needs a value" });
    expect(parse("--age 29 --marital single --spouse-coming --education secondary --clb 9")).toMatchObject({ ok: false, error: expect.stringContaining("--spouse-coming needs --marital married") });
  });

  it("names the required flags still missing", () => {
    expect(parse("--marital single")).toEqual({ ok: false, error: "missing --age, --education, --clb (or --ielts, --celpip, --pte, --tcf)" });
  });
});
