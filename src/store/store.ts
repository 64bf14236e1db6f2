import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Selectable } from "kysely";
import { EeBotError, ErrorCode } from "../errors.js";
import { decryptSecret, encryptSecret } from "./secret.js";
import {
  InstallationSchema,
  NewSubscriptionSchema,
  type AddSubscriptionOutcome,
  type ClaimOutcome,
  type Delivery,
  type Engine,
  type Installation,
  type InstallationInput,
  type InstallationKey,
  type NewSubscriptionInput,
  type Result,
  type SaveRefusal,
  type Store,
  type StoreHealth,
  type Subscription,
  type SubscriptionQuery,
} from "./schema.js";
import type { Database, DeliveriesTable, InstallationsTable, SubscriptionsTable } from "./tables.js";

/** What a KyselyStore needs besides its database. */
export interface KyselyStoreOptions {
  readonly engine: Engine;
  readonly secretKey: Buffer | undefined;
  readonly now: () => number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function toSubscription(row: Selectable<SubscriptionsTable>): Subscription {
  return {
    id: row.id,
    platform: row.platform as Subscription["platform"],
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    roundType: row.round_type,
    maxCrs: row.max_crs,
    createdBy: row.created_by,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
    cursorOrder: row.cursor_order,
    cursorRound: row.cursor_round,
  };
}

function toDelivery(row: Selectable<DeliveriesTable>): Delivery {
  return {
    subscriptionId: row.subscription_id,
    roundId: row.round_id,
    state: row.state as Delivery["state"],
    claimedBy: row.claimed_by,
    claimedAt: row.claimed_at,
    leaseUntil: row.lease_until,
    sentAt: row.sent_at,
    attempts: row.attempts,
    lastError: row.last_error,
    permanent: row.permanent === 1,
    messageId: row.message_id,
  };
}

function installationKeyOf(key: InstallationKey): string {
  return `enterprise:${key.enterpriseId ?? "-"}/team:${key.teamId ?? "-"}`;
}

/** The Store over a Kysely database of either engine. */
export class KyselyStore implements Store {
  readonly engine: Engine;
  readonly #db: Kysely<Database>;
  readonly #key: Buffer | undefined;
  readonly #now: () => number;

  constructor(db: Kysely<Database>, options: KyselyStoreOptions) {
    this.#db = db;
    this.engine = options.engine;
    this.#key = options.secretKey;
    this.#now = options.now;
  }

  async addSubscription(raw: NewSubscriptionInput): Promise<AddSubscriptionOutcome> {
    const parsed = NewSubscriptionSchema.safeParse(raw);
    if (!parsed.success) {
      throw new EeBotError(ErrorCode.StoreInvalidInput, `invalid subscription: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, { cause: parsed.error });
    }
    const input = parsed.data;
    const filterKey = `${input.roundType}|${input.maxCrs ?? "*"}`;
    const inserted = await this.#db
      .insertInto("subscriptions")
      .values({
        id: randomUUID(),
        platform: input.platform,
        workspace_id: input.workspaceId,
        channel_id: input.channelId,
        round_type: input.roundType,
        max_crs: input.maxCrs,
        filter_key: filterKey,
        created_by: input.createdBy,
        created_at: iso(this.#now()),
        disabled_at: null,
        disabled_reason: null,
        cursor_order: input.startAfterOrder,
        cursor_round: null,
      })
      .onConflict((oc) => oc.columns(["platform", "channel_id", "filter_key"]).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { status: "created", subscription: toSubscription(inserted) };

    // A disabled subscription asked for again starts over from now, not from where it stopped.
    const reactivated = await this.#db
      .updateTable("subscriptions")
      .set({ disabled_at: null, disabled_reason: null, cursor_order: input.startAfterOrder, cursor_round: null })
      .where("platform", "=", input.platform)
      .where("channel_id", "=", input.channelId)
      .where("filter_key", "=", filterKey)
      .where("disabled_at", "is not", null)
      .returningAll()
      .executeTakeFirst();
    if (reactivated) return { status: "reactivated", subscription: toSubscription(reactivated) };

    const existing = await this.#db
      .selectFrom("subscriptions")
      .selectAll()
      .where("platform", "=", input.platform)
      .where("channel_id", "=", input.channelId)
      .where("filter_key", "=", filterKey)
      .executeTakeFirst();
    // Removed between the insert and this select by another process: subscribing again is what was asked.
    if (!existing) return this.addSubscription(raw);
    return { status: "existing", subscription: toSubscription(existing) };
  }

  async removeSubscription(id: string): Promise<boolean> {
    const rows = await this.#db.deleteFrom("subscriptions").where("id", "=", id).returning("id").execute();
    return rows.length > 0;
  }

  async removeSubscriptions(query: SubscriptionQuery): Promise<number> {
    if (query.platform === undefined && query.workspaceId === undefined && query.channelId === undefined) {
      throw new EeBotError(ErrorCode.StoreInvalidInput, "removeSubscriptions needs a platform, workspace or channel: refusing to remove every subscription");
    }
    let q = this.#db.deleteFrom("subscriptions");
    if (query.platform !== undefined) q = q.where("platform", "=", query.platform);
    if (query.workspaceId !== undefined) q = q.where("workspace_id", "=", query.workspaceId);
    if (query.channelId !== undefined) q = q.where("channel_id", "=", query.channelId);
    const rows = await q.returning("id").execute();
    return rows.length;
  }

  async getSubscription(id: string): Promise<Subscription | undefined> {
    const row = await this.#db.selectFrom("subscriptions").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toSubscription(row);
  }

  async listSubscriptions(query: SubscriptionQuery = {}): Promise<Subscription[]> {
    let q = this.#db.selectFrom("subscriptions").selectAll();
    if (query.platform !== undefined) q = q.where("platform", "=", query.platform);
    if (query.workspaceId !== undefined) q = q.where("workspace_id", "=", query.workspaceId);
    if (query.channelId !== undefined) q = q.where("channel_id", "=", query.channelId);
    if (!query.includeDisabled) q = q.where("disabled_at", "is", null);
    const rows = await q.orderBy("created_at").orderBy("id").execute();
    return rows.map(toSubscription);
  }

  async disableSubscription(id: string, reason: string): Promise<boolean> {
    const rows = await this.#db
      .updateTable("subscriptions")
      .set({ disabled_at: iso(this.#now()), disabled_reason: reason })
      .where("id", "=", id)
      .where("disabled_at", "is", null)
      .returning("id")
      .execute();
    return rows.length > 0;
  }

  async claimDelivery(subscriptionId: string, roundId: string, owner: string, leaseMs: number): Promise<ClaimOutcome> {
    const active = await this.#db
      .selectFrom("subscriptions")
      .select("id")
      .where("id", "=", subscriptionId)
      .where("disabled_at", "is", null)
      .executeTakeFirst();
    if (!active) return { status: "no-subscription" };

    const now = this.#now();
    const claim = { state: "claimed", claimed_by: owner, claimed_at: iso(now), lease_until: iso(now + leaseMs) };
    const inserted = await this.#db
      .insertInto("deliveries")
      .values({ subscription_id: subscriptionId, round_id: roundId, ...claim, attempts: 1, permanent: 0 })
      .onConflict((oc) => oc.columns(["subscription_id", "round_id"]).doNothing())
      .returning("attempts")
      .executeTakeFirst();
    if (inserted) return { status: "claimed", attempts: inserted.attempts };

    // One conditional update, so that of two claimers racing for an expired lease exactly one wins.
    const taken = await this.#db
      .updateTable("deliveries")
      .set((eb) => ({ ...claim, attempts: eb("attempts", "+", 1) }))
      .where("subscription_id", "=", subscriptionId)
      .where("round_id", "=", roundId)
      .where((eb) =>
        eb.or([
          eb.and([eb("state", "=", "failed"), eb("permanent", "=", 0)]),
          eb.and([eb("state", "=", "claimed"), eb.or([eb("lease_until", "<=", iso(now)), eb("claimed_by", "=", owner)])]),
        ]),
      )
      .returning("attempts")
      .executeTakeFirst();
    if (taken) return { status: "claimed", attempts: taken.attempts };

    const row = await this.getDelivery(subscriptionId, roundId);
    if (!row) return { status: "no-subscription" };
    if (row.state === "sent") return { status: "already-sent", messageId: row.messageId };
    if (row.state === "failed") return { status: "given-up", error: row.lastError };
    return { status: "held-by-other", owner: row.claimedBy ?? "", leaseUntil: row.leaseUntil ?? "" };
  }

  async markSent(subscriptionId: string, roundId: string, messageId: string | null): Promise<boolean> {
    const rows = await this.#db
      .updateTable("deliveries")
      .set({ state: "sent", sent_at: iso(this.#now()), message_id: messageId, lease_until: null, last_error: null, permanent: 0 })
      .where("subscription_id", "=", subscriptionId)
      .where("round_id", "=", roundId)
      .where("state", "!=", "sent")
      .returning("round_id")
      .execute();
    return rows.length > 0;
  }

  async markFailed(subscriptionId: string, roundId: string, error: string, permanent: boolean, owner?: string): Promise<boolean> {
    let q = this.#db
      .updateTable("deliveries")
      .set({ state: "failed", last_error: error, permanent: permanent ? 1 : 0, lease_until: null })
      .where("subscription_id", "=", subscriptionId)
      .where("round_id", "=", roundId)
      .where("state", "=", "claimed");
    if (owner !== undefined) q = q.where("claimed_by", "=", owner);
    const rows = await q.returning("round_id").execute();
    return rows.length > 0;
  }

  async getDelivery(subscriptionId: string, roundId: string): Promise<Delivery | undefined> {
    const row = await this.#db
      .selectFrom("deliveries")
      .selectAll()
      .where("subscription_id", "=", subscriptionId)
      .where("round_id", "=", roundId)
      .executeTakeFirst();
    return row && toDelivery(row);
  }

  async advanceCursor(subscriptionId: string, roundId: string, order: number): Promise<boolean> {
    const rows = await this.#db
      .updateTable("subscriptions")
      .set({ cursor_order: order, cursor_round: roundId })
      .where("id", "=", subscriptionId)
      .where((eb) => eb.or([eb("cursor_order", "is", null), eb("cursor_order", "<", order)]))
      .returning("id")
      .execute();
    return rows.length > 0;
  }

  async cursorOf(subscriptionId: string): Promise<number | null | undefined> {
    const row = await this.#db.selectFrom("subscriptions").select("cursor_order").where("id", "=", subscriptionId).executeTakeFirst();
    return row ? row.cursor_order : undefined;
  }

  async saveInstallation(raw: InstallationInput): Promise<Result<void, SaveRefusal>> {
    if (!this.#key) {
      return { ok: false, error: { code: "no-secret-key", message: "set STORE_SECRET_KEY (32 bytes, hex or base64) to save Slack installations: bot tokens are stored encrypted" } };
    }
    const parsed = InstallationSchema.safeParse(raw);
    if (!parsed.success) {
      throw new EeBotError(ErrorCode.StoreInvalidInput, `invalid installation: ${parsed.error.issues.map((i) => i.message).join("; ")}`, { cause: parsed.error });
    }
    const inst = parsed.data;
    const key = installationKeyOf(inst.enterpriseInstall ? { teamId: null, enterpriseId: inst.enterpriseId } : inst);
    const row = {
      installation_key: key,
      team_id: inst.enterpriseInstall ? null : inst.teamId,
      enterprise_id: inst.enterpriseId,
      bot_token_ciphertext: encryptSecret(this.#key, inst.botToken, key),
      bot_user_id: inst.botUserId,
      scopes: inst.scopes.join(" "),
      installed_at: inst.installedAt,
      bot_id: inst.botId,
      enterprise_install: inst.enterpriseInstall ? 1 : 0,
    };
    const { installation_key: _, ...update } = row;
    await this.#db
      .insertInto("installations")
      .values(row)
      .onConflict((oc) => oc.column("installation_key").doUpdateSet(update))
      .execute();
    return { ok: true, value: undefined };
  }

  async getInstallation(key: InstallationKey): Promise<Installation | undefined> {
    const row = await this.#db.selectFrom("installations").selectAll().where("installation_key", "=", installationKeyOf(key)).executeTakeFirst();
    return row && this.#toInstallation(row);
  }

  async findInstallation(teamId: string, enterpriseId: string | null = null): Promise<Installation | undefined> {
    const own = await this.#db.selectFrom("installations").selectAll().where("team_id", "=", teamId).orderBy("installed_at", "desc").executeTakeFirst();
    if (own) return this.#toInstallation(own);
    if (enterpriseId === null) return undefined;
    return this.getInstallation({ teamId: null, enterpriseId });
  }

  #toInstallation(row: Selectable<InstallationsTable>): Installation {
    const id = row.installation_key;
    if (!this.#key) throw new EeBotError(ErrorCode.StoreSecretKey, `cannot read the bot token of installation ${id}: STORE_SECRET_KEY is not set`);
    return {
      teamId: row.team_id,
      enterpriseId: row.enterprise_id,
      botToken: decryptSecret(this.#key, row.bot_token_ciphertext, id),
      botUserId: row.bot_user_id,
      botId: row.bot_id,
      scopes: row.scopes === "" ? [] : row.scopes.split(" "),
      installedAt: row.installed_at,
      enterpriseInstall: row.enterprise_install === 1,
    };
  }

  async deleteInstallation(key: InstallationKey): Promise<boolean> {
    const rows = await this.#db.deleteFrom("installations").where("installation_key", "=", installationKeyOf(key)).returning("installation_key").execute();
    return rows.length > 0;
  }

  async kvSet(key: string, value: string, ttlMs?: number): Promise<void> {
    const expires_at = ttlMs === undefined ? null : iso(this.#now() + ttlMs);
    await this.#db
      .insertInto("kv")
      .values({ key, value, expires_at })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value, expires_at }))
      .execute();
  }

  async kvSetIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    const now = this.#now();
    const expires_at = ttlMs === undefined ? null : iso(now + ttlMs);
    const row = await this.#db
      .insertInto("kv")
      .values({ key, value, expires_at })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value, expires_at }).where("kv.expires_at", "<=", iso(now)))
      .returning("key")
      .executeTakeFirst();
    return row !== undefined;
  }

  async kvGet(key: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom("kv")
      .select("value")
      .where("key", "=", key)
      .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", iso(this.#now()))]))
      .executeTakeFirst();
    return row?.value;
  }

  async kvDelete(key: string): Promise<boolean> {
    const rows = await this.#db.deleteFrom("kv").where("key", "=", key).returning("key").execute();
    return rows.length > 0;
  }

  async kvPurgeExpired(): Promise<number> {
    const rows = await this.#db.deleteFrom("kv").where("expires_at", "<=", iso(this.#now())).returning("key").execute();
    return rows.length;
  }

  async health(): Promise<StoreHealth> {
    try {
      await sql`select 1`.execute(this.#db);
      return { engine: this.engine, ok: true };
    } catch (e) {
      return { engine: this.engine, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }
}
