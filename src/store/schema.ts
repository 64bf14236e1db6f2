import * as z from "zod";
import { CategoryIdSchema, RoundIdSchema } from "../kb/schema.js";

/** A chat platform the bot posts to. */
export const PlatformSchema = z.enum(["discord", "slack"]);
/** A chat platform the bot posts to. */
export type Platform = z.infer<typeof PlatformSchema>;

/** Which rounds a subscription wants: every round, or rounds of one round type id. */
export const RoundTypeFilterSchema = z.union([z.literal("all"), CategoryIdSchema]);
/** Which rounds a subscription wants. */
export type RoundTypeFilter = z.infer<typeof RoundTypeFilterSchema>;

/** What a caller gives to subscribe a channel. */
export const NewSubscriptionSchema = z.object({
  platform: PlatformSchema,
  /** Discord guild id or Slack team id. */
  workspaceId: z.string().min(1),
  channelId: z.string().min(1),
  roundType: RoundTypeFilterSchema.default("all"),
  /** Announce only rounds whose cut-off is at most this score; rounds with no known cut-off are announced. */
  maxCrs: z.number().int().nonnegative().nullable().default(null),
  createdBy: z.string().min(1),
  /** Order of the latest round known now: the subscription is announced only rounds after it. */
  startAfterOrder: z.number().nonnegative().nullable().default(null),
});
/** What a caller gives to subscribe a channel (defaults applied). */
export type NewSubscription = z.infer<typeof NewSubscriptionSchema>;
/** What a caller gives to subscribe a channel (defaults optional). */
export type NewSubscriptionInput = z.input<typeof NewSubscriptionSchema>;

/** A channel subscribed to round announcements. */
export const SubscriptionSchema = z.object({
  id: z.string(),
  platform: PlatformSchema,
  workspaceId: z.string(),
  channelId: z.string(),
  roundType: RoundTypeFilterSchema,
  maxCrs: z.number().int().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  disabledReason: z.string().nullable(),
  /** Order of the last round dealt with (announced or filtered out); null before the first. */
  cursorOrder: z.number().nullable(),
  cursorRound: RoundIdSchema.nullable(),
});
/** A channel subscribed to round announcements. */
export type Subscription = z.infer<typeof SubscriptionSchema>;

/** Which subscriptions to list; every field narrows. */
export interface SubscriptionQuery {
  readonly platform?: Platform;
  readonly workspaceId?: string;
  readonly channelId?: string;
  /** Include disabled subscriptions (default false). */
  readonly includeDisabled?: boolean;
}

/** State of one delivery of one round to one subscription. */
export const DeliveryStateSchema = z.enum(["claimed", "sent", "failed"]);
/** State of one delivery. */
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

/** One delivery of one round to one subscription. */
export const DeliverySchema = z.object({
  subscriptionId: z.string(),
  roundId: RoundIdSchema,
  state: DeliveryStateSchema,
  claimedBy: z.string().nullable(),
  claimedAt: z.string().nullable(),
  leaseUntil: z.string().nullable(),
  sentAt: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  /** True when the failure will not go away by retrying. */
  permanent: z.boolean(),
  messageId: z.string().nullable(),
});
/** One delivery of one round to one subscription. */
export type Delivery = z.infer<typeof DeliverySchema>;

/** Outcome of claiming a delivery. */
export type ClaimOutcome =
  | { readonly status: "claimed"; readonly attempts: number }
  | { readonly status: "already-sent"; readonly messageId: string | null }
  | { readonly status: "held-by-other"; readonly owner: string; readonly leaseUntil: string }
  | { readonly status: "given-up"; readonly error: string | null }
  | { readonly status: "no-subscription" };

/** Outcome of subscribing: the new subscription, the one that already existed, or a disabled one enabled again. */
export type AddSubscriptionOutcome = { readonly status: "created" | "existing" | "reactivated"; readonly subscription: Subscription };

/** A Slack installation as saved: the bot token in clear only in memory. */
export const InstallationSchema = z
  .object({
    teamId: z.string().min(1).nullable(),
    enterpriseId: z.string().min(1).nullable(),
    botToken: z.string().min(1),
    botUserId: z.string().min(1),
    /** The bot's id (B...), which Bolt uses to ignore the bot's own messages; null when Slack did not say. */
    botId: z.string().min(1).nullable().default(null),
    scopes: z.array(z.string().min(1)),
    installedAt: z.string(),
    /** An org-wide install of an Enterprise Grid: keyed by the enterprise alone, serving every workspace in it. */
    enterpriseInstall: z.boolean().default(false),
  })
  .refine((i) => i.teamId !== null || i.enterpriseId !== null, "an installation needs a team id or an enterprise id");
/** A Slack installation. */
export type Installation = z.infer<typeof InstallationSchema>;
/** A Slack installation as a caller gives it (defaults optional). */
export type InstallationInput = z.input<typeof InstallationSchema>;

/** Which installation: by team, or by enterprise for org-wide installs. */
export interface InstallationKey {
  readonly teamId: string | null;
  readonly enterpriseId: string | null;
}

/** Why a save was refused. */
export type SaveRefusal = { readonly code: "no-secret-key"; readonly message: string };

/** An expected failure returned as a value. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Which database engine a store uses. */
export type Engine = "sqlite" | "postgres";

/** Whether the database answers. */
export interface StoreHealth {
  readonly engine: Engine;
  readonly ok: boolean;
  readonly error?: string;
}

/** The bot's persistent state: subscriptions, deliveries, installations and a key-value with expiry. */
export interface Store {
  readonly engine: Engine;
  /** Subscribes a channel; the same platform, channel and filter give back the existing subscription. */
  addSubscription(input: NewSubscriptionInput): Promise<AddSubscriptionOutcome>;
  /** Removes one subscription and its deliveries; false when there was none. */
  removeSubscription(id: string): Promise<boolean>;
  /** Removes every subscription matching a query (disabled ones included); returns how many. */
  removeSubscriptions(query: SubscriptionQuery): Promise<number>;
  /** One subscription, disabled or not. */
  getSubscription(id: string): Promise<Subscription | undefined>;
  /** Subscriptions matching a query, oldest first. */
  listSubscriptions(query?: SubscriptionQuery): Promise<Subscription[]>;
  /** Stops announcing to a subscription, keeping the reason; false when there was none. */
  disableSubscription(id: string, reason: string): Promise<boolean>;
  /** Takes the right to send one round to one subscription for leaseMs; an expired lease can be taken over. */
  claimDelivery(subscriptionId: string, roundId: string, owner: string, leaseMs: number): Promise<ClaimOutcome>;
  /** Records that a delivery was sent, whoever holds its claim now; false when it was already recorded or is unknown. */
  markSent(subscriptionId: string, roundId: string, messageId: string | null): Promise<boolean>;
  /** Records a failed attempt of a claimed delivery (of owner's claim when given); a transient one can be claimed again at once. */
  markFailed(subscriptionId: string, roundId: string, error: string, permanent: boolean, owner?: string): Promise<boolean>;
  /** One delivery's record. */
  getDelivery(subscriptionId: string, roundId: string): Promise<Delivery | undefined>;
  /** Moves a subscription's cursor forward to a round; never moves it back. */
  advanceCursor(subscriptionId: string, roundId: string, order: number): Promise<boolean>;
  /** Order of the last round a subscription dealt with; null before the first, undefined for no subscription. */
  cursorOf(subscriptionId: string): Promise<number | null | undefined>;
  /** Saves (or replaces) a Slack installation, its bot token encrypted; refused without a secret key. */
  saveInstallation(installation: InstallationInput): Promise<Result<void, SaveRefusal>>;
  /** A Slack installation with its bot token decrypted; throws when the secret key cannot decrypt it. */
  getInstallation(key: InstallationKey): Promise<Installation | undefined>;
  /** The installation that serves a workspace: its own (inside an enterprise or not), else its enterprise's org-wide one when given. */
  findInstallation(teamId: string, enterpriseId?: string | null): Promise<Installation | undefined>;
  /** Removes a Slack installation; false when there was none. */
  deleteInstallation(key: InstallationKey): Promise<boolean>;
  /** Sets a value, expiring after ttlMs when given. */
  kvSet(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets a value only when the key is absent or expired; true when this call set it. */
  kvSetIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  /** A value that has not expired. */
  kvGet(key: string): Promise<string | undefined>;
  /** Removes a key; false when there was none. */
  kvDelete(key: string): Promise<boolean>;
  /** Removes expired keys; returns how many. */
  kvPurgeExpired(): Promise<number>;
  /** Whether the database answers a query now. */
  health(): Promise<StoreHealth>;
  /** Closes the connections; the store is unusable afterwards. */
  close(): Promise<void>;
}
