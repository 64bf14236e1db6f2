import { formatDate, joinAnd, roundName } from "../../core/format.js";
import type { Knowledge } from "../../core/knowledge.js";
import { makeReply } from "../../core/reply.js";
import type { Draw } from "../../kb/schema.js";
import { commandWords, drawMessages, optionWords } from "../../messages/draws.js";
import { shiftPeriod, yearPeriod } from "../../nlu/dates.js";
import { has, type Clause, type Period } from "../../nlu/question.js";
import { typeNameOf } from "../occupations/resolve.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "../types.js";
import { aboutRounds, drawFigures, drawsInPeriod, during, freshnessNote, periodLabel, typeOption, typePhrase, typesIn } from "./shared.js";

/** What is asked of a set of rounds. */
export type Stat = "summary" | "lowest" | "highest" | "average" | "total" | "count" | "gap" | "sameDay" | "mostType" | "fewestType";

/** A question over many rounds: a period, a range of round numbers, or all time; by type. */
export interface RoundsParams {
  readonly stat: Stat;
  readonly measure: "crs" | "invitations";
  readonly types: string[];
  readonly period?: Period;
  readonly range?: { from: string; to: string };
  readonly rounds?: string[];
  /** Two sides to compare: periods or types; `higher` when a yes/no asks whether the first is higher than the second. */
  readonly compare?: { periods?: Period[]; types?: string[]; higher?: boolean };
  /** Only rounds whose cut-off is below, above or at a score ("draws under 400", "the draw where the cut-off was 75"). */
  readonly crsFilter?: ValueFilter;
  /** Only rounds that invited fewer, more or exactly so many ("which draw invited 8,500 people"). */
  readonly sizeFilter?: ValueFilter;
  /** Only the last N rounds ("the last 2 CEC draws"). */
  readonly lastN?: number;
  /** The answer starts with yes or no ("has there been any agriculture draw since 2025?"). */
  readonly yesNo?: boolean;
}

/** Values kept: below, above or equal to a number. */
export interface ValueFilter {
  readonly below?: number;
  readonly above?: number;
  readonly equals?: number;
}

const within = (v: number | null, f: ValueFilter | undefined): boolean => f === undefined || (v !== null && (f.below === undefined || v < f.below) && (f.above === undefined || v > f.above) && (f.equals === undefined || v === f.equals));

function statOf(clause: Clause): Stat | null {
  if (has(clause, "lowest")) return "lowest";
  if (has(clause, "highest")) return "highest";
  if (has(clause, "average")) return "average";
  if (has(clause, "howMany") && has(clause, "invitations")) return "total";
  if (has(clause, "howMany") && has(clause, "draw")) return "count";
  return null;
}

const COUNT_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

function readRounds(clause: Clause, context: SkillContext): Match<RoundsParams> | null {
  const { knowledge, slots } = context;
  const types = typesIn(clause, knowledge);
  const big = has(clause, "biggest");
  const stat = big ? (/\b(?:smallest|tiniest|fewest)\b/.test(clause.text) ? "lowest" : "highest") : statOf(clause);
  const measure = big || (has(clause, "invitations") && !has(clause, "cutoff")) ? "invitations" : stat === "total" ? "invitations" : "crs";
  const roundish = aboutRounds(clause) || types.length > 0;
  // "range of cec cutoffs in 2026" is about rounds; "the pool's range" is not.
  // "how many people got invited through them" counts invitations, not the pool's candidates.
  const invitedAsked = has(clause, "invitations") && /\b(?:invited|invites|itas?|invitations)\b/.test(clause.text) && !/\b(?:pool|profiles?|in the pool)\b/.test(clause.text);
  if (has(clause, "pool") && !has(clause, "draw") && !invitedAsked && !(has(clause, "cutoff") && (types.length > 0 || clause.period))) return null;
  // "longest gap between two draws ever?", "was there ever 2 draws on the same day".
  if (has(clause, "draw") && clause.rounds.length === 0 && !has(clause, "predict")) {
    const span = clause.period ? { period: clause.period } : {};
    if (/\b(?:gap|wait|break|pause|stretch)\b/.test(clause.text) && (has(clause, "highest") || /\blongest\b/.test(clause.text))) return { score: 0.9, params: { stat: "gap", measure: "crs", types, ...span } };
    if (/\b(?:same|one) (?:day|date)\b/.test(clause.text)) return { score: 0.9, params: { stat: "sameDay", measure: "crs", types, ...span } };
  }
  // "which type had the most draws in 2026", "what kind of draw is most common": the round types ranked.
  const whichType = /\b(?:which|what|wat) (?:type|kind|category|categories|program|programs|draw type|round type)s?\b|\bmost (?:common|frequent)\b|\bleast (?:common|frequent)\b/.test(clause.text);
  if (whichType && (has(clause, "highest") || /\b(?:most|fewest|least)\b/.test(clause.text)) && clause.rounds.length === 0 && clause.codes.length === 0 && !has(clause, "cutoff") && !has(clause, "pool")) {
    const period = clause.period ?? (!has(clause, "ever") && (slots.skill === "rounds" || slots.skill === "round") ? slots.period : undefined);
    const fewest = /\b(?:fewest|least)\b/.test(clause.text);
    const onlyCategories = /\bcategor(?:y|ies)\b/.test(clause.text) ? knowledge.roundTypes().filter((t) => t.kind === "category").map((t) => t.id) : /\bprograms?\b/.test(clause.text) ? knowledge.roundTypes().filter((t) => t.kind === "program").map((t) => t.id) : [];
    return { score: 0.9, fromState: period !== undefined && clause.period === null, params: { stat: fewest ? "fewestType" : "mostType", measure: has(clause, "invitations") ? "invitations" : "crs", types: types.length > 0 ? types : onlyCategories, ...(period ? { period } : {}) } };
  }
  // "was transport a category in 2025" is about the list, not its rounds.
  if (has(clause, "categoryWord") && !aboutRounds(clause)) return null;
  // "are nurses in healthcare in 2026": whether a job is on a category's list, not that category's rounds.
  if (has(clause, "membership") && has(clause, "yesNo") && !aboutRounds(clause) && clause.phrase !== "" && clause.codes.length === 0 && clause.rounds.length === 0) return null;
  const yesNo = /^(?:was there|were there|has there|have there|is there|are there|there (?:is|are|was|were|has been|have been)|any|did|have they|has ircc)\b/.test(clause.text);
  // "which draw invited 8,500 people", "the draw where the cutoff was 75", "last draw with more than 5000 invitations",
  // "any draw with under 100 itas ever": rounds found by their size or cut-off.
  const count = clause.numbers.find((n) => n.kind === "count" && Number.isInteger(n.value));
  // The cut-off named right before the number ("a cutoff of 169", "the cutoff was 75"); "doctor with 250 crs" is a score.
  const cutNamed = (at: number) => /\b(?:cut ?-?offs?|minimum)(?: (?:crs|score|crs score))?(?: (?:was|is|of|at|were|been|exactly|just|only))*\s*$/.test(clause.text.slice(0, at));
  const cut = has(clause, "cutoff") ? clause.numbers.find((n) => (n.kind === "crs" || n.kind === "plain") && Number.isInteger(n.value) && n.value >= 1 && n.value <= 1200 && cutNamed(n.at)) : undefined;
  const found = count ?? cut;
  const by = /^(?:(?:so|ok|and|but|hey|sir)[, ]+)*(?:which|what|when|wat|the|find|show|was there|were there|is there|any|last|latest|most recent|first)\b/.test(clause.text) || /\b(?:where|in which|that had|with)\b/.test(clause.text);
  if (found && by && (has(clause, "draw") || has(clause, "round")) && clause.rounds.length === 0 && clause.codes.length === 0 && !has(clause, "mine") && !/\bpool\b/.test(clause.text) && !has(clause, "howMany") && !has(clause, "average")) {
    const relation: ValueFilter = has(clause, "below") ? { below: found.value } : has(clause, "above") ? { above: found.value } : { equals: found.value };
    const filter = found === count ? { sizeFilter: relation } : { crsFilter: relation };
    // "the last draw with more than 5000": the latest such round; "the first": the earliest.
    const one = /\b(?:last|latest|most recent)\b/.test(clause.text) && !/\b(?:draws|rounds)\b/.test(clause.text) ? { lastN: 1 } : {};
    return { score: 0.9, params: { stat: "summary", measure: found === count ? "invitations" : "crs", types, ...filter, ...one, ...(clause.period ? { period: clause.period } : {}), ...(yesNo ? { yesNo } : {}) } };
  }
  // "draws under 400 in 2026", "any draws where the cut-off was below 300".
  const limit = clause.numbers.find((n) => (n.kind === "crs" || n.kind === "plain") && n.value >= 50 && n.value <= 1200 && String(n.value) !== clause.period?.sinceRound)?.value;
  if (limit !== undefined && (has(clause, "below") || has(clause, "above")) && !has(clause, "mine") && (has(clause, "draw") || has(clause, "cutoff"))) {
    const crsFilter = has(clause, "below") ? { below: limit } : { above: limit };
    return { score: 0.88, params: { stat: "summary", measure: "crs", types, crsFilter, ...(clause.period ? { period: clause.period } : {}), ...(yesNo ? { yesNo } : {}) } };
  }
  // "the last 2 CEC draws", "compare the last three PNP rounds".
  // Also in French order: "les 2 derniers tirages PEC" reads "the 2 latest draws pec".
  const lastN = /\b(?:last|latest|past|previous) (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?:[a-z-]+ ){0,2}(?:draws|rounds)\b|\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?:last|latest|previous) (?:[a-z-]+ ){0,2}(?:draws|rounds)\b/.exec(clause.text);
  if (lastN) {
    const count = lastN[1] ?? lastN[2] ?? "";
    const n = COUNT_WORDS[count] ?? Number(count);
    // "398 french, would i make the last 2 french draws": a score held against them is a score check.
    const held = clause.numbers.some((x) => x.value !== n && (x.kind === "crs" || x.kind === "plain" && x.value >= 100 && x.value <= 1200)) && (has(clause, "scoreCheck") || has(clause, "enough") || has(clause, "mine"));
    // "how many days between the last two cec draws": the gap between them.
    const days = /\bhow many days?\b|\bdays? (?:between|apart)\b|\b(?:gap|wait) between\b/.test(clause.text);
    if (n >= 2 && n <= 50 && !held) return { score: 0.88, params: { stat: days ? "gap" : "summary", measure: "crs", types, lastN: n } };
  }
  // "difference between the last CEC and the last PNP cut-off"; "was the last cec cutoff higher than the last pnp one".
  const than = /\b(higher|lower|bigger|smaller|greater|more|less|fewer)(?: [a-z]+){0,2} than\b/.exec(clause.text)?.[1];
  const higher = than ? /^(?:higher|bigger|greater|more)$/.test(than) : undefined;
  // "a ... higher than b?" asks yes or no unless it asks how much ("how much higher").
  const thanYesNo = than !== undefined && !/\bhow (?:much|many)\b|\bby how\b/.test(clause.text);
  if ((has(clause, "difference") || than) && types.length >= 2 && (has(clause, "cutoff") || has(clause, "draw"))) {
    const asksYesNo = has(clause, "yesNo") || thanYesNo;
    const byInvitations = has(clause, "invitations") && !has(clause, "cutoff");
    return { score: 0.9, params: { stat: "summary", measure: byInvitations ? "invitations" : "crs", types, compare: { types: types.slice(0, 3), ...(higher !== undefined && asksYesNo ? { higher } : {}) }, lastN: 1 } };
  }
  // "was the trades cutoff in 2025 higher than the one in 2026": two periods, asked yes or no.
  const thanAsked = thanYesNo && higher !== undefined ? { higher } : {};
  // A score in the question makes it a score check ("490, any CEC draw since 2025?").
  if (clause.numbers.some((n) => String(n.value) !== clause.period?.sinceRound && (n.kind === "crs" || (n.kind === "plain" && Number.isInteger(n.value) && n.value >= 100 && n.value <= 1200)))) return null;
  const base = { stat: stat ?? "summary", measure, types } as const;
  // "and the month before?" after the rounds of a month (or a year): the same question of the month before or after.
  const shift = /\b(?:the )?(month|year) (before|after)\b|\b(previous|prior|next|following) (month|year)\b/.exec(clause.text);
  if (shift && !clause.period && slots.period && (slots.skill === "rounds" || slots.skill === "round") && clause.rounds.length + clause.codes.length === 0) {
    const unit = shift[1] ?? shift[4];
    const period = shiftPeriod(slots.period, shift[2] === "after" || shift[3] === "next" || shift[3] === "following" ? 1 : -1);
    if (period && (unit === "month") === (slots.period.kind === "month")) {
      return { score: 0.88, fromState: true, params: { ...base, period, types: types.length > 0 ? types : slots.category ? [slots.category] : [] } };
    }
  }
  // "the lowest cut-off among them?", "how many draws for them?": the rounds or the category just talked about.
  if ((/\b(?:among|for|of|from|in|through|thru|across|by|with) (?:all )?(?:of )?(?:them|those|these)\b/.test(clause.text) || (slots.skill === "category" || slots.skill === "rounds") && /\b(?:for|under|in) (?:that|it|this one|that one)(?: yet| so far| already)?$/.test(clause.text)) && (stat || has(clause, "draw")) && clause.rounds.length === 0 && (slots.category || slots.period)) {
    const period = clause.period ?? (slots.skill === "rounds" ? slots.period : undefined);
    // Naming rounds ("how many draws for them") is about the category's rounds, not its list.
    return { score: has(clause, "draw") ? 0.9 : 0.88, fromState: true, params: { ...base, stat: stat ?? "summary", types: types.length > 0 ? types : slots.category ? [slots.category] : [], ...(period ? { period } : {}), ...(yesNo && !stat ? { yesNo } : {}) } };
  }
  // "have they had any draws", "any rounds for it yet" right after a category's answer: that category's rounds.
  if (types.length === 0 && slots.category && slots.skill === "category" && has(clause, "draw") && /\b(?:they|it|this|that|them|this one|that one)\b/.test(clause.text) && clause.rounds.length === 0 && clause.codes.length === 0) {
    return { score: 0.88, fromState: true, params: { ...base, stat: stat ?? "summary", types: [slots.category], ...(clause.period ? { period: clause.period } : {}), ...(yesNo && !stat ? { yesNo } : {}) } };
  }
  if (clause.roundRange) return { score: 0.9, params: { ...base, range: clause.roundRange } };
  if (clause.rounds.length >= 2 && (stat || has(clause, "compare") || has(clause, "howMany") || has(clause, "cutoff") || has(clause, "invitations"))) {
    return { score: 0.85, params: { ...base, rounds: clause.rounds, ...(has(clause, "compare") && !stat ? { stat: "summary" } : {}) } };
  }
  // "fswp vs fstp what do they stand for" asks what the names mean, not how their rounds compare.
  if (/\bstands? for\b|\b(?:mean|means|meaning|full forms?)\b/.test(clause.text) && !has(clause, "cutoff") && !has(clause, "invitations")) return null;
  if (has(clause, "compare") && roundish) {
    if (clause.periods.length >= 2) return { score: 0.85, params: { ...base, stat: "summary", compare: { periods: clause.periods.slice(0, 2), ...thanAsked } } };
    if (types.length >= 2) return { score: 0.85, params: { ...base, stat: "summary", ...(clause.period ? { period: clause.period } : {}), compare: { types: types.slice(0, 3) } } };
  }
  // "give the results" right after a round type's latest round: all of that type's rounds.
  if (/^(?:(?:please )?(?:give|show|list)(?: me)? (?:the|their|all the) results|(?:and )?the results)\b/.test(clause.text) && types.length === 0 && clause.rounds.length === 0 && !clause.period && (slots.skill === "round" || slots.skill === "rounds") && slots.category) {
    return { score: 0.85, fromState: true, params: { ...base, stat: "summary", types: [slots.category] } };
  }
  // "were there any in 2025?" right after a round type's rounds: that type's rounds in the period.
  if (clause.period && yesNo && !roundish && clause.rounds.length === 0 && (slots.skill === "round" || slots.skill === "rounds") && slots.category && !has(clause, "categoryWord")) {
    // "in 2025 or 2026": either year, so both.
    const [a, b] = clause.periods;
    const either = a && b && a.kind === "year" && b.kind === "year" && a.from < b.from && new RegExp(`\\b${a.label} or ${b.label}\\b`).test(clause.text);
    const period = either ? { from: a.from, to: b.to, label: `${a.label} to ${b.label}`, kind: "range" as const } : clause.period;
    return { score: 0.8, fromState: true, params: { ...base, types: [slots.category], period, stat: "count", yesNo } };
  }
  if (clause.period && roundish && !has(clause, "tieBreak")) {
    const latestOnly = has(clause, "latest") && clause.period.kind !== "relative" && !stat;
    if (latestOnly) return null;
    // "any stem draws in 2025 or 2026": one span of two years running, answered yes or no.
    const [p1, p2] = clause.periods;
    const either = yesNo && p1 && p2 && !has(clause, "compare") && p1.kind === "year" && p2.kind === "year" && Number(p2.from.slice(0, 4)) === Number(p1.from.slice(0, 4)) + 1 && /\b(?:or|and)\b/.test(clause.text);
    if (either && p1 && p2) return { score: 0.85, params: { ...base, period: { from: p1.from, to: p2.to, label: `${p1.label}–${p2.label}`, kind: "range" }, stat: "count", yesNo } };
    if (clause.periods.length >= 2) return { score: 0.8, params: { ...base, compare: { periods: clause.periods.slice(0, 2), ...thanAsked } } };
    // "elevator mechanic on trades 2025": a job beside a category and a year asks about its list; rounds only when said.
    const aJob = clause.phrase !== "" && !aboutRounds(clause) && !stat;
    return { score: stat ? 0.9 : aJob ? 0.6 : 0.8, params: { ...base, period: clause.period, ...(yesNo ? { stat: "count" as const, yesNo } : {}) } };
  }
  // "how many were invited?" with no period or type, right after a round: that round's, not all time's.
  if (stat === "total" && types.length === 0 && slots.round && !has(clause, "ever")) return { score: 0.55, params: base };
  // "which one had the lowest cutoff", "how many itas total" right after rounds of a period or type: those rounds.
  // A chart drew rounds of a type and period too: "which one was the lowest" after it asks among them.
  const listed = slots.skill === "rounds" || slots.skill === "chart";
  if (stat && listed && (slots.period || slots.category) && types.length === 0 && !clause.period && clause.rounds.length === 0 && clause.codes.length === 0 && !has(clause, "ever") && !/\b(?:all time|of all time|overall|in history)\b/.test(clause.text)) {
    return { score: 0.9, fromState: true, params: { ...base, ...(slots.period ? { period: slots.period } : {}), types: slots.category ? [slots.category] : [] } };
  }
  if (stat && stat !== "count" && roundish && clause.rounds.length === 0) return { score: 0.85, params: base };
  // "senior managers draws cut off": a type's rounds (plural) and their cut-offs, not only the latest.
  if (types.length > 0 && /\b(?:draws|rounds)\b/.test(clause.text) && (has(clause, "cutoff") || has(clause, "invitations")) && !has(clause, "latest") && !has(clause, "first") && !stat && clause.rounds.length === 0 && !clause.period) {
    return { score: 0.86, params: base };
  }
  // "has there ever been an education draw", "have there been any draws for the physicians category yet": every round
  // of the type, Yes or No first.
  if (types.length > 0 && has(clause, "draw") && yesNo && !clause.period && clause.rounds.length === 0 && !stat && !has(clause, "latest") && !has(clause, "first") && !has(clause, "cutoff") && !has(clause, "mine")) {
    return { score: 0.86, params: { ...base, stat: "count", yesNo } };
  }
  // "fst draws list", "all the PNP rounds", "physician draws so far".
  if (types.length > 0 && has(clause, "draw") && (has(clause, "list") || /\ball (?:the )?\w+ (?:draws|rounds)\b|\b(?:draws|rounds) list\b|\b(?:draws|rounds) (?:so far|to date|ever|till now|until now|history|all of them)\b|\bhistory of (?:the |all )?(?:[a-z-]+ ){0,3}(?:draws|rounds)\b/.test(clause.text))) return { score: 0.88, params: base };
  if (stat === "count" && roundish) return { score: 0.8, params: base };
  // "and the highest one", "lowest one?" after a question over rounds: the same rounds, another statistic.
  if (listed && (stat === "lowest" || stat === "highest" || stat === "average") && types.length === 0 && !clause.period && clause.rounds.length === 0 && clause.codes.length === 0 && clause.phrase === "" && (slots.period || slots.category)) {
    return { score: 0.86, fromState: true, params: { ...base, ...(slots.period ? { period: slots.period } : {}), types: slots.category ? [slots.category] : [] } };
  }
  // "how many healthcare draws this year and what were the cutoffs": the same rounds, their cut-offs.
  if (slots.skill === "rounds" && (slots.category || slots.period) && /\b(?:cut-?offs|scores|crs scores|minimums)\b/.test(clause.text) && /\b(?:what|which|list|show|give)\b/.test(clause.text) && types.length === 0 && !clause.period && clause.rounds.length === 0 && clause.codes.length === 0 && !has(clause, "latest")) {
    return { score: 0.87, fromState: true, params: { ...base, stat: "summary", ...(slots.period ? { period: slots.period } : {}), types: slots.category ? [slots.category] : [] } };
  }
  // "what about 2024?" after the latest round of a type: that type's rounds in that period.
  if (slots.skill === "round" && slots.category && clause.followUp && clause.period && types.length === 0 && clause.rounds.length === 0 && clause.codes.length === 0) {
    return { score: 0.86, fromState: true, params: { ...base, stat: "summary", period: clause.period, types: [slots.category] } };
  }
  // "and itas", "and the cutoffs?" after a question over rounds: the same rounds, another measure.
  if (slots.skill === "rounds" && clause.followUp && !clause.period && types.length === 0 && clause.rounds.length + clause.codes.length === 0 && (slots.period || slots.category) && (has(clause, "invitations") || has(clause, "cutoff") || stat)) {
    const next: Stat = stat ?? (has(clause, "invitations") ? "total" : "summary");
    return { score: 0.86, fromState: true, params: { ...base, stat: next, measure: has(clause, "invitations") && !has(clause, "cutoff") ? "invitations" : "crs", ...(slots.period ? { period: slots.period } : {}), types: slots.category ? [slots.category] : [] } };
  }
  // "and in 2024?" after a question over rounds.
  if (slots.skill === "rounds" && clause.followUp && (clause.period || types.length > 0)) {
    return {
      score: 0.8,
      fromState: true,
      params: { ...base, stat: (slots.aspect as Stat | undefined) ?? "summary", ...(clause.period ? { period: clause.period } : slots.period ? { period: slots.period } : {}), types: types.length > 0 ? types : slots.category ? [slots.category] : [] },
    };
  }
  return null;
}

function valueOf(d: Draw, measure: RoundsParams["measure"]): number | null {
  return measure === "crs" ? d.crs : d.invitations;
}

// " with a cut-off below 300", " that invited exactly 8,500": the filters a question put on the rounds, in words.
function filterLabel(params: RoundsParams): string {
  const m = drawMessages();
  const crs = params.crsFilter ? m.cutoffFilter(params.crsFilter.below, params.crsFilter.above, params.crsFilter.equals) : "";
  const size = params.sizeFilter ? m.sizeFilter(params.sizeFilter.below, params.sizeFilter.above, params.sizeFilter.equals) : "";
  return `${crs}${size}`;
}

function spanLabel(params: RoundsParams): string {
  const m = drawMessages();
  const filter = filterLabel(params);
  if (params.lastN) return m.lastN(params.lastN, filter);
  if (filter) return m.withFilter(params.period ? periodLabel(params.period) : null, filter);
  if (params.period) return periodLabel(params.period);
  if (params.range) return m.roundRange(params.range.from, params.range.to);
  if (params.rounds) return m.roundList(params.rounds);
  return m.allRounds;
}

function selected(knowledge: Knowledge, params: RoundsParams, period = params.period, types = params.types): readonly Draw[] {
  const chosen = unfiltered(knowledge, params, period, types);
  const kept = params.crsFilter || params.sizeFilter ? chosen.filter((d) => within(d.crs, params.crsFilter) && within(d.invitations, params.sizeFilter)) : chosen;
  return params.lastN ? kept.slice(-params.lastN) : kept;
}

function unfiltered(knowledge: Knowledge, params: RoundsParams, period = params.period, types = params.types): readonly Draw[] {
  if (params.range) {
    const from = knowledge.draw(params.range.from);
    const to = knowledge.draw(params.range.to);
    const lo = from?.order ?? Number.parseInt(params.range.from, 10);
    const hi = to?.order ?? Number.parseInt(params.range.to, 10) + 0.5;
    return knowledge.drawsOf(types).filter((d) => d.order >= lo && d.order <= hi);
  }
  if (params.rounds) return params.rounds.map((r) => knowledge.draw(r)).filter((d): d is Draw => d !== undefined);
  return period ? drawsInPeriod(knowledge, period, types) : knowledge.drawsOf(types);
}

interface Summary {
  readonly count: number;
  readonly invitations: number;
  readonly lowest: Draw | undefined;
  readonly highest: Draw | undefined;
  readonly average: number | null;
}

function summarise(draws: readonly Draw[], measure: RoundsParams["measure"]): Summary {
  const valued = draws.filter((d) => valueOf(d, measure) !== null);
  const by = (a: Draw, b: Draw) => (valueOf(a, measure) ?? 0) - (valueOf(b, measure) ?? 0) || a.order - b.order;
  const sorted = [...valued].sort(by);
  const values = valued.map((d) => valueOf(d, measure) ?? 0);
  return {
    count: draws.length,
    invitations: draws.reduce((n, d) => n + (d.invitations ?? 0), 0),
    lowest: sorted[0],
    highest: sorted.at(-1),
    average: values.length > 0 ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null,
  };
}

// Rounds by their type, in the order the types first appear.
function groupByType(draws: readonly Draw[]): Map<string, Draw[]> {
  const groups = new Map<string, Draw[]>();
  for (const d of draws) groups.set(d.category ?? "unknown", [...(groups.get(d.category ?? "unknown") ?? []), d]);
  return groups;
}

function byType(knowledge: Knowledge, draws: readonly Draw[]): string[] {
  return [...groupByType(draws).entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([type, ds]) => {
      const s = summarise(ds, "crs");
      return drawMessages().byTypeLine(knowledge.label(type), ds.length, s.invitations, s.lowest && s.highest ? s.lowest.crs : null, s.lowest && s.highest ? s.highest.crs : null);
    });
}

function sources(draws: readonly Draw[]): string[] {
  return [...new Set(draws.flatMap((d) => d.sources))];
}

function summaryText(knowledge: Knowledge, params: RoundsParams, draws: readonly Draw[], label: string): string {
  const m = drawMessages();
  const kind = typePhrase(knowledge, params.types);
  const s = summarise(draws, params.measure);
  const rounds = m.rounds(s.count, kind);
  const span = during(label);
  const fmt = (d: Draw | undefined) => (d ? m.valueIn(valueOf(d, params.measure) ?? 0, roundName(knowledge, d)) : m.none);
  const extreme = (d: Draw | undefined, which: "lowest" | "highest") => m.statExtreme(which, params.measure, d ? (valueOf(d, params.measure) ?? 0) : null, s.count, rounds, span, d ? roundName(knowledge, d) : null);
  switch (params.stat) {
    case "total":
      return m.statTotal(s.invitations, rounds, span);
    case "count":
      return m.statCount(rounds, span, s.invitations);
    case "lowest":
      return extreme(s.lowest, "lowest");
    case "highest":
      return extreme(s.highest, "highest");
    case "average":
      return m.statAverage(params.measure, s.average, s.count, rounds, span, fmt(s.lowest), fmt(s.highest));
    default:
      return m.statSummary(rounds, span, s.invitations, params.measure, fmt(s.lowest), fmt(s.highest), s.average);
  }
}

function answerRounds(params: RoundsParams, context: SkillContext): SkillAnswer {
  const { knowledge, now } = context;
  const m = drawMessages();
  const fresh = freshnessNote(knowledge, now);
  const slots = { skill: "rounds", aspect: params.stat, ...(params.period ? { period: params.period } : {}), ...(params.types[0] ? { category: params.types[0] } : {}) };
  // Rounds of every type, or of all time, leave no type or period behind for the next question to inherit.
  const clear = [...(params.types[0] ? [] : ["category" as const]), ...(params.period ? [] : ["period" as const])];
  if (params.compare) {
    const sides = params.compare.periods
      ? params.compare.periods.map((p) => ({ label: periodLabel(p), draws: selected(knowledge, params, p) }))
      : (params.compare.types ?? []).map((t) => ({ label: m.compareSide(knowledge.label(t), params.period ? during(periodLabel(params.period)) : ""), draws: selected(knowledge, params, params.period, [t]) }));
    const lines = sides.map((side) => {
      const s = summarise(side.draws, "crs");
      const [one] = side.draws;
      // One round a side ("the last CEC and the last PNP"): that round, not an average of one.
      if (side.draws.length === 1 && one) return m.compareOne(side.label, roundName(knowledge, one), one.crs, one.invitations ?? 0);
      return m.compareLine(side.label, s.count, s.invitations, s.average, s.lowest?.crs, s.highest?.crs);
    });
    const [a, b] = sides.map((side) => summarise(side.draws, "crs"));
    const single = sides.every((side) => side.draws.length === 1);
    const diff = a?.average != null && b?.average != null ? (single ? m.compareDiffOne : m.compareDiff)(Math.abs(a.average - b.average), a.average < b.average, sides[0]?.label ?? "", sides[1]?.label ?? "") : "";
    const asked = params.compare.higher;
    // By invitations ("invited more people than"): the sums; by cut-off: the averages (one round a side: its cut-off).
    const va = params.measure === "invitations" ? a?.invitations : a?.average;
    const vb = params.measure === "invitations" ? b?.invitations : b?.average;
    const lead = asked !== undefined && va != null && vb != null ? `${(asked ? va > vb : va < vb) ? m.yes : m.no}. ` : "";
    const all = sides.flatMap((s) => s.draws);
    return {
      reply: makeReply(knowledge, "rounds", {
        title: m.compareTitle,
        text: `${lead}${lines.join(". ")}.${diff}${fresh ? ` ${fresh}` : ""}`,
        list: lines,
        asOf: all.map((d) => d.date ?? "").sort().at(-1) ?? null,
        sources: sources(all),
      }),
      slots,
      clear,
    };
  }
  const draws = selected(knowledge, params);
  const label = spanLabel(params);
  if (params.stat === "gap" || params.stat === "sameDay") return answerDates(params, context, draws, label);
  if ((params.stat === "mostType" || params.stat === "fewestType") && draws.length > 0) return answerTypes(params, context, draws, label);
  const lastAll = knowledge.latestDraw();
  // "any draws this week" after the records end: unknown, not "none".
  if (draws.length === 0 && params.period && lastAll?.date && params.period.from > lastAll.date) {
    return {
      reply: makeReply(knowledge, "rounds", { title: m.noRoundsTitle, text: m.afterRecords(during(periodLabel(params.period)), roundName(knowledge, lastAll), drawFigures(lastAll)), asOf: lastAll.date, sources: lastAll.sources }),
      slots,
      clear,
    };
  }
  if (draws.length === 0) {
    const last = knowledge.latestDraw(params.types);
    const kind = typePhrase(knowledge, params.types);
    return {
      reply: makeReply(knowledge, "rounds", {
        title: m.noRoundsTitle,
        text: `${m.noRounds(params.yesNo === true, kind, during(label), last ? roundName(knowledge, last) : null)}${fresh ? ` ${fresh}` : ""}`,
        asOf: last?.date ?? null,
        sources: last?.sources ?? [],
      }),
      slots,
      clear,
    };
  }
  // One round found by its size or cut-off ("which draw invited 8,500 people"): that round, as the round skill tells it.
  const [only] = draws;
  if (only && draws.length === 1 && (params.crsFilter || params.sizeFilter)) {
    const filter = filterLabel(params);
    return {
      reply: makeReply(knowledge, "rounds", {
        title: m.roundsTitle(during(label)),
        text: `${m.foundOne(params.yesNo === true, roundName(knowledge, only), filter, params.lastN === 1, drawFigures(only))}${fresh ? ` ${fresh}` : ""}`,
        asOf: only.date,
        sources: sources(draws),
      }),
      slots: { ...slots, round: only.round },
      clear,
    };
  }
  // Every round when they are few, else the last dozen of one type, else a line a type.
  const each = params.types.length === 1 || draws.length <= 15;
  const detail = each ? draws.slice(-12).map((d) => m.roundLine(roundName(knowledge, d), d.crs, d.invitations ?? 0)) : byType(knowledge, draws);
  const more = each && draws.length > 12 ? m.listShows(draws.length) : "";
  const [a, b] = params.lastN === 2 ? draws : [];
  const change = a && b && a.crs !== null && b.crs !== null ? m.change(roundName(knowledge, a), roundName(knowledge, b), a.crs, b.crs) : "";
  const first = draws[0];
  const last = draws.at(-1);
  return {
    reply: makeReply(knowledge, "rounds", {
      title: m.roundsTitle(during(label)),
      text: `${m.roundsText(params.yesNo === true, summaryText(knowledge, params, draws, label), formatDate(first?.date), formatDate(last?.date))}${change}${more}${fresh ? ` ${fresh}` : ""}`,
      list: detail,
      asOf: last?.date ?? null,
      sources: sources(draws),
      suggestions: m.roundsSuggestions(Number((knowledge.latestDraw()?.date ?? context.now.toISOString()).slice(0, 4)) - 1),
    }),
    slots,
    clear,
  };
}

// The round types of some rounds ranked by how many rounds (or invitations) each had: the first, then every one.
function answerTypes(params: RoundsParams, context: SkillContext, draws: readonly Draw[], label: string): SkillAnswer {
  const { knowledge, now } = context;
  const m = drawMessages();
  const fresh = freshnessNote(knowledge, now);
  const groups = groupByType(draws);
  const size = (ds: readonly Draw[]) => (params.measure === "invitations" ? ds.reduce((n, d) => n + (d.invitations ?? 0), 0) : ds.length);
  const ranked = [...groups.entries()].sort((a, b) => (size(b[1]) - size(a[1])) * (params.stat === "fewestType" ? -1 : 1));
  const [top] = ranked;
  const best = top ? size(top[1]) : 0;
  const tied = ranked.filter(([, ds]) => size(ds) === best).map(([id]) => m.typeWithName(knowledge.label(id), typeNameOf(knowledge, id, knowledge.roundType(id)?.name ?? id)));
  const total = params.measure === "invitations" ? draws.reduce((n, d) => n + (d.invitations ?? 0), 0) : draws.length;
  const text = ranked.length > 1 && tied.length === ranked.length ? m.typesTied(ranked.length, params.measure === "invitations", best, params.period ? during(label) : "") : m.typeRanked(params.stat === "fewestType", params.measure === "invitations", joinAnd(tied), best, total, params.period ? during(label) : "", ranked.length);
  return {
    reply: makeReply(knowledge, "rounds", {
      title: m.roundsTitle(during(label)),
      text: `${text}${fresh ? ` ${fresh}` : ""}`,
      list: byType(knowledge, draws),
      asOf: draws.at(-1)?.date ?? null,
      sources: sources(draws),
    }),
    slots: { skill: "rounds", aspect: params.stat, ...(params.period ? { period: params.period } : {}) },
  };
}

// The dates of rounds: the longest wait between two, or the days that had more than one.
function answerDates(params: RoundsParams, context: SkillContext, draws: readonly Draw[], label: string): SkillAnswer {
  const { knowledge, now } = context;
  const m = drawMessages();
  const dated = draws.filter((d) => d.date !== null);
  const slots = { skill: "rounds", aspect: params.stat, ...(params.period ? { period: params.period } : {}), ...(params.types[0] ? { category: params.types[0] } : {}) };
  // With no period the span goes unsaid: "the longest gap between two rounds I know of".
  const span = params.period || params.lastN ? during(label) : "";
  const dayOf = (d: Draw) => Date.parse(`${d.date}T00:00:00Z`) / 86_400_000;
  let text: string;
  let list: string[] = [];
  let used: Draw[] = [];
  if (params.stat === "gap") {
    let best: [Draw, Draw] | undefined;
    for (let i = 1; i < dated.length; i += 1) {
      const a = dated[i - 1] as Draw;
      const b = dated[i] as Draw;
      if (!best || dayOf(b) - dayOf(a) > dayOf(best[1]) - dayOf(best[0])) best = [a, b];
    }
    const last = dated.at(-1);
    const open = last && !params.period && !params.lastN ? Math.floor(now.getTime() / 86_400_000 - dayOf(last)) : 0;
    text = best && dated.length === 2
      ? m.daysBetween(dayOf(best[1]) - dayOf(best[0]), roundName(knowledge, best[0]), roundName(knowledge, best[1]))
      : best
      ? `${m.longestGap(dayOf(best[1]) - dayOf(best[0]), typePhrase(knowledge, params.types), roundName(knowledge, best[0]), roundName(knowledge, best[1]), span)}${last && open > dayOf(best[1]) - dayOf(best[0]) ? m.openGap(open, roundName(knowledge, last)) : ""}`
      : m.noRounds(false, typePhrase(knowledge, params.types), during(label), null);
    used = best ? [...best] : [];
  } else {
    const byDay = new Map<string, Draw[]>();
    for (const d of dated) byDay.set(d.date ?? "", [...(byDay.get(d.date ?? "") ?? []), d]);
    const days = [...byDay.entries()].filter(([, ds]) => ds.length > 1);
    list = days.map(([date, ds]) => m.sameDayLine(formatDate(date), ds.map((d) => d.round)));
    text = m.sameDays(days.length, span, list);
    used = days.flatMap(([, ds]) => ds);
  }
  const fresh = freshnessNote(knowledge, now);
  return {
    reply: makeReply(knowledge, "rounds", { title: m.roundsTitle(during(label)), text: `${text}${fresh ? ` ${fresh}` : ""}`, list, asOf: dated.at(-1)?.date ?? null, sources: sources(used) }),
    slots,
  };
}

/** Many rounds at once: counts, invitations, lowest, highest and average cut-offs over a period, by type, and comparisons. */
export const roundsSkill: Skill<RoundsParams> = {
  id: "rounds",
  summary: "rounds over a period or all time: how many, how many invitations, lowest/highest/average cut-off, by type, comparisons",
  requires: [],
  optional: ["period", "round range", "round type", "statistic"],
  match: readRounds,
  answer: answerRounds,
  examples(knowledge) {
    const last = knowledge.latestDraw();
    const year = last?.date?.slice(0, 4);
    return year ? drawMessages().roundsExamples(year) : [];
  },
  command: {
    ...commandWords("rounds"),
    options: [
      { ...optionWords("rounds", "type"), type: "string", choices: "round-types" },
      { ...optionWords("rounds", "year"), type: "integer", min: 2015, max: 2100 },
      { ...optionWords("rounds", "stat"), type: "string" },
    ],
    toParams(values, context) {
      const t = typeOption(values, "type", context);
      if (!t.ok) return t;
      const m = drawMessages();
      const raw = values.stat === undefined ? "summary" : String(values.stat);
      const stat = (m.statWords[raw.trim().toLowerCase()] ?? raw) as Stat;
      if (!["summary", "lowest", "highest", "average", "total", "count", "gap", "sameDay"].includes(stat)) return { ok: false, message: m.badStat(raw) };
      const year = values.year === undefined ? undefined : Number(values.year);
      const period: Period | undefined = year ? yearPeriod(year) : undefined;
      return { ok: true, params: { stat, measure: stat === "total" ? "invitations" : "crs", types: t.types, ...(period ? { period } : {}) } };
    },
  },
};
