import { describeRef, roundName } from "../core/format.js";
import type { Knowledge } from "../core/knowledge.js";
import { coreMessages } from "../core/messages.js";
import { makeReply } from "../core/reply.js";
import { metaMessages, type SourceSubjectText } from "../messages/meta.js";
import { has, type Clause } from "../nlu/question.js";
import { examplesOf } from "./examples.js";
import type { AnySkill, Match, Skill, SkillContext } from "./types.js";

/** What the help skill answers. */
export interface HelpParams {
  readonly kind: "greeting" | "thanks" | "help" | "empty";
}

// A greeting or thanks is only that when little else is in the clause.
// Cue groups that make a clause a question of its own ("what's the cutoff pls help" asks for the cut-off).
const CONTENT_CUES = ["cutoff", "draw", "invitations", "pool", "points", "tieBreak", "crsCalc", "categoryWord", "occupationWord", "teer", "chart"];

function bare(clause: Clause): boolean {
  return clause.codes.length === 0 && clause.rounds.length === 0 && clause.categories.length === 0 && clause.numbers.length === 0 && clause.text.split(" ").length <= 10 && !CONTENT_CUES.some((c) => has(clause, c));
}

function coverage(knowledge: Knowledge): string {
  const first = knowledge.firstDraw();
  const last = knowledge.latestDraw();
  const years = knowledge.listYears();
  const m = metaMessages().help;
  return m.coverage([
    last && first ? m.knowRounds(knowledge.draws.length, roundName(knowledge, first), roundName(knowledge, last)) : m.noRounds,
    years[0] !== undefined ? m.lists(years[0], years.at(-1) ?? years[0]) : "",
    m.occupations(knowledge.occupations.size),
  ].filter(Boolean));
}

/** Greetings, thanks and help: what the bot can answer, with examples made from the knowledge base. */
export function helpSkill(all: () => readonly AnySkill[]): Skill<HelpParams> {
  return {
    id: "help",
    summary: "what I can answer, with examples",
    requires: [],
    optional: [],
    match(clause: Clause): Match<HelpParams> | null {
      // Nothing but emoji or punctuation ("🤔🤔🤔") says no more than an empty message.
      if (!/[\p{L}\p{N}]/u.test(clause.text)) return { score: 0.9, params: { kind: "empty" } };
      if (has(clause, "help") && !has(clause, "crsCalc")) return { score: bare(clause) ? 0.9 : 0.4, params: { kind: "help" } };
      if (has(clause, "thanks") && bare(clause)) return { score: 0.9, params: { kind: "thanks" } };
      if (has(clause, "greeting") && bare(clause) && clause.phrase.split(" ").filter(Boolean).length <= 2) return { score: 0.85, params: { kind: "greeting" } };
      return null;
    },
    answer(params, context: SkillContext) {
      const { knowledge } = context;
      const m = metaMessages().help;
      const examples = all().filter((s) => s.id !== "help").flatMap((s) => examplesOf(s, knowledge).slice(0, 2));
      if (params.kind === "thanks") return { reply: makeReply(knowledge, "help", { title: m.thanksTitle, text: coreMessages().thanks, suggestions: examples.slice(0, 2) }) };
      if (params.kind === "empty") return { reply: makeReply(knowledge, "help", { title: m.emptyTitle, text: coreMessages().empty, suggestions: examples.slice(0, 3), userError: true }) };
      const lines = all()
        .filter((s) => s.id !== "help" && examplesOf(s, knowledge).length > 0)
        .map((s) => m.line(m.summary(s.id, s.summary), examplesOf(s, knowledge).slice(0, 3)));
      return {
        reply: makeReply(knowledge, "help", {
          title: params.kind === "greeting" ? m.helloTitle : m.helpTitle,
          text: `${params.kind === "greeting" ? coreMessages().greeting : coreMessages().help} ${coverage(knowledge)} ${m.youCanAsk}`,
          list: params.kind === "greeting" ? examples.slice(0, 4) : lines,
          suggestions: examples.slice(0, 3),
        }),
      };
    },
    examples: () => [...metaMessages().help.examples],
  };
}

// What the bot knows and from where: every source of the knowledge base, official data first.
function allSources(knowledge: Knowledge, asked: boolean): ReturnType<typeof makeReply> {
  const m = metaMessages().sources;
  const sources = [...knowledge.sources.values()].sort((a, b) => (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === "official" ? -1 : b.kind === "official" ? 1 : 0));
  const lead = asked ? "" : `${coreMessages().noPreviousAnswer} `;
  return makeReply(knowledge, "sources", {
    title: m.allTitle,
    text: `${lead}${m.all(sources.length, coverage(knowledge))}`,
    list: sources.map((s) => `${s.title ?? s.id}${s.publisher ? ` (${s.publisher})` : ""}${s.url ? ` ${s.url}` : ""}`),
    sources: sources.map((s) => s.id),
  });
}

/** What a "where does X come from" question names: a round, a category list, the CRS grid, the NOC, the pool or the rounds. */
export type SourceSubject =
  | { readonly kind: "round"; readonly round: string }
  | { readonly kind: "list"; readonly category: string; readonly year: number | null }
  | { readonly kind: "crs-grid" }
  | { readonly kind: "noc" }
  | { readonly kind: "pool" }
  | { readonly kind: "rounds" };

/** What the sources skill answers: the previous answer's sources, every source, or the sources of one subject. */
export interface SourcesParams {
  readonly general?: boolean;
  readonly subject?: SourceSubject;
}

// The subject a sources question names, from the entities and cue groups of the clause; null when it names none.
function subjectOf(clause: Clause, knowledge: Knowledge): SourceSubject | null {
  const [round] = clause.rounds;
  if (round !== undefined && clause.rounds.length === 1) return knowledge.draw(round) ? { kind: "round", round } : null;
  const category = clause.categories.find((c) => knowledge.roundType(c)?.kind === "category");
  const year = clause.years[0] ?? null;
  if (category && (has(clause, "list") || has(clause, "categoryWord") || year !== null)) return { kind: "list", category, year };
  if (/\b(?:grid|calculator|calc|points?)\b/.test(clause.text) || has(clause, "crsCalc")) return { kind: "crs-grid" };
  if (/\bnoc\b/.test(clause.text) || has(clause, "occupationsNoun")) return { kind: "noc" };
  if (has(clause, "pool")) return { kind: "pool" };
  if (has(clause, "draw") && !has(clause, "latest")) return { kind: "rounds" };
  return null;
}

// The sources of one subject, with what the bot knows of their date and how they were checked.
function subjectSources(subject: SourceSubject, knowledge: Knowledge): ReturnType<typeof makeReply> {
  const m = metaMessages().sources;
  const latest = knowledge.latestDraw();
  const reply = (text: SourceSubjectText, ids: readonly string[], asOf: string | null, extra: readonly string[] = []) => {
    const made = makeReply(knowledge, "sources", { title: m.title, text: "", asOf, sources: ids });
    return { ...made, text: m.subject(text, made.sources.length + extra.length), list: [...extra, ...made.sources.map((s) => `${describeRef(s)}${s.url ? ` ${s.url}` : ""}`)] };
  };
  switch (subject.kind) {
    case "round": {
      const d = knowledge.draw(subject.round);
      return reply({ kind: "round", round: d ? roundName(knowledge, d) : subject.round }, d?.sources ?? [], d?.date ?? null);
    }
    case "list": {
      const list = subject.year !== null ? knowledge.listIn(subject.category, subject.year) : knowledge.listAt(subject.category);
      if (!list) return allSources(knowledge, true);
      const text = m.listName(list.year, knowledge.label(list.category), list.name, knowledge.entry(list.category)?.nameFr ?? null);
      return reply({ kind: "list", list: text, status: list.status, statusNote: list.statusNote, effective: list.effective }, list.basis, list.effective);
    }
    case "crs-grid": {
      const grid = knowledge.kb.crs;
      const source = [...knowledge.sources.values()].find((s) => s.id.startsWith("crs/"));
      const compiled = grid.asOf.slice(0, 10);
      const note = grid.asOf.slice(10).replace(/^[\s;:,]*(?:\(compiled\)[\s;:,]*)?/, "").trim();
      return reply({ kind: "crs-grid", title: source?.title ?? grid.title, compiled, note: note === "" ? null : note }, source ? [source.id] : [], compiled);
    }
    case "noc":
      return reply({ kind: "noc", version: knowledge.kb.noc.version }, [], null, [knowledge.kb.noc.attribution]);
    case "pool": {
      const d = knowledge.distributionAt();
      return reply({ kind: "pool", asOf: d?.distribution?.asOf ?? null, round: d ? roundName(knowledge, d) : null }, d ? (d.provenance.distribution ?? d.sources) : [], d?.distribution?.asOf ?? null);
    }
    case "rounds": {
      const feed = [...knowledge.sources.values()].filter((s) => s.kind === "official" && s.id.startsWith("ircc/"));
      return reply({ kind: "rounds", latest: latest ? roundName(knowledge, latest) : null }, feed.map((s) => s.id), latest?.date ?? null);
    }
  }
}

/** "Where does that come from": the sources of the last sourced answer, in full; of a subject when one is named; with no answer yet, every source. */
export const sourcesSkill: Skill<SourcesParams> = {
  id: "sources",
  summary: "the sources of my previous answer",
  requires: [],
  optional: ["round", "category list", "CRS grid", "NOC", "pool"],
  match(clause, context) {
    if (!has(clause, "sources")) return null;
    const words = clause.text.split(" ").length;
    // "where do your figures on round 254 come from" names what it asks about; "where does that come from" does not.
    const subject = clause.codes.length === 0 && words <= 14 ? subjectOf(clause, context.knowledge) : null;
    if (subject) return { score: 0.95, params: { subject } };
    // "how current is your draw data": how far the records go, which the full list of sources says.
    const fresh = /\bhow (?:old|recent|current|fresh|up to date|up-to-date) (?:is|are)\b/.test(clause.text);
    if ((has(clause, "latest") || has(clause, "draw") || has(clause, "cutoff")) && !fresh) return null;
    const general = fresh || /\b(?:what|which|your) (?:data|sources)\b|\bwhere do you get\b|\b(?:official|scraped|real) (?:[a-z]+ )?data\b|\bblogs?\b/.test(clause.text);
    return clause.codes.length === 0 && clause.rounds.length === 0 && words <= (general ? 12 : 8) ? { score: 0.95, params: general ? { general: true } : {} } : null;
  },
  answer(params, context) {
    const { knowledge, lastSourced } = context;
    if (params.subject) return { reply: subjectSources(params.subject, knowledge) };
    if (params.general || !lastSourced) return { reply: allSources(knowledge, params.general === true) };
    return {
      reply: {
        ...makeReply(knowledge, "sources", {
          title: metaMessages().sources.title,
          text: metaMessages().sources.previous(lastSourced.asOf, lastSourced.sources.length),
          list: lastSourced.sources.map((s) => `${describeRef(s)}${s.url ? ` ${s.url}` : ""}`),
        }),
        sources: lastSourced.sources,
      },
    };
  },
  examples: () => [...metaMessages().sources.examples],
};
