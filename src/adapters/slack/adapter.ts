import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, LogLevel, type Logger as SlackLogger, type types } from "@slack/bolt";
import { formatDate, roundName } from "../../core/format.js";
import type { Knowledge } from "../../core/knowledge.js";
import { coreMessages } from "../../core/messages.js";
import type { Reply } from "../../core/types.js";
import { EeBotError, ErrorCode } from "../../errors.js";
import type { Logger } from "../../log.js";
import { Handling, type AnswerFn, type CommandFn } from "../handling.js";
import type { AdapterState } from "../discord/adapter.js";
import type { SkillRegistry } from "../../skills/registry.js";
import type { OptionValues } from "../../skills/types.js";
import { withImages } from "../../charts/attach.js";
import { commandNamed, optionsFromText } from "./commands.js";
import { readLanguagePrefix } from "./language.js";
import { CRS_COMMAND } from "./crs-form.js";
import { CRS_MODAL_CALLBACK, CrsModalMetaSchema, crsModal, readCrsModal, type CrsModalMeta } from "./crs-modal.js";
import { escapeMrkdwn, renderSlack, type SlackPayload } from "./render.js";
import { filterPhrase } from "../../announce/messages.js";
import { announceMessages } from "../../messages/announce.js";
import { ADAPTER_MESSAGES, adapterMessages } from "../../messages/adapters.js";
import { inLanguage, lang as currentLang, langOfLocale, LANGS, type Lang } from "../../messages/lang.js";
import { fold } from "../../nlu/language.js";
import { readSubscribeWords, type Subscriptions } from "../../announce/subscriptions.js";
import { errorReply, makeReply } from "../../core/reply.js";
import type { Subscription } from "../../store/schema.js";
import { MemoryEventClaims, type EventClaims } from "../../shared/claims.js";
import { SLACK_BOT_SCOPES, type SlackInstallations, type SlackWorkspace } from "./installations.js";

/** How the adapter reaches Slack; in Socket Mode with Add to Slack, Bolt serves the install pages on installPort. */
export type SlackMode = { kind: "socket"; appToken: string; installPort?: number } | { kind: "http"; signingSecret: string; port: number; host?: string };

/** Add to Slack: Bolt's OAuth flow, each workspace answered with the bot token of its installation. */
export interface SlackOAuth {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the state parameter of the flow (with a cookie, Bolt's CSRF protection). */
  readonly stateSecret: string;
  readonly installations: SlackInstallations;
  readonly scopes?: readonly string[];
  /** The redirect URL registered with Slack, when it must be named; its path must be /slack/oauth_redirect. */
  readonly redirectUri?: string;
  /** Slack's authorization page; default derived from the Web API URL (https://slack.com/oauth/v2/authorize). */
  readonly authorizationUrl?: string;
}

/** The paths Bolt serves for Add to Slack. */
export const SLACK_INSTALL_PATH = "/slack/install";
/** Where Slack sends the person back with the grant's code. */
export const SLACK_REDIRECT_PATH = "/slack/oauth_redirect";

/** Slack's authorization page beside a Web API base URL (https://slack.com/api/ gives https://slack.com/oauth/v2/authorize). */
export function authorizationUrlOf(slackApiUrl = "https://slack.com/api/"): string {
  return new URL("../oauth/v2/authorize", slackApiUrl.endsWith("/") ? slackApiUrl : `${slackApiUrl}/`).toString();
}

/** What the Slack adapter needs from the rest of the bot. */
export interface SlackDeps {
  /** One workspace's bot token; leave unset with `oauth`. */
  readonly botToken?: string;
  /** Add to Slack for any number of workspaces, instead of `botToken`. */
  readonly oauth?: SlackOAuth;
  /** Called when a workspace removes the app or revokes its token (its installation and subscriptions go). */
  readonly onUninstall?: (workspace: SlackWorkspace, why: "app_uninstalled" | "tokens_revoked") => Promise<void>;
  readonly mode: SlackMode;
  readonly answer: AnswerFn;
  /** Runs a skill's command with its options; undefined means "drop quietly". */
  readonly command: CommandFn;
  readonly knowledge: () => Knowledge;
  /** The skills, for /ee subcommands and the App Home's examples. */
  readonly registry: SkillRegistry;
  readonly logger: Logger;
  /** Web API base URL; tests point it at a local fake. */
  readonly slackApiUrl?: string;
  /** Called when a handler fails, after the user got a polite reply. */
  readonly onError?: (error: unknown) => void;
  /** Channel subscriptions to round announcements; without them the subscription commands say so. */
  readonly subscriptions?: Subscriptions;
  /** Who answers an event Slack delivers more than once (retries): in this process by default, shared across processes when given. */
  readonly claims?: EventClaims;
}

/** The /ee words that manage a channel's round announcements, English and French ("abonner"), and the language of each. */
const SUBSCRIPTION_WORDS: ReadonlyMap<string, { sub: "subscribe" | "unsubscribe" | "subscriptions"; lang: Lang }> = new Map(
  LANGS.flatMap((lang) => (["subscribe", "unsubscribe", "subscriptions"] as const).map((sub) => [fold(ADAPTER_MESSAGES[lang].command[sub].name), { sub, lang }] as const)),
);

/**
 * Who may change a Slack channel's subscriptions: workspace admins and owners, and the channel's creator (Slack has
 * no per-channel manager role a bot can read). Needs the users:read and channels:read (groups:read for private
 * channels) scopes.
 */
export async function mayManageChannel(client: App["client"], user: string, channel: string): Promise<{ allowed: boolean; botInChannel: boolean }> {
  const person = (await client.users.info({ user })).user;
  // A private channel the bot is not in is not found at all.
  const c = await client.conversations.info({ channel }).catch(() => undefined);
  const allowed = Boolean(person?.is_admin || person?.is_owner || person?.is_primary_owner || (c?.channel?.creator !== undefined && c.channel.creator === user));
  return { allowed, botInChannel: c !== undefined && c.channel?.is_member !== false };
}

/** The App Home section listing the workspace's round announcements, in the language being written in. */
export function subscriptionsSection(knowledge: Knowledge, subscriptions: readonly Subscription[]): types.KnownBlock {
  const t = adapterMessages().home;
  const lines = subscriptions.map((s) => `• <#${s.channelId}>: ${escapeMrkdwn(filterPhrase(knowledge, s.roundType, s.maxCrs))}${s.disabledAt ? escapeMrkdwn(t.stopped(s.disabledReason)) : ""}`);
  const text = lines.length > 0 ? lines.join("\n") : escapeMrkdwn(announceMessages().noneInWorkspace);
  return { type: "section", text: { type: "mrkdwn", text: `${t.subscriptionsHeading}\n${text}`.slice(0, 3000) } };
}

// The language a CRS form was shown in, from its private_metadata; English when it says none.
function formLang(metadata: string): Lang {
  try {
    const parsed = CrsModalMetaSchema.safeParse(JSON.parse(metadata));
    return parsed.success ? (parsed.data.lang ?? "en") : "en";
  } catch {
    return "en";
  }
}

/** Slack refuses requests whose timestamp is more than five minutes away from now, in either direction. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

/**
 * Refuses a request whose Slack timestamp is missing or more than five minutes away from now, in either direction;
 * Bolt's own signature verification (which refuses only old timestamps) checks the signature after this.
 */
export function checkClockSkew(headers: IncomingMessage["headers"], nowS = Math.floor(Date.now() / 1000)): string | null {
  const ts = Number(headers["x-slack-request-timestamp"]);
  if (!Number.isInteger(ts)) return "missing timestamp";
  return Math.abs(nowS - ts) > MAX_CLOCK_SKEW_S ? "stale or future timestamp" : null;
}

/** The Slack signature of a body, as Slack computes it: for tests and for fakes that sign their requests. */
export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** True when two signatures are equal, compared in constant time. */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
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

/**
 * The App Home tab: what the bot answers, the latest round it knows, example questions made from the knowledge base;
 * in the language being written in (commands by their French names in French).
 */
export function homeView(knowledge: Knowledge, registry: SkillRegistry, subscriptions?: readonly Subscription[]): types.HomeView {
  const t = adapterMessages().home;
  const french = currentLang() === "fr";
  const examples = registry.skills.filter((s) => s.id !== "help").flatMap((s) => s.examples(knowledge).slice(0, 1)).slice(0, 8);
  const commands = registry.skills.flatMap((s) => {
    if (!s.command) return [];
    const words = french && s.command.fr ? s.command.fr : s.command;
    return [t.commandLine(words.name, words.description)];
  });
  const latest = knowledge.latestDraw();
  const blocks: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: t.header } },
    { type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(coreMessages().help) } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: latest ? `${t.latestHeading}\n${escapeMrkdwn(t.latestLine(roundName(knowledge, latest), latest.crs, latest.invitations))}` : `${t.latestHeading}\n${t.noneYet}`,
      },
    },
    { type: "section", text: { type: "mrkdwn", text: `${t.examplesHeading}\n${examples.map((q) => `• ${escapeMrkdwn(q)}`).join("\n")}` } },
    { type: "section", text: { type: "mrkdwn", text: `${t.commandsHeading}\n${commands.map((c) => `• ${escapeMrkdwn(c)}`).join("\n")}` } },
    ...(subscriptions ? [subscriptionsSection(knowledge, subscriptions)] : []),
    { type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(t.footer(knowledge.version, latest?.date ? formatDate(latest.date) : null)) }] },
  ];
  return { type: "home", blocks };
}

/** The Slack adapter: mentions answered in threads, DMs, /ee, App Home; Socket Mode or HTTP. */
export class SlackAdapter {
  readonly app: App;
  private readonly receiver: InstanceType<typeof HTTPReceiver> | undefined;
  private server: Server | undefined;
  private stateValue: AdapterState = "idle";
  private readonly claims: EventClaims;

  private readonly handling: Handling;

  constructor(private readonly deps: SlackDeps) {
    this.handling = new Handling("slack", deps.logger, deps.answer, deps.onError, deps.command);
    this.claims = deps.claims ?? new MemoryEventClaims();
    const logger = boltLogger(deps.logger);
    const clientOptions = deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl } : {};
    const oauth = deps.oauth;
    if (!oauth && !deps.botToken) throw new EeBotError(ErrorCode.ConfigInvalid, "the Slack adapter needs a bot token or Add to Slack (client id, secret and state secret)");
    // With Add to Slack Bolt serves /slack/install (straight on to Slack's authorization page) and /slack/oauth_redirect,
    // exchanges the code with oauth.v2.access and stores the installation; each event's token comes from the store.
    const installer = oauth
      ? {
          clientId: oauth.clientId,
          clientSecret: oauth.clientSecret,
          stateSecret: oauth.stateSecret,
          installationStore: oauth.installations,
          scopes: [...(oauth.scopes ?? SLACK_BOT_SCOPES)],
          ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
        }
      : undefined;
    const installerOptions = {
      clientOptions,
      directInstall: true,
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_REDIRECT_PATH,
      authorizationUrl: oauth?.authorizationUrl ?? authorizationUrlOf(deps.slackApiUrl),
    };
    if (deps.mode.kind === "socket") {
      this.app = installer
        ? new App({ ...installer, appToken: deps.mode.appToken, socketMode: true, logger, clientOptions, installerOptions: { ...installerOptions, port: deps.mode.installPort ?? 3000 } })
        : new App({ token: deps.botToken ?? "", appToken: deps.mode.appToken, socketMode: true, logger, clientOptions, installerOptions: { clientOptions } });
    } else {
      this.receiver = new HTTPReceiver({
        signingSecret: deps.mode.signingSecret,
        logger,
        // Bolt verifies the signature; the clock skew is checked in front of it, where future timestamps are refused too.
        signatureVerification: true,
        processBeforeResponse: false,
        ...(installer ? { ...installer, installerOptions } : {}),
      });
      this.app = installer ? new App({ receiver: this.receiver, logger, clientOptions }) : new App({ token: deps.botToken ?? "", receiver: this.receiver, logger, clientOptions });
    }
    this.app.event("app_uninstalled", async ({ body }) => {
      await this.handling.guard(() => this.forget(body, "app_uninstalled"));
    });
    this.app.event("tokens_revoked", async ({ event, body }) => {
      // Only the bot's token matters: user tokens are never asked for.
      if ((event.tokens.bot ?? []).length === 0) return;
      await this.handling.guard(() => this.forget(body, "tokens_revoked"));
    });
    // Slack sends an event again (x-slack-retry-num, a Socket Mode retry_attempt) when it saw no answer in time; the
    // retry may reach another process. Its event_id is the same each time: the first claim of it, anywhere, answers.
    this.app.use(async ({ body, next }) => {
      const id = (body as { event_id?: unknown }).event_id;
      if (typeof id === "string" && id !== "" && !(await this.claims.claim(id))) {
        deps.logger.debug({ platform: "slack", event: id }, "duplicate delivery ignored");
        return;
      }
      await next();
    });
    this.app.event("app_mention", async ({ event, client }) => {
      await this.handling.guard(async () => {
        const thread = event.thread_ts ?? event.ts;
        const asked = readLanguagePrefix(event.text);
        const reply = await this.handling.answer({ text: asked.text, user: event.user ?? "unknown", conversation: `${event.channel}:${event.user}`, platform: "slack", ...(asked.lang ? { lang: asked.lang } : {}) });
        if (reply) await this.post(client, event.channel, reply, thread, "mention");
      });
    });
    this.app.message(async ({ message, client }) => {
      // Only a person's direct message: no subtype (edits, joins, bot messages), no bot id.
      if (message.channel_type !== "im" || message.subtype !== undefined || "bot_id" in message) return;
      await this.handling.guard(async () => {
        const asked = readLanguagePrefix(message.text ?? "");
        const reply = await this.handling.answer({ text: asked.text, user: message.user, conversation: `${message.channel}:${message.user}`, platform: "slack", ...(asked.lang ? { lang: asked.lang } : {}) });
        if (reply) await this.post(client, message.channel, reply, undefined, "dm");
      });
    });
    this.app.command("/ee", async ({ command, ack, respond, client }) => {
      await ack();
      await this.handling.guard(async () => {
        const started = performance.now();
        // "/ee langue: fr ..." chooses the language of this command's answer.
        const asked = readLanguagePrefix(command.text);
        const [word = ""] = asked.text.trim().split(/\s+/);
        const subscription = SUBSCRIPTION_WORDS.get(fold(word));
        if (subscription) {
          const lang = asked.lang ?? subscription.lang;
          const reply = await inLanguage(lang, () => this.onSubscription(client, { ...command, text: asked.text }, subscription.sub));
          for (const payload of renderSlack(reply)) await respond({ response_type: reply.userError ? "ephemeral" : "in_channel", replace_original: false, text: payload.text, blocks: payload.blocks });
          this.handling.sent(reply, started, `slash:${subscription.sub}`);
          return;
        }
        const share = /^\s*(?:share|public|partager)\b/i.test(asked.text);
        const text = asked.text.replace(/^\s*(?:share|public|partager)\b\s*/i, "").trim();
        // "/ee draw 254" runs the skill's command with structured options; anything else is a question.
        const [first = "", ...words] = text.split(/\s+/);
        const named = commandNamed(deps.registry, first);
        const skill = named?.skill;
        // A command called by its French name ("/ee tirage 254") hints at French when nothing else says.
        const hint = named?.french ? "fr" : undefined;
        const who = { user: command.user_id, conversation: `${command.channel_id}:${command.user_id}`, platform: "slack" as const, ...(asked.lang ? { lang: asked.lang } : {}), ...(hint ? { locale: hint } : {}) };
        const lang: Lang = asked.lang ?? hint ?? "en";
        // "/ee crs" alone opens the CRS form; with options it is answered at once.
        if (skill?.command?.name === CRS_COMMAND && words.every((w) => w === "")) {
          const ranges = Object.fromEntries(skill.command.options.map((o) => [o.name, { ...(o.min !== undefined ? { min: o.min } : {}), ...(o.max !== undefined ? { max: o.max } : {}) }]));
          const place = command.channel_name ?? "";
          const dm = place === "directmessage" || place.startsWith("mpdm-") || command.channel_id.startsWith("D");
          const meta = { channel: command.channel_id, user: command.user_id, dm, ...(lang !== "en" ? { lang } : {}) };
          await client.views.open({ trigger_id: command.trigger_id, view: inLanguage(lang, () => crsModal(deps.knowledge(), meta, ranges)) });
          deps.logger.debug({ platform: "slack", via: "slash:crs", ms: Math.round((performance.now() - started) * 100) / 100 }, "CRS form opened");
          return;
        }
        const reply = skill?.command
          ? await this.handling.command(skill.command.name, optionsFromText(skill.command, words.join(" "), deps.knowledge()), who)
          : await this.handling.answer({ ...who, text: text === "" ? inLanguage(lang, () => adapterMessages().helpQuestion) : text });
        if (!reply) {
          await respond({ response_type: "ephemeral", text: inLanguage(lang, () => coreMessages().rateLimited) });
          return;
        }
        const visible = share && !reply.userError ? "in_channel" : "ephemeral";
        for (const payload of renderSlack(reply)) {
          await respond({ response_type: visible, replace_original: false, text: payload.text, blocks: payload.blocks });
        }
        // A response_url cannot carry files: a chart is uploaded into the channel (or the DM) the command came from.
        if (reply.chart) await this.upload(client, command.channel_id, await withImages(reply), undefined);
        this.handling.sent(reply, started, "slash");
      });
    });
    this.app.view(CRS_MODAL_CALLBACK, async ({ ack, body, view, client }) => {
      const read = inLanguage(formLang(view.private_metadata), () => readCrsModal(deps.knowledge(), view.state.values));
      if (!read.ok) {
        await ack({ response_action: "errors", errors: read.error });
        return;
      }
      await ack();
      await this.handling.guard(() => this.onCrsSubmission(client, read.value, view.private_metadata, body.user.id));
    });
    this.app.event("app_home_opened", async ({ event, client, context, body }) => {
      if (event.tab !== "home") return;
      await this.handling.guard(async () => {
        const team = context.teamId ?? (body as { team_id?: string }).team_id;
        let subscriptions: Subscription[] | undefined;
        if (deps.subscriptions && team) {
          try {
            subscriptions = await deps.subscriptions.ofWorkspace("slack", team);
          } catch (err) {
            deps.logger.error({ platform: "slack", err }, "cannot list subscriptions for the App Home");
          }
        }
        const lang = await this.userLang(client, event.user);
        await client.views.publish({ user_id: event.user, view: inLanguage(lang, () => homeView(deps.knowledge(), deps.registry, subscriptions)) });
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
        this.server = createServer((req, res) => void this.onHttp(req, res, receiver));
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

  private async forget(body: unknown, why: "app_uninstalled" | "tokens_revoked"): Promise<void> {
    const b = body as { team_id?: unknown; enterprise_id?: unknown; is_enterprise_install?: unknown };
    const workspace: SlackWorkspace = {
      teamId: typeof b.team_id === "string" && b.team_id !== "" ? b.team_id : null,
      enterpriseId: typeof b.enterprise_id === "string" && b.enterprise_id !== "" ? b.enterprise_id : null,
      isEnterpriseInstall: b.is_enterprise_install === true,
    };
    if (this.deps.onUninstall) await this.deps.onUninstall(workspace, why);
  }

  // Only the headers are read here; Bolt's receiver reads the body and verifies the signature. The install pages are
  // a browser's GETs, which carry no Slack timestamp: only Slack's POSTs are held to the clock.
  private async onHttp(req: IncomingMessage, res: ServerResponse, receiver: InstanceType<typeof HTTPReceiver>): Promise<void> {
    if (req.method === "GET" && this.deps.oauth) {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      if (path === SLACK_INSTALL_PATH || path === SLACK_REDIRECT_PATH) {
        await receiver.requestListener(req, res);
        return;
      }
    }
    const problem = checkClockSkew(req.headers);
    if (problem) {
      this.deps.logger.warn({ platform: "slack", problem }, "request refused");
      res.writeHead(401, { "content-type": "text/plain" }).end("invalid request");
      return;
    }
    await receiver.requestListener(req, res);
  }

  // The App Home has no message to read a language from: the user's Slack locale (users:read), else English.
  private async userLang(client: App["client"], user: string): Promise<Lang> {
    try {
      return langOfLocale((await client.users.info({ user, include_locale: true })).user?.locale) ?? "en";
    } catch {
      return "en";
    }
  }

  private async onSubscription(client: App["client"], command: { text: string; team_id: string; channel_id: string; channel_name: string; user_id: string }, word: string): Promise<Reply> {
    const knowledge = this.deps.knowledge();
    const t = announceMessages();
    const refuse = (text: string): Reply => makeReply(knowledge, word, { title: t.title, text, userError: true });
    const service = this.deps.subscriptions;
    if (!service) return refuse(t.unavailable);
    const dm = command.channel_name === "directmessage" || command.channel_name.startsWith("mpdm-") || command.channel_id.startsWith("D");
    if (word === "subscriptions") return service.list({ platform: "slack", workspaceId: command.team_id, channelId: dm ? null : command.channel_id, userId: command.user_id }, (id) => adapterMessages().slackChannel(id));
    if (dm) return refuse(t.notInChannel);
    const where = { platform: "slack" as const, workspaceId: command.team_id, channelId: command.channel_id, userId: command.user_id };
    let check: { allowed: boolean; botInChannel: boolean };
    try {
      check = await mayManageChannel(client, command.user_id, command.channel_id);
    } catch (err) {
      this.deps.logger.error({ platform: "slack", err }, "cannot check who may manage the channel");
      return errorReply();
    }
    if (!check.allowed) {
      this.deps.logger.info({ platform: "slack", command: word, team: command.team_id }, "subscription change refused: missing permission");
      return refuse(t.noPermission);
    }
    const rest = command.text.trim().split(/\s+/).slice(1).join(" ");
    if (word === "unsubscribe") return service.unsubscribe(where, rest === "" ? undefined : readSubscribeWords(rest).type);
    if (!check.botInChannel) return refuse(t.botNotInChannel);
    const asked = readSubscribeWords(rest);
    return service.subscribe(where, asked.type, asked.maxCrs);
  }

  // The answer goes where /ee was used: to the asker alone in a channel, into the app's DM with them otherwise, or
  // when the channel refuses an ephemeral message (a private channel the bot is not in).
  private async onCrsSubmission(client: App["client"], values: OptionValues, metadata: string, user: string): Promise<void> {
    const started = performance.now();
    let parsed: ReturnType<typeof CrsModalMetaSchema.safeParse> | undefined;
    try {
      parsed = CrsModalMetaSchema.safeParse(JSON.parse(metadata));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) this.deps.logger.warn({ platform: "slack" }, "CRS form without readable metadata: answered in the DM");
    const meta: CrsModalMeta = parsed?.success ? parsed.data : { channel: user, user, dm: true };
    // The form was shown in a language: the answer follows it unless the conversation chose another.
    const who = { user, conversation: `${meta.channel}:${user}`, platform: "slack" as const, ...(meta.lang ? { locale: meta.lang } : {}) };
    const reply =
      (await this.handling.command(CRS_COMMAND, values, who)) ??
      inLanguage(meta.lang ?? "en", () => makeReply(this.deps.knowledge(), CRS_COMMAND, { title: adapterMessages().slowDown, text: coreMessages().rateLimited, userError: true }));
    let dm = meta.dm;
    for (const payload of renderSlack(reply)) {
      if (!dm) {
        try {
          await client.chat.postEphemeral({ channel: meta.channel, user, text: payload.text, blocks: payload.blocks });
          continue;
        } catch (err) {
          this.deps.logger.warn({ platform: "slack", err }, "cannot answer the CRS form in the channel: answered in the DM");
          dm = true;
        }
      }
      await client.chat.postMessage({ channel: user, text: payload.text, blocks: payload.blocks, unfurl_links: false, unfurl_media: false });
    }
    this.handling.sent(reply, started, "slack:crs-modal");
  }

  private async post(client: App["client"], channel: string, reply: Reply, thread: string | undefined, via: string): Promise<void> {
    const started = performance.now();
    const full = await withImages(reply);
    for (const payload of renderSlack(full)) await this.postOne(client, channel, payload, thread);
    await this.upload(client, channel, full, thread);
    this.handling.sent(reply, started, via);
  }

  // Charts go up with files.uploadV2, shared into the conversation, with the chart's description as alt text.
  private async upload(client: App["client"], channel: string, reply: Reply, thread: string | undefined): Promise<void> {
    for (const image of reply.images) {
      const file = { file: Buffer.from(image.png), filename: image.name, title: reply.title, alt_text: image.alt.slice(0, 1000) };
      await client.files.uploadV2(thread ? { ...file, channel_id: channel, thread_ts: thread } : { ...file, channel_id: channel });
    }
  }

  private async postOne(client: App["client"], channel: string, payload: SlackPayload, thread: string | undefined): Promise<void> {
    await client.chat.postMessage({ channel, text: payload.text, blocks: payload.blocks, unfurl_links: false, unfurl_media: false, ...(thread ? { thread_ts: thread } : {}) });
  }



}
