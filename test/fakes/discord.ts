import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { Recorder } from "./recorder.js";

/** Ids the fake uses. */
export const FAKE = {
  botId: "900000000000000001",
  appId: "900000000000000001",
  guildId: "900000000000000100",
  channelId: "900000000000000200",
  dmChannelId: "900000000000000300",
  userId: "900000000000000400",
  roleId: "900000000000000500",
  /** Shaped like a real bot token so configuration validation accepts it. */
  token: "OTAwMDAwMDAwMDAwMDAwMDAx.GfAkEa.fakefakefakefakefakefakefakefakefake12",
} as const;

/** A file part of a multipart/form-data request. */
export interface UploadedFile {
  /** The form field, `files[0]` for discord.js. */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** A request the fake received. */
export interface Recorded {
  method: string;
  path: string;
  /** The JSON body; for a multipart request, its `payload_json` part. */
  body: unknown;
  headers: IncomingMessage["headers"];
  /** The file parts of a multipart request (absent for JSON requests). */
  files?: UploadedFile[];
}

/** Reads a multipart/form-data body with the platform's own parser (the one behind fetch's Response.formData). */
export async function parseMultipart(raw: Buffer, contentType: string): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for (const [field, value] of form) {
    if (typeof value === "string") fields[field] = value;
    else files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
  }
  return { fields, files };
}

interface RateLimitRule {
  method: string;
  path: RegExp;
  remaining: number;
  retryAfter: number;
}

let snowflake = 1_000_000_000_000_000n;
function nextId(): string {
  snowflake += 1n;
  return snowflake.toString();
}

function user(id: string, name: string, bot = false) {
  return { id, username: name, discriminator: "0", global_name: name, avatar: null, bot };
}

/** What Discord checks of a message body, as errors in Discord's 50035 shape (empty when the body is valid). */
export function discordLimitErrors(body: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const content = body.content;
  if (typeof content === "string" && content.length > 2000) errors.push("content: Must be 2000 or fewer in length.");
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Record<string, unknown>[]) : [];
  if (embeds.length > 10) errors.push("embeds: Must be 10 or fewer in length.");
  let total = 0;
  embeds.forEach((e, i) => {
    const title = typeof e.title === "string" ? e.title : "";
    const description = typeof e.description === "string" ? e.description : "";
    const footer = (e.footer as { text?: string } | undefined)?.text ?? "";
    const fields = Array.isArray(e.fields) ? (e.fields as { name: string; value: string }[]) : [];
    if (title.length > 256) errors.push(`embeds.${i}.title: Must be 256 or fewer in length.`);
    if (description.length > 4096) errors.push(`embeds.${i}.description: Must be 4096 or fewer in length.`);
    if (footer.length > 2048) errors.push(`embeds.${i}.footer.text: Must be 2048 or fewer in length.`);
    if (fields.length > 25) errors.push(`embeds.${i}.fields: Must be 25 or fewer in length.`);
    fields.forEach((f, j) => {
      if (f.name.length > 256 || f.name.length === 0) errors.push(`embeds.${i}.fields.${j}.name: Must be between 1 and 256 in length.`);
      if (f.value.length > 1024 || f.value.length === 0) errors.push(`embeds.${i}.fields.${j}.value: Must be between 1 and 1024 in length.`);
    });
    total += title.length + description.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  });
  if (total > 6000) errors.push("embeds: Embed size exceeds maximum size of 6000");
  if (content === undefined && embeds.length === 0 && !body.components) errors.push("Cannot send an empty message");
  return errors;
}

/** A local Discord: REST under /api/v10 and a gateway speaking enough of the protocol for a discord.js Client. */
export class FakeDiscord {
  private readonly log = new Recorder<Recorded>("Discord");
  readonly identifies: unknown[] = [];
  readonly heartbeats: number[] = [];
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private sockets = new Set<WebSocket>();
  private shardOf = new Map<WebSocket, [number, number]>();
  private seq = 0;
  private rules: RateLimitRule[] = [];
  private delays: { method: string; path: RegExp; ms: number; remaining: number }[] = [];
  private failing = new Map<string, number>();
  private byNonce = new Map<string, unknown>();
  /** The server's preferred locale, as GUILD_CREATE and GET /guilds/:id give it (Discord's default until an owner chooses). */
  guildLocale = "en-US";
  port = 0;

  /** Base URL of the REST API, for the client's `rest.api` option. */
  get api(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Starts listening on a free port on 127.0.0.1. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on("connection", (ws) => this.onSocket(ws));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Closes every gateway connection with a close code (4004: authentication failed, which is not resumable). */
  closeSockets(code: number): void {
    for (const s of this.sockets) s.close(code, "closed by the fake");
  }

  /** Closes every connection and the server. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()));
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Answers the next `times` requests matching with 429 and a Retry-After of `retryAfter` seconds. */
  rateLimit(method: string, path: RegExp, times: number, retryAfter: number): void {
    this.rules.push({ method, path, remaining: times, retryAfter });
  }

  /** Holds the next `times` matching requests for `ms` before answering them (a slow Discord). */
  delay(method: string, path: RegExp, ms: number, times = 1): void {
    this.delays.push({ method, path, ms, remaining: times });
  }

  /** Answers every post to a channel with a Discord JSON error code from now on (10003 Unknown Channel, 50001 Missing Access, 50013 Missing Permissions). */
  failChannel(channelId: string, code: number): void {
    this.failing.set(channelId, code);
  }

  /** Every request received, in order. */
  get requests(): Recorded[] {
    return this.log.items;
  }

  /** Resolves with the first recorded (or future) request that matches. */
  waitFor(match: (r: Recorded) => boolean, timeoutMs = 5000): Promise<Recorded> {
    return this.log.waitFor(match, timeoutMs);
  }

  /** Requests made after a mark, for counting. */
  since(mark: number): Recorded[] {
    return this.requests.slice(mark);
  }

  /** Sends a dispatch event to the shard Discord would route it to: by guild id, DMs to shard 0. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    const payload = JSON.stringify({ op: 0, t, s: this.seq, d });
    const guildId = (d as { guild_id?: string }).guild_id;
    for (const s of this.sockets) {
      const shard = this.shardOf.get(s);
      if (!shard) continue;
      const target = guildId ? Number((BigInt(guildId) >> 22n) % BigInt(shard[1])) : 0;
      if (shard[0] === target) s.send(payload);
    }
  }

  /** A user's message in the guild channel (optionally mentioning the bot) or in a DM. */
  message(content: string, options: { dm?: boolean; mentionBot?: boolean; bot?: boolean; author?: string; mentionRole?: boolean; everyone?: boolean } = {}): string {
    const id = nextId();
    const author = user(options.author ?? FAKE.userId, options.bot ? "otherbot" : "asker", options.bot ?? false);
    this.dispatch("MESSAGE_CREATE", {
      id,
      type: 0,
      channel_id: options.dm ? FAKE.dmChannelId : FAKE.channelId,
      // Discord sends the channel's type with each message; DMs arrive on channels the client has not cached.
      channel_type: options.dm ? 1 : 0,
      ...(options.dm ? {} : { guild_id: FAKE.guildId, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false } }),
      author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: options.everyone ?? false,
      mentions: options.mentionBot ? [user(FAKE.botId, "ee-bot", true)] : [],
      mention_roles: options.mentionRole ? [FAKE.roleId] : [],
      attachments: [],
      embeds: [],
      pinned: false,
      flags: 0,
    });
    return id;
  }

  /**
   * A slash command /ee <sub> with options; returns the interaction id and token. `permissions` are the member's (a bit
   * field, default none); `locale` is the user's Discord language, which Discord sends with every interaction.
   */
  command(sub: string, options: { name: string; type: number; value: string | number | boolean }[] = [], dm = false, permissions = "0", locale = "en-US"): { id: string; token: string } {
    return this.interaction(2, { id: "1", name: "ee", type: 1, options: [{ name: sub, type: 1, options }] }, dm, permissions, locale);
  }

  /** An autocomplete request for an option of an /ee subcommand (by default /ee noc occupation) with the focused value. */
  autocomplete(value: string, sub = "noc", option = "occupation", locale = "en-US"): { id: string; token: string } {
    return this.interaction(
      4,
      {
        id: "1",
        name: "ee",
        type: 1,
        options: [{ name: sub, type: 1, options: [{ name: option, type: 3, value, focused: true }] }],
      },
      false,
      "0",
      locale,
    );
  }

  /** A modal submit (interaction type 5) of a modal with text inputs, by custom id, as Discord sends one whose inputs sit in labels. */
  modalSubmit(customId: string, fields: Record<string, string>, dm = false, locale = "en-US"): { id: string; token: string } {
    const components = Object.entries(fields).map(([id, value], i) => ({ type: 18, id: 2 * i + 1, component: { type: 4, id: 2 * i + 2, custom_id: id, value } }));
    return this.interaction(5, { custom_id: customId, components }, dm, "0", locale);
  }

  private interaction(type: number, data: unknown, dm = false, permissions = "0", locale = "en-US"): { id: string; token: string } {
    const id = nextId();
    const token = `aW50ZXJhY3Rpb246${id}fake-interaction-token-value`;
    const asker = user(FAKE.userId, "asker");
    this.dispatch("INTERACTION_CREATE", {
      id,
      application_id: FAKE.appId,
      type,
      data,
      token,
      version: 1,
      locale,
      ...(dm ? {} : { guild_locale: this.guildLocale }),
      app_permissions: "0",
      entitlements: [],
      authorizing_integration_owners: {},
      channel_id: dm ? FAKE.dmChannelId : FAKE.channelId,
      channel: dm ? { id: FAKE.dmChannelId, type: 1 } : { id: FAKE.channelId, type: 0, guild_id: FAKE.guildId, name: "general" },
      ...(dm
        ? { user: asker, context: 1 }
        : { guild_id: FAKE.guildId, member: { user: asker, roles: [], permissions, joined_at: new Date().toISOString(), deaf: false, mute: false }, context: 0 }),
    });
    return { id, token };
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => (this.sockets.delete(ws), this.shardOf.delete(ws)));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    ws.on("message", (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (msg.op === 1) {
        this.heartbeats.push(Date.now());
        ws.send(JSON.stringify({ op: 11 }));
      } else if (msg.op === 2) {
        this.identifies.push(msg.d);
        const shard = ((msg.d as { shard?: [number, number] }).shard ?? [0, 1]) as [number, number];
        this.shardOf.set(ws, shard);
        this.seq += 1;
        ws.send(
          JSON.stringify({
            op: 0,
            t: "READY",
            s: this.seq,
            d: {
              v: 10,
              user: { ...user(FAKE.botId, "ee-bot", true), verified: true, mfa_enabled: false, flags: 0 },
              guilds: [{ id: FAKE.guildId, unavailable: true }],
              session_id: "fake-session",
              resume_gateway_url: `ws://127.0.0.1:${this.port}`,
              shard,
              application: { id: FAKE.appId, flags: 0 },
              private_channels: [],
            },
          }),
        );
        this.seq += 1;
        ws.send(JSON.stringify({ op: 0, t: "GUILD_CREATE", s: this.seq, d: this.guild() }));
      }
    });
  }

  private guild() {
    return {
      id: FAKE.guildId,
      name: "Immigration Helpers",
      icon: null,
      owner_id: FAKE.userId,
      unavailable: false,
      member_count: 2,
      large: false,
      features: [],
      joined_at: new Date().toISOString(),
      roles: [
        { id: FAKE.guildId, name: "@everyone", permissions: "0", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        { id: FAKE.roleId, name: "helpers", permissions: "0", position: 1, color: 0, hoist: false, managed: false, mentionable: true, flags: 0 },
      ],
      channels: [{ id: FAKE.channelId, type: 0, name: "general", position: 0, guild_id: FAKE.guildId, permission_overwrites: [] }],
      members: [{ user: user(FAKE.botId, "ee-bot", true), roles: [FAKE.roleId], joined_at: new Date().toISOString(), deaf: false, mute: false }],
      emojis: [],
      stickers: [],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      premium_tier: 0,
      preferred_locale: this.guildLocale,
      nsfw_level: 0,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_flags: 0,
    };
  }

  private record(r: Recorded): void {
    this.log.record(r);
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const contentType = String(req.headers["content-type"] ?? "");
    let body: unknown = null;
    let files: UploadedFile[] | undefined;
    if (contentType.startsWith("multipart/form-data")) {
      // discord.js sends files as multipart: the message as JSON in payload_json, each file as files[n].
      const form = await parseMultipart(bytes, contentType);
      body = form.fields.payload_json ? JSON.parse(form.fields.payload_json) : null;
      files = form.files;
    } else {
      const raw = bytes.toString("utf8");
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const method = req.method ?? "GET";
    const recorded: Recorded = { method, path, body, headers: req.headers, ...(files ? { files } : {}) };
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    const slow = this.delays.find((d) => d.method === method && d.path.test(path) && d.remaining > 0);
    if (slow) {
      slow.remaining -= 1;
      this.record({ ...recorded, path: `held ${path}` });
      await new Promise((resolve) => setTimeout(resolve, slow.ms));
    }
    const rule = this.rules.find((r) => r.method === method && r.path.test(path) && r.remaining > 0);
    if (rule) {
      rule.remaining -= 1;
      this.record({ ...recorded, path: `429 ${path}` });
      send(429, { message: "You are being rate limited.", retry_after: rule.retryAfter, global: false }, {
        "retry-after": String(rule.retryAfter),
        "x-ratelimit-scope": "user",
        "x-ratelimit-limit": "5",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset-after": String(rule.retryAfter),
        "x-ratelimit-bucket": "fakebucket",
      });
      return;
    }
    this.record(recorded);
    if (req.headers.authorization !== `Bot ${FAKE.token}` && !path.startsWith("/interactions/") && !path.startsWith("/webhooks/")) {
      send(401, { message: "401: Unauthorized", code: 0 });
      return;
    }
    if (method === "GET" && path === "/gateway/bot") {
      send(200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
      return;
    }
    if (method === "GET" && path === `/guilds/${FAKE.guildId}`) {
      const { channels: _channels, members: _members, ...guild } = this.guild();
      send(200, guild);
      return;
    }
    if (method === "GET" && path === "/applications/@me") {
      send(200, { id: FAKE.appId, name: "ee-bot", flags: 0, bot_public: true, description: "" });
      return;
    }
    const createsMessage =
      /^\/channels\/\d+\/messages$/.test(path) || /^\/webhooks\//.test(path) || (/\/callback$/.test(path) && [4, 7].includes((body as { type?: number })?.type ?? 0));
    const messageBody = /\/callback$/.test(path) ? (body as { data?: unknown }).data : body;
    const invalid = createsMessage && messageBody && typeof messageBody === "object" ? discordLimitErrors(messageBody as Record<string, unknown>) : [];
    if (invalid.length > 0) {
      send(400, { message: "Invalid Form Body", code: 50035, errors: invalid });
      return;
    }
    let m: RegExpExecArray | null;
    const failure = method === "POST" ? this.failing.get(/^\/channels\/(\d+)\/messages$/.exec(path)?.[1] ?? "") : undefined;
    if (failure !== undefined) {
      const messages: Record<number, string> = { 10003: "Unknown Channel", 50001: "Missing Access", 50013: "Missing Permissions" };
      send(failure === 10003 ? 404 : 403, { message: messages[failure] ?? "Error", code: failure });
      return;
    }
    if (method === "POST" && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      // As Discord does with enforce_nonce: a second post with a nonce already used gets the first message back, and
      // no new message is created (recorded under its own path, so that counting posts counts messages created).
      const b = (body ?? {}) as { nonce?: string; enforce_nonce?: boolean };
      const key = b.enforce_nonce && b.nonce ? `${m[1]}:${b.nonce}` : undefined;
      const earlier = key ? this.byNonce.get(key) : undefined;
      if (earlier) {
        this.requests.splice(this.requests.lastIndexOf(recorded), 1, { ...recorded, path: `nonce-duplicate ${path}` });
        send(200, earlier);
        return;
      }
      const created = this.messageObject(m[1] ?? "", body);
      if (key) this.byNonce.set(key, created);
      send(200, created);
    } else if (method === "POST" && path === "/users/@me/channels") {
      send(200, { id: FAKE.dmChannelId, type: 1, recipients: [user((body as { recipient_id: string }).recipient_id, "asker")] });
    } else if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      res.writeHead(204);
      res.end();
    } else if ((method === "PATCH" && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) || (method === "POST" && /^\/webhooks\/\d+\/[^/]+$/.test(path))) {
      send(200, this.messageObject(FAKE.channelId, body));
    } else if (method === "PUT" && /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.test(path)) {
      send(200, (body as unknown[]).map((c) => ({ ...(c as object), id: nextId(), application_id: FAKE.appId, version: "1" })));
    } else {
      send(404, { message: "404: Not Found", code: 0 });
    }
  }

  private messageObject(channelId: string, body: unknown) {
    const b = (body ?? {}) as Record<string, unknown>;
    return {
      id: nextId(),
      type: 0,
      channel_id: channelId,
      author: user(FAKE.botId, "ee-bot", true),
      content: typeof b.content === "string" ? b.content : "",
      embeds: Array.isArray(b.embeds) ? b.embeds : [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      flags: 0,
    };
  }
}
