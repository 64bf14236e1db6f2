import { createHash } from "node:crypto";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

/** What a zod safeParse returns, as far as the loaders read it. */
export type Checked<T> = { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };

// A file whose exact bytes this build of the code has validated before is not validated again: the checks are most
// of a cold start. A mark names the bytes' hash and this module's own modification time, so new code checks again,
// and is made only when the check returned the data unchanged (no defaults filled in), so skipping it is the same.
const MARKS = join(tmpdir(), "ee-bot-validated");
let codeStamp: string | undefined;

function markOf(text: string): string {
  codeStamp ??= (() => {
    try {
      return String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
    } catch {
      return "unknown";
    }
  })();
  return join(MARKS, createHash("sha256").update(codeStamp).update("\0").update(text).digest("hex"));
}

function remember(mark: string): void {
  try {
    mkdirSync(MARKS, { recursive: true });
    writeFileSync(mark, "");
  } catch {
    // Without a writable temporary folder every start validates: slower, never wrong.
  }
}

/** Parses JSON text (throwing SyntaxError as JSON.parse does) and checks it, unless these bytes passed this check before. */
export function parseChecked<T>(text: string, check: (data: unknown) => Checked<T>): Checked<T> {
  const data: unknown = JSON.parse(text);
  const mark = markOf(text);
  if (existsSync(mark)) return { success: true, data: data as T };
  const checked = check(data);
  if (checked.success && isDeepStrictEqual(checked.data, data)) remember(mark);
  return checked;
}
