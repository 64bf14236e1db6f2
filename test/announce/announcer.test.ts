import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { Announcer, latestRound, wantsRound, AnnounceRoundSchema, type AnnounceRound, type Sender, type SendResult } from "../../src/announce/index.js";
import { createLogger } from "../../src/log.js";
import { openStore, type NewSubscriptionInput, type Store, type StoreOptions, type Subscription } from "../../src/store/index.js";
import { childResult, ENGINES, startChild } from "../store/engines.js";

const ROUNDS: readonly AnnounceRound[] = AnnounceRoundSchema.array().parse(
  JSON.parse(readFileSync(new URL("../fixtures/announce/rounds.json", import.meta.url), "utf8")),
);
const byId = (id: string): AnnounceRound => {
  const r = ROUNDS.find((x) => x.id === id);
  if (!r) throw new Error(`no fixture round ${id}`);
  return r;
};
/** The rounds up to and including one, as the knowledge base knew them then. */
const upTo = (id: string): AnnounceRound[] => ROUNDS.filter((r) => r.order <= byId(id).order);

/** A sender that posts nowhere and remembers what it was asked, answering from a script when one is given. */
class RecordingSender implements Sender {
  readonly sent: string[] = [];
  calls = 0;
  inFlight = 0;
  maxInFlight = 0;
  constructor(
    private readonly script: (sub: Subscription, round: AnnounceRound, call: number) => SendResult | undefined = () => undefined,
    private readonly ms = 0,
  ) {}
  async send(sub: Subscription, round: AnnounceRound): Promise<SendResult> {
    this.calls += 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.ms > 0) await delay(this.ms);
      const scripted = this.script(sub, round, this.calls);
      if (scripted) return scripted;
      this.sent.push(`${sub.channelId} ${round.id}`);
      return { ok: true, messageId: `msg-${sub.channelId}-${round.id}` };
    } finally {
      this.inFlight -= 1;
    }
  }
  of(channelId: string): string[] {
    return this.sent.filter((s) => s.startsWith(`${channelId} `)).map((s) => s.split(" ")[1] ?? "");
  }
}

const subscription = (channelId: string, extra: Partial<NewSubscriptionInput> = {}): NewSubscriptionInput => ({
  platform: "discord",
  workspaceId: "guild-1",
  channelId,
  createdBy: "user-1",
  ...extra,
});

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await delay(10);
  }
}

describe("a subscription's filter", () => {
  const base = { id: "s", platform: "discord", workspaceId: "g", channelId: "c", createdBy: "u", createdAt: "", disabledAt: null, disabledReason: null, cursorOrder: 0, cursorRound: null } as const;
  it("wants a round of its type under its score, and a round of unknown cut-off", () => {
    const sub: Subscription = { ...base, roundType: "cec", maxCrs: 510 };
    expect(wantsRound(sub, byId("92"))).toBe(true);
    expect(wantsRound(sub, byId("90"))).toBe(false);
    expect(wantsRound(sub, byId("93"))).toBe(false);
    expect(wantsRound({ ...base, roundType: "all", maxCrs: 400 }, byId("94"))).toBe(true);
  });
});

describe.each(ENGINES)("the announcer on $engine", (engine) => {
  const open: Store[] = [];
  const fresh = async (extra: Partial<StoreOptions> = {}): Promise<{ store: Store; options: StoreOptions }> => {
    const options = { ...engine.fresh(), ...extra };
    const store = await openStore(options);
    open.push(store);
    return { store, options };
  };
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it("announces nothing on a first start over the whole history", async () => {
    const { store } = await fresh();
    const { subscription: sub } = await store.addSubscription(subscription("c1"));
    const sender = new RecordingSender();
    const announcer = new Announcer({ store, senders: { discord: sender } });
    const report = await announcer.announce(ROUNDS);
    expect(report.sent).toEqual([]);
    expect(report.initialised).toBe(1);
    expect(await store.cursorOf(sub.id)).toBe(latestRound(ROUNDS)?.order);
    expect((await announcer.announce(ROUNDS)).sent).toEqual([]);
    expect(sender.calls).toBe(0);
  });

  it("announces nothing from history to a subscription started at the latest round", async () => {
    const { store } = await fresh();
    await store.addSubscription(subscription("c1", { startAfterOrder: latestRound(upTo("92"))?.order ?? null }));
    const sender = new RecordingSender();
    const report = await new Announcer({ store, senders: { discord: sender } }).announce(upTo("92"));
    expect(report).toMatchObject({ sent: [], initialised: 0 });
    expect(sender.calls).toBe(0);
  });

  it("announces both rounds published while the bot was down, in round order, and each once", async () => {
    const { store } = await fresh();
    const { subscription: sub } = await store.addSubscription(subscription("c1", { startAfterOrder: byId("91a").order }));
    const sender = new RecordingSender();
    const announcer = new Announcer({ store, senders: { discord: sender } });
    const shuffled = [byId("92"), byId("90"), byId("91b"), byId("91a")];
    const report = await announcer.announce(shuffled);
    expect(sender.of("c1")).toEqual(["91b", "92"]);
    expect(report.sent.map((s) => s.roundId)).toEqual(["91b", "92"]);
    expect(await store.cursorOf(sub.id)).toBe(92);
    expect(await store.getDelivery(sub.id, "92")).toMatchObject({ state: "sent", messageId: "msg-c1-92" });
    await announcer.announce(ROUNDS);
    expect(sender.of("c1")).toEqual(["91b", "92", "93", "94"]);
  });

  it("announces only the rounds each subscription's type and score filters want", async () => {
    const { store } = await fresh();
    const start = { startAfterOrder: byId("90").order };
    const cec = await store.addSubscription(subscription("cec", { ...start, roundType: "cec" }));
    await store.addSubscription(subscription("low", { ...start, maxCrs: 480 }));
    await store.addSubscription(subscription("all", start));
    const sender = new RecordingSender();
    const report = await new Announcer({ store, senders: { discord: sender } }).announce(ROUNDS);
    expect(sender.of("cec")).toEqual(["92"]);
    expect(sender.of("low")).toEqual(["91a", "93", "94"]);
    expect(sender.of("all")).toEqual(["91a", "91b", "92", "93", "94"]);
    expect(report.filteredOut).toBe(4 + 2);
    expect(await store.cursorOf(cec.subscription.id)).toBe(94);
  });

  it("retries a transient failure, waiting as long as the platform asked, then sends once", async () => {
    const { store } = await fresh();
    const { subscription: sub } = await store.addSubscription(subscription("c1", { startAfterOrder: byId("93").order }));
    const waits: number[] = [];
    const sender = new RecordingSender((_, __, call) =>
      call === 1 ? { ok: false, kind: "transient", retryAfterMs: 1234, error: "429" } : call === 2 ? { ok: false, kind: "transient", error: "502" } : undefined,
    );
    const announcer = new Announcer({ store, senders: { discord: sender }, backoffMs: 10, sleep: async (ms) => void waits.push(ms) });
    const report = await announcer.announce(ROUNDS);
    expect(waits).toEqual([1234, 20]);
    expect(sender.of("c1")).toEqual(["94"]);
    expect(report.failed).toEqual([]);
    expect(await store.getDelivery(sub.id, "94")).toMatchObject({ state: "sent", attempts: 3 });
  });

  it("leaves a delivery that keeps failing to the next run and holds the later rounds back until then", async () => {
    const { store } = await fresh();
    const { subscription: sub } = await store.addSubscription(subscription("c1", { startAfterOrder: byId("92").order }));
    let down = true;
    const sender = new RecordingSender(() => (down ? { ok: false, kind: "transient", error: "503" } : undefined));
    const announcer = new Announcer({ store, senders: { discord: sender }, maxAttempts: 2, sleep: async () => undefined });
    const first = await announcer.announce(ROUNDS);
    expect(first.failed).toEqual([{ subscriptionId: sub.id, roundId: "93", error: "503", permanent: false }]);
    expect(sender.calls).toBe(2);
    expect(await store.cursorOf(sub.id)).toBe(92);
    down = false;
    await announcer.announce(ROUNDS);
    expect(sender.of("c1")).toEqual(["93", "94"]);
  });

  it("disables a subscription whose channel refuses for good, saying so in the log, and goes on with the others", async () => {
    const { store } = await fresh();
    const start = { startAfterOrder: byId("92").order };
    const gone = await store.addSubscription(subscription("gone", start));
    await store.addSubscription(subscription("fine", start));
    const lines: string[] = [];
    const sender = new RecordingSender((sub) => (sub.channelId === "gone" ? { ok: false, kind: "permanent", reason: "Unknown Channel" } : undefined));
    const announcer = new Announcer({ store, senders: { discord: sender }, log: createLogger({ sink: { write: (l) => lines.push(l) } }) });
    const report = await announcer.announce(ROUNDS);
    expect(report.failed).toEqual([{ subscriptionId: gone.subscription.id, roundId: "93", error: "Unknown Channel", permanent: true }]);
    expect(sender.of("fine")).toEqual(["93", "94"]);
    expect(await store.getSubscription(gone.subscription.id)).toMatchObject({ disabledReason: "Unknown Channel" });
    expect(await store.getSubscription(gone.subscription.id)).not.toMatchObject({ disabledAt: null });
    const warning = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.level === 40);
    expect(warning).toMatchObject({ subscriptionId: gone.subscription.id, channelId: "gone", reason: "Unknown Channel" });
    expect(String(warning?.msg)).toMatch(/disabled/);
    const callsBefore = sender.calls;
    await announcer.announce([...ROUNDS, { ...byId("94"), id: "95", order: 95 }]);
    expect(sender.calls).toBe(callsBefore + 1);
    expect(sender.of("fine")).toEqual(["93", "94", "95"]);
  });

  it("keeps no more sends in flight on a platform than its concurrency allows", async () => {
    const { store } = await fresh();
    for (let i = 0; i < 12; i += 1) await store.addSubscription(subscription(`c${i}`, { startAfterOrder: byId("93").order }));
    await store.addSubscription(subscription("slack-1", { platform: "slack", workspaceId: "T1", startAfterOrder: byId("93").order }));
    const discord = new RecordingSender(undefined, 20);
    const slack = new RecordingSender(undefined, 20);
    const report = await new Announcer({ store, senders: { discord, slack }, concurrency: { discord: 3 } }).announce(ROUNDS);
    expect(report.sent).toHaveLength(13);
    expect(discord.maxInFlight).toBe(3);
    expect(slack.sent).toEqual(["slack-1 94"]);
  });

  it("sends each delivery once when a second run starts before the first has finished", async () => {
    const { store } = await fresh();
    for (let i = 0; i < 3; i += 1) await store.addSubscription(subscription(`c${i}`, { startAfterOrder: byId("92").order }));
    const sender = new RecordingSender(undefined, 30);
    const announcer = new Announcer({ store, senders: { discord: sender } });
    const [first, second] = await Promise.all([announcer.announce(ROUNDS), announcer.announce(ROUNDS)]);
    expect(sender.sent).toHaveLength(6);
    expect(new Set(sender.sent).size).toBe(6);
    expect(first?.sent).toHaveLength(6);
    expect(second?.sent).toEqual([]);
  });

  it("leaves subscriptions of a platform with no sender for later", async () => {
    const { store } = await fresh();
    await store.addSubscription(subscription("s1", { platform: "slack", workspaceId: "T1", startAfterOrder: byId("93").order }));
    const report = await new Announcer({ store, senders: { discord: new RecordingSender() } }).announce(ROUNDS);
    expect(report).toMatchObject({ sent: [], noSender: 1 });
  });

  it("finishes a fan-out after its process is killed in the middle, repeating no announcement", async () => {
    const { store, options } = await fresh();
    const start = { startAfterOrder: byId("91b").order };
    for (let i = 0; i < 4; i += 1) await store.addSubscription(subscription(`c${i}`, start));
    const expected = 4 * 3;
    const sendsFile = join(mkdtempSync(join(tmpdir(), "ee-announce-")), "sends.txt");
    appendFileSync(sendsFile, "");
    const leaseMs = 1500;
    const child = startChild({ store: options, job: "announce", rounds: ROUNDS, sendsFile, sendMs: 150, leaseMs });
    await waitFor(() => child.lines.filter((l) => l.includes('"round announced"')).length >= 5, 20_000);
    child.kill("SIGKILL");
    const end = await child.exited;
    expect(end.signal).toBe("SIGKILL");
    const byChild = readFileSync(sendsFile, "utf8").trim().split("\n").length;
    expect(byChild).toBeLessThan(expected);

    const sender: Sender = {
      async send(sub, round) {
        appendFileSync(sendsFile, `${sub.id} ${round.id} restarted\n`);
        return { ok: true, messageId: null };
      },
    };
    const announcer = new Announcer({ store, senders: { discord: sender }, leaseMs });
    // The killed process's claim keeps its delivery until the lease ends; then the restarted one takes it over.
    for (let run = 0; run < 20; run += 1) {
      const report = await announcer.announce(ROUNDS);
      if (report.heldByOthers === 0) break;
      await delay(leaseMs / 3);
    }
    const lines = readFileSync(sendsFile, "utf8").trim().split("\n");
    const keys = lines.map((l) => l.split(" ").slice(0, 2).join(" "));
    expect(new Set(keys).size).toBe(expected);
    expect(keys).toHaveLength(expected);
    for (const sub of await store.listSubscriptions()) expect(await store.cursorOf(sub.id)).toBe(byId("94").order);
  }, 60_000);

  it("announces each round once when two processes fan out from one database at the same time", async () => {
    const { store, options } = await fresh();
    const start = { startAfterOrder: byId("91b").order };
    for (let i = 0; i < 6; i += 1) await store.addSubscription(subscription(`c${i}`, start));
    await store.addSubscription(subscription("s", { platform: "slack", workspaceId: "T1", ...start }));
    const sendsFile = join(mkdtempSync(join(tmpdir(), "ee-announce-")), "sends.txt");
    appendFileSync(sendsFile, "");
    const job = { store: options, job: "announce", rounds: ROUNDS, sendsFile, sendMs: 20, startAt: Date.now() + 3000 };
    const results = await Promise.all([startChild(job), startChild(job)].map(childResult));
    const keys = readFileSync(sendsFile, "utf8").trim().split("\n").map((l) => l.split(" ").slice(0, 2).join(" "));
    expect(keys).toHaveLength(7 * 3);
    expect(new Set(keys).size).toBe(7 * 3);
    expect(results.reduce((n, r) => n + Number(r.sent), 0)).toBe(7 * 3);
  }, 60_000);
});
