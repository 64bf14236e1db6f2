import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { parseChecked, readChecked } from "../../src/kb/validated.js";

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

describe("readChecked", () => {
  it("checks a file once, and again once it is rewritten, even with the same length", () => {
    const dir = mkdtempSync(join(tmpdir(), "ee-bot-validated-test-"));
    const file = join(dir, "data.json");
    writeFileSync(file, JSON.stringify({ id: randomUUID(), n: 1 }));
    const c = counted(Schema);
    const read = (p: string) => readFileSync(p, "utf8");
    expect(readChecked(file, read, c.check).success).toBe(true);
    expect(readChecked(file, read, c.check).success).toBe(true);
    expect(c.calls()).toBe(1);
    const text = readFileSync(file, "utf8").replace('"n":1', '"n":"x"');
    writeFileSync(file, text);
    expect(readChecked(file, read, c.check).success).toBe(false);
    expect(c.calls()).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });

  it("does not mark a file written while it was read", () => {
    const dir = mkdtempSync(join(tmpdir(), "ee-bot-validated-test-"));
    const file = join(dir, "data.json");
    writeFileSync(file, JSON.stringify({ id: randomUUID(), n: 1 }));
    const c = counted(Schema);
    // The text read is the first version; the file is replaced before the check ends.
    const read = (p: string) => {
      const text = readFileSync(p, "utf8");
      writeFileSync(`${p}.new`, JSON.stringify({ id: randomUUID(), n: "not a number" }));
      renameSync(`${p}.new`, p);
      return text;
    };
    expect(readChecked(file, read, c.check).success).toBe(true);
    expect(readChecked(file, (p) => readFileSync(p, "utf8"), c.check).success).toBe(false);
    expect(c.calls()).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});
