import { exited, startMain, until } from "../helpers/process.js";
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildKnowledgeBase, readInputs, serialize } from "../../src/kb/build.js";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import { FAKE, FakeDiscord } from "../fakes/discord.js";
import { knowledgeWith } from "../helpers/kb.js";

const fake = new FakeDiscord();


const textOf = (body: unknown): string => JSON.stringify(body);

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});

describe("running for real through npm start", () => {
  it("serves /healthz, reloads a rebuilt kb.json live, and on SIGTERM finishes the reply in flight before exiting 0", async () => {
    const paths = knowledgeWith(["900_round_255_healthcare.txt"]);
    writeFileSync(paths.kb, readFileSync(DEFAULT_PATHS.kb));
    const run = startMain({ DISCORD_TOKEN: FAKE.token, DISCORD_API_BASE: fake.api, HEALTH_PORT: "0", HEALTH_HOST: "127.0.0.1", EE_BOT_KB: paths.kb, SHUTDOWN_TIMEOUT_SECONDS: "10" });
    await until(() => /discord ready/.test(run.err()) && /health check listening/.test(run.err()));
    const port = Number(/"port":(\d+),"msg":"health check listening/.exec(run.err())?.[1]);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", adapters: { discord: "ready" }, knowledge: { latestRound: 254 } });

    // Live reload: a rebuilt kb.json is picked up with no restart.
    writeFileSync(paths.kb, serialize(buildKnowledgeBase(readInputs(paths))));
    await until(() => /knowledge base reloaded/.test(run.err()));
    fake.message("latest draw", { dm: true, author: "900000000000000401" });
    await fake.waitFor((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && /round 255/.test(textOf(x.body)));
    expect(((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { knowledge: { latestRound: number } }).knowledge.latestRound).toBe(255);

    // A broken file is refused; the bot keeps answering from the previous one.
    writeFileSync(paths.kb, "{ broken");
    await until(() => /reload refused/.test(run.err()));
    fake.message("draw 255", { dm: true, author: "900000000000000402" });
    await fake.waitFor((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && /Round 255 was held/.test(textOf(x.body)));

    // Shutdown with a reply in flight: Discord is slow to accept it; SIGTERM arrives meanwhile.
    fake.delay("POST", new RegExp(`^/channels/${FAKE.dmChannelId}/messages$`), 1500);
    fake.message("draw 253", { dm: true, author: "900000000000000403" });
    await fake.waitFor((x) => x.path === `held /channels/${FAKE.dmChannelId}/messages`);
    run.child.kill("SIGTERM");
    const code = await exited(run.child);
    expect(code).toBe(0);
    expect(fake.requests.some((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && /Round 253/.test(textOf(x.body)))).toBe(true);
    expect(run.err()).toMatch(/shutting down: finishing replies in flight/);
    expect(run.err()).not.toContain(FAKE.token);
    // Info lines carry platform, intent and latency, never the message text.
    const answered = run.err().split("\n").filter((l) => l.includes('"msg":"answered"'));
    expect(answered.length).toBeGreaterThanOrEqual(2);
    for (const l of answered) expect(l).not.toMatch(/draw 25|latest draw/);
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
