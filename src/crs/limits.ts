import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import { readChecked, type Checked } from "../kb/validated.js";
import { EeBotError, ErrorCode } from "../errors.js";
import { KNOWLEDGE_DIR } from "../kb/paths.js";
import { AbilitySchema, TestNameSchema } from "./grid.js";

const RangeSchema = z.object({ min: z.number(), max: z.number() }).refine((r) => r.min <= r.max, "min must not exceed max");
const ScaleSchema = z.object({ min: z.number(), max: z.number(), step: z.number().positive() });

/** knowledge/crs/limits.json: bounds outside which a profile value is impossible. */
export const ProfileLimitsSchema = z.object({
  about: z.string(),
  age: RangeSchema,
  /** Work experience counts from this age on. */
  workFromAge: z.number().int().nonnegative(),
  clb: RangeSchema,
  /** Score scale of each test: the same for every ability ("all") or one per ability. */
  tests: z.record(TestNameSchema, z.partialRecord(z.union([AbilitySchema, z.literal("all")]), ScaleSchema)),
});
/** The plausibility limits. */
export type ProfileLimits = z.infer<typeof ProfileLimitsSchema>;

/** Default location of the limits file. */
export const LIMITS_FILE = join(KNOWLEDGE_DIR, "crs", "limits.json");

/** Reads and validates a limits file; throws EeBotError (ee_crs_grid_invalid) when it is missing or malformed. */
export function loadProfileLimits(file: string = LIMITS_FILE): ProfileLimits {
  let parsed: Checked<ProfileLimits>;
  try {
    parsed = readChecked(file, (f) => readFileSync(f, "utf8"), (d) => ProfileLimitsSchema.safeParse(d));
  } catch (cause) {
    throw new EeBotError(ErrorCode.CrsGridInvalid, `cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
  if (!parsed.success) {
    throw new EeBotError(ErrorCode.CrsGridInvalid, `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

let cached: ProfileLimits | undefined;

/** The project's limits, read once. */
export function defaultProfileLimits(): ProfileLimits {
  cached ??= loadProfileLimits();
  return cached;
}
