import { existsSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { isEeBotError } from "../../src/errors.js";
import { MIGRATION_NAMES, openStore, STORE_FILE_NAME, type Store, type StoreOptions } from "../../src/store/index.js";
import { ALL_ENGINES, childResult, ENGINES, startChild } from "./engines.js";

const sub = (channelId: string, extra: Record<string, unknown> = {}) => ({
  platform: "discord" as const,
  workspaceId: "guild-1",
  channelId,
  createdBy: "user-1",
  startAfterOrder: 10,
  ...extra,
});

describe.each(ENGINES)("the store on $engine", (engine) => {
  const open: Store[] = [];
  const openFresh = async (extra: Partial<StoreOptions> = {}): Promise<{ store: Store; options: StoreOptions }> => {
    const options = { ...engine.fresh(), ...extra };
    const store = await openStore(options);
    open.push(store);
    return { store, options };
  };
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

    it("reports its engine as healthy while open and unhealthy once closed", async () => {
      const options = engine.fresh();
      const store = await openStore(options);
      expect(await store.health()).toEqual({ engine: engine.engine, ok: true });
      await store.close();
      const after = await store.health();
      expect(after.ok).toBe(false);
      expect(after.error).toBeTruthy();
    });

    it("applies each migration once when opened twice, keeping the data", async () => {
      const { store, options } = await openFresh();
      const { subscription } = await store.addSubscription(sub("chan-1"));
      await store.close();
      open.splice(0);
      const again = await openStore(options);
      open.push(again);
      expect((await again.getSubscription(subscription.id))?.channelId).toBe("chan-1");
      const rows = await engine.query(options, "select name from kysely_migration order by name");
      expect(rows.map((r) => r.name)).toEqual(MIGRATION_NAMES);
    });

    it("applies each migration once when two processes open a fresh database at the same time", async () => {
      const options = engine.fresh();
      const startAt = Date.now() + 3000;
      const children = [startChild({ store: options, job: "open", startAt }), startChild({ store: options, job: "open", startAt })];
      const results = await Promise.all(children.map(childResult));
      expect(results.map((r) => r.engine)).toEqual([engine.engine, engine.engine]);
      const rows = await engine.query(options, "select name from kysely_migration order by name");
      expect(rows.map((r) => r.name)).toEqual(MIGRATION_NAMES);
    });

    it("gives back the existing subscription for the same platform, channel and filter", async () => {
      const { store } = await openFresh();
      const first = await store.addSubscription(sub("chan-1"));
      const second = await store.addSubscription(sub("chan-1", { createdBy: "user-2" }));
      const otherFilter = await store.addSubscription(sub("chan-1", { roundType: "cec" }));
      const otherScore = await store.addSubscription(sub("chan-1", { roundType: "cec", maxCrs: 480 }));
      expect(first.status).toBe("created");
      expect(second).toEqual({ status: "existing", subscription: first.subscription });
      expect(otherFilter.status).toBe("created");
      expect(otherScore.status).toBe("created");
      expect(new Set([first, otherFilter, otherScore].map((o) => o.subscription.id)).size).toBe(3);
      expect(await store.listSubscriptions({ channelId: "chan-1" })).toHaveLength(3);
    });

    it("enables a disabled subscription again when it is asked for again, starting from the new start", async () => {
      const { store } = await openFresh();
      const { subscription } = await store.addSubscription(sub("chan-1"));
      await store.advanceCursor(subscription.id, "12", 12);
      expect(await store.disableSubscription(subscription.id, "missing access")).toBe(true);
      expect(await store.listSubscriptions()).toEqual([]);
      const disabled = await store.listSubscriptions({ includeDisabled: true });
      expect(disabled[0]?.disabledReason).toBe("missing access");
      const again = await store.addSubscription(sub("chan-1", { startAfterOrder: 20 }));
      expect(again.status).toBe("reactivated");
      expect(again.subscription).toMatchObject({ id: subscription.id, disabledAt: null, cursorOrder: 20 });
    });

    it("lists subscriptions by platform, workspace and channel", async () => {
      const { store } = await openFresh();
      await store.addSubscription(sub("d-1"));
      await store.addSubscription(sub("d-2", { workspaceId: "guild-2" }));
      await store.addSubscription(sub("s-1", { platform: "slack", workspaceId: "T1" }));
      expect((await store.listSubscriptions({ platform: "discord" })).map((s) => s.channelId).sort()).toEqual(["d-1", "d-2"]);
      expect((await store.listSubscriptions({ platform: "discord", workspaceId: "guild-2" })).map((s) => s.channelId)).toEqual(["d-2"]);
      expect((await store.listSubscriptions({ platform: "slack", channelId: "s-1" })).map((s) => s.workspaceId)).toEqual(["T1"]);
      expect(await store.listSubscriptions()).toHaveLength(3);
    });

    it("removes one subscription or every subscription of a channel, and refuses to remove everything", async () => {
      const { store } = await openFresh();
      const a = await store.addSubscription(sub("chan-1"));
      await store.addSubscription(sub("chan-1", { roundType: "stem" }));
      await store.addSubscription(sub("chan-2"));
      await store.claimDelivery(a.subscription.id, "11", "p", 1000);
      expect(await store.removeSubscription(a.subscription.id)).toBe(true);
      expect(await store.removeSubscription(a.subscription.id)).toBe(false);
      expect(await store.getDelivery(a.subscription.id, "11")).toBeUndefined();
      expect(await store.removeSubscriptions({ platform: "discord", channelId: "chan-1" })).toBe(1);
      await expect(store.removeSubscriptions({})).rejects.toSatisfy((e) => isEeBotError(e, "ee_store_input"));
      expect((await store.listSubscriptions()).map((s) => s.channelId)).toEqual(["chan-2"]);
    });

    it("refuses a subscription with an unknown platform or a malformed round type", async () => {
      const { store } = await openFresh();
      await expect(store.addSubscription(sub("c", { platform: "irc" }))).rejects.toSatisfy((e) => isEeBotError(e, "ee_store_input"));
      await expect(store.addSubscription(sub("c", { roundType: "Not An Id" }))).rejects.toSatisfy((e) => isEeBotError(e, "ee_store_input"));
    });

    it("lets exactly one of two concurrent claimers win a delivery", async () => {
      const { store } = await openFresh();
      const { subscription } = await store.addSubscription(sub("chan-1"));
      const outcomes = await Promise.all([
        store.claimDelivery(subscription.id, "11", "a", 60_000),
        store.claimDelivery(subscription.id, "11", "b", 60_000),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(["claimed", "held-by-other"]);
    });

    it("lets another owner take over a claim whose lease expired, and only then", async () => {
      let now = Date.parse("2026-12-01T12:00:00Z");
      const { store } = await openFresh({ now: () => now });
      const { subscription } = await store.addSubscription(sub("chan-1"));
      expect(await store.claimDelivery(subscription.id, "11", "a", 1000)).toEqual({ status: "claimed", attempts: 1 });
      now += 999;
      expect(await store.claimDelivery(subscription.id, "11", "b", 1000)).toMatchObject({ status: "held-by-other", owner: "a" });
      now += 1;
      expect(await store.claimDelivery(subscription.id, "11", "b", 1000)).toEqual({ status: "claimed", attempts: 2 });
      expect(await store.claimDelivery(subscription.id, "11", "a", 1000)).toMatchObject({ status: "held-by-other", owner: "b" });
      expect((await store.getDelivery(subscription.id, "11"))?.claimedBy).toBe("b");
    });

    it("never hands out a delivery that was sent, even long after its lease", async () => {
      let now = Date.parse("2026-12-01T12:00:00Z");
      const { store } = await openFresh({ now: () => now });
      const { subscription } = await store.addSubscription(sub("chan-1"));
      await store.claimDelivery(subscription.id, "11", "a", 1000);
      expect(await store.markSent(subscription.id, "11", "msg-1")).toBe(true);
      expect(await store.markSent(subscription.id, "11", "msg-2")).toBe(false);
      now += 86_400_000;
      expect(await store.claimDelivery(subscription.id, "11", "b", 1000)).toEqual({ status: "already-sent", messageId: "msg-1" });
      expect(await store.claimDelivery(subscription.id, "11", "a", 1000)).toEqual({ status: "already-sent", messageId: "msg-1" });
      expect(await store.getDelivery(subscription.id, "11")).toMatchObject({ state: "sent", messageId: "msg-1", attempts: 1 });
    });

    it("lets a transient failure be claimed again at once and a permanent one never", async () => {
      const { store } = await openFresh();
      const { subscription } = await store.addSubscription(sub("chan-1"));
      await store.claimDelivery(subscription.id, "11", "a", 60_000);
      expect(await store.markFailed(subscription.id, "11", "rate limited", false, "a")).toBe(true);
      expect(await store.claimDelivery(subscription.id, "11", "b", 60_000)).toEqual({ status: "claimed", attempts: 2 });
      expect(await store.markFailed(subscription.id, "11", "stale", false, "a")).toBe(false);
      expect(await store.markFailed(subscription.id, "11", "unknown channel", true, "b")).toBe(true);
      expect(await store.claimDelivery(subscription.id, "11", "c", 60_000)).toEqual({ status: "given-up", error: "unknown channel" });
      expect(await store.getDelivery(subscription.id, "11")).toMatchObject({ state: "failed", permanent: true, lastError: "unknown channel" });
    });

    it("refuses to claim for a disabled or removed subscription", async () => {
      const { store } = await openFresh();
      const a = await store.addSubscription(sub("chan-1"));
      const b = await store.addSubscription(sub("chan-2"));
      await store.disableSubscription(a.subscription.id, "gone");
      await store.removeSubscription(b.subscription.id);
      expect(await store.claimDelivery(a.subscription.id, "11", "p", 1000)).toEqual({ status: "no-subscription" });
      expect(await store.claimDelivery(b.subscription.id, "11", "p", 1000)).toEqual({ status: "no-subscription" });
    });

    it("moves a cursor forward and never back", async () => {
      const { store } = await openFresh();
      const { subscription } = await store.addSubscription(sub("chan-1", { startAfterOrder: null }));
      expect(await store.cursorOf(subscription.id)).toBeNull();
      expect(await store.advanceCursor(subscription.id, "91b", 91.2)).toBe(true);
      expect(await store.advanceCursor(subscription.id, "91a", 91.1)).toBe(false);
      expect(await store.cursorOf(subscription.id)).toBe(91.2);
      expect((await store.getSubscription(subscription.id))?.cursorRound).toBe("91b");
      expect(await store.cursorOf("no-such-id")).toBeUndefined();
    });

    it("keeps key-value entries until they expire, and sets an absent one only once", async () => {
      let now = Date.parse("2026-12-01T12:00:00Z");
      const { store } = await openFresh({ now: () => now });
      await store.kvSet("forever", "1");
      await store.kvSet("brief", "2", 1000);
      expect(await store.kvSetIfAbsent("event-1", "a", 1000)).toBe(true);
      expect(await store.kvSetIfAbsent("event-1", "b", 1000)).toBe(false);
      expect(await store.kvGet("event-1")).toBe("a");
      now += 1000;
      expect(await store.kvGet("brief")).toBeUndefined();
      expect(await store.kvGet("forever")).toBe("1");
      expect(await store.kvSetIfAbsent("event-1", "c", 1000)).toBe(true);
      expect(await store.kvGet("event-1")).toBe("c");
      expect(await store.kvSetIfAbsent("forever", "x")).toBe(false);
      expect(await store.kvPurgeExpired()).toBe(1);
      expect(await store.kvDelete("forever")).toBe(true);
      expect(await store.kvDelete("forever")).toBe(false);
    });

    it("gives each delivery to exactly one of two processes claiming the same ones at once", async () => {
      const { store, options } = await openFresh();
      const subs = await Promise.all(Array.from({ length: 5 }, (_, i) => store.addSubscription(sub(`chan-${i}`))));
      const deliveries = subs.flatMap((s) => Array.from({ length: 10 }, (_, r) => [s.subscription.id, String(100 + r)] as const));
      const [a, b] = await Promise.all([startChild({ store: options, job: "claim", deliveries }), startChild({ store: options, job: "claim", deliveries: [...deliveries].reverse() })].map(childResult));
      const won = [...(a?.won as string[]), ...(b?.won as string[])];
      expect(won).toHaveLength(deliveries.length);
      expect(new Set(won).size).toBe(deliveries.length);
    });
});

describe("the embedded store", () => {
  it("creates its folder and file the first time and writes in WAL mode", async () => {
    const options = ALL_ENGINES[0]!.fresh();
    expect(existsSync(options.dataDir)).toBe(false);
    const store = await openStore(options);
    await store.close();
    const file = join(options.dataDir, STORE_FILE_NAME);
    expect(existsSync(file)).toBe(true);
    const db = new BetterSqlite3(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("can be copied with VACUUM INTO while it is open", async () => {
    const options = ALL_ENGINES[0]!.fresh();
    const store = await openStore(options);
    await store.addSubscription(sub("chan-1"));
    const copy = join(options.dataDir, "backup.sqlite");
    await ALL_ENGINES[0]!.query(options, "vacuum into ?", [copy]);
    await store.addSubscription(sub("chan-2"));
    await store.close();
    const db = new BetterSqlite3(copy, { readonly: true });
    expect(db.prepare("select channel_id from subscriptions").all()).toEqual([{ channel_id: "chan-1" }]);
    db.close();
  });

  it("refuses a database URL that is not PostgreSQL's", async () => {
    await expect(openStore({ dataDir: "", databaseUrl: "mysql://localhost/x" })).rejects.toSatisfy((e) => isEeBotError(e, "ee_config_invalid"));
  });
});
