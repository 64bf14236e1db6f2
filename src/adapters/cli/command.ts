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
import { adapterMessages } from "../../messages/adapters.js";
import { inLanguage, langOfLocale, type Lang } from "../../messages/lang.js";
import { runChat } from "./chat.js";
import { cliLanguage, type CliLanguage } from "./language.js";

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
  --lang fr|en                       answer in French or English (default: the question's language; EE_BOT_LANG sets it too)
  --kb PATH                          use another kb.json
  --noc PATH                         use another NOC reference file
  --vocabulary PATH                  use another vocabulary file`;

/** Standard streams the command uses, replaceable in tests. */
export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly isTty: boolean;
  /** Where EE_BOT_LANG and the terminal's locale are read (LC_ALL, LC_MESSAGES, LANG); the process's by default. */
  readonly env?: NodeJS.ProcessEnv;
}

// The language the terminal's own lines (errors before any answer) are written in.
function ownLang(language: CliLanguage): Lang {
  return language.lang ?? langOfLocale(language.locale) ?? "en";
}

const OPTIONS = {
  json: { type: "boolean" },
  jsonl: { type: "boolean" },
  kb: { type: "string" },
  noc: { type: "string" },
  vocabulary: { type: "string" },
  help: { type: "boolean", short: "h" },
  out: { type: "string" },
  lang: { type: "string" },
} as const;

type Parsed = { command: string; words: string[]; json: boolean; jsonl: boolean; kb: string; noc: string; vocabulary: string; out: string; language: CliLanguage };

function parse(argv: readonly string[], env: NodeJS.ProcessEnv): Parsed | { error: string } {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    const [command = values.help ? "help" : "", ...words] = positionals;
    const language = cliLanguage(values.lang, env);
    if (!language.ok) return { error: language.error };
    return {
      language: language.value,
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
    lang: reply.lang,
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

async function askLines(robot: Robot, io: Io, language: CliLanguage): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    const reply = robot.handle({ text: line, user: "cli", conversation: "jsonl", platform: "cli", ...language });
    io.stdout.write(`${JSON.stringify(toJson(line, reply))}\n`);
  }
  return EXIT.ok;
}

/** Runs the ee-bot command with its arguments; resolves to the exit code. */
export async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  // `ee-bot crs` has flags of its own, one for each factor of the grid.
  if (argv[0] === "crs") return runCrs(argv.slice(1), io);
  const p = parse(argv, io.env ?? process.env);
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
  const t = inLanguage(ownLang(p.language), () => adapterMessages().cli);
  if (p.command === "chart" && p.words.join(" ").trim() === "") {
    io.stderr.write(`ee-bot: ${t.chartNeedsWhat}\n`);
    return EXIT.usage;
  }
  if (p.command === "ask" && !p.jsonl && p.words.join(" ").trim() === "") {
    io.stderr.write(`ee-bot: ${t.askNeedsQuestion}\n`);
    return EXIT.usage;
  }
  const knowledge = load(p, io);
  if (!knowledge) return EXIT.knowledge;
  const robot = new Robot(() => knowledge);
  if (p.command === "chat") return runChat(robot, knowledge, io, undefined, p.language);
  if (p.command === "chart") return chart(robot, p, io);
  if (p.jsonl) return askLines(robot, io, p.language);
  const question = p.words.join(" ");
  const reply = robot.handle({ text: question, user: "cli", conversation: "ask", platform: "cli", ...p.language });
  io.stdout.write(p.json ? `${JSON.stringify(toJson(question, reply))}\n` : `${renderPlain(reply)}\n`);
  return EXIT.ok;
}

async function chart(robot: Robot, p: Parsed, io: Io): Promise<number> {
  const what = p.words.join(" ");
  // The words name what to draw; "chart of" makes them a chart question whatever they say.
  const reply = robot.handle({ text: `chart of ${what}`, user: "cli", conversation: "chart", platform: "cli", ...p.language });
  if (!reply.chart) {
    io.stderr.write(`ee-bot: ${renderPlain(reply)}\n`);
    return EXIT.unanswered;
  }
  const t = inLanguage(reply.lang, () => adapterMessages().cli);
  const full = await withImages(reply);
  const image = full.images[0];
  if (!image) {
    io.stderr.write(`ee-bot: ${t.chartFailed}\n`);
    return EXIT.unanswered;
  }
  writeFileSync(p.out, image.png);
  io.stdout.write(p.json ? `${JSON.stringify({ ...toJson(what, full), file: p.out, width: image.width, height: image.height, alt: image.alt })}\n` : `${renderPlain(full)}\n${t.chartWrittenSized(p.out, image.width, image.height)}\n`);
  return EXIT.ok;
}

// `--lang` among the factors of `ee-bot crs`: read with parseArgs's tokens and taken out, so that the factors' own
// parser sees only its flags.
function crsLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): { ok: true; rest: string[]; value: CliLanguage } | { ok: false; error: string } {
  let flag: string | undefined;
  const drop = new Set<number>();
  try {
    const { tokens } = parseArgs({ args: [...argv], options: { lang: { type: "string" } }, strict: false, allowPositionals: true, tokens: true });
    for (const token of tokens) {
      if (token.kind !== "option" || token.name !== "lang") continue;
      if (token.value === undefined) return { ok: false, error: "--lang needs fr or en" };
      flag = token.value;
      drop.add(token.index);
      if (!token.inlineValue) drop.add(token.index + 1);
    }
  } catch (e) {
    return { ok: false, error: (e as Error).message.split("\n")[0] ?? "bad arguments" };
  }
  const language = cliLanguage(flag, env);
  if (!language.ok) return language;
  return { ok: true, rest: argv.filter((_, i) => !drop.has(i)), value: language.value };
}

async function runCrs(argv: readonly string[], io: Io): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(`${CRS_USAGE}\n`);
    return EXIT.ok;
  }
  const language = crsLanguage(argv, io.env ?? process.env);
  if (!language.ok) {
    io.stderr.write(`ee-bot crs: ${language.error}\n`);
    return EXIT.usage;
  }
  const args = parseCrsArgs(language.rest);
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
  const reply = robot.answerWith("crs", { mode: "calculate", profile: args.profile, readings: [], whatIf: false, ...(args.date ? { date: args.date } : {}) }, { user: "cli", conversation: "crs", platform: "cli", ...language.value });
  io.stdout.write(args.json ? `${JSON.stringify(toJson("crs", reply))}\n` : `${renderPlain(reply)}\n`);
  return reply.userError || reply.fields.length === 0 ? EXIT.unanswered : EXIT.ok;
}

const CRS_USAGE = `usage: ee-bot crs [factors] [--date YYYY-MM-DD] [--json] [--lang fr|en]
  --age N  --marital single|married  --education KEY (masters, bachelor, two_year, phd, ...)
  first language: --clb N | --ielts L,R,W,S (listening, reading, writing, speaking) | --celpip ... | --pte ... | --tcf ... | --nclc N | --reading N --writing N ...
  --second-clb N | --second-TEST ...   --canadian-years N  --foreign-years N
  --spouse-coming  --spouse-canadian  --spouse-education KEY  --spouse-clb N  --spouse-canadian-years N
  --pnp  --sibling  --certificate  --canadian-education 1-2|3+  --job-offer  --job-offer-senior`;
