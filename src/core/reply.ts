import { refs } from "./format.js";
import type { Knowledge } from "./knowledge.js";
import { lang } from "../messages/lang.js";
import { coreMessages } from "./messages.js";
import type { ChartSpec, Field, Image, Intent, Reply, SourceRef } from "./types.js";

/** The parts of a reply an answer function fills in. */
export interface ReplyParts {
  text: string;
  title?: string;
  fields?: Field[];
  list?: string[];
  asOf?: string | null;
  sources?: Iterable<string>;
  suggestions?: string[];
  userError?: boolean;
  images?: Image[];
  chart?: ChartSpec | null;
}

/** Builds a reply, resolving source ids to citations. */
export function makeReply(knowledge: Knowledge, intent: Intent, parts: ReplyParts): Reply {
  return {
    intent,
    text: parts.text,
    title: parts.title ?? "ee-bot",
    fields: parts.fields ?? [],
    list: parts.list ?? [],
    asOf: parts.asOf ?? null,
    sources: refs(knowledge, parts.sources ?? []),
    suggestions: parts.suggestions ?? [],
    userError: parts.userError ?? false,
    images: parts.images ?? [],
    chart: parts.chart ?? null,
    lang: lang(),
  };
}

/** The polite reply to a message whose handling failed unexpectedly. */
export function errorReply(): Reply {
  return {
    intent: "fallback",
    text: coreMessages().internalError,
    title: coreMessages().sorry,
    fields: [],
    list: [],
    asOf: null,
    sources: [],
    suggestions: ["help"],
    userError: false,
    images: [],
    chart: null,
    lang: lang(),
  };
}

function mergeSources(replies: readonly Reply[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const r of replies) for (const s of r.sources) if (!seen.has(s.id)) seen.set(s.id, s);
  return [...seen.values()];
}

/** One reply for several answers: each in order, numbered unless told not to, sources merged; one answer alone as it is. */
export function combineReplies(all: readonly Reply[], numbered = true): Reply {
  // Two questions answered by the same words ("is the calc official? which grid?") are answered once.
  const replies = all.filter((r, i) => all.findIndex((o) => o.text === r.text) === i);
  const [only] = replies;
  if (replies.length === 1 && only) return only;
  return {
    // Unnumbered, the answers of one question read as one (two jobs asked side by side).
    intent: numbered ? "multiple" : (only?.intent ?? "multiple"),
    title: numbered ? coreMessages().answers(replies.length) : replies.map((r) => r.title).join(" / "),
    text: replies.map((r, i) => `${numbered ? `${i + 1}. ` : ""}${r.text}${r.list.length > 0 ? `\n${r.list.map((l) => `   - ${l}`).join("\n")}` : ""}`).join("\n"),
    fields: replies.flatMap((r) => r.fields).slice(0, 25),
    list: [],
    asOf: replies.map((r) => r.asOf).filter((d): d is string => d !== null).sort().at(-1) ?? null,
    sources: mergeSources(replies),
    suggestions: replies.flatMap((r) => r.suggestions).slice(0, 3),
    userError: replies.every((r) => r.userError),
    images: replies.flatMap((r) => r.images),
    chart: replies.find((r) => r.chart !== null)?.chart ?? null,
    lang: lang(),
  };
}
