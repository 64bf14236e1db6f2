import { existsSync, mkdirSync, statSync, writeFileSync, type Stats } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { sha256Hex } from "../hash.js";

/** What a zod safeParse returns, as far as the loaders read it. */
export type Checked<T> = { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };

// A file this build of the code has validated before, unchanged since, is not validated again: the checks are most
// of a cold start. A mark names this module's own modification time (new code checks again) and the file's identity
// and times, which any write changes (kb:build renames a new file in); a text without a file is named by its hash.
// A mark is made only when the check returned the data unchanged (no defaults filled in), so skipping it is the same.
const MARKS = join(tmpdir(), `ee-bot-validated-${process.getuid?.() ?? "user"}`);
let codeStamp: string | undefined;

function stampOf(stats: Stats): string {
  return `${stats.dev}-${stats.ino}-${stats.size}-${stats.mtimeMs}-${stats.ctimeMs}`;
}

function markOf(what: string): string {
  codeStamp ??= (() => {
    try {
      return String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
    } catch {
      return "unknown";
    }
  })();
  return join(MARKS, `${codeStamp}-${what}`.replace(/[^A-Za-z0-9.-]/g, "_"));
}

/** A file's identity and times, or undefined when it cannot be read. */
export function fileStampOf(file: string): string | undefined {
  try {
    return stampOf(statSync(file));
  } catch {
    return undefined;
  }
}

function remember(mark: string): void {
  try {
    mkdirSync(MARKS, { recursive: true });
    writeFileSync(mark, "");
  } catch {
    // Without a writable temporary folder every start validates: slower, never wrong.
  }
}

/**
 * Parses JSON text (throwing SyntaxError as JSON.parse does) and checks it, unless it passed this check before: the
 * same file unchanged when `file` is given (its stamp taken before the text was read), else the same text.
 */
export function parseChecked<T>(text: string, check: (data: unknown) => Checked<T>, file?: { path: string; stamp: string | undefined }): Checked<T> {
  const data: unknown = JSON.parse(text);
  const mark = file ? (file.stamp === undefined ? undefined : markOf(file.stamp)) : markOf(sha256Hex(text));
  if (mark !== undefined && existsSync(mark)) return { success: true, data: data as T };
  const checked = check(data);
  // A file written while it was read is not marked: its stamp may not be that of the text checked.
  const unchanged = !file || fileStampOf(file.path) === file.stamp;
  if (mark !== undefined && unchanged && checked.success && isDeepStrictEqual(checked.data, data)) remember(mark);
  return checked;
}

/** Reads a JSON file and checks it as parseChecked does; throws as readFileSync and JSON.parse do. */
export function readChecked<T>(path: string, read: (path: string) => string, check: (data: unknown) => Checked<T>): Checked<T> {
  const stamp = fileStampOf(path);
  return parseChecked(read(path), check, { path, stamp });
}
