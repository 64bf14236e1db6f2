import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../../src/adapters/discord/adapter.js";
import { DiscordSender } from "../../../src/adapters/discord/announce.js";
import { Announcer, type AnnounceReport } from "../../../src/announce/announcer.js";
import { ANNOUNCE_MESSAGES } from "../../../src/announce/messages.js";
import { AnnounceRunner } from "../../../src/announce/runner.js";
import { roundsFromDraws } from "../../../src/announce/schema.js";
import { Subscriptions } from "../../../src/announce/subscriptions.js";
import { Runtime } from "../../../src/app.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import { createLogger } from "../../../src/log.js";
import { openStore, type Store } from "../../../src/store/index.js";
import { FAKE, FakeDiscord, type Recorded } from "../../fakes/discord.js";
import { knowledgeFolder, writeNewRounds } from "../../announce/knowledge.js";
import { ENGINES } from "../../store/engines.js";

const MANAGE_CHANNELS = PermissionFlagsBits.ManageChannels.toString();
const EPHEMERAL = 64;
// Other channels of the fake's guild, subscribed through the service.
const ALL_ROUNDS = "900000000000000201";
const STEM_ONLY = "900000000000000202";
const CEC_LOW = "900000000000000203";
const DELETED = "900000000000000204";

type Embed = { title?: string; description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] };
const callbackData = (r: Recorded): { embeds?: Embed[]; flags?: number; choices?: { name: string; value: string }[] } => ((r.body as { data?: unknown }).data ?? {}) as never;
const posts = (fake: FakeDiscord, channel: string, mark = 0): Recorded[] => fake.since(mark).filter((x) => x.method === "POST" && x.path === `/channels/${channel}/messages`);

describe.each(ENGINES)("Discord round announcements on $engine", (engine) => {
  const fake = new FakeDiscord();
  const files = knowledgeFolder(0);
  const logLines: string[] = [];
  const logger = createLogger({ level: "debug", secrets: [FAKE.token], sink: { write: (l: string) => logLines.push(l) } });
  const runtime = new Runtime(Knowledge.load(files), logger);
  let store: Store;
  let adapter: DiscordAdapter;
  let runner: AnnounceRunner;
  let subscriptions: Subscriptions;
  let lastRun: Promise<AnnounceReport | undefined> = Promise.resolve(undefined);

  const slash = async (sub: string, options: { name: string; type: number; value: string | number }[] = [], permissions = "0", dm = false): Promise<Recorded> => {
    const { id } = fake.command(sub, options, dm, permissions);
    return fake.waitFor((x) => x.method === "POST" && x.path.startsWith(`/interactions/${id}/`));
  };
  const where = (channelId: string) => ({ platform: "discord" as const, workspaceId: FAKE.guildId, channelId, userId: FAKE.userId });

  beforeAll(async () => {
    await fake.start();
    store = await openStore(engine.fresh());
    subscriptions = new Subscriptions(store, () => runtime.knowledge(), logger);
    adapter = new DiscordAdapter({
      token: FAKE.token,
      answer: (m) => runtime.answer(m),
      command: (name, values, m) => runtime.command(name, values, m),
      knowledge: () => runtime.knowledge(),
      logger,
      clientOptions: { rest: { api: fake.api, retries: 1, timeout: 5000 } },
      subscriptions,
    });
    await adapter.start();
    const announcer = new Announcer({ store, senders: { discord: new DiscordSender(adapter.client.rest, () => runtime.knowledge()) }, log: logger, leaseMs: 30_000 });
    runner = new AnnounceRunner({ announcer, rounds: () => roundsFromDraws(runtime.knowledge().draws), log: logger });
    runtime.onReload(() => void (lastRun = runner.run("reload")));
  });

  afterAll(async () => {
    await runner.stop();
    await adapter.stop();
    await store.close();
    await fake.stop();
  });

  it("refuses /ee subscribe, privately, from a member who can manage neither the channel nor the server, and stores nothing", async () => {
    const r = await slash("subscribe", [{ name: "type", type: 3, value: "cec" }]);
    expect(callbackData(r).flags).toBe(EPHEMERAL);
    expect(callbackData(r).embeds?.[0]?.description).toBe(ANNOUNCE_MESSAGES.noPermission);
    expect(await store.listSubscriptions({ platform: "discord" })).toEqual([]);
  });

  it("refuses /ee subscribe in a direct message with a sentence saying where to run it", async () => {
    const r = await slash("subscribe", [], MANAGE_CHANNELS, true);
    expect(callbackData(r).embeds?.[0]?.description).toBe(ANNOUNCE_MESSAGES.notInServer);
    expect(await store.listSubscriptions({ platform: "discord" })).toEqual([]);
  });

  it("subscribes the channel for a member with Manage Channels and confirms what was stored, in words, for everyone to see", async () => {
    const r = await slash("subscribe", [{ name: "type", type: 3, value: "cec" }, { name: "max_crs", type: 4, value: 520 }], MANAGE_CHANNELS);
    const data = callbackData(r);
    expect(data.flags).toBeUndefined();
    expect(data.embeds?.[0]?.description).toMatch(/^This channel will get a message for every new CEC round with a cut-off of 520 or less\. The latest round I know of is round 430 /);
    const [sub] = await store.listSubscriptions({ platform: "discord" });
    expect(sub).toMatchObject({ workspaceId: FAKE.guildId, channelId: FAKE.channelId, roundType: "cec", maxCrs: 520, createdBy: FAKE.userId, cursorOrder: 430 });
  });

  it("lets a member with Manage Server subscribe too, and a second subscribe of the same type replaces the cut-off", async () => {
    const manageGuild = PermissionFlagsBits.ManageGuild.toString();
    const r = await slash("subscribe", [{ name: "type", type: 3, value: "cec" }, { name: "max_crs", type: 4, value: 500 }], manageGuild);
    expect(callbackData(r).embeds?.[0]?.description).toMatch(/^This channel will get a message for every new CEC round with a cut-off of 500 or less\. That replaces every new CEC round with a cut-off of 520 or less\./);
    await slash("subscribe", [{ name: "type", type: 3, value: "cec" }, { name: "max_crs", type: 4, value: 520 }], manageGuild);
    expect((await store.listSubscriptions({ platform: "discord" })).map((s) => s.maxCrs)).toEqual([520]);
  });

  it("autocompletes the round type of /ee subscribe from the knowledge base's round types", async () => {
    const { id } = fake.autocomplete("heal", "subscribe", "type");
    const r = await fake.waitFor((x) => x.path.startsWith(`/interactions/${id}/`));
    expect(callbackData(r).choices?.map((c) => c.value)).toEqual(["healthcare"]);
    const { id: all } = fake.autocomplete("", "subscribe", "type");
    const values = callbackData(await fake.waitFor((x) => x.path.startsWith(`/interactions/${all}/`))).choices?.map((c) => c.value) ?? [];
    expect(values.slice(0, 3)).toEqual(["all", "general", "cec"]);
    expect(values).toEqual(expect.arrayContaining(runtime.knowledge().roundTypes().map((t) => t.id)));
  });

  it("announces nothing at a first start over the whole history", async () => {
    await subscriptions.subscribe(where(ALL_ROUNDS), undefined, undefined);
    await subscriptions.subscribe(where(STEM_ONLY), "stem", undefined);
    await subscriptions.subscribe(where(CEC_LOW), "cec", 500);
    const mark = fake.requests.length;
    const report = await runner.run("start");
    expect(report?.sent).toEqual([]);
    expect(fake.since(mark).filter((x) => x.path.startsWith("/channels/"))).toEqual([]);
  });

  it("lists the server's subscriptions, this channel's first", async () => {
    const r = await slash("subscriptions");
    const embed = callbackData(r).embeds?.[0];
    expect(embed?.description).toMatch(/^This channel gets a message for every new CEC round with a cut-off of 520 or less\.\n• <#900000000000000201>: every new round\n• <#900000000000000202>: every new STEM round\n/);
  });

  it("announces a round new in a reloaded kb.json once to every subscription that wants it, as an embed with no mentions parsed", async () => {
    const mark = fake.requests.length;
    writeNewRounds(files, 1);
    expect(runtime.reload(files).ok).toBe(true);
    const report = await lastRun;
    expect(report?.sent.map((s) => s.roundId)).toEqual(["431", "431"]);
    expect(posts(fake, FAKE.channelId, mark)).toHaveLength(1);
    expect(posts(fake, ALL_ROUNDS, mark)).toHaveLength(1);
    expect(posts(fake, STEM_ONLY, mark)).toHaveLength(0);
    expect(posts(fake, CEC_LOW, mark)).toHaveLength(0);
    const body = posts(fake, FAKE.channelId, mark)[0]?.body as { embeds: Embed[]; allowed_mentions: unknown; nonce: string; enforce_nonce: boolean };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.enforce_nonce).toBe(true);
    expect(body.embeds[0]?.title).toBe("New Express Entry round 431");
    expect(body.embeds[0]?.description).toMatch(/^IRCC held round 431 on July 30, 2026: Canadian Experience Class\. 6,000 invitations; lowest CRS score invited 512\. Compared with the previous CEC round, round 428/);
    expect(body.embeds[0]?.footer?.text).toMatch(/^As of July 30, 2026 · Sources: /);

    // The same knowledge base loaded again is nothing new.
    const again = fake.requests.length;
    expect(runtime.reload(files).ok).toBe(true);
    expect((await lastRun)?.sent).toEqual([]);
    expect(fake.since(again).filter((x) => x.path.startsWith("/channels/"))).toEqual([]);
  });

  it("waits as long as a 429 asks before posting again, and posts the announcement once", async () => {
    await subscriptions.subscribe(where(DELETED), undefined, undefined);
    fake.failChannel(DELETED, 10003);
    fake.rateLimit("POST", new RegExp(`^/channels/${ALL_ROUNDS}/messages$`), 1, 1);
    const mark = fake.requests.length;
    writeNewRounds(files, 2);
    const started = Date.now();
    expect(runtime.reload(files).ok).toBe(true);
    const limited = fake.waitFor((x) => x.path === `429 /channels/${ALL_ROUNDS}/messages` && fake.requests.indexOf(x) >= mark).then(() => Date.now());
    const report = await lastRun;
    const limitedAt = await limited;
    const ok = posts(fake, ALL_ROUNDS, mark);
    expect(ok).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(limitedAt - started).toBeLessThan(Date.now() - started);
    expect(posts(fake, STEM_ONLY, mark)).toHaveLength(1);
    expect(report?.sent.map((s) => s.roundId).sort()).toEqual(["432", "432"]);
  });

  it("disables the subscription of a channel Discord no longer knows, with a log line, and posts there no more", async () => {
    const [gone] = await store.listSubscriptions({ platform: "discord", channelId: DELETED, includeDisabled: true });
    expect(gone).toMatchObject({ disabledReason: "Unknown Channel" });
    expect(gone?.disabledAt).not.toBeNull();
    expect(posts(fake, DELETED)).toHaveLength(1);
    expect(logLines.some((l) => l.includes("subscription disabled") && l.includes(DELETED))).toBe(true);
    const r = await slash("subscriptions");
    expect(JSON.stringify(callbackData(r).embeds)).toContain("<#900000000000000204>: every new round (stopped");
  });

  it("removes the channel's subscription on /ee unsubscribe and says what it will no longer get", async () => {
    const r = await slash("unsubscribe", [{ name: "type", type: 3, value: "cec" }], MANAGE_CHANNELS);
    expect(callbackData(r).embeds?.[0]?.description).toBe("This channel will no longer get messages for every new CEC round with a cut-off of 520 or less.");
    expect(await store.listSubscriptions({ platform: "discord", channelId: FAKE.channelId, includeDisabled: true })).toEqual([]);
    const none = await slash("unsubscribe", [], MANAGE_CHANNELS);
    expect(callbackData(none).flags).toBe(EPHEMERAL);
    expect(callbackData(none).embeds?.[0]?.description).toBe(ANNOUNCE_MESSAGES.noneInChannel);
  });
});
