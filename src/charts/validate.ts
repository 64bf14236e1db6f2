import type * as z from "zod";
import { EeBotError, ErrorCode } from "../errors.js";

/** Parses options a caller passes to the chart functions; a bad option is a programming error, thrown with the field's path. */
export function parseChartInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  throw new EeBotError(ErrorCode.ChartOptionsInvalid, `invalid ${what}: ${detail}`, { cause: parsed.error });
}
