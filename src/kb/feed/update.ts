import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import writeFileAtomic from "write-file-atomic";
import * as z from "zod";
import { EeBotError, ErrorCode, isEeBotError } from "../../errors.js";
import { buildKnowledgeBase, readInputs, serialize, sourceIdOf } from "../build.js";
import type { KnowledgePaths } from "../paths.js";
import type { BuildWarning, RoundId } from "../schema.js";
import { loadVocabulary } from "../vocabulary.js";
import { readFrenchNames } from "./french.js";
import { loadFeedFormat } from "./format.js";
import { latestRound, parseFeedText, type FeedRound } from "./parse.js";
import { readSnapshot } from "./snapshot.js";

export { readSnapshot } from "./snapshot.js";
import { compareRounds } from "./round-id.js";

/** Why a downloaded feed was not used. */
export const FeedRefusalReasonSchema = z.enum([
  "network",
  "timeout",
  "http",
  "not-json",
  "envelope",
  "no-rounds",
  "fewer-rounds",
  "older",
  "unbuildable",
  /** Not a judgement of the feed: the update itself failed (a poller reports thrown errors so). */
  "failed",
]);
/** Why a downloaded feed was not used. */
export type FeedRefusalReason = z.infer<typeof FeedRefusalReasonSchema>;

/** A refusal: nothing on disk was changed. */
export interface FeedRefusal {
  readonly reason: FeedRefusalReason;
  /** One line naming why. */
  readonly message: string;
}

/** What an accepted download did. */
export type FeedUpdated =
  | {
      readonly status: "updated";
      /** Rounds the new feed has that the snapshot did not, in round order. */
      readonly newRounds: readonly RoundId[];
      readonly latestRound: RoundId | null;
      readonly roundCount: number;
      /** False when the download was byte for byte the snapshot, so nothing was written. */
      readonly feedChanged: boolean;
      readonly kbChanged: boolean;
      readonly warnings: readonly BuildWarning[];
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  | { readonly status: "not-modified" };

/** The outcome of one update: done, or refused with every file left as it was. */
export type FeedUpdateResult = { ok: true; value: FeedUpdated } | { ok: false; error: FeedRefusal };

/** What an update needs. */
export interface UpdateFeedOptions {
  readonly url: string;
  readonly paths: KnowledgePaths;
  /** The fetch to use; Node's global fetch by default. */
  readonly fetch?: typeof fetch;
  /** For the whole download, headers and body. */
  readonly timeoutMs: number;
  /** Validators of the last accepted response, for a conditional request. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  /** Aborts the download (a poller stopping). */
  readonly signal?: AbortSignal;
}

function refuse(reason: FeedRefusalReason, message: string): FeedUpdateResult {
  return { ok: false, error: { reason, message } };
}


function newer(a: FeedRound, b: FeedRound): number {
  return (a.date ?? "").localeCompare(b.date ?? "") || compareRounds(a.round, b.round);
}

async function download(options: Pick<UpdateFeedOptions, "url" | "fetch" | "timeoutMs" | "etag" | "lastModified" | "signal">): Promise<{ ok: true; response: Response; bytes: Uint8Array } | { ok: false; error: FeedRefusal }> {
  const fetchImpl = options.fetch ?? fetch;
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await fetchImpl(options.url, { headers, signal });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { ok: true, response, bytes };
  } catch (cause) {
    if (timeout.aborted) return { ok: false, error: { reason: "timeout", message: `no complete answer from ${options.url} within ${options.timeoutMs} ms` } };
    const detail = cause instanceof Error ? ((cause.cause as Error | undefined)?.message ?? cause.message) : String(cause);
    return { ok: false, error: { reason: "network", message: `cannot reach ${options.url}: ${detail}` } };
  }
}

/** Downloads and validates the feed; writes it and a rebuilt kb.json atomically, or refuses it changing no file. */
export async function updateFeed(options: UpdateFeedOptions): Promise<FeedUpdateResult> {
  const got = await download(options);
  if (!got.ok) return got;
  const { response, bytes } = got;
  if (response.status === 304) return { ok: true, value: { status: "not-modified" } };
  if (response.status !== 200) return refuse("http", `${options.url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);

  const { paths } = options;
  const id = sourceIdOf(paths, paths.feed);
  const text = new TextDecoder().decode(bytes);
  const parsed = parseFeedText(text, { source: id, format: loadFeedFormat(paths.feedFormat), vocabulary: loadVocabulary(paths.vocabulary) });
  if (!parsed.ok) return refuse(parsed.error.reason, `the feed from ${options.url}: ${parsed.error.message}`);
  const feed = parsed.value;
  const snapshot = readSnapshot(paths);
  const latest = latestRound(feed.rounds);
  if (snapshot) {
    if (feed.rounds.length < snapshot.rounds.length) {
      return refuse("fewer-rounds", `the feed from ${options.url}: it has ${feed.rounds.length} rounds, fewer than the ${snapshot.rounds.length} of the snapshot`);
    }
    const ours = latestRound(snapshot.rounds);
    if (ours && latest && newer(latest, ours) < 0) {
      return refuse(
        "older",
        `the feed from ${options.url}: its latest round is ${latest.round} of ${latest.date ?? "an unknown date"}, older than our round ${ours.round} of ${ours.date ?? "an unknown date"}`,
      );
    }
  }

  let kbText: string;
  let warnings: readonly BuildWarning[];
  try {
    const kb = buildKnowledgeBase({ ...readInputs(paths), feed: { id, bytes } });
    kbText = serialize(kb);
    warnings = kb.warnings.filter((w) => w.source === id);
  } catch (e) {
    if (!isEeBotError(e)) throw e;
    return refuse("unbuildable", `the feed from ${options.url}: the knowledge base cannot be built from it: ${e.message.split("\n")[0] ?? ""}`);
  }

  const oldBytes = existsSync(paths.feed) ? readFileSync(paths.feed) : null;
  const feedChanged = oldBytes === null || !Buffer.from(bytes).equals(oldBytes);
  const kbChanged = !existsSync(paths.kb) || readFileSync(paths.kb, "utf8") !== kbText;
  try {
    if (feedChanged) {
      mkdirSync(dirname(paths.feed), { recursive: true });
      writeFileAtomic.sync(paths.feed, Buffer.from(bytes));
    }
    if (kbChanged) writeFileAtomic.sync(paths.kb, kbText);
  } catch (cause) {
    throw new EeBotError(ErrorCode.FeedWrite, `cannot write the new feed or kb.json: ${(cause as Error).message}`, { cause });
  }
  const known = new Set(snapshot?.rounds.map((r) => r.round) ?? []);
  return {
    ok: true,
    value: {
      status: "updated",
      newRounds: feed.rounds
        .map((r) => r.round)
        .filter((r) => !known.has(r))
        .sort(compareRounds),
      latestRound: latest?.round ?? null,
      roundCount: feed.rounds.length,
      feedChanged,
      kbChanged,
      warnings,
      etag: response.headers.get("etag"),
      lastModified: response.headers.get("last-modified"),
    },
  };
}

/** What an accepted French feed did: how many round names it gave, and whether files changed. */
export interface FrenchFeedUpdated {
  readonly names: number;
  readonly feedChanged: boolean;
  readonly kbChanged: boolean;
}

/**
 * Downloads IRCC's French feed and, when it is the feed, writes it and a rebuilt kb.json atomically; only its round
 * names are used. A refusal changes no file.
 */
export async function updateFrenchFeed(options: Pick<UpdateFeedOptions, "url" | "paths" | "fetch" | "timeoutMs">): Promise<{ ok: true; value: FrenchFeedUpdated } | { ok: false; error: FeedRefusal }> {
  const got = await download(options);
  if (!got.ok) return got;
  const { response, bytes } = got;
  if (response.status !== 200) return { ok: false, error: { reason: "http", message: `${options.url} answered HTTP ${response.status}` } };
  const names = readFrenchNames(new TextDecoder().decode(bytes));
  if (!names.ok) return { ok: false, error: { reason: names.error.reason, message: `the French feed from ${options.url}: ${names.error.message}` } };
  const { paths } = options;
  let kbText: string;
  try {
    kbText = serialize(buildKnowledgeBase({ ...readInputs(paths), feedFr: { id: sourceIdOf(paths, paths.feedFr), bytes } }));
  } catch (e) {
    if (!isEeBotError(e)) throw e;
    return { ok: false, error: { reason: "unbuildable", message: `the French feed from ${options.url}: the knowledge base cannot be built with it: ${e.message.split("\n")[0] ?? ""}` } };
  }
  const oldBytes = existsSync(paths.feedFr) ? readFileSync(paths.feedFr) : null;
  const feedChanged = oldBytes === null || !Buffer.from(bytes).equals(oldBytes);
  const kbChanged = !existsSync(paths.kb) || readFileSync(paths.kb, "utf8") !== kbText;
  try {
    if (feedChanged) writeFileAtomic.sync(paths.feedFr, Buffer.from(bytes));
    if (kbChanged) writeFileAtomic.sync(paths.kb, kbText);
  } catch (cause) {
    throw new EeBotError(ErrorCode.FeedWrite, `cannot write the French feed or kb.json: ${(cause as Error).message}`, { cause });
  }
  return { ok: true, value: { names: Object.keys(names.value).length, feedChanged, kbChanged } };
}
