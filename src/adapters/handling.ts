import { errorReply } from "../core/reply.js";
import type { Message, Platform, Reply } from "../core/types.js";
import type { Logger } from "../log.js";
import type { OptionValues } from "../skills/types.js";

/** Answers a message; undefined means "drop quietly". The runtime's answer is asynchronous (shared state), a test's may not be. */
export type AnswerFn = (message: Message) => Reply | undefined | Promise<Reply | undefined>;
/** Runs a skill's slash command with its options; undefined means "drop quietly". */
export type CommandFn = (name: string, values: OptionValues, message: Omit<Message, "text">) => Reply | undefined | Promise<Reply | undefined>;

/** What every adapter does around a handler: count replies in flight, isolate failures, answer politely when one fails. */
export class Handling {
  private inFlight = 0;

  constructor(
    private readonly platform: Platform,
    private readonly logger: Logger,
    private readonly answerFn: AnswerFn,
    private readonly onError?: (error: unknown) => void,
    private readonly commandFn?: CommandFn,
  ) {}

  /** Replies being worked on now. */
  get pending(): number {
    return this.inFlight;
  }

  /** Runs one handler; its failure is logged and never reaches the platform library. */
  async guard(work: () => Promise<void>): Promise<void> {
    this.inFlight += 1;
    try {
      await work();
    } catch (error) {
      this.logger.error({ platform: this.platform, err: error }, `${this.platform} handler failed`);
      this.onError?.(error);
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Answers a message; a failing answer still gets the user a polite reply, and the error goes to the log. */
  async answer(message: Message): Promise<Reply | undefined> {
    try {
      return await this.answerFn(message);
    } catch (error) {
      this.logger.error({ platform: this.platform, err: error }, "answer failed");
      this.onError?.(error);
      return errorReply();
    }
  }

  /** Runs a slash command; a failing one still gets the user a polite reply, and the error goes to the log. */
  async command(name: string, values: OptionValues, message: Omit<Message, "text">): Promise<Reply | undefined> {
    try {
      if (!this.commandFn) throw new Error("this adapter was built without slash commands");
      return await this.commandFn(name, values, message);
    } catch (error) {
      this.logger.error({ platform: this.platform, err: error }, "command failed");
      this.onError?.(error);
      return errorReply();
    }
  }

  /** Logs a sent reply at debug level (the runtime logs each answer at info). */
  sent(reply: Reply, started: number, via: string): void {
    this.logger.debug({ platform: this.platform, via, intent: reply.intent, ms: Math.round((performance.now() - started) * 100) / 100 }, "reply sent");
  }
}
