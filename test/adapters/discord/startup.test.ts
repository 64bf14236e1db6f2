import { exited, startBuilt, startMain, until } from "../../helpers/process.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBSCRIPTION_SUBCOMMANDS } from "../../../src/adapters/discord/commands.js";
import { registerCommands } from "../../../src/adapters/discord/register.js";
import { readConfig, type Config } from "../../../src/config.js";
import { defaultRegistry } from "../../../src/skills/registry.js";
import { FAKE, FakeDiscord } from "../../fakes/discord.js";

const fake = new FakeDiscord();

function config(extra: Record<string, string>): Config {
  const r = readConfig({ DISCORD_TOKEN: FAKE.token, DISCORD_API_BASE: fake.api, ...extra });
  if (!r.ok) throw new Error(r.problems.join("\n"));
  return r.config;
}

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});

describe("registering the /ee command", () => {
  it("registers in one guild when DISCORD_GUILD_ID is set, with one subcommand per skill command and autocomplete on occupations and rounds", async () => {
    const r = await registerCommands(config({ DISCORD_GUILD_ID: FAKE.guildId }));
    expect(r).toEqual({ scope: "guild", applicationId: FAKE.appId, count: 1 });
    const put = await fake.waitFor((x) => x.method === "PUT" && x.path === `/applications/${FAKE.appId}/guilds/${FAKE.guildId}/commands`);
    type Sub = { name: string; options?: { name: string; autocomplete?: boolean; choices?: { value: string }[] }[] };
    const [command] = put.body as { name: string; options: Sub[] }[];
    expect(command?.name).toBe("ee");
    const fromRegistry = defaultRegistry().skills.flatMap((s) => (s.command ? [s.command.name] : []));
    // The bot registers with its store, so the subscription subcommands come before help.
    expect(command?.options.map((o) => o.name)).toEqual(["ask", ...fromRegistry, ...SUBSCRIPTION_SUBCOMMANDS, "help"]);
    const option = (sub: string, name: string) => command?.options.find((o) => o.name === sub)?.options?.find((o) => o.name === name);
    expect(option("noc", "occupation")).toMatchObject({ autocomplete: true });
    expect(option("draw", "round")).toMatchObject({ autocomplete: true });
    expect(option("draw", "type")?.choices?.map((c) => c.value)).toContain("cec");
  });

  it("registers globally otherwise, asking Discord for the application id when it is not configured", async () => {
    const r = await registerCommands(config({}));
    expect(r.scope).toBe("global");
    await fake.waitFor((x) => x.method === "GET" && x.path === "/applications/@me");
    await fake.waitFor((x) => x.method === "PUT" && x.path === `/applications/${FAKE.appId}/commands`);
  });
});

describe("npm start with Discord configured", () => {
  it("starts the built bot's Discord adapter instead of the terminal chat, answers, and stops cleanly on SIGTERM", async () => {
    const before = fake.identifies.length;
    const run = startBuilt({ DISCORD_TOKEN: FAKE.token, DISCORD_API_BASE: fake.api });
    await fake.waitFor((x) => x.path === "/gateway/bot", 20_000);
    await until(() => fake.identifies.length > before && /discord ready/.test(run.err()), 20_000);
    fake.message("draw 253", { dm: true });
    const reply = await fake.waitFor((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && /[Rr]ound 253 \(July 4, 2023/.test(JSON.stringify(x.body)), 10_000);
    expect(reply).toBeDefined();
    expect(run.out()).not.toMatch(/ee-bot: ask me about Express Entry/);
    expect(run.err()).not.toContain(FAKE.token);
    run.child.kill("SIGTERM");
    expect(await exited(run.child)).toBe(0);
  });

  it("runs the built bot sharded through discord.js ShardingManager when DISCORD_SHARDS is set", async () => {
    const before = fake.identifies.length;
    const run = startBuilt({ DISCORD_TOKEN: FAKE.token, DISCORD_API_BASE: fake.api, DISCORD_SHARDS: "2" });
    await until(() => fake.identifies.length >= before + 2, 40_000);
    const shards = fake.identifies.slice(before).map((i) => (i as { shard: [number, number] }).shard).sort();
    expect(shards).toEqual([[0, 2], [1, 2]]);
    fake.message("draw 252", { dm: true });
    await fake.waitFor((x) => x.path === `/channels/${FAKE.dmChannelId}/messages` && /[Rr]ound 252 \(June 28, 2023/.test(JSON.stringify(x.body)), 20_000);
    run.child.kill("SIGTERM");
    expect(await exited(run.child)).toBe(0);
  }, 60_000);

  it("refuses a malformed token with one clear line that does not echo it", async () => {
    const run = startMain({ DISCORD_TOKEN: "not-a-token-secret-value" });
    expect(await exited(run.child)).toBe(2);
    expect(run.err().trim().split("\n")).toEqual(["ee-bot: configuration: DISCORD_TOKEN: expected a bot token from the Developer Portal (three dot-separated parts)"]);
    expect(run.err()).not.toContain("not-a-token-secret-value");
  });
});

