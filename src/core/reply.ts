import { refs } from "./format.js";
import type { Knowledge } from "./knowledge.js";
import { lang } from "../messages/lang.js";
import { coreMessages } from "./messages.js";
import type { ChartSpec, Field, Image, Intent, Reply } from "./types.js";

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
