import { capital, cite, formatDate, joinAnd } from "../../core/format.js";
import type { Knowledge } from "../../core/knowledge.js";
import { makeReply } from "../../core/reply.js";
import type { CategoryList, Occupation } from "../../kb/schema.js";
import { has, type Clause } from "../../nlu/question.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "../types.js";
import { named, resolveOccupation } from "./resolve.js";

/** A question about one occupation. */
export interface OccupationParams {
  readonly code?: string;
  readonly phrase?: string;
  /** Categories to check membership of. */
  readonly categories: string[];
  /** The list in force on this date (today when absent). */
  readonly date?: string;
  /** The list of this year. */
  readonly year?: number;
  readonly aspect: "lookup" | "teer" | "membership" | "categories";
}

function aspectOf(clause: Clause, categories: readonly string[]): OccupationParams["aspect"] {
  if (categories.length > 0) return "membership";
  if (has(clause, "categoryWord") && /\b(?:which|what|any)\b/.test(clause.text)) return "categories";
  if (has(clause, "teer")) return "teer";
  if (has(clause, "categoryWord") || has(clause, "membership") && has(clause, "yesNo") && /\b(?:eligible|qualify|count)/.test(clause.text)) return "categories";
  return "lookup";
}

function when(clause: Clause): { date?: string; year?: number } {
  const date = clause.dates[0]?.iso;
  if (date) return { date };
  if (clause.period?.kind === "year" && clause.years[0]) return { year: clause.years[0] };
  if (clause.period) return { date: clause.period.to };
  return {};
}

function readOccupation(clause: Clause, context: SkillContext): Match<OccupationParams> | null {
  const { knowledge, slots } = context;
  const categories = clause.categories.filter((c) => knowledge.roundType(c)?.kind === "category" || knowledge.roundType(c)?.kind === "program");
  const code = clause.codes[0];
  // "is tech (STEM) still a category": about the category, not an occupation.
  if (!code && has(clause, "categoryWord") && has(clause, "exists")) return null;
  const dated = when(clause);
  const aspect = aspectOf(clause, categories);
  if (code) {
    // "and 63100?" after "is 21231 STEM?": the same question of another code.
    const followCategories = categories.length === 0 && slots.skill === "occupation" && clause.followUp && slots.category ? [slots.category] : categories;
    const a = followCategories.length > 0 ? "membership" : aspect;
    const score = a === "lookup" ? 0.75 : 0.9;
    return { score, fromState: followCategories !== categories, params: { code, categories: followCategories, aspect: a, ...dated } };
  }
  const cueful = categories.some((c) => knowledge.roundType(c)?.kind === "category") || has(clause, "occupationWord") || has(clause, "teer") || has(clause, "membership") || has(clause, "categoryWord");
  if (clause.phrase !== "" && !(has(clause, "define") && !cueful)) {
    const found = resolveOccupation(knowledge, undefined, clause.phrase);
    if (found.kind === "found") {
      // "is truck driver one of them": the category just discussed.
      const them = categories.length === 0 && slots.category && /\b(?:one of them|on it|in it|on that list|in that category|on the list|in the list)\b/.test(clause.text) ? [slots.category] : categories;
      // One mistyped word ("announced" for "announcer") is a weaker reading than a title's own words.
      const typo = !clause.phrase.includes(" ") && found.score > 0;
      const score = cueful || them !== categories ? (typo ? 0.7 : found.score < 0.1 ? 0.85 : 0.75) : found.score < 0.05 ? 0.55 : 0.4;
      return { score, fromState: them !== categories, params: { phrase: clause.phrase, categories: them, aspect: them.length > 0 ? "membership" : aspect, ...dated } };
    }
    if (categories.length > 0 && (has(clause, "yesNo") || has(clause, "membership")) && clause.phrase.split(" ").length <= 5) {
      return { score: 0.5, params: { phrase: clause.phrase, categories, aspect: "membership", ...dated } };
    }
  }
  // "and its TEER?", "what about healthcare?", "was it on the 2024 list?" about the occupation just discussed.
  if (slots.occupation && clause.phrase === "" && clause.rounds.length === 0 && !has(clause, "draw") && !has(clause, "cutoff")) {
    const follow = slots.skill === "occupation" && (clause.followUp || has(clause, "teer") || categories.length > 0 || dated.year !== undefined || /\b(?:it|its|that one|this one)\b/.test(clause.text));
    if (follow) {
      const cats = categories.length > 0 ? categories : aspect === "teer" ? [] : slots.category ? [slots.category] : [];
      const a = aspect === "teer" ? "teer" : cats.length > 0 ? "membership" : aspect;
      const pronoun = /\b(?:it|its|that one|this one|this job|that job)\b/.test(clause.text);
      return { score: pronoun || (clause.followUp && categories.length > 0) ? 0.9 : 0.75, fromState: true, params: { code: slots.occupation, categories: cats, aspect: a, ...dated } };
    }
  }
  return null;
}

/** The earliest date from which a category's list has been the same as the given one. */
function usedSince(knowledge: Knowledge, list: CategoryList): CategoryList {
  const lists = knowledge.listsOf(list.category).filter((l) => l.year <= list.year);
  const key = (l: CategoryList) => `${l.active}|${l.members.map((m) => m.code).sort().join(",")}`;
  let first = list;
  for (let i = lists.indexOf(list) - 1; i >= 0; i -= 1) {
    const prev = lists[i];
    if (!prev || key(prev) !== key(list)) break;
    first = prev;
  }
  return first;
}

function listDate(l: CategoryList): string {
  return l.effective ? formatDate(l.effective) : `${l.year}`;
}

function yearsText(years: readonly number[]): string {
  return joinAnd(years.map(String));
}

function statusNote(l: CategoryList): string {
  if (l.status === "verified") return "";
  const why = l.statusNote ? `: ${l.statusNote}` : "";
  return l.status === "unverified" ? `The ${l.year} ${l.name} list could not be checked against any source${why}.` : l.status === "inferred" ? `The ${l.year} list is inferred, not read from IRCC${why}.` : `Most of the ${l.year} list was checked; not every code${why}.`;
}

interface Part {
  readonly text: string;
  readonly sources: string[];
  readonly lead: string;
}

function membership(knowledge: Knowledge, o: Occupation, category: string, params: OccupationParams, today: string): Part {
  const label = knowledge.label(category);
  const type = knowledge.roundType(category);
  const list = params.year !== undefined ? knowledge.listIn(category, params.year) : knowledge.listAt(category, params.date ?? today);
  if (type?.kind === "program" || type?.kind === "all") {
    return { lead: "I can't say", text: `${type.name} is a program, not an occupation category: it has no occupation list, so an occupation is not "in" it.`, sources: [] };
  }
  if (!list) {
    const years = knowledge.listsOf(category).map((l) => l.year);
    return {
      lead: "I can't say",
      text: `I have no ${label} list ${params.year !== undefined ? `for ${params.year}` : `in force on ${formatDate(params.date ?? today)}`}; my ${label} lists are for ${yearsText(years) || "no year"}.`,
      sources: [],
    };
  }
  if (!list.hasOccupations) {
    return { lead: "It doesn't depend on the occupation", text: `${list.name} selects candidates by French-language ability, not by occupation${list.conditions ? ` (${list.conditions})` : ""}.`, sources: list.basis };
  }
  if (!list.active) {
    const back = knowledge.listsOf(category).find((l) => l.year > list.year && l.active);
    return {
      lead: "No",
      text: `there was no ${label} category in ${list.year}${list.note ? ` (${list.note})` : ""}${back ? `; it came back in ${back.year}` : ""}.`,
      sources: list.basis,
    };
  }
  const member = list.members.find((m) => m.code === o.code);
  const since = usedSince(knowledge, list);
  const inForce = params.year !== undefined ? `the ${list.year} ${label} list (in force from ${listDate(list)})` : `the ${label} list IRCC has used since ${listDate(since)}`;
  const sentences = [`${named(o)} is ${member ? "" : "not "}on ${inForce}.`];
  const history = knowledge.membershipHistory(o.code, category).filter((h) => h.list !== list && h.list.active);
  const differing = history.filter((h) => h.member !== Boolean(member));
  const same = history.filter((h) => h.member === Boolean(member) && h.list.year < since.year);
  if (differing.length > 0) sentences.push(`It was ${member ? "not " : ""}on the ${yearsText(differing.map((h) => h.list.year))} list${differing.length > 1 ? "s" : ""}.`);
  else if (same.length > 0 && member) sentences.push(`It was also on the ${yearsText(same.map((h) => h.list.year))} list${same.length > 1 ? "s" : ""}.`);
  const sources = [...list.basis, ...differing.flatMap((h) => h.list.basis)];
  if (member && member.omittedBy.length > 0) {
    sources.push(...member.omittedBy);
    sentences.push(`Sources disagree: ${joinAnd(member.omittedBy.map((id) => cite(knowledge, id)))} leaves it out of its table.`);
  }
  const dissent = list.dissent.find((d) => d.code === o.code);
  if (!member && dissent) {
    sources.push(...dissent.sources);
    sentences.push(`Sources disagree: ${joinAnd(dissent.sources.map((id) => cite(knowledge, id)))} lists it; IRCC's list does not.`);
  }
  if (!member) {
    // Where it is instead, so a "No" is not the end of the answer.
    const elsewhere = knowledge.categoriesOf(o.code, params.date ?? today).filter((l) => l.category !== category);
    if (elsewhere.length > 0) {
      sentences.push(`It is on the ${joinAnd(elsewhere.map((l) => `${knowledge.label(l.category)} (${l.name})`))} list${elsewhere.length > 1 ? "s" : ""} now.`);
      sources.push(...elsewhere.flatMap((l) => l.basis.slice(0, 1)));
    }
  }
  const note = statusNote(list);
  if (note) sentences.push(note);
  return { lead: member ? "Yes" : "No", text: sentences.join(" "), sources };
}

function answerOccupation(params: OccupationParams, context: SkillContext): SkillAnswer {
  const { knowledge, now } = context;
  const today = now.toISOString().slice(0, 10);
  const found = resolveOccupation(knowledge, params.code, params.phrase ?? "");
  if (found.kind === "unknown-code") {
    return {
      reply: makeReply(knowledge, "occupation", {
        title: `NOC ${found.code}`,
        text: `${params.categories.length > 0 ? "No: " : ""}${found.code} is not a NOC 2021 code${params.categories.length > 0 ? ", so it is on no category list" : ""}. NOC 2021 has ${knowledge.occupations.size} unit groups with 5-digit codes; check the code, or ask by job title.`,
        userError: true,
        suggestions: ["noc code for software engineers"],
      }),
    };
  }
  if (found.kind === "none") {
    return {
      reply: makeReply(knowledge, "occupation", {
        title: "Occupation not found",
        text: `I couldn't find an occupation called "${(params.phrase ?? "").slice(0, 80)}" in NOC 2021. Try another job title or the 5-digit NOC code.`,
        userError: true,
        suggestions: ["noc code for software engineers", "is 21231 STEM?"],
      }),
    };
  }
  const o = found.occupation;
  const noc = knowledge.kb.noc;
  const nocSource = knowledge.sources.get(noc.file) ? [noc.file] : [];
  const alt = found.alternatives.length > 0 ? ` Other close matches: ${found.alternatives.map((a) => `${a.code} ${a.title}`).join("; ")}.` : "";
  const reading = found.byTitle ? `I took "${params.phrase}" as ${o.code} ${o.title}.` : "";
  const fields = [
    { name: "NOC 2021", value: o.code },
    { name: "Title", value: o.title },
    { name: "TEER", value: String(o.teer) },
  ];
  const slots = { skill: "occupation", occupation: o.code, ...(params.categories[0] ? { category: params.categories[0] } : {}) };
  if (params.aspect === "membership" && params.categories.length > 0) {
    const parts = params.categories.map((c) => membership(knowledge, o, c, params, today));
    const first = parts[0];
    const lead = parts.length === 1 && first ? `${first.lead}. ${capital(first.text)}` : parts.map((p, i) => `${knowledge.label(params.categories[i])}: ${p.lead}. ${capital(p.text)}`).join(" ");
    return {
      reply: makeReply(knowledge, "occupation", {
        title: `NOC ${o.code}`,
        text: `${lead} ${reading}${alt}`.trim(),
        fields,
        asOf: params.date ?? (params.year !== undefined ? `${params.year}-12-31` : today),
        sources: [...parts.flatMap((p) => p.sources), ...nocSource],
        suggestions: [`which categories is ${o.code} in?`, `list the ${knowledge.label(params.categories[0])} occupations`],
      }),
      slots,
    };
  }
  const date = params.date ?? (params.year !== undefined ? `${params.year}-12-31` : today);
  const inForce = knowledge.categoriesOf(o.code, date);
  const everYears = knowledge.roundTypes()
    .filter((t) => t.kind === "category")
    .map((t) => ({ t, years: knowledge.membershipHistory(o.code, t.id).filter((h) => h.member).map((h) => h.list.year) }))
    .filter((x) => x.years.length > 0 && !inForce.some((l) => l.category === x.t.id));
  const current = inForce.length > 0
    ? `It is on the ${joinAnd(inForce.map((l) => `${knowledge.label(l.category)} (${l.year} list)`))} ${inForce.length > 1 ? "lists" : "list"} in force on ${formatDate(date)}.`
    : `It is on no category list in force on ${formatDate(date)}.`;
  const past = everYears.length > 0 ? ` Earlier: ${everYears.map((x) => `${knowledge.label(x.t.id)} in ${yearsText(x.years)}`).join("; ")}.` : "";
  const listSources = [...inForce.flatMap((l) => l.basis), ...everYears.flatMap((x) => knowledge.listsOf(x.t.id).flatMap((l) => l.basis.slice(0, 1)))];
  const lead =
    params.aspect === "teer"
      ? `TEER ${o.teer}: ${o.code} ${o.title} is a TEER ${o.teer} occupation in NOC 2021.`
      : params.aspect === "categories"
        ? `${inForce.length > 0 ? joinAnd(inForce.map((l) => knowledge.label(l.category))) : "None"}: ${named(o)}.`
        : `${named(o)} in NOC 2021.`;
  return {
    reply: makeReply(knowledge, "occupation", {
      title: `NOC ${o.code}`,
      text: `${lead} ${current}${past} ${reading}${alt}`.replace(/\s+/g, " ").trim(),
      fields,
      asOf: date,
      sources: [...nocSource, ...listSources],
      suggestions: [`is ${o.code} STEM?`, `which categories is ${o.code} in?`],
    }),
    slots,
  };
}


/** One occupation: its NOC code, title and TEER, and the category lists it is on, for the date asked. */
export const occupationSkill: Skill<OccupationParams> = {
  id: "occupation",
  summary: "an occupation by NOC code or job title: its TEER, and which category lists it is on, for the date asked",
  requires: ["occupation"],
  optional: ["category", "date or year"],
  match: readOccupation,
  answer: answerOccupation,
  examples(knowledge) {
    const stem = knowledge.listAt("stem");
    const code = stem?.members[0]?.code;
    return [code ? `is ${code} STEM?` : "", "which categories is 31301 in?", "noc code for software engineers"].filter(Boolean);
  },
  command: {
    name: "noc",
    description: "Look up an occupation by NOC code or job title",
    options: [
      { name: "occupation", description: "A 5-digit NOC code or a job title", type: "string", required: true, autocomplete: "occupation" },
      { name: "category", description: "Check membership of a category", type: "string", choices: "categories" },
      { name: "year", description: "The list of this year (default: in force today)", type: "integer", min: 2023, max: 2100 },
    ],
    toParams(values, context) {
      const occupation = String(values.occupation ?? "").trim();
      if (occupation === "") return { ok: false, message: "Give a 5-digit NOC code or a job title." };
      const category = values.category === undefined ? undefined : String(values.category);
      if (category && context.knowledge.roundType(category)?.kind !== "category") return { ok: false, message: `"${category}" is not a category I know.` };
      const year = values.year === undefined ? undefined : Number(values.year);
      const code = /^\d{5}$/.test(occupation) ? occupation : undefined;
      return {
        ok: true,
        params: { ...(code ? { code } : { phrase: occupation.toLowerCase() }), categories: category ? [category] : [], aspect: category ? "membership" : "categories", ...(year ? { year } : {}) },
      };
    },
  },
};
