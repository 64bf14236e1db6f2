// Timestamps are ISO-8601 UTC text (Date#toISOString) in both engines: they sort as text and need no per-engine
// type mapping. Booleans are 0/1 integers for the same reason.

/** The subscriptions table. */
export interface SubscriptionsTable {
  id: string;
  platform: string;
  workspace_id: string;
  channel_id: string;
  round_type: string;
  max_crs: number | null;
  /** round_type and max_crs in one non-null value: unique constraints treat NULLs as distinct in both engines. */
  filter_key: string;
  created_by: string;
  created_at: string;
  disabled_at: string | null;
  disabled_reason: string | null;
  cursor_order: number | null;
  cursor_round: string | null;
}

/** The deliveries table. */
export interface DeliveriesTable {
  subscription_id: string;
  round_id: string;
  state: string;
  claimed_by: string | null;
  claimed_at: string | null;
  lease_until: string | null;
  sent_at: string | null;
  attempts: number;
  last_error: string | null;
  permanent: number;
  message_id: string | null;
}

/** The installations table. */
export interface InstallationsTable {
  installation_key: string;
  team_id: string | null;
  enterprise_id: string | null;
  bot_token_ciphertext: string;
  bot_user_id: string;
  scopes: string;
  installed_at: string;
  bot_id: string | null;
  /** 1 for an org-wide install (keyed by its enterprise alone), else 0. */
  enterprise_install: number;
}

/** The key-value table. */
export interface KvTable {
  key: string;
  value: string;
  expires_at: string | null;
}

/** Every table the store uses. */
export interface Database {
  subscriptions: SubscriptionsTable;
  deliveries: DeliveriesTable;
  installations: InstallationsTable;
  kv: KvTable;
}
