import { calculateCrs, type CrsBreakdown } from "../crs/calculate.js";
import { CRS_SOURCE_ID, type TestName } from "../crs/grid.js";
import { missingFields } from "../crs/missing.js";
import { pointsFor, type PointsQuery } from "../crs/points.js";
import { PartialProfileSchema, type PartialProfile } from "../crs/profile.js";
import { capital, formatDate, joinAnd } from "../core/format.js";
import type { Knowledge } from "../core/knowledge.js";
import { makeReply } from "../core/reply.js";
import { parseClause } from "../nlu/parse.js";
import { has, type Clause } from "../nlu/question.js";
import { landing } from "./draws/score-check.js";
import type { Match, OptionValues, Skill, SkillAnswer, SkillContext } from "./types.js";

/** What the CRS skill is asked: a score from a profile, the points of one factor, or the FSW grid (not the CRS). */
export type CrsParams =
  | { mode: "calculate"; profile: PartialProfile; readings: string[]; date?: string; whatIf: boolean; askOptional?: boolean }
  | { mode: "points"; query: PointsQuery; date?: string; yesNo?: boolean }
  | { mode: "equivalency"; test: TestName; level: number }
  | { mode: "fsw67" };

// Optional facts worth asking for: they change most totals. The rest are assumed ("no provincial nomination") and said.
const ASKED = new Set(["age", "maritalStatus", "spouseAccompanying", "education", "firstLanguage", "canadianExperienceYears", "foreignExperienceYears", "spouse.education", "spouse.language", "spouse.canadianExperienceYears"]);

function storedProfile(context: SkillContext): PartialProfile {
  const parsed = PartialProfileSchema.safeParse(context.slots.profile ?? {});
  return parsed.success ? parsed.data : {};
}

function merge(base: PartialProfile, next: PartialProfile): PartialProfile {
  const spouse = base.spouse || next.spouse ? { ...(base.spouse ?? {}), ...(next.spouse ?? {}) } : undefined;
  return { ...base, ...next, ...(spouse ? { spouse } : {}) };
}

/** An answer to the question the bot asked last, read for the field it asked about. */
function answerToPending(field: string, clause: Clause): PartialProfile | undefined {
  const n = clause.numbers[0]?.value;
  const yes = /^(?:yes|yeah|yep|y|sure|correct|she is|he is|they are|it is|of course)\b/.test(clause.text);
  const no = /^(?:no|nope|n|none|nah|not really|never|zero|0)\b/.test(clause.text) || /\bno\b/.test(clause.text) && clause.text.split(" ").length <= 3;
  switch (field) {
    case "age":
      return n !== undefined ? { age: n } : undefined;
    case "canadianExperienceYears":
      return n !== undefined ? { canadianExperienceYears: n } : no ? { canadianExperienceYears: 0 } : undefined;
    case "foreignExperienceYears":
      return n !== undefined ? { foreignExperienceYears: n } : no ? { foreignExperienceYears: 0 } : undefined;
    case "spouseAccompanying":
      return yes ? { spouseAccompanying: true } : no ? { spouseAccompanying: false } : undefined;
    case "maritalStatus":
      return no ? { maritalStatus: "single" } : yes ? { maritalStatus: "married-or-common-law" } : undefined;
    case "spouse.canadianExperienceYears":
      return n !== undefined ? { spouse: { canadianExperienceYears: n } } : no ? { spouse: { canadianExperienceYears: 0 } } : undefined;
    case "spouse.language": {
      const read = clause.profile.profile.firstLanguage as PartialProfile["firstLanguage"] | undefined;
      return read ? { spouse: { language: read } } : no ? { spouse: { language: null } } : undefined;
    }
    case "spouse.education": {
      const read = clause.profile.profile.education as string | undefined;
      return read ? { spouse: { education: read } } : undefined;
    }
    default:
      return undefined;
  }
}

function pointsQuery(clause: Clause, profile: PartialProfile): PointsQuery | undefined {
  const t = clause.text;
  if (/\b(?:job offers?|lmia|arranged employment)\b/.test(t)) return { kind: "arranged-employment" };
  if (/\b(?:pnp|provincial nomination|nomination|nominated)\b/.test(t) || clause.categories.includes("pnp")) return { kind: "nomination" };
  if (/\b(?:sibling|brother|sister)\b/.test(t)) return { kind: "sibling" };
  if (/\bfrench\b|\bnclc\b|\btef\b|\btcf\b/.test(t) || clause.categories.includes("french")) return { kind: "french" };
  if (/\bcanadian (?:education|degree|diploma|study|credential)|studied in canada\b/.test(t)) return { kind: "canadian-education" };
  const ages = clause.numbers.filter((n) => n.kind === "age" || (n.kind === "plain" && n.value >= 17 && n.value <= 50 && /\b(?:age|old|turn|birthday|at \d)/.test(t))).map((n) => n.value);
  if (ages.length > 0 || /\bage\b|\bbirthday\b|\bolder\b/.test(t)) {
    const [a] = ages;
    return { kind: "age", ...(a !== undefined ? { ages: has(clause, "lose") && ages.length === 1 ? [a - 1, a] : ages } : {}) };
  }
  if (profile.education) return { kind: "education", level: profile.education };
  const clb = clause.numbers.find((n) => n.kind === "clb");
  if (clb) {
    const ability = /\b(reading|writing|listening|speaking)\b/.exec(t)?.[1] as "reading" | "writing" | "listening" | "speaking" | undefined;
    return { kind: "language", level: clb.value, ...(ability ? { ability } : {}) };
  }
  const years = clause.numbers.find((n) => n.kind === "years");
  if (years && /\bcanadian|in canada\b/.test(t)) return { kind: "canadian-experience", years: years.value };
  return undefined;
}

function readCrs(clause: Clause, context: SkillContext): Match<CrsParams> | null {
  const { slots } = context;
  // Validated only when the clause holds profile facts: most clauses hold none.
  const read = clause.profile.facts > 0 ? PartialProfileSchema.safeParse(clause.profile.profile) : undefined;
  const fromClause: PartialProfile = read?.success ? read.data : {};
  const date = clause.dates[0]?.iso ?? (clause.period?.kind === "year" ? clause.period.to : /\bbefore (?:march|mar) 2025\b/.test(clause.text) ? "2025-03-24" : undefined);
  const dated = date ? { date } : {};
  if (has(clause, "fsw67")) return { score: 0.92, params: { mode: "fsw67" } };
  const inCrs = slots.skill === "crs" && slots.profile !== undefined;
  // The reply to the question asked last ("How old are you?" → "29").
  if (inCrs && slots.pending) {
    const answer = answerToPending(slots.pending, clause) ?? (clause.profile.facts > 0 ? fromClause : undefined);
    if (answer) return { score: 0.93, fromState: true, params: { mode: "calculate", profile: merge(merge(storedProfile(context), fromClause), answer), readings: clause.profile.readings, ...dated, whatIf: false, askOptional: true } };
  }
  // "IELTS scores for CLB 10?": the test's scores for a level, from the grid's equivalency table.
  const test = /\b(ielts|celpip|pte|tcf|tef)\b/.exec(clause.text)?.[1] as TestName | undefined;
  const level = clause.numbers.find((n) => n.kind === "clb")?.value;
  if (test && level !== undefined && clause.profile.facts <= 1 && /\b(?:for|equal|equivalent|need|needed|required|get|mean|means|is)\b/.test(clause.text)) {
    return { score: 0.9, params: { mode: "equivalency", test, level } };
  }
  const factor = /\b(?:job offers?|lmia|arranged employment|sibling|brother|sister|pnp|nomination|french|canadian (?:education|degree|diploma))\b/.test(clause.text);
  const askingPoints = ((has(clause, "points") || has(clause, "lose")) && (has(clause, "howMany") || /\b(?:give|get|worth|still|count|lose|for)\b/.test(clause.text) || clause.text.split(" ").length <= 5))
    || (factor && /\b(?:worth|give|gives|count|counts|points?)\b/.test(clause.text));
  if (askingPoints && !/\bmy (?:crs|score|points)\b/.test(clause.text) && clause.profile.facts < 3 && !clause.numbers.some((n) => n.kind === "crs") && clause.rounds.length === 0) {
    const query = pointsQuery(clause, fromClause);
    if (query) return { score: 0.92, params: { mode: "points", query, ...dated, yesNo: has(clause, "yesNo") } };
  }
  // "what if my score was 545": a score given is a score to check, not a profile to compute.
  const givenScore = clause.numbers.some((n) => n.kind === "crs");
  const calc = !givenScore && (has(clause, "crsCalc") || (/\bmy (?:crs|score|points)\b/.test(clause.text) && !has(clause, "scoreCheck")));
  if (slots.profile !== undefined && (has(clause, "whatIf") || clause.followUp && inCrs) && clause.profile.facts > 0) {
    return { score: 0.92, fromState: true, params: { mode: "calculate", profile: merge(storedProfile(context), fromClause), readings: clause.profile.readings, ...dated, whatIf: true } };
  }
  const named = !givenScore && /\b(?:crs|score)\b/.test(clause.text) && clause.profile.facts >= 1 && !has(clause, "draw");
  if (calc || named || clause.profile.facts >= 3) {
    return { score: calc ? 0.9 : 0.85, params: { mode: "calculate", profile: fromClause, readings: clause.profile.readings, ...dated, whatIf: false, askOptional: clause.profile.facts < 3 } };
  }
  return null;
}

function breakdownLines(b: CrsBreakdown): string[] {
  const line = (name: string, f: { points: number; explanation: string }) => `${name}: ${f.points} (${f.explanation})`;
  const lines = [
    line("Age", b.core.age),
    line("Education", b.core.education),
    line("First official language", b.core.firstLanguage),
    line("Second official language", b.core.secondLanguage),
    line("Canadian work experience", b.core.canadianExperience),
  ];
  if (b.withSpouse) lines.push(`Spouse or partner: ${b.spouse.subtotal.points}`);
  lines.push(`Skill transferability: ${b.transferability.subtotal.points}`);
  lines.push(`Additional points: ${b.additional.subtotal.points}`);
  return lines;
}

function calculate(params: Extract<CrsParams, { mode: "calculate" }>, context: SkillContext): SkillAnswer {
  const { knowledge, now } = context;
  const grid = knowledge.crsGrid;
  const date = params.date ?? now.toISOString().slice(0, 10);
  const profile = params.profile;
  const remember = { skill: "crs", profile: { ...profile } as Record<string, unknown> };
  const ask = missingFields(profile, { grid, date }).fields.find((f) => f.required || (params.askOptional === true && ASKED.has(f.field)));
  const result = calculateCrs(profile, { grid, date });
  const invalid = result.ok ? [] : result.error.filter((e) => !e.message.startsWith("needed"));
  if (invalid.length > 0) {
    return {
      reply: makeReply(knowledge, "crs", {
        title: "Check these values",
        text: `I can't compute a score with these values: ${invalid.map((e) => `${e.message}${given(profile, e.field)}`).join("; ")}. Correct them and ask again.`,
        userError: true,
      }),
      slots: remember,
    };
  }
  if (ask) {
    const known = Object.keys(profile).length;
    return {
      reply: makeReply(knowledge, "crs", {
        title: "Your CRS score",
        text: `${known === 0 ? "I can work out your CRS score from the official grid. " : ""}${ask.question}${ask.assumeOnSkip ? ` (say "skip" and I'll assume ${ask.assumeOnSkip})` : ""}`,
        suggestions: ["skip"],
      }),
      slots: { ...remember, pending: ask.field },
    };
  }
  if (!result.ok) {
    return { reply: makeReply(knowledge, "crs", { title: "Your CRS score", text: `I still need: ${result.error.map((e) => e.field).join(", ")}.`, userError: true }), slots: remember };
  }
  const b = result.value;
  const land = landing(knowledge, b.total, now);
  const sentence = (t: string) => `${capital(t)}${/[.!?)]$/.test(t) ? "" : "."}`;
  const notes = [...params.readings.map(sentence), ...(b.assumptions.length > 0 ? [`Assumed: ${joinAnd([...b.assumptions])}.`] : []), ...b.notes.map(sentence)];
  const caps = b.capsApplied.map((c) => `${c.cap} capped at ${c.limit} (from ${c.before})`);
  caps[0] &&= capital(caps[0]);
  return {
    reply: makeReply(knowledge, "crs", {
      title: `CRS score: ${b.total}`,
      text: [`${b.total}: your CRS score on the grid in force on ${formatDate(date)}${params.whatIf ? " with that change" : ""}.`, ...(caps.length > 0 ? [`${caps.join("; ")}.`] : []), ...notes, land.text].join(" "),
      list: breakdownLines(b),
      fields: [{ name: "Total", value: String(b.total) }, { name: "Core", value: String(b.core.subtotal.points) }, { name: "Transferability", value: String(b.transferability.subtotal.points) }, { name: "Additional", value: String(b.additional.subtotal.points) }],
      asOf: date,
      sources: [CRS_SOURCE_ID, ...land.sources],
      suggestions: ["what if I get CLB 10?", "what if my partner comes with me?"],
    }),
    slots: { ...remember, score: b.total },
    clear: ["pending"],
  };
}

function points(params: Extract<CrsParams, { mode: "points" }>, context: SkillContext): SkillAnswer {
  const { knowledge, now } = context;
  const date = params.date ?? now.toISOString().slice(0, 10);
  const r = pointsFor(knowledge.crsGrid, params.query, { date });
  if (!r.ok) return { reply: makeReply(knowledge, "crs", { title: "CRS points", text: `I can't answer that from the grid: ${r.error.message}`, userError: true }) };
  const a = r.value;
  const loses = a.birthdays.some((b) => b.lostWithoutSpouse > 0 || b.lostWithSpouse > 0);
  const lead = a.inForce === false ? "No" : a.inForce === true && (params.yesNo || params.query.kind === "arranged-employment") ? "Yes" : params.yesNo && params.query.kind === "age" ? (loses ? "Yes" : "No") : "";
  const summary = words(a.summary);
  const rows = a.rows.map((row) => `${row.label}: ${row.points !== null ? row.points : `${row.withoutSpouse} single, ${row.withSpouse} with a partner`}`);
  return {
    reply: makeReply(knowledge, "crs", {
      title: "CRS points",
      text: `${lead && !/^(?:yes|no)\b/i.test(summary) ? `${lead}. ` : ""}${summary}${a.notes.length > 0 ? ` ${a.notes.map(words).join(" ")}` : ""} (CRS grid in force on ${formatDate(date)}${a.status !== "verified-2src" ? `; this table: ${a.status}` : ""}.)`,
      list: rows.length > 1 ? rows.slice(0, 30) : [],
      asOf: date,
      sources: [CRS_SOURCE_ID],
    }),
    slots: { skill: "crs-points" },
  };
}

function equivalency(params: Extract<CrsParams, { mode: "equivalency" }>, context: SkillContext): SkillAnswer {
  const { knowledge } = context;
  const conversion = knowledge.crsGrid.tests[params.test];
  const name = params.test.toUpperCase();
  if (conversion.kind !== "table") {
    return { reply: makeReply(knowledge, "crs", { title: `${name} and CLB`, text: `I can't convert ${name} scores: ${"reason" in conversion ? String(conversion.reason) : "the grid has no table for it"}. Give your CLB or NCLC levels instead.`, sources: [CRS_SOURCE_ID] }) };
  }
  const rows = (["listening", "reading", "writing", "speaking"] as const).map((a) => {
    const row = conversion.abilities[a].find((r) => r.clb === params.level);
    return row ? `${a}: ${row.min}${row.max !== null && row.max !== row.min ? ` to ${row.max}` : ""}` : `${a}: no row for CLB ${params.level}`;
  });
  const status = conversion.status.verified ? "" : ` This table is marked ${conversion.status.text}.`;
  return {
    reply: makeReply(knowledge, "crs", {
      title: `${name} for CLB ${params.level}`,
      text: `CLB ${params.level} takes these ${name} scores: ${rows.join("; ")}.${status}`,
      list: rows,
      sources: [CRS_SOURCE_ID],
    }),
  };
}

// The grid writes dates as 2025-03-25; answers write them as words.
function words(text: string): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso));
}

// "firstLanguage.scores.reading" → the value the user gave there, to say it back.
function given(profile: PartialProfile, field: string): string {
  const value = field.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), profile);
  return typeof value === "number" || typeof value === "string" ? ` (you gave ${value})` : "";
}

function fsw(context: SkillContext): SkillAnswer {
  const { knowledge } = context;
  const term = knowledge.term("FSW") ?? knowledge.term("Federal Skilled Worker Program");
  return {
    reply: makeReply(knowledge, "crs", {
      title: "FSW 67-point grid",
      text: `The 67-point grid is not the CRS: it is the Federal Skilled Worker Program's own eligibility test (selection factors scored out of 100, with 67 needed to be eligible for that program), and it is not in my data, so I can't score it. The CRS ranks every Express Entry candidate out of 1,200; I can compute that one ("what's my CRS?").`,
      sources: term ? term.sources.slice(0, 1) : [],
    }),
  };
}

/** CRS points: a score computed from a profile in the conversation, with what it would have cleared, and points of one factor. */
export const crsSkill: Skill<CrsParams> = {
  id: "crs",
  summary: "your CRS score from your profile, explained factor by factor, and the points of one factor",
  requires: [],
  optional: ["profile facts", "date"],
  match: readCrs,
  answer(params, context) {
    if (params.mode === "fsw67") return fsw(context);
    if (params.mode === "equivalency") return equivalency(params, context);
    return params.mode === "points" ? points(params, context) : calculate(params, context);
  },
  examples: () => ["what's my CRS?", "I'm 29, single, master's, IELTS 8 7 7 7, 3 years abroad: my CRS?", "how many points for a master's?"],
  command: {
    name: "crs",
    description: "Work out a CRS score from the main factors",
    options: [
      { name: "age", description: "Your age", type: "integer", min: 17, max: 100 },
      { name: "education", description: "Highest education, e.g. masters, bachelors, two-year diploma", type: "string" },
      { name: "clb", description: "English CLB level, same in all four abilities (or use ielts)", type: "integer", min: 1, max: 12 },
      { name: "ielts", description: "IELTS scores: listening reading writing speaking, e.g. 8 7 7 7", type: "string" },
      { name: "partner", description: "Married or common-law: partner coming, not-coming, or none", type: "string" },
      { name: "canadian-years", description: "Years of skilled work in Canada", type: "integer", min: 0, max: 20 },
      { name: "foreign-years", description: "Years of skilled work outside Canada", type: "integer", min: 0, max: 40 },
      { name: "nomination", description: "A provincial nomination", type: "boolean" },
      { name: "details", description: "Anything else in your words, e.g. sibling in Canada, French NCLC 7", type: "string" },
    ],
    toParams(values: OptionValues, context) {
      // The options are written out as the words a person would use, and read by the same parser as a message.
      const words = [
        values.age !== undefined ? `age ${values.age}` : "",
        values.education !== undefined ? String(values.education) : "",
        values.clb !== undefined ? `clb ${values.clb}` : "",
        values.ielts !== undefined ? `ielts ${values.ielts}` : "",
        values["canadian-years"] !== undefined ? `${values["canadian-years"]} years in canada` : "",
        values["foreign-years"] !== undefined ? `${values["foreign-years"]} years abroad` : "",
        values.nomination === true ? "provincial nomination" : "",
        values.details !== undefined ? String(values.details) : "",
        // Last: what follows a mention of a partner is read as the partner's own facts.
        values.partner === "coming" ? "married, partner coming with me" : values.partner === "not-coming" ? "married, partner not coming" : values.partner === "none" ? "single" : "",
      ].filter(Boolean);
      const text = words.join(", ").toLowerCase();
      const clause = parseFor(text, context.knowledge, context.now);
      const read = PartialProfileSchema.safeParse(clause.profile.profile);
      return { ok: true, params: { mode: "calculate", profile: read.success ? read.data : {}, readings: clause.profile.readings, whatIf: false } };
    },
  },
};

function parseFor(text: string, knowledge: Knowledge, now: Date): Clause {
  return parseClause(text, knowledge.lexicon, now);
}
