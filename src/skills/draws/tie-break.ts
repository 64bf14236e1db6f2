import { formatDate, roundName } from "../../core/format.js";
import { makeReply } from "../../core/reply.js";
import { lang } from "../../messages/lang.js";
import { commandWords, drawMessages, optionWords } from "../../messages/draws.js";
import { has, type Clause } from "../../nlu/question.js";
import type { Draw } from "../../kb/schema.js";
import { bestDefinition, TIE_BREAKING_RULE } from "../glossary.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "../types.js";
import { drawsInPeriod, tieBreakOf, tieBreakText, typeOption, typePhrase, typesIn } from "./shared.js";

/** Which round's tie-breaking rule is asked for. */
export interface TieBreakParams {
  readonly first?: boolean;
  readonly round?: string;
  readonly date?: string;
  readonly types: string[];
  /** A score and the day its profile was submitted: was that profile invited in the round? */
  readonly profile?: { readonly score: number; readonly submitted: string; readonly time?: string };
  /** "what does the tie-breaking rule mean": the rule first, as a source defines it, then a round's moment as an example. */
  readonly explain?: boolean;
}

function readTieBreak(clause: Clause, context: SkillContext): Match<TieBreakParams> | null {
  const types = typesIn(clause, context.knowledge);
  // "509 in CEC, profile created March 20, 2026, was I in round 407?": at the cut-off, the profile's date decides.
  const submitted = /\b(?:profiles?|submitted|created|entered)\b/.test(clause.text) ? clause.dates[0]?.iso : undefined;
  // "submitted april 30 2026 at 10am utc": the time of day, for a profile submitted on the day of the tie-breaking rule.
  const clock = /\b(?:at|@) ?(\d{1,2})(?::(\d{2}))?(?::(\d{2}))? ?(am|pm)?(?: ?utc)?\b/.exec(clause.text);
  const hour = clock && (clock[2] || clock[4]) ? (Number(clock[1]) % 12) + (clock[4] === "pm" ? 12 : clock[4] === "am" ? 0 : Number(clock[1]) >= 12 ? 12 : 0) : undefined;
  const time = clock && hour !== undefined && hour < 24 ? `${String(hour).padStart(2, "0")}:${clock[2] ?? "00"}:${clock[3] ?? "00"}` : undefined;
  const score = clause.numbers.find((n) => n.kind === "crs" || (n.kind === "plain" && Number.isInteger(n.value) && n.value >= 100 && n.value <= 1200 && String(n.value) !== clause.rounds[0]))?.value;
  if (submitted && score !== undefined && (clause.rounds.length === 1 || types.length > 0)) {
    // A second date is the round's ("profile submitted April 20, did I make the June 23 draw?").
    const held = clause.dates[1]?.iso;
    return { score: 0.93, params: { types, profile: { score, submitted, ...(time ? { time } : {}) }, ...(clause.rounds[0] ? { round: clause.rounds[0] } : held ? { date: held } : {}) } };
  }
  // "what about the july 21 one" after a profile was checked against a round: the same profile, that round.
  const { slots } = context;
  if ((slots.skill === "tie-break" || slots.skill === "round") && slots.submitted && slots.score !== undefined && clause.followUp && clause.dates.length === 1 && clause.rounds.length <= 1 && score === undefined) {
    const on = clause.dates[0]?.iso;
    return { score: 0.9, fromState: true, params: { types, profile: { score: slots.score, submitted: slots.submitted }, ...(clause.rounds[0] ? { round: clause.rounds[0] } : on ? { date: on } : {}) } };
  }
  // "et pour le PNP juste avant, le 427?" after a tie-break: "the 427" names a round when there is one by that number.
  // "and 424": a number alone after a tie-break is another round's.
  const theRound = slots.skill === "tie-break" && clause.followUp && clause.rounds.length === 0 && !has(clause, "mine") ? (/\bthe #?(\d{1,3}[ab]?)\b(?! (?:points?|pts|crs|score))/.exec(clause.text) ?? /^(?:and|what about|how about)(?: the| round| draw)? #?(\d{1,3}[ab]?)$/.exec(clause.text))?.[1] : undefined;
  if (theRound && context.knowledge.draw(theRound)) return { score: 0.9, fromState: true, params: { round: theRound, types } };
  // "what about healthcare?", "ok so what was it for the last french draw" after a tie-break: that type's latest round's.
  const onTieBreak = slots.skill === "tie-break" || slots.skill === "glossary" && slots.aspect === TIE_BREAKING_RULE;
  if (onTieBreak && (clause.followUp || /\bwhat (?:was|is|were) (?:it|that|the time)\b/.test(clause.text)) && types.length > 0 && clause.codes.length + clause.rounds.length + clause.numbers.length === 0 && !has(clause, "tieBreak")) {
    return { score: /\bwhat (?:was|is|were) (?:it|that|the time)\b/.test(clause.text) ? 0.92 : 0.8, fromState: true, params: { types } };
  }
  // "what is tie breaking rule, and what was it for round 254": that round's moment.
  if (onTieBreak && /\bwhat (?:was|is|were) (?:it|that|the time)\b/.test(clause.text) && clause.rounds.length === 1 && clause.codes.length === 0 && !has(clause, "tieBreak")) {
    return { score: 0.96, fromState: true, params: { types, round: clause.rounds[0] } };
  }
  if (!has(clause, "tieBreak")) return null;
  // "what does the tie breaking rule even mean": what the rule is, then a round's moment as an example.
  // What it means is the glossary's to say ("what is the tie breaking rule", "define tie-breaking rule"); how it works is told here.
  const defined = /\b(?:mean|means|meaning|definition|define)\b/.test(clause.text) || /^(?:so |ok |and )?(?:what(?:'s| is|s)?|wat is) (?:the |a |this )?tie[- ]?break(?:ing|er)?(?: rule)?$/.test(clause.text);
  // Right after a round, "whats the tie brk" asks for that round's moment, answered below.
  if (defined && clause.rounds.length + clause.dates.length === 0 && types.length === 0 && !context.slots.round && context.knowledge.term(TIE_BREAKING_RULE)) return null;
  if ((defined || /\b(?:explain|how does)\b/.test(clause.text)) && clause.rounds.length + clause.dates.length === 0 && types.length === 0) return { score: 0.95, params: { types, explain: true } };
  // "tie break of 385", "le tie-break du 400": a bare number after "of" names a round when there is one by that number.
  // "tiebreak 254": a number right after the words.
  // "of 6 february 2026" is a date, not round 6.
  const bare = clause.rounds.length === 0 && clause.dates.length === 0 ? (/\b(?<!(?:score|crs|points?|pts) )(?:of|for|in)(?: the)? #?(\d{1,3}[ab]?)\b/.exec(clause.text) ?? /\btie[- ]?break(?:er|ers|s|ing)?(?: rule)? #?(\d{1,3}[ab]?)$/.exec(clause.text))?.[1] : undefined;
  const round = clause.rounds[0] ?? (bare && context.knowledge.draw(bare) ? bare : undefined);
  if (round) return { score: 0.95, params: { round, types } };
  const date = clause.dates[0]?.iso;
  if (date) return { score: 0.9, params: { date, types } };
  // "tie break du draw STIM de décembre 2023": the latest round of the type in that period.
  const inPeriod = clause.period && clause.periods.length === 1 ? drawsInPeriod(context.knowledge, clause.period, types).at(-1) : undefined;
  if (inPeriod) return { score: 0.92, params: { round: inPeriod.round, types } };
  // "and the tie-break?" after a round: that round's.
  if (has(clause, "first")) return { score: 0.95, params: { types, first: true } };
  if (types.length === 0 && !has(clause, "latest") && context.slots.round) {
    return { score: 0.96, fromState: true, params: { round: context.slots.round, types } };
  }
  return { score: 0.9, params: { types } };
}

/** Whether a profile with a score, submitted on a day, was invited in a round: the cut-off first, then the tie-breaking rule. */
function profileAnswer(context: SkillContext, d: Draw, profile: { score: number; submitted: string; time?: string }): SkillAnswer {
  const { knowledge } = context;
  const m = drawMessages();
  const name = roundName(knowledge, d);
  const submitted = formatDate(profile.submitted);
  const moment = tieBreakText(d.tieBreak);
  const verdict =
    d.date !== null && profile.submitted > d.date
      ? m.profileAfterRound(name, submitted)
      : d.crs === null
        ? m.profileNoCutoff(name)
        : profile.score > d.crs
          ? m.profileAbove(profile.score, d.crs, name)
          : profile.score < d.crs
            ? m.profileBelow(profile.score, d.crs, name)
            : !d.tieBreak || !moment
              ? m.profileNoTie(profile.score, name, submitted)
              : profile.submitted === d.tieBreak.date && profile.time && d.tieBreak.time
                ? m.profileAtCutoff(profile.time < d.tieBreak.time, profile.score, name, moment, m.tieBreakMoment(submitted, profile.time))
                : profile.submitted === d.tieBreak.date
                ? m.profileSameDay(profile.score, name, moment)
                : m.profileAtCutoff(profile.submitted < d.tieBreak.date, profile.score, name, moment, submitted);
  return {
    reply: makeReply(knowledge, "tie-break", {
      title: m.tieTitleOf(d.round),
      text: `${verdict}${m.eligibleToo} ${m.tieRule}`,
      fields: [{ name: m.tieCutoffField, value: String(d.crs ?? "?") }, ...(moment ? [{ name: m.fieldTieBreak, value: moment }] : [])],
      asOf: d.date,
      sources: [...new Set([...(d.provenance.crs ?? []), ...(d.provenance.tieBreak ?? d.sources)])],
    }),
    slots: { skill: "tie-break", round: d.round, score: profile.score, submitted: profile.submitted, ...(d.category ? { category: d.category } : {}) },
  };
}

/** The tie-breaking rule: what it is, and the moment of any round. */
export const tieBreakSkill: Skill<TieBreakParams> = {
  id: "tie-break",
  summary: "the tie-breaking rule of a round: profiles at the cut-off submitted before that moment were invited",
  requires: [],
  optional: ["round", "date", "round type"],
  match: readTieBreak,
  answer(params, context) {
    const { knowledge } = context;
    const d = params.round
      ? knowledge.draw(params.round)
      : params.date
        ? knowledge.drawsOn(params.date).find((x) => params.types.length === 0 || params.types.includes(x.category ?? "")) ?? knowledge.drawsOn(params.date)[0]
        : params.first
          ? knowledge.drawsOf(params.types)[0]
          : params.profile
            ? knowledge.drawsOf(params.types).filter((x) => x.date !== null && x.date >= (params.profile?.submitted ?? "")).at(-1) ?? knowledge.latestDraw(params.types)
            : knowledge.drawsOf(params.types).filter((x) => x.tieBreak !== null).at(-1);
    const m = drawMessages();
    const rule = m.tieRule;
    if (d && params.profile) return profileAnswer(context, d, params.profile);
    if (!d) {
      const what = { ...(params.round ? { round: params.round } : params.date ? { date: formatDate(params.date) } : {}), kind: typePhrase(knowledge, params.types) };
      return { reply: makeReply(knowledge, "tie-break", { title: m.tieTitle, text: `${m.tieUnknown(what)} ${rule}`, suggestions: [m.tieSuggestLast] }) };
    }
    const { example, fields } = tieBreakOf(knowledge, d);
    // Explained: a source's definition, the rule, then the latest round's moment as an example.
    const term = params.explain ? knowledge.term(TIE_BREAKING_RULE) : undefined;
    // In French, the glossary's French definition (a translation cited to its source); none rather than English words.
    const defined = !term ? undefined : lang() === "fr" ? term.fr?.definitions[0] : bestDefinition(term);
    const text = params.explain ? `${defined ? `${defined.text} ` : ""}${rule} ${m.tieExample(example)}` : `${example} ${rule}`;
    return {
      reply: makeReply(knowledge, "tie-break", {
        title: m.tieTitleOf(d.round),
        text,
        fields,
        asOf: d.date,
        sources: [...(defined ? [defined.source] : []), ...(d.provenance.tieBreak ?? d.sources)],
      }),
      slots: { skill: "tie-break", round: d.round, ...(d.category ? { category: d.category } : {}) },
    };
  },
  examples(knowledge) {
    const last = knowledge.latestDraw();
    return last ? [drawMessages().suggestTieBreakOf(last.round)] : [];
  },
  command: {
    ...commandWords("tiebreak"),
    options: [
      { ...optionWords("tiebreak", "round"), type: "string", autocomplete: "round" },
      { ...optionWords("tiebreak", "type"), type: "string", choices: "round-types" },
    ],
    toParams(values, context) {
      const t = typeOption(values, "type", context);
      if (!t.ok) return t;
      const round = values.round === undefined ? undefined : String(values.round).trim().toLowerCase();
      return { ok: true, params: { types: t.types, ...(round ? { round } : {}) } };
    },
  },
};
