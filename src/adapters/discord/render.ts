import { escapeMarkdown, type APIEmbed } from "discord.js";
import { describeRef, formatDate } from "../../core/format.js";
import type { Reply } from "../../core/types.js";
import { adapterMessages } from "../../messages/adapters.js";
import { inLanguage } from "../../messages/lang.js";
import { splitText } from "../split.js";

/** Discord's message limits (https://discord.com/developers/docs/resources/message, .../channel#embed-limits). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
} as const;

/** One message to send: embeds (and a chart as an attached file), mentions never parsed. */
export interface DiscordPayload {
  embeds: APIEmbed[];
  allowedMentions: { parse: []; repliedUser: false };
  files?: { attachment: Buffer; name: string; description: string }[];
}

const COLOR = 0xd52b1e;

// The core's text is plain: every Markdown character is escaped, brackets too, so that nothing a reply quotes
// (an option value, a title) can become a masked link such as [canada.ca](https://elsewhere.example).
function plain(text: string): string {
  return escapeMarkdown(text).replace(/[[\]]/g, "\\$&");
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function embedSize(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function footerOf(reply: Reply): string | undefined {
  const t = adapterMessages();
  const parts: string[] = [];
  if (reply.asOf) parts.push(t.asOf(formatDate(reply.asOf)));
  if (reply.sources.length > 0 && reply.intent !== "sources") parts.push(t.sources(reply.sources.map(describeRef).join("; ")));
  return parts.length > 0 ? cut(parts.join(" · "), DISCORD_LIMITS.footer) : undefined;
}

/**
 * Renders a reply as Discord messages: an embed with the answer, figures as fields, sources and date in the footer;
 * long answers split within every limit. The footer's words and dates are written in the reply's language.
 */
export function renderDiscord(reply: Reply): DiscordPayload[] {
  return inLanguage(reply.lang, () => render(reply));
}

function render(reply: Reply): DiscordPayload[] {
  const body = [plain(reply.text), ...reply.list.map((l) => `• ${plain(l)}`)].join("\n");
  const chunks = splitText(body, DISCORD_LIMITS.description);
  const fields = reply.fields.slice(0, DISCORD_LIMITS.fields).map((f) => ({
    name: cut(plain(f.name), DISCORD_LIMITS.fieldName),
    value: cut(plain(f.value) || "-", DISCORD_LIMITS.fieldValue),
    inline: f.value.length <= 40,
  }));
  const footer = footerOf(reply);
  const embeds: APIEmbed[] = chunks.map((description, i) => ({
    color: COLOR,
    ...(i === 0 ? { title: cut(reply.title, DISCORD_LIMITS.title) } : {}),
    description,
  }));
  const last = embeds[embeds.length - 1] as APIEmbed;
  if (fields.length > 0) last.fields = fields;
  if (footer) last.footer = { text: footer };
  if (embedSize(last) > DISCORD_LIMITS.embedTotal) {
    // Fields and footer do not fit beside a full description: give them an embed of their own.
    delete last.fields;
    delete last.footer;
    const extra: APIEmbed = { color: COLOR, ...(fields.length > 0 ? { fields: [...fields] } : {}), ...(footer ? { footer: { text: footer } } : {}) };
    while (embedSize(extra) > DISCORD_LIMITS.embedTotal && extra.fields && extra.fields.length > 0) extra.fields.pop();
    embeds.push(extra);
  }
  const messages: DiscordPayload[] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const s = embedSize(e);
    if (current.length > 0 && (size + s > DISCORD_LIMITS.embedTotal || current.length >= DISCORD_LIMITS.embedsPerMessage)) {
      messages.push({ embeds: current, allowedMentions: { parse: [], repliedUser: false } });
      current = [];
      size = 0;
    }
    current.push(e);
    size += s;
  }
  if (current.length > 0) messages.push({ embeds: current, allowedMentions: { parse: [], repliedUser: false } });
  // A chart goes with the first message: the file attached, the first embed showing it.
  const [image] = reply.images;
  const first = messages[0];
  const firstEmbed = first?.embeds[0];
  if (image && first && firstEmbed) {
    first.files = [{ attachment: Buffer.from(image.png), name: image.name, description: cut(image.alt, 1024) }];
    firstEmbed.image = { url: `attachment://${image.name}` };
  }
  return messages;
}
