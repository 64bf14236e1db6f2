import { adapterMessages } from "../../messages/adapters.js";
import { inLanguage, type Lang } from "../../messages/lang.js";

// "langue: fr", "langue fr", "lang: en", "lang en" (and the languages' names) at the start, after a mention if any.
const PREFIX = /^(\s*(?:<@[^>\s]+>\s*)?)(?:langue|lang|language)\s*[:=]?\s*(fr|en|fran[cç]ais|anglais|english|french)(?![\p{L}\p{N}])[\s,.;:!-]*/iu;

/** A message's text with the language the user chose at its start ("langue: fr combien..."), that prefix taken off. */
export interface LanguagePrefix {
  readonly lang: Lang | undefined;
  readonly text: string;
}

/**
 * Reads a language chosen at the start of a Slack message or /ee text and strips it. A message that only chooses a
 * language becomes the words the bot reads as that choice for the conversation ("réponds en français").
 */
export function readLanguagePrefix(text: string): LanguagePrefix {
  const m = PREFIX.exec(text);
  if (!m) return { lang: undefined, text };
  const word = (m[2] ?? "").toLowerCase();
  const lang: Lang = word === "fr" || word.startsWith("fran") || word === "french" ? "fr" : "en";
  const rest = text.slice(m[0].length).trim();
  return { lang, text: rest === "" ? `${m[1] ?? ""}${inLanguage(lang, () => adapterMessages().switchLanguage)}` : `${m[1] ?? ""}${rest}` };
}
