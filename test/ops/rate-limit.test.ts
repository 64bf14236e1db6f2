import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/core/rate-limit.js";

describe("the per-user rate limiter", () => {
  it("allows five messages in ten seconds, tells the sixth once, drops the rest until the window passes", () => {
    let now = 1_764_590_000_000;
    const limiter = new RateLimiter({ messages: 5, windowMs: 10_000, maxUsers: 100 }, () => now);
    const decisions = Array.from({ length: 8 }, () => ((now += 100), limiter.check("discord:alice")));
    expect(decisions).toEqual(["allow", "allow", "allow", "allow", "allow", "notify", "drop", "drop"]);
    expect(limiter.check("discord:bob")).toBe("allow");
    now += 10_000;
    expect(limiter.check("discord:alice")).toBe("allow");
  });

  it("slides: a message is allowed again as soon as the oldest one leaves the window", () => {
    let now = 1_764_590_000_000;
    const limiter = new RateLimiter({ messages: 2, windowMs: 1000, maxUsers: 100 }, () => now);
    expect([limiter.check("u"), (now += 600, limiter.check("u")), (now += 300, limiter.check("u"))]).toEqual(["allow", "allow", "notify"]);
    now += 100;
    expect(limiter.check("u")).toBe("allow");
    expect(limiter.check("u")).toBe("notify");
  });

  it("keeps its memory bounded by the number of users, and forgets idle users", () => {
    let now = 1_764_590_000_000;
    const limiter = new RateLimiter({ messages: 5, windowMs: 1000, maxUsers: 1000 }, () => now);
    for (let i = 0; i < 50_000; i += 1) limiter.check(`slack:user${i}`);
    expect(limiter.size).toBeLessThanOrEqual(1000);
    now += 5000;
    for (let i = 0; i < 2000; i += 1) limiter.check(`slack:active${i % 10}`);
    expect(limiter.size).toBeLessThan(1000);
  });
});
