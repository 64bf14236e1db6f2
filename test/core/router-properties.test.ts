import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderPlain } from "../../src/core/format.js";
import { Knowledge } from "../../src/core/knowledge.js";
import { Router } from "../../src/core/router.js";
import { ReplySchema } from "../../src/core/types.js";

const knowledge = Knowledge.load();
const errors: unknown[] = [];
const router = new Router(() => knowledge, { onError: (e) => errors.push(e) });

// Generous: this catches runaway regular expressions, not slowness (the benchmark measures speed).
const TIME_BOUND_MS = 1000;
const LENGTH_BOUND = 12_000;

const chatty = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 10_000 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 10_000 }),
  fc
    .array(fc.constantFrom("is", "21231", "stem", "<@123>", "@everyone", "draw", "#254", "crs", "480", "?", "\n", "latest", "ß", "😀", "\u0000", "july 4 2023", "and"), { maxLength: 60 })
    .map((w) => w.join(" ")),
);

describe("the router on arbitrary input", () => {
  it("answers any string of any Unicode up to 10,000 characters without throwing, in bounded time and length", () => {
    fc.assert(
      fc.property(chatty, (text) => {
        const started = performance.now();
        const reply = router.handle({ text, user: "fuzz", conversation: "fuzz", platform: "cli" });
        const elapsed = performance.now() - started;
        expect(ReplySchema.safeParse(reply).success).toBe(true);
        expect(elapsed).toBeLessThan(TIME_BOUND_MS);
        expect(renderPlain(reply).length).toBeLessThan(LENGTH_BOUND);
      }),
      { numRuns: 300, seed: 20231105 },
    );
    expect(errors).toEqual([]);
  });

  it("answers repetitive, adversarial messages of the maximum length in bounded time", () => {
    const adversarial = [
      "what occupations ".repeat(120),
      "what all which jobs occupations nocs is am ".repeat(45),
      "lowest highest cut-off crs ".repeat(80),
      "how many itas invitations this year so far ".repeat(45),
      `is a ${"x".repeat(1990)}`,
      "july 4 2023 ".repeat(160),
      "<@1".repeat(600),
      "noc noc for of ".repeat(130),
      "21231 ".repeat(330),
    ];
    for (const text of adversarial) {
      const started = performance.now();
      const reply = router.handle({ text, user: "fuzz", conversation: "adversarial", platform: "cli" });
      expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
      expect(renderPlain(reply).length).toBeLessThan(LENGTH_BOUND);
    }
    expect(errors).toEqual([]);
  });

  it("reads only the first 2,000 characters of a huge message and says so", () => {
    const reply = router.handle({ text: `is 21231 stem? ${"x".repeat(50_000)}`, user: "u", conversation: "big", platform: "cli" });
    expect(reply.text).toMatch(/^Yes\./);
    expect(reply.text).toMatch(/read only its first 2000 characters/);
  });
});
