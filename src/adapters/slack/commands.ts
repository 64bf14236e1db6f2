import type { Knowledge } from "../../core/knowledge.js";
import { fold } from "../../nlu/language.js";
import type { SkillRegistry } from "../../skills/registry.js";
import type { AnySkill, CommandSpec, OptionValues } from "../../skills/types.js";

/** The skill whose command a word names, in English or in French ("tirage" as well as "draw"), and whether it was the French name. */
export function commandNamed(registry: SkillRegistry, word: string): { skill: AnySkill; french: boolean } | undefined {
  const typed = word.toLowerCase();
  const english = registry.skills.find((s) => s.command?.name === typed);
  if (english) return { skill: english, french: false };
  const folded = fold(typed);
  const french = folded === "" ? undefined : registry.skills.find((s) => s.command?.fr && fold(s.command.fr.name) === folded);
  return french ? { skill: french, french: true } : undefined;
}

/**
 * Reads a Slack slash command's text as a skill command's options: `name:value` pairs first, then from the remaining
 * words a round number, a round type or category by name and numbers in the option's range, and the rest as text.
 */
export function optionsFromText(spec: CommandSpec<unknown>, text: string, knowledge: Knowledge): OptionValues {
  const values: Record<string, string | number | boolean> = {};
  // An option by its English or its French name ("round:254", "tirage:254").
  const names = new Map<string, string>();
  for (const o of spec.options) if (o.fr) names.set(fold(o.fr.name), o.name);
  for (const o of spec.options) names.set(o.name, o.name);
  const rest: string[] = [];
  // Option names may hold hyphens ("canadian-years:1") and accents.
  for (const m of text.matchAll(/([\p{L}\p{N}_][\p{L}\p{N}_-]*)[:=]("([^"]*)"|\S+)|(\S+)/gu)) {
    const [, key, raw, quoted, word] = m;
    const name = key ? (names.get(key.toLowerCase()) ?? names.get(fold(key))) : undefined;
    if (name) values[name] = quoted ?? raw ?? "";
    else rest.push(word ?? m[0]);
  }
  // Options read from their shape go first, so that a free-text option listed before them ("occupation" before
  // "category" and "year") takes only the words they leave: "/ee noc 21231 stem" is 21231 and STEM.
  const freeText = (o: CommandSpec<unknown>["options"][number]): boolean => o.type === "string" && o.autocomplete !== "round" && o.choices === undefined;
  const ordered = [...spec.options.filter((o) => !freeText(o)), ...spec.options.filter(freeText)];
  for (const option of ordered) {
    if (values[option.name] !== undefined || rest.length === 0) continue;
    if (option.type === "boolean") {
      const i = rest.findIndex((w) => w.toLowerCase() === option.name || (option.fr !== undefined && fold(w) === fold(option.fr.name)));
      if (i >= 0) values[option.name] = Boolean(rest.splice(i, 1));
    } else if (option.autocomplete === "round") {
      const i = rest.findIndex((w) => /^#?\d{1,4}[ab]?$/i.test(w));
      if (i >= 0) values[option.name] = (rest.splice(i, 1)[0] ?? "").replace(/^#/, "");
    } else if (option.choices === "round-types" || option.choices === "categories") {
      const joined = rest.join(" ").toLowerCase();
      const hit = knowledge.lexicon.categoriesIn(joined).find((h) => option.choices === "round-types" || knowledge.roundType(h.id)?.kind === "category");
      if (hit) {
        values[option.name] = hit.id;
        const kept = `${joined.slice(0, hit.start)} ${joined.slice(hit.end)}`.split(/\s+/).filter(Boolean);
        rest.splice(0, rest.length, ...kept);
      }
    } else if (option.type === "integer") {
      // Only a number the option accepts: 21231 is an occupation code, not a year.
      const i = rest.findIndex((w) => /^\d+$/.test(w) && (option.min === undefined || Number(w) >= option.min) && (option.max === undefined || Number(w) <= option.max));
      if (i >= 0) values[option.name] = Number(rest.splice(i, 1)[0]);
    } else {
      values[option.name] = rest.splice(0, rest.length).join(" ");
    }
  }
  return values;
}
