import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderDiscord } from "../../src/adapters/discord/render.js";
import { renderSlack } from "../../src/adapters/slack/render.js";
import { Runtime } from "../../src/app.js";
import { Knowledge } from "../../src/core/knowledge.js";
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

describe("the whole core with hostile input, rendered for each platform", () => {
  it("never throws, stays bounded, and never produces a mass mention, a ping or a disguised link from user text", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const reply = runtime.answer({ text, user: "fuzzer", conversation: "fuzz", platform: "discord" });
        if (!reply) return;
        const discord = renderDiscord(reply);
        const discordText = JSON.stringify(discord);
        expect(discordText).not.toMatch(/@everyone|@here|<@&?\d+>/);
        expect(discordText).not.toMatch(/\]\(https?:/);
        for (const p of discord) expect(p.allowedMentions).toEqual({ parse: [], repliedUser: false });
        expect(discord.length).toBeLessThanOrEqual(3);
        const slack = renderSlack(reply);
        const slackText = JSON.stringify(slack);
        expect(slackText).not.toMatch(/<!|<@|<#|<https?:/);
        expect(slack.every((p) => p.blocks.length <= 50)).toBe(true);
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
