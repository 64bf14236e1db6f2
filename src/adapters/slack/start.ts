import { asRunning, type Runtime, type RunningAdapter } from "../../app.js";
import type { Config } from "../../config.js";
import type { Subscriptions } from "../../announce/subscriptions.js";
import { SlackAdapter, type SlackMode } from "./adapter.js";
import type { EventClaims } from "../../shared/claims.js";

/** Socket Mode when an app token is set, else HTTP mode on SLACK_PORT with the signing secret. */
export function slackMode(config: Config): SlackMode {
  if (config.SLACK_APP_TOKEN) return { kind: "socket", appToken: config.SLACK_APP_TOKEN };
  return { kind: "http", signingSecret: config.SLACK_SIGNING_SECRET ?? "", port: config.SLACK_PORT };
}

/** Starts the Slack adapter the configuration describes. */
export async function startSlack(config: Config, runtime: Runtime, subscriptions?: Subscriptions, claims?: EventClaims): Promise<RunningAdapter> {
  const adapter = new SlackAdapter({
    botToken: config.SLACK_BOT_TOKEN ?? "",
    mode: slackMode(config),
    answer: (m) => runtime.answer(m),
    command: (name, values, m) => runtime.command(name, values, m),
    knowledge: () => runtime.knowledge(),
    registry: runtime.robot.registry,
    logger: runtime.logger.child({ adapter: "slack" }),
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    ...(subscriptions ? { subscriptions } : {}),
    ...(claims ? { claims } : {}),
  });
  await adapter.start();
  runtime.logger.info({ platform: "slack", mode: slackMode(config).kind }, "slack started");
  return asRunning("slack", adapter);
}
