import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { parseChecked } from "../../src/kb/validated.js";

const Schema = z.object({ id: z.string(), n: z.number() });
const WithDefault = z.object({ id: z.string(), n: z.number().default(1) });

function counted<T extends z.ZodType>(schema: T): { check: (d: unknown) => ReturnType<T["safeParse"]>; calls: () => number } {
  let calls = 0;
  return {
    check: (d) => {
      calls += 1;
      return schema.safeParse(d) as ReturnType<T["safeParse"]>;
    },
    calls: () => calls,
  };
}

describe("parseChecked", () => {
  it("checks the same bytes once and returns the same data after", () => {
    const text = JSON.stringify({ id: randomUUID(), n: 2 });
    const c = counted(Schema);
    const first = parseChecked(text, c.check);
    const second = parseChecked(text, c.check);
    expect(c.calls()).toBe(1);
    expect(second).toEqual(first);
    expect(second).toEqual({ success: true, data: JSON.parse(text) });
  });

  it("checks other bytes again, even one character apart", () => {
    const id = randomUUID();
    const c = counted(Schema);
    parseChecked(JSON.stringify({ id, n: 2 }), c.check);
    const other = parseChecked(JSON.stringify({ id, n: 3 }), c.check);
    expect(c.calls()).toBe(2);
    expect(other).toEqual({ success: true, data: { id, n: 3 } });
  });

  it("never skips a check that changed the data (a default filled in), so the defaults are always there", () => {
    const text = JSON.stringify({ id: randomUUID() });
    const c = counted(WithDefault);
    parseChecked(text, c.check);
    const again = parseChecked(text, c.check);
    expect(c.calls()).toBe(2);
    expect(again).toMatchObject({ success: true, data: { n: 1 } });
  });

  it("reports bad data every time and throws on text that is not JSON", () => {
    const text = JSON.stringify({ id: randomUUID(), n: "two" });
    const c = counted(Schema);
    expect(parseChecked(text, c.check).success).toBe(false);
    expect(parseChecked(text, c.check).success).toBe(false);
    expect(c.calls()).toBe(2);
    expect(() => parseChecked("{ not json", c.check)).toThrow(SyntaxError);
  });
});
