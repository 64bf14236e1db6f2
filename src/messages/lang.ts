import { AsyncLocalStorage } from "node:async_hooks";
import * as z from "zod";

/** The languages ee-bot answers in. */
export const LangSchema = z.enum(["en", "fr"]);
/** A language ee-bot answers in. */
export type Lang = z.infer<typeof LangSchema>;

/** Every language, English first (the default). */
export const LANGS: readonly Lang[] = LangSchema.options;

/** A set of texts, one per language, each of the same shape. */
export type Catalog<T> = { readonly [L in Lang]: T };

// An answer is composed synchronously inside one call; the language it is written in travels with that call instead
// of through every formatting helper's arguments.
const current = new AsyncLocalStorage<Lang>();

/** Runs fn with every message and format in it written in lang. */
export function inLanguage<T>(lang: Lang, fn: () => T): T {
  return current.run(lang, fn);
}

/** The language being written in: English outside inLanguage. */
export function lang(): Lang {
  return current.getStore() ?? "en";
}

/** The texts of a catalog in the language being written in. */
export function pick<T>(catalog: Catalog<T>): T {
  return catalog[lang()];
}

/** A language from a platform's locale ("fr", "fr-CA", "en-US"); null when ee-bot does not speak it. */
export function langOfLocale(locale: string | null | undefined): Lang | null {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return base === "fr" ? "fr" : base === "en" ? "en" : null;
}
