import { execFile } from "node:child_process";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCommand, type Io } from "../../../src/adapters/cli/command.js";
import { cliLanguage } from "../../../src/adapters/cli/language.js";
import { CORE_MESSAGES } from "../../../src/core/messages.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import { formatDate } from "../../../src/core/format.js";
import { ADAPTER_MESSAGES } from "../../../src/messages/adapters.js";
import { inLanguage } from "../../../src/messages/lang.js";

const ROOT = new URL("../../../", import.meta.url).pathname;
const FR = ADAPTER_MESSAGES.fr;
const knowledge = Knowledge.load();

// No terminal locale and no EE_BOT_LANG unless a test gives them: what the machine running the tests says must not count.
function io(input = "", env: NodeJS.ProcessEnv = {}): Io & { out: () => string; err: () => string } {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d: Buffer) => (out += d.toString()));
  stderr.on("data", (d: Buffer) => (err += d.toString()));
  stdin.end(input);
  return { stdin, stdout, stderr, isTty: false, env, out: () => out, err: () => err };
}

const frenchBanner = (): string => {
  const latest = knowledge.latestDraw();
  return inLanguage("fr", () => FR.cli.banner(latest ? { round: latest.round, date: formatDate(latest.date) } : null));
};

describe("the ee-bot command in French", () => {
  it("ask --lang fr answers a question that says nothing of its language in French, and without it in English", async () => {
    const french = io();
    expect(await runCommand(["ask", "--lang", "fr", "21231"], french)).toBe(0);
    expect(french.out()).toMatch(/\nSources : /);
    const json = io();
    expect(await runCommand(["ask", "--json", "--lang=fr", "21231"], json)).toBe(0);
    expect(JSON.parse(json.out())).toMatchObject({ question: "21231", intent: "occupation", lang: "fr" });
    const english = io();
    expect(await runCommand(["ask", "--json", "21231"], english)).toBe(0);
    expect(JSON.parse(english.out())).toMatchObject({ intent: "occupation", lang: "en" });
  });

  it("ask --lang en answers a French question in English", async () => {
    const s = io();
    expect(await runCommand(["ask", "--json", "--lang", "en", "combien d'invitations au tirage 254 ?"], s)).toBe(0);
    const obj = JSON.parse(s.out());
    expect(obj).toMatchObject({ intent: "round", lang: "en", asOf: "2023-07-05" });
    expect(obj.answer).toContain("July 5, 2023");
  });

  it("takes EE_BOT_LANG when --lang is not given, and the terminal's locale only as a hint", async () => {
    const chosen = io("", { EE_BOT_LANG: "fr" });
    expect(await runCommand(["ask", "--json", "21231"], chosen)).toBe(0);
    expect(JSON.parse(chosen.out()).lang).toBe("fr");
    const hinted = io("", { LANG: "fr_CA.UTF-8" });
    expect(await runCommand(["ask", "--json", "is 21231 STEM?"], hinted)).toBe(0);
    expect(JSON.parse(hinted.out()).lang).toBe("en");
    expect(cliLanguage(undefined, { LC_ALL: "fr_CA.UTF-8", LANG: "en_US.UTF-8" })).toEqual({ ok: true, value: { locale: "fr_CA.UTF-8" } });
  });

  it("refuses a language it does not speak with exit code 2, and says what is wrong in French when asked in French", async () => {
    const s = io();
    expect(await runCommand(["ask", "--lang", "de", "21231"], s)).toBe(2);
    expect(s.err()).toMatch(/^ee-bot: --lang must be fr or en, not "de"/);
    const empty = io();
    expect(await runCommand(["ask", "--lang", "fr", "  "], empty)).toBe(2);
    expect(empty.err()).toBe(`ee-bot: ${FR.cli.askNeedsQuestion}\n`);
  });

  it("crs --lang fr works out the score in French", async () => {
    const s = io();
    const code = await runCommand(["crs", "--lang", "fr", "--age", "29", "--marital", "single", "--education", "masters", "--ielts", "8,7,7,7", "--json"], s);
    expect(code).toBe(0);
    expect(JSON.parse(s.out())).toMatchObject({ intent: "crs", lang: "fr" });
    const bad = io();
    expect(await runCommand(["crs", "--age", "29", "--lang"], bad)).toBe(2);
    expect(bad.err()).toMatch(/--lang/);
  });

  it("chat --lang fr opens in French and answers in French until the user asks for English", async () => {
    const s = io("21231\nanswer in English\n21232\nquitter\n21233\n");
    expect(await runCommand(["chat", "--lang", "fr"], s)).toBe(0);
    const out = s.out();
    expect(out.startsWith(`${frenchBanner()}\n`)).toBe(true);
    const answers = out.split("\n\n");
    expect(answers[0]).toMatch(/\nSources : /);
    expect(out).toContain(CORE_MESSAGES.en.languageSet);
    expect(answers.at(-2)).toMatch(/\nSources: /);
    expect(out).not.toMatch(/21233/);
  });

  it("npm start's chat takes its language from EE_BOT_LANG", async () => {
    const child = execFile("node", [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "src/main.ts")], { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: "", SLACK_BOT_TOKEN: "", EE_BOT_LANG: "fr" } });
    let out = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    child.stdin?.end("21231\nquitter\n");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(out.startsWith(`${frenchBanner()}\n`)).toBe(true);
    expect(out).toMatch(/\nSources : /);
  });
});
