import { runChat } from "./adapters/cli/chat.js";
import { loadDotEnv, readConfig } from "./config.js";
import { Knowledge } from "./core/knowledge.js";
import { Router } from "./core/router.js";
import { isEeBotError } from "./errors.js";

/** Starts ee-bot: the platform adapters that are configured, or the terminal chat when none is. */
async function main(): Promise<number> {
  try {
    loadDotEnv();
  } catch (e) {
    process.stderr.write(`ee-bot: cannot read .env: ${(e as Error).message}\n`);
    return 2;
  }
  const result = readConfig(process.env);
  if (!result.ok) {
    for (const p of result.problems) process.stderr.write(`ee-bot: configuration: ${p}\n`);
    return 2;
  }
  let knowledge: Knowledge;
  try {
    knowledge = Knowledge.load({ kb: result.config.EE_BOT_KB, noc: result.config.EE_BOT_NOC });
  } catch (e) {
    process.stderr.write(`ee-bot: ${isEeBotError(e) ? e.message : String(e)}\n`);
    return 1;
  }
  const router = new Router(() => knowledge);
  return runChat(router, knowledge, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    isTty: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  });
}

process.exitCode = await main();
