import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Runtime, type RunningAdapter } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { Knowledge } from "../../src/core/knowledge.js";
import { MESSAGES } from "../../src/core/messages.js";
import { buildKnowledgeBase, readInputs, serialize } from "../../src/kb/build.js";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import { healthReport, startHealthServer } from "../../src/health.js";
import { createLogger, redactText } from "../../src/log.js";
import { withNewRound } from "../fakes/ircc.js";
import { knowledgeWith } from "../helpers/kb.js";

function logged(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: "debug", sink: { write: (l: string) => lines.push(l) } }) };
}

const ROUND_431 = { number: "431", date: "2026-07-30", dateTime: "July 30, 2026 at 14:02:11 UTC", size: "6,000", crs: "512", name: "Canadian Experience Class" };

/** A knowledge folder serving the shipped kb.json, whose feed has one more round: a rebuild makes a newer kb.json. */
function knowledgeWithNewRound(): ReturnType<typeof knowledgeWith> {
  const paths = knowledgeWith([]);
  writeFileSync(paths.kb, readFileSync(DEFAULT_PATHS.kb));
  writeFileSync(paths.feed, withNewRound(ROUND_431));
  return paths;
}

const msg = (text: string, user = "u1", platform: "discord" | "slack" | "cli" = "discord") => ({ text, user, conversation: `c-${user}`, platform });

describe("the runtime", () => {
  it("answers within the rate limit, sends one notice, then drops quietly; the terminal is not limited", async () => {
    const { logger, lines } = logged();
    const runtime = new Runtime(Knowledge.load(), logger, { rateLimits: { messages: 2, windowMs: 60_000, maxUsers: 100 } });
    expect((await runtime.answer(msg("draw 253")))?.text).toMatch(/\b[Rr]ound 253 \(July 4, 2023/);
    expect((await runtime.command("draw", { round: "254" }, { user: "u1", conversation: "c-u1", platform: "discord" }))?.text).toMatch(/\b[Rr]ound 254 \(July 5, 2023/);
    expect((await runtime.answer(msg("draw 252")))?.text).toBe(MESSAGES.rateLimited);
    expect(await runtime.answer(msg("draw 252"))).toBeUndefined();
    expect(await runtime.command("draw", { round: "252" }, { user: "u1", conversation: "c-u1", platform: "discord" })).toBeUndefined();
    expect((await runtime.answer(msg("draw 252", "u2")))?.text).toMatch(/\b[Rr]ound 252 \(June 28, 2023/);
    for (let i = 0; i < 5; i += 1) expect((await runtime.answer(msg("draw 252", "me", "cli")))?.text).toMatch(/\b[Rr]ound 252 \(/);
    const answered = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "answered");
    expect(answered[0]).toMatchObject({ platform: "discord", intent: "round" });
    expect(answered[1]).toMatchObject({ platform: "discord", intent: "round", command: "draw" });
    expect(typeof answered[0].ms).toBe("number");
    expect(lines.join("")).not.toContain("draw 253");
  });

  it("drops every message once closed for shutdown", async () => {
    const runtime = new Runtime(Knowledge.load(), logged().logger);
    runtime.close();
    expect(await runtime.answer(msg("draw 253"))).toBeUndefined();
    expect(await runtime.command("draw", { round: "253" }, { user: "u1", conversation: "c-u1", platform: "slack" })).toBeUndefined();
  });

  it("reloads a valid knowledge base, refuses a broken one and keeps the previous one serving", async () => {
    const paths = knowledgeWithNewRound();
    const { logger, lines } = logged();
    const runtime = new Runtime(Knowledge.load(paths), logger);
    expect((await runtime.answer(msg("latest draw", "a")))?.text).toMatch(/^The latest round I know of is round 430 /);
    const held = runtime.knowledge();
    writeFileSync(paths.kb, serialize(buildKnowledgeBase(readInputs(paths))));
    expect(runtime.reload(paths).ok).toBe(true);
    expect((await runtime.answer(msg("latest draw", "b")))?.text).toMatch(/^The latest round I know of is round 431 \(July 30, 2026/);
    // An answer that started with the old knowledge base finishes with it.
    expect(held.latestDraw()?.round).toBe("430");
    writeFileSync(paths.kb, '{"schemaVersion": 2, "draws": [');
    const refused = runtime.reload(paths);
    expect(refused.ok).toBe(false);
    expect((await runtime.answer(msg("latest draw", "c")))?.text).toMatch(/^The latest round I know of is round 431 /);
    expect(lines.join("")).toMatch(/knowledge base reload refused; the previous one keeps serving/);
  });

  it("notices kb.json replaced on disk and swaps it in without a restart", async () => {
    const paths = knowledgeWithNewRound();
    const runtime = new Runtime(Knowledge.load(paths), logged().logger);
    const watcher = runtime.watch(paths, 50);
    try {
      const next = serialize(buildKnowledgeBase(readInputs(paths)));
      // Written the way a build tool would: to a temporary file, then renamed over kb.json.
      writeFileSync(join(paths.kb, "..", "kb.json.tmp"), next);
      renameSync(join(paths.kb, "..", "kb.json.tmp"), paths.kb);
      const deadline = Date.now() + 5000;
      while (runtime.knowledge().latestDraw()?.round !== "431" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(runtime.knowledge().latestDraw()?.round).toBe("431");
      writeFileSync(paths.kb, "garbage");
      await new Promise((r) => setTimeout(r, 300));
      expect(runtime.knowledge().latestDraw()?.round).toBe("431");
    } finally {
      watcher.close();
    }
  });
});

describe("the health check", () => {
  const adapter = (name: string, state: string): RunningAdapter => ({ name, state, pending: 0, stop: async () => undefined });

  it("answers 200 with each adapter's state, the knowledge base version and uptime, and 503 when an adapter is down", async () => {
    const runtime = new Runtime(Knowledge.load(), logged().logger);
    const adapters = [adapter("discord", "ready"), adapter("slack", "ready")];
    const health = await startHealthServer(0, "127.0.0.1", () => healthReport(runtime, adapters, Date.now() - 5000));
    try {
      const ok = await fetch(`http://127.0.0.1:${health.port}/healthz`);
      expect(ok.status).toBe(200);
      const body = (await ok.json()) as { uptimeSeconds: number };
      expect(body).toMatchObject({ status: "ok", adapters: { discord: "ready", slack: "ready" }, knowledge: { latestRound: "430", latestDraw: "2026-07-23", version: runtime.knowledge().version } });
      expect(body.uptimeSeconds).toBeGreaterThanOrEqual(5);
      adapters[1] = adapter("slack", "down");
      const down = await fetch(`http://127.0.0.1:${health.port}/healthz`);
      expect(down.status).toBe(503);
      expect(((await down.json()) as { adapters: Record<string, string> }).adapters.slack).toBe("down");
      expect((await fetch(`http://127.0.0.1:${health.port}/other`)).status).toBe(404);
    } finally {
      await health.close();
    }
  });

  it("listens on 127.0.0.1 when the configuration names no host", async () => {
    const r = readConfig({ HEALTH_PORT: "0" });
    if (!r.ok) throw new Error(r.problems.join("\n"));
    expect(r.config.HEALTH_HOST).toBe("127.0.0.1");
    const runtime = new Runtime(Knowledge.load(), logged().logger);
    const health = await startHealthServer(r.config.HEALTH_PORT ?? 0, r.config.HEALTH_HOST, () => healthReport(runtime, [], Date.now()));
    try {
      expect(health.server.address()).toMatchObject({ address: "127.0.0.1", family: "IPv4", port: health.port });
      expect((await fetch(`http://127.0.0.1:${health.port}/healthz`)).status).toBe(200);
    } finally {
      await health.close();
    }
  });
});

describe("logs", () => {
  it("scrub tokens, signing secrets and interaction tokens from every line, even inside errors and URLs", () => {
    const secrets = ["MTk4NjIyNDgzNDcxOTI1MjQ4.Gfake1.abcdefghijklmnopqrstuvwxyz0123456789", "xoxb-12345-67890-abcdefghijklmnop", "xapp-1-A1-2-abcdefabcdef", "8f2a1c9d3e4b5a6f7a8b9c0d"];
    const lines: string[] = [];
    const logger = createLogger({ level: "debug", secrets: [secrets[3] as string], sink: { write: (l: string) => lines.push(l) } });
    const err = new Error(`login failed with ${secrets[0]} and ${secrets[1]}`);
    logger.error({ err, token: secrets[2], headers: { authorization: `Bot ${secrets[0]}` } }, `request to https://discord.com/api/v10/interactions/123456789/aW50ZXJhY3Rpb246MTIzNDU2Nzg5OmFiY2RlZg/callback failed`);
    logger.warn({ url: "https://hooks.slack.com/commands/T1/123/abcdefSECRETpath" }, `signing secret ${secrets[3]} rejected`);
    const out = lines.join("");
    for (const s of secrets) expect(out).not.toContain(s);
    expect(out).not.toContain("aW50ZXJhY3Rpb246MTIzNDU2Nzg5OmFiY2RlZg");
    expect(out).not.toContain("abcdefSECRETpath");
    expect(out).toContain("[redacted]");
    expect(redactText("nothing secret here", [])).toBe("nothing secret here");
  });
});

describe("configuration", () => {
  it("names the variable and what is expected, one line per problem, without echoing values", () => {
    const r = readConfig({ LOG_LEVEL: "loud", RATE_LIMIT_MESSAGES: "many", HEALTH_PORT: "99999", DISCORD_GUILD_ID: "abc", SLACK_APP_TOKEN: "xapp-secretsecret" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      "LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent",
      "RATE_LIMIT_MESSAGES: expected a whole number of messages",
      "HEALTH_PORT: expected a port number from 0 to 65535",
      "DISCORD_GUILD_ID: expected a Discord id (17 to 20 digits)",
    ]);
    expect(r.problems.join("\n")).not.toContain("xapp-secretsecret");
    expect(readConfig({ SLACK_APP_TOKEN: "xapp-secretsecret" })).toEqual({ ok: false, problems: ["SLACK_BOT_TOKEN: required with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET"] });
  });

  it("reads defaults when nothing is set, and treats empty values as unset", () => {
    const r = readConfig({ DISCORD_TOKEN: "", RATE_LIMIT_MESSAGES: "" });
    expect(r.ok && r.config).toMatchObject({ RATE_LIMIT_MESSAGES: 5, RATE_LIMIT_WINDOW_SECONDS: 10, MAX_MESSAGE_LENGTH: 2000, KB_WATCH: "true", SHUTDOWN_TIMEOUT_SECONDS: 10 });
    expect(r.ok && r.config.DISCORD_TOKEN).toBeUndefined();
  });
});
