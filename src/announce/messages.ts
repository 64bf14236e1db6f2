import { formatDate, formatNumber, joinAnd, plural, roundName } from "../core/format.js";
import type { Knowledge } from "../core/knowledge.js";
import { makeReply } from "../core/reply.js";
import type { Field, Reply } from "../core/types.js";
import type { Draw } from "../kb/schema.js";
import { drawFields } from "../skills/draws/shared.js";
import type { AddSubscriptionOutcome, RoundTypeFilter, Subscription } from "../store/schema.js";
import type { AnnounceRound } from "./schema.js";

/** Every fixed sentence about subscriptions and announcements, for both platforms. */
export const ANNOUNCE_MESSAGES = {
  noPermission: "Only members who can manage this channel (or the server) can change its round announcements.",
  notInServer: "Round announcements go to server channels: run /ee subscribe in the channel that should get them.",
  notInChannel: "Round announcements go to channels: run /ee subscribe in the channel that should get them.",
  botNotInChannel: "I'm not in this channel, so I couldn't post there: invite me first (/invite), then subscribe again.",
  unavailable: "Round announcements are not set up on this bot.",
  storeFailed: "I couldn't reach my database just now, so nothing was changed. Please try again in a minute.",
  noneInChannel: "This channel gets no round announcements. Subscribe it with /ee subscribe.",
  noneInWorkspace: "No channel here gets round announcements yet. Run /ee subscribe in a channel to start.",
} as const;

/** Title of every subscription reply. */
const TITLE = "Round announcements";

/** Which rounds a subscription asks for, read from what a person typed: "all", a round-type id, or a name the lexicon knows. */
export function readRoundType(knowledge: Knowledge, typed: string | undefined): { ok: true; value: RoundTypeFilter } | { ok: false; error: string } {
  const text = (typed ?? "").trim();
  if (text === "" || /^(?:all|any|every|all rounds)$/i.test(text)) return { ok: true, value: "all" };
  if (knowledge.roundType(text)) return { ok: true, value: text };
  const found = knowledge.lexicon.categoriesIn(text.toLowerCase())[0];
  if (found && knowledge.roundType(found.id)) return { ok: true, value: found.id };
  const known = knowledge.roundTypes().filter((t) => !t.id.startsWith("other:")).map((t) => t.id);
  return { ok: false, error: `I don't know the round type "${text}". Use all, or one of: ${known.join(", ")}.` };
}

/** "every new round", "every new CEC round", "every new round with a cut-off of 480 or less". */
export function filterPhrase(knowledge: Knowledge, roundType: RoundTypeFilter, maxCrs: number | null): string {
  const kind = roundType === "all" ? "" : `${knowledge.label(roundType)} `;
  return `every new ${kind}round${maxCrs !== null ? ` with a cut-off of ${maxCrs} or less` : ""}`;
}

function subscriptionLine(knowledge: Knowledge, s: Subscription): string {
  return `${filterPhrase(knowledge, s.roundType, s.maxCrs)}${s.disabledAt ? ` (stopped ${formatDate(s.disabledAt.slice(0, 10))}: ${s.disabledReason ?? "refused by the platform"})` : ""}`;
}

/** The reply to a subscription stored: what the channel will get, in words. */
export function subscribedReply(knowledge: Knowledge, outcome: AddSubscriptionOutcome, replaced: readonly Subscription[], others: readonly Subscription[]): Reply {
  const s = outcome.subscription;
  const what = filterPhrase(knowledge, s.roundType, s.maxCrs);
  const lead =
    outcome.status === "existing"
      ? `This channel already gets a message for ${what}.`
      : outcome.status === "reactivated"
        ? `This channel will get a message again for ${what}.`
        : `This channel will get a message for ${what}.`;
  const notes: string[] = [];
  if (replaced.length > 0) notes.push(`That replaces ${joinAnd(replaced.map((r) => filterPhrase(knowledge, r.roundType, r.maxCrs)))}.`);
  if (outcome.status !== "existing") {
    const latest = knowledge.latestDraw();
    notes.push(latest ? `The latest round I know of is ${roundName(knowledge, latest)}; I'll post the ones after it.` : "I'll post rounds as they are published.");
  }
  if (others.length > 0) notes.push(`It also gets ${joinAnd(others.map((o) => filterPhrase(knowledge, o.roundType, o.maxCrs)))}: a round both match is posted once for each.`);
  return makeReply(knowledge, "subscribe", { title: TITLE, text: [lead, ...notes].join(" "), suggestions: ["/ee subscriptions", "/ee unsubscribe"] });
}

/** The reply to an unsubscribe: what the channel will no longer get, or that it had nothing of that kind. */
export function unsubscribedReply(knowledge: Knowledge, removed: readonly Subscription[], roundType: RoundTypeFilter | undefined, left: readonly Subscription[]): Reply {
  const kind = roundType === undefined ? "" : roundType === "all" ? "every new round" : `new ${knowledge.label(roundType)} rounds`;
  if (removed.length === 0) {
    const text = roundType === undefined ? ANNOUNCE_MESSAGES.noneInChannel : `This channel had no subscription to ${kind}, so nothing changed.`;
    return makeReply(knowledge, "unsubscribe", { title: TITLE, text, userError: true });
  }
  const stopped = `This channel will no longer get messages for ${joinAnd(removed.map((r) => filterPhrase(knowledge, r.roundType, r.maxCrs)))}.`;
  const still = left.length > 0 ? ` It still gets ${joinAnd(left.map((l) => filterPhrase(knowledge, l.roundType, l.maxCrs)))}.` : "";
  return makeReply(knowledge, "unsubscribe", { title: TITLE, text: `${stopped}${still}` });
}

/** The reply listing subscriptions: this channel's first, then the other channels of the server or workspace. */
export function subscriptionsReply(knowledge: Knowledge, channelId: string | null, all: readonly Subscription[], channelLabel: (id: string) => string): Reply {
  if (all.length === 0) return makeReply(knowledge, "subscriptions", { title: TITLE, text: ANNOUNCE_MESSAGES.noneInWorkspace });
  const here = all.filter((s) => s.channelId === channelId);
  // By channel: subscriptions made within the same millisecond would otherwise come back in any order.
  const elsewhere = all.filter((s) => s.channelId !== channelId).sort((a, b) => a.channelId.localeCompare(b.channelId) || a.createdAt.localeCompare(b.createdAt));
  const text =
    channelId === null
      ? `${plural(new Set(all.map((s) => s.channelId)).size, "channel")} here get round announcements.`
      : here.length > 0
        ? `This channel gets a message for ${joinAnd(here.map((s) => subscriptionLine(knowledge, s)))}.`
        : ANNOUNCE_MESSAGES.noneInChannel;
  const list = elsewhere.map((s) => `${channelLabel(s.channelId)}: ${subscriptionLine(knowledge, s)}`);
  return makeReply(knowledge, "subscriptions", { title: TITLE, text, list });
}

function signed(n: number): string {
  return n > 0 ? `${formatNumber(n)} more` : `${formatNumber(-n)} fewer`;
}

/** How a round compares with the previous round of its type: cut-off and invitations; null when there is none. */
export function changeFromPrevious(knowledge: Knowledge, d: Draw): string | null {
  const prev = knowledge.previousOfType(d);
  const label = knowledge.label(d.category);
  if (!prev) return d.category ? `It is the first ${label} round I know of.` : null;
  const parts: string[] = [];
  if (d.crs !== null && prev.crs !== null) {
    const diff = d.crs - prev.crs;
    parts.push(diff === 0 ? `the same cut-off (${prev.crs})` : `a cut-off ${Math.abs(diff)} ${Math.abs(diff) === 1 ? "point" : "points"} ${diff > 0 ? "higher" : "lower"} (${prev.crs} then)`);
  }
  if (d.invitations !== null && prev.invitations !== null) {
    const diff = d.invitations - prev.invitations;
    parts.push(diff === 0 ? `as many invitations (${formatNumber(prev.invitations)})` : `${signed(diff)} invitations (${formatNumber(prev.invitations)} then)`);
  }
  const than = `the previous ${label} round, round ${prev.round} (${formatDate(prev.date)})`;
  return parts.length > 0 ? `Compared with ${than}: ${joinAnd(parts)}.` : `The previous ${label} round was round ${prev.round} (${formatDate(prev.date)}).`;
}

function changeField(knowledge: Knowledge, d: Draw): Field | null {
  const prev = knowledge.previousOfType(d);
  if (!prev || d.crs === null || prev.crs === null) return null;
  const diff = d.crs - prev.crs;
  return { name: "Cut-off change", value: `${diff > 0 ? "+" : diff < 0 ? "−" : "±"}${Math.abs(diff)} since round ${prev.round}` };
}

/** The announcement of a new round: round, date, type, cut-off, invitations, tie-break, the change since the previous round of its type, and sources. */
export function announcementReply(knowledge: Knowledge, round: AnnounceRound): Reply {
  const d = knowledge.draw(round.id);
  const title = `New Express Entry round ${round.id}`;
  if (!d) {
    // Announced from the round alone (a knowledge base swapped between the run's start and this send).
    const figures = [round.invitations !== null ? `${formatNumber(round.invitations)} invitations` : null, round.crs !== null ? `lowest CRS score invited ${round.crs}` : null].filter((x) => x !== null);
    const text = `IRCC held round ${round.id} on ${formatDate(round.date)}: ${round.name ?? knowledge.label(round.typeId)}.${figures.length > 0 ? ` ${figures.join("; ")}.` : ""}`;
    return makeReply(knowledge, "announcement", { title, text, asOf: round.date });
  }
  const figures = [d.invitations !== null ? `${formatNumber(d.invitations)} invitations` : null, d.crs !== null ? `lowest CRS score invited ${d.crs}` : null].filter((x) => x !== null);
  const lead = `IRCC held round ${d.round} on ${formatDate(d.date)}: ${d.name ?? knowledge.label(d.category)}.${figures.length > 0 ? ` ${figures.join("; ")}.` : ""}`;
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
