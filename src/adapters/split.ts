/** Moves a cut point back off the second half of a surrogate pair. */
export function surrogateSafe(text: string, at: number): number {
  return /[\uD800-\uDBFF]/.test(text.charAt(at - 1)) ? at - 1 : at;
}

/**
 * Splits text into pieces of at most max characters, at line breaks, then sentences, then words; `adjust` may
 * move each cut point back (never inside an escape, never inside a surrogate pair).
 */
export function splitText(text: string, max: number, adjust: (text: string, at: number) => number = surrogateSafe): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let at = window.lastIndexOf("\n");
    if (at < max / 2) at = Math.max(window.lastIndexOf(". ") + 1, at);
    if (at < max / 2) at = Math.max(window.lastIndexOf(" "), at);
    if (at <= 0) at = max;
    at = adjust(rest, at);
    if (at <= 0) at = max;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || out.length === 0) out.push(rest);
  return out;
}
