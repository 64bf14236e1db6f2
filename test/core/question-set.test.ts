import { afterAll, describe, expect, it } from "vitest";
import { renderPlain } from "../../src/core/format.js";
import { Knowledge } from "../../src/core/knowledge.js";
import { Router } from "../../src/core/router.js";
import { QUESTIONS } from "./questions.js";

const knowledge = Knowledge.load();
const router = new Router(() => knowledge, { onError: (e) => { throw e; } });
const results: { q: string; ok: boolean }[] = [];

describe("the question set", () => {
  it("has at least 120 questions", () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(120);
  });

  QUESTIONS.forEach((c, i) => {
    it(`answers #${i + 1} "${c.q.replace(/\n/g, "\\n")}" as ${c.intent}`, () => {
      const conversation = c.thread ?? `single-${i}`;
      const reply = router.handle({ text: c.q, user: "tester", conversation, platform: "cli" });
      const text = renderPlain(reply);
      let ok = false;
      try {
        expect(reply.intent).toBe(c.intent);
        for (const re of c.says ?? []) expect(text).toMatch(re);
        for (const re of c.never ?? []) expect(text).not.toMatch(re);
        ok = true;
      } finally {
        results.push({ q: c.q, ok });
      }
    });
  });

  afterAll(() => {
    const passed = results.filter((r) => r.ok).length;
    process.stdout.write(`\nquestion set: ${passed}/${results.length} questions answered as expected (${((100 * passed) / Math.max(1, results.length)).toFixed(1)}%)\n`);
  });
});
