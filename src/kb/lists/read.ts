import type * as z from "zod";
import { EeBotError, ErrorCode } from "../../errors.js";
import type { BuildWarning, CategoryId, ListedOccupation, ListStatus, Source } from "../schema.js";
import type { Vocabulary } from "../vocabulary.js";
import { ListFileSchema, VersionMapSchema, type ListFile, type VersionMap } from "./schema.js";
import { sha256Hex } from "../../hash.js";

/** The outcome of reading a data file: the value, or one message naming the file and the bad field. */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** A data file as the build reads it: its id (path under knowledge/) and its text. */
export interface DataFile {
  readonly id: string;
  readonly text: string;
}

/** One official category list of one year, normalised: category id, dates and text fields resolved. */
export interface OfficialList {
  readonly category: CategoryId;
  readonly year: number;
  readonly name: string;
  /** The effective date when the file states one. */
  readonly effective: string | null;
  readonly active: boolean;
  readonly hasOccupations: boolean;
  readonly status: ListStatus;
  readonly statusNote: string | null;
  readonly conditions: string | null;
  readonly note: string | null;
  readonly count: number;
  /** Id of the list file, which is the list's source in kb.sources. */
  readonly source: string;
  /** The occupations as the file writes them, with the line of each code in the file. */
  readonly occupations: readonly ListedOccupation[];
}

/** The publisher of every official list. */
export const LIST_PUBLISHER = "Immigration, Refugees and Citizenship Canada";

function where(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
}

function describeIssues(id: string, error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((i) => `${id}: ${where(i.path)}: ${i.message}`);
  const more = error.issues.length > shown.length ? ` (and ${error.issues.length - shown.length} more problems)` : "";
  return `${shown.join("; ")}${more}`;
}

function parseJson(id: string, text: string): ReadResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    return { ok: false, error: `${id}: not valid JSON: ${(cause as Error).message}` };
  }
}

/** The year a list file's name states (lists-2025.json), or null. */
export function yearOfListFile(id: string): number | null {
  const m = /lists-(\d{4})\.json$/.exec(id);
  return m?.[1] ? Number(m[1]) : null;
}

/** Parses one list file; the error names the file and the first bad fields ("lists-2025.json: [2].occupations[3].code: ..."). */
export function parseListFile(file: DataFile): ReadResult<ListFile> {
  const json = parseJson(file.id, file.text);
  if (!json.ok) return json;
  const parsed = ListFileSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, error: describeIssues(file.id, parsed.error) };
  const fileYear = yearOfListFile(file.id);
  const seen = new Set<string>();
  for (const [i, c] of parsed.data.entries()) {
    if (fileYear !== null && c.year !== fileYear) {
      return { ok: false, error: `${file.id}: [${i}].year: ${c.year} is not the year the file is named for (${fileYear})` };
    }
    const key = c.category.toLowerCase();
    if (seen.has(key)) return { ok: false, error: `${file.id}: [${i}].category: "${c.category}" appears twice` };
    seen.add(key);
  }
  return { ok: true, value: parsed.data };
}

/** Parses the version file (knowledge/categories/versions.json). */
export function parseVersionMap(file: DataFile): ReadResult<VersionMap> {
  const json = parseJson(file.id, file.text);
  if (!json.ok) return json;
  const parsed = VersionMapSchema.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(file.id, parsed.error) };
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The category id the vocabulary gives an official category name; "other:<slug>" (with a warning) when it has none. */
export function categoryIdOfListName(vocabulary: Vocabulary, name: string, file: string, warnings: BuildWarning[]): CategoryId {
  const key = name.trim().toLowerCase();
  const entry = vocabulary.roundTypes.find((r) => r.listNames.some((n) => n.toLowerCase() === key));
  if (entry) return entry.id;
  const id = `other:${slug(name) || "unnamed"}`;
  warnings.push({ source: file, line: 0, message: `category "${name}" is not a list name of the vocabulary; kept as ${id}` });
  return id;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Lines are looked up in the text so warnings can point into the file; entries are found in order by their "category" key.
function entryOffsets(text: string): number[] {
  return [...text.matchAll(/"category"\s*:/g)].map((m) => m.index);
}

/** Normalises the categories of one parsed list file. */
export function officialListsOf(file: DataFile, data: ListFile, vocabulary: Vocabulary, warnings: BuildWarning[]): OfficialList[] {
  const offsets = entryOffsets(file.text);
  return data.map((c, i) => {
    const start = offsets[i] ?? 0;
    const end = offsets[i + 1] ?? file.text.length;
    const occupations = c.occupations.map((o) => {
      const m = new RegExp(`"code"\\s*:\\s*"${escapeRegExp(o.code)}"`).exec(file.text.slice(start, end));
      return { code: o.code, title: o.title, teer: o.teer, line: lineAt(file.text, m ? start + m.index : start) };
    });
    const active = c.removed !== true;
    const category = categoryIdOfListName(vocabulary, c.category, file.id, warnings);
    if (active && c.count !== c.occupations.length) {
      warnings.push({
        source: file.id,
        line: lineAt(file.text, start),
        message: `${category} ${c.year}: count is ${c.count} but ${c.occupations.length} occupations are listed`,
      });
    }
    if (!active && c.occupations.length > 0) {
      warnings.push({
        source: file.id,
        line: lineAt(file.text, start),
        message: `${category} ${c.year}: the category is marked removed but lists ${c.occupations.length} occupations; they are not members`,
      });
    }
    return {
      category,
      year: c.year,
      name: c.category,
      effective: c.effective?.date ?? null,
      active,
      // A category that is active with no occupation list selects on something else (French-language proficiency).
      hasOccupations: active ? c.occupations.length > 0 : true,
      status: c.status,
      statusNote: c.statusNote ?? null,
      conditions: c.conditions ?? null,
      note: c.note ?? null,
      count: c.count,
      source: file.id,
      occupations: active ? occupations : [],
    };
  });
}

function mostCommon(values: readonly (string | null | undefined)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** The Source a list file is in kb.sources: kind official, dated by the latest effective date it states. */
export function listFileSource(file: DataFile, data: ListFile): Source {
  const refs = data.map((c) => c.source).filter((s) => s !== undefined);
  const titles = new Set(refs.map((r) => r.title));
  const year = data[0]?.year ?? yearOfListFile(file.id);
  const dates = data.map((c) => c.effective?.date).filter((d): d is string => d !== undefined).sort();
  const published = mostCommon(refs.map((r) => (r.date && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null)));
  const asOf = dates.at(-1) ?? null;
  return {
    id: file.id,
    title: titles.size === 1 ? ([...titles][0] ?? null) : `Category-based selection: ${year ?? "undated"} lists`,
    author: null,
    publisher: LIST_PUBLISHER,
    published,
    updated: null,
    asOf,
    asOfBasis: asOf ? "latest-date-in-text" : "unknown",
    kind: "official",
    url: mostCommon(refs.map((r) => r.url)),
    sha256: sha256Hex(file.text),
  };
}

/** The official lists and their sources, read from the list files; throws naming the file and field when one is malformed. */
export function readOfficialLists(
  files: readonly DataFile[],
  vocabulary: Vocabulary,
  warnings: BuildWarning[],
): { official: OfficialList[]; sources: Source[]; hashes: string[] } {
  const official: OfficialList[] = [];
  const sources: Source[] = [];
  const sorted = [...files].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const file of sorted) {
    const parsed = parseListFile(file);
    if (!parsed.ok) throw new EeBotError(ErrorCode.KnowledgeBaseBuild, parsed.error);
    const source = listFileSource(file, parsed.value);
    sources.push(source);
    official.push(...officialListsOf(file, parsed.value, vocabulary, warnings));
  }
  return { official, sources, hashes: sources.map((s) => `${s.id} ${s.sha256}`) };
}

/** The version map, read from its file; throws naming the file and field when it is malformed. */
export function readVersionMap(file: DataFile): { versions: VersionMap; hash: string } {
  const parsed = parseVersionMap(file);
  if (!parsed.ok) throw new EeBotError(ErrorCode.KnowledgeBaseBuild, parsed.error);
  return { versions: parsed.value, hash: `${file.id} ${sha256Hex(file.text)}` };
}
