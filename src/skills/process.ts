import { cite, roundName } from "../core/format.js";
import { makeReply } from "../core/reply.js";
import { lang } from "../messages/lang.js";
import { metaMessages } from "../messages/meta.js";
import type { RuleTopic } from "../kb/schema.js";
import { has, yesNoLike, type Clause } from "../nlu/question.js";
import type { Match, Skill, SkillAnswer, SkillContext } from "./types.js";

/** Which fact about how Express Entry works is asked for. */
export interface ProcessParams {
  readonly topic: "apply" | "schedule" | "round-kinds" | "programs" | "passage" | "documents" | "rule";
  /** For a rule of selection: which, and how it is asked. */
  readonly rule?: RuleAsk;
  /** For documents: what the question asks. */
  readonly documents?: DocumentsAsk;
  /** The question wants a yes or a no first ("is there a fixed schedule?"). */
  readonly yesNo?: boolean;
  /** For passages: the words to look for. */
  readonly query?: string;
  /** "can i skip the profile and just send my PR application": a step asked to be skipped, answered No first. */
  readonly skipStep?: boolean;
}

// "can i skip the profile", "send my whole pr application without waiting for an invitation", "an ita without a profile".
const SKIP_STEP = /\b(?:skip|bypass|jump)\b[^?]{0,25}\b(?:profile|invitation|ita|pool)\b|\bwithout (?:waiting for |getting |making |creating |submitting )?(?:an? |the |my )?(?:profile|invitation|ita)\b|\b(?:directly|straight)\b[^?]{0,20}\b(?:pr )?application\b/;

/** A question about a rule of selection: its topic, whether it proposes the opposite ("first come first serve?"), whether it wants a yes or a no. */
interface RuleAsk {
  readonly topic: RuleTopic;
  readonly denies: boolean;
  readonly yesNo: boolean;
}

/** A question about the documents of applying: what it names, the step it names and what it wants back. */
interface DocumentsAsk {
  /** The words of the document named ("police certificate"); none for "what documents do I need". */
  readonly thing: string[];
  readonly step?: Step;
  /** "conditional": a yes/no question with a condition the steps say nothing about ("even if I lived there a year"). */
  readonly form: "yes-no" | "conditional" | "when" | "which";
}

type Step = "profile" | "application";

const NEED = /\b(?:(?:do|does|will|would|should|shall) (?:i|we|you|they|ircc|one|my \w+|the \w+) (?:still |also |really |even )?(?:need|have to|want|ask for|require)|must (?:i|we|you)|need i|do i need|^(?:do (?:u|you) )?need|^(?:is |are )?(?:a |an |the )?[a-z ]{3,40}(?= (?:too|also|as well)$)) (?:to )?(?:(?:submit|provide|give|get|send|upload|include|have|pass|passe|take|do|show|present) )?(.+)$/;
const REQUIRED = /^(?:(?:is|are) )?(?:a |an |the |my )?(.+?) (?:(?:it |they )?(?:is|are) )?(?:' )?(?:required|mandatory|needed|necessary|compulsory|obligatory)\b/;
const WHICH = /\b(?:what|which|wat|list (?:of )?(?:the )?)\s*(?:documents?|docs?|papers?|paperwork)\b|\bwhat (?:do|should|must|can) (?:i|we|you) (?:upload|submit|send|provide|prepare|give)\b|\bwhat (?:do|will) (?:they|ircc|canada) (?:ask|want|need|require)\b|\b(?:documents?|docs|paperwork)\b.*\b(?:needed|required|do i need|should i (?:prepare|have|submit))\b/;
const WHEN = /\bbefore or after\b|\bafter or before\b|\bat (?:which|what) (?:step|stage)\b|\bwhen do (?:i|we|you) (?:give|submit|send|upload|provide)\b/;
// Words that name no document: the question's own words, the steps' words and the generic words for documents.
const NOT_THINGS = new Set("a an the my our your their his her any some that this these those it its i me we you they do does need needs to have get give submit provide send upload show present include pass passe take for after before when if with in at of during since or and also still really even so is are be required mandatory needed necessary compulsory obligatory profile application ita invitation invite invited pr rp express entry ee documents document docs doc papers paperwork employers employer".split(" "));
const GENERIC = /^(?:documents?|docs?|papers?|paperwork)$/;

function stepAsked(text: string): Step | undefined {
  if (/\b(?:got|get|received|receive) (?:my |an |the )?(?:ita|invitation)\b|\bafter (?:the |an |my |getting (?:an? |the |my )?|receiving (?:an? |the |my )?|i (?:get|got|receive) (?:an? |the |my )?)?(?:ita|invitation|invite)\b|\b(?:complete|pr|e-?apr|final) application\b|\bafter (?:being |i'?m |i am )?invited\b|\bfor (?:the )?(?:pr|rp)\b/.test(text)) return "application";
  if (/\b(?:for|in|with|on|create|creating|make|making|submit|submitting) (?:my |the |your |a |an )?(?:ee |express entry )?profile\b|\bprofile (?:part|stage|step)\b|\bbefore (?:the |an |my )?(?:ita|invitation|invite)\b/.test(text)) return "profile";
  return undefined;
}

// Words without which a clause asks nothing about documents: the reading below is skipped.
const DOCUMENTS_HINT = /need|requir|have to|has to|mandator|necessar|compulsor|obligator|docu|\bdocs?\b|paper|before or after|after or before|\bstage\b|\bstep\b|\bwant|ask for|\bmust\b|\bupload|\bwhat (?:do|will) (?:they|ircc|canada) ask\b/;

// "do I need a police certificate after the ITA", "is a medical exam mandatory", "what docs for the profile",
// "reference letters: before or after the invitation?".
function documentsAsk(text: string): DocumentsAsk | undefined {
  if (!DOCUMENTS_HINT.test(text)) return undefined;
  const words = (part: string) => part.split(/[^a-z0-9'-]+/).filter((w) => w.length > 1 && !NOT_THINGS.has(w));
  const object = (part: string) => part.split(/\b(?:for|after|before|when|if|even|during|since|because|or|to (?:create|make|submit|apply))\b/)[0] ?? "";
  const step = stepAsked(text);
  const at = (form: DocumentsAsk["form"], thing: string[]): DocumentsAsk => ({ thing, form, ...(step ? { step } : {}) });
  if (WHEN.test(text)) {
    const thing = words(object(text.split(/\bbefore or after\b|\bafter or before\b|\bat (?:which|what) (?:step|stage)\b|\bwhen do\b/)[0] ?? ""));
    return thing.length > 0 ? at("when", thing) : undefined;
  }
  if (WHICH.test(text)) return at("which", []);
  const need = NEED.exec(text) ?? REQUIRED.exec(text);
  if (!need) return undefined;
  const named = object(need[1] ?? "");
  const thing = words(named);
  if (thing.length === 0) return GENERIC.test(named.trim().split(" ").at(-1) ?? "") ? at("which", []) : undefined;
  // "even if I lived there one year": a condition the steps say nothing about.
  return at(/\b(?:even if|even though|only if|unless|except|depends?)\b/.test(text) ? "conditional" : "yes-no", thing);
}

// One word of the question is one of a passage's words when they share their first five letters ("exam", "examination").
const sameWord = (a: string, b: string) => (a.length < 5 || b.length < 5 ? a === b || a.length === 4 && b.startsWith(a) || b.length === 4 && a.startsWith(b) || b === `${a}s` || a === `${b}s` : a.slice(0, 5) === b.slice(0, 5));

interface StepDocuments {
  readonly step: Step;
  /** The sentence of the step that names documents. */
  readonly quote: string;
  readonly source: string;
}

// Read once per knowledge base: a reloaded one is a new key.
const stepDocumentsOf = new WeakMap<SkillContext["knowledge"], StepDocuments[]>();

// The application process's steps as the knowledge base holds them: the first is the profile, the last the
// complete application after an invitation; each step's sentence that names documents.
function stepDocuments(knowledge: SkillContext["knowledge"]): StepDocuments[] {
  let steps = stepDocumentsOf.get(knowledge);
  if (!steps) {
    steps = readStepDocuments(knowledge);
    stepDocumentsOf.set(knowledge, steps);
  }
  return steps;
}

function readStepDocuments(knowledge: SkillContext["knowledge"]): StepDocuments[] {
  const f = knowledge.facts("application-process")[0];
  if (!f || f.steps.length < 2) return [];
  const source = f.sources[0] ?? "";
  return f.steps.flatMap((text, i) => {
    const step: Step | undefined = i === 0 ? "profile" : i === f.steps.length - 1 ? "application" : undefined;
    // The sentence that lists them ("consist of", "such as") before one that only names them.
    const sentences = text.split(/(?<=\.)\s+(?=[A-Z])/).filter((sentence) => /\bdocument/i.test(sentence));
    const quote = sentences.find((sentence) => /\b(?:consists?|includes?|such as)\b/i.test(sentence)) ?? sentences[0];
    return step && quote ? [{ step, quote, source }] : [];
  });
}

// The step whose documents hold the thing: its first word (the head of "reference letters of my employers") and
// at least two of its words, or its only one.
function documentsFor(knowledge: SkillContext["knowledge"], thing: readonly string[]): StepDocuments | undefined {
  return stepDocuments(knowledge).find((d) => {
    const words = d.quote.toLowerCase().split(/[^a-z]+/);
    const held = thing.filter((t) => words.some((w) => sameWord(t, w)));
    return thing[0] !== undefined && (held.includes(thing[0]) || held.length >= 2) && held.length >= Math.min(2, thing.length);
  });
}

// Topics whose question must name category-based selection: "do I need to qualify for FSW" alone is not about categories.
const CATEGORY_TOPICS = new Set(["category-needs-program", "category-any-program"]);

/** The rule of selection a clause asks about, where the knowledge base states it. */
function ruleAsked(clause: Clause, context: SkillContext): RuleAsk | undefined {
  const { knowledge } = context;
  const asked = knowledge.lexicon.rulesAsked(clause.text);
  if (asked.length === 0) return undefined;
  const aboutCategories = has(clause, "categoryWord") || clause.categories.some((c) => knowledge.entry(c)?.kind === "category");
  const stated = new Set(knowledge.facts("rule").map((f) => f.topic));
  for (const a of asked) {
    // "in a PNP draw who gets invited": who a program's rounds invite is what the kinds of rounds say, not the ranking.
    if (a.topic === "ranked-by-crs" && /\bwho\b/.test(clause.text) && clause.categories.some((c) => knowledge.entry(c)?.kind === "program")) continue;
    // "in category draws, still by CRS?": the category rounds' own sentence where there is one.
    const topic = a.topic === "ranked-by-crs" && aboutCategories && stated.has("category-ranked-by-crs") ? "category-ranked-by-crs" : a.topic;
    if (!stated.has(topic as RuleTopic) || (CATEGORY_TOPICS.has(topic) && !aboutCategories)) continue;
    // "so category draws don't care about CRS anymore": no question word is a yes/no question too.
    const yesNo = !a.open && yesNoLike(clause);
    return { topic: topic as RuleTopic, denies: a.denies, yesNo };
  }
  return undefined;
}

function unknown(context: SkillContext, text: string): SkillAnswer {
  return { reply: makeReply(context.knowledge, "process", { title: metaMessages().process.unknownTitle, text }) };
}

/** How Express Entry works, as the articles state it: applying, the schedule, kinds of rounds, programs; else the closest passage. */
export const processSkill: Skill<ProcessParams> = {
  id: "process",
  summary: "how Express Entry works, as my articles state it: applying, the schedule, kinds of rounds, programs",
  requires: [],
  optional: [],
  match(clause, context): Match<ProcessParams> | null {
    if (clause.codes.length > 0 || clause.rounds.length > 0) return null;
    // A document the articles list for a step of applying; a question the steps cannot answer goes on as before.
    // "medical exam too?" right after a documents answer: that document, asked the same way.
    const again = context.slots.skill === "process" && context.slots.aspect === "documents" && clause.text.split(" ").length <= 6 ? documentsAsk(`do i need ${clause.text.replace(/^(?:and|what about|how about|also)\s+/, "").replace(/\s+(?:too|also|as well)$/, "")}`) : undefined;
    // "get my degree evaluated" in the articles' words ("educational credentials"), else as written.
    const worded = DOCUMENTS_HINT.test(clause.text) ? context.knowledge.lexicon.forPassages(clause.text) : clause.text;
    const inTheirWords = worded !== clause.text ? documentsAsk(worded) : undefined;
    const answerable = (d: DocumentsAsk) => (d.form === "which" ? stepDocuments(context.knowledge).length > 0 : documentsFor(context.knowledge, d.thing) !== undefined);
    const theirs = inTheirWords !== undefined && answerable(inTheirWords);
    const documents = again ?? (theirs ? inTheirWords : documentsAsk(clause.text));
    if (documents && (documents === inTheirWords && theirs || answerable(documents))) {
      return { score: documents.form === "which" ? 0.91 : 0.93, params: { topic: "documents", documents } };
    }
    const rule = ruleAsked(clause, context);
    if (rule) return { score: 0.92, params: { topic: "rule", rule } };
    if (has(clause, "roundKinds")) return { score: 0.85, params: { topic: "round-kinds" } };
    if (has(clause, "schedule") && !has(clause, "predict") && !/\b(?:was|were|did|happened)\b/.test(clause.text)) return { score: 0.8, params: { topic: "schedule", ...(has(clause, "yesNo") ? { yesNo: true } : {}) } };
    if (has(clause, "programsQ")) return { score: 0.82, params: { topic: "programs" } };
    // "how do they rank people in the pool": how selection works is told in the articles' words.
    if (has(clause, "rankingQ")) return { score: 0.88, params: { topic: "passage", query: clause.text } };
    if (SKIP_STEP.test(clause.text) && /\b(?:can|could|may|is it possible|possible)\b/.test(clause.text) && /\b(?:application|apply|ita|invitation|profile|pr)\b/.test(clause.text) && !has(clause, "cutoff") && context.knowledge.facts("application-process").length > 0) {
      return { score: 0.9, params: { topic: "apply", skipStep: true } };
    }
    // "I got an ITA, what now?" is about the process even though it names an invitation.
    if (has(clause, "apply") && !has(clause, "cutoff")) return { score: /\b(?:what now|next steps?|after (?:an? |the |i (?:get|got) (?:an )?)?ita|got an ita)\b/.test(clause.text) ? 0.9 : 0.75, params: { topic: "apply" } };
    // Passages are searched only when nothing else answers (the robot's fallback): the search is the costly part.
    return null;
  },
  answer(params, context) {
    const { knowledge } = context;
    const m = metaMessages().process;
    // A round type's name in the answer's language: IRCC's French name in French.
    const named = (t: { id: string; name: string }) => (lang() === "fr" ? (knowledge.entry(t.id)?.nameFr ?? t.name) : t.name);
    switch (params.topic) {
      case "apply": {
        const f = knowledge.facts("application-process")[0];
        if (!f) return unknown(context, m.unknownApply);
        return { reply: makeReply(knowledge, "process", { title: m.applyTitle, text: `${params.skipStep ? m.stepsInOrder : ""}${m.applySteps(f.steps.length, f.ranking)}`, list: f.steps.map((s, i) => m.step(i + 1, s)), asOf: f.asOf, sources: f.sources }) };
      }
      case "schedule": {
        const f = knowledge.facts("schedule")[0];
        const latest = knowledge.latestDraw();
        if (!f) return unknown(context, m.unknownSchedule);
        const text = m.schedule(f.fixed, f.quotes[0]?.text ?? "", latest ? roundName(knowledge, latest) : null, params.yesNo === true);
        return { reply: makeReply(knowledge, "process", { title: m.scheduleTitle, text, asOf: f.asOf, sources: [...f.sources, ...(latest?.sources ?? [])] }) };
      }
      case "round-kinds": {
        const kinds = knowledge.roundTypes().filter((t) => knowledge.drawsOf([t.id]).length > 0);
        const byKind = (k: string) => kinds.filter((t) => t.kind === k).map((t) => m.kindCount(named(t), knowledge.drawsOf([t.id]).length));
        const feed = knowledge.draws.flatMap((d) => d.sources).filter((s) => knowledge.sources.get(s)?.kind === "official");
        // "general, program-specific or category-based": the names people meet in the articles, said beside ours.
        const namedKinds = knowledge.facts("round-kinds")[0];
        const article = namedKinds?.sources[0];
        return {
          reply: makeReply(knowledge, "process", {
            title: m.kindsTitle,
            text: namedKinds && article ? `${m.kinds} ${m.kindsNamed(cite(knowledge, article), namedKinds.kinds.map((k) => k.name))}` : m.kinds,
            list: [m.allPrograms(byKind("all")), m.programRounds(byKind("program")), m.categoryRounds(byKind("category"))],
            sources: [...[...new Set(feed)].slice(0, 1), ...(namedKinds?.sources ?? [])],
          }),
        };
      }
      case "programs": {
        const programs = knowledge.roundTypes().filter((t) => t.kind === "program");
        const f = [...knowledge.facts("programs")].sort((a, b) => b.sources.length - a.sources.length)[0];
        return {
          reply: makeReply(knowledge, "process", {
            title: m.programsTitle,
            text: m.programs(programs.length),
            list: programs.map((p) => m.program({ label: knowledge.label(p.id), name: named(p) })),
            sources: f?.sources ?? [],
          }),
        };
      }
      case "documents": {
        const ask = params.documents;
        const steps = stepDocuments(knowledge);
        const found = ask && ask.form !== "which" ? documentsFor(knowledge, ask.thing) : undefined;
        const shown = ask?.form === "which" ? steps.filter((d) => !ask.step || d.step === ask.step) : found ? [found] : [];
        const first = shown[0];
        if (!ask || !first) return unknown(context, m.unknownThat);
        const citation = cite(knowledge, first.source);
        // "medical exam too?" next: another document of the same question.
        const reply = (text: string, list: string[] = []) => ({ reply: makeReply(knowledge, "process", { title: m.documentsTitle, text, list, sources: [first.source] }), slots: { skill: "process", aspect: "documents" } });
        if (ask.form === "which") return shown.length === 1 ? reply(m.documentsWhen(m.documentsStep(first.step), citation, first.quote)) : reply(m.documentsWhich(citation), shown.map((d) => m.documentsItem(m.documentsStep(d.step), d.quote)));
        if (ask.form === "when") return reply(m.documentsWhen(m.documentsStep(first.step), citation, first.quote));
        if (ask.form === "conditional") return reply(m.documentsCondition(m.documentsStep(first.step), citation, first.quote));
        return reply(!ask.step || ask.step === first.step ? m.documentsYes(m.documentsStep(first.step), citation, first.quote) : m.documentsOther(m.documentsStep(ask.step), m.documentsStep(first.step), citation, first.quote));
      }
      case "rule": {
        const asked = params.rule;
        const f = asked ? knowledge.facts("rule").find((r) => r.topic === asked.topic) : undefined;
        if (!asked || !f) return unknown(context, m.unknownThat);
        // The rule's own sentence first (a general ranking rule before its category case), one a source.
        const aside = (q: { text: string }) => Number(asked.topic === "ranked-by-crs" && /categor/i.test(q.text));
        const ranked = [...f.quotes].sort((a, b) => aside(a) - aside(b));
        const quotes = ranked.filter((q, i) => ranked.findIndex((o) => o.source === q.source) === i).slice(0, 2);
        const lead = asked.yesNo && !f.hedged ? !asked.denies : null;
        return {
          reply: makeReply(knowledge, "process", { title: m.ruleTitle, text: m.rule(lead, quotes.map((q) => ({ citation: cite(knowledge, q.source), text: q.text }))), asOf: f.asOf, sources: quotes.map((q) => q.source) }),
          slots: { skill: "process" },
        };
      }
      case "passage": {
        // The robot hands over the query in the articles' words; a query from elsewhere is put in them here.
        const hit = knowledge.search.passagesLike(knowledge.lexicon.forPassages(params.query ?? ""), 1)[0];
        if (!hit) return unknown(context, m.unknownThat);
        return { reply: makeReply(knowledge, "process", { title: m.passageTitle, text: m.passage(cite(knowledge, hit.item.source), hit.item.text), sources: [hit.item.source] }) };
      }
    }
  },
  examples: (knowledge) => [...(knowledge.facts("application-process").length > 0 ? metaMessages().process.examplesWithApply : metaMessages().process.examples)],
};
