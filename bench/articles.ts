import type { NocReference } from "../src/kb/schema.js";
import { seeded } from "./corpus.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const PROGRAMS = ["No Program Specified", "STEM occupations (2024-1)", "Healthcare occupations (2024-1)", "French language proficiency (2024-1)", "Canadian Experience Class", "Provincial Nominee Program", "Trade occupations (2024-1)"];
const HEADINGS = ["Eligible STEM occupations", "Healthcare occupations targeted", "Trade occupations eligible for this round", "Transport occupations list"];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** Generates n articles in the formats of Express Entry draw news (field lists, glued and spaced tables, sentences, occupation tables). */
export function generateArticles(noc: NocReference, n: number, seed = 7): { id: string; bytes: Uint8Array }[] {
  const rand = seeded(seed);
  const enc = new TextEncoder();
  const out: { id: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < n; i += 1) {
    const round = 300 + i;
    const day = 1 + (i % 28);
    const month = MONTHS[Math.floor(i / 28) % 12] ?? "January";
    const year = 2024 + Math.floor(i / 336);
    const date = `${month} ${day}, ${year}`;
    const crs = 400 + Math.floor(rand() * 200);
    const invitations = 500 + Math.floor(rand() * 5000);
    const program = pick(rand, PROGRAMS);
    const rows = Array.from({ length: 8 + Math.floor(rand() * 10) }, () => pick(rand, noc.unitGroups));
    const style = i % 3;
    const table =
      style === 0
        ? rows.map((u) => `${u.title} ${u.code} ${u.teer}`).join("\n")
        : style === 1
          ? rows.map((u) => `${u.title}${u.code}${u.teer}`).join("\n")
          : rows.map((u) => `${u.title}${u.code}`).join("\n");
    const text = [
      "Skip to main content",
      `Express Entry Draw ${round} | ${invitations} Invited in a ${program} Draw`,
      "",
      `Published on: ${date}`,
      "",
      `In draw #${round}, held on ${date}, IRCC issued ${invitations.toLocaleString("en-US")} invitations. The lowest-ranked candidate invited had a CRS score of ${crs}.`,
      "",
      `  • Express Entry Round: #${round}`,
      `  • Draw Date: ${date}`,
      `  • CRS Cut-off Score: ${crs}`,
      `  • No. of invitations: ${invitations.toLocaleString("en-US")}`,
      `  • Tie-breaking rule: ${date} at 10:${String(i % 60).padStart(2, "0")}:00 UTC`,
      "",
      "#DateImmigration programInvitations issuedCRS score of lowest-ranked candidate invited",
      `${round}${date}${program}${invitations}${crs}`,
      `${round - 1}${MONTHS[0]} 2, ${year}No Program Specified${1000 + (i % 900)}${500 + (i % 90)}`,
      "",
      `As of ${date}, there were ${(200000 + i).toLocaleString("en-US")} profiles registered in the Express Entry pool.`,
      "",
      pick(rand, HEADINGS),
      "",
      style === 1 ? "Occupation 2021 NOC Code2021 TEER Category" : "Occupation NOC code TEER",
      table,
      "",
      "Book a consultation with our experts today! Click here.",
    ].join("\n");
    out.push({ id: `gen_${String(i).padStart(5, "0")}.txt`, bytes: enc.encode(text) });
  }
  return out;
}
