import { RoundIdSchema } from "../schema.js";
import { FeedEnvelopeSchema, type FeedProblem } from "./parse.js";

/** The round names of IRCC's French feed by round id, or why the text is not that feed. */
export function readFrenchNames(text: string): { ok: true; value: Record<string, string> } | { ok: false; error: FeedProblem } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { reason: "not-json", message: `it is not JSON (it starts with '${text.trimStart().slice(0, 40).replace(/\s+/g, " ")}')` } };
  }
  const envelope = FeedEnvelopeSchema.safeParse(data);
  if (!envelope.success) return { ok: false, error: { reason: "envelope", message: "it is not the rounds feed's shape {classes, rounds: [...]}" } };
  const names: Record<string, string> = {};
  for (const raw of envelope.data.rounds) {
    const id = RoundIdSchema.safeParse(typeof raw.drawNumber === "string" ? raw.drawNumber.trim().toLowerCase() : "");
    const name = typeof raw.drawName === "string" ? raw.drawName.trim() : "";
    if (id.success && name !== "" && names[id.data] === undefined) names[id.data] = name;
  }
  if (Object.keys(names).length === 0) return { ok: false, error: { reason: "no-rounds", message: "it names no round" } };
  return { ok: true, value: names };
}
