import * as z from "zod";
import { lazySchema } from "./lazy-schema.js";
import { CrsGridSchema } from "../crs/grid.js";

/** ISO calendar date, YYYY-MM-DD. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

/** Time of day in UTC, HH:MM:SS. */
export const UtcTimeSchema = z.string().regex(/^\d{2}:\d{2}:\d{2}$/, "expected a time as HH:MM:SS");

/** A 5-digit NOC 2021 unit group code. */
export const NocCodeSchema = z.string().regex(/^\d{5}$/, "expected a 5-digit NOC code");

/** Identifier of an article: its file name. */
export const SourceIdSchema = z.string().min(1);

/** One article the knowledge base was built from. */
export const SourceSchema = z.object({
  id: SourceIdSchema,
  title: z.string().nullable(),
  author: z.string().nullable(),
  publisher: z.string().nullable(),
  published: IsoDateSchema.nullable(),
  updated: IsoDateSchema.nullable(),
  /** The date the article's facts are taken to be current at: updated, else published, else the latest full date in its text. */
  asOf: IsoDateSchema.nullable(),
  asOfBasis: z.enum(["updated", "published", "latest-date-in-text", "unknown"]),
  /** article: news text; official: IRCC or Statistics Canada data; reference: curated paraphrase. */
  kind: z.enum(["article", "official", "reference"]),
  url: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Source = z.infer<typeof SourceSchema>;

/** Identifier of a round type (program, all programs or category): an id of knowledge/vocabulary.json, or "other:<slug>" for a name never seen before. */
export const CategoryIdSchema = z.string().regex(/^(?:[a-z][a-z-]*|other:[a-z0-9-]+)$/, "expected a round-type id");
export type CategoryId = z.infer<typeof CategoryIdSchema>;

/** A round number as IRCC writes it: digits, sometimes with a letter ("91b"). */
export const RoundIdSchema = z.string().regex(/^\d+[a-z]?$/, "expected a round number such as 254 or 91b");
export type RoundId = z.infer<typeof RoundIdSchema>;

/** Kind of round of invitations. */
export const RoundTypeSchema = z.enum(["general", "program-specific", "category-based"]);
export type RoundType = z.infer<typeof RoundTypeSchema>;

/** A value one or more sources state, with those sources. */
export const claimSchema = <T extends z.ZodType>(value: T) =>
  z.object({ value, sources: z.array(SourceIdSchema).min(1) });

/** A tie-breaking timestamp. */
export const TieBreakSchema = z.object({ date: IsoDateSchema, time: UtcTimeSchema.nullable() });
export type TieBreak = z.infer<typeof TieBreakSchema>;

/** Field of a draw that sources can state. */
export const DrawFieldSchema = z.enum([
  "date",
  "time",
  "roundType",
  "program",
  "category",
  "version",
  "invitations",
  "crs",
  "tieBreak",
  "name",
  "distribution",
]);
export type DrawField = z.infer<typeof DrawFieldSchema>;

const ConflictValueSchema = z.union([z.string(), z.number(), TieBreakSchema]);

/** Candidates in the pool in one CRS score range (inclusive bounds). */
export const ScoreRangeSchema = lazySchema(() =>
  z.object({
    min: z.number().int().nonnegative(),
    max: z.number().int().positive(),
    count: z.number().int().nonnegative(),
  })
);
export type ScoreRange = z.infer<typeof ScoreRangeSchema>;

/** The pool's score distribution published with a round; ranges as published, nested ones included (451-500 and 491-500). */
export const DistributionSchema = lazySchema(() =>
  z.object({
    asOf: IsoDateSchema,
    ranges: z.array(ScoreRangeSchema).min(1),
    total: z.number().int().nonnegative(),
  })
);
export type Distribution = z.infer<typeof DistributionSchema>;

/** Sources that state different values for the same field. */
export const ConflictSchema = lazySchema(() =>
  z.object({
    field: z.string(),
    chosen: ConflictValueSchema,
    claims: z.array(claimSchema(ConflictValueSchema)).min(2),
  })
);
export type Conflict = z.infer<typeof ConflictSchema>;

/** A round of invitations, reconciled across sources. */
export const DrawSchema = lazySchema(() =>
  z.object({
    round: RoundIdSchema,
    /** Sort key: 91a is 91.1, 91b is 91.2, 254 is 254. */
    order: z.number().positive(),
    date: IsoDateSchema.nullable(),
    time: UtcTimeSchema.nullable(),
    roundType: RoundTypeSchema.nullable(),
    /** Programs whose candidates were eligible, as the source words it. */
    program: z.string().nullable(),
    /** The round type id (program, all programs or category). */
    category: CategoryIdSchema.nullable(),
    /** The round's name as IRCC (or the article) writes it. */
    name: z.string().nullable(),
    /** List version as written ("Version 1", "2026-Version 3"). */
    version: z.string().nullable(),
    /** Year of the category list this round used, from the version. */
    listYear: z.number().int().nullable(),
    invitations: z.number().int().nonnegative().nullable(),
    crs: z.number().int().nonnegative().nullable(),
    tieBreak: TieBreakSchema.nullable(),
    distribution: DistributionSchema.nullable(),
    /** Every source that states something about this round. */
    sources: z.array(SourceIdSchema).min(1),
    /** For each field, the sources that state the chosen value. */
    provenance: z.partialRecord(DrawFieldSchema, z.array(SourceIdSchema)),
    conflicts: z.array(ConflictSchema),
  })
);
export type Draw = z.infer<typeof DrawSchema>;

/** One occupation row of a category table as one article prints it. */
export const ListedOccupationSchema = lazySchema(() =>
  z.object({
    code: NocCodeSchema,
    title: z.string(),
    teer: z.number().int().min(0).max(5).nullable(),
    line: z.number().int().positive(),
  })
);
export type ListedOccupation = z.infer<typeof ListedOccupationSchema>;

/** A category occupation list as printed by one source, dated by that source. */
export const SourceListSchema = lazySchema(() =>
  z.object({
    category: CategoryIdSchema,
    source: SourceIdSchema,
    version: z.string().nullable(),
    asOf: IsoDateSchema.nullable(),
    heading: z.string(),
    occupations: z.array(ListedOccupationSchema),
    /** Year of the official list of the category this table was matched to (greatest overlap of codes, ties to the earlier year); null when none overlaps. */
    listYear: z.number().int().nullable(),
    /** The overlap with that list: shared codes over all codes of either (Jaccard), 0 to 1. */
    overlap: z.number().min(0).max(1).nullable(),
  })
);
export type SourceList = z.infer<typeof SourceListSchema>;

/** How well an official list was checked (see knowledge/categories/README.md). */
export const ListStatusSchema = z.enum(["verified", "verified-mostly", "inferred", "unverified"]);
export type ListStatus = z.infer<typeof ListStatusSchema>;

/** A member of a reconciled category list. */
export const MemberSchema = lazySchema(() =>
  z.object({
    code: NocCodeSchema,
    title: z.string(),
    teer: z.number().int().min(0).max(5),
    /** Every source that lists the code for this list: the official list and the articles' tables matched to it. */
    sources: z.array(SourceIdSchema).min(1),
    /** Article tables matched to this list that do not include the code. */
    omittedBy: z.array(SourceIdSchema),
  })
);
export type Member = z.infer<typeof MemberSchema>;

/** A code some source lists under the category that is not a member of the reconciled list. */
export const DissentSchema = lazySchema(() =>
  z.object({
    code: NocCodeSchema,
    title: z.string(),
    sources: z.array(SourceIdSchema).min(1),
    reason: z.enum(["minority", "later-list", "not-official"]),
  })
);
export type Dissent = z.infer<typeof DissentSchema>;

/** The occupation list of one category in one year, as in force from its effective date. */
export const CategoryListSchema = lazySchema(() =>
  z.object({
    category: CategoryIdSchema,
    year: z.number().int(),
    /** The category's name that year as IRCC writes it. */
    name: z.string(),
    /** The date the list took effect, when known. */
    effective: IsoDateSchema.nullable(),
    /** False when the category does not exist that year (removed or retired): the list is a record of that. */
    active: z.boolean(),
    /** False for categories that select on something other than occupations (French-language proficiency). */
    hasOccupations: z.boolean(),
    status: ListStatusSchema,
    statusNote: z.string().nullable(),
    /** Work-experience and language conditions as stated. */
    conditions: z.string().nullable(),
    note: z.string().nullable(),
    /** Round numbers that used this list. */
    rounds: z.array(RoundIdSchema),
    /** The version names IRCC's round names use for this list ("Version 1", "2026-Version 3"). */
    versions: z.array(z.string()),
    /** Every source: the official list first, then article tables matched to it. */
    basis: z.array(SourceIdSchema).min(1),
    members: z.array(MemberSchema),
    dissent: z.array(DissentSchema),
    statedCount: claimSchema(z.number().int().nonnegative()).nullable(),
  })
);
export type CategoryList = z.infer<typeof CategoryListSchema>;

/** A short passage of an article kept for retrieval. */
export const PassageSchema = lazySchema(() =>
  z.object({
    source: SourceIdSchema,
    line: z.number().int().positive(),
    offset: z.number().int().nonnegative(),
    text: z.string().min(1),
  })
);
export type Passage = z.infer<typeof PassageSchema>;

const QuoteSchema = z.object({ source: SourceIdSchema, line: z.number().int().positive(), text: z.string() });
/** A sentence of an article that states a fact. */
export type Quote = z.infer<typeof QuoteSchema>;

const factBase = {
  asOf: IsoDateSchema.nullable(),
  sources: z.array(SourceIdSchema).min(1),
  quotes: z.array(QuoteSchema).min(1),
};

/** A rule of selection an article states in one sentence, by what it answers. */
export const RuleTopicSchema = z.enum([
  "ranked-by-crs",
  "category-ranked-by-crs",
  "category-needs-program",
  "category-any-program",
  "ee-manages",
  "category-consultation",
  "category-report",
  "category-purpose",
  "category-cutoff-lower",
]);
/** What a rule answers. */
export type RuleTopic = z.infer<typeof RuleTopicSchema>;

/** A fact stated in prose, with its as-of date and the sentences that state it. */
export const FactSchema = lazySchema(() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("pool-size"), value: z.number().int().nonnegative(), ...factBase }),
    z.object({
      kind: z.literal("invitations-this-year"),
      year: z.number().int(),
      value: z.number().int().nonnegative(),
      ...factBase,
    }),
    z.object({
      kind: z.literal("year-categories"),
      year: z.number().int().nullable(),
      categories: z.array(CategoryIdSchema).min(1),
      ...factBase,
    }),
    z.object({ kind: z.literal("category-noc-count"), value: z.number().int().positive(), ...factBase }),
    z.object({
      kind: z.literal("work-experience"),
      months: z.number().int().positive(),
      withinYears: z.number().int().positive(),
      continuous: z.boolean(),
      ...factBase,
    }),
    z.object({ kind: z.literal("programs"), programs: z.array(CategoryIdSchema).min(1), ...factBase }),
    z.object({
      kind: z.literal("round-kinds"),
      kinds: z.array(z.object({ type: RoundTypeSchema, name: z.string(), description: z.string() })).min(1),
      ...factBase,
    }),
    z.object({ kind: z.literal("schedule"), fixed: z.boolean(), ...factBase }),
    /** `hedged`: the sentence says "likely" or "may", so no answer turns it into a plain yes. */
    z.object({ kind: z.literal("rule"), topic: RuleTopicSchema, hedged: z.boolean(), ...factBase }),
    z.object({
      kind: z.literal("application-process"),
      steps: z.array(z.string()).min(1),
      /** The article's sentence on how the profiles in the pool are ranked, when it has one. */
      ranking: z.string().optional(),
      ...factBase,
    }),
  ])
);
export type Fact = z.infer<typeof FactSchema>;
/** Kind of prose fact. */
export type FactKind = Fact["kind"];

/** A sentence that says what a term means, where it was read. */
const DefinitionSchema = z.object({ text: z.string(), source: SourceIdSchema, line: z.number().int().positive() });

/** A term and what it means, as sources explain it. */
export const TermSchema = lazySchema(() =>
  z.object({
    term: z.string().min(1),
    expansion: z.string().nullable(),
    aliases: z.array(z.string()),
    definitions: z.array(DefinitionSchema),
    sources: z.array(SourceIdSchema).min(1),
    /** The term in French (knowledge/glossary.json): its French name and expansion, and a translation of one of its definitions, cited to that definition's source. */
    fr: z.object({ term: z.string().min(1), expansion: z.string().nullable(), definitions: z.array(DefinitionSchema) }).optional(),
  })
);
export type Term = z.infer<typeof TermSchema>;

/** A NOC unit group as the knowledge base carries it. */
export const OccupationSchema = lazySchema(() =>
  z.object({
    code: NocCodeSchema,
    title: z.string(),
    teer: z.number().int().min(0).max(5),
    broadGroup: z.string(),
    majorGroup: z.string(),
    minorGroup: z.string(),
    leadStatement: z.string(),
  })
);
export type Occupation = z.infer<typeof OccupationSchema>;

/** A problem met while building, with where it was met. */
export const WarningSchema = lazySchema(() =>
  z.object({
    source: z.string(),
    line: z.number().int().nonnegative(),
    message: z.string(),
  })
);
export type BuildWarning = z.infer<typeof WarningSchema>;

/** The knowledge base file, knowledge/kb.json. */
export const KnowledgeBaseSchema = lazySchema(() =>
  z.object({
    schemaVersion: z.literal(2),
    /** Hash of every input file: changes whenever an article or the NOC reference changes. */
    inputHash: z.string().regex(/^[0-9a-f]{64}$/),
    noc: z.object({ version: z.string(), attribution: z.string(), file: z.string() }),
    sources: z.array(SourceSchema),
    /** The round types the knowledge base knows: every vocabulary entry, plus names never seen before ("other:..."). */
    roundTypes: z.array(
      z.object({
        id: CategoryIdSchema,
        kind: z.enum(["all", "program", "category"]),
        label: z.string(),
        name: z.string(),
        /** Names as written by the sources, for search ("Healthcare occupations (Version 1)"). */
        seenNames: z.array(z.string()),
      }),
    ),
    draws: z.array(DrawSchema),
    /** Draw statements that name no round and could not be tied to one. */
    unattachedDraws: z.array(
      z.object({ date: IsoDateSchema, category: CategoryIdSchema.nullable(), source: SourceIdSchema, line: z.number() }),
    ),
    sourceLists: z.array(SourceListSchema),
    categoryLists: z.array(CategoryListSchema),
    facts: z.array(FactSchema),
    terms: z.array(TermSchema),
    passages: z.array(PassageSchema),
    /** The CRS points grid (knowledge/crs/crs-grid.json), validated. */
    crs: CrsGridSchema,
    /** Each round's name as IRCC's French feed writes it, with that feed's source id; empty without the French feed. */
    roundNamesFr: z.object({ source: SourceIdSchema.nullable(), names: z.record(z.string(), z.string()) }).default({ source: null, names: {} }),
    warnings: z.array(WarningSchema),
  })
);
export type KnowledgeBase = z.infer<typeof KnowledgeBaseSchema>;

/** The NOC reference file, knowledge/noc-2021.json. */
export const NocReferenceSchema = lazySchema(() =>
  z.object({
    about: z.string(),
    version: z.string(),
    unitGroups: z.array(OccupationSchema).min(1),
  })
);
export type NocReference = z.infer<typeof NocReferenceSchema>;
