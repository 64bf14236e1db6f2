import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { EeBotError, ErrorCode } from "../errors.js";
import { KnowledgeBaseSchema, NocReferenceSchema, type KnowledgeBase, type NocReference } from "./schema.js";

/** The outcome of loading a JSON file against a schema: the value, or one readable reason. */
export type LoadResult<T> = { ok: true; value: T } | { ok: false; error: EeBotError };

// A file whose exact bytes this build of the code has validated before is not validated again: the check is most of
// a cold start. The mark names the bytes' hash and this module's own modification time, so new code checks again.
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

function loadJson<T>(path: string, parse: (data: unknown) => { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): LoadResult<T> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === "ENOENT";
    return {
      ok: false,
      error: new EeBotError(
        missing ? ErrorCode.KnowledgeBaseMissing : ErrorCode.KnowledgeBaseInvalid,
        missing ? `${path} does not exist (run npm run kb:build)` : `cannot read ${path}: ${(cause as Error).message}`,
        { cause },
      ),
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    return { ok: false, error: new EeBotError(ErrorCode.KnowledgeBaseInvalid, `${path} is not valid JSON: ${(cause as Error).message}`, { cause }) };
  }
  const mark = markOf(text);
  if (existsSync(mark)) return { ok: true, value: data as T };
  const parsed = parse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? first.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") : "(root)";
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : "";
    return { ok: false, error: new EeBotError(ErrorCode.KnowledgeBaseInvalid, `${path}: ${where}: ${first?.message ?? "invalid"}${more}`) };
  }
  remember(mark);
  return { ok: true, value: parsed.data };
}

/** Loads and validates knowledge/kb.json. */
export function loadKnowledgeBase(path: string): LoadResult<KnowledgeBase> {
  return loadJson(path, (d) => KnowledgeBaseSchema.safeParse(d));
}

/** Loads and validates the NOC reference. */
export function loadNocReference(path: string): LoadResult<NocReference> {
  return loadJson(path, (d) => NocReferenceSchema.safeParse(d));
}
