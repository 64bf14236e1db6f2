import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { slackSignature } from "../../src/adapters/slack/adapter.js";
import { parseMultipart, type UploadedFile } from "./discord.js";
import { Recorder } from "./recorder.js";

/** Values the fake Slack uses. */
export const SLACK = {
  botToken: "xoxb-1111111111-2222222222-fakefakefakefakefakefake",
  appToken: "xapp-1-A0FAKE-3333333333-fakefakefakefakefakefakefakefakefakefakefakefake",
  signingSecret: "fake-signing-secret-8f2a1c9d3e4b5a6f",
  botUserId: "UBOT0001",
  botId: "BBOT0001",
  teamId: "TFAKE001",
  channel: "CGENERAL1",
  dm: "DDIRECT01",
  user: "UASKER001",
  /** Add to Slack: the app's client id and secret, and the secret the bot signs its OAuth state with. */
  clientId: "1111111111.2222222222",
  clientSecret: "0123456789abcdef0123456789abcdef",
  stateSecret: "fake-state-secret-5d8e2b7c9a1f",
} as const;

/** A workspace of the fake Slack: its team, the bot user and bot there, and the bot token an install grants. */
export interface FakeWorkspace {
  readonly teamId: string;
  readonly name: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly token: string;
  readonly enterpriseId: string | null;
}

/** The workspaces the fake knows: the first is the one SLACK's bot token is for. */
export const WORKSPACES = {
  first: { teamId: SLACK.teamId, name: "Fake Consultancy", botUserId: SLACK.botUserId, botId: SLACK.botId, token: SLACK.botToken, enterpriseId: null },
  second: { teamId: "TSECOND02", name: "Second Consultancy", botUserId: "UBOT0002", botId: "BBOT0002", token: "xoxb-3333333333-4444444444-secondsecondsecondsecond", enterpriseId: null },
  third: { teamId: "TTHIRD003", name: "Third Consultancy", botUserId: "UBOT0003", botId: "BBOT0003", token: "xoxb-5555555555-6666666666-thirdthirdthirdthirdthi", enterpriseId: "EGRID0001" },
} as const satisfies Record<string, FakeWorkspace>;

/** A Web API call or response_url post the fake received. */
export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
  headers: IncomingMessage["headers"];
  /** The file parts of a multipart request: the bytes posted to an upload URL. */
  files?: UploadedFile[];
  /** The bearer token a Web API call carried, and the workspace it is the token of (when it is one). */
  token?: string;
  teamId?: string;
}

/** Block Kit limit errors of a message, empty when it is valid. */
export function blockErrors(params: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const blocks = (params.blocks ?? []) as { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[];
  if (blocks.length > 50) errors.push("no_more_than_50_items_allowed [json-pointer:/blocks]");
  blocks.forEach((b, i) => {
    if (b.type === "section" && b.text && b.text.text.length > 3000) errors.push(`must be less than 3001 characters [json-pointer:/blocks/${i}/text/text]`);
    if (b.fields && b.fields.length > 10) errors.push(`must contain no more than 10 items [json-pointer:/blocks/${i}/fields]`);
    for (const f of b.fields ?? []) if (f.text.length > 2000) errors.push(`must be less than 2001 characters [json-pointer:/blocks/${i}/fields]`);
    if (b.type === "header" && b.text && b.text.text.length > 150) errors.push(`must be less than 151 characters [json-pointer:/blocks/${i}/text]`);
  });
  return errors;
}

/** A local Slack: Web API under /api/, response_url sink under /response/, Socket Mode under /socket. */
export class FakeSlack {
  private readonly log = new Recorder<SlackCall>("Slack");
  readonly acks: { envelope_id: string; payload?: unknown }[] = [];
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private sockets = new Set<WebSocket>();
  private pinger: NodeJS.Timeout | undefined;
  private envelope = 0;
  private users = new Map<string, { is_admin?: boolean; is_owner?: boolean; locale?: string }>();
  private channels = new Map<string, { creator?: string; is_member?: boolean }>();
  private failing = new Map<string, string>();
  private limits: { method: string; remaining: number; retryAfter: number }[] = [];
  private uploads = 0;
  // Bot tokens in force, by token; SLACK.botToken from the start, the others once a workspace installs the app.
  private readonly tokens = new Map<string, FakeWorkspace>([[SLACK.botToken, WORKSPACES.first]]);
  private readonly revoked = new Set<string>();
  private readonly grants = new Map<string, { workspace: FakeWorkspace; scope: string; redirectUri: string | null }>();
  private installing: FakeWorkspace = WORKSPACES.second;
  private grantCount = 0;
  /** The redirect URL registered for the app, where the authorization page sends the person back. */
  redirectUrl = "";
  port = 0;

  /** Web API base URL for the client's slackApiUrl option. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url the fake records posts to. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** Starts listening on 127.0.0.1. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: "/socket" });
    this.wss.on("connection", (ws) => {
      this.sockets.add(ws);
      ws.on("close", () => this.sockets.delete(ws));
      ws.on("message", (raw) => this.acks.push(JSON.parse(String(raw)) as { envelope_id: string }));
      ws.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake", approximate_connection_time: 3600 }, connection_info: { app_id: "A0FAKE" } }));
    });
    // Socket Mode clients expect the server to ping them.
    this.pinger = setInterval(() => {
      for (const s of this.sockets) s.ping();
    }, 2000);
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Closes everything. */
  async stop(): Promise<void> {
    clearInterval(this.pinger);
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()));
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** True while a Socket Mode client is connected. */
  get socketConnected(): boolean {
    return this.sockets.size > 0;
  }

  /** Sends a Socket Mode envelope; resolves with its id. */
  sendEnvelope(type: "events_api" | "slash_commands" | "interactive", payload: unknown, retryAttempt = 0, envelopeId?: string): string {
    this.envelope += 1;
    const id = envelopeId ?? `env-${this.envelope}`;
    const message = JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== "events_api", retry_attempt: retryAttempt, retry_reason: retryAttempt > 0 ? "timeout" : "" });
    for (const s of this.sockets) s.send(message);
    return id;
  }

  /** Resolves when the envelope was acknowledged. */
  async waitForAck(envelopeId: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.acks.some((a) => a.envelope_id === envelopeId)) {
      if (Date.now() > deadline) throw new Error(`fake Slack: envelope ${envelopeId} was not acknowledged`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** What users.info says of a user (default: a member who is neither admin nor owner); `locale` is sent only when asked for with include_locale. */
  setUser(id: string, flags: { is_admin?: boolean; is_owner?: boolean; locale?: string }): void {
    this.users.set(id, flags);
  }

  /** What conversations.info says of a channel (default: no creator known, the bot a member). */
  setChannel(id: string, info: { creator?: string; is_member?: boolean }): void {
    this.channels.set(id, info);
  }

  /** Answers every chat.postMessage to a channel with a Slack error from now on (channel_not_found, is_archived, ...). */
  failChannel(channel: string, error: string): void {
    this.failing.set(channel, error);
  }

  /** Answers the next `times` calls of a method with HTTP 429, error ratelimited and a Retry-After of `retryAfter` seconds. */
  rateLimit(method: string, times: number, retryAfter: number): void {
    this.limits.push({ method, remaining: times, retryAfter });
  }

  /** The workspace the next person to approve the app on the authorization page belongs to. */
  installAs(workspace: FakeWorkspace): void {
    this.installing = workspace;
  }

  /** A workspace's bot token stops working (uninstall, revocation): every call with it answers token_revoked. */
  revoke(workspace: FakeWorkspace): void {
    this.tokens.delete(workspace.token);
    this.revoked.add(workspace.token);
  }

  /** Slack's authorization page: https://slack.com/oauth/v2/authorize beside the Web API. */
  get authorizeUrl(): string {
    return `http://127.0.0.1:${this.port}/oauth/v2/authorize`;
  }

  /** Every call received, in order. */
  get calls(): SlackCall[] {
    return this.log.items;
  }

  /** Resolves with the first recorded (or future) call that matches. */
  waitFor(match: (c: SlackCall) => boolean, timeoutMs = 5000): Promise<SlackCall> {
    return this.log.waitFor(match, timeoutMs);
  }

  private record(call: SlackCall): void {
    this.log.record(call);
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString("utf8");
    const type = String(req.headers["content-type"] ?? "");
    let params: Record<string, unknown> = {};
    let files: UploadedFile[] | undefined;
    if (type.includes("application/json")) params = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    else if (type.startsWith("multipart/form-data")) ({ fields: params, files } = await parseMultipart(bytes, type));
    else for (const [k, v] of new URLSearchParams(raw)) params[k] = v;
    // The Web API client sends complex arguments as JSON strings in a form body.
    for (const k of ["blocks", "view", "attachments", "files"]) if (typeof params[k] === "string") params[k] = JSON.parse(params[k] as string);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const send = (payload: unknown): void => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    if (url.pathname.startsWith("/response/")) {
      this.record({ method: `response:${url.pathname.slice("/response/".length)}`, params, headers: req.headers });
      const errors = blockErrors(params);
      res.writeHead(errors.length > 0 ? 400 : 200, { "content-type": "text/plain" });
      res.end(errors.length > 0 ? "invalid_blocks" : "ok");
      return;
    }
    if (url.pathname.startsWith("/upload/")) {
      // The upload URL files.getUploadURLExternal hands out: Slack answers 200 and "OK - <bytes>" once the file is stored.
      const file = files?.[0];
      this.record({ method: `upload:${url.pathname.slice("/upload/".length)}`, params, headers: req.headers, ...(files ? { files } : {}) });
      res.writeHead(file ? 200 : 400, { "content-type": "text/plain" });
      res.end(file ? `OK - ${file.data.length}` : "no file");
      return;
    }
    if (url.pathname === "/oauth/v2/authorize") {
      // The person approves at once: Slack sends the browser back to the redirect URL with a one-time code and the state.
      this.record({ method: "oauth:authorize", params: Object.fromEntries(url.searchParams), headers: req.headers });
      if (url.searchParams.get("client_id") !== SLACK.clientId) {
        res.writeHead(400, { "content-type": "text/plain" }).end("invalid_client_id");
        return;
      }
      const redirectUri = url.searchParams.get("redirect_uri");
      const target = new URL(redirectUri ?? this.redirectUrl);
      this.grantCount += 1;
      const code = `code-${this.grantCount}-${this.installing.teamId}`;
      this.grants.set(code, { workspace: this.installing, scope: url.searchParams.get("scope") ?? "", redirectUri });
      target.searchParams.set("code", code);
      target.searchParams.set("state", url.searchParams.get("state") ?? "");
      res.writeHead(302, { location: target.toString() }).end();
      return;
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const limit = this.limits.find((l) => l.method === method && l.remaining > 0);
    if (limit) {
      limit.remaining -= 1;
      this.record({ method: `429 ${method}`, params, headers: req.headers });
      res.writeHead(429, { "content-type": "application/json", "retry-after": String(limit.retryAfter) });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    const auth = String(req.headers.authorization ?? "");
    const bearer = auth.startsWith("Bearer ") ? auth.slice("Bearer ".length) : undefined;
    const workspace = bearer ? this.tokens.get(bearer) : undefined;
    this.record({ method, params, headers: req.headers, ...(bearer ? { token: bearer } : {}), ...(workspace ? { teamId: workspace.teamId } : {}) });
    if (method === "oauth.v2.access") {
      this.exchange(params, auth, send);
      return;
    }
    if (method === "apps.connections.open" ? bearer !== SLACK.appToken : !workspace) {
      send({ ok: false, error: bearer && this.revoked.has(bearer) ? "token_revoked" : "invalid_auth" });
      return;
    }
    const team = workspace ?? WORKSPACES.first;
    switch (method) {
      case "auth.test":
        send({ ok: true, url: `https://${team.teamId.toLowerCase()}.fake.slack.com/`, team: team.name, user: "ee-bot", team_id: team.teamId, user_id: team.botUserId, bot_id: team.botId, is_enterprise_install: false, ...(team.enterpriseId ? { enterprise_id: team.enterpriseId } : {}) });
        return;
      case "apps.connections.open":
        send({ ok: true, url: `ws://127.0.0.1:${this.port}/socket` });
        return;
      case "chat.postMessage": {
        const errors = blockErrors(params);
        const failure = this.failing.get(String(params.channel));
        if (failure) send({ ok: false, error: failure });
        else if (errors.length > 0) send({ ok: false, error: "invalid_blocks", errors });
        else send({ ok: true, channel: params.channel, ts: `${Date.now() / 1000}`, message: { text: params.text, bot_id: team.botId } });
        return;
      }
      case "users.info": {
        const id = String(params.user);
        const { locale, ...flags } = this.users.get(id) ?? {};
        const withLocale = String(params.include_locale) === "true" ? { locale: locale ?? "en-US" } : {};
        send({ ok: true, user: { id, team_id: team.teamId, name: id.toLowerCase(), is_admin: false, is_owner: false, is_primary_owner: false, ...flags, ...withLocale } });
        return;
      }
      case "conversations.info": {
        const id = String(params.channel);
        send({ ok: true, channel: { id, name: id.toLowerCase(), is_channel: true, is_member: true, ...this.channels.get(id) } });
        return;
      }
      case "files.getUploadURLExternal": {
        if (!params.filename || !(Number(params.length) > 0)) {
          send({ ok: false, error: "invalid_arguments" });
          return;
        }
        this.uploads += 1;
        const fileId = `F0UPLOAD${String(this.uploads).padStart(3, "0")}`;
        send({ ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${fileId}`, file_id: fileId });
        return;
      }
      case "files.completeUploadExternal": {
        const list = (Array.isArray(params.files) ? params.files : []) as { id: string; title?: string }[];
        const stored = list.every((f) => this.calls.some((c) => c.method === `upload:${f.id}`));
        if (list.length === 0 || !stored) send({ ok: false, error: list.length === 0 ? "invalid_arguments" : "file_not_found" });
        else send({ ok: true, files: list.map((f) => ({ id: f.id, title: f.title ?? "", name: f.title ?? "" })) });
        return;
      }
      case "views.open":
        if (typeof params.trigger_id !== "string" || params.trigger_id === "") send({ ok: false, error: "invalid_trigger_id" });
        else send({ ok: true, view: { id: "VMODAL", team_id: SLACK.teamId, ...(params.view as object) } });
        return;
      case "chat.postEphemeral": {
        const errors = blockErrors(params);
        const failure = this.failing.get(String(params.channel));
        if (failure) send({ ok: false, error: failure });
        else if (typeof params.user !== "string" || params.user === "") send({ ok: false, error: "user_not_in_channel" });
        else if (errors.length > 0) send({ ok: false, error: "invalid_blocks", errors });
        else send({ ok: true, message_ts: `${Date.now() / 1000}` });
        return;
      }
      case "views.publish":
        send({ ok: true, view: { id: "VHOME", ...(params.view as object) } });
        return;
      default:
        send({ ok: false, error: "unknown_method" });
    }
  }

  // oauth.v2.access: the app's credentials (form fields or HTTP Basic) and a code the authorization page gave, once.
  private exchange(params: Record<string, unknown>, auth: string, send: (payload: unknown) => void): void {
    const basic = auth.startsWith("Basic ") ? Buffer.from(auth.slice("Basic ".length), "base64").toString("utf8").split(":") : [];
    const clientId = String(params.client_id ?? basic[0] ?? "");
    const clientSecret = String(params.client_secret ?? basic[1] ?? "");
    if (clientId !== SLACK.clientId) return send({ ok: false, error: "invalid_client_id" });
    if (clientSecret !== SLACK.clientSecret) return send({ ok: false, error: "bad_client_secret" });
    const code = String(params.code ?? "");
    const grant = this.grants.get(code);
    if (!grant) return send({ ok: false, error: "invalid_code" });
    this.grants.delete(code);
    if (grant.redirectUri !== null && params.redirect_uri !== grant.redirectUri) return send({ ok: false, error: "bad_redirect_uri" });
    const w = grant.workspace;
    this.tokens.set(w.token, w);
    this.revoked.delete(w.token);
    send({
      ok: true,
      app_id: "A0FAKE",
      authed_user: { id: SLACK.user },
      scope: grant.scope,
      token_type: "bot",
      access_token: w.token,
      bot_user_id: w.botUserId,
      team: { id: w.teamId, name: w.name },
      enterprise: w.enterpriseId ? { id: w.enterpriseId, name: "Fake Grid" } : null,
      is_enterprise_install: false,
    });
  }
}

/** Signs a body the way Slack does: v0= HMAC-SHA256 of "v0:{timestamp}:{body}". */
export function sign(body: string, timestamp: number, secret: string = SLACK.signingSecret): Record<string, string> {
  return {
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(secret, timestamp, body),
  };
}

/** A view element's value as Slack reports it in a view_submission: a typed value, or the option chosen from a select. */
export type SubmittedValue = { value: string } | { selected: string };

/**
 * The interactive payload of a view_submission for a view the bot opened, with values by block id (each block's
 * first element's action id), as Slack sends it when the person presses the submit button.
 */
export function viewSubmission(opened: Record<string, unknown>, values: Record<string, SubmittedValue>, user: string = SLACK.user): Record<string, unknown> {
  const blocks = (opened.blocks ?? []) as { block_id?: string; element?: { type: string; action_id: string; options?: { text: unknown; value: string }[] } }[];
  const state: Record<string, Record<string, unknown>> = {};
  for (const b of blocks) {
    if (!b.block_id || !b.element) continue;
    const given = values[b.block_id];
    const { type, action_id: action } = b.element;
    if (given === undefined) state[b.block_id] = { [action]: type.endsWith("select") ? { type, selected_option: null } : { type, value: null } };
    else if ("selected" in given) state[b.block_id] = { [action]: { type, selected_option: b.element.options?.find((o) => o.value === given.selected) ?? { text: { type: "plain_text", text: given.selected }, value: given.selected } } };
    else state[b.block_id] = { [action]: { type, value: given.value } };
  }
  return {
    type: "view_submission",
    team: { id: SLACK.teamId, domain: "fake" },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: SLACK.teamId },
    api_app_id: "A0FAKE",
    token: "legacy",
    trigger_id: "t-submit",
    view: { id: "VMODAL", team_id: SLACK.teamId, type: "modal", app_id: "A0FAKE", bot_id: SLACK.botId, hash: "h1", previous_view_id: null, root_view_id: "VMODAL", ...opened, state: { values: state } },
    response_urls: [],
    is_enterprise_install: false,
  };
}
