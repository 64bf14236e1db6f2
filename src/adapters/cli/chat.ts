import { createInterface } from "node:readline";
import { formatDate, renderPlain } from "../../core/format.js";
import type { Knowledge } from "../../core/knowledge.js";
import type { Router } from "../../core/router.js";
import type { Io } from "./command.js";

const QUIT = /^(?:quit|exit|bye|:q|\/quit|\/exit)$/i;
const HISTORY_SIZE = 200;

/** The line the chat opens with: what the bot is and how far its knowledge goes. */
export function banner(knowledge: Knowledge): string {
  const latest = knowledge.latestDraw();
  const until = latest ? ` Latest draw I know of: round ${latest.round}, ${formatDate(latest.date)}.` : "";
  return `ee-bot: ask me about Express Entry draws, cut-offs and occupations.${until} Type help for examples, quit to leave.`;
}

/** Runs the terminal chat until quit or end of input; one conversation, so follow-ups work. */
export async function runChat(router: Router, knowledge: Knowledge, io: Io): Promise<number> {
  const rl = createInterface({
    input: io.stdin,
    output: io.isTty ? io.stdout : undefined,
    terminal: io.isTty,
    historySize: HISTORY_SIZE,
    prompt: "you> ",
  });
  io.stdout.write(`${banner(knowledge)}\n`);
  const conversation = `chat-${process.pid}`;
  if (io.isTty) rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (QUIT.test(text)) break;
    if (text !== "") {
      const reply = router.handle({ text, user: "cli", conversation, platform: "cli" });
      io.stdout.write(`${io.isTty ? "\n" : ""}${renderPlain(reply)}\n\n`);
    }
    if (io.isTty) rl.prompt();
  }
  rl.close();
  return 0;
}
