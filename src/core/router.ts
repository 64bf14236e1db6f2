import type { Term } from "../kb/schema.js";
import {
  answerCompare,
  answerDraw,
  answerDrawOnDate,
  answerExtreme,
  answerLatestDraw,
  answerScoreCheck,
} from "./answers/draws.js";
import {
  answerApply,
  answerEligibility,
  answerGlossary,
  answerPassage,
  answerPoolSize,
  answerPrograms,
  answerRoundKinds,
  answerSchedule,
  answerTieBreak,
  answerYearCategories,
  answerYearInvitations,
} from "./answers/facts.js";
import { answerGreeting, answerHelp, answerSources, answerThanks, answerEmpty, answerFallback } from "./answers/meta.js";
import { answerCategoryCount, answerCategoryList, answerOccupation, resolveOccupation } from "./answers/occupations.js";
import { ConversationMemory, DEFAULT_CONTEXT_LIMITS, type ContextLimits, type Turn } from "./context.js";
import { extractEntities, type Entities } from "./entities.js";
import type { Knowledge } from "./knowledge.js";
import { MESSAGES } from "./messages.js";
import { makeReply, type AnswerInput } from "./reply.js";
import type { Intent, Message, Reply } from "./types.js";

/** Options of the router. */
export interface RouterOptions {
  /** Messages longer than this are answered from their first part (characters). */
  readonly maxInputLength?: number;
  /** At most this many questions of one message are answered. */
  readonly maxQuestions?: number;
  readonly context?: ContextLimits;
  readonly now?: () => number;
  /** Called with any error an answer raised; the user gets a polite reply either way. */
  readonly onError?: (error: unknown, message: Message) => void;
}

/** Default cap on the length of a message the router reads. */
export const DEFAULT_MAX_INPUT = 2000;


const CUE = {
  sources: /^(?:sources?|where does (?:this|that|it) come from|where(?:'s| is| did) (?:this|that|it)(?: come)? from|how do you know(?: that| this)?|citations?|references?|what are your sources|show (?:me )?(?:the )?sources)$/,
  greeting: /^(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|bonjour|salut|greetings)(?: there)?(?: ee-?bot| bot)?$/,
  thanks: /^(?:thanks|thank you|thx|ty|merci|cheers|great thanks|ok thanks)(?: (?:a lot|so much|very much))?$/,
  help: /\bhelp\b|what can you (?:do|answer|tell)|what do you know|how do (?:i|you) use|\bcommands\b|what can i ask|^examples?$/,
  score: /\b(?:would|will|could|can|do|did|am) i\b|\bmy (?:crs|score)\b|\bi (?:have|got|scored|am at)\b|\binvited\b|\benough\b|\bchances?\b|\bqualify\b|\bmake (?:it|the cut)/,
  tieBreak: /\btie-?\s?br(?:ea|a|e)k|\btiebreak|\btie breaking\b/,
  compare: /\bcompare|\bcomparison\b|\bdifference\b|how much (?:lower|higher|less|more)|\b(?:lower|higher) than\b|\bvs\.?\b|\bversus\b/,
  pool: /\bpool\b|\bprofiles\b|how many (?:people|candidates) (?:are )?(?:in|waiting)/,
  apply: /how (?:do|can|should|would) (?:i|we|you|one) apply|how to apply|application process|steps to apply|\bapply for (?:express entry|pr|permanent)|how does (?:it|express entry) work|two-?\s?step/,
  schedule: /\bschedule\b|\bnext (?:cut-?off|cutoff|crs|score)|\bpredict|\bforecast|\bnext (?:draw|round)\b|when (?:is|will|are|does) (?:the )?(?:next |new )?(?:draw|round)|how often|\bfrequency\b|when do (?:draws|rounds)/,
  roundKinds: /\b(?:types?|kinds?|sorts?) of (?:draws?|rounds?)|what (?:draws|rounds) are there|different (?:draws|rounds)/,
  count: /how many (?:occupations|jobs|codes|nocs?|noc codes|professions)|number of (?:occupations|jobs|codes)|\bcount of\b/,
  latest: /\b(?:last|latest|recent|newest|current|previous|most recent|today'?s|yesterday'?s)\b/,
  categories: /\bcategor(?:y|ies)\b/,
  programs: /\b(?:which|what) programs?\b|\bprograms? (?:are|do|must|should)\b|\beligible programs?\b|\b(?:fsw|cec|fst)\b|federal skilled|canadian experience class/,
  eligibility: /\beligib|\brequirements?\b|\bqualify\b|\bconditions?\b|work experience|how (?:long|much experience)|\bwho can\b/,
  occupation: /\b(?:noc|teer|code|eligible|eligibility|qualify|qualifies|count|counts|included|job|occupation|profession|work as|working as|am i|is a|is an|are \w+s)\b/,
  membershipQuestion: /^(?:is|are|am|can|does|do|would|could)\b/,
  conditionWords: /\b(?:experience|months?|years?|requirements?|conditions?|language|score|points|crs|draws?|rounds?|invited|cut-?off|program|express|entry)\b/,
  lookup: /\bnoc\b.*\b(?:for|of)\b|\bnoc code\b|\bteer (?:of|for|level)\b/,
  cutoff: /\bcut-?off|\bcutoff|\bcrs\b|\bscores?\b|\bdraws?\b|\brounds?\b|\bresults?\b|\bitas?\b/,
  define: /^(?:what|whats|what's)\s+(?:is|are|does|do|s)\b|\bdefine\b|\bdefinition\b|\bmeaning\b|stands? for|\bexplain\b|\bmeans?\b|^(?:who|what) is\b/,
  followUp: /^(?:and|what about|how about|also|same for|and for|what of|ok and|then|and what about|and the)\b/,
};

// The words that name the term in a question: "define invitation to aply" → "invitation to aply".
function termQuery(text: string): string {
  return text
    .replace(/[?!.]+$/, "")
    .replace(/^(?:(?:what|whats|what's)\s+(?:is|are|does|do|s)|define|explain|meaning of|definition of|who is)\s+/, "")
    .replace(/^(?:the|a|an)\s+/, "")
    .replace(/\s+(?:mean|means|stand for|stands for|meaning|definition)$/, "")
    .trim();
}

// Word sequences ("lowest ... cut-off") are checked word group by word group, each regular expression scanning
// the text once: no pattern nests a wildcard inside a wildcard, so no input can make matching blow up.
function inOrder(t: string, ...groups: readonly RegExp[]): boolean {
  let from = 0;
  for (const g of groups) {
    const m = g.exec(t.slice(from));
    if (!m) return false;
    from += m.index + m[0].length;
  }
  return true;
}

const EXTREME_WORD = /\b(?:lowest|highest|minimum|maximum|smallest|biggest|largest|fewest|most(?! recent))\b/;
const EXTREME_WHAT = /\b(?:cut-?off|cutoff|crs|score|draws?|rounds?|invitations|itas?)\b/;
const CUTOFF_WORD = /\b(?:cut-?off|cutoff|crs|score)\b/;
const HIGH_LOW = /\b(?:lowest|highest)\b/;
const HOW_MANY = /(?:how many|total|number of|sum of)\b/;
const INVITATION_WORD = /\b(?:itas?|invitations)\b/;
const YEAR_WORD = /\b(?:this year|so far|in (?:19|20)\d\d|year|issued|total|altogether)\b/;
const THIS_YEAR = /\b(?:this year|so far)\b/;
const LIST_NOUN = /\b(?:occupations|jobs|nocs|noc codes|professions)\b/;

function isExtreme(t: string): boolean {
  return inOrder(t, EXTREME_WORD, EXTREME_WHAT) || inOrder(t, CUTOFF_WORD, HIGH_LOW) || /\blowest ever\b|\brecord (?:low|high)\b/.test(t);
}

function isYearInvitations(t: string): boolean {
  return inOrder(t, HOW_MANY, INVITATION_WORD, YEAR_WORD) || inOrder(t, INVITATION_WORD, THIS_YEAR);
}

// "list the STEM occupations", "which jobs are in STEM"; not "what occupation is a data scientist".
function isList(t: string): boolean {
  if (/\blist\b|\boccupations list\b/.test(t) || inOrder(t, /\bshow\b/, /\b(?:occupations|jobs|codes)\b/)) return true;
  const noun = LIST_NOUN.exec(t);
  return noun !== null && /\b(?:which|what|all)\b/.test(t.slice(0, noun.index)) && !/\b(?:is|am)\b/.test(t.slice(noun.index));
}

function termIn(knowledge: Knowledge, e: Entities): Term | undefined {
  const named = knowledge.search.termNamedIn(e.text);
  if (named) return named;
  const q = termQuery(e.text);
  if (q.length < 2) return undefined;
  const hit = knowledge.search.termsLike(q)[0];
  return hit && hit.score <= knowledge.search.tuning.termAccept ? hit.item : undefined;
}

function occupationFound(knowledge: Knowledge, e: Entities): boolean {
  if (e.codes.length > 0) return true;
  if (e.phrase.replace(/[^a-z]/g, "").length < 3) return false;
  return resolveOccupation(knowledge, [], e.phrase).kind === "code";
}

const STOPWORDS = new Set(
  "a an the is are was were be been do does did have has had must need what whats what's which who how why when where can could would will should i me my we you it its this that of to in on at for with about and or but if so any there their they them say said tell".split(" "),
);

// At most a dozen distinct words: enough to find a passage, and a long message costs no more than a short one.
function contentWords(text: string): string[] {
  return [...new Set(text.split(/[^a-z0-9'-]+/).filter((w) => w.length > 2 && !STOPWORDS.has(w)))].slice(0, 12);
}

type Detected = { intent: Intent; term?: Term; passage?: { source: string; text: string } };

/** Picks the intent of one question from its entities; the order of the checks is the precedence. */
export function detectIntent(knowledge: Knowledge, e: Entities): Detected {
  const t = e.text.replace(/[?!.]+$/, "").trim();
  if (t === "") return { intent: "help" };
  if (CUE.sources.test(t)) return { intent: "sources" };
  if (CUE.greeting.test(t)) return { intent: "greeting" };
  if (CUE.thanks.test(t)) return { intent: "thanks" };
  if (CUE.help.test(t)) return { intent: "help" };
  if (e.scores.length > 0 && (CUE.score.test(t) || /\bpoints?\b|\bcrs\b/.test(t)) && e.codes.length === 0) return { intent: "score-check" };
  if (CUE.tieBreak.test(t)) return { intent: "tie-break" };
  if (CUE.compare.test(t)) return { intent: "compare-draws" };
  if (isExtreme(t)) return { intent: "extreme-draw" };
  if (CUE.pool.test(t)) return { intent: "pool-size" };
  if (isYearInvitations(t) && e.rounds.length === 0) return { intent: "year-invitations" };
  if (CUE.apply.test(t)) return { intent: "apply" };
  if (CUE.schedule.test(t)) return { intent: "schedule" };
  if (CUE.roundKinds.test(t)) return { intent: "round-kinds" };
  if (CUE.count.test(t) && e.codes.length === 0) return { intent: "category-count" };
  if (isList(t) && e.codes.length === 0 && !occupationFound(knowledge, e)) return { intent: "category-list" };
  if (e.codes.length > 0) return { intent: "occupation" };
  if (CUE.lookup.test(t) && e.phrase.length >= 3 && e.rounds.length === 0) return { intent: "occupation" };
  if (e.rounds.length > 0) return { intent: "draw" };
  if (e.dates.length > 0) return { intent: "draw-on-date" };
  if (CUE.latest.test(t) && !CUE.categories.test(t)) return { intent: "latest-draw" };
  const term = termIn(knowledge, e);
  if (term && CUE.define.test(t) && e.codes.length === 0 && !occupationFound(knowledge, e)) return { intent: "glossary", term };
  if (CUE.programs.test(t) && !occupationFound(knowledge, e)) return { intent: "programs" };
  // "is a unicorn eligible for stem": a yes/no question about something that is no occupation gets told so.
  if (CUE.membershipQuestion.test(t) && e.categories.length > 0 && e.phrase.length >= 3 && !CUE.conditionWords.test(e.phrase)) return { intent: "occupation" };
  if (CUE.eligibility.test(t) && !occupationFound(knowledge, e)) return { intent: "eligibility" };
  if (CUE.categories.test(t) && !occupationFound(knowledge, e)) return { intent: "year-categories" };
  const occupation = occupationFound(knowledge, e) && (CUE.occupation.test(t) || e.categories.length > 0);
  if (occupation) return { intent: "occupation" };
  if (term && t.split(" ").length <= 3) return { intent: "glossary", term };
  if (CUE.cutoff.test(t) && !CUE.define.test(t)) return { intent: "latest-draw" };
  const words = contentWords(t);
  if (words.length >= 2) {
    const hit = knowledge.search.passagesLike(words.join(" "))[0];
    if (hit && hit.score <= knowledge.search.tuning.passageAccept) return { intent: "passage", passage: hit.item };
  }
  if (term) {
    // Only the term itself, or the term and a word asking what it means: "crs meaning", "ita abbreviation".
    const named = [term.term, term.expansion ?? "", ...term.aliases].join(" ").toLowerCase();
    const rest = words.filter((w) => !named.includes(w) && !/^(?:mean|meaning|means|stand|stands|define|definition|explain|abbreviation|acronym)$/.test(w));
    if (rest.length === 0) return { intent: "glossary", term };
  }
  return { intent: "fallback" };
}

// A short follow-up ("and 21232?", "what about healthcare?") borrows what it does not say from the previous turn.
function followUp(e: Entities, detected: Detected, previous: Turn | undefined): { entities: Entities; intent: Intent } | null {
  if (!previous) return null;
  const t = e.text.replace(/[?!.]+$/, "").trim();
  const short = t.split(" ").length <= 6;
  const marked = CUE.followUp.test(t);
  const bare = e.codes.length + e.rounds.length + e.categories.length + e.bareNumbers.length + e.scores.length > 0;
  if (!short || !(marked || bare)) return null;
  // "what about STEM?" reads as the glossary entry for STEM on its own; after another question it is a follow-up.
  const weak = detected.intent === "fallback" || detected.intent === "passage" || (detected.intent === "glossary" && e.categories.length + e.codes.length > 0);
  if (!weak && !(marked && detected.intent === previous.intent)) return null;
  const p = previous.entities;
  const intent = previous.intent;
  if (["greeting", "help", "thanks", "sources", "fallback", "multiple"].includes(intent)) return null;
  const numbers = e.bareNumbers;
  const merged: Entities = {
    text: `${e.text} ${p.text}`,
    codes: e.codes.length > 0 ? e.codes : e.phrase && intent === "occupation" && e.categories.length === 0 ? [] : p.codes,
    rounds: e.rounds.length > 0 ? e.rounds : intent === "draw" && numbers.length > 0 ? numbers : p.rounds,
    dates: e.dates.length > 0 ? e.dates : p.dates,
    categories: e.categories.length > 0 ? e.categories : p.categories,
    scores: e.scores.length > 0 ? e.scores : intent === "score-check" && numbers.length > 0 ? numbers : p.scores,
    bareNumbers: numbers,
    phrase: e.phrase || (e.codes.length > 0 ? "" : p.phrase),
  };
  if (intent === "draw-on-date" && e.rounds.length > 0) return { entities: merged, intent: "draw" };
  return { entities: merged, intent };
}

function answer(input: AnswerInput, detected: Detected): Reply {
  switch (detected.intent) {
    case "greeting":
      return answerGreeting(input);
    case "help":
      return input.entities.text.trim() === "" ? answerEmpty(input) : answerHelp(input);
    case "thanks":
      return answerThanks(input);
    case "sources":
      return answerSources(input);
    case "occupation":
      return answerOccupation(input);
    case "category-list":
      return answerCategoryList(input);
    case "category-count":
      return answerCategoryCount(input);
    case "latest-draw":
      return answerLatestDraw(input);
    case "draw":
      return answerDraw(input);
    case "draw-on-date":
      return answerDrawOnDate(input);
    case "extreme-draw":
      return answerExtreme(input);
    case "compare-draws":
      return answerCompare(input);
    case "score-check":
      return answerScoreCheck(input);
    case "tie-break":
      return answerTieBreak(input);
    case "pool-size":
      return answerPoolSize(input);
    case "year-invitations":
      return answerYearInvitations(input);
    case "year-categories":
      return answerYearCategories(input);
    case "eligibility":
      return answerEligibility(input);
    case "programs":
      return answerPrograms(input);
    case "round-kinds":
      return answerRoundKinds(input);
    case "schedule":
      return answerSchedule(input);
    case "apply":
      return answerApply(input);
    case "glossary":
      return detected.term ? answerGlossary(input, detected.term) : answerFallback(input);
    case "passage":
      return detected.passage ? answerPassage(input, detected.passage) : answerFallback(input);
    case "fallback":
    case "multiple":
      return answerFallback(input);
  }
}

/** Splits a message holding several questions: "is 21231 STEM? and what was the last cut-off?". */
export function splitQuestions(text: string): string[] {
  return text
    .split(/\?+\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[^\p{L}\p{N}]/gu, "").length > 0);
}

/** Routes messages to answers: entities first, then the intent, then the answer; keeps conversation context. */
export class Router {
  private readonly memory: ConversationMemory;
  private readonly maxInput: number;
  private readonly maxQuestions: number;

  constructor(
    private readonly knowledge: () => Knowledge,
    private readonly options: RouterOptions = {},
  ) {
    this.memory = new ConversationMemory(options.context ?? DEFAULT_CONTEXT_LIMITS, options.now);
    this.maxInput = options.maxInputLength ?? DEFAULT_MAX_INPUT;
    this.maxQuestions = options.maxQuestions ?? 3;
  }

  /** How many conversations are remembered now. */
  get conversations(): number {
    return this.memory.size;
  }

  /** Answers one message; never throws. */
  handle(message: Message): Reply {
    const knowledge = this.knowledge();
    const key = `${message.platform}:${message.conversation}`;
    const truncated = message.text.length > this.maxInput;
    const text = truncated ? message.text.slice(0, this.maxInput) : message.text;
    const questions = splitQuestions(text).slice(0, this.maxQuestions + 1);
    const replies: Reply[] = [];
    for (const q of (questions.length > 0 ? questions : [""]).slice(0, this.maxQuestions)) {
      replies.push(this.answerOne(knowledge, key, q, message));
    }
    let reply = replies.length === 1 && replies[0] ? replies[0] : combine(replies, questions.length > this.maxQuestions);
    if (truncated) reply = { ...reply, text: `${reply.text}\n${MESSAGES.truncated(this.maxInput)}` };
    return reply;
  }

  private answerOne(knowledge: Knowledge, key: string, question: string, message: Message): Reply {
    const previous = this.memory.get(key);
    try {
      let entities = extractEntities(question);
      let detected = detectIntent(knowledge, entities);
      const follow = followUp(entities, detected, previous);
      if (follow) {
        entities = follow.entities;
        detected = detectIntentFor(knowledge, follow.intent, entities);
      }
      const reply = answer({ knowledge, entities, previous: previous?.sourced ?? previous?.reply }, detected);
      if (reply.intent !== "sources") {
        this.memory.set(key, { intent: reply.intent, entities, reply, sourced: reply.sources.length > 0 ? reply : previous?.sourced });
      }
      return reply;
    } catch (error) {
      this.options.onError?.(error, message);
      return makeReply(knowledge, "fallback", { text: MESSAGES.internalError, title: "Sorry", suggestions: ["help"] });
    }
  }
}

// A follow-up keeps the previous intent, unless what it borrowed no longer resolves.
function detectIntentFor(knowledge: Knowledge, intent: Intent, e: Entities): Detected {
  if (intent === "glossary") {
    const term = termIn(knowledge, e);
    return term ? { intent, term } : { intent: "fallback" };
  }
  if (intent === "occupation" && e.codes.length === 0 && resolveOccupation(knowledge, [], e.phrase).kind === "none") return { intent: "fallback" };
  return { intent };
}

function combine(replies: readonly Reply[], more: boolean): Reply {
  const text = replies
    .map((r) => [r.text, ...r.list.map((l) => `  - ${l}`)].join("\n"))
    .join("\n\n");
  const seen = new Set<string>();
  const sources = replies.flatMap((r) => r.sources).filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
  return {
    intent: "multiple",
    title: replies.map((r) => r.title).join(" · ").slice(0, 200),
    text: more ? `${text}\n\n(I answered the first ${replies.length} questions; ask the others separately.)` : text,
    fields: replies.flatMap((r) => r.fields).slice(0, 12),
    list: [],
    asOf: replies.map((r) => r.asOf).filter((x): x is string => x !== null).sort().at(-1) ?? null,
    sources,
    suggestions: [...new Set(replies.flatMap((r) => r.suggestions))].slice(0, 3),
    userError: replies.every((r) => r.userError),
  };
}
