import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import { FAKE, FakeDiscord } from "../fakes/discord.js";
import { startFakeIrcc, withNewRound, type FakeIrcc } from "../fakes/ircc.js";
import { knowledgeWith } from "../helpers/kb.js";
import { exited, startMain, until } from "../helpers/process.js";

const discord = new FakeDiscord();
let ircc: FakeIrcc;
const ROUND_431 = { number: "431", date: "2026-07-30", dateTime: "July 30, 2026 at 14:02:11 UTC", size: "6,000", crs: "512", name: "Canadian Experience Class" };

beforeAll(async () => {
  await discord.start();
  ircc = await startFakeIrcc();
});
afterAll(async () => {
  await discord.stop();
  await ircc.close();
});

describe("the running bot and IRCC's feed", () => {
  it("picks up a new round from the feed by itself and answers about it without a restart, the feed's state in /healthz", async () => {
    const paths = knowledgeWith([]);
    writeFileSync(paths.kb, readFileSync(DEFAULT_PATHS.kb));
    ircc.answer({ kind: "feed", body: withNewRound(ROUND_431), etag: '"v431"' });
    const run = startMain({
      DISCORD_TOKEN: FAKE.token,
      DISCORD_API_BASE: discord.api,
      HEALTH_PORT: "0",
      KNOWLEDGE_DIR: paths.root,
      EE_BOT_KB: paths.kb,
      IRCC_FEED_URL: ircc.url,
      // Three seconds: the first poll runs at start, the second must be a conditional request.
      FEED_POLL_MINUTES: "0.05",
    });
    await until(() => /discord ready/.test(run.err()) && /health check listening/.test(run.err()));
    await until(() => /new rounds in IRCC's feed/.test(run.err()) && /knowledge base reloaded/.test(run.err()), 30_000);
    discord.message("last cec draw", { dm: true, author: "900000000000000501" });
    await discord.waitFor((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && /[Rr]ound 431 \(July 30, 2026, CEC\)/.test(JSON.stringify(x.body)));
    const port = Number(/"port":(\d+),"msg":"health check listening/.exec(run.err())?.[1]);
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { knowledge: { latestRound: string }; feed: { url: string; lastSuccess: string | null; latestRound: string } };
    expect(health.knowledge.latestRound).toBe("431");
    expect(health.feed).toMatchObject({ url: ircc.url, latestRound: "431" });
    expect(health.feed.lastSuccess).not.toBeNull();
    await until(() => ircc.requests.length >= 2, 15_000);
    expect(ircc.requests[1]?.headers["if-none-match"]).toBe('"v431"');
    run.child.kill("SIGTERM");
    expect(await exited(run.child)).toBe(0);
  }, 90_000);
});
