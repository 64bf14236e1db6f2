import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Runtime, RunningAdapter } from "./app.js";

/** The body of GET /healthz. */
export interface HealthReport {
  status: "ok" | "down";
  uptimeSeconds: number;
  adapters: Record<string, string>;
  knowledge: { version: string; inputHash: string; latestRound: number | null; latestDraw: string | null; loadedAt: string };
}

/** What the health check reports: 200 when every configured adapter is ready, 503 otherwise. */
export function healthReport(runtime: Runtime, adapters: readonly RunningAdapter[], startedAt: number): { code: number; body: HealthReport } {
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
    },
  };
}

/** Serves GET /healthz on a port; anything else is 404. */
export async function startHealthServer(port: number, host: string, report: () => { code: number; body: HealthReport }): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method === "GET" && (req.url === "/healthz" || req.url?.startsWith("/healthz?"))) {
      const { code, body } = report();
      res.writeHead(code, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
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
