import { readFileSync } from "node:fs";
import { EeBotError, ErrorCode } from "../errors.js";
import { fileStampOf, parseChecked, type Checked } from "./validated.js";
import { KnowledgeBaseSchema, NocReferenceSchema, type KnowledgeBase, type NocReference } from "./schema.js";

/** The outcome of loading a JSON file against a schema: the value, or one readable reason. */
export type LoadResult<T> = { ok: true; value: T } | { ok: false; error: EeBotError };

function loadJson<T>(path: string, parse: (data: unknown) => Checked<T>): LoadResult<T> {
  let text: string;
  const stamp = fileStampOf(path);
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
  let parsed: Checked<T>;
  try {
    parsed = parseChecked(text, parse, { path, stamp });
  } catch (cause) {
    return { ok: false, error: new EeBotError(ErrorCode.KnowledgeBaseInvalid, `${path} is not valid JSON: ${(cause as Error).message}`, { cause }) };
  }
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? first.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") : "(root)";
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : "";
    return { ok: false, error: new EeBotError(ErrorCode.KnowledgeBaseInvalid, `${path}: ${where}: ${first?.message ?? "invalid"}${more}`) };
  }
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
