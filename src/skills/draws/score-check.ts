import { subMonths } from "date-fns";
import { formatDate, joinAnd, roundName } from "../../core/format.js";
import type { Knowledge } from "../../core/knowledge.js";
import { coreMessages } from "../../core/messages.js";
import { makeReply } from "../../core/reply.js";
import type { Draw } from "../../kb/schema.js";
import { commandWords, drawMessages, optionWords } from "../../messages/draws.js";
import { inYearOf } from "../../nlu/dates.js";
import { has, type Clause, type Period } from "../../nlu/question.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "../types.js";
import { drawsInPeriod, during, freshnessNote, periodLabel, tieBreakText, typeOption, typePhrase, typesIn } from "./shared.js";

/** A score held against past rounds. */
export interface ScoreCheckParams {
  readonly score: number;
  readonly types: string[];
  readonly period?: Period;
  /** A round asked about by date or number: the direct answer is about it. */
  readonly date?: string;
  readonly round?: string;
  /** "ever": the direct answer is whether any round of the period would have done. */
  readonly ever?: boolean;
  /** "any draw in 2026", "the healthcare draws in 2025": the direct answer is whether any round of the period would have done. */
  readonly any?: boolean;
  /** Only the last N rounds ("would I make the last 2 French draws"). */
  readonly lastN?: number;
  /** No score was given: ask for it, naming the round asked about. */
  readonly ask?: boolean;
  /** "did I miss the cut": the question asks whether the score fell short, so its Yes is the other answer's No. */
  readonly missed?: boolean;
}

// "did I miss the cut in the last CEC?", "did 480 fall short": a question about falling short.
const MISSED = /\b(?:did|have|has|would|will) (?:i|we|they|he|she|my (?:score|crs)|\d{2,4})(?: just)? (?:miss(?:ed)?|fall short|fail(?:ed)?)\b|\bmiss(?:ed)? (?:the cut|the cut-?off|it|out)\b/;

function scoreOf(clause: Clause): number | undefined {
  // "150 + 600 for the nomination = 750": the total told after "=".
  const total = /=\s*(\d{3,4})\b/.exec(clause.text)?.[1];
  if (total !== undefined && Number(total) <= 1200 && clause.numbers.some((n) => n.value === Number(total))) return Number(total);
  const crs = clause.numbers.find((n) => n.kind === "crs");
  if (crs) return crs.value;
  // "since round 400" names a round, not a score.
  const round = clause.period?.sinceRound;
  const plain = clause.numbers.find((n) => n.kind === "plain" && Number.isInteger(n.value) && n.value >= 100 && n.value <= 1200 && String(n.value) !== round);
  return plain?.value;
}

function readScoreCheck(clause: Clause, context: SkillContext): Match<ScoreCheckParams> | null {
  const match = readScoreCheckOf(clause, context);
  return match && MISSED.test(clause.text) ? { ...match, params: { ...match.params, missed: true } } : match;
}

function readScoreCheckOf(clause: Clause, context: SkillContext): Match<ScoreCheckParams> | null {
  const types = typesIn(clause, context.knowledge);
  const score = scoreOf(clause);
  // "would 465 have got me in the september one" after the rounds of 2025: September 2025.
  const period = clause.period && context.slots.period ? inYearOf(clause.period, context.slots.period) : (clause.period ?? undefined);
  const asks = has(clause, "scoreCheck") || has(clause, "enough") || (has(clause, "mine") && (has(clause, "cutoff") || has(clause, "points")));
  // "draws under 400", "cut-off below 300": a filter on rounds, not someone's score.
  if ((has(clause, "below") || has(clause, "above")) && !has(clause, "mine") && (has(clause, "draw") || has(clause, "cutoff"))) return null;
  const ever = has(clause, "ever") ? { ever: true } : {};
  // "any draw", "any of them", "the draws in 2025", "a general draw in 2019": the rounds as a set, not the latest one.
  const any = /\b(?:any|either|one of)\b/.test(clause.text) || clause.period !== null && /\b(?:draws|rounds)\b|\ban? (?:[a-z-]+ ){0,2}(?:draw|round)\b/.test(clause.text);
  const lastN = /\b(?:last|latest|past|previous) (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?:[a-z-]+ ){0,2}(?:draws|rounds)\b/.exec(clause.text);
  const n = lastN ? (COUNT_WORDS[lastN[1] ?? ""] ?? Number(lastN[1])) : 0;
  // "in any of them" after rounds were listed: those rounds, their type and period.
  const them = /\b(?:of |in |for )?(?:them|those|these)\b/.test(clause.text) && types.length === 0 && !clause.period && (context.slots.skill === "rounds" || context.slots.skill === "score-check");
  const subject = them ? { ...(context.slots.category ? { types: [context.slots.category] } : {}), ...(context.slots.period ? { period: context.slots.period } : {}) } : {};
  // "the very first stem draw": that round.
  const firstRound = has(clause, "first") && !has(clause, "latest") && has(clause, "draw") && clause.rounds.length === 0 && clause.dates.length === 0 ? context.knowledge.drawsOf(types).find((d) => d.crs !== null) : undefined;
  const date = clause.dates[0]?.iso;
  // "in the pool since march, my score is 480 ... would I have been invited": a score check told with the pool in it.
  const aboutPool = /\b(?:pool|distribution|profiles)\b/.test(clause.text) && !/\b(?:would|could|will|did|do) i (?:have )?(?:been |be |get |got )?(?:invited|an ita|made it|make it)\b/.test(clause.text);
  if (has(clause, "howMany") && !has(clause, "mine") && !has(clause, "scoreCheck") && (has(clause, "above") || has(clause, "below"))) return null;
  // "I have 520" right after being asked for a score: the round asked about.
  if (score !== undefined && context.slots.skill === "score-check" && context.slots.aspect === "ask" && context.slots.round && clause.codes.length === 0) {
    return { score: 0.9, fromState: true, params: { score, types: [], round: context.slots.round } };
  }
  if (score !== undefined && !aboutPool && !(has(clause, "crsCalc") && !clause.numbers.some((n) => n.kind === "crs")) && !has(clause, "tieBreak")) {
    // "i have 470, would i have made that one?": the round just talked about.
    // "would i have made it" right after one round was described: that round.
    // "i have 405 points, would i have been invited?" naming no round, type or period: the one just described.
    const bare = /^(?:i have|i had|i got|i'?m at|with|my score is|my crs is|my crs was|my score was)? ?\d{1,4}(?: points?| pts| crs)?,? (?:(?:would|could|will|do|did) i (?:have )?(?:been |be )?)?(?:invited|made it|make it|got in|get in|passed|pass|cleared|(?:got|gotten|get|received|receive) (?:an? )?(?:ita|invitation|invite))\b[ ?!.]*$/.test(clause.text);
    const it = context.slots.skill === "round" && types.length === 0 && !period && (/\b(?:made|make|get|got|clear(?:ed)?|pass(?:ed)?) it\b|\bin it\b/.test(clause.text) || bare);
    const that = clause.rounds.length === 0 && (/\b(?:that|this|the same) (?:one|round|draw)\b/.test(clause.text) || it) ? context.slots.round : undefined;
    const round = clause.rounds[0] ?? firstRound?.round ?? that;
    // "450, would I have passed the last one?" right after a category's rounds: the latest of that category.
    // "the september one" after a category's rounds of a year: that category's round of that month.
    const oneOfThem = clause.period?.yearless === true && /\bthe [a-z]+ (?:one|draw|round)\b/.test(clause.text) && context.slots.skill === "rounds";
    const inherited = types.length === 0 && !round && !date && (!period || oneOfThem) && context.slots.category !== undefined && ["rounds", "round", "category"].includes(context.slots.skill ?? "") && (/\b(?:the )?(?:last|latest|most recent)(?: one| draw| round)?\b/.test(clause.text) || oneOfThem) && !/\b(?:any|all-program|general)\b/.test(clause.text);
    const rest = { score, types: inherited && context.slots.category ? [context.slots.category] : types, ...(period ? { period } : {}), ...(date ? { date } : {}), ...(round ? { round } : {}), ...ever, ...(any && !round && !date ? { any } : {}), ...(n >= 2 && n <= 50 ? { lastN: n } : {}), ...subject };
    if (asks) return { score: 0.9, ...(inherited ? { fromState: true } : {}), params: rest };
    // "490, any cec draw since 2025?": a score next to rounds of a type or period is a score check.
    if ((types.length > 0 || period || date) && clause.codes.length === 0) return { score: 0.86, params: rest };
    if (clause.numbers.some((n) => n.kind === "crs") && clause.codes.length === 0) return { score: 0.6, params: rest };
  }
  // "would I have been invited in round 428?" without a score: the one known in the conversation, else ask for it.
  const asked = clause.rounds.length === 1 ? context.knowledge.draw(clause.rounds[0] ?? "") : date ? context.knowledge.drawsOn(date)[0] : undefined;
  const wants = /\b(?:invited|enough|qualif\w*|make it|made it|made the cut|passed|clear(?:ed)?|get an? ita)\b/.test(clause.text);
  if (score === undefined && asked && wants && has(clause, "mine") && has(clause, "scoreCheck") && clause.codes.length === 0 && !has(clause, "tieBreak") && !has(clause, "crsCalc")) {
    // The subject, the round, is the clause's own; only the score comes from the conversation.
    if (context.slots.score !== undefined) return { score: 0.92, params: { score: context.slots.score, types, round: asked.round } };
    return { score: 0.92, params: { score: 0, types, round: asked.round, ask: true } };
  }
  // "and for CEC?", "what about the last 6 months?" after a score check; or a new score for the same question;
  // "would that have been enough?" after a CRS score was worked out.
  // "enough for last cec?" right after a score was worked out: that score.
  const afterScore = context.slots.score !== undefined && asks && (/\b(?:that|it|this|my score|my crs)\b/.test(clause.text) || (/\benough\b/.test(clause.text) && context.slots.skill === "crs"));
  if (context.slots.score !== undefined && ((context.slots.skill === "score-check" && (clause.followUp || score !== undefined)) || afterScore) && clause.codes.length === 0) {
    // "what about the last french one?" right after a score check: the same score against that round type.
    const another = context.slots.skill === "score-check" && clause.followUp && types.length > 0 && !has(clause, "tieBreak") && !has(clause, "pool");
    return { score: another ? 0.92 : 0.8, fromState: true, params: { score: score ?? context.slots.score, types: types.length > 0 ? types : context.slots.category ? [context.slots.category] : [], ...(period ? { period } : context.slots.period ? { period: context.slots.period } : {}) } };
  }
  return null;
}

// The start of the 12 months of data a score is judged on when no period is asked: the answer and where a CRS score
// lands both count these months and name no round older than them.
function yearBefore(date: string): string {
  return subMonths(new Date(`${date}T00:00:00Z`), 12).toISOString().slice(0, 10);
}

const COUNT_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

function line(knowledge: Knowledge, d: Draw, score: number): string {
  return drawMessages().clearLine({ ok: (d.crs ?? Infinity) <= score, round: roundName(knowledge, d), crs: d.crs });
}

/** Answers "would 480 have been enough?": against the latest round of each type, and every round of a period; never a prediction. */
function answer(params: ScoreCheckParams, context: SkillContext): SkillAnswer {
  const { knowledge, now } = context;
  const m = drawMessages();
  const { score } = params;
  const last = knowledge.latestDraw();
  if (!last?.date) return { reply: makeReply(knowledge, "score-check", { text: m.noRoundsToCompare }) };
  const round = params.ask && params.round ? knowledge.draw(params.round) : undefined;
  if (round) {
    return {
      reply: makeReply(knowledge, "score-check", { title: m.askScoreTitle, text: m.askScore(roundName(knowledge, round), round.crs), asOf: round.date, sources: round.sources }),
      slots: { skill: "score-check", aspect: "ask", round: round.round },
      clear: ["score"],
    };
  }
  const period: Period = { ...(params.period ?? (params.ever ? { from: "2015-01-01", to: last.date, label: "all the rounds I know of", kind: "range" } : {
    from: yearBefore(last.date),
    to: last.date,
    label: `the 12 months to ${formatDate(last.date)}`,
    kind: "relative",
  })) };
  // The period as this answer says it: the question's own, all the rounds, or the 12 months of data before the latest.
  let span = params.period ? periodLabel(params.period) : params.ever ? m.allRounds : m.monthsTo(12, formatDate(last.date));
  let inPeriod = drawsInPeriod(knowledge, params.lastN ? { ...period, from: "2015-01-01" } : period, params.types).filter((d) => d.crs !== null);
  if (params.lastN) {
    inPeriod = inPeriod.slice(-params.lastN);
    span = m.lastN(params.lastN, "");
  }
  // A category with few recent rounds is judged on all of them: two rounds say little.
  if (!params.period && !params.lastN && params.types.length > 0 && inPeriod.length < 3) {
    inPeriod = knowledge.drawsOf(params.types).filter((d) => d.crs !== null);
    span = m.allRounds;
  }
  const kind = typePhrase(knowledge, params.types);
  const enough = inPeriod.filter((d) => (d.crs ?? Infinity) <= score);
  // The direct answer is about the round asked for: by number or date, the latest of the type (in the period when one is
  // named), else the latest all-program round, the one anyone in the pool could be invited in.
  const asked = params.round ? knowledge.draw(params.round) : params.date ? knowledge.drawsOn(params.date).find((d) => params.types.length === 0 || params.types.includes(d.category ?? "")) : undefined;
  const reference = asked ?? (params.period && params.types.length > 0 ? inPeriod.at(-1) : params.types.length > 0 ? knowledge.latestDraw(params.types) : knowledge.latestDraw(["general"]));
  const which = asked ? "" : params.period && params.types.length > 0 ? m.whichLatestOfSpan(kind, span) : m.whichLatestKnown(params.types.length > 0 ? kind : "");
  // No type, round or period asked, and the latest all-program round is older than the 12 months looked at: the
  // rounds of those months answer, not a round years old.
  const stale = !asked && !params.period && params.types.length === 0 && reference?.date != null && reference.date < period.from;
  const leadIsPeriod = stale || params.ever || params.lastN !== undefined || (params.any && (params.period !== undefined || params.types.length > 0)) || (params.period !== undefined && params.types.length === 0);
  // A period with no round I know of ("the last 3 months" past my data): said as that, not as a No.
  const lead = leadIsPeriod && inPeriod.length === 0
    ? ""
    : leadIsPeriod
    ? m.checkPeriodLead(stale ? null : enough.length > 0, score, enough.length, inPeriod.length, kind, during(span))
    : reference && reference.crs !== null
      ? m.checkRoundLead(reference.crs <= score, which, score, reference.crs, roundName(knowledge, reference), params.missed === true)
      : params.period && inPeriod.length === 0 && knowledge.drawsOf(params.types).length > 0
        ? `${m.no}:`
        : m.checkNoReference(kind, score);
  const lowest = [...inPeriod].sort((a, b) => (a.crs ?? 0) - (b.crs ?? 0))[0];
  const highest = [...inPeriod].sort((a, b) => (b.crs ?? 0) - (a.crs ?? 0))[0];
  const items = enough.length > 0 && enough.length <= 8 ? enough.map((d) => m.enoughItem(roundName(knowledge, d), d.crs)) : [];
  const counts = items.length === 0 && enough.length > 0 && enough.length < inPeriod.length ? byTypeCounts(knowledge, enough) : null;
  const named = items.length > 0 ? m.namedList(items) : counts ? m.namedCounts(counts) : "";
  const periodText = inPeriod.length > 0
    ? `${leadIsPeriod ? (items.length > 0 ? m.theyWere(items) : counts ? m.theyWereCounts(counts) : "") : m.checkSpan(during(span), score, enough.length, inPeriod.length, kind, named)}${enough.length === 0 && lowest ? m.lowestThen(lowest.crs, roundName(knowledge, lowest)) : ""}${enough.length > 0 && lowest && highest && lowest !== highest ? m.rangeThen(lowest.crs, highest.crs, roundName(knowledge, highest)) : ""}`
    : m.noRoundsDuring(kind, during(span));
  const latestByType = params.types.length > 0 ? [] : knowledge.roundTypes()
    .map((t) => inPeriod.filter((d) => d.category === t.id).at(-1))
    .filter((d): d is Draw => d !== undefined)
    .sort((a, b) => b.order - a.order);
  // At exactly the cut-off, the tie-breaking rule decided.
  const tie = reference && reference.crs === score && reference.tieBreak ? m.atCutoff(tieBreakText(reference.tieBreak) ?? "") : "";
  const category = enough.some((d) => knowledge.roundType(d.category ?? "")?.kind === "category") ? m.categoryEligible : "";
  const list = latestByType.map((d) => m.latestOfTypeLine(knowledge.label(d.category), line(knowledge, d, score)));
  const fresh = freshnessNote(knowledge, now);
  // A few rounds not cleared are named too: "would 476 have made the healthcare draws" wants the ones it missed.
  const missed = inPeriod.filter((d) => (d.crs ?? Infinity) > score);
  const short = missed.length > 0 && missed.length <= 4 && inPeriod.length <= 12 ? m.shortOf(missed.map((d) => m.enoughItem(roundName(knowledge, d), d.crs))) : "";
  const text = [lead + tie, periodText.trim(), short, category.trim(), coreMessages().pastNotFuture, fresh].filter((x) => x !== "").join(" ");
  const used = [...(reference ? [reference] : []), ...inPeriod];
  return {
    reply: makeReply(knowledge, "score-check", {
      title: m.checkTitle(score),
      text,
      list,
      asOf: last.date,
      sources: [...new Set(used.flatMap((d) => d.sources))],
      fields: [{ name: m.fieldScore, value: String(score) }, { name: m.fieldCleared, value: m.cleared(enough.length, inPeriod.length) }],
      suggestions: [...m.checkSuggestions],
    }),
    slots: { skill: "score-check", score, ...(params.period ? { period: params.period } : {}), ...(params.types[0] ? { category: params.types[0] } : {}) },
    // A check of every type leaves no type behind for "and in 2025?" to inherit, nor a period it did not have.
    // Checked against the round of a type just discussed ("the last CEC draw"), that type stays for "and the one before".
    clear: ["aspect", ...(params.types[0] || reference && reference.category === context.slots.category && reference.round === context.slots.round ? [] : ["category" as const]), ...(params.period ? [] : ["period" as const])],
  };
}

function byTypeCounts(knowledge: Knowledge, draws: readonly Draw[]): string {
  const counts = new Map<string, number>();
  for (const d of draws) counts.set(knowledge.label(d.category), (counts.get(knowledge.label(d.category)) ?? 0) + 1);
  return joinAnd([...counts.entries()].map(([t, n]) => drawMessages().typeCount(t, n)));
}

/** "Would my score have been enough?": a score against past rounds, by type, dated, never a prediction. */
export const scoreCheckSkill: Skill<ScoreCheckParams> = {
  id: "score-check",
  summary: "whether a CRS score would have been enough in past rounds, by type and period (never a prediction)",
  requires: ["score"],
  optional: ["round type", "period"],
  match: readScoreCheck,
  answer,
  examples: (knowledge) => {
    const d = knowledge.latestDraw(["general"]) ?? knowledge.latestDraw();
    return d?.crs ? [drawMessages().checkExample(d.crs)] : [];
  },
  command: {
    ...commandWords("check"),
    options: [
      { ...optionWords("check", "score"), type: "integer", required: true, min: 0, max: 1200 },
      { ...optionWords("check", "type"), type: "string", choices: "round-types" },
    ],
    toParams(values, context) {
      const score = Number(values.score);
      if (!Number.isInteger(score) || score < 0 || score > 1200) return { ok: false, message: drawMessages().badScore() };
      const t = typeOption(values, "type", context);
      return t.ok ? { ok: true, params: { score, types: t.types } } : t;
    },
  },
};

/** Where a score would have landed: in how many rounds of the last 12 months of data it would have been enough, by type. */
export function landing(knowledge: Knowledge, score: number, now: Date): { text: string; sources: string[] } {
  const last = knowledge.latestDraw();
  if (!last?.date) return { text: "", sources: [] };
  const from = yearBefore(last.date);
  const rounds = knowledge.drawsBetween(from, last.date).filter((d) => d.crs !== null);
  const enough = rounds.filter((d) => (d.crs ?? Infinity) <= score);
  // Rounds older than the 12 months counted are not named beside them.
  const recent = (d: Draw | undefined) => (d?.date != null && d.date >= from ? d : undefined);
  const general = recent(knowledge.latestDraw(["general"]));
  const cec = recent(knowledge.latestDraw(["cec"]));
  const against = [cec, general].filter((d): d is Draw => d !== undefined && d.crs !== null).map((d) => `${line(knowledge, d, score)}`);
  const fresh = freshnessNote(knowledge, now);
  const counts = enough.length > 0 && enough.length < rounds.length ? byTypeCounts(knowledge, enough) : null;
  return {
    text: `${drawMessages().landing(formatDate(last.date), score, enough.length, rounds.length, counts, against)} ${coreMessages().pastNotFuture}${fresh ? ` ${fresh}` : ""}`,
    sources: [...new Set([...rounds, ...(general ? [general] : [])].flatMap((d) => d.sources))].slice(0, 3),
  };
}

