import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, LogLevel, type Logger as SlackLogger, type types } from "@slack/bolt";
import { formatDate, roundName } from "../../core/format.js";
import type { Knowledge } from "../../core/knowledge.js";
import { EXAMPLES, MESSAGES, helpExamples } from "../../core/messages.js";
import type { Message, Reply } from "../../core/types.js";
import { EeBotError, ErrorCode } from "../../errors.js";
import type { Logger } from "../../log.js";
import { Handling } from "../handling.js";
import type { AdapterState } from "../discord/adapter.js";
import { escapeMrkdwn, renderSlack, type SlackPayload } from "./render.js";

/** How the adapter reaches Slack. */
export type SlackMode = { kind: "socket"; appToken: string } | { kind: "http"; signingSecret: string; port: number; host?: string };

/** What the Slack adapter needs from the rest of the bot. */
export interface SlackDeps {
  readonly botToken: string;
  readonly mode: SlackMode;
  readonly answer: (message: Message) => Reply | undefined;
  readonly knowledge: () => Knowledge;
  readonly logger: Logger;
  /** Web API base URL; tests point it at a local fake. */
  readonly slackApiUrl?: string;
  /** Called when a handler fails, after the user got a polite reply. */
  readonly onError?: (error: unknown) => void;
}

/** Slack refuses requests whose timestamp is more than five minutes away from now, in either direction. */
export const MAX_CLOCK_SKEW_S = 5 * 60;
const DEDUPE_MEMORY = 5000;

/** Checks a request's Slack signature and that its timestamp is within five minutes, past or future. */
export function verifySlackRequest(signingSecret: string, headers: IncomingMessage["headers"], body: string, nowS = Math.floor(Date.now() / 1000)): string | null {
  const ts = Number(headers["x-slack-request-timestamp"]);
  const sig = String(headers["x-slack-signature"] ?? "");
  if (!Number.isInteger(ts)) return "missing timestamp";
  if (Math.abs(nowS - ts) > MAX_CLOCK_SKEW_S) return "stale or future timestamp";
  const expected = `v0=${createHmac("sha256", signingSecret).update(`v0:${ts}:${body}`).digest("hex")}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(sig);
  return a.length === b.length && timingSafeEqual(a, b) ? null : "bad signature";
}

function boltLogger(logger: Logger): SlackLogger {
  let level = LogLevel.INFO;
  const text = (msg: unknown[]): string => msg.map((m) => (typeof m === "string" ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(" ");
  return {
    debug: (...msg) => logger.debug({ platform: "slack", source: "bolt" }, text(msg)),
    info: (...msg) => logger.info({ platform: "slack", source: "bolt" }, text(msg)),
    warn: (...msg) => logger.warn({ platform: "slack", source: "bolt" }, text(msg)),
    error: (...msg) => logger.error({ platform: "slack", source: "bolt" }, text(msg)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** A bounded memory of event ids already handled, so Slack's retries are answered once. */
export class EventDeduper {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max = DEDUPE_MEMORY) {}

  /** True the first time an id is seen. */
  first(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.set(id, Date.now());
    if (this.seen.size > this.max) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}

/** The App Home tab: what the bot answers, the latest draw it knows, example questions. */
export function homeView(knowledge: Knowledge): types.HomeView {
  const latest = knowledge.latestDraw();
  const blocks: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "ee-bot: Express Entry answers" } },
    { type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(MESSAGES.help) } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: latest
          ? `*Latest draw I know of*\n${escapeMrkdwn(`${roundName(latest)}: cut-off ${latest.crs ?? "unknown"}, ${latest.invitations ?? "unknown"} invitations.`)}`
          : "*Latest draw I know of*\nnone yet",
      },
    },
    { type: "section", text: { type: "mrkdwn", text: `*Ask me, for example*\n${[...helpExamples(), ...EXAMPLES.glossary.slice(0, 1)].map((q) => `• ${escapeMrkdwn(q)}`).join("\n")}` } },
    { type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(`Message me here, mention me in a channel, or use /ee. Knowledge base ${knowledge.version}${latest?.date ? `, up to ${formatDate(latest.date)}` : ""}.`) }] },
  ];
  return { type: "home", blocks };
}

/** The Slack adapter: mentions answered in threads, DMs, /ee, App Home; Socket Mode or HTTP. */
export class SlackAdapter {
  readonly app: App;
  private readonly receiver: InstanceType<typeof HTTPReceiver> | undefined;
  private server: Server | undefined;
  private stateValue: AdapterState = "idle";
  private readonly deduper = new EventDeduper();

  private readonly handling: Handling;

  constructor(private readonly deps: SlackDeps) {
    this.handling = new Handling("slack", deps.logger, deps.answer, deps.onError);
    const logger = boltLogger(deps.logger);
    const clientOptions = deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl } : {};
    if (deps.mode.kind === "socket") {
      this.app = new App({ token: deps.botToken, appToken: deps.mode.appToken, socketMode: true, logger, clientOptions, installerOptions: { clientOptions } });
    } else {
      this.receiver = new HTTPReceiver({
        signingSecret: deps.mode.signingSecret,
        logger,
        // Signatures are checked in front of the receiver, where future timestamps are refused too.
        signatureVerification: false,
        processBeforeResponse: false,
      });
      this.app = new App({ token: deps.botToken, receiver: this.receiver, logger, clientOptions });
    }
    this.app.use(async ({ body, next }) => {
      const id = (body as { event_id?: string }).event_id;
      if (id && !this.deduper.first(id)) {
        deps.logger.debug({ platform: "slack", event: id }, "duplicate delivery ignored");
        return;
      }
      await next();
    });
    this.app.event("app_mention", async ({ event, client }) => {
      await this.handling.guard(async () => {
        const thread = event.thread_ts ?? event.ts;
        const reply = this.handling.answer({ text: event.text, user: event.user ?? "unknown", conversation: `${event.channel}:${event.user}`, platform: "slack" });
        if (reply) await this.post(client, event.channel, reply, thread, "mention");
      });
    });
    this.app.message(async ({ message, client }) => {
      // Only a person's direct message: no subtype (edits, joins, bot messages), no bot id.
      if (message.channel_type !== "im" || message.subtype !== undefined || "bot_id" in message) return;
      await this.handling.guard(async () => {
        const reply = this.handling.answer({ text: message.text ?? "", user: message.user, conversation: `${message.channel}:${message.user}`, platform: "slack" });
        if (reply) await this.post(client, message.channel, reply, undefined, "dm");
      });
    });
    this.app.command("/ee", async ({ command, ack, respond }) => {
      await ack();
      await this.handling.guard(async () => {
        const started = performance.now();
        const share = /^\s*(?:share|public)\b/i.test(command.text);
        const text = command.text.replace(/^\s*(?:share|public)\b\s*/i, "");
        const reply = this.handling.answer({ text: text.trim() === "" ? "help" : text, user: command.user_id, conversation: `${command.channel_id}:${command.user_id}`, platform: "slack" });
        if (!reply) {
          await respond({ response_type: "ephemeral", text: MESSAGES.rateLimited });
          return;
        }
        const visible = share && !reply.userError ? "in_channel" : "ephemeral";
        for (const payload of renderSlack(reply)) {
          await respond({ response_type: visible, replace_original: false, text: payload.text, blocks: payload.blocks });
        }
        this.handling.sent(reply, started, "slash");
      });
    });
    this.app.event("app_home_opened", async ({ event, client }) => {
      if (event.tab !== "home") return;
      await this.handling.guard(async () => {
        await client.views.publish({ user_id: event.user, view: homeView(deps.knowledge()) });
      });
    });
    this.app.error(async (error) => {
      deps.logger.error({ platform: "slack", err: error }, "slack handler error");
    });
  }

  /** The adapter's state. */
  get state(): AdapterState {
    return this.stateValue;
  }

  /** Replies being sent now. */
  get pending(): number {
    return this.handling.pending;
  }

  /** The port the HTTP receiver listens on (HTTP mode). */
  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === "object" ? (address as AddressInfo).port : undefined;
  }

  /** Connects (Socket Mode) or starts listening (HTTP mode). */
  async start(): Promise<void> {
    this.stateValue = "connecting";
    try {
      if (this.deps.mode.kind === "socket") {
        await this.app.start();
      } else {
        const mode = this.deps.mode;
        const receiver = this.receiver;
        if (!receiver) throw new Error("no receiver");
        this.server = createServer((req, res) => void this.onHttp(req, res, mode.signingSecret, receiver));
        await new Promise<void>((resolve, reject) => {
          this.server?.once("error", reject);
          this.server?.listen(mode.port, mode.host ?? "0.0.0.0", () => resolve());
        });
      }
    } catch (cause) {
      this.stateValue = "down";
      throw new EeBotError(ErrorCode.AdapterFailed, `Slack start failed: ${(cause as Error).message}`, { cause });
    }
    this.stateValue = "ready";
    this.deps.logger.info({ platform: "slack", mode: this.deps.mode.kind }, "slack ready");
  }

  /** Disconnects or stops listening. */
  async stop(): Promise<void> {
    this.stateValue = "stopped";
    if (this.server) {
      await new Promise<void>((resolve) => this.server?.close(() => resolve()));
      this.server.closeAllConnections();
    } else await this.app.stop();
  }

  // Reads the body once, verifies signature and clock skew, then hands the request to Bolt's receiver.
  private async onHttp(req: IncomingMessage, res: ServerResponse, secret: string, receiver: InstanceType<typeof HTTPReceiver>): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > 1_000_000) {
        res.writeHead(413).end();
        return;
      }
      chunks.push(c as Buffer);
    }
    const raw = Buffer.concat(chunks);
    // Slack's SSL check carries no signature and expects a plain 200.
    if (String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded") && new URLSearchParams(raw.toString("utf8")).get("ssl_check") === "1") {
      res.writeHead(200).end();
      return;
    }
    const problem = verifySlackRequest(secret, req.headers, raw.toString("utf8"));
    if (problem) {
      this.deps.logger.warn({ platform: "slack", problem }, "request refused");
      res.writeHead(401, { "content-type": "text/plain" }).end("invalid request");
      return;
    }
    // Bolt's receiver takes an already read body from rawBody.
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
    receiver.requestListener(req, res);
  }

  private async post(client: App["client"], channel: string, reply: Reply, thread: string | undefined, via: string): Promise<void> {
    const started = performance.now();
    for (const payload of renderSlack(reply)) await this.postOne(client, channel, payload, thread);
    this.handling.sent(reply, started, via);
  }

  private async postOne(client: App["client"], channel: string, payload: SlackPayload, thread: string | undefined): Promise<void> {
    await client.chat.postMessage({ channel, text: payload.text, blocks: payload.blocks, unfurl_links: false, unfurl_media: false, ...(thread ? { thread_ts: thread } : {}) });
  }



}
