import { suggest } from "./examples.js";
import { capital, cite } from "../../core/format.js";
import type { Knowledge } from "../../core/knowledge.js";
import { combineReplies, makeReply } from "../../core/reply.js";
import type { CategoryList, Occupation } from "../../kb/schema.js";
import { lang } from "../../messages/lang.js";
import { OCCUPATIONS_MESSAGES, occupationsMessages } from "../../messages/occupations.js";
import { blank, phraseWords } from "../../nlu/parse.js";
import { has, type Clause } from "../../nlu/question.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "../types.js";
import { named, resolveOccupation, typeNameOf } from "./resolve.js";

const EN = OCCUPATIONS_MESSAGES.en;
const FR = OCCUPATIONS_MESSAGES.fr;

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
  /** "truck driver is teer 3 right": the TEER a yes/no question names, answered Yes or No first. */
  readonly teerAsked?: number;
  /** "can a pharmacist get into any category?", "was it on the 2023 list?": on any list, answered Yes or No first. */
  readonly anyList?: boolean;
  /** "french title for 31301", « titre anglais de 31301 »: the title in the other official language. */
  readonly otherTitle?: boolean;
  /** "was it ever on it": on the list of any year, answered Yes when it was once. */
  readonly ever?: boolean;
  /** "did cooks get removed from trades": Yes when it was on an earlier list and is not on this one. */
  readonly removed?: boolean;
  /** "chef vs cook noc", "data analyst/data scientist": a second job asked the same of, answered after the first. */
  readonly also?: string;
}

// "chef vs cook teer", "psw / nurse aide noc code": two jobs set side by side.
const SIDE_BY_SIDE = /\s+(?:vs\.?|versus)\s+|\s*\/\s*/;

/** The jobs a clause sets side by side, each as a phrase a title search finds: two, or the one side that names a job ("psw / nurse aide"). */
function twoJobs(clause: Clause, knowledge: Knowledge): [string] | [string, string] | undefined {
  const sides = clause.text.split(SIDE_BY_SIDE);
  if (sides.length !== 2 || clause.codes.length > 0) return undefined;
  const words = (side: string) => {
    return phraseWords(blank(side, knowledge.lexicon.categoriesIn(side)), knowledge.lexicon.stopwords);
  };
  // The words next to the sign name the jobs, up to three a side: a shorter reading would name another job
  // ("data analyst" is not "analyst").
  const job = (ws: readonly string[], fromEnd: boolean) => {
    const phrase = (fromEnd ? ws.slice(-3) : ws.slice(0, 3)).join(" ");
    const found = phrase === "" ? undefined : resolveOccupation(knowledge, undefined, phrase);
    return found?.kind === "found" && found.score < 0.1 ? { phrase, code: found.occupation.code } : undefined;
  };
  const a = job(words(sides[0] ?? ""), true);
  const b = job(words(sides[1] ?? ""), false);
  if (a && b) return a.code === b.code ? [a.phrase] : [a.phrase, b.phrase];
  const one = a ?? b;
  return one ? [one.phrase] : undefined;
}

function aspectOf(clause: Clause, categories: readonly string[]): OccupationParams["aspect"] {
  // « c'est quoi le code CNP pour les enseignants »: the code asked; the job's own words name a category.
  if (/\b(?:what|whats|which) (?:is |'s |are )?(?:the |my |their )?(?:code|noc|noc code|code noc|codes)\b/.test(clause.text) && !has(clause, "yesNo") && !has(clause, "categoryWord")) return "lookup";
  // "family doctor 31102 which category": the words naming the job name a category too; the question is which.
  if (/\b(?:which|what) (?:categor(?:y|ies)|lists?)\b/.test(clause.text) && !/\b(?:which|what) (?:categor(?:y|ies)|lists?) (?:is|are|was|were) (?:\d|the|it|this|that)/.test(clause.text) && categories.length === 1 && clause.codes.length > 0) return "categories";
  if (categories.length > 0) return "membership";
  if (has(clause, "yesNo") && /\b(?:lists?|any (?:of the )?(?:categor(?:y|ies)|category draws?))\b/.test(clause.text)) return "categories";
  if ((has(clause, "categoryWord") || /\blists\b/.test(clause.text)) && /\b(?:which|what|any)\b/.test(clause.text)) return "categories";
  if (has(clause, "teer")) return "teer";
  if (has(clause, "categoryWord") || has(clause, "membership") && has(clause, "yesNo") && /\b(?:eligible|qualify|count)/.test(clause.text)) return "categories";
  return "lookup";
}

// "is 73300 teer 3?", "truck driver is teer 3 right": a TEER named in a yes/no question is a TEER to check.
function teerAsked(clause: Clause, aspect: OccupationParams["aspect"]): { teerAsked?: number; anyList?: boolean } {
  if (aspect === "categories" && (has(clause, "yesNo") || /\bis (?:that|it|this) (?:a |an )?category\b/.test(clause.text) || /\bany (?:of the )?(?:categor(?:y|ies)|category (?:draws?|lists?)|lists?)\b/.test(clause.text))) return { anyList: true };
  return aspect === "teer" && clause.teer !== null && (has(clause, "yesNo") || /\b(?:right|correct|true|yes or no|or not)\b|\bteer \d\s*\?*$/.test(clause.text)) ? { teerAsked: clause.teer } : {};
}

function when(clause: Clause): { date?: string; year?: number } {
  const date = clause.dates[0]?.iso;
  if (date) return { date };
  if (clause.period?.kind === "year" && clause.years[0]) return { year: clause.years[0] };
  if (clause.period) return { date: clause.period.to };
  return {};
}

// "french title for 31301", "what is it called in french", « titre anglais »: the title in the other official language.
const OTHER_TITLE = /\b(?:french|english|anglais|francais) (?:title|titles|name|names|translation|version|job title)\b|\b(?:title|name|called|say it) in (?:french|english)\b|\btitre (?:anglais|en anglais|francais|en francais)\b|\b(?:title|titre|name|nom) (?:in |en )?(?:english|french)\b/;

function readOccupation(clause: Clause, context: SkillContext): Match<OccupationParams> | null {
  const read = readOccupationOf(clause, context);
  const ever = read && read.params.aspect === "membership" && /\bever\b/.test(clause.text) ? { ...read, params: { ...read.params, ever: true } } : read;
  // "did cooks get removed from trades", "was welder dropped from the trades list in 2026".
  // "still in stem or they removed it": the first alternative, whether it is still on the list, is the one asked.
  const stillFirst = /\bstill\b[^?]{0,40}\bor\b/.test(clause.text);
  const removed = ever && ever.score >= 0.7 && ever.params.aspect === "membership" && ever.params.categories.length === 1 && !stillFirst && /\b(?:removed?|dropped|taken off|kicked (?:out|off)|cut from|no longer)\b/.test(clause.text);
  const match = removed && ever ? { ...ever, score: Math.max(ever.score, 0.9), params: { ...ever.params, removed: true } } : ever;
  if (!match || !OTHER_TITLE.test(clause.text) || match.params.aspect === "membership" && match.params.categories.some((c) => c !== "french")) return match;
  return { ...match, score: Math.max(match.score, 0.9), params: { ...match.params, categories: [], aspect: "lookup", otherTitle: true } };
}

function readOccupationOf(clause: Clause, context: SkillContext): Match<OccupationParams> | null {
  const { knowledge, slots } = context;
  const categories = clause.categories.filter((c) => knowledge.roundType(c)?.kind === "category" || knowledge.roundType(c)?.kind === "program");
  const code = clause.codes[0];
  // "is tech (STEM) still a category": about the category, not an occupation.
  // "accountant, is there a category for us": about the occupation.
  // "truck driver still in transport category 2026 or not": a job of two words or more named in it is the subject.
  const aJob = () => clause.phrase.split(" ").length >= 2 && has(clause, "membership") && resolveOccupation(knowledge, undefined, clause.phrase).kind === "found";
  if (!code && has(clause, "categoryWord") && has(clause, "exists") && !/\bcategor(?:y|ies) (?:for|that covers?|covering)\b/.test(clause.text) && !aJob()) return null;
  const dated = when(clause);
  const aspect = aspectOf(clause, categories);
  if (code) {
    // "and 63100?" after "is 21231 STEM?": the same question of another code.
    // "is 21231 in it?" after a category's list: that list.
    const inIt = /\b(?:one of them|on it|in it|in there|on that list|in that category|on the list|in the list)\b/.test(clause.text);
    const followCategories = categories.length === 0 && slots.category && (slots.skill === "occupation" && clause.followUp || (slots.skill === "occupation" || slots.skill === "category") && inIt) ? [slots.category] : categories;
    const a = followCategories.length > 0 && aspect !== "categories" ? "membership" : aspect;
    const score = a === "lookup" ? 0.75 : 0.9;
    return { score, fromState: followCategories !== categories, params: { code, categories: followCategories, aspect: a, ...dated, ...teerAsked(clause, a) } };
  }
  // "noc for senior manager in construction company", "NOC for a Canadian Armed Forces officer": a category's name
  // inside the job asked for is part of the job's title.
  if (code === undefined && categories.length > 0 && /\b(?:noc|cnp|code|noc code)s? (?:for|of)\b/.test(clause.text) && !has(clause, "list") && !has(clause, "categoryWord")) {
    const words = phraseWords(clause.text, knowledge.lexicon.stopwords).join(" ");
    // "... in construction company": a last word no title holds is left out, once.
    const shorter = words.split(" ").slice(0, -1).join(" ");
    for (const phrase of words !== clause.phrase ? [words, ...(shorter.split(" ").length >= 2 ? [shorter] : [])] : []) {
      const whole = resolveOccupation(knowledge, undefined, phrase);
      if (whole.kind === "found" && whole.score < 0.15) return { score: 0.88, params: { phrase, categories: [], aspect: "lookup", ...dated } };
    }
  }
  const pair = twoJobs(clause, knowledge);
  if (pair) {
    const a = categories.length > 0 && aspect !== "categories" ? "membership" : aspect;
    return { score: 0.88, params: { phrase: pair[0], ...(pair[1] !== undefined ? { also: pair[1] } : {}), categories, aspect: a, ...dated, ...teerAsked(clause, a) } };
  }
  const cueful = categories.some((c) => knowledge.roundType(c)?.kind === "category") || has(clause, "occupationWord") || /\b(?:which|what|any) (?:lists?|categor(?:y|ies))\b/.test(clause.text) || has(clause, "teer") || has(clause, "membership") || has(clause, "categoryWord");
  if (clause.phrase !== "" && !(has(clause, "define") && !cueful)) {
    const found = resolveOccupation(knowledge, undefined, clause.phrase);
    if (found.kind === "found") {
      // "is truck driver one of them": the category just discussed.
      // "and butcher?" after "is cook on the trades list?": the same question of another job.
      const again = slots.skill === "occupation" && clause.followUp && clause.phrase.split(" ").length <= 3;
      const them = categories.length === 0 && slots.category && (again || /\b(?:one of them|on it|in it|on that list|in that category|on the list|in the list)\b/.test(clause.text)) ? [slots.category] : categories;
      // One mistyped word ("announced" for "announcer") is a weaker reading than a title's own words.
      const typo = !clause.phrase.includes(" ") && found.score > 0;
      const score = cueful || them !== categories ? (typo ? 0.7 : found.score < 0.1 ? 0.85 : 0.75) : found.score < 0.05 ? 0.55 : 0.4;
      // A code asked for ("the code for teachers") stays a lookup though the job's words name a category.
      const a = them.length > 0 && !(aspect === "lookup" && categories.length > 0) ? "membership" : aspect;
      return { score, fromState: them !== categories, params: { phrase: clause.phrase, categories: them, aspect: a, ...dated, ...teerAsked(clause, a) } };
    }
    if (categories.length > 0 && (has(clause, "yesNo") || has(clause, "membership")) && clause.phrase.split(" ").length <= 5) {
      return { score: 0.5, params: { phrase: clause.phrase, categories, aspect: "membership", ...dated } };
    }
  }
  // "and its TEER?", "what about healthcare?", "was it on the 2024 list?" about the occupation just discussed.
  if (slots.occupation && clause.phrase === "" && clause.rounds.length === 0 && !has(clause, "draw") && !has(clause, "cutoff")) {
    const referent = /\b(?:it|its|that one|this one)\b|\b(?:that|this|the same) (?:code|noc|noc code|occupation|job)\b|\b(?:is|was) (?:that|this) (?:on|in|part of|under)\b/.test(clause.text);
    const pronoun = referent || /\b(?:this|that) job\b/.test(clause.text);
    const follow = slots.skill === "occupation" && (clause.followUp || has(clause, "teer") || categories.length > 0 || dated.year !== undefined || referent);
    if (follow) {
      const cats = categories.length > 0 ? categories : aspect === "teer" ? [] : slots.category ? [slots.category] : [];
      const a = aspect === "teer" ? "teer" : cats.length > 0 ? "membership" : aspect;
      // "is it still on the trades list?": "it" is the occupation, whatever list the clause names.
      // "in the healthcare list 2026?" right after an occupation: that occupation on that list.
      const short = categories.length > 0 && clause.text.split(" ").length <= 6 && /^(?:and )?(?:in|on|under)\b/.test(clause.text);
      return { score: pronoun ? 0.96 : short ? 0.92 : clause.followUp && categories.length > 0 ? 0.9 : 0.75, fromState: true, params: { code: slots.occupation, categories: cats, aspect: a, ...dated, ...teerAsked(clause, a) } };
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

function statusNote(knowledge: Knowledge, l: CategoryList): string {
  if (l.status === "verified") return "";
  const m = occupationsMessages();
  return l.status === "unverified" ? m.statusUnverified(l.year, typeNameOf(knowledge, l.category, l.name), l.statusNote) : l.status === "inferred" ? m.statusInferred(l.year, l.statusNote) : m.statusMostly(l.year, l.statusNote);
}

interface Part {
  readonly text: string;
  readonly sources: string[];
  readonly lead: string;
}

function membership(knowledge: Knowledge, o: Occupation, category: string, params: OccupationParams, today: string): Part {
  const m = occupationsMessages();
  const label = knowledge.label(category);
  const type = knowledge.roundType(category);
  const list = params.year !== undefined ? knowledge.listIn(category, params.year) : knowledge.listAt(category, params.date ?? today);
  if (type?.kind === "program" || type?.kind === "all") {
    return { lead: m.cantSay, text: m.programNotCategory(typeNameOf(knowledge, type.id, type.name)), sources: [] };
  }
  if (!list) {
    return { lead: m.cantSay, text: m.noListOn(label, params.year, params.date ?? today, knowledge.listsOf(category).map((l) => l.year)), sources: [] };
  }
  if (!list.hasOccupations) {
    return { lead: m.notByOccupation, text: m.byFrenchAbility(typeNameOf(knowledge, list.category, list.name), list.conditions), sources: list.basis };
  }
  if (!list.active) {
    const back = knowledge.listsOf(category).find((l) => l.year > list.year && l.active);
    return { lead: m.no, text: m.noCategoryThen(label, list.year, list.note, back?.year), sources: list.basis };
  }
  const member = list.members.find((x) => x.code === o.code);
  const since = usedSince(knowledge, list);
  const sentences = [m.onList(named(knowledge, o), Boolean(member), label, list, params.year !== undefined ? null : since)];
  const history = knowledge.membershipHistory(o.code, category).filter((h) => h.list !== list && h.list.active);
  const differing = history.filter((h) => h.member !== Boolean(member));
  const same = history.filter((h) => h.member === Boolean(member) && h.list.year < since.year);
  if (differing.length > 0) sentences.push(m.wasOnLists(Boolean(member), differing.map((h) => h.list.year)));
  else if (same.length > 0 && member) sentences.push(m.alsoOnLists(same.map((h) => h.list.year)));
  const sources = [...list.basis, ...differing.flatMap((h) => h.list.basis)];
  if (member && member.omittedBy.length > 0) {
    sources.push(...member.omittedBy);
    sentences.push(m.leftOut(member.omittedBy.map((id) => cite(knowledge, id))));
  }
  const dissent = list.dissent.find((d) => d.code === o.code);
  if (!member && dissent) {
    sources.push(...dissent.sources);
    sentences.push(m.dissentLists(dissent.sources.map((id) => cite(knowledge, id))));
  }
  if (!member) {
    // Where it is instead, so a "No" is not the end of the answer.
    const elsewhere = knowledge.categoriesOf(o.code, params.date ?? today).filter((l) => l.category !== category);
    if (elsewhere.length > 0) {
      sentences.push(m.elsewhere(elsewhere.map((l) => ({ label: knowledge.label(l.category), name: typeNameOf(knowledge, l.category, l.name) }))));
      sources.push(...elsewhere.flatMap((l) => l.basis.slice(0, 1)));
    }
  }
  const note = statusNote(knowledge, list);
  if (note) sentences.push(note);
  // "was it ever on the STEM list": once on a list is a Yes, whatever today's list says.
  const once = params.ever === true && params.year === undefined && history.some((h) => h.member);
  // "did cooks get removed from trades": removed when an earlier list had it and this one does not.
  if (params.removed === true) return { lead: !member && history.some((h) => h.member && h.list.year < list.year) ? m.yes : m.no, text: sentences.join(" "), sources };
  return { lead: member || once ? m.yes : m.no, text: sentences.join(" "), sources };
}

function answerOccupation(params: OccupationParams, context: SkillContext): SkillAnswer {
  if (params.also !== undefined) {
    const { also, ...one } = params;
    const first = answerOccupation(one, context);
    const second = answerOccupation({ ...one, phrase: also }, context);
    return { reply: combineReplies([first.reply, second.reply], false), ...(second.slots ? { slots: second.slots } : {}) };
  }
  const { knowledge, now } = context;
  const m = occupationsMessages();
  const today = now.toISOString().slice(0, 10);
  let found = resolveOccupation(knowledge, params.code, params.phrase ?? "");
  if (found.kind === "unknown-code") {
    return {
      reply: makeReply(knowledge, "occupation", {
        title: m.nocTitle(found.code),
        text: m.unknownCode(found.code, params.categories.length > 0, knowledge.occupations.size),
        userError: true,
        suggestions: suggest(knowledge, m.unknownCodeSuggestions),
      }),
    };
  }
  if (found.kind === "none") {
    return {
      reply: makeReply(knowledge, "occupation", {
        title: m.notFoundTitle,
        text: m.notFound((params.phrase ?? "").slice(0, 80)),
        userError: true,
        suggestions: suggest(knowledge, m.notFoundSuggestions),
      }),
    };
  }
  // "is butcher on the trades list": of titles read almost as closely, the one on the list asked about.
  const listed = (x: Occupation) => params.categories.some((c) => (params.year !== undefined ? knowledge.listIn(c, params.year) : knowledge.listAt(c, params.date ?? today))?.members.some((mm) => mm.code === x.code));
  const closer = params.aspect === "membership" && found.byTitle && !listed(found.occupation) ? found.alternatives.find(listed) : undefined;
  if (closer) found = { ...found, occupation: closer, alternatives: [found.occupation, ...found.alternatives.filter((a) => a !== closer)] };
  const o = found.occupation;
  const title = knowledge.occupationTitle(o);
  const noc = knowledge.kb.noc;
  const nocSource = knowledge.sources.get(noc.file) ? [noc.file] : [];
  const alt = found.alternatives.length > 0 ? m.alternatives(found.alternatives.map((a) => `${a.code} ${knowledge.occupationTitle(a)}`)) : "";
  const reading = found.byTitle ? m.reading(params.phrase ?? "", o.code, title) : "";
  const fields = [
    { name: m.fieldNoc, value: o.code },
    { name: m.fieldTitle, value: title },
    { name: m.fieldTeer, value: String(o.teer) },
  ];
  const slots = { skill: "occupation", occupation: o.code, ...(params.categories[0] ? { category: params.categories[0] } : {}) };
  if (params.aspect === "membership" && params.categories.length > 0) {
    const parts = params.categories.map((c) => membership(knowledge, o, c, params, today));
    const first = parts[0];
    const colon = lang() === "fr" ? " :" : ":";
    const lead = parts.length === 1 && first ? `${first.lead}. ${capital(first.text)}` : parts.map((p, i) => `${knowledge.label(params.categories[i])}${colon} ${p.lead}. ${capital(p.text)}`).join(" ");
    return {
      reply: makeReply(knowledge, "occupation", {
        title: m.nocTitle(o.code),
        text: `${lead} ${reading}${alt}`.trim(),
        fields,
        asOf: params.date ?? (params.year !== undefined ? `${params.year}-12-31` : today),
        sources: [...parts.flatMap((p) => p.sources), ...nocSource],
        suggestions: m.membershipSuggestions(o.code, knowledge.label(params.categories[0])),
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
  // A list named here that is not verified says so ("the 2023 transport list is unverified").
  const uncertain = [...inForce, ...everYears.flatMap((x) => x.years.map((y) => knowledge.listIn(x.t.id, y)).filter((l): l is CategoryList => l !== undefined))]
    .filter((l) => l.status !== "verified")
    .map((l) => statusNote(knowledge, l))
    .filter((n) => n !== "");
  const current = inForce.length > 0 ? m.inForceLists(inForce.map((l) => ({ label: knowledge.label(l.category), year: l.year })), date) : m.noListInForce(date);
  const past = everYears.length > 0 ? m.earlier(everYears.map((x) => ({ label: knowledge.label(x.t.id), years: x.years })), everYears.some((x) => x.years.some((y) => y > Number(date.slice(0, 4))))) : "";
  // On no list: the lists that were checked are the sources of that "no".
  const checked = inForce.length > 0 ? [] : knowledge.roundTypes().filter((t) => t.kind === "category").flatMap((t) => knowledge.listAt(t.id, date)?.basis.slice(0, 1) ?? []);
  const listSources = [...new Set([...inForce.flatMap((l) => l.basis), ...checked, ...everYears.flatMap((x) => knowledge.listsOf(x.t.id).flatMap((l) => l.basis.slice(0, 1)))])];
  const lead =
    params.aspect === "teer"
      ? `${params.teerAsked !== undefined ? `${params.teerAsked === o.teer ? m.yes : m.no}. ` : ""}${m.teerLead(o.teer, o.code, title)}`
      : params.aspect === "categories"
        ? params.anyList ? `${inForce.length > 0 ? m.yes : m.no}. ${m.lookupLead(named(knowledge, o))}` : m.categoriesLead(inForce.map((l) => knowledge.label(l.category)), named(knowledge, o))
        : `${m.lookupLead(named(knowledge, o))}${params.otherTitle ? ` ${m.otherTitle(knowledge.occupationTitle(o, lang() === "fr" ? "en" : "fr"))}` : ""}`;
  return {
    reply: makeReply(knowledge, "occupation", {
      title: m.nocTitle(o.code),
      text: `${lead} ${current}${past} ${[...new Set(uncertain)].join(" ")} ${reading}${alt}`.replace(/\s+/g, " ").trim(),
      fields,
      asOf: date,
      sources: [...nocSource, ...listSources],
      suggestions: suggest(knowledge, (ex) => m.lookupSuggestions(o.code, ex)),
    }),
    // On one list: "that category" in the next question is that list's.
    slots: { ...slots, ...(!("category" in slots) && inForce.length === 1 && inForce[0] ? { category: inForce[0].category } : {}) },
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
    return suggest(knowledge, occupationsMessages().occupationExamples);
  },
  command: {
    ...EN.nocCommand,
    fr: FR.nocCommand,
    options: [
      { ...EN.nocOccupation, fr: FR.nocOccupation, type: "string", required: true, autocomplete: "occupation" },
      { ...EN.nocCategory, fr: FR.nocCategory, type: "string", choices: "categories" },
      { ...EN.nocYear, fr: FR.nocYear, type: "integer", min: 2023, max: 2100 },
    ],
    toParams(values, context) {
      const m = occupationsMessages();
      const occupation = String(values.occupation ?? "").trim();
      if (occupation === "") return { ok: false, message: m.giveOccupation };
      const category = values.category === undefined ? undefined : String(values.category);
      if (category && context.knowledge.roundType(category)?.kind !== "category") return { ok: false, message: m.unknownCategory(category) };
      const year = values.year === undefined ? undefined : Number(values.year);
      const code = /^\d{5}$/.test(occupation) ? occupation : undefined;
      // A French title is read as a French question's words are, so that it is searched the same way.
      const phrase = lang() === "fr" ? context.knowledge.readFrench(occupation) : occupation.toLowerCase();
      return {
        ok: true,
        params: { ...(code ? { code } : { phrase }), categories: category ? [category] : [], aspect: category ? "membership" : "categories", ...(year ? { year } : {}) },
      };
    },
  },
};
