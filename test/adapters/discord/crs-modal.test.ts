import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../../src/adapters/discord/adapter.js";
import { CRS_MODAL_ID, CRS_MODAL_INPUTS, crsModal, readCrsModal, type CrsModalInput } from "../../../src/adapters/discord/crs-modal.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import type { Message, Reply } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log.js";
import { Robot } from "../../../src/skills/robot.js";
import type { OptionValues } from "../../../src/skills/types.js";
import { FAKE, FakeDiscord, type Recorded } from "../../fakes/discord.js";

const knowledge = Knowledge.load();
const NOW = new Date("2026-12-01T12:00:00Z");
const robot = new Robot(() => knowledge, { now: () => NOW });
const commandsRun: { name: string; values: OptionValues }[] = [];

function command(name: string, values: OptionValues, m: Omit<Message, "text">): Reply | undefined {
  commandsRun.push({ name, values });
  return robot.command(name, values, m);
}

const fake = new FakeDiscord();
let adapter: DiscordAdapter;

type Callback = { type: number; data?: { custom_id?: string; title?: string; flags?: number; components?: unknown[]; embeds?: { title?: string; description?: string }[] } };
const callback = async (id: string): Promise<Callback> => (await fake.waitFor((x: Recorded) => x.method === "POST" && x.path.startsWith(`/interactions/${id}/`))).body as Callback;

// Single, 29, master's, IELTS 8 7 7 7 (CLB 9 in each ability), 1 year in Canada, 3 abroad. From the grid, without a
// spouse: age 110 + master's 135 + CLB 9 4 × 31 = 124 + 1 year in Canada 40 = core 409; transferability: education
// 50 (capped) + foreign work 50 (capped) = 100. Total 509.
const FORM: Record<CrsModalInput, string> = { age: "29", education: "master's", language: "8 7 7 7", years: "1 / 3", details: "single" };

beforeAll(async () => {
  await fake.start();
  adapter = new DiscordAdapter({
    token: FAKE.token,
    answer: (m) => robot.handle(m),
    command,
    knowledge: () => knowledge,
    logger: createLogger({ level: "debug", secrets: [FAKE.token], sink: { write: () => undefined } }),
    clientOptions: { rest: { api: fake.api, retries: 1, timeout: 5000 } },
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter.stop();
  await fake.stop();
});

describe("the CRS modal on Discord", () => {
  it("answers /ee crs without options with a modal of five labelled text inputs", async () => {
    const runs = commandsRun.length;
    const { id } = fake.command("crs", []);
    const body = await callback(id);
    expect(body.type).toBe(9);
    expect(body.data?.custom_id).toBe(CRS_MODAL_ID);
    const labels = (body.data?.components ?? []) as { type: number; label: string; component: { type: number; custom_id: string; required?: boolean } }[];
    expect(labels.map((l) => l.type)).toEqual([18, 18, 18, 18, 18]);
    expect(labels.map((l) => l.component.custom_id)).toEqual([...CRS_MODAL_INPUTS]);
    for (const l of labels) expect(l.label.length).toBeLessThanOrEqual(45);
    expect(commandsRun.slice(runs)).toEqual([]);
  });

  it("answers a modal submit for the asker alone, with the total first, from the same options as the command", async () => {
    const runs = commandsRun.length;
    const { id } = fake.modalSubmit(CRS_MODAL_ID, FORM);
    const body = await callback(id);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.embeds?.[0]?.description).toMatch(/^509: your CRS score on the grid in force on December 1, 2026\./);
    expect(commandsRun.slice(runs)).toEqual([{ name: "crs", values: { age: 29, education: "master's", ielts: "8 7 7 7", "canadian-years": 1, "foreign-years": 3, details: "single" } }]);
  });

  it("answers a submit from a DM too", async () => {
    const { id } = fake.modalSubmit(CRS_MODAL_ID, { ...FORM, language: "CLB 9" }, true);
    const body = await callback(id);
    expect(body.type).toBe(4);
    expect(body.data?.embeds?.[0]?.description).toMatch(/^509: your CRS score/);
  });

  it("names the input to correct when the age is not a number, without running the command", async () => {
    const runs = commandsRun.length;
    const { id } = fake.modalSubmit(CRS_MODAL_ID, { ...FORM, age: "seven", years: "a few" });
    const body = await callback(id);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    const text = body.data?.embeds?.[0]?.description ?? "";
    expect(text).toMatch(/Age: Enter a whole number/);
    expect(text).toMatch(/Years of skilled work: in Canada \/ abroad: Enter the years in Canada, then abroad/);
    expect(commandsRun.slice(runs)).toEqual([]);
  });

  it("asks for the marital status when the form does not say it", async () => {
    const { id } = fake.modalSubmit(CRS_MODAL_ID, { ...FORM, details: "" });
    const body = await callback(id);
    expect(body.data?.embeds?.[0]?.description).toMatch(/married or in a common-law partnership/);
  });
});

describe("the Discord CRS modal's contents", () => {
  it("suggests education words the command reads, within Discord's limits", () => {
    const json = crsModal(knowledge).toJSON() as unknown as { title: string; components: { description?: string; component: { custom_id: string; placeholder?: string } }[] };
    expect(json.title.length).toBeLessThanOrEqual(45);
    const education = json.components.find((c) => c.component.custom_id === "education");
    expect(education?.component.placeholder).toMatch(/^e\.g\. phd, master's/);
    for (const c of json.components) {
      expect((c.component.placeholder ?? "").length).toBeLessThanOrEqual(100);
      expect((c.description ?? "").length).toBeLessThanOrEqual(100);
    }
  });

  it("reads a single number of years as years in Canada", () => {
    const read = readCrsModal((id) => ({ ...FORM, years: "2" })[id]);
    expect(read).toEqual({ ok: true, value: { age: 29, education: "master's", ielts: "8 7 7 7", "canadian-years": 2, details: "single" } });
  });
});
