import type { Knowledge } from "../core/knowledge.js";
import { cite, roundName } from "../core/format.js";
import { makeReply } from "../core/reply.js";
import type { Term } from "../kb/schema.js";
import { lang } from "../messages/lang.js";
import { metaMessages } from "../messages/meta.js";
import { escape } from "../nlu/pattern.js";
import { has, type Clause } from "../nlu/question.js";
import { tieBreakExample } from "./draws/shared.js";
import { resolveOccupation } from "./occupations/resolve.js";
import type { Match, Skill } from "./types.js";

/** The terms a question asks to define (two for "difference between"). */
export interface GlossaryParams {
  readonly terms: string[];
  /** "fsw vs fswp same thing?": the two names asked about, when both name the one term. */
  readonly same?: readonly [string, string];
  /** A term asked about that no source defines ("what does CLB mean"), as the user wrote it. */
  readonly unknown?: string;
  /** Two or more terms asked apart ("the difference between CEC and FSW"), not only spelled out. */
  readonly contrast?: boolean;
  /** "is fst the same as fsw": two terms asked as one, answered No first. */
  readonly sameAsked?: boolean;
  /** "diff between a general draw and a category draw": kinds of rounds, as an article describes them. */
  readonly kinds?: readonly RoundKind[];
  /** A round name of IRCC's feed the question quotes ("No Program Specified"), as the feed writes it. */
  readonly feedName?: string;
}

// The round names of the feed, each once, lower case to the name as written; read once per knowledge base.
const feedNamesOf = new WeakMap<Knowledge, ReadonlyMap<string, string>>();
function feedNames(knowledge: Knowledge): ReadonlyMap<string, string> {
  let names = feedNamesOf.get(knowledge);
  if (!names) {
    names = new Map(knowledge.draws.flatMap((d) => (d.name ? [[d.name.toLowerCase(), d.name] as const] : [])));
    feedNamesOf.set(knowledge, names);
  }
  return names;
}

type RoundKind = "general" | "program-specific" | "category-based";

// The words that name each kind of round, in the order the articles list them.
const KIND_WORDS: readonly (readonly [RoundKind, RegExp])[] = [
  ["general", /\b(?:(?:general|normal|regular|open) (?:draws?|rounds?|ones?)|all[- ]?programs?(?: draws?| rounds?| ones?)?|no program specified)\b/],
  ["program-specific", /\bprogram[- ]?specific\b|\b(?:pnp|cec|fsw|fst)[- ]only (?:draws?|rounds?)\b|\bprogram (?:draws?|rounds?)\b/],
  ["category-based", /\bcategory[- ]?(?:based|specific)?(?: selection)? (?:draws?|rounds?|ones?)\b|\btargeted (?:draws?|rounds?)\b/],
];

/** The kinds of rounds a clause names, in the articles' order. */
function kindsNamed(text: string): RoundKind[] {
  return KIND_WORDS.filter(([, re]) => re.test(text)).map(([k]) => k);
}

// "what does CLB mean", "AOR meaning?", "NCLC??", "define ECA", "ECA kya hota hai": a definition asked of one short word.
const DEFINE_ONE = /^(?:(?:so|ok|sorry|hi|hey|pls|please)[, ]+)*(?:(?:noob|dumb|silly|quick) question,? )?(?:what(?:'s| is| does)?|whats|wat(?: is| does)?|define|meaning of|explain)(?: an?| the)? ([a-z]{2,6})(?: (?:mean|means|stand for|stands for|meaning|is|kya hota hai))?(?: (?:in all this|in this server|here|in express entry|in ee|exactly))?$|^([a-z]{2,6})(?: (?:meaning|means|stands for|kya hota hai|kya hai|full form))?$/;

const ORDINALS: Readonly<Record<string, string>> = { "1st": "first", first: "first", "2nd": "second", second: "second", "3rd": "third", third: "third", "4th": "fourth", fourth: "fourth", "5th": "fifth", fifth: "fifth", last: "last" };
const DIGIT = new RegExp(`\\b(?:(${Object.keys(ORDINALS).join("|")}) )?digits?\\b`);
const ANY_ORDINAL = [...new Set(Object.values(ORDINALS))].join("|");

function termsOf(clause: Clause, knowledge: Knowledge): Term[] {
  const found: Term[] = [];
  const add = (t: Term | undefined) => {
    if (t && !found.includes(t)) found.push(t);
  };
  // Round types named by their abbreviation ("CEC", "FSW") are glossary terms when the glossary has them.
  for (const c of clause.categories) {
    const e = knowledge.entry(c);
    add(e ? (knowledge.term(e.label) ?? knowledge.term(e.name)) : undefined);
  }
  // "what does the 2nd digit of a noc code mean": the term whose definition says what that digit is, first.
  const digit = DIGIT.exec(clause.text);
  if (digit) {
    const ordinal = digit[1] ? ORDINALS[digit[1]] : undefined;
    // With no digit named, a term that says which digit it is before one that only counts them.
    const says = (re: RegExp) => knowledge.kb.terms.filter((t) => t.definitions.some((d) => re.test(d.text)));
    for (const t of says(new RegExp(`\\b(?:${ordinal ?? ANY_ORDINAL}) digit\\b`, "i"))) add(t);
    if (!ordinal) for (const t of says(/\bdigit\b/i)) add(t);
  }
  add(knowledge.search.termNamedIn(clause.text));
  // "what is SCG? saw it on a french forum": a term's French acronym, asked about in English.
  const words = new Set(clause.text.split(/[^a-z]+/));
  for (const t of knowledge.kb.terms) {
    const fr = t.fr?.term.toLowerCase();
    if (fr && /^[a-z]{2,6}$/.test(fr) && words.has(fr)) add(t);
    // Every acronym named, not only the longest name: "the noc code ... the teer".
    const own = t.term.toLowerCase();
    if (found.length > 0 && /^[a-z]{2,6}$/.test(own) && words.has(own)) add(t);
  }
  // Two letters ("pr") are too few to match a term by likeness.
  if (found.length === 0 && clause.phrase.length >= 3) {
    const hit = knowledge.search.termsLike(clause.phrase, 1)[0];
    if (hit && hit.score <= knowledge.search.tuning.termAccept) add(hit.item);
  }
  return found;
}

function overlap(clause: Clause, term: Term, stopwords: ReadonlySet<string>): number {
  const text = term.definitions.map((d) => d.text.toLowerCase()).join(" ");
  return clause.text.split(/[^a-z0-9]+/).filter((w) => w.length >= 4 && !stopwords.has(w) && text.includes(w.replace(/s$/, ""))).length;
}

/** A term's definition that says best what it is: one that opens with the term and says "is", never "in this draw, ...". */
export function bestDefinition(term: Term): Term["definitions"][number] | undefined {
  const names = [term.term, term.expansion].filter((n): n is string => n !== null).map((n) => n.toLowerCase());
  const opens = (t: string): boolean => names.some((n) => t.toLowerCase().replace(/^the /, "").startsWith(n));
  const score = (t: string): number => (opens(t) ? 0 : 3) + (/\b(?:is|are) (?:a|an|the)\b|\bmeans\b|\brefers to\b/i.test(t) ? 0 : 2) + (/^(?:in this|this|these|it|they)\b/i.test(t) ? 4 : 0);
  return [...term.definitions].sort((a, b) => score(a.text) - score(b.text) || a.text.length - b.text.length)[0];
}

function define(term: Term): { text: string; sources: string[] } {
  const m = metaMessages().glossary;
  // In French, the term's French name and definition (a translation of one of its sources' sentences); a term the
  // glossary has no French for is named in English and its definition quoted as the source words it.
  const fr = lang() === "fr" ? (term.fr ?? null) : null;
  const def = fr ? fr.definitions[0] : bestDefinition(term);
  const text = fr || lang() === "en" ? def?.text : def ? m.quoted(def.text) : undefined;
  return { text: [m.lead(term, fr), text ?? ""].filter(Boolean).join(" "), sources: def ? [def.source] : term.sources.slice(0, 1) };
}

/** The glossary's name of the rule the tie-break skill explains with rounds. */
export const TIE_BREAKING_RULE = "Tie-breaking rule";

// The glossary term each kind of answer rests on, for "what does that mean" right after it.
const THAT_TERM: Readonly<Record<string, string>> = {
  "tie-break": TIE_BREAKING_RULE,
  crs: "CRS",
  "crs-points": "CRS",
  "score-check": "CRS",
  category: "Category-based selection",
  occupation: "NOC",
  teer: "TEER",
  round: "ITA",
  rounds: "ITA",
};

/** Terms of Express Entry: what they stand for and mean, and how two differ. */
export const glossarySkill: Skill<GlossaryParams> = {
  id: "glossary",
  summary: "what a term means (CRS, ITA, NOC, TEER, CEC, ...) and how two differ",
  requires: ["term"],
  optional: [],
  match(clause, context): Match<GlossaryParams> | null {
    // "what does that even mean" after an answer: the term that answer rests on.
    const that = /^(?:(?:ok|so|sorry|but|and|wait|hmm)[, ]+)*(?:what|wat) (?:does|do|is) (?:that|this|it)(?: \w+){0,2} mean\b|^(?:what'?s|whats|what is) (?:that|this)(?: supposed to mean)?$|^(?:meaning|means what)$/.test(clause.text);
    const topic = that ? THAT_TERM[context.slots.aspect === "teer" ? "teer" : context.slots.skill ?? ""] : undefined;
    const thatTerm = topic ? context.knowledge.term(topic) : undefined;
    if (thatTerm) return { score: 0.9, fromState: true, params: { terms: [thatTerm.term] } };
    // "how many TEER categories are there", "which digit of the noc code tells you the teer": what the term's definition says.
    const fact = has(clause, "termFact");
    const asking = has(clause, "define") || has(clause, "difference") || fact;
    // "ITA?" alone asks what it is; so does "NOC?" or "TEER?", when nothing else (an occupation's title) is named.
    // "and fst?" right after a term was defined asks for another.
    const next = context.slots.skill === "glossary" && clause.followUp;
    const bareTerm =
      clause.text.split(" ").length <= 3 &&
      clause.numbers.length === 0 &&
      clause.cues.every((c) => (c === "followUp" && next) || (c === "processingTime" && /^[a-z]{2,6}$/.test(clause.text)) || c === "cutoff" || c === "invitations" || c === "draw" || c === "categoryWord" || ((c === "occupationWord" || c === "teer") && clause.phrase === ""));
    // "is ITA the same as IPD", "IPD = ITA?": short questions only; the term search behind them is the costly part.
    const sameWord = (/\bsame\b|=/.test(clause.text) && clause.text.split(" ").length <= 10) || /\bsame\b/.test(clause.text) && clause.categories.length >= 1;
    // "NOC 2021" names the classification's version, not a period.
    const period = clause.period && !(clause.period.kind === "year" && /\b(?:noc|cnp) (?:19|20)\d\d\b/.test(clause.text) && clause.periods.length === 1);
    if (!(asking || bareTerm || sameWord) || clause.codes.length > 0 || clause.rounds.length > 0 || period) return null;
    // "diff between a general draw and a category draw", "what does 'No Program Specified' mean on a draw": what kinds
    // of rounds are, as an article describes them; a cut-off or a period asked compares rounds instead.
    const kinds = kindsNamed(clause.text);
    const contrasted = (has(clause, "difference") || has(clause, "compare") || /\bvs\.?\b|\bversus\b/.test(clause.text)) && kinds.length >= 2;
    const defined = has(clause, "define") && kinds.length === 1 && /\bno program specified\b|\bmeans?\b|\bmeaning\b/.test(clause.text);
    if ((contrasted || defined) && !has(clause, "cutoff") && !has(clause, "latest") && !has(clause, "howMany") && context.knowledge.facts("round-kinds").length > 0) {
      const quoted = defined ? [...feedNames(context.knowledge)].find(([lower]) => lower.length >= 8 && clause.text.includes(lower))?.[1] : undefined;
      return { score: 0.91, params: { terms: [], kinds, ...(contrasted ? { contrast: true } : {}), ...(quoted ? { feedName: quoted } : {}) } };
    }
    // "what were the STEM draws", « c koi les tirages STIM »: the rounds of a type, not what its name means.
    if (clause.categories.length > 0 && /\b(?:draws|rounds|cut-?offs)\b/.test(clause.text)) return null;
    // "the NOC code of early childhood educators and their TEER": an occupation's code and TEER, not the words' meaning.
    if (has(clause, "occupationWord") && (clause.phrase.split(" ").length >= 2 || /\b(?:code|noc|cnp) (?:for|of) (?:a |an |the )?[a-z]/.test(clause.text)) && !fact && !has(clause, "difference") && resolveOccupation(context.knowledge, undefined, clause.phrase).kind === "found") return null;
    const named = termsOf(clause, context.knowledge);
    // A fact asked of two terms ("which digit of the NOC code is the TEER"): the one whose definition holds the question's words.
    const stop = context.knowledge.lexicon.stopwords;
    const terms = fact && named.length > 1 ? [...named].sort((a, b) => overlap(clause, b, stop) - overlap(clause, a, stop)).slice(0, 1) : named;
    if (terms.length === 0) {
      // Said as not known rather than answered with something else; a word the raw text writes in capitals is a term.
      const one = DEFINE_ONE.exec(clause.text);
      const word = one?.[1] ?? one?.[2];
      // An acronym: asked what it means, or written like one (no vowel, or three consonants running: "nclc", "clb").
      const named = /\b(?:mean|means|meaning|stand|stands|define|full form|kya)\b/.test(clause.text);
      // A bare word is a term only when it has no vowel ("NCLC??"), and never as the answer to a question the bot
      // asked ("single").
      const bare = one?.[2] !== undefined;
      const acronym = word !== undefined && !context.knowledge.lexicon.stopwords.has(word) && context.slots.pending === undefined && (named || clause.acronyms.includes(word) || (bare ? /^[^aeiouy]+$/ : /^[^aeiouy]+$|[^aeiouy]{3}/).test(word));
      const written = acronym ? word : undefined;
      const outside = has(clause, "visa") || has(clause, "pnpStream") || has(clause, "offTopic") || clause.categories.length > 0;
      if (written && !outside) return { score: 0.93, params: { terms: [], unknown: written.toUpperCase() } };
      return null;
    }
    // "fsw vs fswp same thing?": a second word naming the same round type as the first.
    const sameAsked = /\bsame\b/.test(clause.text) && (has(clause, "compare") || /\b(?:and|or|=)\b|\bsame (?:thing )?as\b/.test(clause.text)) && clause.categories.length === 1 && terms.length === 1;
    const first = sameAsked ? clause.text.split(" ").find((w) => context.knowledge.lexicon.categoriesIn(w)[0]?.id === clause.categories[0]) : undefined;
    const second = first ? clause.text.split(" ").find((w) => w !== first && context.knowledge.lexicon.categoriesIn(w)[0]?.id === clause.categories[0]) : undefined;
    if (first && second) return { score: 0.88, params: { terms: terms.map((t) => t.term), same: [first.toUpperCase(), second.toUpperCase()] } };
    // "IPD = ITA?": a term's French and English acronyms asked as the same.
    const one = terms.length === 1 ? terms[0] : undefined;
    const frName = one?.fr?.term.toLowerCase();
    const words = clause.text.split(/[^a-z]+/);
    // In French the parser reads « IPD » as "ita" already: "ita = ita".
    const own = one && frName ? escape(one.term.toLowerCase()) : undefined;
    if (one && frName && own && new RegExp(String.raw`^(?:is )?${own} (?:=|(?:is )?(?:the )?same as) ${own}\b`).test(clause.text)) return { score: 0.9, params: { terms: [one.term], same: [frName.toUpperCase(), one.term] } };
    if (one && frName && frName !== one.term.toLowerCase() && words.includes(frName) && words.includes(one.term.toLowerCase()) && (/=|\bsame\b|\bequals?\b/.test(clause.text) || has(clause, "compare"))) {
      const order = words.indexOf(frName) < words.indexOf(one.term.toLowerCase()) ? [frName, one.term] : [one.term, frName];
      return { score: 0.9, params: { terms: [one.term], same: [order[0]?.toUpperCase() ?? "", order[1]?.toUpperCase() ?? ""] } };
    }
    // "is fst the same as fsw": two different terms asked as if one.
    if (terms.length >= 2 && /\bsame (?:thing )?as\b|\bthe same\b/.test(clause.text) && !has(clause, "cutoff") && !has(clause, "draw") && clause.numbers.length === 0) {
      return { score: 0.9, params: { terms: terms.map((t) => t.term), contrast: true, sameAsked: true } };
    }
    if (!(asking || bareTerm)) return null;
    if (next && !asking) return { score: 0.85, fromState: true, params: { terms: terms.map((t) => t.term) } };
    if (!asking) return { score: 0.7, params: { terms: terms.map((t) => t.term) } };
    // "difference between the last CEC and PNP cut-off" compares rounds, not terms.
    if (has(clause, "difference") && (has(clause, "cutoff") || has(clause, "draw") || has(clause, "latest"))) return null;
    // « le SCG c'est quoi » reads "the crs what is": the term first, then the question.
    // "what does ITA stand for", "please expand PNP and CEC": asked as what the letters stand for, a term's meaning whatever else the words say.
    const spelled = fact || /\b(?:stands? for|full form|acronyms?|abbreviations?|expand|spell out|in english|in french)\b/.test(clause.text);
    const score = (has(clause, "difference") && terms.length >= 2) || spelled ? 0.9 : /^(?:what|whats|what's|define|explain)\b|\b(?:what is|what's|whats|means what)(?: that| it)?$/.test(clause.text) ? 0.8 : 0.6;
    return { score, params: { terms: terms.map((t) => t.term), ...(has(clause, "difference") || has(clause, "compare") ? { contrast: true } : {}) } };
  },
  answer(params, context) {
    const { knowledge } = context;
    const terms = params.terms.map((t) => knowledge.term(t)).filter((t): t is Term => t !== undefined);
    const m = metaMessages().glossary;
    const described = knowledge.facts("round-kinds")[0];
    const kinds = params.kinds && described ? described.kinds.filter((k) => params.kinds?.includes(k.type)) : [];
    if (described && kinds.length > 0) {
      const article = described.sources[0] ?? "";
      // "No Program Specified": the feed's name for such rounds, how many it gave it and the latest.
      const named = params.feedName ? knowledge.draws.filter((d) => d.name === params.feedName) : [];
      const latest = named.at(-1);
      const lead = params.feedName && latest ? `${m.feedName(params.feedName, knowledge.label(latest.category), named.length, roundName(knowledge, latest))} ` : "";
      return {
        reply: makeReply(knowledge, "glossary", {
          title: kinds.map((k) => k.name).join(m.titleJoin),
          text: `${lead}${m.roundKinds(cite(knowledge, article), kinds.map((k) => ({ name: k.name, description: k.description })), params.contrast === true)}`,
          asOf: described.asOf,
          sources: [...described.sources, ...(latest?.sources ?? [])],
          suggestions: [...m.suggestions],
        }),
        slots: { skill: "glossary" },
      };
    }
    if (params.unknown !== undefined || terms.length === 0) {
      const known = knowledge.kb.terms.map((t) => (lang() === "fr" ? (t.fr?.term ?? t.term) : t.term));
      return {
        reply: makeReply(knowledge, "glossary", { title: m.unknownTitle, text: m.unknown(params.unknown ?? params.terms.join(", "), known), sources: [], suggestions: [...m.suggestions] }),
        slots: { skill: "glossary" },
      };
    }
    const parts = terms.map(define);
    // "what does the tie-breaking rule mean": what it is, then how it works, with the latest round's moment.
    const tie = terms.length === 1 && terms[0]?.term === TIE_BREAKING_RULE && params.contrast !== true ? tieBreakExample(knowledge) : undefined;
    const both = params.same ? m.sameTerm(params.same[0], params.same[1]) : terms.length >= 2 && params.contrast === true ? (params.sameAsked ? m.differentNo : m.different) : "";
    const name = (t: Term) => (lang() === "fr" ? (t.fr?.term ?? t.term) : t.term);
    return {
      reply: makeReply(knowledge, "glossary", {
        title: terms.map(name).join(m.titleJoin),
        text: `${both}${parts.map((p) => p.text).join(" ")}${tie ? ` ${tie.text}` : ""}`,
        ...(tie ? { fields: tie.fields, asOf: tie.asOf } : {}),
        sources: [...parts.flatMap((p) => p.sources), ...(tie?.sources ?? [])],
        suggestions: [...m.suggestions],
      }),
      // The term defined, so "ok so what was it for the last french draw" after the tie-breaking rule is about it.
      slots: { skill: "glossary", ...(terms.length === 1 && terms[0] ? { aspect: terms[0].term } : {}) },
    };
  },
  examples(knowledge) {
    if (knowledge.kb.terms.length === 0) return [];
    const named = knowledge.kb.terms.filter((t) => t.fr !== undefined && t.fr.term !== t.term).sort((a, b) => b.sources.length - a.sources.length);
    return [...metaMessages().glossary.examples(named.map((t) => t.fr?.term ?? t.term))];
  },
};
