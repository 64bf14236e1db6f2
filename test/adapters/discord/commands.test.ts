import { describe, expect, it } from "vitest";
import { choicesFor, eeCommand, MAX_QUESTION } from "../../../src/adapters/discord/commands.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import { makeReply } from "../../../src/core/reply.js";
import { defaultRegistry, SkillRegistry } from "../../../src/skills/registry.js";
import type { AnySkill, OptionSpec } from "../../../src/skills/types.js";

const knowledge = Knowledge.load();
const registry = defaultRegistry();

type Choice = { name: string; value: string };
type Option = { name: string; description: string; type: number; required?: boolean; autocomplete?: boolean; choices?: Choice[]; options?: Option[] };
type Command = { name: string; description: string; options: Option[] };

const command = (k = knowledge, r = registry): Command => eeCommand(k, r) as unknown as Command;
const sub = (c: Command, name: string): Option | undefined => c.options.find((o) => o.name === name);

// Discord counts the characters of every name, description and value of a command, its options and their choices.
function discordSize(o: { name: string; description?: string; value?: string; options?: Option[]; choices?: Choice[] }): number {
  return o.name.length + (o.description?.length ?? 0) + (o.value?.length ?? 0) + [...(o.options ?? []), ...(o.choices ?? [])].reduce((n, x) => n + discordSize(x), 0);
}

/** A skill that only has a command, to show that subcommands come from whatever registry is given. */
function commandOnlySkill(name: string, options: OptionSpec[]): AnySkill {
  return {
    id: `${name}-skill`,
    summary: `the ${name} skill`,
    requires: [],
    optional: [],
    match: () => null,
    answer: (_params, context) => ({ reply: makeReply(context.knowledge, `${name}-skill`, { title: name, text: name }) }),
    examples: () => [],
    command: { name, description: `Run ${name}`, options, toParams: () => ({ ok: true, params: {} }) },
  };
}

describe("the /ee command Discord registers", () => {
  it("has ask first, help last, and between them one subcommand per skill command of the registry, in registry order", () => {
    const fromRegistry = registry.skills.flatMap((s) => (s.command ? [s.command.name] : []));
    expect(fromRegistry).toEqual(expect.arrayContaining(["draw", "rounds", "tiebreak", "check", "pool", "noc", "category"]));
    expect(command().options.map((o) => o.name)).toEqual(["ask", ...fromRegistry, "help"]);
    expect(sub(command(), "ask")?.options).toEqual([expect.objectContaining({ name: "question", type: 3, required: true, max_length: MAX_QUESTION })]);
  });

  it("follows a different registry: its skills' commands and options, required options first", () => {
    const custom = new SkillRegistry([
      commandOnlySkill("alpha", [
        { name: "note", description: "Free text", type: "string" },
        { name: "count", description: "How many", type: "integer", required: true, min: 1, max: 9 },
        { name: "loud", description: "Shout", type: "boolean" },
      ]),
      commandOnlySkill("beta", [{ name: "round", description: "A round", type: "string", autocomplete: "round" }]),
    ]);
    const c = command(knowledge, custom);
    expect(c.options.map((o) => o.name)).toEqual(["ask", "alpha", "beta", "help"]);
    expect(sub(c, "alpha")?.options).toEqual([
      expect.objectContaining({ name: "count", type: 4, required: true, min_value: 1, max_value: 9 }),
      expect.objectContaining({ name: "note", type: 3, required: false }),
      expect.objectContaining({ name: "loud", type: 5, required: false }),
    ]);
    expect(sub(c, "beta")?.options?.[0]).toMatchObject({ name: "round", type: 3, autocomplete: true });
  });

  it("offers the knowledge base's round types as the choices of every type option, at most 25", () => {
    const roundTypes = knowledge.kb.roundTypes.map((t) => t.id);
    expect(roundTypes.length).toBeGreaterThan(5);
    const typeOptions = command().options.flatMap((s) => (s.options ?? []).filter((o) => o.name === "type"));
    expect(typeOptions.length).toBeGreaterThanOrEqual(3);
    for (const o of typeOptions) {
      const values = (o.choices ?? []).map((c) => c.value);
      expect(values.length).toBeLessThanOrEqual(25);
      expect(new Set(values)).toEqual(new Set(roundTypes));
      for (const c of o.choices ?? []) expect(c.name.length).toBeLessThanOrEqual(100);
    }
    const draw = sub(command(), "draw")?.options?.find((o) => o.name === "type");
    expect(draw?.choices).toContainEqual({ name: "CEC (Canadian Experience Class)", value: "cec" });
  });

  it("offers only categories where an option asks for one", () => {
    const categories = knowledge.kb.roundTypes.filter((t) => t.kind === "category").map((t) => t.id);
    const option = sub(command(), "noc")?.options?.find((o) => o.name === "category");
    expect(new Set(option?.choices?.map((c) => c.value))).toEqual(new Set(categories));
    expect(option?.choices?.map((c) => c.value)).not.toContain("cec");
  });

  it("keeps at most 25 choices when the vocabulary knows more round types", () => {
    const extra = "abcdefghijklmnopqrst".split("").map((x) => ({
      id: `extra-${x}`,
      kind: "category" as const,
      label: `extra ${x}`,
      name: `Extra category ${x}`,
      labelFr: `extra fr ${x}`,
      nameFr: `Catégorie ${x}`,
      feedNames: [],
      listNames: [],
      words: [`extra${x}`],
      wordsFr: [],
    }));
    const bigger = new Knowledge(knowledge.kb, knowledge.noc, { ...knowledge.vocabulary, roundTypes: [...knowledge.vocabulary.roundTypes, ...extra] });
    expect(bigger.roundTypes().length).toBeGreaterThan(25);
    expect(choicesFor(bigger, { name: "type", description: "t", type: "string", choices: "round-types" })).toHaveLength(25);
    for (const s of command(bigger).options) for (const o of s.options ?? []) expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
  });

  it("autocompletes occupations and rounds, and stays within Discord's limits on names, descriptions, counts and size, subscriptions included", () => {
    const c = command();
    expect(sub(c, "noc")?.options?.find((o) => o.name === "occupation")).toMatchObject({ type: 3, required: true, autocomplete: true });
    expect(sub(c, "draw")?.options?.find((o) => o.name === "round")).toMatchObject({ type: 3, autocomplete: true });
    expect(sub(c, "tiebreak")?.options?.find((o) => o.name === "round")).toMatchObject({ type: 3, autocomplete: true });
    expect(c.options.length).toBeLessThanOrEqual(25);
    for (const s of c.options) {
      expect(s.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(s.description.length).toBeGreaterThan(0);
      expect(s.description.length).toBeLessThanOrEqual(100);
      expect((s.options ?? []).length).toBeLessThanOrEqual(25);
      for (const o of s.options ?? []) {
        expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
    }
    expect(discordSize(c)).toBeLessThanOrEqual(8000);
    // As registered, with the subscription subcommands.
    const registered = eeCommand(knowledge, registry, { subscriptions: true }) as unknown as Command;
    expect(registered.options.length).toBeLessThanOrEqual(25);
    expect(discordSize(registered)).toBeLessThanOrEqual(8000);
  });
});
