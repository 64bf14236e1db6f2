import { Knowledge } from "./core/knowledge.js";
import { Router } from "./core/router.js";
import type { Message, Reply } from "./core/types.js";
import type { Config } from "./config.js";
import type { Logger } from "./log.js";

/** A running platform adapter as the app sees it. */
export interface RunningAdapter {
  readonly name: string;
  readonly state: string;
  stop(): Promise<void>;
}

/** The platform-free part of a running bot: knowledge, router, and how messages are answered. */
export class Runtime {
  private current: Knowledge;
  readonly router: Router;

  constructor(
    knowledge: Knowledge,
    readonly logger: Logger,
  ) {
    this.current = knowledge;
    this.router = new Router(() => this.current, {
      onError: (error, message) => logger.error({ err: error, platform: message.platform }, "answer failed"),
    });
  }

  /** Loads the knowledge base a configuration names. */
  static load(config: Config, logger: Logger): Runtime {
    return new Runtime(Knowledge.load({ kb: config.EE_BOT_KB, noc: config.EE_BOT_NOC }), logger);
  }

  /** The knowledge base in use now. */
  knowledge(): Knowledge {
    return this.current;
  }

  /** Answers a message. */
  answer(message: Message): Reply | undefined {
    return this.router.handle(message);
  }
}
