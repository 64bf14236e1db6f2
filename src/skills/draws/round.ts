import { differenceInCalendarDays, parseISO } from "date-fns";
import { ago, formatDate, roundName } from "../../core/format.js";
import { makeReply } from "../../core/reply.js";
import type { Draw } from "../../kb/schema.js";
import { commandWords, drawMessages, optionWords, type LeadShape } from "../../messages/draws.js";
import { has, type Clause, type Period } from "../../nlu/question.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "../types.js";
import { aboutRounds, conflictNotes, drawFields, drawFigures, drawsInPeriod, during, freshnessNote, typeOption, typePhrase, typesIn } from "./shared.js";

/** Which round is asked for. */
export type RoundParams =
  | { mode: "number"; round: string; aspect: Aspect; /** Asked as the round after or before another ("the next cec draw after round 300"), of these types. */ beside?: { of: string; after: boolean; types: string[] }; /** "was round 240 fsw only": the type a yes/no question names. */ typeAsked?: string }
  | { mode: "date"; date: string; alternative?: string; dayFirst?: boolean; aspect: Aspect; yesNo?: boolean }
  | { mode: "latest" | "first"; types: string[]; period?: Period; aspect: Aspect; yesNo?: boolean };

/** What of the round the question is after. */
type Aspect = "all" | "crs" | "invitations" | "elapsed";

function aspectOf(clause: Clause): Aspect {
  // "how many days since the last draw", "how long ago was the last round".
  if (/\bhow (?:many days|many weeks|long)(?: has it been| is it| was it)? (?:since|ago)\b|\bdays (?:since|from)\b/.test(clause.text)) return "elapsed";
  if (has(clause, "howMany") && has(clause, "invitations")) return "invitations";
  if (has(clause, "cutoff")) return "crs";
  return "all";
}

function readRound(clause: Clause, context: SkillContext): Match<RoundParams> | null {
  const { knowledge, slots } = context;
  const aspect = aspectOf(clause);
  const types = typesIn(clause, knowledge);
  const roundish = aboutRounds(clause);
  // "the next draw after 254", "the cec round before round 300": a neighbour of the round named, of the type named.
  const beside = /\b(?:next|first|previous|last|latest)?\s*(?:[a-z-]+ )?(?:draw|round|one)(?: (?:happen|happened|held|was|came|that came|come|took place|[a-z]{2,4}))? (after|before) (?:the )?(?:round |draw |#)?\d/.exec(clause.text);
  // "and 388?", « et le 388 stp » right after a round: another round by its number, the same aspect.
  const alone = (slots.skill === "round" || slots.skill === "rounds") && clause.followUp && clause.rounds.length === 0 ? /^(?:and|what about|how about)(?: the| round| draw)? #?(\d{1,3}[ab]?)(?: please| pls)?$/.exec(clause.text)?.[1] : undefined;
  if (alone && knowledge.draw(alone)) return { score: 0.9, fromState: true, params: { mode: "number", round: alone, aspect: slots.skill === "round" && ["all", "crs", "invitations", "elapsed"].includes(slots.aspect ?? "") ? (slots.aspect as Aspect) : aspect } };
  const named = clause.rounds.length === 1 && beside ? knowledge.draw(clause.rounds[0] ?? "") : undefined;
  if (named) {
    const pool = knowledge.drawsOf(types);
    const near = beside?.[1] === "after" ? pool.find((d) => d.order > named.order) : pool.filter((d) => d.order < named.order).at(-1);
    if (near) return { score: 0.92, params: { mode: "number", round: near.round, aspect, beside: { of: named.round, after: beside?.[1] === "after", types } } };
  }
  if (clause.rounds.length === 1 && !clause.roundRange && !has(clause, "compare")) {
    const typeAsked = has(clause, "yesNo") && types.length === 1 && /^(?:was|is|were)\b/.test(clause.text) ? types[0] : undefined;
    return { score: roundish || typeAsked ? 0.9 : 0.75, params: { mode: "number", round: clause.rounds[0] ?? "", aspect, ...(typeAsked ? { typeAsked } : {}) } };
  }
  // "was there ever a draw for FSW?", "any researchers draw yet", "was there a draw on march 4": yes or no first.
  const yesNo = /^(?:was there|were there|has there|have there|is there|are there|any|did they|has ircc|have they)\b/.test(clause.text) || /\b(?:ever|yet)\b/.test(clause.text) && has(clause, "yesNo");
  const date = clause.dates[0];
  if (date && clause.dates.length === 1 && !has(clause, "pool")) {
    // "05/07/2023" read either way: say which, from how the written date lines up with the one read.
    const dayFirst = date.alternative ? Number(/^\d{1,2}/.exec(date.text)?.[0]) === Number(date.iso.slice(8, 10)) : false;
    return { score: roundish ? 0.85 : 0.6, params: { mode: "date", date: date.iso, ...(date.alternative ? { alternative: date.alternative, dayFirst } : {}), aspect, ...(yesNo ? { yesNo } : {}) } };
  }
  if (has(clause, "predict")) return null;
  // "and the PNP of the day before?" after a round: a round held the day before (or after) that one.
  const day = /\bthe day (before|after)\b/.exec(clause.text);
  const here = slots.round ? knowledge.draw(slots.round) : undefined;
  if (day && here?.date && clause.rounds.length === 0) {
    const next = new Date(Date.parse(`${here.date}T00:00:00Z`) + (day[1] === "after" ? 86_400_000 : -86_400_000)).toISOString().slice(0, 10);
    const found = knowledge.drawsOn(next).find((d) => types.length === 0 || types.includes(d.category ?? ""));
    if (found) return { score: 0.9, fromState: true, params: { mode: "number", round: found.round, aspect } };
  }
  const latest = has(clause, "latest");
  const first = has(clause, "first");
  // The round type the conversation is about: of rounds just listed or checked, or of a category that has rounds.
  const talkedOf = slots.category && (slots.skill === "rounds" || slots.skill === "score-check" || slots.skill === "category" && knowledge.drawsOf([slots.category]).length > 0) ? slots.category : undefined;
  const period = clause.periods.length === 1 ? clause.period ?? undefined : undefined;
  // "how many invitations in the latest draw?" asks one round's size, not a sum over rounds.
  const oneRound = aspect === "invitations" && (latest || first) && /\b(?:latest|last|most recent|first) (?:[a-z-]+ ){0,2}(?:draw|round)\b(?!s)/.test(clause.text);
  const extreme = has(clause, "lowest") || has(clause, "highest") || has(clause, "average") || (has(clause, "howMany") && !oneRound && aspect !== "elapsed");
  if ((latest || first) && (roundish || (types.length > 0 && clause.phrase === "")) && !extreme && clause.periods.length <= 1 && (!has(clause, "scoreCheck") || (oneRound && !has(clause, "mine"))) && (!has(clause, "pool") || oneRound)) {
    // "last 3 months" is a period, not the latest round.
    if (latest && period?.kind === "relative" && !/\b(?:latest|most recent|newest)\b/.test(clause.text)) return null;
    // "and the cut-off of the latest?" right after rounds of one type: the latest of those.
    // "when was the last one then" after "any stem draws in 2025?": the last of that type.
    // "transport came back as a category. when was the last one": the last of the category just talked about.
    const thatType = types.length === 0 && talkedOf !== undefined && (clause.followUp || /\b(?:last|latest|most recent) one\b|\bthen\b/.test(clause.text));
    const of = thatType && talkedOf ? [talkedOf] : types;
    return { score: oneRound ? 0.88 : 0.85, ...(of !== types ? { fromState: true } : {}), params: { mode: first && !latest ? "first" : "latest", types: of, ...(period ? { period } : {}), aspect, ...(yesNo ? { yesNo } : {}) } };
  }
  // "ok then when was the last one": with nothing else named, the one the bot is about is a round.
  if (latest && /\b(?:last|latest|most recent|newest) one\b/.test(clause.text) && clause.phrase === "" && types.length === 0 && clause.periods.length === 0 && clause.codes.length === 0 && !extreme) {
    const of = talkedOf ? [talkedOf] : [];
    return { score: of.length > 0 ? 0.85 : 0.55, ...(of.length > 0 ? { fromState: true } : {}), params: { mode: "latest", types: of, aspect } };
  }
  // "and the one before?", "the next one?" after a round: its neighbour.
  if (slots.round && /\b(?:the one|the round|the draw|one|round|draw) (?:before|after)\b|\b(?:previous|prior|next) (?:one|round|draw)\b/.test(clause.text) && clause.rounds.length === 0 && !has(clause, "predict")) {
    const here = knowledge.draw(slots.round);
    const after = /\b(?:after|next)\b/.test(clause.text);
    // After "the last CEC draw", the one before is the CEC round before it: the program asked for is kept.
    // "and the one before in the same category": the type of the round just discussed.
    const sameType = /\bsame (?:category|type|program|kind)\b/.test(clause.text) && here?.category ? [here.category] : [];
    const kept = types.length > 0 ? types : sameType.length > 0 ? sameType : (slots.skill === "round" && slots.aspect?.endsWith("-of-type") || slots.skill === "score-check") && slots.category ? [slots.category] : [];
    const neighbour = (of: string[]) => {
      const pool = knowledge.drawsOf(of);
      return here ? (after ? pool.find((d) => d.order > here.order) : pool.filter((d) => d.order < here.order).at(-1)) : undefined;
    };
    // A type kept from the conversation with no round before (or after) this one: the neighbour of any type.
    const within = neighbour(kept);
    const near = within ?? (types.length === 0 && kept.length > 0 ? neighbour([]) : undefined);
    if (near && here) return { score: 0.9, fromState: true, params: { mode: "number", round: near.round, aspect, beside: { of: here.round, after, types: within ? kept : [] } } };
  }
  // "what about healthcare?" after a question about the latest round.
  if (slots.skill === "round" && clause.followUp && types.length > 0 && clause.codes.length === 0) {
    return { score: 0.8, fromState: true, params: { mode: slots.aspect?.startsWith("first") ? "first" : "latest", types, aspect } };
  }
  // "how many were invited?" / "and the cut-off?" about the round just discussed.
  if (slots.round && (aspect !== "all" || clause.followUp) && types.length === 0 && !clause.period && clause.codes.length === 0 && clause.numbers.length === 0) {
    const d = knowledge.draw(slots.round);
    if (d) return { score: aspect !== "all" ? 0.7 : 0.55, fromState: true, params: { mode: "number", round: d.round, aspect } };
  }
  // "what was the cut-off" with nothing else: the latest round.
  // "what's the cutoff" asks its value; "what is a cutoff", "what does cutoff mean" its meaning.
  const defining = has(clause, "define") && /\b(?:mean|means|meaning|definition|define|explain)\b|\bwhat(?:'s| is| are)? (?:a|an) /.test(clause.text);
  if (has(clause, "cutoff") && !defining && !extreme && !has(clause, "scoreCheck") && clause.periods.length === 0 && clause.codes.length === 0 && clause.phrase === "") {
    return { score: 0.6, params: { mode: "latest", types, aspect } };
  }
  if (types.length > 0 && roundish && !extreme && clause.periods.length === 0 && !has(clause, "scoreCheck") && !has(clause, "tieBreak")) {
    return { score: yesNo ? 0.8 : 0.65, params: { mode: "latest", types, aspect, ...(yesNo ? { yesNo } : {}) } };
  }
  return null;
}

function notFound(context: SkillContext, text: string): SkillAnswer {
  const { knowledge } = context;
  const m = drawMessages();
  const last = knowledge.latestDraw();
  return {
    reply: makeReply(knowledge, "round", {
      title: m.noSuchRound,
      text: `${text}${last ? m.roundsRun(knowledge.firstDraw()?.round ?? "?", formatDate(knowledge.firstDraw()?.date), last.round, formatDate(last.date)) : ""}`,
      suggestions: last ? [m.roundSuggestion(last.round), m.suggestLastCec] : [],
    }),
  };
}

function describe(context: SkillContext, d: Draw, lead: string, extra: string[]): SkillAnswer {
  const { knowledge, now } = context;
  const m = drawMessages();
  const fresh = freshnessNote(knowledge, now);
  return {
    reply: makeReply(knowledge, "round", {
      title: m.roundTitle(d.round),
      text: [lead, ...extra, ...conflictNotes(knowledge, d), fresh].filter((x) => x !== "").join(" "),
      fields: drawFields(knowledge, d),
      asOf: d.date,
      sources: [...d.sources, ...[knowledge.drawNameSource(d)].filter((s): s is string => s !== null)],
      suggestions: [m.suggestTieBreakOf(d.round), d.crs !== null ? m.suggestWouldHave(d.crs + 10) : m.suggestPool],
    }),
    slots: { skill: "round", round: d.round, ...(d.category ? { category: d.category } : {}) },
  };
}

function lead(context: SkillContext, d: Draw, which: string, aspect: Aspect, shape: LeadShape = "which"): string {
  const { knowledge, now } = context;
  const m = drawMessages();
  const when = d.date ? `, ${ago(d.date, now)}` : "";
  if (aspect === "elapsed" && d.date) return m.leadElapsed(differenceInCalendarDays(now, parseISO(d.date)), roundName(knowledge, d), which, drawFigures(d));
  if (aspect === "crs" && d.crs !== null) return m.leadCutoff(d.crs, roundName(knowledge, d), which, when, d.invitations);
  if (aspect === "invitations" && d.invitations !== null) return m.leadInvitations(d.invitations, roundName(knowledge, d), which, when, d.crs);
  return m.leadAll(which, roundName(knowledge, d), when, drawFigures(d), shape);
}

/** One round: by number or date, the latest or the first of any type, with its figures and sources. */
export const roundSkill: Skill<RoundParams> = {
  id: "round",
  summary: "one round of invitations: the latest or first of any program or category, or a round by number or date",
  requires: [],
  optional: ["round", "date", "round type", "period"],
  match: readRound,
  answer(params, context) {
    const { knowledge } = context;
    const m = drawMessages();
    if (params.mode === "number") {
      const d = knowledge.draw(params.round);
      if (!d) return notFound(context, m.unknownRound(params.round));
      const latest = knowledge.latestDraw();
      const label = knowledge.label(d.category);
      const of = params.beside ? knowledge.draw(params.beside.of) : undefined;
      const which = params.beside && of ? m.whichBeside(typePhrase(knowledge, params.beside.types), params.beside.after, roundName(knowledge, of)) : latest?.round === d.round ? m.whichLatestOverall : m.whichOfType(label);
      const prev = knowledge.previousOfType(d);
      const change = prev && prev.crs !== null && d.crs !== null ? [m.previousOfType(label, roundName(knowledge, prev), prev.crs)] : [];
      const name = context.knowledge.drawName(d);
      const opening = lead(context, d, which, params.aspect, params.beside || latest?.round === d.round ? "which" : "of-type");
      const asked = params.typeAsked === undefined ? opening : d.category === params.typeAsked ? m.yesLead(opening) : m.notOfType(knowledge.label(params.typeAsked), opening);
      return describe(context, d, asked, [name ? m.ircName(name) : "", ...change]);
    }
    if (params.mode === "date") {
      const found = knowledge.drawsOn(params.date);
      const reading = params.alternative ? m.readDate(formatDate(params.date), params.dayFirst === true, formatDate(params.alternative), params.alternative) : "";
      const lastKnown = knowledge.latestDraw();
      // "any draw today?" after the records end: unknown, not "no".
      if (found.length === 0 && lastKnown?.date && params.date > lastKnown.date) {
        return { reply: makeReply(knowledge, "round", { title: m.noSuchRound, text: m.afterRecords(m.onDate(formatDate(params.date)), roundName(knowledge, lastKnown), drawFigures(lastKnown)), asOf: lastKnown.date, sources: lastKnown.sources }), slots: { skill: "round", round: lastKnown.round } };
      }
      if (found.length === 0) {
        const before = knowledge.draws.filter((d) => d.date !== null && d.date < params.date).at(-1);
        const after = knowledge.draws.find((d) => d.date !== null && d.date > params.date);
        return notFound(context, m.noRoundOn(formatDate(params.date), before ? roundName(knowledge, before) : null, after ? roundName(knowledge, after) : null, reading));
      }
      const [d, ...others] = found as [Draw, ...Draw[]];
      const more = others.map((o) => m.sameDay(roundName(knowledge, o, false), drawFigures(o)));
      const opening = lead(context, d, m.whichHeldOn(formatDate(params.date)), params.aspect, "dated");
      return describe(context, d, params.yesNo ? m.yesLead(opening) : opening, [...more, reading]);
    }
    const pool = params.period ? drawsInPeriod(knowledge, params.period, params.types) : knowledge.drawsOf(params.types);
    const d = params.mode === "first" ? pool[0] : pool.at(-1);
    const kind = typePhrase(knowledge, params.types);
    const span = params.period ? during(params.period.label) : "";
    if (!d) {
      return notFound(context, m.noRoundOfKind(params.yesNo === true, kind, span));
    }
    // "last pnp and cec cutoffs?": each type's own latest round, not the latest of either.
    if (params.types.length >= 2 && !params.period) {
      const each = params.types.map((t) => (params.mode === "first" ? knowledge.drawsOf([t])[0] : knowledge.latestDraw([t]))).filter((x): x is Draw => x !== undefined);
      const [head, ...rest] = each;
      if (head && rest.length > 0) {
        const leads = each.map((x) => lead(context, x, m.whichFirstOrLatest(params.mode === "first", typePhrase(knowledge, [x.category ?? ""]), ""), params.aspect));
        const answer = describe(context, head, leads[0] ?? "", leads.slice(1));
        return { ...answer, slots: { ...answer.slots, aspect: params.mode } };
      }
    }
    const which = m.whichFirstOrLatest(params.mode === "first", kind, span);
    const overall = knowledge.latestDraw();
    const extra = params.mode === "latest" && overall && overall.round !== d.round && !params.period ? [m.latestOverall(roundName(knowledge, overall))] : [];
    const opening = lead(context, d, which, params.aspect);
    const answer = describe(context, d, params.yesNo ? m.yesLead(opening) : opening, extra);
    // "-of-type" remembers that one type was asked for, so "and the one before?" stays within it.
    return { ...answer, slots: { ...answer.slots, aspect: params.types.length === 1 ? `${params.mode}-of-type` : params.mode } };
  },
  examples(knowledge) {
    const last = knowledge.latestDraw();
    const cec = knowledge.latestDraw(["cec"]);
    const x = drawMessages().roundExamples;
    return [last ? x.lastCutoff : "", cec ? x.lastCec : "", last ? x.round(last.round) : ""].filter(Boolean);
  },
  command: {
    ...commandWords("draw"),
    options: [
      { ...optionWords("draw", "round"), type: "string", autocomplete: "round" },
      { ...optionWords("draw", "type"), type: "string", choices: "round-types" },
    ],
    toParams(values, context) {
      const round = values.round === undefined ? "" : String(values.round).trim().replace(/^#/, "").toLowerCase();
      if (round !== "") {
        if (!/^\d{1,4}[ab]?$/.test(round)) return { ok: false, message: drawMessages().notRoundNumber(round) };
        return { ok: true, params: { mode: "number", round, aspect: "all" } };
      }
      const t = typeOption(values, "type", context);
      return t.ok ? { ok: true, params: { mode: "latest", types: t.types, aspect: "all" } } : t;
    },
  },
};
