import { readFileSync } from "node:fs";
import * as z from "zod";
import { EeBotError, ErrorCode } from "../errors.js";
import type { LoadResult } from "./load.js";
import { NocCodeSchema } from "./schema.js";

/** The French NOC file, knowledge/noc-2021-fr.json: the official CNP 2021 title of every unit group, by code. */
export const NocFrenchSchema = z.object({
  about: z.string(),
  version: z.string(),
  unitGroups: z.array(z.object({ code: NocCodeSchema, title: z.string().min(1) })).min(1),
});
/** The French NOC file's contents. */
export type NocFrench = z.infer<typeof NocFrenchSchema>;

/** Loads and validates the French NOC titles; a missing or invalid file is an error value naming the file and field. */
export function loadNocFrench(path: string): LoadResult<NocFrench> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === "ENOENT";
    return {
      ok: false,
      error: new EeBotError(missing ? ErrorCode.KnowledgeBaseMissing : ErrorCode.KnowledgeBaseInvalid, missing ? `${path} does not exist` : `cannot read ${path}: ${(cause as Error).message}`, { cause }),
    };
  }
  const parsed = NocFrenchSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? first.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") : "(root)";
    return { ok: false, error: new EeBotError(ErrorCode.KnowledgeBaseInvalid, `${path}: ${where}: ${first?.message ?? "invalid"}`) };
  }
  return { ok: true, value: parsed.data };
}
