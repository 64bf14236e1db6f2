import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { isEeBotError } from "../../src/errors.js";
import { openStore, parseSecretKey, type Installation, type Store } from "../../src/store/index.js";
import { ENGINES } from "./engines.js";

const TOKEN = "xoxb-1111-2222-abcdefghijklmnop";
const install = (teamId: string, botToken = TOKEN): Installation => ({
  teamId,
  enterpriseId: null,
  botToken,
  botUserId: "U0BOT",
  botId: "B0BOT",
  scopes: ["chat:write", "commands"],
  installedAt: "2026-12-01T12:00:00.000Z",
  enterpriseInstall: false,
});

describe("the secret key", () => {
  it("is read from 64 hex digits or from base64 of 32 bytes", () => {
    const bytes = randomBytes(32);
    expect(parseSecretKey(bytes.toString("hex"))?.equals(bytes)).toBe(true);
    expect(parseSecretKey(bytes.toString("base64"))?.equals(bytes)).toBe(true);
    expect(parseSecretKey(undefined)).toBeUndefined();
    expect(parseSecretKey("  ")).toBeUndefined();
  });

  it("is refused when it is not 32 bytes", () => {
    expect(() => parseSecretKey(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
    expect(() => parseSecretKey("not a key!")).toThrow(/STORE_SECRET_KEY/);
  });
});

describe.each(ENGINES)("Slack installations on $engine", (engine) => {
  const open: Store[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  const key = randomBytes(32).toString("base64");

  it("stores the bot token as ciphertext and gives it back in clear", async () => {
    const options = { ...engine.fresh(), secretKey: key };
    const store = await openStore(options);
    open.push(store);
    expect(await store.saveInstallation(install("T1"))).toEqual({ ok: true, value: undefined });
    const rows = await engine.query(options, "select * from installations");
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain("abcdefghijklmnop");
    expect(String(rows[0]?.bot_token_ciphertext)).toMatch(/^v1:/);
    expect(await store.getInstallation({ teamId: "T1", enterpriseId: null })).toEqual(install("T1"));
    expect(await store.getInstallation({ teamId: "T2", enterpriseId: null })).toBeUndefined();
  });

  it("keys an org-wide install by its enterprise alone, and finds the installation serving a workspace by its team", async () => {
    const store = await openStore({ ...engine.fresh(), secretKey: key });
    open.push(store);
    await store.saveInstallation({ ...install("T1"), enterpriseId: "E1" });
    await store.saveInstallation({ ...install("T9", "xoxb-org-wide-0000000"), enterpriseId: "E2", enterpriseInstall: true });
    expect((await store.findInstallation("T1"))?.enterpriseId).toBe("E1");
    expect((await store.getInstallation({ teamId: null, enterpriseId: "E2" }))).toMatchObject({ teamId: null, enterpriseInstall: true, botToken: "xoxb-org-wide-0000000" });
    expect((await store.findInstallation("T5", "E2"))?.botToken).toBe("xoxb-org-wide-0000000");
    expect(await store.findInstallation("T5")).toBeUndefined();
    expect(await store.findInstallation("T5", "E3")).toBeUndefined();
  });

  it("replaces an installation saved again and removes it on request", async () => {
    const store = await openStore({ ...engine.fresh(), secretKey: key });
    open.push(store);
    await store.saveInstallation(install("T1"));
    await store.saveInstallation(install("T1", "xoxb-new-token-0000000"));
    expect((await store.getInstallation({ teamId: "T1", enterpriseId: null }))?.botToken).toBe("xoxb-new-token-0000000");
    expect(await store.deleteInstallation({ teamId: "T1", enterpriseId: null })).toBe(true);
    expect(await store.getInstallation({ teamId: "T1", enterpriseId: null })).toBeUndefined();
  });

  it("refuses to save a token without a key and writes nothing", async () => {
    const options = { ...engine.fresh(), secretKey: undefined };
    const store = await openStore(options);
    open.push(store);
    const saved = await store.saveInstallation(install("T1"));
    expect(saved.ok).toBe(false);
    expect(saved.ok ? undefined : saved.error.code).toBe("no-secret-key");
    expect(await engine.query(options, "select * from installations")).toEqual([]);
  });

  it("fails clearly when opened with another key than the token was saved with", async () => {
    const options = engine.fresh();
    const first = await openStore({ ...options, secretKey: key });
    await first.saveInstallation(install("T1"));
    await first.close();
    const other = await openStore({ ...options, secretKey: randomBytes(32).toString("hex") });
    open.push(other);
    const read = other.getInstallation({ teamId: "T1", enterpriseId: null });
    await expect(read).rejects.toSatisfy((e) => isEeBotError(e, "ee_store_secret_key"));
    await expect(read).rejects.toThrow(/STORE_SECRET_KEY is not the key it was saved with/);
    const without = await openStore({ ...options, secretKey: undefined });
    open.push(without);
    await expect(without.getInstallation({ teamId: "T1", enterpriseId: null })).rejects.toThrow(/STORE_SECRET_KEY is not set/);
  });

  it("refuses a ciphertext moved from another installation's row", async () => {
    const options = { ...engine.fresh(), secretKey: key };
    const store = await openStore(options);
    open.push(store);
    await store.saveInstallation(install("T1"));
    await store.saveInstallation(install("T2", "xoxb-other-team-000000"));
    const [row] = await engine.query(options, "select bot_token_ciphertext from installations where team_id = ?", ["T2"]);
    // As someone with write access to the database could: T2's ciphertext put in T1's row.
    await engine.query(options, "update installations set bot_token_ciphertext = ? where team_id = ?", [String(row?.bot_token_ciphertext), "T1"]);
    await expect(store.getInstallation({ teamId: "T1", enterpriseId: null })).rejects.toSatisfy((e) => isEeBotError(e, "ee_store_secret_key"));
    expect((await store.getInstallation({ teamId: "T2", enterpriseId: null }))?.botToken).toBe("xoxb-other-team-000000");
  });
});

