import * as z from "zod";

/** Platforms ee-bot speaks on. */
export const PlatformSchema = z.enum(["cli", "discord", "slack"]);
/** A platform ee-bot speaks on. */
export type Platform = z.infer<typeof PlatformSchema>;

/** A message as every adapter hands it to the core. */
export const MessageSchema = z.object({
  text: z.string(),
  user: z.string().min(1),
  conversation: z.string().min(1),
  platform: PlatformSchema,
});
/** A platform-neutral incoming message. */
export type Message = z.infer<typeof MessageSchema>;

/** An article (or reference) an answer rests on. */
export const SourceRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  date: z.string().nullable(),
});
/** A source as replies cite it. */
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** A key figure shown beside the answer (an embed field, a Block Kit field). */
export const FieldSchema = z.object({ name: z.string(), value: z.string() });
/** A key figure. */
export type Field = z.infer<typeof FieldSchema>;

/** The intents the router recognises. */
export const IntentSchema = z.enum([
  "greeting",
  "help",
  "thanks",
  "sources",
  "occupation",
  "category-list",
  "category-count",
  "latest-draw",
  "draw",
  "draw-on-date",
  "extreme-draw",
  "compare-draws",
  "score-check",
  "tie-break",
  "pool-size",
  "year-invitations",
  "year-categories",
  "eligibility",
  "programs",
  "round-kinds",
  "schedule",
  "apply",
  "glossary",
  "passage",
  "fallback",
  "multiple",
]);
/** A recognised intent. */
export type Intent = z.infer<typeof IntentSchema>;

/** A platform-neutral reply: adapters render it, the core never formats for a platform. */
export const ReplySchema = z.object({
  intent: IntentSchema,
  /** The answer, plain text: direct answer first, then figures and dates. May hold list lines. */
  text: z.string(),
  /** A short heading for embeds and blocks. */
  title: z.string(),
  fields: z.array(FieldSchema),
  /** Items of a long list, when the answer is one (rendered as a list and split by adapters). */
  list: z.array(z.string()),
  /** The date the answer's figures refer to, as ISO date, when there is one. */
  asOf: z.string().nullable(),
  sources: z.array(SourceRefSchema),
  suggestions: z.array(z.string()),
  /** Set when the reply is about a problem the user can fix (adapters may show it privately). */
  userError: z.boolean(),
});
/** A platform-neutral reply. */
export type Reply = z.infer<typeof ReplySchema>;
