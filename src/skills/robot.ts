import { LRUCache } from "lru-cache";
import type { Knowledge } from "../core/knowledge.js";
import { coreMessages } from "../core/messages.js";
import { combineReplies, errorReply, makeReply } from "../core/reply.js";
import * as z from "zod";
import { ReplySchema, type Message, type Reply } from "../core/types.js";
import { inLanguage, lang as currentLang, langOfLocale, type Lang } from "../messages/lang.js";
import { detectLanguage } from "../nlu/language.js";
import { DEFAULT_MAX_INPUT, parse } from "../nlu/parse.js";
import type { Clause, Question } from "../nlu/question.js";
import { defaultRegistry, MIN_SCORE, type SkillRegistry } from "./registry.js";
import { examplesOf } from "./examples.js";
import { SlotsSchema, type OptionValues, type Skill, type SkillAnswer, type SkillContext, type Slots } from "./types.js";

/** Bounds of the conversation memory. */
export interface ContextLimits {
  /** Conversations remembered at most; the least recently used is forgotten first. */
  readonly maxConversations: number;
  /** How long a conversation is remembered after its last message. */
  readonly ttlMs: number;
}

/** Default bounds: ten thousand conversations, thirty minutes each. */
export const DEFAULT_CONTEXT_LIMITS: ContextLimits = { maxConversations: 10_000, ttlMs: 30 * 60 * 1000 };

/** What a conversation keeps between messages: typed slots and the last reply that cited sources. */
export const ConversationStateSchema = z.object({
  slots: SlotsSchema,
  /** The last reply that cited sources, for "where does that come from". */
  lastSourced: ReplySchema.optional(),
});
/** What a conversation keeps between messages. */
export interface ConversationState {
  readonly slots: Slots;
  readonly lastSourced: Reply | undefined;
}

/** A conversation with nothing remembered yet. */
export const EMPTY_CONVERSATION: ConversationState = { slots: {}, lastSourced: undefined };

/** The key a conversation is remembered under: its platform and the adapter's conversation id. */
export function conversationKey(message: Pick<Message, "platform" | "conversation">): string {
  return `${message.platform}:${message.conversation}`;
}

/** Where conversation state lives between messages: this process, or a server that several processes share. */
export interface ConversationStore {
  get(key: string): Promise<ConversationState | undefined>;
  set(key: string, state: ConversationState): Promise<void>;
}

/** Conversation state in process memory, bounded by count and time; also read and written synchronously by the robot. */
export class MemoryConversations implements ConversationStore {
  private readonly cache: LRUCache<string, ConversationState>;

  constructor(limits: ContextLimits = DEFAULT_CONTEXT_LIMITS) {
    this.cache = new LRUCache({ max: limits.maxConversations, ttl: limits.ttlMs, updateAgeOnGet: false });
  }

  /** The state of a conversation, at once. */
  read(key: string): ConversationState | undefined {
    return this.cache.get(key);
  }

  /** Remembers a conversation's state, at once. */
  write(key: string, state: ConversationState): void {
    this.cache.set(key, state);
  }

  async get(key: string): Promise<ConversationState | undefined> {
    return this.read(key);
  }

  async set(key: string, state: ConversationState): Promise<void> {
    this.write(key, state);
  }

  /** Conversations remembered now. */
  get size(): number {
    return this.cache.size;
  }
}

/** A message answered from a conversation's state: the reply, the state after it, and how each question was understood. */
export interface Turn {
  readonly reply: Reply;
  readonly state: ConversationState;
  readonly understood: Understanding[];
}

/** Options of the robot. */
export interface RobotOptions {
  readonly maxInputLength?: number;
  readonly context?: ContextLimits;
  /** The memory of the synchronous methods (handle, command, answerWith); the *Turn methods take the state given. */
  readonly conversations?: MemoryConversations;
  readonly registry?: SkillRegistry;
  readonly now?: () => Date;
  /** Called with any error a skill raised; the user gets a polite reply either way. */
  readonly onError?: (error: unknown, where: { skill: string; platform: string }) => void;
}

/** How a clause was understood: the skill chosen and its score, for tests and `--json`. */
export interface Understanding {
  readonly skill: string;
  readonly score: number;
  readonly params: unknown;
}

// A clause that asks something: a question word, or a code, round or category to answer about ("my NOC na 72106, e dey for trade category").
function asksSomething(clause: Clause): boolean {
  return clause.cues.includes("asking") || clause.cues.includes("define") || clause.raw.includes("?") || clause.codes.length > 0 || clause.rounds.length > 0 || clause.categories.length > 0;
}

/** Parse → skill → answer, with typed conversation state: the one place messages are routed. */
export class Robot {
  readonly registry: SkillRegistry;
  private readonly conversations: MemoryConversations;
  private readonly maxInput: number;
  private readonly now: () => Date;

  constructor(
    private readonly knowledge: () => Knowledge,
    private readonly options: RobotOptions = {},
  ) {
    this.registry = options.registry ?? defaultRegistry();
    this.conversations = options.conversations ?? new MemoryConversations(options.context);
    this.maxInput = options.maxInputLength ?? DEFAULT_MAX_INPUT;
    this.now = options.now ?? (() => new Date());
  }

  /** Conversations the synchronous methods remember now. */
  get conversationCount(): number {
    return this.conversations.size;
  }

  /** Parses a message as the robot would, in the language given (else the one its text is written in). */
  parse(text: string, lang?: Lang): Question {
    const lexicon = this.knowledge().lexicon;
    return parse(text, lexicon, { now: this.now(), maxInput: this.maxInput, lang: lang ?? detectLanguage(text, lexicon.french) ?? "en" });
  }

  /**
   * The language of a message: the user's explicit choice (the message's own, then the conversation's), else the
   * language its text is written in, else the platform's locale, else the conversation's last language, else English.
   * Short messages such as "21231 ?" tell nothing and follow the conversation.
   */
  languageOf(message: Message, slots: Slots): { reply: Lang; text: Lang } {
    const detected = detectLanguage(message.text, this.knowledge().lexicon.french);
    const fallback = langOfLocale(message.locale) ?? slots.lang ?? "en";
    const reply = message.lang ?? slots.langChoice ?? detected ?? fallback;
    return { reply, text: detected ?? reply };
  }

  /** Answers a message; every question of it in order. */
  handle(message: Message): Reply {
    return this.handleWithUnderstanding(message).reply;
  }

  /** Answers a message and says how each question was understood, remembering the conversation in this process. */
  handleWithUnderstanding(message: Message): { reply: Reply; understood: Understanding[] } {
    const key = conversationKey(message);
    const turn = this.turn(message, this.conversations.read(key) ?? EMPTY_CONVERSATION);
    this.conversations.write(key, turn.state);
    return { reply: turn.reply, understood: turn.understood };
  }

  /** Answers a message from the state given; every question of it in order. Nothing is remembered: the caller keeps the state. */
  turn(message: Message, before: ConversationState): Turn {
    const knowledge = this.knowledge();
    const language = this.languageOf(message, before.slots);
    return inLanguage(language.reply, () => this.turnIn(knowledge, message, before, language.text));
  }

  private turnIn(knowledge: Knowledge, message: Message, before: ConversationState, textLang: Lang): Turn {
    const question = this.parse(message.text, textLang);
    let state: ConversationState = { ...before, slots: { ...before.slots, lang: currentLang() } };
    const replies: Reply[] = [];
    const understood: Understanding[] = [];
    for (const said of question.clauses) {
      // "how many agri-food draws were there n when": a lone question word after a question asks what its answer says.
      if (replies.length > 0 && /^(?:and |n |&)?(?:when|where|which|what|how)\??$/.test(said.text)) continue;
      const clause = withReferents(said, state.slots);
      const context = this.context(knowledge, state);
      const ranked = this.registry.rank(clause, context, (error, skill) => this.options.onError?.(error, { skill, platform: message.platform }));
      const best = ranked[0];
      let answer: SkillAnswer;
      const passage = !best || best.score < MIN_SCORE ? this.passage(knowledge, clause) : undefined;
      if (passage) {
        answer = this.run(passage.skill, passage.params, context, message.platform);
        understood.push({ skill: passage.skill.id, score: MIN_SCORE, params: passage.params });
      } else if ((!best || best.score < MIN_SCORE) && (clause.cues.includes("aside") || !clause.cues.includes("asking")) && question.clauses.some((c) => c !== clause && asksSomething(c))) {
        // "damn. what about the july 21 one", "quick one for a client file. what categories exist?": an aside or a
        // remark next to a question gets no reply of its own; a question not understood still gets one.
        continue;
      } else if (!best || best.score < MIN_SCORE) {
        answer = { reply: this.fallback(knowledge, clause, context) };
        understood.push({ skill: "fallback", score: best?.score ?? 0, params: null });
      } else if (best.skill.id === "help" && !clause.cues.includes("asking") && question.clauses.slice(question.clauses.indexOf(clause) + 1).some((c) => c.cues.includes("asking"))) {
        // "Hi, nurse here from Kerala. How many healthcare draws this year?": a greeting before a question is not a
        // request for help ("thanks" after one still gets its reply).
        continue;
      } else {
        // After "answer in French" in the same message, the questions that follow are answered in that language.
        const chosen = state.slots.langChoice;
        answer = chosen && chosen !== currentLang() ? inLanguage(chosen, () => this.run(best.skill, best.match.params, context, message.platform)) : this.run(best.skill, best.match.params, context, message.platform);
        understood.push({ skill: best.skill.id, score: best.score, params: best.match.params });
      }
      state = this.advance(state, answer);
      replies.push(answer.reply);
    }
    const reply = combineReplies(replies);
    return { reply: question.truncated ? { ...reply, text: `${reply.text}\n${coreMessages().truncated(this.maxInput)}` } : reply, state, understood };
  }

  // A slash command has no text to read the language from: the user's choice, the platform's locale, the conversation's.
  private commandLanguage(message: Omit<Message, "text">, slots: Slots): Lang {
    return message.lang ?? slots.langChoice ?? langOfLocale(message.locale) ?? slots.lang ?? "en";
  }

  /** Runs a skill's slash command with the option values a platform hands over, remembering the conversation in this process. */
  command(name: string, values: OptionValues, message: Omit<Message, "text">): Reply {
    const key = conversationKey(message);
    const turn = this.commandTurn(name, values, message, this.conversations.read(key) ?? EMPTY_CONVERSATION);
    this.conversations.write(key, turn.state);
    return turn.reply;
  }

  /** Runs a skill's slash command from the state given; the caller keeps the state after it. */
  commandTurn(name: string, values: OptionValues, message: Omit<Message, "text">, stored: ConversationState): Omit<Turn, "understood"> {
    return inLanguage(this.commandLanguage(message, stored.slots), () => this.commandIn(name, values, message, stored));
  }

  private commandIn(name: string, values: OptionValues, message: Omit<Message, "text">, stored: ConversationState): Omit<Turn, "understood"> {
    const knowledge = this.knowledge();
    const state: ConversationState = { ...stored, slots: { ...stored.slots, lang: currentLang() } };
    const context = this.context(knowledge, state);
    const skill = this.registry.skills.find((s) => s.command?.name === name);
    if (!skill?.command) return { reply: makeReply(knowledge, "fallback", { title: coreMessages().unknownCommandTitle, text: coreMessages().unknownCommand(name), userError: true }), state };
    let params: { ok: true; params: unknown } | { ok: false; message: string };
    try {
      params = skill.command.toParams(values, context);
    } catch (error) {
      this.options.onError?.(error, { skill: skill.id, platform: message.platform });
      return { reply: errorReply(), state };
    }
    if (!params.ok) return { reply: makeReply(knowledge, skill.id, { title: coreMessages().checkOptions, text: params.message, userError: true }), state };
    const answer = this.run(skill, params.params, context, message.platform);
    return { reply: answer.reply, state: this.advance(state, answer) };
  }

  /** Answers with one skill and parameters already known (the terminal's `ee-bot crs`), remembering the answer. */
  answerWith(skillId: string, params: unknown, message: Omit<Message, "text">): Reply {
    const knowledge = this.knowledge();
    const key = conversationKey(message);
    const stored = this.conversations.read(key) ?? EMPTY_CONVERSATION;
    return inLanguage(this.commandLanguage(message, stored.slots), () => {
      const state: ConversationState = { ...stored, slots: { ...stored.slots, lang: currentLang() } };
      const skill = this.registry.get(skillId);
      if (!skill) return errorReply();
      const answer = this.run(skill, params, this.context(knowledge, state), message.platform);
      this.conversations.write(key, this.advance(state, answer));
      return answer.reply;
    });
  }

  private context(knowledge: Knowledge, state: ConversationState): SkillContext {
    return { knowledge, now: this.now(), slots: state.slots, lastSourced: state.lastSourced };
  }

  // Each skill runs isolated: its failure is reported and the user still gets a polite reply.
  private run(skill: Skill<unknown>, params: unknown, context: SkillContext, platform: string): SkillAnswer {
    try {
      return skill.answer(params, context);
    } catch (error) {
      this.options.onError?.(error, { skill: skill.id, platform });
      return { reply: errorReply() };
    }
  }

  private advance(state: ConversationState, answer: SkillAnswer): ConversationState {
    const slots: Slots = { ...state.slots, ...(answer.slots ?? {}) };
    // A new skill's subject replaces the old aspect: "teer" from an occupation question means nothing to a round.
    if (answer.slots?.skill && answer.slots.skill !== state.slots.skill && answer.slots.aspect === undefined) delete slots.aspect;
    for (const k of answer.clear ?? []) delete slots[k];
    const sourced = answer.reply.sources.length > 0 && answer.reply.intent !== "sources" ? answer.reply : state.lastSourced;
    return { slots, lastSourced: sourced };
  }

  // When no skill answers, an article's passage that speaks to the question may (process skill, passage topic).
  private passage(knowledge: Knowledge, clause: Clause): { skill: Skill<unknown>; params: unknown } | undefined {
    const skill = this.registry.get("process");
    if (!skill || clause.text.split(" ").length < 4) return undefined;
    const query = knowledge.lexicon.forPassages(clause.text);
    const hit = knowledge.search.passagesLike(query, 1)[0];
    return hit && hit.score <= knowledge.search.tuning.passageAccept ? { skill, params: { topic: "passage", query: clause.text } } : undefined;
  }

  private fallback(knowledge: Knowledge, clause: Clause, context: SkillContext): Reply {
    const words = new Set(clause.text.split(/[^a-z0-9]+/).filter((w) => w.length > 3));
    const examples = this.registry.skills.flatMap((s) => examplesOf(s, knowledge));
    const close = examples
      .map((q) => ({ q, n: q.toLowerCase().split(/[^a-z0-9]+/).filter((w) => words.has(w)).length }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n)
      .map((x) => x.q);
    const suggestions = [...new Set([...close, ...examples])].slice(0, 3);
    void context;
    return makeReply(knowledge, "fallback", {
      title: coreMessages().cantAnswerTitle,
      text: `${coreMessages().fallback} ${coreMessages().fallbackOffer} ${coreMessages().youCouldAsk(suggestions)}`,
      suggestions,
    });
  }
}

// "the most recent round for that category", "the same category in 2025": the category the conversation is about,
// named by a reference rather than by name, is the one meant.
function withReferents(clause: Clause, slots: Slots): Clause {
  let out = clause;
  if (out.categories.length === 0 && slots.category && /\b(?:that|this|the same|same|its|their|her|his) (?:category|list|category list)\b/.test(out.text)) out = { ...out, categories: [slots.category] };
  // "the average cut-off that year", "in the same month": the period just talked about.
  if (!out.period && slots.period && /\b(?:that|the same|same) (?:year|month|period|time)\b/.test(out.text)) out = { ...out, period: slots.period, periods: [slots.period] };
  return out;
}
