import type { Article } from "../article.js";
import { categoriesIn, numberWord, OCCUPATION_CATEGORIES, PROGRAM_IDS } from "../lexicon.js";
import type { CategoryId, Fact, Passage, RoundType, RuleTopic, Source } from "../schema.js";
import { FULL_DATE, parseCount, parseDate, sentences, sentencesOf, squash } from "../text.js";

/** A stated count of occupations in one category's list ("experience in 24 occupations"). */
export interface CategoryCountClaim {
  category: CategoryId;
  value: number;
  source: string;
  line: number;
  text: string;
}

/** What the prose of one article states, besides draws and tables. */
export interface ProseFacts {
  facts: Fact[];
  categoryCounts: CategoryCountClaim[];
  passages: Passage[];
}

interface Ctx {
  article: Article;
  meta: Source;
  facts: Fact[];
}

function quote(ctx: Ctx, line: number, text: string): { source: string; line: number; text: string } {
  return { source: ctx.article.id, line, text: squash(text) };
}

function yearOf(iso: string | null): number | null {
  return iso ? Number(iso.slice(0, 4)) : null;
}

const BULLET = /^\s*(?:[*\-]|\d+[.)])\s+/;

function readPoolSize(ctx: Ctx, s: string, line: number): void {
  const m = /(\d{1,3}(?:,\d{3})+|\d{4,})\s+(?:profiles|candidates)\s+(?:registered\s+|active\s+)?in the (?:Express Entry )?pool/i.exec(s);
  if (!m?.[1]) return;
  const asOfMatch = new RegExp(`as of (${FULL_DATE})`, "i").exec(s);
  const asOf = asOfMatch?.[1] ? parseDate(asOfMatch[1]) : ctx.meta.asOf;
  ctx.facts.push({ kind: "pool-size", value: parseCount(m[1]), asOf, sources: [ctx.article.id], quotes: [quote(ctx, line, s)] });
}

function readYearInvitations(ctx: Ctx, s: string, line: number): void {
  if (!/\bthis year\b|\bso far\b|year[- ]to[- ]date/i.test(s) || /\bwill\b/i.test(s)) return;
  const m = /(\d{1,3}(?:,\d{3})+|\d{4,})\s+(?:ITAs|invitations(?: to apply)?)\b/i.exec(s);
  if (!m?.[1]) return;
  const explicit = /\b(?:so far|to date) in ((?:19|20)\d\d)\b|\bin ((?:19|20)\d\d) so far\b/.exec(s)?.slice(1).find(Boolean);
  const year = explicit ? Number(explicit) : yearOf(ctx.meta.asOf);
  if (year === null) return;
  ctx.facts.push({
    kind: "invitations-this-year",
    year,
    value: parseCount(m[1]),
    asOf: ctx.meta.asOf,
    sources: [ctx.article.id],
    quotes: [quote(ctx, line, s)],
  });
}

function readNocCount(ctx: Ctx, s: string, line: number): void {
  const m = /cover(?:s|ing)?\s+(\d+)\s+(?:National Occupational Classification|NOC)\s+codes/i.exec(s);
  if (!m?.[1]) return;
  ctx.facts.push({ kind: "category-noc-count", value: Number(m[1]), asOf: ctx.meta.asOf, sources: [ctx.article.id], quotes: [quote(ctx, line, s)] });
}

function readWorkExperience(ctx: Ctx, s: string, line: number): void {
  if (!/work experience/i.test(s)) return;
  const months = /at least (\w+) months/i.exec(s)?.[1];
  const years = /(?:within|in) the (?:past|last|previous) (\w+) years/i.exec(s)?.[1];
  const m = months ? numberWord(months) : null;
  const y = years ? numberWord(years) : null;
  if (m === null || y === null) return;
  ctx.facts.push({
    kind: "work-experience",
    months: m,
    withinYears: y,
    continuous: /continuous/i.test(s),
    asOf: ctx.meta.asOf,
    sources: [ctx.article.id],
    quotes: [quote(ctx, line, s)],
  });
}

function readPrograms(ctx: Ctx, s: string, line: number): void {
  if (!/eligib|qualified|programs? include|one of the (?:three|3)/i.test(s)) return;
  const programs = categoriesIn(s).filter((c) => PROGRAM_IDS.includes(c) && c !== "pnp");
  if (programs.length < 2) return;
  ctx.facts.push({ kind: "programs", programs: [...programs].sort(), asOf: ctx.meta.asOf, sources: [ctx.article.id], quotes: [quote(ctx, line, s)] });
}

function readSchedule(ctx: Ctx, s: string, line: number): void {
  if (!/(?:does not|doesn't|do not) have a (?:fixed|set) schedule|no (?:fixed|set) schedule/i.test(s)) return;
  ctx.facts.push({ kind: "schedule", fixed: false, asOf: ctx.meta.asOf, sources: [ctx.article.id], quotes: [quote(ctx, line, s)] });
}

// The sentence that states each rule; one sentence may state several ("ranked by CRS" in category rounds is both).
const RULES: readonly (readonly [RuleTopic, RegExp])[] = [
  ["ranked-by-crs", /\b(?:uses?|used) a point[- ]based system\b.*\brank\b|\branked based on (?:their|the) (?:Comprehensive Ranking System|CRS)\b/i],
  ["category-ranked-by-crs", /\bcategor.*\b(?:still|also) be ranked based on (?:their|the) (?:Comprehensive Ranking System|CRS)\b/i],
  ["category-needs-program", /\bmust also meet (?:all )?the eligibility requirements for one of the (?:three|3)\b/i],
  ["category-any-program", /\bnot limited to a specific (?:immigration )?program\b/i],
  ["ee-manages", /\bExpress Entry\b.*\bmanages? applications for\b|\bto manage applications for Canadian permanent residen/i],
  ["category-consultation", /\b(?:required to consult|must consult)\b.*\bbefore announcing new categories\b|\bcategory-based selection criteria\b.*\bbased on labou?r market projections and consultations\b/i],
  ["category-report", /\breport to parliament\b.*\bcategories\b/i],
  ["category-purpose", /\bcategory-specific draws will allow the government to target\b/i],
  ["category-cutoff-lower", /\bcut-?off score will likely be lower\b|\bLower CRS Scores The Likely Result\b/i],
];

function readRules(ctx: Ctx, s: string, line: number): void {
  for (const [topic, re] of RULES) if (re.test(s)) ctx.facts.push({ kind: "rule", topic, hedged: /\b(?:likely|may|might|could|can be expected)\b/i.test(s), asOf: ctx.meta.asOf, sources: [ctx.article.id], quotes: [quote(ctx, line, s)] });
}

function roundKindOf(name: string): RoundType | null {
  if (/categor/i.test(name)) return "category-based";
  if (/program[- ]specific/i.test(name)) return "program-specific";
  if (/general|all[- ]program/i.test(name)) return "general";
  return null;
}

// Numbered or bulleted items such as "1. General round of invitations: ...".
function readRoundKinds(ctx: Ctx): void {
  const kinds: { type: RoundType; name: string; description: string }[] = [];
  const quotes: { source: string; line: number; text: string }[] = [];
  for (const line of ctx.article.lines) {
    if (!BULLET.test(line.text)) continue;
    const m = /^([^:]{3,60}?rounds? of invitations?|[^:]{3,60}?(?:draws?|rounds?))\s*:\s*(.{10,})$/i.exec(line.text.replace(BULLET, "").trim());
    if (!m?.[1] || !m[2]) continue;
    const type = roundKindOf(m[1]);
    if (!type || kinds.some((k) => k.type === type)) continue;
    kinds.push({ type, name: squash(m[1]), description: squash(m[2]) });
    quotes.push(quote(ctx, line.number, line.text));
  }
  if (kinds.length >= 2) ctx.facts.push({ kind: "round-kinds", kinds, asOf: ctx.meta.asOf, sources: [ctx.article.id], quotes });
}

function readApplication(ctx: Ctx): void {
  const paras = ctx.article.paragraphs;
  paras.forEach((p, i) => {
    const ss = sentences(p.text);
    const at = ss.findIndex((s) => /\b(?:two|2)[- ]step (?:procedure|process)/i.test(s));
    if (at < 0) return;
    const steps: string[] = [];
    const rest = ss.slice(at + 1).join(" ");
    if (rest) steps.push(rest);
    const next = paras[i + 1];
    if (next && !BULLET.test(next.text) && /\b(?:after|then|second|next)\b/i.test(next.text)) steps.push(squash(next.text));
    if (steps.length === 0) return;
    const quotes = [quote(ctx, p.line, p.text)];
    if (next && steps.length > 1) quotes.push(quote(ctx, next.line, next.text));
    // "Express Entry uses a point-based system, the CRS, to rank candidates' profiles": said before the steps.
    const prev = paras[i - 1];
    const ranks = (s: string) => /\brank/i.test(s) && /\b(?:CRS|Comprehensive Ranking System|points?-based)\b/i.test(s);
    const ranking = ss.slice(0, at).find(ranks) ?? (prev && !BULLET.test(prev.text) ? sentences(prev.text).find(ranks) : undefined);
    if (ranking && prev && !ss.slice(0, at).includes(ranking)) quotes.unshift(quote(ctx, prev.line, prev.text));
    ctx.facts.push({ kind: "application-process", steps, ...(ranking ? { ranking: squash(ranking) } : {}), asOf: ctx.meta.asOf, sources: [ctx.article.id], quotes });
  });
}

// A paragraph with at least four occupation categories in a "categories" context, bullets included.
function readYearCategories(ctx: Ctx): void {
  const paras = ctx.article.paragraphs;
  paras.forEach((p, i) => {
    const isList = p.lines.every((l) => BULLET.test(l.text));
    if (isList && i > 0) return; // read together with the paragraph that introduces it
    const next = paras[i + 1];
    const list = next && next.lines.every((l) => BULLET.test(l.text)) ? next : null;
    const text = list ? `${p.text} ${list.text}` : p.text;
    if (!/categor|criteria|focus|shortlisted|priorit/i.test(text)) return;
    const categories = categoriesIn(text).filter((c) => OCCUPATION_CATEGORIES.includes(c));
    if (categories.length < 4) return;
    const context = [paras[i - 1]?.text ?? "", text].join(" ");
    const explicit = /\b(?:for|in) (?:the year )?((?:19|20)\d\d)\b/i.exec(context)?.[1];
    const year = explicit ? Number(explicit) : yearOf(ctx.meta.asOf);
    const quotes = [quote(ctx, p.line, p.text)];
    if (list) quotes.push(quote(ctx, list.line, list.text));
    ctx.facts.push({
      kind: "year-categories",
      year,
      categories: [...categories].sort(),
      asOf: ctx.meta.asOf,
      sources: [ctx.article.id],
      quotes,
    });
  });
}

/** The occupation category an article names most often: what its unqualified statements are about. */
export function mainCategory(article: Article): CategoryId | null {
  const counts = new Map<CategoryId, number>();
  for (const p of article.paragraphs) {
    for (const c of categoriesIn(p.text)) if (OCCUPATION_CATEGORIES.includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

// "experience in 24 occupations": the sentence's own category, else the article's main one.
function readCategoryCounts(ctx: Ctx): CategoryCountClaim[] {
  const out: CategoryCountClaim[] = [];
  let main: CategoryId | null | undefined;
  for (const p of ctx.article.paragraphs) {
    if (p.text.length > 20_000) continue;
    for (const { text: s, line } of sentencesOf(p)) {
      const m = /(?:experience in|list of|includes?|covers?)\s+(\d{1,3})\s+(?:eligible\s+)?occupations\b/i.exec(s);
      if (!m?.[1]) continue;
      if (main === undefined) main = mainCategory(ctx.article);
      const category = categoriesIn(s).find((c) => OCCUPATION_CATEGORIES.includes(c)) ?? main;
      if (category) out.push({ category, value: Number(m[1]), source: ctx.article.id, line, text: squash(s) });
    }
  }
  return out;
}

const DOMAIN = /express entry|candidates|immigra|francophone|\bCRS\b|\bdraws?\b|\brounds?\b|invitation|\bITAs?\b|categor|occupation|\bNOC\b|\bTEER\b|tie-?break|\bpool\b|eligib|program|permanent resid/i;
const SALES = /contact us|consultation|newsletter|free (?:online )?assessment|book a|\bCAD\b|\$\d|tel:|rss|click here|subscribe|our team|limited time|\bmeet (?:mr|ms|mrs|dr)\b|our (?:immigration )?(?:specialists|experts)/i;
const MAX_PASSAGE = 600;

// Lines after which a copied page holds only its sidebar and footer.
const PAGE_END = /^(?:you may also like|recent (?:articles|posts)|trending stories|related (?:articles|posts)|leave a reply|more from\b|join our newsletter)/i;

function readPassages(article: Article): Passage[] {
  const out: Passage[] = [];
  for (const p of article.paragraphs) {
    if (p.lines.some((l) => PAGE_END.test(l.text.trim()))) break;
    const text = squash(p.text);
    const words = text.split(" ").length;
    if (words < 12 || !DOMAIN.test(text) || SALES.test(text) || !/[.!?]["')]?$/.test(text) || /\d{5}/.test(text)) continue;
    let chunk: { text: string; line: number; offset: number } | null = null;
    for (const { text: raw, line } of sentencesOf(p)) {
      const sentence = squash(raw);
      if (chunk && chunk.text.length + sentence.length + 1 > MAX_PASSAGE) {
        out.push({ source: article.id, ...chunk });
        chunk = null;
      }
      if (chunk) chunk.text = `${chunk.text} ${sentence}`;
      else {
        const l = article.lines[line - 1];
        const within = l ? Math.max(0, l.text.indexOf(raw.slice(0, 20))) : 0;
        chunk = { text: sentence.slice(0, MAX_PASSAGE * 2), line, offset: (l?.offset ?? p.offset) + within };
      }
    }
    if (chunk) out.push({ source: article.id, ...chunk });
  }
  return out;
}

/** Reads the prose facts, stated category counts and retrievable passages of one article. */
export function extractProseFacts(article: Article, meta: Source): ProseFacts {
  const ctx: Ctx = { article, meta, facts: [] };
  for (const p of article.paragraphs) {
    if (p.text.length > 20_000) continue;
    for (const { text: s, line } of sentencesOf(p)) {
      readPoolSize(ctx, s, line);
      readYearInvitations(ctx, s, line);
      readNocCount(ctx, s, line);
      readWorkExperience(ctx, s, line);
      readPrograms(ctx, s, line);
      readSchedule(ctx, s, line);
      readRules(ctx, s, line);
    }
  }
  readRoundKinds(ctx);
  readApplication(ctx);
  readYearCategories(ctx);
  return { facts: ctx.facts, categoryCounts: readCategoryCounts(ctx), passages: readPassages(article) };
}
