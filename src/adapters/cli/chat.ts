import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { withImages } from "../../charts/attach.js";
import type { Reply } from "../../core/types.js";
import { formatDate, renderPlain } from "../../core/format.js";
import type { Knowledge } from "../../core/knowledge.js";
import { adapterMessages } from "../../messages/adapters.js";
import { inLanguage, langOfLocale } from "../../messages/lang.js";
import type { Robot } from "../../skills/robot.js";
import type { Io } from "./command.js";
import { languageFromEnv, type CliLanguage } from "./language.js";

const QUIT = /^(?:quit|exit|bye|quitter|sortir|:q|\/quit|\/exit)$/i;
const HISTORY_SIZE = 200;

/** The line the chat opens with: what the bot is and how far its knowledge goes, in the language being written in. */
export function banner(knowledge: Knowledge): string {
  const latest = knowledge.latestDraw();
  return adapterMessages().cli.banner(latest ? { round: latest.round, date: formatDate(latest.date) } : null);
}

// A chart is drawn to a PNG file in the chart folder; the line says where (the text already has the numbers).
async function chartFile(reply: Reply, dir: string): Promise<string> {
  if (!reply.chart) return "";
  const t = inLanguage(reply.lang, () => adapterMessages().cli);
  const image = (await withImages(reply)).images[0];
  if (!image) return `${t.chartNotDrawn}\n`;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, image.name);
  writeFileSync(file, image.png);
  return `${t.chartWritten(file)}\n`;
}

/**
 * Runs the terminal chat until quit or end of input; one conversation, so follow-ups work; charts go to `chartDir`.
 * A language given (`--lang`, EE_BOT_LANG) holds for every answer until the user asks for another in the chat.
 */
export async function runChat(
  robot: Pick<Robot, "handle">,
  knowledge: Knowledge,
  io: Io,
  chartDir = join(process.env.DATA_DIR ?? "data", "charts"),
  language: CliLanguage = languageFromEnv(io.env ?? process.env),
): Promise<number> {
  const own = language.lang ?? langOfLocale(language.locale) ?? "en";
  const rl = createInterface({
    input: io.stdin,
    output: io.isTty ? io.stdout : undefined,
    terminal: io.isTty,
    historySize: HISTORY_SIZE,
    prompt: inLanguage(own, () => adapterMessages().cli.prompt),
  });
  io.stdout.write(`${inLanguage(own, () => banner(knowledge))}\n`);
  const conversation = `chat-${process.pid}`;
  let chosen = language;
  if (io.isTty) rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (QUIT.test(text)) break;
    if (text !== "") {
      const reply = robot.handle({ text, user: "cli", conversation, platform: "cli", ...chosen });
      // "answer in English" in the chat is the user's new choice: the conversation keeps it from now on.
      if (reply.intent === "language") chosen = chosen.locale ? { locale: chosen.locale } : {};
      io.stdout.write(`${io.isTty ? "\n" : ""}${renderPlain(reply)}\n${await chartFile(reply, chartDir)}\n`);
    }
    if (io.isTty) rl.prompt();
  }
  rl.close();
  return 0;
}
