import * as z from "zod";
import { DrawSchema, RoundIdSchema, type BuildWarning, type Distribution, type RoundType, type ScoreRange } from "../schema.js";
import { lazySchema } from "../lazy-schema.js";
import { roundTypeOfName, type RoundTypeEntry, type Vocabulary } from "../vocabulary.js";
import type { FeedFormat } from "./format.js";
import { readFeedMoment, readIsoDate, readWordDate } from "./moment.js";
import { roundOrder } from "./round-id.js";

/** The feed's envelope: strict, since a different shape means a different file. */
export const FeedEnvelopeSchema = z.object({
  classes: z.string(),
  rounds: z.array(z.record(z.string(), z.unknown())),
});

/** One round as the feed states it, read field by field. */
export const FeedRoundSchema = lazySchema(() =>
  DrawSchema.pick({
    round: true,
    order: true,
    date: true,
    time: true,
    roundType: true,
    program: true,
    category: true,
    name: true,
    version: true,
    listYear: true,
    invitations: true,
    crs: true,
    tieBreak: true,
    distribution: true,
  })
);
/** One round as the feed states it. */
export type FeedRound = z.infer<typeof FeedRoundSchema>;

/** Why a feed cannot be used at all. */
export const FeedProblemSchema = z.object({
  reason: z.enum(["not-json", "envelope", "no-rounds"]),
  message: z.string(),
});
/** Why a feed cannot be used at all. */
export type FeedProblem = z.infer<typeof FeedProblemSchema>;

/** A readable feed: its rounds newest first as published, and a warning for every field that could not be read. */
export interface ParsedFeed {
  readonly rounds: readonly FeedRound[];
  readonly warnings: readonly BuildWarning[];
}

/** The outcome of reading a feed. */
export type FeedParseResult = { ok: true; value: ParsedFeed } | { ok: false; error: FeedProblem };

/** What reading a feed needs besides the feed. */
export interface FeedContext {
  /** The feed's source id, for warnings ("ircc/ee_rounds_123_en.json"). */
  readonly source: string;
  readonly format: FeedFormat;
  readonly vocabulary: Vocabulary;
}

const COUNT = /^\d{1,3}(?:,\d{3})+$|^\d+$/;
const VERSION = /(?:\d{4}-)?version\s*\d+/i;

const ROUND_TYPE_OF_KIND: Readonly<Record<RoundTypeEntry["kind"], RoundType>> = {
  all: "general",
  program: "program-specific",
  category: "category-based",
};

/** A round name without its list version: "Skilled Nurses, 2027-Version 1" is "Skilled Nurses". */
export function nameWithoutVersion(name: string): string {
  return name
    .replace(/\(\s*(?:\d{4}-)?version\s*\d+\s*\)|,?\s*(?:\d{4}-)?version\s*\d+/i, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s,;:-]+$/, "");
}

/** The id a round name gets when no vocabulary entry matches it: "other:" and the name without its version. */
export function otherRoundTypeId(name: string): string {
  const slug = nameWithoutVersion(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `other:${slug || "unnamed"}`;
}

/** The list version a round name carries ("2026-Version 3", "Version 1"), or null. */
export function versionOfName(name: string): string | null {
  return VERSION.exec(name)?.[0].replace(/\s+/g, " ") ?? null;
}

/** The year a list version states ("2026-Version 3" and "2023-1" give the year), or null. */
export function yearOfVersion(version: string | null): number | null {
  const m = version ? /^(\d{4})-/.exec(version) : null;
  return m?.[1] ? Number(m[1]) : null;
}

function readCount(text: string): number | null {
  const t = text.trim();
  return COUNT.test(t) ? Number(t.replace(/,/g, "")) : null;
}

class RoundReader {
  readonly warnings: BuildWarning[] = [];
  label: string;

  constructor(
    private readonly raw: Readonly<Record<string, unknown>>,
    private readonly source: string,
    index: number,
  ) {
    this.label = `round at position ${index + 1}`;
  }

  warn(field: string, message: string): void {
    this.warnings.push({ source: this.source, line: 0, message: `${this.label}: ${field}: ${message}` });
  }

  /** The field's text; a missing or non-string field is a warning and null. */
  text(field: string): string | null {
    const v = this.raw[field];
    if (typeof v === "string") return v;
    this.warn(field, v === undefined ? "missing" : `cannot read ${JSON.stringify(v)}`);
    return null;
  }

  /** The field read by `read`; text it cannot read is a warning and null. */
  read<T>(field: string, read: (text: string) => T | null, options: { emptyIsNull?: boolean } = {}): T | null {
    const t = this.text(field);
    if (t === null) return null;
    if (options.emptyIsNull && t.trim() === "") return null;
    const v = read(t);
    if (v === null) this.warn(field, `cannot read '${t}'`);
    return v;
  }
}

function readDistribution(r: RoundReader, format: FeedFormat["distribution"]): Distribution | null {
  const totalText = r.text(format.total);
  const counts = format.ranges.map((range) => ({ range, text: r.text(range.field) }));
  const all = [totalText, ...counts.map((c) => c.text)];
  // IRCC writes "0" in every field for rounds it published no distribution for.
  if (all.every((t) => t === null || readCount(t) === 0)) return null;
  const total = totalText === null ? null : readCount(totalText);
  if (total === null) {
    if (totalText !== null) r.warn(format.total, `cannot read '${totalText}'; distribution left out`);
    return null;
  }
  const asOf = r.read(format.asOf, readWordDate);
  if (asOf === null) {
    r.warn(format.asOf, "no date for the distribution; distribution left out");
    return null;
  }
  const ranges: ScoreRange[] = [];
  for (const { range, text } of counts) {
    if (text === null) continue;
    const count = readCount(text);
    if (count === null) r.warn(range.field, `cannot read '${text}'; range ${range.min}-${range.max} left out`);
    else ranges.push({ min: range.min, max: range.max, count });
  }
  return ranges.length > 0 ? { asOf, ranges, total } : null;
}

function readRound(raw: Readonly<Record<string, unknown>>, index: number, context: FeedContext): { round: FeedRound | null; warnings: BuildWarning[] } {
  const r = new RoundReader(raw, context.source, index);
  const id = r.read("drawNumber", (t) => {
    const parsed = RoundIdSchema.safeParse(t.trim().toLowerCase());
    return parsed.success ? parsed.data : null;
  });
  if (id === null) {
    r.warn("drawNumber", "the round has no readable number; round left out");
    return { round: null, warnings: r.warnings };
  }
  r.label = `round ${id}`;
  const date = r.read("drawDate", readIsoDate);
  const name = r.read("drawName", (t) => (t.trim() === "" ? null : t));
  let category: string | null = null;
  let roundType: RoundType | null = null;
  if (name !== null) {
    const entry = roundTypeOfName(context.vocabulary, name);
    if (entry) {
      category = entry.id;
      roundType = ROUND_TYPE_OF_KIND[entry.kind];
    } else {
      category = otherRoundTypeId(name);
      r.warn("drawName", `'${name}' matches no round type of the vocabulary; listed as ${category}`);
    }
  }
  const version = name === null ? null : versionOfName(name);
  const moment = r.read("drawDateTime", (t) => readFeedMoment(t, date), { emptyIsNull: true });
  if (moment && date && moment.date !== date) r.warn("drawDateTime", `date ${moment.date} differs from drawDate ${date}; time kept`);
  if (moment && moment.time === null) r.warn("drawDateTime", "no time of day");
  const cutOff = r.read("drawCutOff", (t) => readFeedMoment(t, date), { emptyIsNull: true });
  if (cutOff?.yearAssumed) r.warn("drawCutOff", `no year stated; taken as ${cutOff.date.slice(0, 4)}`);
  const program = r.read("drawText2", (t) => (t.trim() === "" ? null : t.trim()), { emptyIsNull: true });
  const round: FeedRound = {
    round: id,
    order: roundOrder(id),
    date,
    time: moment?.time ?? null,
    roundType,
    program,
    category,
    name,
    version,
    listYear: yearOfVersion(version),
    invitations: r.read("drawSize", readCount),
    crs: r.read("drawCRS", readCount),
    tieBreak: cutOff ? { date: cutOff.date, time: cutOff.time } : null,
    distribution: readDistribution(r, context.format.distribution),
  };
  return { round, warnings: r.warnings };
}

/** The feed's envelope: refuses a wrong shape or no rounds. */
export type FeedEnvelope = z.infer<typeof FeedEnvelopeSchema>;

function envelopeOf(data: unknown): { ok: true; value: FeedEnvelope } | { ok: false; error: FeedProblem } {
  const envelope = FeedEnvelopeSchema.safeParse(data);
  if (!envelope.success) {
    const first = envelope.error.issues[0];
    const where = first?.path.length ? first.path.join(".") : "(root)";
    return {
      ok: false,
      error: { reason: "envelope", message: `it is not the rounds feed's shape {classes, rounds: [...]}: ${where}: ${first?.message ?? "invalid"}` },
    };
  }
  if (envelope.data.rounds.length === 0) return { ok: false, error: { reason: "no-rounds", message: "it lists no rounds" } };
  return { ok: true, value: envelope.data };
}

function jsonOf(text: string): { ok: true; value: unknown } | { ok: false; error: FeedProblem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const start = text.trimStart().slice(0, 40).replace(/\s+/g, " ");
    return { ok: false, error: { reason: "not-json", message: `it is not JSON (it starts with '${start}')` } };
  }
}

/** A feed's envelope from its text (English or French): refuses text that is not JSON, a wrong shape or no rounds. */
export function readFeedEnvelope(text: string): { ok: true; value: FeedEnvelope } | { ok: false; error: FeedProblem } {
  const data = jsonOf(text);
  return data.ok ? envelopeOf(data.value) : data;
}

/** Reads a feed already parsed from JSON: refuses a wrong envelope or no rounds, reads every round field by field. */
export function parseFeed(data: unknown, context: FeedContext): FeedParseResult {
  const envelope = envelopeOf(data);
  if (!envelope.ok) return envelope;
  const rounds: FeedRound[] = [];
  const warnings: BuildWarning[] = [];
  const seen = new Set<string>();
  envelope.value.rounds.forEach((raw, index) => {
    const read = readRound(raw, index, context);
    warnings.push(...read.warnings);
    if (!read.round) return;
    if (seen.has(read.round.round)) {
      warnings.push({ source: context.source, line: 0, message: `round ${read.round.round}: listed twice; the later listing left out` });
      return;
    }
    seen.add(read.round.round);
    rounds.push(read.round);
  });
  if (rounds.length === 0) return { ok: false, error: { reason: "no-rounds", message: "none of its rounds has a readable number" } };
  return { ok: true, value: { rounds, warnings } };
}

/** Reads a feed from its text: refuses text that is not JSON, then as parseFeed. */
export function parseFeedText(text: string, context: FeedContext): FeedParseResult {
  const data = jsonOf(text);
  return data.ok ? parseFeed(data.value, context) : data;
}

/** The newest round of a feed: the latest date, then the highest round order. */
export function latestRound(rounds: readonly FeedRound[]): FeedRound | undefined {
  return [...rounds].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || b.order - a.order)[0];
}
