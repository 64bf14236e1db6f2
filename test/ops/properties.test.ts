import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderDiscord } from "../../src/adapters/discord/render.js";
import { renderSlack } from "../../src/adapters/slack/render.js";
import { Runtime } from "../../src/app.js";
import { Knowledge } from "../../src/core/knowledge.js";
import type { Reply } from "../../src/core/types.js";
import { silentLogger } from "../../src/log.js";

const knowledge = Knowledge.load();
const runtime = new Runtime(knowledge, silentLogger(), { rateLimits: { messages: 1_000_000, windowMs: 1000, maxUsers: 10 } });

const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 3000 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom("@everyone", "@here", "<@&123456789012345678>", "<@123456789012345678>", "<!channel>", "<!here>", "<!subteam^S1|team>", "<https://evil.example|canada.ca>", "[x](https://evil.example)", "\u0000", "\u202e", "\r\n", "is", "21231", "stem", "noc code for", "what is", "?"),
        fc.string({ unit: "grapheme", maxLength: 12 }),
      ),
      { maxLength: 80 },
    )
    .map((w) => w.join(" ")),
);

/**
 * Checks a reply rendered for Discord and Slack: bounded, never a ping, never a disguised link. A reply that may quote
 * the user's words (a command's option value) may hold mention syntax on Discord, where it stays inert: embeds only,
 * with no mention parsed.
 */
function checkRendered(reply: Reply, quotesInput = false): void {
  const discord = renderDiscord(reply);
  const discordText = JSON.stringify(discord);
  if (!quotesInput) expect(discordText).not.toMatch(/@everyone|@here|<@&?\d+>/);
  // Escaped characters show as themselves: what is left must hold no [text](link).
  for (const e of discord.flatMap((p) => p.embeds)) {
    for (const t of [e.description ?? "", ...(e.fields ?? []).map((f) => f.value)]) expect(t.replace(/\\./g, "")).not.toMatch(/\[[^\]]*\]\(/);
  }
  for (const p of discord) {
    expect(p.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(Object.keys(p).sort()).toEqual(["allowedMentions", "embeds"]);
  }
  expect(discord.length).toBeLessThanOrEqual(3);
  const slack = renderSlack(reply);
  const slackText = JSON.stringify(slack);
  expect(slackText).not.toMatch(/<!|<@|<#|<https?:/);
  expect(slack.every((p) => p.blocks.length <= 50)).toBe(true);
}

// Option values as a platform could hand them over: a hostile string, a number or a boolean, for each option of a command.
const commandsWithValues = fc.constantFrom(...runtime.robot.registry.skills.flatMap((s) => (s.command ? [s.command] : []))).chain((spec) =>
  fc.tuple(
    fc.constant(spec.name),
    fc.record(Object.fromEntries(spec.options.map((o) => [o.name, fc.option(fc.oneof(hostile, fc.integer({ min: -5, max: 5000 }), fc.boolean()), { nil: undefined })])), { requiredKeys: [] }),
  ),
);

describe("the whole core with hostile input, rendered for each platform", () => {
  it("never throws, stays bounded, and never produces a mass mention, a ping or a disguised link from user text", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const reply = await runtime.answer({ text, user: "fuzzer", conversation: "fuzz", platform: "discord" });
        if (reply) checkRendered(reply);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it("answers every skill command with any option values, never throwing, within the same bounds", async () => {
    await fc.assert(
      fc.asyncProperty(commandsWithValues, async ([name, values]) => {
        const reply = await runtime.command(name, values, { user: "fuzzer", conversation: "fuzz-commands", platform: "slack" });
        expect(reply).toBeDefined();
        if (reply) checkRendered(reply, true);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
