import type { KnowledgeBase, NocReference } from "../src/kb/schema.js";

/** A generated chat message and what a right answer must name. */
export interface CorpusMessage {
  readonly text: string;
  readonly kind: "code" | "title" | "job" | "draw" | "glossary" | "noise" | "decline";
  /** The NOC code or round number the answer must name; null when the message has no such answer. */
  readonly expect: string | null;
}

/** A small, fast, seeded random number generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Adds n typos (deletion, swap, substitution) inside words longer than four letters. */
export function typo(rand: () => number, text: string, n: number): string {
  let out = text;
  for (let k = 0; k < n; k += 1) {
    const words = out.split(" ");
    const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => w.length > 5);
    if (candidates.length === 0) break;
    const [word, index] = pick(rand, candidates);
    const at = 1 + Math.floor(rand() * (word.length - 2));
    const kind = Math.floor(rand() * 3);
    const changed =
      kind === 0
        ? word.slice(0, at) + word.slice(at + 1)
        : kind === 1
          ? word.slice(0, at) + (word[at + 1] ?? "") + (word[at] ?? "") + word.slice(at + 2)
          : word.slice(0, at) + pick(rand, [...LETTERS]) + word.slice(at + 1);
    words[index] = changed;
    out = words.join(" ");
  }
  return out;
}

function singular(title: string): string {
  const first = title.split(/,| and | \(/)[0] ?? title;
  return first.trim().toLowerCase().replace(/ies$/, "y").replace(/([^s])s$/, "$1");
}

const NOISE = ["hi", "hello there", "thanks!", "help", "lol", "ok", "good morning everyone", "anyone here?", "🙂", "what can you do?"];
const DECLINE = [
  "what's the weather in toronto",
  "who won the hockey game",
  "how much does a pr application cost",
  "can you book me a flight to vancouver",
  "tell me a joke",
  "what is the capital of france",
  "recommend a good pizza place",
  "how do i renew my passport",
];
const GLOSSARY = ["what is crs", "what does ita mean", "what is teer", "what is noc", "what is the tie-breaking rule", "what is express entry", "crs meaning"];

/**
 * Generates at least `size` messages from the knowledge base with a fixed seed: same seed, same corpus. For latency
 * and load only: its occupation messages are made from the titles the index holds, so they would flatter accuracy,
 * which the question sets measure.
 */
export function generateCorpus(kb: KnowledgeBase, noc: NocReference, size = 2000, seed = 254): CorpusMessage[] {
  const rand = seeded(seed);
  const members = kb.categoryLists.flatMap((l) => l.members.map((m) => m.code));
  const codes = noc.unitGroups.map((u) => u.code);
  const rounds = kb.draws.map((d) => d.round);
  const out: CorpusMessage[] = [];
  const mention = (): string => (rand() < 0.2 ? `<@${Math.floor(rand() * 1e9)}> ` : "");
  while (out.length < size) {
    const r = rand();
    if (r < 0.25) {
      const code = rand() < 0.5 ? pick(rand, members) : pick(rand, codes);
      const tpl = pick(rand, ["is {c} STEM?", "is {c} stem", "{c}", "TEER of {c}", "what is {c}", "does {c} count for stem draws"]);
      out.push({ text: mention() + tpl.replace("{c}", code), kind: "code", expect: code });
    } else if (r < 0.45) {
      const u = pick(rand, noc.unitGroups);
      const t = typo(rand, singular(u.title), Math.floor(rand() * 3));
      const tpl = pick(rand, ["is a {t} eligible for stem", "is a {t} stem", "am i eligible for stem as a {t}", "can a {t} apply in the stem draw"]);
      out.push({ text: mention() + tpl.replace("{t}", t), kind: "title", expect: u.code });
    } else if (r < 0.6) {
      const u = pick(rand, noc.unitGroups);
      const t = typo(rand, u.title.toLowerCase(), Math.floor(rand() * 3));
      const tpl = pick(rand, ["noc code for {t}", "what is the noc code of {t}", "noc for {t}"]);
      out.push({ text: mention() + tpl.replace("{t}", t), kind: "job", expect: u.code });
    } else if (r < 0.75) {
      const round = pick(rand, rounds);
      const tpl = pick(rand, ["draw {r}", "round #{r}", "what was the cut-off in round {r}", "tell me about draw {r}"]);
      out.push({ text: mention() + tpl.replace("{r}", String(round)), kind: "draw", expect: String(round) });
    } else if (r < 0.85) {
      out.push({ text: mention() + pick(rand, GLOSSARY), kind: "glossary", expect: null });
    } else if (r < 0.93) {
      out.push({ text: pick(rand, NOISE), kind: "noise", expect: null });
    } else {
      out.push({ text: mention() + pick(rand, DECLINE), kind: "decline", expect: null });
    }
  }
  return out;
}
