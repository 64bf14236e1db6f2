import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { EeBotError, ErrorCode } from "../errors.js";

const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Prefix of every ciphertext, so that a later key rotation or algorithm can tell old values apart.
const FORMAT = "v1";

/** Reads STORE_SECRET_KEY: 32 bytes as 64 hex digits or as base64; undefined when unset; throws when malformed. */
export function parseSecretKey(text: string | undefined): Buffer | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const key = Buffer.from(value, "base64");
    if (key.length === KEY_BYTES) return key;
  }
  throw new EeBotError(
    ErrorCode.StoreSecretKey,
    `STORE_SECRET_KEY must be ${KEY_BYTES} bytes written as 64 hex digits or as base64 (for example: openssl rand -base64 32)`,
  );
}

/** Encrypts a secret with AES-256-GCM; context is bound to the ciphertext so it cannot be moved to another row. */
export function encryptSecret(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [FORMAT, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
}

/** Decrypts what encryptSecret made; throws an EeBotError when the key or context is not the one it was made with. */
export function decryptSecret(key: Buffer, ciphertext: string, context: string): string {
  const [format, iv, tag, body, ...rest] = ciphertext.split(":");
  if (format !== FORMAT || iv === undefined || tag === undefined || body === undefined || rest.length > 0) {
    throw new EeBotError(ErrorCode.StoreSecretKey, `the stored secret of ${context} is not in a known format`);
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch (cause) {
    throw new EeBotError(
      ErrorCode.StoreSecretKey,
      `cannot decrypt the stored secret of ${context}: STORE_SECRET_KEY is not the key it was saved with`,
      { cause },
    );
  }
}
