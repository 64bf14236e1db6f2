import * as z from "zod";
import { CategoryIdSchema, IsoDateSchema, ListStatusSchema, NocCodeSchema } from "../schema.js";

const ISO_DATE_IN = /\b(\d{4}-\d{2}-\d{2})\b/;

/** An effective date as the list files write it: "2025-02-27", or a date followed by a remark ("2024-01-01 (2023 categories maintained)"). */
export const EffectiveDateSchema = z
  .string()
  .regex(ISO_DATE_IN, "expected a date as YYYY-MM-DD, optionally followed by a remark")
  .transform((s) => ({ date: IsoDateSchema.parse(ISO_DATE_IN.exec(s)?.[1]), remark: s.replace(ISO_DATE_IN, "").trim() || null }));
/** A parsed effective date and the remark written after it. */
export type EffectiveDate = z.infer<typeof EffectiveDateSchema>;

/** The publication a list file cites for a category. */
export const ListSourceRefSchema = z.looseObject({
  title: z.string().min(1),
  url: z.string().min(1).nullable().optional(),
  publisher: z.string().nullable().optional(),
  /** A full date, or only a year ("2025"). */
  date: z.string().nullable().optional(),
});
/** The publication a list file cites for a category. */
export type ListSourceRef = z.infer<typeof ListSourceRefSchema>;

/** One occupation of an official list. */
export const OfficialOccupationSchema = z.looseObject({
  code: NocCodeSchema,
  title: z.string().min(1),
  teer: z.number().int().min(0).max(5),
});
/** One occupation of an official list. */
export type OfficialOccupation = z.infer<typeof OfficialOccupationSchema>;

/** One category of one year in a list file (knowledge/categories/lists-YYYY.json); fields the build does not use are kept but not read. */
export const OfficialCategorySchema = z.looseObject({
  /** The category's name as IRCC writes it that year. */
  category: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  /** Absent for a category retired that year. */
  effective: EffectiveDateSchema.optional(),
  source: ListSourceRefSchema.optional(),
  /** Secondary sources the list was checked against. */
  sources: z.array(z.string()).optional(),
  conditions: z.string().optional(),
  occupations: z.array(OfficialOccupationSchema),
  count: z.number().int().nonnegative(),
  status: ListStatusSchema,
  statusNote: z.string().optional(),
  note: z.string().optional(),
  /** True when the category does not exist that year. */
  removed: z.boolean().optional(),
});
/** One category of one year in a list file. */
export type OfficialCategory = z.infer<typeof OfficialCategorySchema>;

/** A list file: the categories of one year. */
export const ListFileSchema = z.array(OfficialCategorySchema).min(1, "expected at least one category");
/** A list file: the categories of one year. */
export type ListFile = z.infer<typeof ListFileSchema>;

/** One version name of IRCC's round names and the lists it refers to, by category id. */
export const ListVersionSchema = z.object({
  /** The name as IRCC's rounds feed writes it ("Version 1", "2026-Version 3"). */
  name: z.string().min(1),
  /** Other spellings of the same version ("2023-1" on IRCC's 2023 round pages). */
  aliases: z.array(z.string().min(1)),
  /** For each category id, the years of the lists this version refers to. */
  lists: z.record(CategoryIdSchema, z.array(z.number().int()).min(1)),
});
/** One version name and the lists it refers to. */
export type ListVersion = z.infer<typeof ListVersionSchema>;

/** The version file, knowledge/categories/versions.json. */
export const VersionMapSchema = z
  .object({ about: z.string(), versions: z.array(ListVersionSchema) })
  .refine((m) => {
    const names = m.versions.flatMap((v) => [v.name, ...v.aliases].map((n) => n.toLowerCase()));
    return new Set(names).size === names.length;
  }, "version names and aliases must be unique");
/** The version file. */
export type VersionMap = z.infer<typeof VersionMapSchema>;
