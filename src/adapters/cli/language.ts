import { langOfLocale, type Lang } from "../../messages/lang.js";

/** The language the terminal asks for: `--lang` (else EE_BOT_LANG) as the user's choice, the terminal's locale as a hint. */
export interface CliLanguage {
  readonly lang?: Lang;
  readonly locale?: string;
}

/** The language of `--lang` or EE_BOT_LANG ("fr", "en", "fr-CA"), or an error naming the value; the terminal's locale beside it. */
export function cliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): { ok: true; value: CliLanguage } | { ok: false; error: string } {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined;
  const asked = flag ?? (env.EE_BOT_LANG || undefined);
  const lang = asked === undefined ? undefined : langOfLocale(asked);
  if (lang === null) return { ok: false, error: `${flag !== undefined ? "--lang" : "EE_BOT_LANG"} must be fr or en, not "${asked}"` };
  return { ok: true, value: { ...(lang ? { lang } : {}), ...(locale ? { locale } : {}) } };
}

/** The language of `npm start`'s chat, which has no arguments: EE_BOT_LANG (a bad value is ignored) and the terminal's locale. */
export function languageFromEnv(env: NodeJS.ProcessEnv): CliLanguage {
  const read = cliLanguage(undefined, env);
  if (read.ok) return read.value;
  const hint = cliLanguage(undefined, { ...env, EE_BOT_LANG: "" });
  return hint.ok ? hint.value : {};
}
