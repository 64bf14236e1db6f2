import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { withImages } from "../../charts/attach.js";
import type { Reply } from "../../core/types.js";
import { formatDate, renderPlain } from "../../core/format.js";
import type { Knowledge } from "../../core/knowledge.js";
import type { Robot } from "../../skills/robot.js";
import type { Io } from "./command.js";

const QUIT = /^(?:quit|exit|bye|:q|\/quit|\/exit)$/i;
const HISTORY_SIZE = 200;

/** The line the chat opens with: what the bot is and how far its knowledge goes. */
export function banner(knowledge: Knowledge): string {
  const latest = knowledge.latestDraw();
  const until = latest ? ` Latest round I know of: ${latest.round}, ${formatDate(latest.date)}.` : "";
  return `ee-bot: ask me about Express Entry rounds, cut-offs, category lists, occupations and CRS points.${until} Type help for examples, quit to leave.`;
}

// A chart is drawn to a PNG file in the chart folder; the line says where (the text already has the numbers).
async function chartFile(reply: Reply, dir: string): Promise<string> {
  if (!reply.chart) return "";
  const image = (await withImages(reply)).images[0];
  if (!image) return "(The chart could not be drawn; the numbers are above.)\n";
  mkdirSync(dir, { recursive: true });
  const file = join(dir, image.name);
  writeFileSync(file, image.png);
  return `Chart written to ${file}\n`;
}

/** Runs the terminal chat until quit or end of input; one conversation, so follow-ups work; charts go to `chartDir`. */
export async function runChat(robot: Pick<Robot, "handle">, knowledge: Knowledge, io: Io, chartDir = join(process.env.DATA_DIR ?? "data", "charts")): Promise<number> {
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
      const reply = robot.handle({ text, user: "cli", conversation, platform: "cli" });
      io.stdout.write(`${io.isTty ? "\n" : ""}${renderPlain(reply)}\n${await chartFile(reply, chartDir)}\n`);
    }
    if (io.isTty) rl.prompt();
  }
  rl.close();
  return 0;
}
