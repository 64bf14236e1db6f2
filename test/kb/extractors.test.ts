import { describe, expect, it } from "vitest";
import { readArticle, type Article } from "../../src/kb/article.js";
import { extractDraws } from "../../src/kb/extract/draws.js";
import { extractProseFacts } from "../../src/kb/extract/facts.js";
import { extractOccupationTables, parseOccupationRow } from "../../src/kb/extract/occupations.js";
import { extractSourceMeta } from "../../src/kb/extract/source-meta.js";
import { extractTerms } from "../../src/kb/extract/terms.js";
import type { BuildWarning } from "../../src/kb/schema.js";
import { parseDate } from "../../src/kb/text.js";

function article(text: string, id = "t.txt"): Article {
  const a = readArticle(id, new TextEncoder().encode(text));
  if ("rejected" in a) throw new Error(a.rejected);
  return a;
}

describe("dates", () => {
  it("reads the date formats articles use", () => {
    expect(parseDate("July 5th, 2023")).toBe("2023-07-05");
    expect(parseDate("5 July 2023")).toBe("2023-07-05");
    expect(parseDate("Nov 23, 2022")).toBe("2022-11-23");
    expect(parseDate("August 22nd, 2023")).toBe("2023-08-22");
    expect(parseDate("2024-04-08")).toBe("2024-04-08");
    expect(parseDate("February 30, 2023")).toBeNull();
    expect(parseDate("July 5")).toBeNull();
    expect(parseDate("July 5", 2023)).toBe("2023-07-05");
  });
});

describe("source metadata", () => {
  it("splits a byline with glued published and updated dates", () => {
    const meta = extractSourceMeta(article("Skip to main content\nsearch\nA headline about the latest Express Entry draw\n\nBy 5 July 2023April 8th, 2024No Comments\n"));
    expect(meta).toMatchObject({ title: "A headline about the latest Express Entry draw", published: "2023-07-05", updated: "2024-04-08", asOf: "2024-04-08" });
  });

  it("reads labelled dates, an author line and a copyright publisher", () => {
    const meta = extractSourceMeta(
      article("Round 300 brings the cut-off down again\n\nAuthor: Sam Writer | News\nPublished on: March 3rd, 2024\nLast updated: March 4th, 2024\n\nbody\n\nCopyright © 2024 Example Immigration Inc.\n"),
    );
    expect(meta).toMatchObject({ author: "Sam Writer", publisher: "Example Immigration Inc", published: "2024-03-03", updated: "2024-03-04", asOfBasis: "updated" });
  });

  it("dates an undated article by the latest full date in its text, and says so", () => {
    const meta = extractSourceMeta(article("Some long headline with five words\n\nOn June 1, 2023 and on June 9, 2023 things happened.\n"));
    expect(meta).toMatchObject({ published: null, asOf: "2023-06-09", asOfBasis: "latest-date-in-text" });
  });
});

describe("draw extraction", () => {
  it("reads a bulleted field list with the round in a field", () => {
    const [claim, ...rest] = extractDraws(
      article("Results:\n\n  • Express Entry Round: #255\n  • Draw Type: Category-Based\n  • Draw Date: July 6, 2023\n  • CRS Cut-off Score: 463\n  • No. of invitations: 1,500\n  • Tie-breaking rule: June 12, 2023 at 14:46:37 UTC\n"),
    );
    expect(rest).toEqual([]);
    expect(claim).toMatchObject({ round: "255", date: "2023-07-06", roundType: "category-based", crs: 463, invitations: 1500, tieBreak: { date: "2023-06-12", time: "14:46:37" } });
  });

  it("reads a field block whose round is in the heading above it", () => {
    const [claim] = extractDraws(
      article("Express Entry Draw 254\n\nDate of Draw:\u00a0July 5th, 2023\n\nNumber of Invitations Issued:\u00a0500\n\nMinimum CRS: 486\n\nProgram Specified:\u202fSTEM occupations (2023-1)\n\nTie-breaking rule: November 23, 2022 00:01:29 UTC\n"),
    );
    expect(claim).toMatchObject({ round: "254", date: "2023-07-05", invitations: 500, crs: 486, category: "stem", version: "2023-1", tieBreak: { date: "2022-11-23", time: "00:01:29" } });
  });

  it("reads tables of rounds with glued cells, separated cells and pipes", () => {
    const claims = extractDraws(
      article(
        "#DateImmigration programInvitations issuedCRS score of lowest-ranked candidate invited\n254July 5, 2023STEM occupations (2023-1)500486\n253July 4, 2023No Program Specified700511\n#260 | July 19, 2023 | Canadian Experience Class | 1,800 | 505\n261 Aug 1, 2023 Provincial Nominee Program 2,300 739\n",
      ),
    );
    expect(claims.map((c) => [c.round, c.date, c.category, c.invitations, c.crs])).toEqual([
      ["254", "2023-07-05", "stem", 500, 486],
      ["253", "2023-07-04", "general", 700, 511],
      ["260", "2023-07-19", "cec", 1800, 505],
      ["261", "2023-08-01", "pnp", 2300, 739],
    ]);
    expect(claims[2]?.roundType).toBe("program-specific");
    expect(claims[0]).toMatchObject({ name: "STEM occupations (2023-1)", version: "2023-1", listYear: 2023, program: null, distribution: null });
  });

  it("reads a round number with a letter as IRCC writes it", () => {
    const [claim] = extractDraws(article("In round #91b, the cut-off score was 902 points.\n"));
    expect(claim).toMatchObject({ round: "91b", crs: 902 });
  });

  it("reads sentences that name the round, and ignores yearly totals and future plans", () => {
    const claims = extractDraws(
      article(
        "In draw #256, IRCC issued 2,300 invitations. The lowest-ranked candidate invited had a CRS score of 439.\n\nThis year, Canada issued 60,748 ITAs through the Express Entry draws.\n\nIRCC will invite 1,500 healthcare workers on July 5, 2023.\n",
      ),
    );
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ round: "256", invitations: 2300, crs: 439 });
  });

  it("reads a dated sentence, its time, and resolves 'this draw' to the article's one draw", () => {
    const claims = extractDraws(
      article(
        "A total of 500 invitations to apply (ITAs) were issued. The draw, held on July 5, 2023, at 13:38:22 UTC, required a rank of 500 or above in the CRS. The CRS score of the lowest-ranked candidate invited in this draw was 486.\n\nIn this draw, the tie-breaking rule was set at November 23, 2022, 00:01:29 UTC.\n",
      ),
    );
    expect(claims[0]).toMatchObject({ round: null, date: "2023-07-05", time: "13:38:22", invitations: 500, crs: 486 });
    expect(claims[1]).toMatchObject({ date: "2023-07-05", tieBreak: { date: "2022-11-23", time: "00:01:29" } });
  });

  it("does not mistake an 'as of' date or a tie-break date for the draw date", () => {
    const [claim] = extractDraws(
      article("In round #254, the cut-off score was 486 points. The tie-breaking rule for this round was November 23, 2022, at 00:01:29 UTC. As of July 4, 2023, there were 214,529 profiles registered in the Express Entry pool.\n"),
    );
    expect(claim).toMatchObject({ round: "254", date: null, crs: 486, tieBreak: { date: "2022-11-23", time: "00:01:29" } });
  });
});

describe("occupation tables", () => {
  it("reads each row shape", () => {
    expect(parseOccupationRow("Architects 21200 1")).toEqual({ title: "Architects", code: "21200", teer: 1 });
    expect(parseOccupationRow("Architecture and science managers200110")).toEqual({ title: "Architecture and science managers", code: "20011", teer: 0 });
    expect(parseOccupationRow("Civil engineering technologists and technicians22300")).toEqual({ title: "Civil engineering technologists and technicians", code: "22300", teer: null });
    expect(parseOccupationRow("21231 - Software engineers and designers 1")).toEqual({ title: "Software engineers and designers", code: "21231", teer: 1 });
    expect(parseOccupationRow("Registered nurses | 31301 | 1")).toEqual({ title: "Registered nurses", code: "31301", teer: 1 });
    expect(parseOccupationRow("Tel: (416) 604-2669")).toBeNull();
  });

  it("refuses to split a glued sixth digit that is not the code's TEER", () => {
    expect(parseOccupationRow("Architects212003")).toEqual({ glueMismatch: "Architects212003" });
  });

  it("finds the category above a table through a glued header, and warns about a table with no category", () => {
    const warnings: BuildWarning[] = [];
    const tables = extractOccupationTables(
      article("What Are the Eligible STEM Occupations For This Draw?\n\nOccupation 2021 NOC Code2021 TEER Category\nData scientists212111\nWeb designers212331\n\nsome prose\n\nCode list\nLibrarians51100\nWeb designers21233\n"),
      warnings,
    );
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ category: "stem", occupations: [{ code: "21211", teer: 1 }, { code: "21233", teer: 1 }] });
    expect(warnings[0]?.message).toMatch(/no category named above it/);
  });
});

describe("prose facts and terms", () => {
  const a = article(
    "Published on: March 3rd, 2024\n\nAs of March 1, 2024, there were 230,100 candidates in the pool. So far this year, IRCC has issued 12,000 ITAs.\n\nTo be eligible, candidates need at least 6 months of continuous work experience within the last 3 years.\n\nThe Comprehensive Ranking System (CRS) is a points system. The tie-breaking rule is based on the date and time a profile was submitted.\n",
  );
  it("reads pool size, year totals and the work-experience condition with their dates", () => {
    const { facts } = extractProseFacts(a, extractSourceMeta(a));
    expect(facts.find((f) => f.kind === "pool-size")).toMatchObject({ value: 230100, asOf: "2024-03-01" });
    expect(facts.find((f) => f.kind === "invitations-this-year")).toMatchObject({ value: 12000, year: 2024 });
    expect(facts.find((f) => f.kind === "work-experience")).toMatchObject({ months: 6, withinYears: 3, continuous: true });
  });
  it("reads acronym expansions and defining sentences", () => {
    const terms = extractTerms(a);
    expect(terms.find((t) => t.term === "CRS" && t.expansion)).toMatchObject({ expansion: "Comprehensive Ranking System" });
    expect(terms.find((t) => t.term === "Tie-breaking rule")?.definition?.text).toMatch(/date and time/);
  });
  it("names an acronym's thing in the singular where an article wrote it in the plural, and keeps a plural inside a name", () => {
    const terms = extractTerms(article("IRCC sent 500 Invitations to Apply (ITA) in the Federal Skilled Trades Program (FSTP) round."));
    expect(terms.find((t) => t.term === "ITA")?.expansion).toBe("Invitation to Apply");
    expect(terms.find((t) => t.term === "FSTP")?.expansion).toBe("Federal Skilled Trades Program");
  });
});
