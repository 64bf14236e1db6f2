import type { Knowledge } from "../../core/knowledge.js";
import type { CommandSpec, OptionValues } from "../../skills/types.js";

/**
 * Reads a Slack slash command's text as a skill command's options: `name:value` pairs first, then from the remaining
 * words a round number, a round type or category by name and numbers in the option's range, and the rest as text.
 */
export function optionsFromText(spec: CommandSpec<unknown>, text: string, knowledge: Knowledge): OptionValues {
  const values: Record<string, string | number | boolean> = {};
  const names = new Set(spec.options.map((o) => o.name));
  const rest: string[] = [];
  // Option names may hold hyphens ("canadian-years:1").
  for (const m of text.matchAll(/(\w[\w-]*)[:=]("([^"]*)"|\S+)|(\S+)/g)) {
    const [, key, raw, quoted, word] = m;
    if (key && names.has(key.toLowerCase())) values[key.toLowerCase()] = quoted ?? raw ?? "";
    else rest.push(word ?? m[0]);
  }
  // Options read from their shape go first, so that a free-text option listed before them ("occupation" before
  // "category" and "year") takes only the words they leave: "/ee noc 21231 stem" is 21231 and STEM.
  const freeText = (o: CommandSpec<unknown>["options"][number]): boolean => o.type === "string" && o.autocomplete !== "round" && o.choices === undefined;
  const ordered = [...spec.options.filter((o) => !freeText(o)), ...spec.options.filter(freeText)];
  for (const option of ordered) {
    if (values[option.name] !== undefined || rest.length === 0) continue;
    if (option.type === "boolean") {
      const i = rest.findIndex((w) => w.toLowerCase() === option.name);
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
