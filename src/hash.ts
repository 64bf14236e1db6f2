import { createRequire } from "node:module";

type Crypto = typeof import("node:crypto");
let crypto: Crypto | undefined;

/** The SHA-256 of a text or bytes, as hex. Node's crypto is loaded on the first call: the command's start has no use for it. */
export function sha256Hex(data: string | Uint8Array): string {
  crypto ??= createRequire(import.meta.url)("node:crypto") as Crypto;
  return crypto.createHash("sha256").update(data).digest("hex");
}
