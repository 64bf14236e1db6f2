import * as z from "zod";
import type { Knowledge } from "../core/knowledge.js";
import type { Reply } from "../core/types.js";
import { LangSchema } from "../messages/lang.js";
import { PeriodSchema, type Clause } from "../nlu/question.js";

/** What a conversation remembers between messages: typed subjects, never text. */
export const SlotsSchema = z.object({
  /** The skill that answered last. */
  skill: z.string().optional(),
  /** What that skill was asked for ("teer", "invitations", "latest"), so "and X?" asks the same of X. */
  aspect: z.string().optional(),
  occupation: z.string().optional(),
  round: z.string().optional(),
  category: z.string().optional(),
  period: PeriodSchema.optional(),
  score: z.number().optional(),
  /** The day a profile was submitted, told for a tie-break check: "and the July 21 one?" asks it of another round. */
  submitted: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  year: z.number().int().optional(),
  /** A CRS profile being filled in, as the calculator's partial profile. */
  profile: z.record(z.string(), z.unknown()).optional(),
  /** The profile field the bot asked for last. */
  pending: z.string().optional(),
  /** The language the conversation was last answered in. */
  lang: LangSchema.optional(),
  /** The language the user asked for ("réponds en français"); wins over detection until changed. */
  langChoice: LangSchema.optional(),
});
/** Typed conversation state. */
export type Slots = z.infer<typeof SlotsSchema>;

/** What a skill sees while matching and answering. */
export interface SkillContext {
  readonly knowledge: Knowledge;
  readonly now: Date;
  /** The conversation's state before this clause. */
  readonly slots: Slots;
  /** The last reply that cited sources, for "where does that come from". */
  readonly lastSourced: Reply | undefined;
}

/** How well a skill fits a clause, with the parameters it read. */
export interface Match<P> {
  /** 0 to 1: how sure the skill is that the clause is for it. */
  readonly score: number;
  readonly params: P;
  /** True when a parameter was taken from the conversation's state (a follow-up). */
  readonly fromState?: boolean;
}

/** A skill's answer with what the conversation should remember of it. */
export interface SkillAnswer {
  readonly reply: Reply;
  /** Slots to set (a new subject replaces the old one; unset slots are kept). */
  readonly slots?: Slots;
  /** Slots to forget. */
  readonly clear?: readonly (keyof Slots)[];
}

/** One option of a slash command. */
export interface OptionSpec {
  readonly name: string;
  readonly description: string;
  /** The option's name and description in French, as Discord shows them to French-speaking users. */
  readonly fr?: { readonly name: string; readonly description: string };
  readonly type: "string" | "integer" | "boolean";
  readonly required?: boolean;
  /** Choices from the knowledge base: every round type, only categories, only programs and all-program. */
  readonly choices?: "round-types" | "categories" | "list-years";
  /** Suggestions while typing: occupations by code or title, or round numbers. */
  readonly autocomplete?: "occupation" | "round";
  readonly min?: number;
  readonly max?: number;
}

/** Option values as a platform hands them over. */
export type OptionValues = Readonly<Record<string, string | number | boolean | undefined>>;

/** A slash command a skill offers: Discord and Slack call the skill with these options directly. */
export interface CommandSpec<P> {
  readonly name: string;
  readonly description: string;
  /** The command's name and description in French (Discord's localizations; Slack accepts the French name too). */
  readonly fr?: { readonly name: string; readonly description: string };
  readonly options: readonly OptionSpec[];
  /** The skill's parameters from option values, or a message naming the bad option. */
  toParams(values: OptionValues, context: SkillContext): { ok: true; params: P } | { ok: false; message: string };
}

/** An intent family: how it matches a clause, what it takes, how it answers, its examples and its command. */
export interface Skill<P = unknown> {
  readonly id: string;
  /** One line for help: what it answers. */
  readonly summary: string;
  /** Entities it cannot answer without (documentation and help). */
  readonly requires: readonly string[];
  /** Entities it uses when present. */
  readonly optional: readonly string[];
  /** How well the clause fits, reading parameters from it and, for follow-ups, from the slots; null when it does not fit. */
  match(clause: Clause, context: SkillContext): Match<P> | null;
  answer(params: P, context: SkillContext): SkillAnswer;
  /** Example questions, made from the knowledge base. */
  examples(knowledge: Knowledge): string[];
  readonly command?: CommandSpec<P>;
}

/** A skill of unknown parameters, as the registry holds it. */
export type AnySkill = Skill<any>;
