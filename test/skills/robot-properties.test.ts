import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderPlain } from "../../src/core/format.js";
import { Knowledge } from "../../src/core/knowledge.js";
import { ReplySchema } from "../../src/core/types.js";
import { Robot } from "../../src/skills/robot.js";

const knowledge = Knowledge.load();
const errors: unknown[] = [];
const robot = new Robot(() => knowledge, { onError: (e) => errors.push(e) });

// Generous: this catches runaway regular expressions, not slowness (the benchmark measures speed).
const TIME_BOUND_MS = 1000;
const LENGTH_BOUND = 30_000;

const chatty = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 10_000 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 10_000 }),
  fc
    .array(
      fc.constantFrom("is", "21231", "stem", "<@123>", "@everyone", "draw", "#254", "91b", "crs", "480", "?", "\n", ";", "latest", "ß", "😀", "\u0000", "july 4 2023", "3/5/2025", "and", "ielts 8 7 7 7", "age 29", "chart", "pool", "since round 400", "what if", "wife"),
      { maxLength: 60 },
    )
    .map((w) => w.join(" ")),
);

describe("the robot on arbitrary input", () => {
  it("answers any string of any Unicode up to 10,000 characters without throwing, in bounded time and length", () => {
    fc.assert(
      fc.property(chatty, (text) => {
        const started = performance.now();
        const reply = robot.handle({ text, user: "fuzz", conversation: "fuzz", platform: "cli" });
        const elapsed = performance.now() - started;
        expect(ReplySchema.safeParse(reply).success).toBe(true);
        expect(elapsed).toBeLessThan(TIME_BOUND_MS);
        expect(renderPlain(reply).length).toBeLessThan(LENGTH_BOUND);
      }),
      { numRuns: 300, seed: 20261201 },
    );
    expect(errors).toEqual([]);
  });
});
