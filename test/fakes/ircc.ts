import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";

/** What the fake answers to one request. */
export type FakeAnswer =
  | { readonly kind: "feed"; readonly body: string; readonly etag?: string; readonly lastModified?: string }
  | { readonly kind: "status"; readonly status: number; readonly body?: string; readonly contentType?: string }
  | { readonly kind: "hang" };

/** A request the fake received. */
export interface FakeRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/** A local stand-in for canada.ca serving the rounds feed, on 127.0.0.1 and a free port. */
export interface FakeIrcc {
  /** The feed's address on the fake. */
  readonly url: string;
  readonly requests: FakeRequest[];
  /** Sets what every following request gets. */
  answer(answer: FakeAnswer): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(body);
}

/** Starts the fake; it answers with the shipped snapshot until told otherwise. */
export async function startFakeIrcc(): Promise<FakeIrcc> {
  let current: FakeAnswer = { kind: "feed", body: snapshotText(), etag: '"snapshot"' };
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? "", headers: req.headers });
    const a = current;
    if (a.kind === "hang") return;
    if (a.kind === "status") {
      send(res, a.status, { "content-type": a.contentType ?? "text/plain" }, a.body ?? "");
      return;
    }
    const validators: Record<string, string> = {};
    if (a.etag) validators.etag = a.etag;
    if (a.lastModified) validators["last-modified"] = a.lastModified;
    const matches =
      (a.etag !== undefined && req.headers["if-none-match"] === a.etag) ||
      (a.etag === undefined && a.lastModified !== undefined && req.headers["if-modified-since"] === a.lastModified);
    if (matches) send(res, 304, validators, "");
    else send(res, 200, { "content-type": "application/json", ...validators }, a.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/content/dam/ircc/documents/json/ee_rounds_123_en.json`,
    requests,
    answer: (a) => {
      current = a;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The shipped snapshot's text. */
export function snapshotText(): string {
  return readFileSync(DEFAULT_PATHS.feed, "utf8");
}

type RawRound = Record<string, string>;
type RawFeed = { classes: string; rounds: RawRound[] };

/** The snapshot with changes made to its parsed form, as text. */
export function snapshotWith(change: (feed: RawFeed) => void): string {
  const feed = JSON.parse(snapshotText()) as RawFeed;
  change(feed);
  return JSON.stringify(feed, null, 2);
}

/** A new round on top of the snapshot, like the newest one with a new number, date and figures. */
export function withNewRound(round: { number: string; date: string; dateTime: string; size: string; crs: string; name?: string }): string {
  return snapshotWith((feed) => {
    const top = feed.rounds[0];
    if (!top) throw new Error("the snapshot has no rounds");
    feed.rounds.unshift({
      ...top,
      drawNumber: round.number,
      drawDate: round.date,
      drawDateTime: round.dateTime,
      drawSize: round.size,
      drawCRS: round.crs,
      drawName: round.name ?? top.drawName ?? "",
    });
  });
}
