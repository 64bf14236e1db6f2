import type { types } from "@slack/bolt";
import { describeRef, formatDate } from "../../core/format.js";
import type { Reply } from "../../core/types.js";
import { adapterMessages } from "../../messages/adapters.js";
import { inLanguage } from "../../messages/lang.js";
import { splitText, surrogateSafe } from "../split.js";

type KnownBlock = types.KnownBlock;

/** Slack's Block Kit limits (https://api.slack.com/reference/block-kit/blocks). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextText: 3000,
  headerText: 150,
  fallbackText: 3000,
} as const;

/** One message to post: Block Kit blocks and the plain fallback text. */
export interface SlackPayload {
  text: string;
  blocks: KnownBlock[];
}

/** Escapes text for mrkdwn so nothing echoed can become a mention, a channel ping or a link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Moves a cut point back so it never falls inside an entity such as &amp; or in a surrogate pair.
function safeCut(text: string, at: number): number {
  const amp = text.lastIndexOf("&", at - 1);
  if (amp >= 0 && amp > at - 6 && !text.slice(amp, at).includes(";")) return amp;
  return surrogateSafe(text, at);
}

/** Splits already escaped text into pieces of at most max characters, at line breaks, sentences or words, never inside an entity. */
export function splitEscaped(text: string, max: number): string[] {
  return splitText(text, max, safeCut);
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, safeCut(text, max - 1))}…`;
}

function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

/**
 * Renders a reply as Block Kit messages: answer, figures, list, then date and sources in a context block; escaped
 * first, then split. The context block's words and dates are written in the reply's language.
 */
export function renderSlack(reply: Reply): SlackPayload[] {
  return inLanguage(reply.lang, () => render(reply));
}

function render(reply: Reply): SlackPayload[] {
  const t = adapterMessages();
  const blocks: KnownBlock[] = [];
  blocks.push({ type: "header", text: { type: "plain_text", text: cut(reply.title, SLACK_LIMITS.headerText), emoji: false } });
  for (const piece of splitEscaped(escapeMrkdwn(reply.text), SLACK_LIMITS.sectionText)) blocks.push(section(piece));
  for (let i = 0; i < reply.fields.length; i += SLACK_LIMITS.sectionFields) {
    blocks.push({
      type: "section",
      fields: reply.fields.slice(i, i + SLACK_LIMITS.sectionFields).map((f) => ({
        type: "mrkdwn" as const,
        text: cut(`*${escapeMrkdwn(f.name)}*\n${escapeMrkdwn(f.value)}`, SLACK_LIMITS.fieldText),
      })),
    });
  }
  if (reply.list.length > 0) {
    const bullets = reply.list.map((l) => `• ${escapeMrkdwn(l)}`).join("\n");
    for (const piece of splitEscaped(bullets, SLACK_LIMITS.sectionText)) blocks.push(section(piece));
  }
  const context: string[] = [];
  if (reply.asOf) context.push(t.asOf(formatDate(reply.asOf)));
  if (reply.sources.length > 0 && reply.intent !== "sources") context.push(t.sources(reply.sources.map(describeRef).join("; ")));
  if (context.length > 0) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: cut(escapeMrkdwn(context.join(" · ")), SLACK_LIMITS.contextText) }] });
  }
  const fallback = cut(escapeMrkdwn(reply.text), SLACK_LIMITS.fallbackText);
  const messages: SlackPayload[] = [];
  for (let i = 0; i < blocks.length; i += SLACK_LIMITS.blocksPerMessage) {
    messages.push({ text: i === 0 ? fallback : t.continued(cut(escapeMrkdwn(reply.title), 100)), blocks: blocks.slice(i, i + SLACK_LIMITS.blocksPerMessage) });
  }
  return messages;
}
