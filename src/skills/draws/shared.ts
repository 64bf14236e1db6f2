import type { Knowledge } from "../../core/knowledge.js";
import { cite, formatDate, formatNumber, joinAnd, roundName } from "../../core/format.js";
import type { Field } from "../../core/types.js";
import type { Draw, TieBreak } from "../../kb/schema.js";
import { drawMessages } from "../../messages/draws.js";
import { has, type Clause, type Period } from "../../nlu/question.js";
import type { OptionValues, SkillContext } from "../types.js";

/** The round types a clause names that the knowledge base knows; "category-based" alone means every category. */
export function typesIn(clause: Clause, knowledge: Knowledge): string[] {
  const named = clause.categories.filter((c) => knowledge.roundType(c) !== undefined);
  const categoryRounds = /\bcategory[- ]based\b|\bcategory (?:draws?|rounds?)\b/.test(clause.text);
  // "category rounds in 2026 incl french ones": every category, the one named among them.
  const including = named.length > 0 && /\b(?:incl|incl\.|including|included|inclusive of|plus)\b/.test(clause.text) && named.every((c) => knowledge.roundType(c)?.kind === "category");
  if (categoryRounds && (named.length === 0 || including)) return knowledge.roundTypes().filter((t) => t.kind === "category").map((t) => t.id);
  return named;
}

/** "the CEC", "the STEM", "" for no types: for "the latest CEC round". */
export function typePhrase(knowledge: Knowledge, types: readonly string[]): string {
  if (types.length === 0) return "";
  // Every category at once is said as one kind, not a list of eleven names.
  const categories = knowledge.roundTypes().filter((t) => t.kind === "category");
  if (types.length >= 3 && types.length === categories.length && categories.every((t) => types.includes(t.id))) return `${drawMessages().everyCategory} `;
  return `${joinAnd(types.map((t) => knowledge.label(t)))} `;
}

/** A tie-breaking moment as words: "June 2, 2026 at 20:11:26 UTC". */
export function tieBreakText(t: TieBreak | null): string | null {
  if (!t) return null;
  return drawMessages().tieBreakMoment(formatDate(t.date), t.time ?? null);
}

/** The figures of a round as fields. */
export function drawFields(knowledge: Knowledge, d: Draw): Field[] {
  const m = drawMessages();
  const fields: Field[] = [{ name: m.fieldRound, value: `#${d.round}` }];
  fields.push({ name: m.fieldDate, value: m.dateTime(formatDate(d.date), d.time ?? null) });
  fields.push({ name: m.fieldType, value: d.name ?? knowledge.label(d.category) });
  if (d.invitations !== null) fields.push({ name: m.fieldInvitations, value: formatNumber(d.invitations) });
  if (d.crs !== null) fields.push({ name: m.fieldCutoff, value: String(d.crs) });
  const tie = tieBreakText(d.tieBreak);
  if (tie) fields.push({ name: m.fieldTieBreak, value: tie });
  return fields;
}

/** One sentence with a round's figures. */
export function drawFigures(d: Draw): string {
  const m = drawMessages();
  const tie = tieBreakText(d.tieBreak);
  const figures = [
    d.invitations !== null ? m.figureInvitations(d.invitations) : null,
    d.crs !== null ? m.figureCutoff(d.crs) : null,
    tie ? m.figureTieBreak(tie) : null,
  ].filter((x): x is string => x !== null);
  return figures.length > 0 ? m.figures(figures) : m.noFigures;
}

function conflictValue(v: string | number | TieBreak): string {
  return typeof v === "object" ? (tieBreakText(v) ?? "") : String(v);
}

/** Sentences naming every disagreement between sources about a round. */
export function conflictNotes(knowledge: Knowledge, d: Draw): string[] {
  const m = drawMessages();
  const official = d.sources.some((s) => knowledge.sources.get(s)?.kind === "official");
  return d.conflicts.map((c) =>
    m.conflict(m.conflictField(c.field), d.round, c.claims.map((x) => m.conflictClaim(conflictValue(x.value), x.sources.map((id) => cite(knowledge, id)))), conflictValue(c.chosen), official),
  );
}

/** "The latest round I know of is 430 (July 23, 2026); newer ones may have been held since." when the data is not fresh. */
export function freshnessNote(knowledge: Knowledge, now: Date): string {
  const last = knowledge.latestDraw();
  if (!last?.date) return drawMessages().noRoundsYet;
  const days = (now.getTime() - Date.parse(`${last.date}T00:00:00Z`)) / 86_400_000;
  return days > 14 ? drawMessages().recordsEnd(roundName(knowledge, last)) : "";
}


/** The rounds a period covers, resolving "since round N". */
export function drawsInPeriod(knowledge: Knowledge, period: Period, types: readonly string[]): Draw[] {
  if (period.kind === "since-round" && period.sinceRound) {
    const start = knowledge.draw(period.sinceRound);
    if (!start) return [];
    return knowledge.drawsOf(types).filter((d) => d.order >= start.order);
  }
  return knowledge.drawsBetween(period.from, period.to, types);
}

/** Round types from a slash-command option, validated against the knowledge base. */
export function typeOption(values: OptionValues, name: string, context: SkillContext): { ok: true; types: string[] } | { ok: false; message: string } {
  const raw = values[name];
  if (raw === undefined || raw === "" || raw === "all") return { ok: true, types: [] };
  const id = String(raw);
  if (context.knowledge.roundType(id)) return { ok: true, types: [id] };
  const found = context.knowledge.lexicon.categoriesIn(id.toLowerCase())[0];
  return found ? { ok: true, types: [found.id] } : { ok: false, message: drawMessages().unknownRoundType(id) };
}

/** True when a clause is about rounds at all: a round, draw, cut-off or invitation word, or a round type. */
export function aboutRounds(clause: Clause): boolean {
  return has(clause, "draw") || has(clause, "cutoff") || has(clause, "invitations");
}

/** A period's label after a verb: "in March 2025", "in the last 6 months", but "since 2023" and "this year (2026)" as they are. */
export function during(label: string): string {
  return drawMessages().during(label);
}

/** A period's label in the language being written in ("the last 6 months", "les 6 derniers mois"). */
export function periodLabel(period: Period): string {
  return drawMessages().period(period);
}

/** A round's tie-breaking moment in words: the moment, a sentence telling it in its round, and the reply's fields. */
export function tieBreakOf(knowledge: Knowledge, d: Draw): { moment: string | null; example: string; fields: Field[] } {
  const m = drawMessages();
  const moment = tieBreakText(d.tieBreak);
  const example = moment ? m.tieMoment(moment, roundName(knowledge, d), d.crs) : m.tieNone(roundName(knowledge, d));
  const fields = moment ? [{ name: m.fieldTieBreak, value: moment }, { name: m.tieCutoffField, value: String(d.crs ?? "?") }] : [];
  return { moment, example, fields };
}

/** The tie-breaking rule in words, with the latest round that had one as its example; none before any such round. */
export function tieBreakExample(knowledge: Knowledge): { text: string; fields: Field[]; asOf: string | null; sources: string[] } | undefined {
  const d = knowledge.draws.filter((x) => x.tieBreak !== null).at(-1);
  if (!d) return undefined;
  const m = drawMessages();
  const { example, fields } = tieBreakOf(knowledge, d);
  return { text: `${m.tieRule} ${m.tieExample(example)}`, fields, asOf: d.date, sources: d.provenance.tieBreak ?? d.sources };
}
