import { normalize, paragraphs, splitLines, type Line, type Paragraph } from "./text.js";
import { sha256Hex } from "../hash.js";

/** An article read for extraction: normalised text split into lines and paragraphs. */
export interface Article {
  readonly id: string;
  readonly text: string;
  readonly lines: readonly Line[];
  readonly paragraphs: readonly Paragraph[];
  readonly sha256: string;
}

/** Why an input file was not read as an article. */
export type RejectReason = "empty" | "binary" | "not-utf8";

/** Decodes a file's bytes into an article, or says why it cannot be one. */
export function readArticle(id: string, bytes: Uint8Array): Article | { rejected: RejectReason; sha256: string } {
  const sha256 = sha256Hex(bytes);
  if (bytes.length === 0) return { rejected: "empty", sha256 };
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { rejected: "binary", sha256 };
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { rejected: "not-utf8", sha256 };
  }
  if (decoded.trim() === "") return { rejected: "empty", sha256 };
  const text = normalize(decoded);
  const lines = splitLines(text);
  return { id, text, lines, paragraphs: paragraphs(lines), sha256 };
}
