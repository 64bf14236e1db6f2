/** A text as a regular expression that matches it literally. */
export function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface Trie {
  readonly next: Map<string, Trie>;
  end: boolean;
  depth: number;
}

/**
 * A regular-expression source matching any of the words, the longest one first wherever several begin, as a
 * longest-first alternation of them would, but shared prefixes tried once: a long alternation is tried word by word
 * at every place in the text, a trie letter by letter. `token` writes one character (spaces as `[ -]?`, say).
 */
export function alternation(words: readonly string[], token: (ch: string) => string = escape): string {
  const root: Trie = { next: new Map(), end: false, depth: 0 };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      const t = token(ch);
      let child = node.next.get(t);
      if (!child) node.next.set(t, (child = { next: new Map(), end: false, depth: 0 }));
      node = child;
    }
    node.end = true;
  }
  const measure = (n: Trie): number => (n.depth = Math.max(0, ...[...n.next.values()].map((c) => 1 + measure(c))));
  measure(root);
  const write = (n: Trie): string => {
    // Deeper branches first, and ending here last, so the longest word wins where a token may match several ways.
    const branches = [...n.next.entries()].sort((a, b) => b[1].depth - a[1].depth).map(([t, c]) => t + write(c));
    if (n.end && branches.length > 0) branches.push("");
    if (branches.length === 0) return "";
    return branches.length === 1 ? (branches[0] ?? "") : `(?:${branches.join("|")})`;
  };
  return write(root);
}

const globals = new Map<string, RegExp>();
/** The same pattern with the g flag, compiled once per source. */
export function global(re: RegExp): RegExp {
  if (re.global) return re;
  const key = `${re.flags}/${re.source}`;
  let g = globals.get(key);
  if (!g) {
    g = new RegExp(re.source, `g${re.flags}`);
    globals.set(key, g);
  }
  return g;
}

/**
 * Every match of a pattern in a text, in order, as String.prototype.matchAll finds them; without the copy of the
 * pattern matchAll makes at each call, which costs microseconds for a long pattern. The pattern is used from its start
 * and left there, so a caller may use it again while reading the matches.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const g = global(re);
  const out: RegExpExecArray[] = [];
  g.lastIndex = 0;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    out.push(m);
    if (m[0] === "") g.lastIndex += 1;
  }
  g.lastIndex = 0;
  return out;
}
