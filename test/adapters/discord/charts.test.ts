import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../../src/adapters/discord/adapter.js";
import { Knowledge } from "../../../src/core/knowledge.js";
import type { Message, Reply } from "../../../src/core/types.js";
import { createLogger } from "../../../src/log.js";
import { Robot } from "../../../src/skills/robot.js";
import type { OptionValues } from "../../../src/skills/types.js";
import { FAKE, FakeDiscord, type Recorded, type UploadedFile } from "../../fakes/discord.js";

const knowledge = Knowledge.load();
// A fixed today, so that the rounds of 2026 and the dates in the answer do not move with the clock.
const NOW = new Date("2026-12-01T12:00:00Z");
const robot = new Robot(() => knowledge, { now: () => NOW });
const commandsRun: { name: string; values: OptionValues }[] = [];

const answer = (m: Message): Reply | undefined => robot.handle(m);
function command(name: string, values: OptionValues, m: Omit<Message, "text">): Reply | undefined {
  commandsRun.push({ name, values });
  return robot.command(name, values, m);
}

const fake = new FakeDiscord();
let adapter: DiscordAdapter;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The width and height in a PNG's IHDR chunk, which the format puts first, right after the signature. */
function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(data.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

type Embed = { title?: string; description?: string; image?: { url: string }; footer?: { text: string } };
type Body = { type?: number; embeds?: Embed[]; attachments?: { id: number | string; description?: string }[]; data?: { embeds?: Embed[]; flags?: number } };
const bodyOf = (r: Recorded): Body => (r.body ?? {}) as Body;
const embedsOf = (r: Recorded): Embed[] => bodyOf(r).embeds ?? bodyOf(r).data?.embeds ?? [];
const textOf = (r: Recorded): string => embedsOf(r).map((e) => `${e.title ?? ""}\n${e.description ?? ""}\n${e.footer?.text ?? ""}`).join("\n");

/** Resolves once every reply the adapter was working on is sent. */
async function settled(): Promise<void> {
  const deadline = Date.now() + 5000;
  while (adapter.pending > 0) {
    if (Date.now() > deadline) throw new Error("replies still pending");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Checks a chart upload: a multipart request whose one file is a 1000x560 PNG the first embed shows. */
function expectChartUpload(r: Recorded): UploadedFile {
  expect(String(r.headers["content-type"])).toMatch(/^multipart\/form-data; boundary=/);
  expect(r.files).toHaveLength(1);
  const file = r.files?.[0] as UploadedFile;
  expect(file.field).toBe("files[0]");
  expect(file.name).toMatch(/\.png$/);
  expect(pngSize(file.data)).toEqual({ width: 1000, height: 560 });
  expect(embedsOf(r)[0]?.image?.url).toBe(`attachment://${file.name}`);
  // The attachment's description is the image's alt text, for screen readers.
  expect(bodyOf(r).attachments?.[0]?.description).toMatch(/^CEC cut-offs, 2026\. Line chart of CRS cut-off by date of round\./);
  return file;
}

/** The numbers the text of a CEC 2026 chart carries, for people who do not open images. */
function expectNumbersInText(r: Recorded): void {
  const text = textOf(r);
  expect(text).toMatch(/CEC: 12 rounds, from 507 \(round 404\) to 518 \(round 417\), latest 516 on July 21, 2026/);
}

beforeAll(async () => {
  await fake.start();
  adapter = new DiscordAdapter({
    token: FAKE.token,
    answer,
    command,
    knowledge: () => knowledge,
    logger: createLogger({ level: "warn", secrets: [FAKE.token], sink: { write: () => undefined } }),
    clientOptions: { rest: { api: fake.api, retries: 1, timeout: 10_000 } },
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter.stop();
  await fake.stop();
});

describe("charts in Discord against a local Discord", () => {
  it("answers a DM asking for a chart with a PNG attached as multipart form data, shown by the first embed, and the numbers in text", async () => {
    const mark = fake.requests.length;
    fake.message("chart of CEC cut-offs in 2026", { dm: true });
    const r = await fake.waitFor((x) => x.method === "POST" && x.path === `/channels/${FAKE.dmChannelId}/messages` && fake.requests.indexOf(x) >= mark, 15_000);
    const file = expectChartUpload(r);
    expect(file.name).toBe("cut-offs-cec.png");
    expect(file.contentType).toBe("image/png");
    expect(embedsOf(r)[0]?.title).toBe("CEC cut-offs, 2026");
    expectNumbersInText(r);
    await settled();
    // One message carries both the chart and the text.
    expect(fake.since(mark).filter((x) => x.path === `/channels/${FAKE.dmChannelId}/messages`)).toHaveLength(1);
  });

  it("defers /ee chart type:cec year:2026, then edits the original response with the chart attached", async () => {
    const mark = commandsRun.length;
    const { id, token } = fake.command("chart", [
      { name: "type", type: 3, value: "cec" },
      { name: "year", type: 4, value: 2026 },
    ]);
    const deferral = await fake.waitFor((x) => x.method === "POST" && x.path === `/interactions/${id}/${token}/callback`);
    // 5: DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, public since the answer is not about a mistake.
    expect(bodyOf(deferral).type).toBe(5);
    expect((bodyOf(deferral).data?.flags ?? 0) & 64).toBe(0);
    expect(deferral.files).toBeUndefined();
    const edit = await fake.waitFor((x) => x.method === "PATCH" && x.path === `/webhooks/${FAKE.appId}/${token}/messages/@original`, 15_000);
    expect(fake.requests.indexOf(edit)).toBeGreaterThan(fake.requests.indexOf(deferral));
    expect(commandsRun.slice(mark)).toEqual([{ name: "chart", values: { type: "cec", year: 2026 } }]);
    expect(expectChartUpload(edit).name).toBe("cut-offs-cec.png");
    expectNumbersInText(edit);
  });

  it("answers a chart of a type with no rounds in words, with no file and no image", async () => {
    const mark = fake.requests.length;
    fake.message("chart of researchers draws", { dm: true });
    const r = await fake.waitFor((x) => x.method === "POST" && x.path === `/channels/${FAKE.dmChannelId}/messages` && fake.requests.indexOf(x) >= mark, 15_000);
    expect(embedsOf(r)[0]?.description).toMatch(/^I can't draw that chart: I know of no researchers rounds/);
    expect(String(r.headers["content-type"])).toMatch(/^application\/json/);
    expect(r.files).toBeUndefined();
    expect(embedsOf(r).some((e) => e.image !== undefined)).toBe(false);
    await settled();
    expect(fake.since(mark).some((x) => x.files !== undefined)).toBe(false);
  });

  it("answers /ee chart for a type with no rounds at once, privately, with no deferral and no file", async () => {
    const { id, token } = fake.command("chart", [
      { name: "type", type: 3, value: "researchers" },
      { name: "year", type: 4, value: 2026 },
    ]);
    const r = await fake.waitFor((x) => x.method === "POST" && x.path === `/interactions/${id}/${token}/callback`);
    expect(bodyOf(r).type).toBe(4);
    expect(bodyOf(r).data?.flags).toBe(64);
    expect(textOf(r)).toMatch(/I can't draw that chart: I know of no researchers rounds in 2026\./);
    expect(r.files).toBeUndefined();
    await settled();
    expect(fake.requests.some((x) => x.path.startsWith(`/webhooks/${FAKE.appId}/${token}`))).toBe(false);
  });
});
