import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Runtime, RunningAdapter } from "./app.js";
import type { FeedPollerStatus } from "./kb/feed/poller.js";
import type { StoreHealth } from "./store/schema.js";
import type { SharedHealth } from "./shared/open.js";

/** The body of GET /healthz. */
export interface HealthReport {
  status: "ok" | "down";
  uptimeSeconds: number;
  adapters: Record<string, string>;
  knowledge: { version: string; inputHash: string; latestRound: string | null; latestDraw: string | null; loadedAt: string };
  /** IRCC's feed as the poller last saw it; null when polling is off. */
  feed: FeedPollerStatus | null;
  /** Whether the database of subscriptions answers; null when the bot runs without one. Not part of the status code: a restart would not bring the database back, and answers do not need it. */
  database?: StoreHealth | null;
  /** Whether the server of the shared state (rate limits, event claims, conversations) answers; like the database, not part of the status code: each piece falls back to this process's memory. */
  shared?: SharedHealth | null;
}

/** A health report: status code and body. */
export type HealthResult = { code: number; body: HealthReport };

/** What the health check reports: 200 when every configured adapter is ready, 503 otherwise. */
export function healthReport(runtime: Runtime, adapters: readonly RunningAdapter[], startedAt: number, feed: FeedPollerStatus | null = null, database?: StoreHealth | null, shared?: SharedHealth | null): HealthResult {
  const k = runtime.knowledge();
  const latest = k.latestDraw();
  const states = Object.fromEntries(adapters.map((a) => [a.name, a.state]));
  const ok = !runtime.closed && adapters.every((a) => a.state === "ready");
  return {
    code: ok ? 200 : 503,
    body: {
      status: ok ? "ok" : "down",
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      adapters: states,
      knowledge: { version: k.version, inputHash: k.kb.inputHash, latestRound: latest?.round ?? null, latestDraw: latest?.date ?? null, loadedAt: runtime.loadedAt.toISOString() },
      feed,
      ...(database !== undefined ? { database } : {}),
      ...(shared !== undefined ? { shared } : {}),
    },
  };
}

/** Serves GET /healthz on a port; anything else is 404. */
export async function startHealthServer(port: number, host: string, report: () => HealthResult | Promise<HealthResult>): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    if (req.method === "GET" && (req.url === "/healthz" || req.url?.startsWith("/healthz?"))) {
      try {
        const { code, body } = await report();
        res.writeHead(code, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify(body));
      } catch (e) {
        res.writeHead(500, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ status: "down", error: e instanceof Error ? e.message : String(e) }));
      }
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The store's health, or a failure once it has not answered within timeoutMs (a hung connection must not hang /healthz). */
export async function storeHealthWithin(health: () => Promise<StoreHealth>, engine: StoreHealth["engine"], timeoutMs = 2000): Promise<StoreHealth> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<StoreHealth>((resolve) => {
    timer = setTimeout(() => resolve({ engine, ok: false, error: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([health(), late]);
  } finally {
    clearTimeout(timer);
  }
}
