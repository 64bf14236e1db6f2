import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCommand, type Io } from "../../../src/adapters/cli/command.js";
import { knowledgeWith } from "../../helpers/kb.js";

const exec = promisify(execFile);
const ROOT = new URL("../../../", import.meta.url).pathname;

function io(input = ""): Io & { out: () => string; err: () => string } {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d: Buffer) => (out += d.toString()));
  stderr.on("data", (d: Buffer) => (err += d.toString()));
  stdin.end(input);
  return { stdin, stdout, stderr, isTty: false, out: () => out, err: () => err };
}

describe("the ee-bot command", () => {
  it("ask prints the answer as plain text with its sources", async () => {
    const s = io();
    expect(await runCommand(["ask", "is 21231 STEM?"], s)).toBe(0);
    expect(s.out()).toMatch(/^No\. 21231 Software engineers and designers \(TEER 1\) is not on the STEM list/);
    expect(s.out()).toMatch(/\nSources: .*IRCC invited the first STEM candidates/);
  });

  it("ask --json prints one object with question, intent, answer and sources", async () => {
    const s = io();
    expect(await runCommand(["ask", "--json", "draw", "253"], s)).toBe(0);
    const obj = JSON.parse(s.out());
    expect(obj).toMatchObject({ question: "draw 253", intent: "round", asOf: "2023-07-04" });
    expect(obj.answer).toMatch(/\b[Rr]ound 253 \(July 4, 2023, all-program\).*lowest CRS score invited 511/);
    expect(obj.fields).toContainEqual({ name: "CRS cut-off", value: "511" });
    expect(obj.sources).toEqual([
      { id: "004_bbc363bcdfda4cdf.txt", title: "IRCC Conducts its First STEM Occupations Draw", publisher: "Immiboards", date: null, url: null, kind: "article" },
      {
        id: "ircc/ee_rounds_123_en.json",
        title: "Express Entry: rounds of invitations",
        publisher: "Immigration, Refugees and Citizenship Canada",
        date: null,
        url: "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json",
        kind: "official",
      },
    ]);
  });

  it("ask --jsonl answers one line at a time, in order, keeping the conversation", async () => {
    const s = io("is 21231 STEM?\nand 21232?\n\nlast cut-off\n");
    expect(await runCommand(["ask", "--jsonl"], s)).toBe(0);
    const lines = s.out().trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(["is 21231 STEM?", "and 21232?", "last cut-off"]);
    expect(lines[1]).toMatchObject({ intent: "occupation" });
    expect(lines[1].answer).toMatch(/^No\. 21232 Software developers and programmers/);
    expect(lines[2].intent).toBe("round");
    expect(lines[2].answer).toMatch(/^368: the lowest CRS score invited in round 430 /);
  });

  it("refuses an empty question, an unknown option and an unknown command with exit code 2", async () => {
    const empty = io();
    expect(await runCommand(["ask", "   "], empty)).toBe(2);
    expect(empty.err()).toMatch(/ask needs a question/);
    const flag = io();
    expect(await runCommand(["ask", "--loud", "x"], flag)).toBe(2);
    expect(flag.err()).toMatch(/^ee-bot: Unknown option '--loud'/);
    expect(flag.err()).toMatch(/\nusage:\n/);
    const cmd = io();
    expect(await runCommand(["dance"], cmd)).toBe(2);
    expect(cmd.err()).toMatch(/unknown command dance/);
  });

  it("says clearly when the knowledge base is missing or broken, with exit code 1", async () => {
    const paths = knowledgeWith([]);
    const missing = io();
    expect(await runCommand(["ask", "--kb", paths.kb, "hi"], missing)).toBe(1);
    expect(missing.err()).toMatch(/does not exist \(run npm run kb:build\)/);
    writeFileSync(paths.kb, JSON.stringify({ schemaVersion: 2, draws: "none" }));
    const broken = io();
    expect(await runCommand(["ask", "--kb", paths.kb, "hi"], broken)).toBe(1);
    expect(broken.err()).toMatch(/^ee-bot: .*kb\.json: /);
    expect(broken.err()).not.toMatch(/\n\s+at /);
  });

  it("chat answers each line in one conversation until quit", async () => {
    const s = io("hi\nis 21231 stem\nand 21232\nquit\nis 99999 stem\n");
    expect(await runCommand(["chat"], s)).toBe(0);
    expect(s.out()).toMatch(/^ee-bot: ask me about Express Entry/);
    expect(s.out()).toMatch(/\nNo\. 21231 Software engineers and designers/);
    expect(s.out()).toMatch(/\nNo\. 21232 Software developers and programmers/);
    expect(s.out()).not.toMatch(/99999/);
  });

  it("the published bin runs the compiled command", async () => {
    const { stdout } = await exec("node", [join(ROOT, "bin/ee-bot.cjs"), "ask", "--json", "what was the last cut-off?"]);
    expect(JSON.parse(stdout)).toMatchObject({ intent: "round", asOf: "2026-07-23" });
    expect(JSON.parse(stdout).answer).toMatch(/^368: the lowest CRS score invited in round 430 /);
  });

  it("npm start with no platform configured opens the terminal chat", async () => {
    const child = execFile("node", [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "src/main.ts")], { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: "", SLACK_BOT_TOKEN: "" } });
    let out = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    child.stdin?.end("latest draw\nquit\n");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/^ee-bot: ask me about Express Entry/);
    expect(out).toMatch(/\nThe latest round I know of is round 430 \(July 23, 2026/);
  });
});
