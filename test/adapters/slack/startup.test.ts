import { exited, startBuilt, until } from "../../helpers/process.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig, slackInstalls } from "../../../src/config.js";
import { FAKE, FakeDiscord } from "../../fakes/discord.js";
import { FakeSlack, SLACK } from "../../fakes/slack.js";

const slack = new FakeSlack();
const discord = new FakeDiscord();

beforeAll(async () => {
  await slack.start();
  await discord.start();
});
afterAll(async () => {
  await slack.stop();
  await discord.stop();
});

describe("Slack configuration", () => {
  it("chooses Socket Mode with an app token and HTTP mode with only a signing secret, and refuses a bot token alone", () => {
    expect(readConfig({ SLACK_BOT_TOKEN: SLACK.botToken, SLACK_APP_TOKEN: SLACK.appToken }).ok).toBe(true);
    const http = readConfig({ SLACK_BOT_TOKEN: SLACK.botToken, SLACK_SIGNING_SECRET: SLACK.signingSecret, SLACK_PORT: "3100" });
    expect(http.ok && http.config.SLACK_PORT).toBe(3100);
    const alone = readConfig({ SLACK_BOT_TOKEN: SLACK.botToken });
    expect(alone).toEqual({ ok: false, problems: ["SLACK_APP_TOKEN: set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) with SLACK_BOT_TOKEN"] });
    const wrong = readConfig({ SLACK_BOT_TOKEN: "xoxp-user-token-not-bot", SLACK_APP_TOKEN: SLACK.appToken });
    expect(!wrong.ok && wrong.problems).toEqual(["SLACK_BOT_TOKEN: expected a bot token starting with xoxb-"]);
  });
});

describe("Add to Slack configuration", () => {
  const oauth = { SLACK_CLIENT_ID: SLACK.clientId, SLACK_CLIENT_SECRET: SLACK.clientSecret, SLACK_STATE_SECRET: SLACK.stateSecret, SLACK_SIGNING_SECRET: SLACK.signingSecret, STORE_SECRET_KEY: "a".repeat(64) };

  it("takes the client id, client secret and state secret with a signing secret and a store key, and no bot token", () => {
    const r = readConfig(oauth);
    expect(r.ok && slackInstalls(r.config)).toBe(true);
  });

  it("names each missing piece in one line, and never echoes a secret", () => {
    const partial = readConfig({ SLACK_CLIENT_ID: SLACK.clientId, SLACK_SIGNING_SECRET: SLACK.signingSecret });
    expect(!partial.ok && partial.problems).toEqual([
      "SLACK_CLIENT_SECRET: required for Add to Slack with the other two of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET",
      "SLACK_STATE_SECRET: required for Add to Slack with the other two of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET",
    ]);
    const { STORE_SECRET_KEY: _, ...noKey } = oauth;
    const without = readConfig(noKey);
    expect(!without.ok && without.problems).toEqual(["STORE_SECRET_KEY: required with SLACK_CLIENT_ID: installations' bot tokens are stored encrypted"]);
    const both = readConfig({ ...oauth, SLACK_BOT_TOKEN: SLACK.botToken });
    expect(!both.ok && both.problems).toEqual(["SLACK_BOT_TOKEN: leave unset with SLACK_CLIENT_ID: each workspace's token comes from its installation"]);
    for (const r of [partial, without, both]) expect(JSON.stringify(r)).not.toContain(SLACK.clientSecret);
  });
});

describe("npm start with Slack configured", () => {
  it("runs Slack and Discord together in one process of the built bot, answers on both, and stops cleanly", async () => {
    const run = startBuilt({
      SLACK_BOT_TOKEN: SLACK.botToken,
      SLACK_APP_TOKEN: SLACK.appToken,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: FAKE.token,
      DISCORD_API_BASE: discord.api,
    });
    await until(() => slack.socketConnected && discord.identifies.length > 0 && /slack ready/.test(run.err()) && /discord ready/.test(run.err()), 30_000);
    const event = { type: "event_callback", event_id: "EvStart1", team_id: SLACK.teamId, event: { type: "message", channel_type: "im", user: SLACK.user, text: "draw 253", ts: "1700000200.000100", channel: SLACK.dm } };
    slack.sendEnvelope("events_api", event);
    await slack.waitFor((x) => x.method === "chat.postMessage" && /[Rr]ound 253 \(July 4, 2023/.test(String(x.params.text)), 10_000);
    discord.message("draw 252", { dm: true });
    await discord.waitFor((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && /[Rr]ound 252 \(June 28, 2023/.test(JSON.stringify(x.body)), 10_000);
    expect(run.out()).not.toMatch(/ee-bot: ask me about/);
    for (const secret of [SLACK.botToken, SLACK.appToken, FAKE.token]) expect(run.err()).not.toContain(secret);
    run.child.kill("SIGTERM");
    expect(await exited(run.child)).toBe(0);
  }, 60_000);
});
