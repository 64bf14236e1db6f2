import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Every TypeScript file under these folders, recursively.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("the source text", () => {
  it("holds no control characters, which a pattern means as \\b or \\t would otherwise hide", () => {
    const root = new URL("..", import.meta.url).pathname;
    const bad = ["src", "test", "bench"].flatMap((d) => sources(join(root, d))).filter((f) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(readFileSync(f, "utf8")));
    expect(bad).toEqual([]);
  });
});
