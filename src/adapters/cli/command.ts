import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { isEeBotError } from "../../errors.js";
import { renderPlain } from "../../core/format.js";
import { Knowledge } from "../../core/knowledge.js";
import type { Reply } from "../../core/types.js";
import { DEFAULT_PATHS } from "../../kb/paths.js";
import { VOCABULARY_FILE } from "../../kb/vocabulary.js";
import { Robot } from "../../skills/robot.js";
import { writeFileSync } from "node:fs";
import { withImages } from "../../charts/attach.js";
import { parseCrsArgs } from "../../crs/args.js";
import { runChat } from "./chat.js";

/** Exit codes of the ee-bot command: 3 when a chart or a score could not be made from what was given. */
export const EXIT = { ok: 0, knowledge: 1, usage: 2, unanswered: 3 } as const;

const USAGE = `usage:
  ee-bot ask [--json] "question"     answer one question
  ee-bot ask --jsonl                 answer one question per line of standard input, one JSON object per line
  ee-bot chat                        chat in the terminal (help, quit)
  ee-bot chart [--out FILE] "CEC 2026"  draw a chart (PNG, default ./chart.png) and print its numbers
  ee-bot crs --age 29 --marital single --education masters --ielts 8,7,7,7 [...] [--json]
                                     work out a CRS score (ee-bot crs --help lists every factor)
  ee-bot help                        this text
options:
  --kb PATH                          use another kb.json
  --noc PATH                         use another NOC reference file
  --vocabulary PATH                  use another vocabulary file`;

/** Standard streams the command uses, replaceable in tests. */
export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly isTty: boolean;
}

const OPTIONS = {
  json: { type: "boolean" },
  jsonl: { type: "boolean" },
  kb: { type: "string" },
  noc: { type: "string" },
  vocabulary: { type: "string" },
  help: { type: "boolean", short: "h" },
  out: { type: "string" },
} as const;

type Parsed = { command: string; words: string[]; json: boolean; jsonl: boolean; kb: string; noc: string; vocabulary: string; out: string };

function parse(argv: readonly string[]): Parsed | { error: string } {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    const [command = values.help ? "help" : "", ...words] = positionals;
    return {
      command: values.help ? "help" : command,
      words,
      json: values.json ?? false,
      jsonl: values.jsonl ?? false,
      kb: values.kb ?? DEFAULT_PATHS.kb,
      noc: values.noc ?? DEFAULT_PATHS.noc,
      vocabulary: values.vocabulary ?? VOCABULARY_FILE,
      out: values.out ?? "chart.png",
    };
  } catch (e) {
    // parseArgs says which option is unknown or lacks its value.
    return { error: (e as Error).message.split("\n")[0] ?? "bad arguments" };
  }
}

/** The JSON object `ask --json` and `--jsonl` print for one question. */
export function toJson(question: string, reply: Reply): Record<string, unknown> {
  return {
    question,
    intent: reply.intent,
    answer: renderPlain(reply),
    title: reply.title,
    fields: reply.fields,
    list: reply.list,
    asOf: reply.asOf,
    sources: reply.sources,
    suggestions: reply.suggestions,
  };
}

function load(p: Parsed, io: Io): Knowledge | null {
  try {
    return Knowledge.load({ kb: p.kb, noc: p.noc, vocabulary: p.vocabulary });
  } catch (e) {
    io.stderr.write(`ee-bot: ${isEeBotError(e) ? e.message : String(e)}\n`);
    return null;
  }
}

async function askLines(robot: Robot, io: Io): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    const reply = robot.handle({ text: line, user: "cli", conversation: "jsonl", platform: "cli" });
    io.stdout.write(`${JSON.stringify(toJson(line, reply))}\n`);
  }
  return EXIT.ok;
}

/** Runs the ee-bot command with its arguments; resolves to the exit code. */
export async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  // `ee-bot crs` has flags of its own, one for each factor of the grid.
  if (argv[0] === "crs") return runCrs(argv.slice(1), io);
  const p = parse(argv);
  if ("error" in p) {
    io.stderr.write(`ee-bot: ${p.error}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (p.command === "help" || p.command === "") {
    (p.command === "" ? io.stderr : io.stdout).write(`${USAGE}\n`);
    return p.command === "" ? EXIT.usage : EXIT.ok;
  }
  if (p.command !== "ask" && p.command !== "chat" && p.command !== "chart") {
    io.stderr.write(`ee-bot: unknown command ${p.command}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (p.command === "chart" && p.words.join(" ").trim() === "") {
    io.stderr.write(`ee-bot: chart needs what to draw, for example: ee-bot chart "CEC cut-offs 2026"\n`);
    return EXIT.usage;
  }
  if (p.command === "ask" && !p.jsonl && p.words.join(" ").trim() === "") {
    io.stderr.write(`ee-bot: ask needs a question, for example: ee-bot ask "is 21231 STEM?"\n`);
    return EXIT.usage;
  }
  const knowledge = load(p, io);
  if (!knowledge) return EXIT.knowledge;
  const robot = new Robot(() => knowledge);
  if (p.command === "chat") return runChat(robot, knowledge, io);
  if (p.command === "chart") return chart(robot, p, io);
  if (p.jsonl) return askLines(robot, io);
  const question = p.words.join(" ");
  const reply = robot.handle({ text: question, user: "cli", conversation: "ask", platform: "cli" });
  io.stdout.write(p.json ? `${JSON.stringify(toJson(question, reply))}\n` : `${renderPlain(reply)}\n`);
  return EXIT.ok;
}

async function chart(robot: Robot, p: Parsed, io: Io): Promise<number> {
  const what = p.words.join(" ");
  // The words name what to draw; "chart of" makes them a chart question whatever they say.
  const reply = robot.handle({ text: `chart of ${what}`, user: "cli", conversation: "chart", platform: "cli" });
  if (!reply.chart) {
    io.stderr.write(`ee-bot: ${renderPlain(reply)}\n`);
    return EXIT.unanswered;
  }
  const full = await withImages(reply);
  const image = full.images[0];
  if (!image) {
    io.stderr.write("ee-bot: the chart could not be drawn\n");
    return EXIT.unanswered;
  }
  writeFileSync(p.out, image.png);
  io.stdout.write(p.json ? `${JSON.stringify({ ...toJson(what, full), file: p.out, width: image.width, height: image.height, alt: image.alt })}\n` : `${renderPlain(full)}\nChart written to ${p.out} (${image.width}x${image.height} PNG).\n`);
  return EXIT.ok;
}

async function runCrs(argv: readonly string[], io: Io): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(`${CRS_USAGE}\n`);
    return EXIT.ok;
  }
  const args = parseCrsArgs(argv);
  if (!args.ok) {
    io.stderr.write(`ee-bot crs: ${args.error}\n`);
    return EXIT.usage;
  }
  let knowledge: Knowledge;
  try {
    knowledge = Knowledge.load();
  } catch (e) {
    io.stderr.write(`ee-bot: ${isEeBotError(e) ? e.message : String(e)}\n`);
    return EXIT.knowledge;
  }
  const robot = new Robot(() => knowledge);
  const reply = robot.answerWith("crs", { mode: "calculate", profile: args.profile, readings: [], whatIf: false, ...(args.date ? { date: args.date } : {}) }, { user: "cli", conversation: "crs", platform: "cli" });
  io.stdout.write(args.json ? `${JSON.stringify(toJson("crs", reply))}\n` : `${renderPlain(reply)}\n`);
  return reply.userError || reply.fields.length === 0 ? EXIT.unanswered : EXIT.ok;
}

const CRS_USAGE = `usage: ee-bot crs [factors] [--date YYYY-MM-DD] [--json]
  --age N  --marital single|married  --education KEY (masters, bachelor, two_year, phd, ...)
  first language: --clb N | --ielts L,R,W,S (listening, reading, writing, speaking) | --celpip ... | --pte ... | --tcf ... | --nclc N | --reading N --writing N ...
  --second-clb N | --second-TEST ...   --canadian-years N  --foreign-years N
  --spouse-coming  --spouse-canadian  --spouse-education KEY  --spouse-clb N  --spouse-canadian-years N
  --pnp  --sibling  --certificate  --canadian-education 1-2|3+  --job-offer  --job-offer-senior`;
