import { RoundIdSchema } from "../schema.js";
import { readFeedEnvelope, type FeedProblem } from "./parse.js";

/** The round names of IRCC's French feed by round id, or why the text is not that feed. */
export function readFrenchNames(text: string): { ok: true; value: Record<string, string> } | { ok: false; error: FeedProblem } {
  const envelope = readFeedEnvelope(text);
  if (!envelope.ok) return envelope;
  const names: Record<string, string> = {};
  for (const raw of envelope.value.rounds) {
    const id = RoundIdSchema.safeParse(typeof raw.drawNumber === "string" ? raw.drawNumber.trim().toLowerCase() : "");
    const name = typeof raw.drawName === "string" ? raw.drawName.trim() : "";
    if (id.success && name !== "" && names[id.data] === undefined) names[id.data] = name;
  }
  if (Object.keys(names).length === 0) return { ok: false, error: { reason: "no-rounds", message: "it names no round" } };
  return { ok: true, value: names };
}
