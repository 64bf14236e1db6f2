import {
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SlashCommandSubcommandBuilder,
  type SlashCommandSubcommandsOnlyBuilder,
} from "discord.js";
import type { Knowledge } from "../../core/knowledge.js";
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

function addOption(sub: SlashCommandSubcommandBuilder, knowledge: Knowledge, spec: OptionSpec): void {
  const description = spec.description.slice(0, MAX_TEXT);
  if (spec.type === "integer") {
    sub.addIntegerOption((o) => {
      o.setName(spec.name).setDescription(description).setRequired(spec.required ?? false);
      if (spec.min !== undefined) o.setMinValue(spec.min);
      if (spec.max !== undefined) o.setMaxValue(spec.max);
      return o;
    });
  } else if (spec.type === "boolean") {
    sub.addBooleanOption((o) => o.setName(spec.name).setDescription(description).setRequired(spec.required ?? false));
  } else {
    sub.addStringOption((o) => {
      o.setName(spec.name).setDescription(description).setRequired(spec.required ?? false).setMaxLength(MAX_TEXT);
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
function addSubscriptionCommands(command: SlashCommandSubcommandsOnlyBuilder): void {
  command
    .addSubcommand((s) =>
      s
        .setName("subscribe")
        .setDescription("Post every new round in this channel (needs Manage Channels)")
        .addStringOption((o) => o.setName("type").setDescription("Which rounds: all (default), a program or a category").setAutocomplete(true).setMaxLength(MAX_TEXT))
        .addIntegerOption((o) => o.setName("max_crs").setDescription("Only rounds whose cut-off is at or below this score").setMinValue(0)),
    )
    .addSubcommand((s) =>
      s
        .setName("unsubscribe")
        .setDescription("Stop posting rounds in this channel (needs Manage Channels)")
        .addStringOption((o) => o.setName("type").setDescription("Only this round type (default: every subscription here)").setAutocomplete(true).setMaxLength(MAX_TEXT)),
    )
    .addSubcommand((s) => s.setName("subscriptions").setDescription("The round announcements of this server's channels"));
}

/** Autocomplete choices for a subscription's round type: all, then the round types whose id or name contains what was typed. */
export function roundTypeChoices(knowledge: Knowledge, typed: string): { name: string; value: string }[] {
  const q = typed.trim().toLowerCase();
  const all = { name: "All rounds", value: "all" };
  const types = knowledge
    .roundTypes()
    .filter((t) => !t.id.startsWith("other:"))
    .map((t) => ({ name: (t.kind === "program" ? `${t.label} (${t.name})` : t.name).slice(0, MAX_TEXT), value: t.id }));
  return [all, ...types].filter((c) => q === "" || c.value.includes(q) || c.name.toLowerCase().includes(q)).slice(0, MAX_CHOICES);
}

/** Which extra subcommands to build. */
export interface EeCommandOptions {
  /** Add subscribe, unsubscribe and subscriptions (the bot runs with a store). */
  readonly subscriptions?: boolean;
}

/** The /ee command: "ask" for any question, one subcommand per skill command, the subscription subcommands when asked, and "help", as JSON for registration. */
export function eeCommand(knowledge: Knowledge, registry: SkillRegistry, options: EeCommandOptions = {}): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const command = new SlashCommandBuilder()
    .setName("ee")
    .setDescription("Ask about Canada's Express Entry rounds, cut-offs, category lists, occupations and CRS points")
    .setDMPermission(true)
    .addSubcommand((s) =>
      s
        .setName("ask")
        .setDescription("Ask anything, e.g. is 21231 STEM? or what was the last CEC cut-off?")
        .addStringOption((o) => o.setName("question").setDescription("Your question").setRequired(true).setMaxLength(MAX_QUESTION)),
    );
  for (const skill of registry.skills) {
    const spec = skill.command;
    if (!spec) continue;
    command.addSubcommand((s) => {
      s.setName(spec.name).setDescription(spec.description.slice(0, MAX_TEXT));
      // Discord wants required options first.
      for (const o of [...spec.options].sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false))) addOption(s, knowledge, o);
      return s;
    });
  }
  if (options.subscriptions) addSubscriptionCommands(command);
  command.addSubcommand((s) => s.setName("help").setDescription("What I can answer, with examples"));
  return command.toJSON();
}
