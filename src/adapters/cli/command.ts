import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { isEeBotError } from "../../errors.js";
import { renderPlain } from "../../core/format.js";
import { Knowledge } from "../../core/knowledge.js";
import { Router } from "../../core/router.js";
import type { Reply } from "../../core/types.js";
import { DEFAULT_PATHS } from "../../kb/paths.js";
import { runChat } from "./chat.js";

/** Exit codes of the ee-bot command. */
export const EXIT = { ok: 0, knowledge: 1, usage: 2 } as const;

const USAGE = `usage:
  ee-bot ask [--json] "question"     answer one question
  ee-bot ask --jsonl                 answer one question per line of standard input, one JSON object per line
  ee-bot chat                        chat in the terminal (help, quit)
  ee-bot help                        this text
options:
  --kb PATH                          use another kb.json
  --noc PATH                         use another NOC reference file`;

/** Standard streams the command uses, replaceable in tests. */
export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly isTty: boolean;
}

interface Parsed {
  command: string;
  json: boolean;
  jsonl: boolean;
  kb: string;
  noc: string;
  words: string[];
}

function parse(argv: readonly string[]): Parsed | { error: string } {
  const out: Parsed = { command: "", json: false, jsonl: false, kb: DEFAULT_PATHS.kb, noc: DEFAULT_PATHS.noc, words: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] ?? "";
    if (a === "--json") out.json = true;
    else if (a === "--jsonl") out.jsonl = true;
    else if (a === "--kb" || a === "--noc") {
      const value = argv[i + 1];
      if (!value || value.startsWith("--")) return { error: `${a} needs a path` };
      if (a === "--kb") out.kb = value;
      else out.noc = value;
      i += 1;
    } else if (a === "--help" || a === "-h") out.command = "help";
    else if (a === "--") out.words.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith("-") && a.length > 1) return { error: `unknown option ${a}` };
    else if (!out.command) out.command = a;
    else out.words.push(a);
  }
  return out;
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
    return Knowledge.load({ kb: p.kb, noc: p.noc });
  } catch (e) {
    io.stderr.write(`ee-bot: ${isEeBotError(e) ? e.message : String(e)}\n`);
    return null;
  }
}

async function askLines(router: Router, io: Io): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === "") continue;
    const reply = router.handle({ text: line, user: "cli", conversation: "jsonl", platform: "cli" });
    io.stdout.write(`${JSON.stringify(toJson(line, reply))}\n`);
  }
  return EXIT.ok;
}

/** Runs the ee-bot command with its arguments; resolves to the exit code. */
export async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const p = parse(argv);
  if ("error" in p) {
    io.stderr.write(`ee-bot: ${p.error}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (p.command === "help" || p.command === "") {
    (p.command === "" ? io.stderr : io.stdout).write(`${USAGE}\n`);
    return p.command === "" ? EXIT.usage : EXIT.ok;
  }
  if (p.command !== "ask" && p.command !== "chat") {
    io.stderr.write(`ee-bot: unknown command ${p.command}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (p.command === "ask" && !p.jsonl && p.words.join(" ").trim() === "") {
    io.stderr.write(`ee-bot: ask needs a question, for example: ee-bot ask "is 21231 STEM?"\n`);
    return EXIT.usage;
  }
  const knowledge = load(p, io);
  if (!knowledge) return EXIT.knowledge;
  const router = new Router(() => knowledge);
  if (p.command === "chat") return runChat(router, knowledge, io);
  if (p.jsonl) return askLines(router, io);
  const question = p.words.join(" ");
  const reply = router.handle({ text: question, user: "cli", conversation: "ask", platform: "cli" });
  io.stdout.write(p.json ? `${JSON.stringify(toJson(question, reply))}\n` : `${renderPlain(reply)}\n`);
  return EXIT.ok;
}
