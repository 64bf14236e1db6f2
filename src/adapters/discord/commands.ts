import {
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SlashCommandSubcommandBuilder,
  type SlashCommandSubcommandsOnlyBuilder,
} from "discord.js";
import type { Knowledge } from "../../core/knowledge.js";
import { ADAPTER_MESSAGES, adapterMessages, type CommandWords } from "../../messages/adapters.js";
import { lang } from "../../messages/lang.js";
import type { SkillRegistry } from "../../skills/registry.js";
import type { OptionSpec } from "../../skills/types.js";

/** Longest question a slash command accepts (the parser reads at most 2,000 characters anyway). */
export const MAX_QUESTION = 500;

// Discord's limits: 25 choices an option, 100 characters a choice name or description.
const MAX_CHOICES = 25;
const MAX_TEXT = 100;

/** The choices an option offers, from the knowledge base. */
export function choicesFor(knowledge: Knowledge, spec: OptionSpec): { name: string; value: string }[] {
  if (spec.choices === "round-types" || spec.choices === "categories") {
    return knowledge
      .roundTypes()
      .filter((t) => spec.choices === "round-types" || t.kind === "category")
      .filter((t) => !t.id.startsWith("other:"))
      .slice(0, MAX_CHOICES)
      .map((t) => ({ name: (t.kind === "program" ? `${t.label} (${t.name})` : t.name).slice(0, MAX_TEXT), value: t.id }));
  }
  return [];
}

// Discord's rule for a name, localized ones included (the builders refuse any other).
const NAME = /^[\p{Ll}\p{Lm}\p{Lo}\p{N}_-]{1,32}$/u;

/** What can be localized: a command, a subcommand or an option. */
interface Localizable {
  setNameLocalization(locale: "fr", name: string | null): unknown;
  setDescriptionLocalization(locale: "fr", description: string | null): unknown;
}

/** The names siblings show French-speaking users, each with the (English) name of the sibling it belongs to. */
type Names = Map<string, string>;

/** The names of siblings before any is localized: their own, each theirs. */
function namesOf(english: readonly string[]): Names {
  return new Map(english.map((n) => [n, n]));
}

/**
 * Gives a command, subcommand or option (`self`, its English name) its French name and description. A name Discord
 * would refuse, or one a sibling shows already (`names`), is left out, and Discord shows the English one; so is a
 * missing text. Localized names are shown only: interactions always carry the English name, so routing does not change.
 */
function localize(builder: Localizable, fr: CommandWords | undefined, names: Names, self: string): void {
  if (!fr) return;
  const name = fr.name.trim().toLowerCase();
  const owner = names.get(name);
  if (NAME.test(name) && (owner === undefined || owner === self)) {
    names.set(name, self);
    builder.setNameLocalization("fr", name);
  }
  const description = fr.description.trim().slice(0, MAX_TEXT);
  if (description !== "") builder.setDescriptionLocalization("fr", description);
}

function addOption(sub: SlashCommandSubcommandBuilder, knowledge: Knowledge, spec: OptionSpec, names: Names): void {
  const description = spec.description.slice(0, MAX_TEXT);
  if (spec.type === "integer") {
    sub.addIntegerOption((o) => {
      o.setName(spec.name).setDescription(description).setRequired(spec.required ?? false);
      localize(o, spec.fr, names, spec.name);
      if (spec.min !== undefined) o.setMinValue(spec.min);
      if (spec.max !== undefined) o.setMaxValue(spec.max);
      return o;
    });
  } else if (spec.type === "boolean") {
    sub.addBooleanOption((o) => {
      o.setName(spec.name).setDescription(description).setRequired(spec.required ?? false);
      localize(o, spec.fr, names, spec.name);
      return o;
    });
  } else {
    sub.addStringOption((o) => {
      o.setName(spec.name).setDescription(description).setRequired(spec.required ?? false).setMaxLength(MAX_TEXT);
      localize(o, spec.fr, names, spec.name);
      const choices = choicesFor(knowledge, spec);
      if (choices.length > 0) o.addChoices(...choices);
      else if (spec.autocomplete) o.setAutocomplete(true);
      return o;
    });
  }
}

/** Names of the subcommands that manage a channel's round announcements. */
export const SUBSCRIPTION_SUBCOMMANDS = ["subscribe", "unsubscribe", "subscriptions"] as const;

// Round-type options of the subscription subcommands: autocompleted from the knowledge base in use, so that a new
// category is offered without registering the command again.
function addSubscriptionCommands(command: SlashCommandSubcommandsOnlyBuilder, names: Names): void {
  const en = ADAPTER_MESSAGES.en.command;
  const fr = ADAPTER_MESSAGES.fr.command;
  command
    .addSubcommand((s) => {
      s.setName(en.subscribe.name).setDescription(en.subscribe.description);
      localize(s, fr.subscribe, names, en.subscribe.name);
      const options = namesOf([en.subscribeType.name, en.maxCrs.name]);
      return s
        .addStringOption((o) => {
          o.setName(en.subscribeType.name).setDescription(en.subscribeType.description).setAutocomplete(true).setMaxLength(MAX_TEXT);
          localize(o, fr.subscribeType, options, en.subscribeType.name);
          return o;
        })
        .addIntegerOption((o) => {
          o.setName(en.maxCrs.name).setDescription(en.maxCrs.description).setMinValue(0);
          localize(o, fr.maxCrs, options, en.maxCrs.name);
          return o;
        });
    })
    .addSubcommand((s) => {
      s.setName(en.unsubscribe.name).setDescription(en.unsubscribe.description);
      localize(s, fr.unsubscribe, names, en.unsubscribe.name);
      return s.addStringOption((o) => {
        o.setName(en.unsubscribeType.name).setDescription(en.unsubscribeType.description).setAutocomplete(true).setMaxLength(MAX_TEXT);
        localize(o, fr.unsubscribeType, namesOf([en.unsubscribeType.name]), en.unsubscribeType.name);
        return o;
      });
    })
    .addSubcommand((s) => {
      s.setName(en.subscriptions.name).setDescription(en.subscriptions.description);
      localize(s, fr.subscriptions, names, en.subscriptions.name);
      return s;
    });
}

/**
 * Autocomplete choices for a subscription's round type: all, then the round types whose id or name contains what was
 * typed; named in the language being written in (the French names from the vocabulary).
 */
export function roundTypeChoices(knowledge: Knowledge, typed: string): { name: string; value: string }[] {
  const q = typed.trim().toLowerCase();
  const all = { name: adapterMessages().allRounds, value: "all" };
  const types = knowledge
    .roundTypes()
    .filter((t) => !t.id.startsWith("other:"))
    .map((t) => ({ name: roundTypeName(knowledge, t).slice(0, MAX_TEXT), value: t.id }));
  return [all, ...types].filter((c) => q === "" || c.value.includes(q) || c.name.toLowerCase().includes(q)).slice(0, MAX_CHOICES);
}

// A round type's name for a choice: "CEC (Canadian Experience Class)", "PEC (Programme de l'expérience canadienne)".
function roundTypeName(knowledge: Knowledge, t: ReturnType<Knowledge["roundTypes"]>[number]): string {
  const fr = lang() === "fr" ? knowledge.entry(t.id) : undefined;
  const label = fr?.labelFr ?? t.label;
  const name = fr?.nameFr ?? t.name;
  return t.kind === "program" ? `${label} (${name})` : name;
}

/** Which extra subcommands to build. */
export interface EeCommandOptions {
  /** Add subscribe, unsubscribe and subscriptions (the bot runs with a store). */
  readonly subscriptions?: boolean;
}

/**
 * The /ee command: "ask" for any question, one subcommand per skill command, the subscription subcommands when asked,
 * and "help", as JSON for registration; with French names and descriptions where the skills and the catalog give them.
 */
export function eeCommand(knowledge: Knowledge, registry: SkillRegistry, options: EeCommandOptions = {}): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const en = ADAPTER_MESSAGES.en.command;
  const fr = ADAPTER_MESSAGES.fr.command;
  const skills = registry.skills.flatMap((s) => (s.command ? [s.command] : []));
  const own = [en.ask, en.help, ...(options.subscriptions ? [en.subscribe, en.unsubscribe, en.subscriptions] : [])];
  // What French-speaking users see, so that two subcommands never show the same name. The adapter's own subcommands
  // keep their French names: a skill's that would take one of them is left in English.
  const names = namesOf([...own, ...skills].map((c) => c.name));
  for (const [english, french] of [[en.ask, fr.ask], [en.help, fr.help], ...(options.subscriptions ? [[en.subscribe, fr.subscribe], [en.unsubscribe, fr.unsubscribe], [en.subscriptions, fr.subscriptions]] : [])] as const) {
    if (!names.has(french.name)) names.set(french.name, english.name);
  }
  const command = new SlashCommandBuilder().setName("ee").setDescription(en.description).setDMPermission(true);
  command.setDescriptionLocalization("fr", fr.description.slice(0, MAX_TEXT));
  command.addSubcommand((s) => {
    s.setName(en.ask.name).setDescription(en.ask.description);
    localize(s, fr.ask, names, en.ask.name);
    return s.addStringOption((o) => {
      o.setName(en.question.name).setDescription(en.question.description).setRequired(true).setMaxLength(MAX_QUESTION);
      localize(o, fr.question, namesOf([en.question.name]), en.question.name);
      return o;
    });
  });
  for (const spec of skills) {
    command.addSubcommand((s) => {
      s.setName(spec.name).setDescription(spec.description.slice(0, MAX_TEXT));
      localize(s, spec.fr, names, spec.name);
      const optionNames = namesOf(spec.options.map((o) => o.name));
      // Discord wants required options first.
      for (const o of [...spec.options].sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false))) addOption(s, knowledge, o, optionNames);
      return s;
    });
  }
  if (options.subscriptions) addSubscriptionCommands(command, names);
  command.addSubcommand((s) => {
    s.setName(en.help.name).setDescription(en.help.description);
    localize(s, fr.help, names, en.help.name);
    return s;
  });
  return command.toJSON();
}
