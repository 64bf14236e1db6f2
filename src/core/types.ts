import * as z from "zod";
import { LangSchema } from "../messages/lang.js";

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
  /** The language the user chose for this message (`--lang fr`, `langue: fr`); wins over detection. */
  lang: LangSchema.optional(),
  /** The platform's locale for the user ("fr", "en-US"): used when the text itself does not tell the language. */
  locale: z.string().optional(),
});
/** A platform-neutral incoming message. */
export type Message = z.infer<typeof MessageSchema>;

/** An article (or reference) an answer rests on. */
export const SourceRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  date: z.string().nullable(),
  url: z.string().nullable(),
  kind: z.enum(["article", "official", "reference"]),
});
/** A source as replies cite it. */
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** A key figure shown beside the answer (an embed field, a Block Kit field). */
export const FieldSchema = z.object({ name: z.string(), value: z.string() });
/** A key figure. */
export type Field = z.infer<typeof FieldSchema>;

/** The skill (and answer kind) a reply comes from: "draw", "occupation", "fallback", "multiple", ... */
export const IntentSchema = z.string().min(1);
/** A skill id as replies carry it. */
export type Intent = z.infer<typeof IntentSchema>;

/** A picture attached to a reply (a chart), with the text that stands for it. */
export const ImageSchema = z.object({
  name: z.string(),
  png: z.instanceof(Uint8Array),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  alt: z.string(),
});
/** An attached picture. */
export type Image = z.infer<typeof ImageSchema>;

/** A chart a reply asks for: the data to draw, rendered to PNG by the platform side (never in the core's hot path). */
export const ChartSpecSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("cutoffs"),
    series: z.array(z.object({ type: z.string(), label: z.string(), measure: z.enum(["crs", "invitations"]), points: z.array(z.object({ round: z.string(), date: z.string(), value: z.number() })) })),
    title: z.string(),
    subtitle: z.string().optional(),
    sourceLine: z.string(),
    mark: z.number().int().nonnegative().optional(),
    name: z.string(),
  }),
  z.object({
    kind: z.literal("pool"),
    bars: z.array(z.object({ min: z.number(), max: z.number(), count: z.number(), label: z.string(), marked: z.boolean() })),
    title: z.string(),
    subtitle: z.string().optional(),
    sourceLine: z.string(),
    mark: z.number().int().nonnegative().optional(),
    name: z.string(),
  }),
]);
/** A chart to draw. */
export type ChartSpec = z.infer<typeof ChartSpecSchema>;

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
  /** Pictures that go with the answer; the text always carries the same numbers. */
  images: z.array(ImageSchema).default([]),
  /** A chart to draw and attach as an image (see src/charts/attach.ts); the text carries its numbers. */
  chart: ChartSpecSchema.nullable().default(null),
  /** The language the reply is written in; renderers write their own words (headings, "Sources") in it too. */
  lang: LangSchema.default("en"),
});
/** A platform-neutral reply. */
export type Reply = z.infer<typeof ReplySchema>;
