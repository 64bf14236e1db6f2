import type { Kysely, Migration, MigrationProvider } from "kysely";

// One set of migrations for both engines: only column types both understand (text, integer, double precision).
// Names sort in the order they apply; never rename or edit one that has shipped, add a new one.
const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("subscriptions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("platform", "text", (c) => c.notNull())
        .addColumn("workspace_id", "text", (c) => c.notNull())
        .addColumn("channel_id", "text", (c) => c.notNull())
        .addColumn("round_type", "text", (c) => c.notNull())
        .addColumn("max_crs", "integer")
        .addColumn("filter_key", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("disabled_at", "text")
        .addColumn("disabled_reason", "text")
        .addColumn("cursor_order", "double precision")
        .addColumn("cursor_round", "text")
        .addUniqueConstraint("subscriptions_channel_filter", ["platform", "channel_id", "filter_key"])
        .execute();
      await db.schema.createIndex("subscriptions_workspace").on("subscriptions").columns(["platform", "workspace_id"]).execute();

      await db.schema
        .createTable("deliveries")
        .addColumn("subscription_id", "text", (c) => c.notNull().references("subscriptions.id").onDelete("cascade"))
        .addColumn("round_id", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("claimed_by", "text")
        .addColumn("claimed_at", "text")
        .addColumn("lease_until", "text")
        .addColumn("sent_at", "text")
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("last_error", "text")
        .addColumn("permanent", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("message_id", "text")
        .addPrimaryKeyConstraint("deliveries_subscription_round", ["subscription_id", "round_id"])
        .execute();

      await db.schema
        .createTable("installations")
        .addColumn("installation_key", "text", (c) => c.primaryKey())
        .addColumn("team_id", "text")
        .addColumn("enterprise_id", "text")
        .addColumn("bot_token_ciphertext", "text", (c) => c.notNull())
        .addColumn("bot_user_id", "text", (c) => c.notNull())
        .addColumn("scopes", "text", (c) => c.notNull())
        .addColumn("installed_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("kv")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("expires_at", "text")
        .execute();
      await db.schema.createIndex("kv_expires_at").on("kv").column("expires_at").execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ["kv", "installations", "deliveries", "subscriptions"]) await db.schema.dropTable(table).execute();
    },
  },
  // Add to Slack: Bolt needs the bot id of an installation (to ignore the bot's own messages), and an org-wide
  // install is keyed by its enterprise alone.
  "0002-installation-bot-id": {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("installations").addColumn("bot_id", "text").execute();
      await db.schema.alterTable("installations").addColumn("enterprise_install", "integer", (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.createIndex("installations_team").on("installations").column("team_id").execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex("installations_team").execute();
      await db.schema.alterTable("installations").dropColumn("enterprise_install").execute();
      await db.schema.alterTable("installations").dropColumn("bot_id").execute();
    },
  },
};

/** The store's migrations, in code so that a bundled build carries them. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

/** Names of every migration, in the order they apply. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();
