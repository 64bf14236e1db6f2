import { suggest } from "./examples.js";
import { roundName } from "../../core/format.js";
import type { Knowledge } from "../../core/knowledge.js";
import { makeReply } from "../../core/reply.js";
import type { CategoryList } from "../../kb/schema.js";
import { OCCUPATIONS_MESSAGES, occupationsMessages, type ConditionGroup } from "../../messages/occupations.js";
import { has, yesNoLike, type Clause } from "../../nlu/question.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "../types.js";
import { resolveOccupation, typeNameOf } from "./resolve.js";

const EN = OCCUPATIONS_MESSAGES.en;
const FR = OCCUPATIONS_MESSAGES.fr;

/** A question about a category's list, or about which categories exist. */
export interface CategoryParams {
  readonly aspect: "list" | "count" | "exists" | "changed" | "conditions" | "which" | "since" | "status" | "version";
  /** The list version a round name gives ("2026-Version 2"), as the question writes it. */
  readonly version?: string;
  /** A second year to compare with ("trades count 2023 vs 2025"). */
  readonly otherYear?: number;
  /** For "is the list bigger in 2025 than 2023?": whether the first year's list is asked to be the bigger one. */
  readonly bigger?: boolean;
  /** The question wants a yes or a no first. */
  readonly yesNo?: boolean;
  /** For conditions: "was it the same before 2026?", a yes or a no on whether the rule changed that year. */
  readonly same?: boolean;
  /** For yes/no: the question asks whether the category was removed ("was transport removed"). */
  readonly removal?: boolean;
  readonly category?: string;
  readonly year?: number;
  readonly teer?: number;
  /** For a yes/no about the conditions: which part of them is asked. */
  readonly ask?: ConditionAsk;
  /** For "I have NCLC 6 in speaking and 8 in the rest, am I eligible": the lowest French level the question gives. */
  readonly frenchLevel?: number;
  /** "which categories haven't had any draw in 2026": the categories with no rounds (in the year, or ever). */
  readonly noRounds?: boolean;
}

/** The parts of a list's conditions a yes/no question can ask about. */
type ConditionAsk = "in-canada" | "foreign" | "part-time" | "continuous" | "occupation";

// "do you need a specific occupation for the French category": whether the category has an occupation list.
const OCCUPATION_ASK = /\b(?:need|needs|required?|must have|have to have)(?: to)?(?: have)? (?:a |an |one )?(?:specific |particular |certain |listed )?(?:occupation|job|profession)\b/;

// "does the experience have to be in canada", "can part time work count", "does foreign experience count".
function conditionAsk(text: string): ConditionAsk | undefined {
  if (OCCUPATION_ASK.test(text) || /\b(?:specific|particular|listed|certain|one) (?:occupation|job|noc|profession)\b|\bwork in an? (?:specific |particular )?(?:occupation|job)\b/.test(text)) return "occupation";
  if (/\bpart[ -]?time\b/.test(text)) return "part-time";
  if (/\b(?:foreign|abroad|outside(?: of)? canada|overseas)\b/.test(text)) return "foreign";
  if (/\bcontinuous\b|\bin a row\b|\bgaps?\b/.test(text)) return "continuous";
  if (/\b(?:in canada|canadian (?:work )?(?:experience|exp|xp))\b/.test(text)) return "in-canada";
  return undefined;
}

// What a list's conditions, as written in the data, say to such a question; undefined when they do not say.
function conditionAnswer(ask: ConditionAsk, conditions: string): boolean | undefined {
  const c = conditions.toLowerCase();
  const canadaOnly = /\bmust be in canada\b|\bcanadian work experience only\b/.test(c);
  const either = /\bcanadian or foreign\b|\bin canada or abroad\b/.test(c);
  if (ask === "in-canada") return canadaOnly ? true : either ? false : undefined;
  if (ask === "foreign") return either ? true : canadaOnly ? false : undefined;
  if (ask === "occupation") return undefined;
  if (ask === "part-time") return /\bpart-time\b/.test(c) ? true : undefined;
  return /\bneed not be continuous\b|\bnot (?:need to )?be continuous\b/.test(c) ? false : /\bcontinuous\b/.test(c) ? true : undefined;
}

function readCategory(clause: Clause, context: SkillContext): Match<CategoryParams> | null {
  const { knowledge, slots } = context;
  if (clause.codes.length > 0 || clause.rounds.length > 0) return null;
  const category = clause.categories.find((c) => knowledge.roundType(c)?.kind === "category");
  // "how many stem occupations were on the list back then" after a round: the year of that round.
  const then = /\b(?:back then|at the time|at that time|that year)\b/.test(clause.text) && slots.round ? knowledge.draw(slots.round)?.date?.slice(0, 4) : undefined;
  // "how many were on STEM originally when it launched": the category's first list.
  const launch = category !== undefined && /\b(?:originally|initially|at (?:the )?(?:launch|start|beginning)|when it (?:launched|started|began|was (?:launched|created|introduced))|(?:the )?first (?:list|version))\b/.test(clause.text);
  const first = launch && category ? knowledge.listsOf(category).find((l) => l.active)?.year : undefined;
  const year = clause.years[0] ?? (clause.period?.kind === "year" ? Number(clause.period.from.slice(0, 4)) : then !== undefined ? Number(then) : first);
  const yesNo = has(clause, "yesNo");
  const removal = /\b(?:removed?|dropped|retired|gone|cancel+ed|scrapped|eliminated|ended|taken off)\b/.test(clause.text);
  const ask = yesNoLike(clause) ? conditionAsk(clause.text) : OCCUPATION_ASK.test(clause.text) ? "occupation" : undefined;
  // French levels told with the question: the lowest is what a list's NCLC rule is checked against.
  const told = [clause.profile.profile["firstLanguage"], clause.profile.profile["secondLanguage"]].find((r): r is { language: string; levels: Record<string, number> } => typeof r === "object" && r !== null && (r as { language?: unknown }).language === "french" && typeof (r as { levels?: unknown }).levels === "object");
  const frenchLevel = told ? Math.min(...Object.values(told.levels)) : undefined;
  const base = { ...(frenchLevel !== undefined && Number.isFinite(frenchLevel) ? { frenchLevel } : {}), ...(category ? { category } : {}), ...(year ? { year } : {}), ...(clause.teer !== null ? { teer: clause.teer } : {}), ...(yesNo ? { yesNo } : {}), ...(removal ? { removal } : {}), ...(ask ? { ask } : {}) };
  // "transport category draws ever + total invited" is about rounds, the category word notwithstanding.
  const roundish = (has(clause, "draw") || has(clause, "cutoff") || has(clause, "invitations")) && (!has(clause, "categoryWord") || /\b(?:draws|rounds|invited|itas|cut-?offs)\b/.test(clause.text) && !has(clause, "occupationsNoun") && !has(clause, "conditions"));
  const nouns = has(clause, "occupationsNoun");
  // "what does 2026-Version 2 mean": the name IRCC's round names give a list.
  const version = versionIn(clause.text);
  if (version && listsOfVersion(knowledge, version, category).length > 0) return { score: 0.9, params: { ...base, aspect: "version", version } };
  // "which jobs are on it" after a category answer: the same category.
  // « c quoi les codes » ("what is the codes"): a short question about the occupations is about that category too.
  const theirs = /\b(?:it|them|that list|this list|that one)\b/.test(clause.text) || nouns && clause.text.split(" ").length <= 4 && clause.phrase === "";
  // "which ones", "what are they", "list them" right after a category's count: its occupations.
  const whichOnes = /^(?:ok |so |and )?(?:which|what|wat) (?:ones|are they|are those|are these)\b|^(?:ok |so |and )?(?:list|name|show)(?: me)? (?:them|those|these)\b/.test(clause.text);
  if (!category && slots.category && slots.skill === "category" && (theirs && (nouns || has(clause, "list") || has(clause, "howMany")) || whichOnes)) {
    return { score: 0.88, fromState: true, params: { aspect: has(clause, "howMany") ? "count" : "list", category: slots.category, ...(slots.year ? { year: slots.year } : {}) } };
  }
  // "in 2025 what was left in the agri-food category": what its list held, not what it lost.
  if (category && /\bwhat (?:was|is|were|are|'s|s) (?:left|remaining|still) (?:in|on|under)\b|\bwhat remained\b/.test(clause.text) && !roundish) return { score: 0.88, params: { ...base, aspect: "list" } };
  if (category && has(clause, "status") && !roundish) return { score: 0.88, params: { ...base, aspect: "status" } };
  // « depuis quand existe la catégorie des médecins avec expérience de travail au Canada »: since when, whatever its name says.
  if (category && /\bsince when\b|\bwhen (?:was|were|did) (?:it|the|this|that)\b[^?]{0,80}\b(?:created|introduced|start(?:ed)?|launched|added)\b/.test(clause.text) && !roundish) return { score: 0.88, params: { ...base, aspect: "since" } };
  // "when was it created" right after a category's answer: that category.
  if (!category && slots.skill === "category" && slots.category && /^(?:and |so )?(?:when|since when) (?:was|were|did) (?:it|this|that|they)\b[^?]{0,30}\b(?:created|introduced|start(?:ed)?|launched|added|begin|began)\b|^since when\b/.test(clause.text) && !roundish) {
    return { score: 0.88, fromState: true, params: { ...base, aspect: "since", category: slots.category } };
  }
  // "can i get into the french category with nclc 6": the level told, checked against the list's rule.
  if (category && frenchLevel !== undefined && Number.isFinite(frenchLevel) && !roundish && clause.profile.facts <= 1 && (has(clause, "categoryWord") || /\b(?:eligible|qualify|get into|get in|enough)\b/.test(clause.text))) return { score: 0.9, params: { ...base, aspect: "conditions", yesNo: true } };
  // "which categories haven't had any draw in 2026", "categories with no rounds yet".
  if (!category && (has(clause, "categoryWord") || /\bcategor(?:y|ies)\b/.test(clause.text)) && /\b(?:no|never|not|havent|havnt|haven't|hasnt|hasn't|didnt|didn't|without|zero|yet to)\b[^.?]{0,40}\b(?:draws?|rounds?|invitations?|itas?)\b|\b(?:draws?|rounds?) (?:yet|at all)\b/.test(clause.text) && /\b(?:which|what|any|list)\b/.test(clause.text)) {
    return { score: 0.9, params: { ...base, aspect: "which", noRounds: true } };
  }
  // "skilled military recruits category??": the category named alone is asked about: its list and conditions.
  if (category && has(clause, "categoryWord") && clause.phrase === "" && clause.text.split(" ").length <= 5 && !roundish && !yesNo && !has(clause, "exists") && !removal && !has(clause, "changed")) return { score: 0.8, params: { ...base, aspect: "list" } };
  // "and what do I need to qualify for it" after a category answer: that category's conditions.
  const onCategory = slots.skill === "category" || (slots.skill === "rounds" || slots.skill === "round") && slots.category !== undefined && knowledge.roundType(slots.category)?.kind === "category";
  if (!category && slots.category && onCategory && (has(clause, "conditions") || /\b(?:qualify|eligible|eligibility|requirements?|language wise|what do (?:i|you|we) need)\b|\b(?:nclc|clb) ?\d/.test(clause.text)) && !roundish) {
    // "is it nclc 7 or 9": two levels offered, neither a yes nor a no answers; the rule does.
    const { yesNo: _y, frenchLevel: _f, ...offered } = base;
    const params = /\bor (?:nclc |clb )?\d/.test(clause.text) ? offered : base;
    return { score: 0.86, fromState: true, params: { ...params, aspect: "conditions", category: slots.category, ...(year ?? slots.year ? { year: year ?? slots.year } : {}) } };
  }
  // "who is that category even for", "who can apply to the physicians category".
  if (category && /\bwho (?:is|are) (?:it|that|this|they|those)(?: (?:even|really|actually))? for\b|\bwho (?:can|could)(?: actually| really| even)? (?:apply|get in|qualify)\b|\bwho qualifies\b/.test(clause.text) && !roundish) {
    return { score: 0.86, params: { ...base, aspect: "conditions" } };
  }
  // "whats in transport", "what's on the trades list": the category's occupations.
  if (category && /\bwhat(?:s|'s| is| are)? (?:in|on|under|inside)\b/.test(clause.text) && !roundish && !has(clause, "conditions") && !/\b(?:stands? for|means?|meaning|define|definition)\b/.test(clause.text)) {
    return { score: 0.86, params: { ...base, aspect: "list" } };
  }
  // "what is the difference between trades list 2025 and 2026", "which were added between the 2023 and 2025 versions".
  // "what got dropped from trades between 2023 and 2025": the two years a span of whole years names.
  const span = clause.period?.kind === "range" && clause.period.from.endsWith("-01-01") && clause.period.to.endsWith("-12-31") ? [Number(clause.period.from.slice(0, 4)), Number(clause.period.to.slice(0, 4))] : [];
  const yearsNamed = clause.years.length >= 2 ? clause.years : span;
  if (category && yearsNamed.length >= 2 && (has(clause, "difference") || has(clause, "compare") || has(clause, "changed") || /\b(?:added|removed|dropped|new|diff|same)\b/.test(clause.text)) && !roundish) {
    const [a, b] = [Math.min(yearsNamed[0] ?? 0, yearsNamed[1] ?? 0), Math.max(yearsNamed[0] ?? 0, yearsNamed[1] ?? 0)];
    // "is the healthcare list for 2026 the same as 2025": Yes or No first, on its occupations.
    const sameAsked = yesNo && /\bsame\b/.test(clause.text) ? { same: true } : {};
    return { score: 0.9, params: { ...base, aspect: "changed", year: b, otherYear: a, ...sameAsked } };
  }
  if (category && clause.years.length >= 2 && (has(clause, "howMany") || /\bcount\b|\bsize\b|\bbigger\b|\bsmaller\b/.test(clause.text))) {
    const bigger = /\b(?:bigger|larger|longer|more)\b/.test(clause.text) ? true : /\b(?:smaller|shorter|fewer|less)\b/.test(clause.text) ? false : undefined;
    return { score: 0.88, params: { ...base, aspect: "count", year: clause.years[0] ?? 0, otherYear: clause.years[1] ?? 0, ...(bigger !== undefined && yesNo ? { bigger } : {}) } };
  }
  // "whats the work experience rule for category draws now", "in 2023 how much experience did u need for the category
  // draws": the rule the category rounds invite by, not their latest rounds.
  const experienceAsked = /\bhow (?:much|many (?:months|years)(?: of)?) (?:work )?(?:experience|exp)\b/.test(clause.text);
  const ruleAsked = (experienceAsked || /\b(?:rules?|requirements?|reqs?|criteria|conditions?)\b/.test(clause.text) && !has(clause, "howMany")) && !has(clause, "cutoff") && !has(clause, "invitations") && !has(clause, "tieBreak") && !has(clause, "pool") && !has(clause, "pnpStream") && !clause.categories.some((c) => knowledge.roundType(c)?.kind === "program");
  if (ruleAsked && (has(clause, "categoryWord") || category) && clause.codes.length === 0 && clause.rounds.length === 0 && !/\b(?:which|what) categories\b/.test(clause.text)) return { score: 0.92, params: { ...base, aspect: "conditions" } };
  // "cybersecurity analyst stem 2026 eligible?": a job named with the category asks whether it is on the list.
  const namesJob = () => clause.phrase !== "" && resolveOccupation(knowledge, undefined, clause.phrase).kind === "found";
  if (has(clause, "conditions") && (has(clause, "categoryWord") || category) && !roundish && !clause.codes.length && !namesJob()) {
    if (category || !/\b(?:which|what) categories\b/.test(clause.text)) return { score: 0.83, params: { ...base, aspect: "conditions" } };
  }
  if (!category && year && /\b(?:when (?:did|were|was)|announc(?:e|ed|ement)|come out|came out|released|published)\b/.test(clause.text)) return { score: has(clause, "categoryWord") ? 0.9 : 0.84, params: { ...base, aspect: "since" } };
  // "when did category based selection start": when the first lists took effect.
  const firstYear = knowledge.listYears()[0];
  if (!category && !year && firstYear !== undefined && has(clause, "categoryWord") && /\bwhen\b/.test(clause.text) && /\b(?:start|started|begin|began|launch|launched|introduc\w*|creat\w*|first)\b/.test(clause.text) && (!roundish || /\bcategory[- ]based\b|\bcategory (?:draws|rounds)\b/.test(clause.text)) && !has(clause, "pool")) {
    return { score: 0.86, params: { ...base, aspect: "since", year: firstYear } };
  }
  if (category && removal && yesNo && !roundish) return { score: 0.87, params: { ...base, aspect: "exists" } };
  if (has(clause, "changed") && (category || year) && !roundish && !has(clause, "conditions") && (has(clause, "categoryWord") || nouns || category || /\bwhat(?:'s| is)? (?:changed|new)\b/.test(clause.text))) {
    return { score: 0.85, params: { ...base, aspect: "changed" } };
  }
  if (category && has(clause, "howMany") && (nouns || !roundish) && !(clause.numbers.some((n) => n.kind === "clb") && !nouns)) return { score: 0.9, params: { ...base, aspect: "count" } };
  // "is nursing in the healthcare list": a yes/no about an occupation, not a request for the list.
  const aboutOccupation = clause.phrase.split(" ").filter(Boolean).length > 0 && resolveOccupation(knowledge, undefined, clause.phrase).kind === "found";
  if (category && (has(clause, "list") || nouns && /\b(?:which|what|all)\b/.test(clause.text)) && !roundish) return { score: aboutOccupation ? 0.6 : 0.9, params: { ...base, aspect: "list" } };
  if (category && (has(clause, "exists") || removal || (has(clause, "categoryWord") && yesNo)) && !roundish && !/\bsince when\b/.test(clause.text)) return { score: aboutOccupation ? 0.6 : 0.86, params: { ...base, aspect: "exists" } };
  // "codes of the researchers category", "what is the physicians category": the category's list.
  if (category && !roundish && !aboutOccupation && !yesNo && (nouns || has(clause, "define") && has(clause, "categoryWord")) && clause.phrase.split(" ").filter(Boolean).length <= 1) {
    return { score: 0.8, params: { ...base, aspect: "list" } };
  }
  // "physicians category when created", "since when is education a category".
  if (category && /\b(?:when (?:was|were|did)|since when|created|introduced|start(?:ed)?|launched|added|new)\b/.test(clause.text) && !roundish && clause.phrase.split(" ").filter(Boolean).length <= 2) {
    return { score: 0.84, params: { ...base, aspect: "since" } };
  }
  if (has(clause, "conditions") && has(clause, "changed") && (year || category) && !roundish) return { score: 0.82, params: { ...base, aspect: "conditions" } };
  if (category && has(clause, "conditions") && !roundish && clause.phrase.split(" ").length <= 3 && !namesJob()) return { score: 0.8, params: { ...base, aspect: "conditions" } };
  // "what categories are there in 2026 for category based draws": the categories themselves, the rounds word notwithstanding.
  if (!category && /\b(?:what|which|wat) categories\b(?: (?:are|exist|is|were|do|does|did))?/.test(clause.text) && !has(clause, "cutoff") && !has(clause, "invitations") && !has(clause, "howMany") && !has(clause, "conditions") && !has(clause, "latest") && clause.codes.length === 0 && !namesJob()) {
    return { score: 0.86, params: { ...base, aspect: "which" } };
  }
  const short = clause.text.split(" ").length <= 4;
  if (!category && has(clause, "categoryWord") && (short || /\b(?:which|what|list|all|current|available|exist|are there)\b/.test(clause.text)) && !roundish && clause.phrase.split(" ").filter(Boolean).length <= 2) {
    return { score: clause.phrase === "" ? 0.8 : 0.7, params: { ...base, aspect: "which" } };
  }
  if (!category && has(clause, "categoryWord") && has(clause, "conditions") && !roundish) {
    return { score: 0.7, params: { ...base, aspect: "conditions" } };
  }
  // "was it the same before 2026?" after the lists' rule: whether the rule changed that year.
  const before = /\bbefore (\d{4})\b/.exec(clause.text);
  if (slots.skill === "category" && slots.aspect === "conditions" && /\b(?:the same|same thing|different)\b/.test(clause.text) && before && !category && !roundish) {
    return { score: 0.85, fromState: true, params: { aspect: "conditions", year: Number(before[1]), same: true } };
  }
  // "and how much experience do I need to be eligible?" after a category answer: the rule of those lists.
  if (slots.skill === "category" && has(clause, "conditions") && clause.followUp && !roundish && clause.codes.length === 0 && clause.categories.length === 0) {
    return { score: 0.8, fromState: true, params: { ...base, aspect: "conditions", ...(slots.category ? { category: slots.category } : {}), ...(year ?? slots.year ? { year: year ?? slots.year } : {}) } };
  }
  // "and for 2024?" / "what about trades?" after a category question.
  if (slots.skill === "category" && clause.followUp && (category || year)) {
    return { score: 0.8, fromState: true, params: { aspect: (slots.aspect as CategoryParams["aspect"] | undefined) ?? "list", ...(category ?? slots.category ? { category: category ?? slots.category } : {}), ...(year ?? slots.year ? { year: year ?? slots.year } : {}) } };
  }
  return null;
}

/** "2026-Version 2" or "Version 1" in a clause, as IRCC's round names write it. */
function versionIn(text: string): string | undefined {
  const m = /\b(?:(\d{4})\s*-\s*)?version\s*(\d+)\b/.exec(text);
  return m ? `${m[1] ? `${m[1]}-` : ""}Version ${m[2] ?? ""}` : undefined;
}

/** The lists whose round names carry a version, of one category when given. */
function listsOfVersion(knowledge: Knowledge, version: string, category: string | undefined): CategoryList[] {
  return knowledge.kb.categoryLists.filter((l) => (!category || l.category === category) && l.versions.some((v) => v.toLowerCase() === version.toLowerCase()));
}

function pickList(knowledge: Knowledge, category: string, year: number | undefined, today: string): CategoryList | undefined {
  return year !== undefined ? knowledge.listIn(category, year) : knowledge.listAt(category, today);
}

function listLabel(knowledge: Knowledge, l: CategoryList): string {
  return occupationsMessages().listLabel(knowledge.label(l.category), typeNameOf(knowledge, l.category, l.name), l);
}

function statusLine(l: CategoryList): string {
  if (l.status === "verified") return "";
  return occupationsMessages().statusLine(l.status, l.statusNote);
}

function memberLine(knowledge: Knowledge, m: { code: string; title: string; teer: number }): string {
  return occupationsMessages().named(m.code, knowledge.occupationTitle(m), m.teer);
}

function answerCategory(params: CategoryParams, context: SkillContext): SkillAnswer {
  const { knowledge, now } = context;
  const m = occupationsMessages();
  const today = now.toISOString().slice(0, 10);
  const slots = { skill: "category", aspect: params.aspect, ...(params.category ? { category: params.category } : {}), ...(params.year ? { year: params.year } : {}) };
  const reply = (text: string, sources: string[], extra: { list?: string[]; asOf?: string | null; title?: string } = {}): SkillAnswer => ({
    reply: makeReply(knowledge, "category", { title: extra.title ?? m.categoryTitle, text, sources, list: extra.list ?? [], asOf: extra.asOf ?? null, suggestions: suggest(knowledge, m.categorySuggestions) }),
    slots,
  });
  const nameOf = (l: CategoryList) => typeNameOf(knowledge, l.category, l.name);
  if (params.aspect === "since" && !params.category && params.year !== undefined) {
    const lists = knowledge.listsInYear(params.year).filter((l) => l.active);
    const first = lists.map((l) => l.effective).filter((d): d is string => d !== null).sort()[0];
    const later = lists.filter((l) => l.effective && l.effective !== first).map((l) => ({ label: knowledge.label(l.category), date: l.effective ?? "" }));
    const opening = knowledge.draws.find((d) => d.category !== null && knowledge.roundType(d.category)?.kind === "category");
    const text = first ? `${m.listsTookEffect(first, params.year, later)}${opening ? m.firstCategoryRound(roundName(knowledge, opening)) : ""}` : m.noDatedLists(params.year);
    return reply(text, [...lists.flatMap((l) => l.basis.slice(0, 1)), ...(opening?.sources.slice(0, 1) ?? [])], { asOf: first ?? null });
  }
  if (params.aspect === "version" && params.version) {
    const lists = listsOfVersion(knowledge, params.version, params.category);
    const version = lists.flatMap((l) => l.versions).find((v) => v.toLowerCase() === params.version?.toLowerCase()) ?? params.version;
    const named = lists.map((l) => {
      const rounds = l.rounds.map((r) => knowledge.draw(r)).filter((d) => d !== undefined);
      const first = rounds[0];
      const last = rounds.at(-1);
      return { listLabel: listLabel(knowledge, l), rounds: rounds.length, first: first ? roundName(knowledge, first) : null, last: last ? roundName(knowledge, last) : null, conditions: l.conditions, note: l.note };
    });
    const sources = lists.flatMap((l) => l.basis.slice(0, 1));
    if (lists.length > 1) {
      const years = [...new Set(lists.map((l) => l.year))].sort((a, b) => a - b);
      return reply(m.versionLists(version, years.map((y) => ({ year: y, labels: lists.filter((l) => l.year === y).map((l) => knowledge.label(l.category)) }))), sources, { asOf: lists.at(-1)?.effective ?? null });
    }
    return reply(m.versionNames(version, named), sources, { asOf: lists.at(-1)?.effective ?? null });
  }
  if (params.aspect === "which" || !params.category) {
    const years = knowledge.listYears();
    const year = params.year ?? knowledge.listAt("stem", today)?.year ?? years.at(-1);
    if (year === undefined) return reply(m.noLists, []);
    const lists = knowledge.listsInYear(year);
    if (lists.length === 0) return reply(m.noListsFor(year, years), []);
    if (params.aspect === "changed") return changedAll(knowledge, year, reply, params.yesNo ?? false);
    if (params.aspect === "conditions") {
      const ruled = (y: number) => knowledge.listsInYear(y).filter((l) => l.active && l.hasOccupations && l.conditions);
      const nowLists = ruled(year);
      const beforeLists = ruled(year - 1);
      const rules = (ls: readonly CategoryList[]) => [...new Set(ls.map((l) => l.conditions ?? ""))];
      const now = rules(nowLists);
      const before = rules(beforeLists);
      const changed = before.length > 0 && now.join("|") !== before.join("|");
      const grouped = (ls: readonly CategoryList[]) => conditionGroups(ls.map((l) => ({ label: knowledge.label(l.category), conditions: l.conditions ?? "" })));
      const withRule = lists.filter((l) => l.active && l.conditions);
      // A yes or a no only when every list's rule gives the same one.
      const answers = params.ask ? [...new Set(now.map((c) => conditionAnswer(params.ask as ConditionAsk, c)))] : [];
      const lead = answers.length === 1 && answers[0] !== undefined ? `${answers[0] ? m.yes : m.no}. ` : params.same && before.length > 0 ? m.sameAsBefore(!changed) : "";
      return reply(`${lead}${m.conditionsOfYear(year, grouped(nowLists), changed ? grouped(beforeLists) : null, lists.find((l) => !l.hasOccupations)?.conditions ?? null)}`, withRule.flatMap((l) => l.basis.slice(0, 1)), { asOf: `${year}-12-31` });
    }
    const active = lists.filter((l) => l.active);
    const gone = lists.filter((l) => !l.active);
    if (params.noRounds) {
      // The categories of that year's lists (every category when no year was asked) with no round in it (or ever).
      const from = params.year !== undefined ? `${params.year}-01-01` : "0000-01-01";
      const to = params.year !== undefined ? `${params.year}-12-31` : "9999-12-31";
      const types = params.year !== undefined ? active.map((l) => l.category) : knowledge.roundTypes().filter((t) => t.kind === "category").map((t) => t.id);
      const none = [...new Set(types)].filter((t) => knowledge.drawsBetween(from, to, [t]).length === 0);
      const last = knowledge.latestDraw();
      return reply(m.withoutRounds(none.map((t) => knowledge.label(t)), params.year ?? null, last ? roundName(knowledge, last) : null), [...new Set(last?.sources ?? [])], { asOf: last?.date ?? null });
    }
    return reply(
      m.categoriesIn(year, active.map(nameOf), gone.map((l) => knowledge.label(l.category))),
      lists.flatMap((l) => l.basis.slice(0, 1)),
      { list: active.map((l) => m.whichLine(nameOf(l), l.hasOccupations ? l.members.length : null, l)), asOf: `${year}-12-31` },
    );
  }
  const category = params.category;
  const label = knowledge.label(category);
  const all = knowledge.listsOf(category);
  const list = pickList(knowledge, category, params.year, today);
  if (!list) return reply(m.noListToday(label, params.year, all.map((l) => l.year)), []);
  const sources = list.basis;
  switch (params.aspect) {
    case "exists": {
      const current = params.year !== undefined ? list : knowledge.listAt(category, today);
      const history = all.map((l) => m.yearHistory(l.year, l.active, l.hasOccupations ? l.members.length : null));
      const active = current?.active ?? false;
      const yes = params.removal ? !active : active;
      const back = !active ? all.find((l) => l.active && current !== undefined && l.year > current.year) : undefined;
      return reply(
        m.exists({ yes, label, active, year: params.year, current, note: current?.note ?? null, back: back ? { year: back.year, effective: back.effective, occupations: back.members.length } : undefined, history }),
        all.flatMap((l) => l.basis.slice(0, 1)),
        { asOf: current?.effective ?? today },
      );
    }
    case "status": {
      return reply(m.statusAnswer(list.status === "verified", listLabel(knowledge, list), list.status, list.statusNote, list.status === "unverified"), sources, { asOf: list.effective });
    }
    case "since": {
      const first = all.find((l) => l.active);
      return reply(first ? m.firstList(label, first, nameOf(first)) : m.noActiveList(label), first ? first.basis.slice(0, 1) : [], { asOf: first?.effective ?? null });
    }
    case "conditions": {
      // "NCLC 7 or higher in all four": the levels told meet the list's rule or not.
      const needed = /\bNCLC (\d+)(?:\+| or (?:higher|more))? in all four\b/i.exec(list.conditions ?? "")?.[1];
      const yes = params.ask === "occupation" ? list.hasOccupations : params.frenchLevel !== undefined && needed !== undefined ? params.frenchLevel >= Number(needed) : params.ask && list.conditions ? conditionAnswer(params.ask, list.conditions) : undefined;
      const lead = yes === undefined ? "" : `${yes ? m.yes : m.no}. `;
      const other = all.filter((l) => l.year < list.year && l.conditions && l.conditions !== list.conditions).at(-1) ?? all.filter((l) => l !== list && l.conditions && l.conditions !== list.conditions).at(-1);
      const withOccupations = list.hasOccupations && list.active;
      return reply(
        `${lead}${m.conditions(list.conditions, listLabel(knowledge, list), other ? { year: other.year, conditions: other.conditions ?? "" } : undefined, statusLine(list), withOccupations)}`,
        sources,
        { asOf: list.effective, list: withOccupations ? list.members.map((x) => memberLine(knowledge, x)) : [] },
      );
    }
    case "changed": {
      const prev = params.otherYear !== undefined ? knowledge.listIn(category, params.otherYear) : all.filter((l) => l.year < list.year).at(-1);
      // A category's first list is new as a whole: its occupations are what it brought.
      if (!prev && list.active && list.hasOccupations && list.members.length > 0) {
        return reply(`${m.firstListOf(listLabel(knowledge, list), label)}${m.firstListHas(list.members.length)}`, sources, { list: list.members.map((x) => memberLine(knowledge, x)), asOf: list.effective });
      }
      if (!prev) return reply(m.firstListOf(listLabel(knowledge, list), label), sources);
      // "what got dropped": the occupations removed first.
      const diff = params.removal ? [...diffList(knowledge, prev, list)].sort((x, y) => Number(x.added) - Number(y.added)) : diffList(knowledge, prev, list);
      const lead = params.same ? `${diff.length === 0 && prev.active === list.active ? m.yes : m.no}. ` : "";
      return reply(`${lead}${diffText(knowledge, prev, list)}`, [...sources, ...prev.basis.slice(0, 1)], { asOf: list.effective, list: diff.map((d) => d.line) });
    }
    case "count":
    case "list": {
      if (params.otherYear !== undefined) {
        const other = knowledge.listIn(category, params.otherYear);
        const size = (l: CategoryList | undefined) => m.size(l ? (l.active ? l.members.length : "inactive") : null);
        const a = list.active ? list.members.length : 0;
        const b = other?.active ? other.members.length : 0;
        const answer = params.bigger === undefined ? undefined : params.bigger ? a > b : a < b;
        return reply(m.compare(answer, label, size(list), list.year, size(other), params.otherYear), [...sources, ...(other?.basis.slice(0, 1) ?? [])], { asOf: other?.effective ?? list.effective });
      }
      if (!list.active) return reply(m.noneThen(label, list.year, list.note), sources);
      if (!list.hasOccupations) return reply(m.noOccupationList(params.yesNo ?? false, nameOf(list), list.conditions), sources);
      const members = params.teer !== undefined ? list.members.filter((x) => x.teer === params.teer) : list.members;
      const teerText = params.teer !== undefined ? m.ofTeer(params.teer) : "";
      const lines = members.map((x) => memberLine(knowledge, x));
      const stated = list.statedCount && list.statedCount.value !== list.members.length ? m.stated(list.statedCount.value) : "";
      const dissent = list.dissent.length > 0 ? m.dissent(list.dissent.map((d) => d.code)) : "";
      const text = params.aspect === "count" ? m.count(members.length, listLabel(knowledge, list), teerText, `${stated}${dissent}${statusLine(list)}`) : m.listHas(listLabel(knowledge, list), members.length, teerText, statusLine(list));
      return reply(text, sources, { list: lines, asOf: list.effective, title: nameOf(list) });
    }
    default:
      return reply("", sources);
  }
}

interface Change {
  readonly added: boolean;
  readonly line: string;
}

function diffList(knowledge: Knowledge, prev: CategoryList, next: CategoryList): Change[] {
  const m = occupationsMessages();
  const before = new Set(prev.members.map((x) => x.code));
  const after = new Set(next.members.map((x) => x.code));
  return [
    ...next.members.filter((x) => !before.has(x.code)).map((x) => ({ added: true, line: m.added(x.code, knowledge.occupationTitle(x)) })),
    ...prev.members.filter((x) => !after.has(x.code)).map((x) => ({ added: false, line: m.removed(x.code, knowledge.occupationTitle(x)) })),
  ];
}

function diffText(knowledge: Knowledge, prev: CategoryList, next: CategoryList): string {
  const m = occupationsMessages();
  const label = knowledge.label(next.category);
  if (prev.active !== next.active) return next.active ? m.cameBack(label, next, next.members.length) : m.notCategoryIn(label, next.year, next.note);
  const changes = diffList(knowledge, prev, next);
  const added = changes.filter((c) => c.added).length;
  const removed = changes.length - added;
  const rule = prev.conditions !== next.conditions && next.conditions ? m.conditionsChanged(next.conditions) : "";
  if (changes.length === 0) return m.noChange(label, next, next.members.length, prev.year, rule);
  return m.changedCounts({ added, removed, label, list: next, occupations: next.members.length, previousYear: prev.year, previous: prev.members.length, rule });
}

function changedAll(knowledge: Knowledge, year: number, reply: (t: string, s: string[], e?: { list?: string[] }) => SkillAnswer, yesNo: boolean): SkillAnswer {
  const m = occupationsMessages();
  const lists = knowledge.listsInYear(year);
  const lines: string[] = [];
  const sources: string[] = [];
  for (const l of lists) {
    const prev = knowledge.listsOf(l.category).filter((p) => p.year < year).at(-1);
    sources.push(...l.basis.slice(0, 1));
    if (!prev) {
      if (l.active) lines.push(m.newIn(typeNameOf(knowledge, l.category, l.name), year, l.hasOccupations ? l.members.length : null));
      continue;
    }
    if (prev.active && !l.active) lines.push(m.noLonger(knowledge.label(l.category), l.note));
    else if (!prev.active && l.active) lines.push(m.backWith(knowledge.label(l.category), l.members.length));
    else {
      const d = diffList(knowledge, prev, l).map((c) => c.line);
      const rule = prev.conditions !== l.conditions;
      if (d.length > 0 || rule) lines.push(m.changedLine(knowledge.label(l.category), d, rule));
    }
  }
  const first = lists.map((l) => l.effective).filter((x): x is string => x !== null).sort()[0];
  return reply(lines.length > 0 ? m.changedAll(lines.length, year, first) : m.nothingChanged(year, yesNo), sources, { list: lines });
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
    return suggest(knowledge, occupationsMessages().categoryExamples);
  },
  command: {
    ...EN.categoryCommand,
    fr: FR.categoryCommand,
    options: [
      { ...EN.categoryCategory, fr: FR.categoryCategory, type: "string", choices: "categories" },
      { ...EN.categoryYear, fr: FR.categoryYear, type: "integer", min: 2023, max: 2100 },
    ],
    toParams(values, context) {
      const category = values.category === undefined ? undefined : String(values.category);
      if (category && context.knowledge.roundType(category)?.kind !== "category") return { ok: false, message: occupationsMessages().unknownCategory(category) };
      const year = values.year === undefined ? undefined : Number(values.year);
      return { ok: true, params: { aspect: category ? "list" : "which", ...(category ? { category } : {}), ...(year ? { year } : {}) } };
    },
  },
};

/** Lists' conditions as the parts every list shares, then the parts some add, with the lists that add them. */
export function conditionGroups(lists: readonly { label: string; conditions: string }[]): ConditionGroup[] {
  const parts = lists.map((l) => ({ label: l.label, parts: l.conditions.split(/;\s*/).filter((p) => p !== "") }));
  const shared = (parts[0]?.parts ?? []).filter((p) => parts.every((l) => l.parts.includes(p)));
  const extra = new Map<string, string[]>();
  for (const l of parts) {
    const rest = l.parts.filter((p) => !shared.includes(p)).join("; ");
    if (rest !== "") extra.set(rest, [...(extra.get(rest) ?? []), l.label]);
  }
  return [...(shared.length > 0 ? [{ labels: null, text: shared.join("; ") }] : []), ...[...extra].map(([text, labels]) => ({ labels, text }))];
}
