import { categoryLabel } from "../../kb/lexicon.js";
import type { Term } from "../../kb/schema.js";
import { cite, formatDate, formatNumber, joinAnd, plural, roundName } from "../format.js";
import type { Knowledge } from "../knowledge.js";
import { EXAMPLES, MESSAGES } from "../messages.js";
import { makeReply, type AnswerInput } from "../reply.js";
import type { Reply } from "../types.js";

function unknown(knowledge: Knowledge, intent: Reply["intent"], what: string): Reply {
  return makeReply(knowledge, intent, {
    title: "Not in my knowledge base",
    text: `I don't know ${what}: none of the articles in my knowledge base states it.`,
    suggestions: [EXAMPLES.draws[0], EXAMPLES.rules[0]],
  });
}

/** Answers "what is the tie-breaking rule" and "tie-break for round 254". */
export function answerTieBreak(input: AnswerInput): Reply {
  const { knowledge, entities } = input;
  const term = knowledge.term("Tie-breaking rule");
  const round = entities.rounds[0];
  const d = round !== undefined ? knowledge.draw(round) : knowledge.draws.filter((x) => x.tieBreak).at(-1);
  if (round !== undefined && !d) return unknown(knowledge, "tie-break", `round ${round}`);
  const definitions = term?.definitions.map((x) => x.text) ?? [];
  const timestamp = d?.tieBreak ? `${formatDate(d.tieBreak.date)}${d.tieBreak.time ? ` at ${d.tieBreak.time} UTC` : ""}` : null;
  const when = timestamp && d
    ? `In ${roundName(d)}${round === undefined ? ", the latest round I know with one" : ""}, the tie-breaking cut-off was ${timestamp}${d.crs !== null ? `, for candidates at the cut-off score of ${d.crs}` : ""}.`
    : "I don't know the tie-breaking time of that round.";
  const text = round !== undefined ? [when, ...definitions] : [...definitions, when];
  return makeReply(knowledge, "tie-break", {
    title: "Tie-breaking rule",
    text: (definitions.length > 0 || timestamp ? text : [`I don't know how the tie-breaking rule works: no article in my knowledge base explains it.`]).join(" "),
    fields: timestamp && d ? [{ name: `Round ${d.round}`, value: timestamp }] : [],
    asOf: d?.date ?? null,
    sources: [...(d?.provenance.tieBreak ?? []), ...(term?.sources ?? [])],
  });
}

/** Answers "how many profiles are in the pool". */
export function answerPoolSize(input: AnswerInput): Reply {
  const { knowledge } = input;
  const facts = [...knowledge.facts("pool-size")].sort((a, b) => (b.asOf ?? "").localeCompare(a.asOf ?? ""));
  const f = facts[0];
  if (!f) return unknown(knowledge, "pool-size", "how many profiles are in the pool");
  const older = facts.slice(1).map((x) => `${formatNumber(x.value)} as of ${formatDate(x.asOf)}`);
  return makeReply(knowledge, "pool-size", {
    title: "Express Entry pool",
    text: `${formatNumber(f.value)} profiles were in the Express Entry pool as of ${formatDate(f.asOf)}, the latest figure I have.${older.length > 0 ? ` Earlier: ${joinAnd(older)}.` : ""}`,
    fields: [{ name: "Profiles in the pool", value: formatNumber(f.value) }, { name: "As of", value: formatDate(f.asOf) }],
    asOf: f.asOf,
    sources: f.sources,
  });
}

/** Answers "how many ITAs this year". */
export function answerYearInvitations(input: AnswerInput): Reply {
  const { knowledge, entities } = input;
  const year = Number(/\b(20\d\d)\b/.exec(entities.text)?.[1] ?? NaN);
  const facts = knowledge.facts("invitations-this-year").filter((f) => Number.isNaN(year) || f.year === year);
  const f = [...facts].sort((a, b) => (b.asOf ?? "").localeCompare(a.asOf ?? ""))[0];
  if (!f) return unknown(knowledge, "year-invitations", Number.isNaN(year) ? "the year's total of invitations" : `the total of invitations for ${year}`);
  return makeReply(knowledge, "year-invitations", {
    title: `Invitations in ${f.year}`,
    text: `${formatNumber(f.value)} invitations to apply had been issued in ${f.year} as of ${formatDate(f.asOf)}, the latest figure I have for that year. It is not a figure for the current year: my knowledge base ends in ${knowledge.latestDraw()?.date?.slice(0, 4) ?? f.year}.`,
    fields: [{ name: `ITAs in ${f.year}`, value: formatNumber(f.value) }, { name: "As of", value: formatDate(f.asOf) }],
    asOf: f.asOf,
    sources: f.sources,
  });
}

/** Answers "what are the categories this year". */
export function answerYearCategories(input: AnswerInput): Reply {
  const { knowledge } = input;
  const facts = [...knowledge.facts("year-categories")].sort((a, b) => b.sources.length - a.sources.length || (b.year ?? 0) - (a.year ?? 0));
  const f = facts[0];
  if (!f) return unknown(knowledge, "year-categories", "which categories were announced");
  const nocCount = knowledge.facts("category-noc-count")[0];
  const disagree = facts.slice(1).filter((x) => x.year === f.year && x.categories.join() !== f.categories.join());
  return makeReply(knowledge, "year-categories", {
    title: `Categories for ${f.year ?? "the year"}`,
    text: [
      `For ${f.year ?? "the year"}, ${plural(f.categories.length, "category", "categories")} were announced for category-based draws:`,
      nocCount ? `Together the occupation categories cover ${nocCount.value} NOC codes (${cite(knowledge, nocCount.sources[0] ?? "")}).` : "",
      ...disagree.map((x) => `${joinAnd(x.sources.map((id) => cite(knowledge, id)))} names ${joinAnd(x.categories.map(categoryLabel))}.`),
    ]
      .filter((x) => x !== "")
      .join(" "),
    list: f.categories.map(categoryLabel),
    asOf: f.asOf,
    sources: [...f.sources, ...(nocCount?.sources ?? [])],
    suggestions: ["list the STEM occupations", "what are the requirements for category-based draws?"],
  });
}

/** Answers "what are the requirements for category-based draws". */
export function answerEligibility(input: AnswerInput): Reply {
  const { knowledge } = input;
  const work = knowledge.facts("work-experience")[0];
  const programs = knowledge.facts("programs").sort((a, b) => b.sources.length - a.sources.length)[0];
  if (!work && !programs) return unknown(knowledge, "eligibility", "the eligibility conditions");
  const parts: string[] = [];
  if (work) {
    parts.push(
      `To be invited in a category-based round you need at least ${work.months} months of ${work.continuous ? "continuous " : ""}work experience within the past ${work.withinYears} years in one of the category's occupations.`,
    );
  }
  if (programs) parts.push(`You must also be eligible for one of the Express Entry programs: ${joinAnd(programs.programs.map(categoryLabel))}.`);
  const quote = work?.quotes[0]?.text;
  if (quote) parts.push(`In the words of ${cite(knowledge, work.quotes[0]?.source ?? "")}: "${quote}"`);
  return makeReply(knowledge, "eligibility", {
    title: "Eligibility for category-based draws",
    text: parts.join(" "),
    fields: [
      ...(work ? [{ name: "Work experience", value: `${work.months} months${work.continuous ? " continuous" : ""}, within ${work.withinYears} years` }] : []),
      ...(programs ? [{ name: "Programs", value: programs.programs.map(categoryLabel).join(", ") }] : []),
    ],
    asOf: work?.asOf ?? programs?.asOf ?? null,
    sources: [...(work?.sources ?? []), ...(programs?.sources ?? [])],
    suggestions: ["which programs are there?", "list the STEM occupations"],
  });
}

/** Answers "which programs does Express Entry manage". */
export function answerPrograms(input: AnswerInput): Reply {
  const { knowledge } = input;
  const programs = knowledge.facts("programs").sort((a, b) => b.sources.length - a.sources.length)[0];
  if (!programs) return unknown(knowledge, "programs", "the programs");
  return makeReply(knowledge, "programs", {
    title: "Express Entry programs",
    text: `A candidate must be eligible for one of ${plural(programs.programs.length, "program")} to be invited:`,
    list: programs.programs.map(categoryLabel),
    asOf: programs.asOf,
    sources: programs.sources,
    suggestions: ["what are the types of draws?", "what are the requirements for category-based draws?"],
  });
}

/** Answers "what kinds of rounds are there". */
export function answerRoundKinds(input: AnswerInput): Reply {
  const { knowledge } = input;
  const f = knowledge.facts("round-kinds")[0];
  if (!f) return unknown(knowledge, "round-kinds", "the kinds of rounds");
  return makeReply(knowledge, "round-kinds", {
    title: "Kinds of rounds",
    text: `There are ${plural(f.kinds.length, "kind")} of rounds of invitations:`,
    list: f.kinds.map((k) => `${k.name}: ${k.description}`),
    asOf: f.asOf,
    sources: f.sources,
    suggestions: ["what was the last cut-off?", "last all-program draw"],
  });
}

/** Answers "is there a schedule", "when is the next draw". */
export function answerSchedule(input: AnswerInput): Reply {
  const { knowledge, entities } = input;
  const f = knowledge.facts("schedule")[0];
  const latest = knowledge.latestDraw();
  const next = /\bnext\b|\bwhen\b|\bpredict|\bforecast/.test(entities.text);
  const score = /cut-?off|cutoff|\bcrs\b|\bscore/.test(entities.text);
  if (!f) return unknown(knowledge, "schedule", "the draw schedule");
  const lead = score
    ? `I can't tell what the next cut-off will be. ${MESSAGES.pastNotFuture} And`
    : next
      ? "I can't tell when the next draw will be:"
      : f.fixed
        ? "Yes:"
        : "No:";
  return makeReply(knowledge, "schedule", {
    title: "Draw schedule",
    text: [
      `${lead} ${f.quotes[0]?.text ?? "IRCC does not have a fixed schedule for draws."}`,
      latest ? `The latest draw I know of is ${roundName(latest)}.` : "",
    ]
      .filter((x) => x !== "")
      .join(" "),
    asOf: f.asOf,
    sources: [...f.sources, ...(latest?.sources ?? [])],
  });
}

/** Answers "how do I apply". */
export function answerApply(input: AnswerInput): Reply {
  const { knowledge } = input;
  const f = knowledge.facts("application-process")[0];
  if (!f) return unknown(knowledge, "apply", "how to apply");
  return makeReply(knowledge, "apply", {
    title: "How to apply",
    text: `Applying to Express Entry takes ${plural(f.steps.length, "step")}:`,
    list: f.steps.map((s, i) => `Step ${i + 1}: ${s}`),
    asOf: f.asOf,
    sources: f.sources,
    suggestions: ["what are the requirements for category-based draws?", "what is CRS?"],
  });
}

// A sentence that opens with the term and says what it is defines it best.
function bestDefinition(term: Term): Term["definitions"][number] | undefined {
  const names = [term.term, term.expansion].filter((n): n is string => n !== null).map((n) => n.toLowerCase());
  const opens = (t: string): boolean => names.some((n) => t.toLowerCase().replace(/^the /, "").startsWith(n));
  const score = (t: string): number =>
    (opens(t) ? 0 : 3) + (/\b(?:is|are) (?:a|an|the)\b|\bmeans\b|\brefers to\b/i.test(t) ? 0 : /\buses a|\bbased on\b/i.test(t) ? 1 : 2);
  return [...term.definitions].sort((a, b) => score(a.text) - score(b.text) || a.text.length - b.text.length)[0];
}

/** Answers "what is CRS", "what does ITA mean". */
export function answerGlossary(input: AnswerInput, term: Term): Reply {
  const { knowledge } = input;
  const def = bestDefinition(term);
  const name = term.expansion ? `${term.term} (${term.expansion})` : term.term;
  const lead = term.expansion ? `${term.term} stands for ${term.expansion}.` : `${term.term}:`;
  const names = [term.term, term.expansion].filter((n): n is string => n !== null).map((n) => n.toLowerCase());
  const more = term.definitions.filter((d) => d !== def && names.some((n) => d.text.toLowerCase().startsWith(n))).slice(0, 1);
  return makeReply(knowledge, "glossary", {
    title: name,
    text: [lead, def ? def.text : "", ...more.map((d) => d.text)].filter((x) => x !== "").join(" "),
    sources: [...(def ? [def.source] : []), ...more.map((d) => d.source), ...term.sources].slice(0, 3),
    suggestions: ["what is TEER?", "what is the tie-breaking rule?"],
  });
}

/** Answers from the closest passage when nothing else fits but an article speaks to the question. */
export function answerPassage(input: AnswerInput, passage: { source: string; text: string }): Reply {
  const { knowledge } = input;
  return makeReply(knowledge, "passage", {
    title: "From the articles",
    text: `I have no direct answer to that, but ${cite(knowledge, passage.source)} says: "${passage.text}"`,
    sources: [passage.source],
    suggestions: [EXAMPLES.draws[0], EXAMPLES.occupation[0]],
  });
}
