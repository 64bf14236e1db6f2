import { formatDate, joinAnd, roundName } from "../core/format.js";
import type { Knowledge } from "../core/knowledge.js";
import { makeReply } from "../core/reply.js";
import type { Field, Reply } from "../core/types.js";
import type { Draw } from "../kb/schema.js";
import { ANNOUNCE_CATALOG, announceMessages, type AnnounceMessages } from "../messages/announce.js";
import { drawFields } from "../skills/draws/shared.js";
import type { AddSubscriptionOutcome, RoundTypeFilter, Subscription } from "../store/schema.js";
import type { AnnounceRound } from "./schema.js";

/** The fixed sentences about subscriptions and announcements in English, as tests and English-only callers name them. */
export const ANNOUNCE_MESSAGES: AnnounceMessages = ANNOUNCE_CATALOG.en;

/** Which rounds a subscription asks for, read from what a person typed: "all", a round-type id, or a name the lexicon knows. */
export function readRoundType(knowledge: Knowledge, typed: string | undefined): { ok: true; value: RoundTypeFilter } | { ok: false; error: string } {
  const text = (typed ?? "").trim();
  if (text === "" || /^(?:all|any|every|all rounds|tous|toutes|tous les tirages)$/i.test(text)) return { ok: true, value: "all" };
  if (knowledge.roundType(text)) return { ok: true, value: text };
  const found = knowledge.lexicon.categoriesIn(text.toLowerCase())[0];
  if (found && knowledge.roundType(found.id)) return { ok: true, value: found.id };
  const known = knowledge.roundTypes().filter((t) => !t.id.startsWith("other:")).map((t) => t.id);
  return { ok: false, error: announceMessages().unknownRoundType(text, known) };
}

/** "every new round", "every new CEC round", "every new round with a cut-off of 480 or less". */
export function filterPhrase(knowledge: Knowledge, roundType: RoundTypeFilter, maxCrs: number | null): string {
  return announceMessages().filter(roundType === "all" ? null : knowledge.label(roundType), maxCrs);
}

function subscriptionLine(knowledge: Knowledge, s: Subscription): string {
  return `${filterPhrase(knowledge, s.roundType, s.maxCrs)}${s.disabledAt ? announceMessages().stoppedOn(formatDate(s.disabledAt.slice(0, 10)), s.disabledReason) : ""}`;
}

/** The reply to a subscription stored: what the channel will get, in words. */
export function subscribedReply(knowledge: Knowledge, outcome: AddSubscriptionOutcome, replaced: readonly Subscription[], others: readonly Subscription[]): Reply {
  const t = announceMessages();
  const s = outcome.subscription;
  const what = filterPhrase(knowledge, s.roundType, s.maxCrs);
  const lead = outcome.status === "existing" ? t.alreadyGets(what) : outcome.status === "reactivated" ? t.getsAgain(what) : t.willGet(what);
  const notes: string[] = [];
  if (replaced.length > 0) notes.push(t.replaces(joinAnd(replaced.map((r) => filterPhrase(knowledge, r.roundType, r.maxCrs)))));
  if (outcome.status !== "existing") {
    const latest = knowledge.latestDraw();
    notes.push(latest ? t.latestKnown(roundName(knowledge, latest)) : t.noRoundYet);
  }
  if (others.length > 0) notes.push(t.alsoGets(joinAnd(others.map((o) => filterPhrase(knowledge, o.roundType, o.maxCrs)))));
  return makeReply(knowledge, "subscribe", { title: t.title, text: [lead, ...notes].join(" "), suggestions: [...t.subscribeSuggestions] });
}

/** The reply to an unsubscribe: what the channel will no longer get, or that it had nothing of that kind. */
export function unsubscribedReply(knowledge: Knowledge, removed: readonly Subscription[], roundType: RoundTypeFilter | undefined, left: readonly Subscription[]): Reply {
  const t = announceMessages();
  if (removed.length === 0) {
    const text = roundType === undefined ? t.noneInChannel : t.hadNone(roundType === "all" ? null : knowledge.label(roundType));
    return makeReply(knowledge, "unsubscribe", { title: t.title, text, userError: true });
  }
  const stopped = t.noLongerGets(joinAnd(removed.map((r) => filterPhrase(knowledge, r.roundType, r.maxCrs))));
  const still = left.length > 0 ? t.stillGets(joinAnd(left.map((l) => filterPhrase(knowledge, l.roundType, l.maxCrs)))) : "";
  return makeReply(knowledge, "unsubscribe", { title: t.title, text: `${stopped}${still}` });
}

/** The reply listing subscriptions: this channel's first, then the other channels of the server or workspace. */
export function subscriptionsReply(knowledge: Knowledge, channelId: string | null, all: readonly Subscription[], channelLabel: (id: string) => string): Reply {
  const t = announceMessages();
  if (all.length === 0) return makeReply(knowledge, "subscriptions", { title: t.title, text: t.noneInWorkspace });
  const here = all.filter((s) => s.channelId === channelId);
  // By channel: subscriptions made within the same millisecond would otherwise come back in any order.
  const elsewhere = all.filter((s) => s.channelId !== channelId).sort((a, b) => a.channelId.localeCompare(b.channelId) || a.createdAt.localeCompare(b.createdAt));
  const text =
    channelId === null
      ? t.channelsSubscribed(new Set(all.map((s) => s.channelId)).size)
      : here.length > 0
        ? t.channelGets(joinAnd(here.map((s) => subscriptionLine(knowledge, s))))
        : t.noneInChannel;
  const list = elsewhere.map((s) => `${channelLabel(s.channelId)}: ${subscriptionLine(knowledge, s)}`);
  return makeReply(knowledge, "subscriptions", { title: t.title, text, list });
}

/** How a round compares with the previous round of its type: cut-off and invitations; null when there is none. */
export function changeFromPrevious(knowledge: Knowledge, d: Draw): string | null {
  const t = announceMessages();
  const prev = knowledge.previousOfType(d);
  const label = knowledge.label(d.category);
  if (!prev) return d.category ? t.firstOfType(label) : null;
  const parts: string[] = [];
  if (d.crs !== null && prev.crs !== null) {
    const diff = d.crs - prev.crs;
    parts.push(diff === 0 ? t.sameCutoff(prev.crs) : t.cutoffMoved(diff, prev.crs));
  }
  if (d.invitations !== null && prev.invitations !== null) {
    const diff = d.invitations - prev.invitations;
    parts.push(diff === 0 ? t.sameInvitations(prev.invitations) : t.invitationsMoved(diff, prev.invitations));
  }
  const previous = { round: prev.round, date: formatDate(prev.date) };
  return parts.length > 0 ? t.comparedWith(label, previous, joinAnd(parts)) : t.previousWas(label, previous);
}

function changeField(knowledge: Knowledge, d: Draw): Field | null {
  const prev = knowledge.previousOfType(d);
  if (!prev || d.crs === null || prev.crs === null) return null;
  const diff = d.crs - prev.crs;
  const t = announceMessages();
  return { name: t.changeFieldName, value: t.changeSince(diff > 0 ? "+" : diff < 0 ? "−" : "±", Math.abs(diff), prev.round) };
}

/** The announcement of a new round: round, date, type, cut-off, invitations, tie-break, the change since the previous round of its type, and sources. */
export function announcementReply(knowledge: Knowledge, round: AnnounceRound): Reply {
  const t = announceMessages();
  const d = knowledge.draw(round.id);
  const title = t.newRoundTitle(round.id);
  if (!d) {
    // Announced from the round alone (a knowledge base swapped between the run's start and this send).
    const figures = [round.invitations !== null ? t.invitations(round.invitations) : null, round.crs !== null ? t.lowestScore(round.crs) : null].filter((x) => x !== null);
    const text = `${t.held(round.id, formatDate(round.date), round.name ?? knowledge.label(round.typeId))}${figures.length > 0 ? ` ${figures.join(t.figureSeparator)}.` : ""}`;
    return makeReply(knowledge, "announcement", { title, text, asOf: round.date });
  }
  const figures = [d.invitations !== null ? t.invitations(d.invitations) : null, d.crs !== null ? t.lowestScore(d.crs) : null].filter((x) => x !== null);
  const lead = `${t.held(d.round, formatDate(d.date), d.name ?? knowledge.label(d.category))}${figures.length > 0 ? ` ${figures.join(t.figureSeparator)}.` : ""}`;
  const change = changeFromPrevious(knowledge, d);
  const extra = changeField(knowledge, d);
  return makeReply(knowledge, "announcement", {
    title,
    text: [lead, change].filter((x) => x !== null).join(" "),
    fields: [...drawFields(knowledge, d), ...(extra ? [extra] : [])],
    asOf: d.date,
    sources: d.sources,
  });
}
