import { exited, listeningAddresses, runHelper, startMain, until } from "../helpers/process.js";
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildKnowledgeBase, readInputs, serialize } from "../../src/kb/build.js";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import { FAKE, FakeDiscord } from "../fakes/discord.js";
import { withNewRound } from "../fakes/ircc.js";
import { knowledgeWith } from "../helpers/kb.js";

const fake = new FakeDiscord();
const ROUND_431 = { number: "431", date: "2026-07-30", dateTime: "July 30, 2026 at 14:02:11 UTC", size: "6,000", crs: "512", name: "Canadian Experience Class" };

const textOf = (body: unknown): string => JSON.stringify(body);

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});

describe("running for real through npm start", () => {
  it("serves /healthz on 127.0.0.1, reloads a rebuilt kb.json live, and on SIGTERM finishes the reply in flight before exiting 0", async () => {
    const paths = knowledgeWith([]);
    writeFileSync(paths.kb, readFileSync(DEFAULT_PATHS.kb));
    writeFileSync(paths.feed, withNewRound(ROUND_431));
    // No HEALTH_HOST: the default must keep the health check off other interfaces.
    const run = startMain({ DISCORD_TOKEN: FAKE.token, DISCORD_API_BASE: fake.api, HEALTH_PORT: "0", EE_BOT_KB: paths.kb, SHUTDOWN_TIMEOUT_SECONDS: "10" });
    await until(() => /discord ready/.test(run.err()) && /health check listening/.test(run.err()));
    const port = Number(/"port":(\d+),"msg":"health check listening/.exec(run.err())?.[1]);
    const listening = listeningAddresses(port);
    if (listening !== null) expect(listening).toEqual(["127.0.0.1"]);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", adapters: { discord: "ready" }, knowledge: { latestRound: "430" } });

    // Live reload: a rebuilt kb.json is picked up with no restart.
    writeFileSync(paths.kb, serialize(buildKnowledgeBase(readInputs(paths))));
    await until(() => /knowledge base reloaded/.test(run.err()));
    fake.message("latest draw", { dm: true, author: "900000000000000401" });
    await fake.waitFor((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && /latest round I know of is round 431/.test(textOf(x.body)));
    expect(((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { knowledge: { latestRound: string } }).knowledge.latestRound).toBe("431");

    // A broken file is refused; the bot keeps answering from the previous one.
    writeFileSync(paths.kb, "{ broken");
    await until(() => /reload refused/.test(run.err()));
    fake.message("draw 431", { dm: true, author: "900000000000000402" });
    await fake.waitFor((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && /[Rr]ound 431 \(July 30, 2026/.test(textOf(x.body)));

    // Shutdown with a reply in flight: Discord is slow to accept it; SIGTERM arrives meanwhile.
    fake.delay("POST", new RegExp(`^/channels/${FAKE.dmChannelId}/messages$`), 1500);
    fake.message("draw 253", { dm: true, author: "900000000000000403" });
    await fake.waitFor((x) => x.path === `held /channels/${FAKE.dmChannelId}/messages`);
    run.child.kill("SIGTERM");
    const code = await exited(run.child);
    expect(code).toBe(0);
    expect(fake.requests.some((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && /[Rr]ound 253 \(July 4, 2023/.test(textOf(x.body)))).toBe(true);
    expect(run.err()).toMatch(/shutting down: finishing replies in flight/);
    expect(run.err()).not.toContain(FAKE.token);
    // Info lines carry platform, intent and latency, never the message text.
    const answered = run.err().split("\n").filter((l) => l.includes('"msg":"answered"'));
    expect(answered.length).toBeGreaterThanOrEqual(3);
    for (const l of answered) expect(l).not.toMatch(/draw 25|draw 43|latest draw/);
  }, 60_000);

  it("reports 503 from /healthz once the Discord connection is lost", async () => {
    const run = startMain({ DISCORD_TOKEN: FAKE.token, DISCORD_API_BASE: fake.api, HEALTH_PORT: "0", HEALTH_HOST: "127.0.0.1", KB_WATCH: "false" });
    await until(() => /discord ready/.test(run.err()) && /health check listening/.test(run.err()));
    const port = Number(/"port":(\d+),"msg":"health check listening/.exec(run.err())?.[1]);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    fake.closeSockets(4004);
    await until(() => /"platform":"discord"/.test(run.err()), 5000);
    let status = 200;
    const deadline = Date.now() + 10_000;
    while (status === 200 && Date.now() < deadline) {
      status = (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe(503);
    run.child.kill("SIGTERM");
    expect(await exited(run.child)).toBe(0);
  }, 40_000);
});

describe("the crash guards", () => {
  it("log an uncaught exception and exit with code 70 at once, so that a supervisor restarts the bot", async () => {
    const run = await runHelper("crashing-process.ts", ["throw"]);
    expect(run.code).toBe(70);
    const lines = run.out.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message: string } });
    expect(lines).toContainEqual(expect.objectContaining({ level: 60, msg: "uncaught exception: exiting so a supervisor can restart the bot", err: expect.objectContaining({ message: "thrown outside any handler" }) }));
    expect(run.out).not.toContain("still running");
  });

  it("log an unhandled rejection and carry on", async () => {
    const run = await runHelper("crashing-process.ts", ["reject"]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/"msg":"unhandled rejection"/);
    expect(run.out).toContain("still running");
  });
});
