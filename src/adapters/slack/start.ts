import { asRunning, type Runtime, type RunningAdapter } from "../../app.js";
import { slackInstalls, type Config } from "../../config.js";
import type { Subscriptions } from "../../announce/subscriptions.js";
import type { EventClaims } from "../../shared/claims.js";
import type { Store } from "../../store/schema.js";
import { SlackAdapter, type SlackMode, type SlackOAuth } from "./adapter.js";
import { forgetWorkspace, SlackInstallations } from "./installations.js";

/** Socket Mode when an app token is set, else HTTP mode on SLACK_PORT with the signing secret. */
export function slackMode(config: Config): SlackMode {
  if (config.SLACK_APP_TOKEN) return { kind: "socket", appToken: config.SLACK_APP_TOKEN, installPort: config.SLACK_PORT };
  return { kind: "http", signingSecret: config.SLACK_SIGNING_SECRET ?? "", port: config.SLACK_PORT };
}

/** Add to Slack as the configuration describes it (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET), on the store's installations. */
export function slackOAuth(config: Config, installations: SlackInstallations): SlackOAuth | undefined {
  if (!slackInstalls(config) || !config.SLACK_CLIENT_ID || !config.SLACK_CLIENT_SECRET || !config.SLACK_STATE_SECRET) return undefined;
  return {
    clientId: config.SLACK_CLIENT_ID,
    clientSecret: config.SLACK_CLIENT_SECRET,
    stateSecret: config.SLACK_STATE_SECRET,
    installations,
    ...(config.SLACK_REDIRECT_URI ? { redirectUri: config.SLACK_REDIRECT_URI } : {}),
  };
}

/** What starting Slack needs besides the configuration and the runtime. */
export interface SlackServices {
  readonly store: Store;
  readonly subscriptions?: Subscriptions;
  readonly claims?: EventClaims;
}

/** Starts the Slack adapter the configuration describes: one workspace's token, or Add to Slack with the store's installations. */
export async function startSlack(config: Config, runtime: Runtime, services: SlackServices): Promise<{ running: RunningAdapter; installations: SlackInstallations | undefined }> {
  const logger = runtime.logger.child({ adapter: "slack" });
  const installations = slackInstalls(config) ? new SlackInstallations(services.store, logger) : undefined;
  const oauth = installations ? slackOAuth(config, installations) : undefined;
  const adapter = new SlackAdapter({
    ...(oauth ? { oauth } : { botToken: config.SLACK_BOT_TOKEN ?? "" }),
    mode: slackMode(config),
    answer: (m) => runtime.answer(m),
    command: (name, values, m) => runtime.command(name, values, m),
    knowledge: () => runtime.knowledge(),
    registry: runtime.robot.registry,
    logger,
    onUninstall: async (workspace, why) => void (await (installations ? installations.forget(workspace, why) : forgetWorkspace(services.store, workspace, logger, why))),
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    ...(services.subscriptions ? { subscriptions: services.subscriptions } : {}),
    ...(services.claims ? { claims: services.claims } : {}),
  });
  await adapter.start();
  runtime.logger.info({ platform: "slack", mode: slackMode(config).kind, install: oauth ? "add-to-slack" : "one workspace" }, "slack started");
  return { running: asRunning("slack", adapter), installations };
}
