import { readFileSync } from "node:fs";
import * as z from "zod";
import { EeBotError, ErrorCode } from "../../errors.js";

/** How to read the feed: knowledge/ircc/feed-format.json. */
export const FeedFormatSchema = z.object({
  about: z.string(),
  url: z.url(),
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** The French twin: its address and how to cite it. */
  french: z.object({ url: z.url(), title: z.string().min(1), publisher: z.string().min(1) }).optional(),
  distribution: z.object({
    asOf: z.string().min(1),
    total: z.string().min(1),
    ranges: z
      .array(z.object({ field: z.string().min(1), min: z.number().int().nonnegative(), max: z.number().int().positive() }))
      .min(1),
  }),
});
/** How to read the feed. */
export type FeedFormat = z.infer<typeof FeedFormatSchema>;

/** Reads and validates the feed format file; throws a typed error naming the bad field. */
export function loadFeedFormat(file: string): FeedFormat {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw new EeBotError(ErrorCode.KnowledgeBaseBuild, `cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
  return parseFeedFormat(data, file);
}

/** Validates feed format data already in memory; throws a typed error naming the bad field. */
export function parseFeedFormat(data: unknown, file: string): FeedFormat {
  const parsed = FeedFormatSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${file}: ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
    throw new EeBotError(ErrorCode.KnowledgeBaseBuild, issues, { cause: parsed.error });
  }
  return parsed.data;
}
