import { capital, formatDate, joinAnd, plural } from "../../core/format.js";
import type { Knowledge } from "../../core/knowledge.js";
import { makeReply } from "../../core/reply.js";
import type { CategoryList } from "../../kb/schema.js";
import { has, type Clause } from "../../nlu/question.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "../types.js";
import { resolveOccupation } from "./resolve.js";

/** A question about a category's list, or about which categories exist. */
export interface CategoryParams {
  readonly aspect: "list" | "count" | "exists" | "changed" | "conditions" | "which" | "since" | "status";
  /** A second year to compare with ("trades count 2023 vs 2025"). */
  readonly otherYear?: number;
  /** For "is the list bigger in 2025 than 2023?": whether the first year's list is asked to be the bigger one. */
  readonly bigger?: boolean;
  /** The question wants a yes or a no first. */
  readonly yesNo?: boolean;
  /** For yes/no: the question asks whether the category was removed ("was transport removed"). */
  readonly removal?: boolean;
  readonly category?: string;
  readonly year?: number;
  readonly teer?: number;
}

function readCategory(clause: Clause, context: SkillContext): Match<CategoryParams> | null {
  const { knowledge, slots } = context;
  if (clause.codes.length > 0 || clause.rounds.length > 0) return null;
  const category = clause.categories.find((c) => knowledge.roundType(c)?.kind === "category");
  const year = clause.years[0] ?? (clause.period?.kind === "year" ? Number(clause.period.from.slice(0, 4)) : undefined);
  const yesNo = has(clause, "yesNo");
  const removal = /\b(?:removed|dropped|retired|gone|cancel+ed|scrapped|eliminated|ended)\b/.test(clause.text);
  const base = { ...(category ? { category } : {}), ...(year ? { year } : {}), ...(clause.teer !== null ? { teer: clause.teer } : {}), ...(yesNo ? { yesNo } : {}), ...(removal ? { removal } : {}) };
  const roundish = (has(clause, "draw") || has(clause, "cutoff") || has(clause, "invitations")) && !has(clause, "categoryWord");
  const nouns = has(clause, "occupationsNoun");
  // "which jobs are on it" after a category answer: the same category.
  if (!category && slots.category && slots.skill === "category" && /\b(?:it|them|that list|this list|that one)\b/.test(clause.text) && (nouns || has(clause, "list") || has(clause, "howMany"))) {
    return { score: 0.88, fromState: true, params: { aspect: has(clause, "howMany") ? "count" : "list", category: slots.category, ...(slots.year ? { year: slots.year } : {}) } };
  }
  if (category && has(clause, "status") && !roundish) return { score: 0.88, params: { ...base, aspect: "status" } };
  if (category && clause.years.length >= 2 && (has(clause, "howMany") || /\bcount\b|\bsize\b|\bbigger\b|\bsmaller\b/.test(clause.text))) {
    const bigger = /\b(?:bigger|larger|longer|more)\b/.test(clause.text) ? true : /\b(?:smaller|shorter|fewer|less)\b/.test(clause.text) ? false : undefined;
    return { score: 0.88, params: { ...base, aspect: "count", year: clause.years[0] ?? 0, otherYear: clause.years[1] ?? 0, ...(bigger !== undefined && yesNo ? { bigger } : {}) } };
  }
  if (has(clause, "conditions") && (has(clause, "categoryWord") || category) && !roundish && !clause.codes.length) {
    if (category || !/\b(?:which|what) categories\b/.test(clause.text)) return { score: 0.83, params: { ...base, aspect: "conditions" } };
  }
  if (!category && year && /\b(?:when (?:did|were|was)|announced|come out|came out|released|published)\b/.test(clause.text)) return { score: 0.84, params: { ...base, aspect: "since" } };
  if (category && removal && yesNo && !roundish) return { score: 0.87, params: { ...base, aspect: "exists" } };
  if (has(clause, "changed") && (category || year) && !roundish && !has(clause, "conditions") && (has(clause, "categoryWord") || nouns || category || /\bwhat(?:'s| is)? (?:changed|new)\b/.test(clause.text))) {
    return { score: 0.85, params: { ...base, aspect: "changed" } };
  }
  if (category && has(clause, "howMany") && (nouns || !roundish)) return { score: 0.9, params: { ...base, aspect: "count" } };
  // "is nursing in the healthcare list": a yes/no about an occupation, not a request for the list.
  const aboutOccupation = clause.phrase.split(" ").filter(Boolean).length > 0 && resolveOccupation(knowledge, undefined, clause.phrase).kind === "found";
  if (category && (has(clause, "list") || nouns && /\b(?:which|what|all)\b/.test(clause.text)) && !roundish) return { score: aboutOccupation ? 0.6 : 0.9, params: { ...base, aspect: "list" } };
  if (category && (has(clause, "exists") || removal || (has(clause, "categoryWord") && yesNo)) && !roundish) return { score: aboutOccupation ? 0.6 : 0.86, params: { ...base, aspect: "exists" } };
  // "physicians category when created", "since when is education a category".
  if (category && /\b(?:when (?:was|were|did)|since when|created|introduced|start(?:ed)?|launched|added|new)\b/.test(clause.text) && !roundish && clause.phrase.split(" ").filter(Boolean).length <= 2) {
    return { score: 0.84, params: { ...base, aspect: "since" } };
  }
  if (has(clause, "conditions") && has(clause, "changed") && (year || category) && !roundish) return { score: 0.82, params: { ...base, aspect: "conditions" } };
  if (category && has(clause, "conditions") && !roundish && clause.phrase.split(" ").length <= 3) return { score: 0.8, params: { ...base, aspect: "conditions" } };
  const short = clause.text.split(" ").length <= 4;
  if (!category && has(clause, "categoryWord") && (short || /\b(?:which|what|list|all|current|available|exist|are there)\b/.test(clause.text)) && !roundish && clause.phrase.split(" ").filter(Boolean).length <= 2) {
    return { score: clause.phrase === "" ? 0.8 : 0.7, params: { ...base, aspect: "which" } };
  }
  if (!category && has(clause, "categoryWord") && has(clause, "conditions") && !roundish) {
    return { score: 0.7, params: { ...base, aspect: "conditions" } };
  }
  // "and for 2024?" / "what about trades?" after a category question.
  if (slots.skill === "category" && clause.followUp && (category || year)) {
    return { score: 0.8, fromState: true, params: { aspect: (slots.aspect as CategoryParams["aspect"] | undefined) ?? "list", ...(category ?? slots.category ? { category: category ?? slots.category } : {}), ...(year ?? slots.year ? { year: year ?? slots.year } : {}) } };
  }
  return null;
}

function pick(knowledge: Knowledge, category: string, year: number | undefined, today: string): CategoryList | undefined {
  return year !== undefined ? knowledge.listIn(category, year) : knowledge.listAt(category, today);
}

function listLabel(knowledge: Knowledge, l: CategoryList): string {
  return `the ${l.year} ${knowledge.label(l.category)} list (${l.name}, in force from ${l.effective ? formatDate(l.effective) : l.year})`;
}

function statusLine(l: CategoryList): string {
  if (l.status === "verified") return "";
  return ` This list is marked ${l.status}${l.statusNote ? `: ${l.statusNote}` : ""}.`;
}

function answerCategory(params: CategoryParams, context: SkillContext): SkillAnswer {
  const { knowledge, now } = context;
  const today = now.toISOString().slice(0, 10);
  const slots = { skill: "category", aspect: params.aspect, ...(params.category ? { category: params.category } : {}), ...(params.year ? { year: params.year } : {}) };
  const reply = (text: string, sources: string[], extra: { list?: string[]; asOf?: string | null; title?: string } = {}): SkillAnswer => ({
    reply: makeReply(knowledge, "category", { title: extra.title ?? "Category-based selection", text, sources, list: extra.list ?? [], asOf: extra.asOf ?? null, suggestions: ["which categories exist in 2026?", "is 21231 STEM?"] }),
    slots,
  });
  if (params.aspect === "since" && !params.category && params.year !== undefined) {
    const lists = knowledge.listsInYear(params.year).filter((l) => l.active);
    const first = lists.map((l) => l.effective).filter((d): d is string => d !== null).sort()[0];
    return reply(first ? `${formatDate(first)}: the ${params.year} category lists took effect then${lists.some((l) => l.effective !== first) ? ` (some later: ${joinAnd([...new Set(lists.filter((l) => l.effective && l.effective !== first).map((l) => `${knowledge.label(l.category)} ${formatDate(l.effective)}`))])})` : ""}.` : `I have no ${params.year} lists with a date.`, lists.flatMap((l) => l.basis.slice(0, 1)), { asOf: first ?? null });
  }
  if (params.aspect === "which" || !params.category) {
    const years = knowledge.listYears();
    const year = params.year ?? knowledge.listAt("stem", today)?.year ?? years.at(-1);
    if (year === undefined) return reply("I have no category lists.", []);
    const lists = knowledge.listsInYear(year);
    if (lists.length === 0) return reply(`I have no category lists for ${year}; mine cover ${joinAnd(years.map(String))}.`, []);
    if (params.aspect === "changed") return changedAll(knowledge, year, reply);
    if (params.aspect === "conditions") {
      const rules = (y: number) => [...new Set(knowledge.listsInYear(y).filter((l) => l.active && l.hasOccupations && l.conditions).map((l) => l.conditions ?? ""))];
      const now = rules(year);
      const before = rules(year - 1);
      const changed = before.length > 0 && now.join("|") !== before.join("|");
      const withRule = lists.filter((l) => l.active && l.conditions);
      return reply(
        `${changed ? `The work-experience rule changed in ${year}. ` : ""}In ${year}: ${now.join("; ")}.${changed ? ` In ${year - 1}: ${before.join("; ")}.` : ""} French-language proficiency: ${lists.find((l) => !l.hasOccupations)?.conditions ?? "no rule stated"}.`,
        withRule.flatMap((l) => l.basis.slice(0, 1)),
        { asOf: `${year}-12-31` },
      );
    }
    const active = lists.filter((l) => l.active);
    const gone = lists.filter((l) => !l.active);
    return reply(
      `${active.length} categories in ${year}: ${joinAnd(active.map((l) => l.name))}.${gone.length > 0 ? ` Not a category that year: ${joinAnd(gone.map((l) => knowledge.label(l.category)))}.` : ""}`,
      lists.flatMap((l) => l.basis.slice(0, 1)),
      { list: active.map((l) => `${l.name}${l.hasOccupations ? `: ${plural(l.members.length, "occupation")}` : " (a language rule, no list)"}, from ${l.effective ? formatDate(l.effective) : l.year}`), asOf: `${year}-12-31` },
    );
  }
  const category = params.category;
  const label = knowledge.label(category);
  const all = knowledge.listsOf(category);
  const list = pick(knowledge, category, params.year, today);
  if (!list) {
    return reply(`I have no ${label} list ${params.year !== undefined ? `for ${params.year}` : "in force today"}; my ${label} lists are for ${joinAnd(all.map((l) => String(l.year))) || "no year"}.`, []);
  }
  const sources = list.basis;
  switch (params.aspect) {
    case "exists": {
      const current = params.year !== undefined ? list : knowledge.listAt(category, today);
      const history = all.map((l) => `${l.year}: ${l.active ? (l.hasOccupations ? plural(l.members.length, "occupation") : "a language rule") : "not a category"}`);
      const active = current?.active ?? false;
      const yes = params.removal ? !active : active;
      const when = params.year !== undefined ? `in ${params.year}` : "in the lists in force today";
      const back = !active ? all.find((l) => l.active && current !== undefined && l.year > current.year) : undefined;
      return reply(
        `${yes ? "Yes" : "No"}: ${label} ${active ? "is" : "is not"} a category ${when} (${current ? `${current.year} list${current.effective ? `, from ${formatDate(current.effective)}` : ""}` : "none"}).${current?.note ? ` ${current.note}.` : ""}${back ? ` It came back in ${back.year}${back.effective ? ` (from ${formatDate(back.effective)})` : ""} with ${plural(back.members.length, "occupation")}.` : ""} By year: ${history.join("; ")}.`,
        all.flatMap((l) => l.basis.slice(0, 1)),
        { asOf: current?.effective ?? today },
      );
    }
    case "status": {
      return reply(`${list.status === "verified" ? "Yes" : "Not fully"}: ${listLabel(knowledge, list)} is marked ${list.status}${list.statusNote ? ` (${list.statusNote})` : ""}.${list.status === "unverified" ? " No source could be read to check it: treat it with care." : ""}`, sources, { asOf: list.effective });
    }
    case "since": {
      const first = all.find((l) => l.active);
      return reply(first ? `${first.effective ? formatDate(first.effective) : first.year}: the first ${label} list I have took effect then (${first.year}, ${first.name}).` : `${capital(label)} has had no active list.`, first ? first.basis.slice(0, 1) : [], { asOf: first?.effective ?? null });
    }
    case "conditions": {
      const other = all.filter((l) => l.year < list.year && l.conditions && l.conditions !== list.conditions).at(-1) ?? all.filter((l) => l !== list && l.conditions && l.conditions !== list.conditions).at(-1);
      return reply(
        `${list.conditions ? `${capital(list.conditions)}` : "My data states no conditions"}: ${listLabel(knowledge, list)}.${other ? ` Before, in ${other.year}: ${other.conditions}.` : ""}${statusLine(list)}${list.hasOccupations && list.active ? ` The occupations:` : ""}`,
        sources,
        { asOf: list.effective, list: list.hasOccupations && list.active ? list.members.map((m) => `${m.code} ${m.title} (TEER ${m.teer})`) : [] },
      );
    }
    case "changed": {
      const prev = all.filter((l) => l.year < list.year).at(-1);
      if (!prev) return reply(`${capital(listLabel(knowledge, list))} is the first ${label} list I have.`, sources);
      return reply(diffText(knowledge, prev, list), [...sources, ...prev.basis.slice(0, 1)], { asOf: list.effective, list: diffList(prev, list) });
    }
    case "count":
    case "list": {
      if (params.otherYear !== undefined) {
        const other = knowledge.listIn(category, params.otherYear);
        const size = (l: CategoryList | undefined) => (l ? (l.active ? plural(l.members.length, "occupation") : "not a category") : "no list");
        const a = list.active ? list.members.length : 0;
        const b = other?.active ? other.members.length : 0;
        const lead = params.bigger === undefined ? "" : (params.bigger ? a > b : a < b) ? "Yes: " : "No: ";
        return reply(`${lead}${capital(label)}: ${size(list)} in ${list.year}, ${size(other)} in ${params.otherYear}.`, [...sources, ...(other?.basis.slice(0, 1) ?? [])], { asOf: other?.effective ?? list.effective });
      }
      if (!list.active) return reply(`None: there was no ${label} category in ${list.year}.${list.note ? ` ${list.note}.` : ""}`, sources);
      if (!list.hasOccupations) return reply(`${params.yesNo ? "No: " : ""}${list.name} has no occupation list: it selects by French-language ability${list.conditions ? ` (${list.conditions})` : ""}.`, sources);
      const members = params.teer !== undefined ? list.members.filter((m) => m.teer === params.teer) : list.members;
      const teerText = params.teer !== undefined ? ` of TEER ${params.teer}` : "";
      const lines = members.map((m) => `${m.code} ${m.title} (TEER ${m.teer})`);
      const stated = list.statedCount && list.statedCount.value !== list.members.length ? ` A source states ${list.statedCount.value}.` : "";
      const dissent = list.dissent.length > 0 ? ` Article tables also list ${list.dissent.map((d) => d.code).join(", ")}, which IRCC's list does not include.` : "";
      const text = params.aspect === "count"
        ? `${members.length}: ${listLabel(knowledge, list)} has ${plural(members.length, "occupation")}${teerText}.${stated}${dissent}${statusLine(list)}`
        : `${capital(listLabel(knowledge, list))} has ${plural(members.length, "occupation")}${teerText}:${statusLine(list)}`;
      return reply(text, sources, { list: params.aspect === "list" ? lines : [], asOf: list.effective, title: list.name });
    }
    default:
      return reply("", sources);
  }
}

function diffList(prev: CategoryList, next: CategoryList): string[] {
  const before = new Set(prev.members.map((m) => m.code));
  const after = new Set(next.members.map((m) => m.code));
  return [
    ...next.members.filter((m) => !before.has(m.code)).map((m) => `added: ${m.code} ${m.title}`),
    ...prev.members.filter((m) => !after.has(m.code)).map((m) => `removed: ${m.code} ${m.title}`),
  ];
}

function diffText(knowledge: Knowledge, prev: CategoryList, next: CategoryList): string {
  const label = knowledge.label(next.category);
  if (prev.active !== next.active) return next.active ? `${capital(label)} came back in ${next.year} with ${plural(next.members.length, "occupation")} (from ${next.effective ? formatDate(next.effective) : next.year}).` : `${capital(label)} was not a category in ${next.year}.${next.note ? ` ${next.note}.` : ""}`;
  const lines = diffList(prev, next);
  const added = lines.filter((l) => l.startsWith("added")).length;
  const removed = lines.length - added;
  const rule = prev.conditions !== next.conditions && next.conditions ? ` The conditions changed: ${next.conditions}.` : "";
  if (lines.length === 0) return `No occupation changed: the ${next.year} ${label} list (from ${next.effective ? formatDate(next.effective) : next.year}) has the same ${plural(next.members.length, "occupation")} as ${prev.year}.${rule}`;
  return `${plural(added, "occupation")} added and ${removed} removed: the ${next.year} ${label} list (from ${next.effective ? formatDate(next.effective) : next.year}) has ${next.members.length}, the ${prev.year} list had ${prev.members.length}.${rule}`;
}

function changedAll(knowledge: Knowledge, year: number, reply: (t: string, s: string[], e?: { list?: string[] }) => SkillAnswer): SkillAnswer {
  const lists = knowledge.listsInYear(year);
  const lines: string[] = [];
  const sources: string[] = [];
  for (const l of lists) {
    const prev = knowledge.listsOf(l.category).filter((p) => p.year < year).at(-1);
    sources.push(...l.basis.slice(0, 1));
    if (!prev) {
      if (l.active) lines.push(`${l.name}: new in ${year}${l.hasOccupations ? `, ${plural(l.members.length, "occupation")}` : ""}`);
      continue;
    }
    if (prev.active && !l.active) lines.push(`${knowledge.label(l.category)}: no longer a category${l.note ? ` (${l.note})` : ""}`);
    else if (!prev.active && l.active) lines.push(`${knowledge.label(l.category)}: back, ${plural(l.members.length, "occupation")}`);
    else {
      const d = diffList(prev, l);
      const rule = prev.conditions !== l.conditions ? "; conditions changed" : "";
      if (d.length > 0 || rule) lines.push(`${knowledge.label(l.category)}: ${d.length > 0 ? d.join(", ") : "same occupations"}${rule}`);
    }
  }
  const first = lists.map((l) => l.effective).filter((x): x is string => x !== null).sort()[0];
  return reply(lines.length > 0 ? `${plural(lines.length, "category", "categories")} changed in ${year}${first ? ` (lists from ${formatDate(first)})` : ""}:` : `Nothing changed in the category lists in ${year}.`, sources, { list: lines });
}


/** Category lists by year: members, counts, changes, conditions, which categories exist. */
export const categorySkill: Skill<CategoryParams> = {
  id: "category",
  summary: "category-based selection lists by year: their occupations, counts, changes, conditions, and which categories exist",
  requires: [],
  optional: ["category", "year", "TEER"],
  match: readCategory,
  answer: answerCategory,
  examples(knowledge) {
    const year = knowledge.listYears().at(-1);
    return year ? [`which categories exist in ${year}?`, "list the STEM occupations", `what changed in ${year}?`] : [];
  },
  command: {
    name: "category",
    description: "A category's occupation list, or the categories of a year",
    options: [
      { name: "category", description: "Category (none: every category of the year)", type: "string", choices: "categories" },
      { name: "year", description: "Year of the list (default: in force today)", type: "integer", min: 2023, max: 2100 },
    ],
    toParams(values, context) {
      const category = values.category === undefined ? undefined : String(values.category);
      if (category && context.knowledge.roundType(category)?.kind !== "category") return { ok: false, message: `"${category}" is not a category I know.` };
      const year = values.year === undefined ? undefined : Number(values.year);
      return { ok: true, params: { aspect: category ? "list" : "which", ...(category ? { category } : {}), ...(year ? { year } : {}) } };
    },
  },
};
