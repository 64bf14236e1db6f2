import { SlashCommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { categoryLabel } from "../../kb/lexicon.js";
import type { CategoryId } from "../../kb/schema.js";
import { shortOf } from "../../core/format.js";

/** The categories /ee latest offers. */
export const LATEST_CHOICES: readonly CategoryId[] = ["general", "stem", "healthcare", "french", "trades", "transport", "agriculture", "cec", "pnp", "fsw", "fst"];

/** Longest question a slash command accepts (the router reads at most 2,000 characters anyway). */
export const MAX_QUESTION = 500;

/** The /ee command with its subcommands, as JSON for registration. */
export function eeCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return new SlashCommandBuilder()
    .setName("ee")
    .setDescription("Ask about Canada's Express Entry draws, cut-offs and occupations")
    .setDMPermission(true)
    .addSubcommand((s) =>
      s
        .setName("ask")
        .setDescription("Ask anything, e.g. is 21231 STEM? or what was the last cut-off?")
        .addStringOption((o) => o.setName("question").setDescription("Your question").setRequired(true).setMaxLength(MAX_QUESTION)),
    )
    .addSubcommand((s) =>
      s
        .setName("noc")
        .setDescription("Look up an occupation by NOC code or job title")
        .addStringOption((o) => o.setName("occupation").setDescription("A 5-digit NOC code or a job title").setRequired(true).setAutocomplete(true).setMaxLength(100))
        .addStringOption((o) =>
          o
            .setName("category")
            .setDescription("Check membership of a category")
            .addChoices(...(["stem", "healthcare", "french", "trades", "transport", "agriculture"] as const).map((c) => ({ name: categoryLabel(c), value: c }))),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName("draw")
        .setDescription("A round of invitations (the latest if no number is given)")
        .addIntegerOption((o) => o.setName("round").setDescription("Round number, e.g. 254").setMinValue(1).setMaxValue(9999)),
    )
    .addSubcommand((s) =>
      s
        .setName("latest")
        .setDescription("The latest draw I know of, optionally of one category")
        .addStringOption((o) => o.setName("category").setDescription("Category or program").addChoices(...LATEST_CHOICES.map((c) => ({ name: categoryLabel(c), value: c })))),
    )
    .addSubcommand((s) => s.setName("help").setDescription("What I can answer, with examples"))
    .toJSON();
}

/** The question a subcommand asks the router, from its options. */
export function questionFor(sub: string, options: { get(name: string): string | number | null }): string {
  switch (sub) {
    case "ask":
      return String(options.get("question") ?? "");
    case "noc": {
      const occupation = String(options.get("occupation") ?? "").trim();
      const category = options.get("category");
      const subject = /^\d{5}$/.test(occupation) ? occupation : `a ${occupation}`;
      if (category) return `is ${subject} eligible for ${shortOf(category as CategoryId)}`;
      return /^\d{5}$/.test(occupation) ? `what is ${occupation}` : `noc code for ${occupation}`;
    }
    case "draw": {
      const round = options.get("round");
      return round ? `draw ${round}` : "latest draw";
    }
    case "latest": {
      const category = options.get("category");
      return category ? `latest ${shortOf(category as CategoryId)} draw` : "latest draw";
    }
    default:
      return "help";
  }
}
