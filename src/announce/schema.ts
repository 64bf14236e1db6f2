import * as z from "zod";
import { CategoryIdSchema, IsoDateSchema, RoundIdSchema, type Draw } from "../kb/schema.js";
import type { Subscription } from "../store/schema.js";

/** A round of invitations as the announcer needs it. */
export const AnnounceRoundSchema = z.object({
  id: RoundIdSchema,
  /** Sort key of the round (91a is 91.1). */
  order: z.number().positive(),
  /** Round type id; null when the knowledge base does not know it. */
  typeId: CategoryIdSchema.nullable(),
  /** Cut-off score; null when not known. */
  crs: z.number().int().nonnegative().nullable(),
  date: IsoDateSchema.nullable(),
  invitations: z.number().int().nonnegative().nullable(),
  name: z.string().nullable(),
});
/** A round of invitations as the announcer needs it. */
export type AnnounceRound = z.infer<typeof AnnounceRoundSchema>;

/** The knowledge base's draws as rounds to announce. */
export function roundsFromDraws(draws: readonly Draw[]): AnnounceRound[] {
  return draws.map((d) => ({ id: d.round, order: d.order, typeId: d.category, crs: d.crs, date: d.date, invitations: d.invitations, name: d.name }));
}

/** The latest of some rounds, by order; undefined for none. A new subscription starts after it. */
export function latestRound(rounds: readonly AnnounceRound[]): AnnounceRound | undefined {
  return rounds.reduce<AnnounceRound | undefined>((best, r) => (best === undefined || r.order > best.order ? r : best), undefined);
}

/** What a platform answered to one post. */
export type SendResult =
  | { readonly ok: true; readonly messageId: string | null }
  | { readonly ok: false; readonly kind: "transient"; readonly retryAfterMs?: number; readonly error?: string }
  | { readonly ok: false; readonly kind: "permanent"; readonly reason: string };

/** Posts one round's announcement to one subscription's channel on one platform. */
export interface Sender {
  send(subscription: Subscription, round: AnnounceRound): Promise<SendResult>;
}
