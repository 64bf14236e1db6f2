import { LRUCache } from "lru-cache";
import type { Installation as BoltInstallation, InstallationQuery, InstallationStore } from "@slack/bolt";
import { EeBotError, ErrorCode } from "../../errors.js";
import type { Logger } from "../../log.js";
import type { Installation, Store } from "../../store/schema.js";

/** The bot scopes ee-bot asks a workspace for (slack/manifest.yml lists the same). */
export const SLACK_BOT_SCOPES: readonly string[] = ["app_mentions:read", "channels:read", "chat:write", "commands", "files:write", "groups:read", "im:history", "users:read"];

/** How long a process remembers an installation it read, so that Bolt's look-up per event rarely reaches the database. */
export const INSTALLATION_CACHE_MS = 30_000;

/** A workspace as Slack names it in an event: its team, its enterprise (Enterprise Grid), and whether the app is installed org-wide. */
export interface SlackWorkspace {
  readonly teamId: string | null;
  readonly enterpriseId: string | null;
  readonly isEnterpriseInstall: boolean;
}

/** The store's key of the installation serving a workspace: an org-wide install by its enterprise alone. */
function keyOf(w: SlackWorkspace): { teamId: string | null; enterpriseId: string | null } {
  return w.isEnterpriseInstall && w.enterpriseId ? { teamId: null, enterpriseId: w.enterpriseId } : { teamId: w.teamId, enterpriseId: w.enterpriseId };
}

/**
 * Bolt's installation store on the bot's database: bot token (encrypted with STORE_SECRET_KEY), bot user and bot id,
 * team or enterprise, scopes. User tokens are never asked for and never kept.
 */
export class SlackInstallations implements InstallationStore {
  // Bolt asks for the installation on every event: a short memory spares the database (and a decryption) each time.
  // A workspace uninstalled through another process is still served from here until its entry ages out; Slack has
  // revoked the token by then, so nothing can be posted with it.
  private readonly recent: LRUCache<string, Installation>;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    cacheMs = INSTALLATION_CACHE_MS,
  ) {
    this.recent = new LRUCache({ max: 10_000, ttl: Math.max(1, cacheMs) });
  }

  /** Saves what Slack's oauth.v2.access granted; throws (Bolt shows its failure page) when the store refuses it. */
  async storeInstallation<V extends "v1" | "v2">(installation: BoltInstallation<V, boolean>): Promise<void> {
    const bot = installation.bot;
    if (!bot) throw new EeBotError(ErrorCode.StoreInvalidInput, "the installation carries no bot token: the app must ask for bot scopes");
    const enterpriseInstall = installation.isEnterpriseInstall === true;
    const saved = await this.store.saveInstallation({
      teamId: installation.team?.id ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      botToken: bot.token,
      botUserId: bot.userId,
      botId: bot.id || null,
      scopes: bot.scopes,
      installedAt: this.now().toISOString(),
      enterpriseInstall,
    });
    if (!saved.ok) throw new EeBotError(ErrorCode.StoreSecretKey, saved.error.message);
    this.recent.clear();
    this.logger.info({ platform: "slack", team: installation.team?.id ?? null, enterprise: installation.enterprise?.id ?? null, enterpriseInstall, scopes: bot.scopes.join(",") }, "Slack workspace installed the app");
  }

  /** The installation serving the workspace an event comes from, as Bolt's authorize reads it; throws when there is none. */
  async fetchInstallation(query: InstallationQuery<boolean>): Promise<BoltInstallation<"v2", boolean>> {
    const workspace = { teamId: query.teamId ?? null, enterpriseId: query.enterpriseId ?? null, isEnterpriseInstall: query.isEnterpriseInstall };
    const found = await this.find(workspace);
    if (!found) throw new Error(`no installation for team ${workspace.teamId ?? "-"} (enterprise ${workspace.enterpriseId ?? "-"})`);
    return toBolt(found);
  }

  /** Removes a workspace's installation (Bolt calls it when asked to). */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    this.recent.clear();
    await this.store.deleteInstallation(keyOf({ teamId: query.teamId ?? null, enterpriseId: query.enterpriseId ?? null, isEnterpriseInstall: query.isEnterpriseInstall }));
  }

  /** The installation serving a workspace: the exact key, else the workspace's own row, else its enterprise's org-wide one. */
  async find(workspace: SlackWorkspace): Promise<Installation | undefined> {
    const cacheKey = `${workspace.enterpriseId ?? "-"}/${workspace.teamId ?? "-"}/${workspace.isEnterpriseInstall ? 1 : 0}`;
    const cached = this.recent.get(cacheKey);
    if (cached) return cached;
    const found = (await this.store.getInstallation(keyOf(workspace))) ?? (workspace.teamId ? await this.store.findInstallation(workspace.teamId, workspace.enterpriseId) : undefined);
    if (found) this.recent.set(cacheKey, found);
    return found;
  }

  /** A workspace removed the app or revoked its token: its installation and subscriptions go, here and in the store. */
  async forget(workspace: SlackWorkspace, why: "app_uninstalled" | "tokens_revoked"): Promise<number> {
    this.recent.clear();
    const removed = await forgetWorkspace(this.store, workspace, this.logger, why);
    this.recent.clear();
    return removed;
  }
}

function toBolt(i: Installation): BoltInstallation<"v2", boolean> {
  const bot = { token: i.botToken, userId: i.botUserId, id: i.botId ?? "", scopes: i.scopes };
  const user = { id: "", token: undefined, scopes: undefined };
  const enterprise = i.enterpriseId ? { id: i.enterpriseId } : undefined;
  if (i.enterpriseInstall && enterprise) return { team: undefined, enterprise, bot, user, isEnterpriseInstall: true, authVersion: "v2", tokenType: "bot" };
  return { team: { id: i.teamId ?? "" }, enterprise, bot, user, isEnterpriseInstall: false, authVersion: "v2", tokenType: "bot" };
}

/**
 * What happens when a workspace removes the app (app_uninstalled) or revokes its bot token (tokens_revoked): its
 * installation and its round announcements are deleted. Returns how many subscriptions went.
 */
export async function forgetWorkspace(store: Store, workspace: SlackWorkspace, logger: Logger, why: "app_uninstalled" | "tokens_revoked"): Promise<number> {
  // Subscriptions first: a process that still finds the installation may still post, never the other way round.
  const subscriptions = workspace.teamId ? await store.removeSubscriptions({ platform: "slack", workspaceId: workspace.teamId }) : 0;
  const installation = await store.deleteInstallation(keyOf(workspace));
  logger.info({ platform: "slack", team: workspace.teamId, enterprise: workspace.enterpriseId, why, installation, subscriptions }, "Slack workspace removed: its installation and subscriptions are deleted");
  return subscriptions;
}
