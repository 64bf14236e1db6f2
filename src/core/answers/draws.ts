import type { CategoryId, Draw } from "../../kb/schema.js";
import { cite, formatDate, formatNumber, joinAnd, plural, roundName, shortOf } from "../format.js";
import type { Knowledge } from "../knowledge.js";
import { MESSAGES } from "../messages.js";
import { makeReply, type AnswerInput } from "../reply.js";
import type { Field, Reply } from "../types.js";

function tieBreakText(d: Draw): string | null {
  if (!d.tieBreak) return null;
  return `${formatDate(d.tieBreak.date)}${d.tieBreak.time ? ` at ${d.tieBreak.time} UTC` : ""}`;
}

/** The figures of a round as fields. */
export function drawFields(d: Draw): Field[] {
  const fields: Field[] = [{ name: "Round", value: `#${d.round}` }];
  fields.push({ name: "Date", value: `${formatDate(d.date)}${d.time ? `, ${d.time} UTC` : ""}` });
  if (d.program) fields.push({ name: "Program", value: d.program });
  if (d.invitations !== null) fields.push({ name: "Invitations", value: formatNumber(d.invitations) });
  if (d.crs !== null) fields.push({ name: "CRS cut-off", value: String(d.crs) });
  const tie = tieBreakText(d);
  if (tie) fields.push({ name: "Tie-breaking rule", value: tie });
  return fields;
}

/** One sentence with a round's figures. */
export function drawSentence(d: Draw): string {
  const figures = [
    d.crs !== null ? `the lowest CRS score invited was ${d.crs}` : null,
    d.invitations !== null ? `${formatNumber(d.invitations)} invitations were issued` : null,
    tieBreakText(d) ? `tie-breaking rule ${tieBreakText(d)}` : null,
  ].filter((x): x is string => x !== null);
  return `${figures.length > 0 ? `${figures.join(", ")}.` : "I have no figures for it."}`;
}

function conflictNotes(knowledge: Knowledge, d: Draw): string[] {
  return d.conflicts.map(
    (c) =>
      `Sources disagree on ${c.field}: ${c.claims
        .map((x) => `${typeof x.value === "object" ? `${x.value.date} ${x.value.time ?? ""}`.trim() : x.value} per ${joinAnd(x.sources.map((id) => cite(knowledge, id)))}`)
        .join("; ")}.`,
  );
}

function knownRange(knowledge: Knowledge): string {
  const { first, last } = knowledge.coverage();
  if (!first || !last) return "I don't know of any draws yet.";
  const rounds = knowledge.draws.map((d) => d.round);
  return `I know ${plural(rounds.length, "round")} (${joinAnd(rounds.map(String))}), from ${formatDate(first.date)} to ${formatDate(last.date)}.`;
}

function drawReply(knowledge: Knowledge, intent: Reply["intent"], d: Draw, lead: string, extra: string[] = []): Reply {
  return makeReply(knowledge, intent, {
    title: `Express Entry round ${d.round}`,
    text: [lead, ...extra, ...conflictNotes(knowledge, d)].join(" "),
    fields: drawFields(d),
    asOf: d.date,
    sources: d.sources,
    suggestions: ["my CRS is 480, would I have been invited?", "what is the tie-breaking rule?"],
  });
}

function wantsCutoff(text: string): boolean {
  return /\bcut-?off|\bcutoff|\bcrs\b|\bscore|\bminimum|\bpoints?\b/.test(text);
}

function askedCategory(categories: readonly CategoryId[]): CategoryId | undefined {
  return categories[0];
}

/** Answers "what was the last cut-off?", "last all-program draw", "latest STEM cut-off". */
export function answerLatestDraw(input: AnswerInput): Reply {
  const { knowledge, entities } = input;
  const category = askedCategory(entities.categories);
  const d = knowledge.latestDraw(category);
  const overall = knowledge.latestDraw();
  if (!d || !overall) {
    return makeReply(knowledge, "latest-draw", {
      title: "No such draw",
      text: `I don't know of any ${category ? `${shortOf(category)} ` : ""}draw in my knowledge base. ${knownRange(knowledge)}`,
      sources: [],
      suggestions: ["what was the last cut-off?", "draw 254"],
    });
  }
  const which = category ? `the latest ${shortOf(category)} draw I know of` : "the latest draw I know of";
  const isLatestOverall = d.round === overall.round;
  const lead = wantsCutoff(entities.text) && d.crs !== null
    ? `${d.crs}: the lowest CRS score invited in ${roundName(d)}, ${which}.`
    : `${which[0]?.toUpperCase()}${which.slice(1)} is ${roundName(d)}: ${drawSentence(d)}`;
  const extra = [
    wantsCutoff(entities.text) && d.invitations !== null ? `${formatNumber(d.invitations)} invitations were issued.` : "",
    !isLatestOverall ? `The latest draw of any kind I know of is ${roundName(overall)}.` : "",
    "My knowledge base ends there; newer draws may have been held since.",
  ].filter((x) => x !== "");
  return drawReply(knowledge, "latest-draw", d, lead, extra);
}

/** Answers "draw 253". */
export function answerDraw(input: AnswerInput): Reply {
  const { knowledge, entities } = input;
  const round = entities.rounds[0] ?? entities.bareNumbers[0] ?? 0;
  const d = knowledge.draw(round);
  if (!d) {
    return makeReply(knowledge, "draw", {
      title: `Round ${round}`,
      text: `I don't have round ${round} in my knowledge base. ${knownRange(knowledge)}`,
      suggestions: knowledge.draws.slice(-2).map((x) => `draw ${x.round}`),
    });
  }
  const latest = knowledge.latestDraw();
  return drawReply(knowledge, "draw", d, `Round ${d.round} was held on ${formatDate(d.date)}${d.time ? ` at ${d.time} UTC` : ""}${d.program ? ` for ${d.program}` : ""}: ${drawSentence(d)}`, latest && latest.round === d.round ? ["It is the latest draw in my knowledge base."] : []);
}

/** Answers "what happened on July 4 2023". */
export function answerDrawOnDate(input: AnswerInput): Reply {
  const { knowledge, entities } = input;
  const date = entities.dates[0] ?? "";
  const found = date.startsWith("--") ? knowledge.draws.filter((d) => d.date?.endsWith(date.slice(1))) : knowledge.drawsOn(date);
  const shown = date.startsWith("--") ? date.slice(2) : formatDate(date);
  if (found.length === 0) {
    return makeReply(knowledge, "draw-on-date", {
      title: "No draw on that date",
      text: `I don't know of a draw on ${shown}. ${knownRange(knowledge)}`,
      suggestions: knowledge.draws.slice(-1).map((d) => `what happened on ${formatDate(d.date)}?`),
    });
  }
  if (found.length === 1 && found[0]) {
    const d = found[0];
    return drawReply(knowledge, "draw-on-date", d, `On ${formatDate(d.date)}, IRCC held ${roundName(d, false)}: ${drawSentence(d)}`);
  }
  return makeReply(knowledge, "draw-on-date", {
    title: `Draws on ${shown}`,
    text: `I know of ${plural(found.length, "draw")} on ${shown}: ${found.map((d) => `${roundName(d)}: ${drawSentence(d)}`).join(" ")}`,
    asOf: found[0]?.date ?? null,
    sources: found.flatMap((d) => d.sources),
  });
}

/** Answers "lowest cut-off", "highest cut-off", "biggest draw". */
export function answerExtreme(input: AnswerInput): Reply {
  const { knowledge, entities } = input;
  const category = askedCategory(entities.categories);
  const pool = knowledge.draws.filter((d) => !category || d.category === category);
  const byInvitations = /\b(?:invitations|itas?|biggest|largest|smallest|most|fewest|size)\b/.test(entities.text) && !wantsCutoff(entities.text);
  const highest = /\b(?:highest|maximum|max|biggest|largest|most|top)\b/.test(entities.text);
  const value = (d: Draw): number | null => (byInvitations ? d.invitations : d.crs);
  const withValue = pool.filter((d) => value(d) !== null);
  if (withValue.length === 0) {
    return makeReply(knowledge, "extreme-draw", {
      title: "No draws",
      text: `I don't know of any ${category ? `${shortOf(category)} ` : ""}draw with that figure. ${knownRange(knowledge)}`,
    });
  }
  const sorted = [...withValue].sort((a, b) => (value(a) ?? 0) - (value(b) ?? 0) || a.round - b.round);
  const d = (highest ? sorted.at(-1) : sorted[0]) as Draw;
  const what = byInvitations ? (highest ? "most invitations" : "fewest invitations") : highest ? "highest cut-off" : "lowest cut-off";
  const lead = `${formatNumber(value(d) ?? 0)}: the ${what} I know of${category ? ` in a ${shortOf(category)} draw` : ""} was in ${roundName(d)}.`;
  return drawReply(knowledge, "extreme-draw", d, lead, [
    `That is among the ${plural(withValue.length, "round")} in my knowledge base (${joinAnd(sorted.map((x) => `${x.round}: ${formatNumber(value(x) ?? 0)}`))}), not all rounds ever held.`,
  ]);
}

/** Answers "how much lower was STEM than the all-program draw". */
export function answerCompare(input: AnswerInput): Reply {
  const { knowledge, entities } = input;
  let pair: Draw[] = [];
  if (entities.rounds.length >= 2) pair = entities.rounds.slice(0, 2).map((r) => knowledge.draw(r)).filter((d): d is Draw => d !== undefined);
  else if (entities.categories.length >= 2) {
    pair = entities.categories.slice(0, 2).map((c) => knowledge.latestDraw(c)).filter((d): d is Draw => d !== undefined);
  } else if (entities.categories.length === 1) {
    const a = knowledge.latestDraw(entities.categories[0]);
    const other = entities.categories[0] === "general" ? knowledge.draws.filter((d) => d.category !== "general").at(-1) : knowledge.latestDraw("general");
    pair = [a, other].filter((d): d is Draw => d !== undefined);
  } else pair = knowledge.draws.slice(-2).reverse();
  const [a, b] = pair;
  if (!a || !b || a.crs === null || b.crs === null || a.round === b.round) {
    return makeReply(knowledge, "compare-draws", {
      title: "Cannot compare",
      text: `I can't compare those: I need two different rounds with cut-offs in my knowledge base. ${knownRange(knowledge)}`,
      suggestions: ["how much lower was STEM than the all-program draw?", "lowest cut-off"],
    });
  }
  const diff = a.crs - b.crs;
  const name = (d: Draw): string => (d.category ? `the ${shortOf(d.category)} draw, ${roundName(d)}` : roundName(d));
  const lead =
    diff === 0
      ? `They were the same: ${name(a)} and ${name(b)} both cut off at ${a.crs}.`
      : `${Math.abs(diff)} points ${diff < 0 ? "lower" : "higher"}: ${name(a)} cut off at ${a.crs}, ${name(b)} at ${b.crs}.`;
  return makeReply(knowledge, "compare-draws", {
    title: `Round ${a.round} vs round ${b.round}`,
    text: [lead, ...conflictNotes(knowledge, a), ...conflictNotes(knowledge, b)].join(" "),
    fields: [
      { name: `Round ${a.round}`, value: `${a.crs} (${formatDate(a.date)})` },
      { name: `Round ${b.round}`, value: `${b.crs} (${formatDate(b.date)})` },
      { name: "Difference", value: `${Math.abs(diff)} points` },
    ],
    asOf: [a.date, b.date].filter((x): x is string => x !== null).sort().at(-1) ?? null,
    sources: [...a.sources, ...b.sources],
  });
}

/** Answers "my CRS is 480, would I have been invited?". */
export function answerScoreCheck(input: AnswerInput): Reply {
  const { knowledge, entities } = input;
  const score = entities.scores[0] ?? entities.bareNumbers.find((n) => n <= 1200) ?? 0;
  const category = askedCategory(entities.categories);
  const pool = knowledge.draws.filter((d) => d.crs !== null && (!category || d.category === category));
  const byDate = [...pool].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.round - b.round);
  // Without a category, the draw open to everyone answers the question; category rounds come after.
  const headline = category ? byDate.at(-1) : (byDate.filter((d) => d.category === "general").at(-1) ?? byDate.at(-1));
  if (!headline || headline.crs === null) {
    return makeReply(knowledge, "score-check", {
      title: "No cut-offs",
      text: `I can't say: I don't know of any ${category ? `${shortOf(category)} ` : ""}draw with a cut-off. ${knownRange(knowledge)}`,
    });
  }
  const kind = headline.category ? `${shortOf(headline.category)} ` : "";
  const position = (d: Draw): string =>
    d.crs === score
      ? `at the cut-off of ${d.crs} in ${roundName(d)}: only if your profile was submitted before the tie-breaking time${tieBreakText(d) ? ` (${tieBreakText(d)})` : ""}`
      : `${(d.crs ?? 0) < score ? "above" : "below"} the cut-off of ${d.crs} in ${roundName(d)}`;
  const lead =
    headline.crs < score
      ? `Yes, in the latest ${kind}draw I know of: ${score} is ${position(headline)}.`
      : headline.crs === score
        ? `Possibly: ${score} is ${position(headline)}, the latest ${kind}draw I know of.`
        : `No, not in the latest ${kind}draw I know of: ${score} is ${position(headline)}.`;
  const enough = byDate.filter((d) => (d.crs ?? Infinity) < score);
  const tied = byDate.filter((d) => d.crs === score);
  const short = byDate.filter((d) => (d.crs ?? 0) > score);
  const label = (d: Draw): string => `${d.round}: ${d.crs}${d.category && d.category !== "general" ? `, ${shortOf(d.category)} only` : ""}`;
  const summary =
    byDate.length > 1
      ? `Across the ${plural(byDate.length, "round")} I know, ${score} would have been enough in ${enough.length === 0 ? "none" : `${plural(enough.length, "round")} (${joinAnd(enough.map(label))})`}${tied.length > 0 ? `, exactly at the cut-off in ${joinAnd(tied.map(label))}` : ""}${short.length > 0 ? ` and not enough in ${joinAnd(short.map(label))}` : ""}.`
      : "";
  const categoryKind = knowledge.facts("round-kinds")[0]?.kinds.find((k) => k.type === "category-based");
  const eligibleSentence = categoryKind?.description.split(/(?<=\.)\s+/).find((x) => /eligib/i.test(x));
  const categoryNote =
    byDate.some((d) => d.roundType === "category-based") && eligibleSentence ? `About category-based rounds: ${eligibleSentence}` : "";
  return makeReply(knowledge, "score-check", {
    title: `CRS ${score}`,
    text: [lead, summary, categoryNote, MESSAGES.pastNotFuture].filter((x) => x !== "").join(" "),
    fields: byDate.map((d) => ({
      name: `Round ${d.round} (${formatDate(d.date)})`,
      value: `cut-off ${d.crs}: ${(d.crs ?? 0) < score ? "above" : d.crs === score ? "at the cut-off" : "below"}`,
    })),
    asOf: byDate.at(-1)?.date ?? null,
    sources: [...byDate.flatMap((d) => d.provenance.crs ?? d.sources), ...(categoryNote ? (knowledge.facts("round-kinds")[0]?.sources ?? []) : [])],
    suggestions: ["what is the tie-breaking rule?", "latest STEM cut-off"],
  });
}
