import type { Article } from "../article.js";
import type { Source } from "../schema.js";
import { FULL_DATE, findDates, parseDate, squash } from "../text.js";

const NAV_LINE = /^(?:skip to (?:main )?content|search|menu|home|close menu|news|blog)$/i;

function findTitle(article: Article): string | null {
  for (const line of article.lines.slice(0, 40)) {
    const t = squash(line.text);
    if (t === "" || NAV_LINE.test(t) || t.length > 200) continue;
    const words = t.split(" ").filter((w) => /[A-Za-z0-9]/.test(w));
    if (words.length >= 5 && !/[.:]$/.test(t) && !/^(?:by|author|published|posted)\b/i.test(t)) return t;
  }
  return null;
}

function findAuthor(article: Article): string | null {
  for (const line of article.lines.slice(0, 60)) {
    const t = squash(line.text);
    const labelled = /^(?:[Aa]uthor|[Ww]ritten by|[Pp]osted by)\s*:?\s*([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})\b/.exec(t);
    if (labelled?.[1]) return labelled[1];
    const by = /^By ([A-Z][a-z.'-]+(?: [A-Z][a-z.'-]+){0,3})$/.exec(t);
    if (by?.[1] && !new RegExp(FULL_DATE, "i").test(t)) return by[1];
  }
  return null;
}

function findPublisher(article: Article): string | null {
  const tail = article.lines.slice(-80).map((l) => squash(l.text));
  for (const t of tail.reverse()) {
    const rights = /(?:all rights reserved\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:-\s*\d{4}\s*)?([A-Z][\w&.' -]{1,60}?)\s*\.?$/i.exec(t);
    if (rights?.[1] && /[A-Za-z]/.test(rights[1])) return squash(rights[1]);
    const more = /^More from ([A-Z][\w&.' -]{1,60})$/.exec(t);
    if (more?.[1]) return squash(more[1]);
  }
  return null;
}

function findDated(article: Article, label: RegExp): string | null {
  const re = new RegExp(`${label.source}\\s*:?\\s*(${FULL_DATE})`, "i");
  for (const line of article.lines.slice(0, 80)) {
    const m = re.exec(line.text);
    if (m?.[1]) return parseDate(m[1]);
  }
  return null;
}

// "By 5 July 2023April 8th, 2024No Comments": a byline with the published date, then the updated one.
function bylineDates(article: Article): { published: string | null; updated: string | null } {
  for (const line of article.lines.slice(0, 40)) {
    const t = line.text.trim();
    if (!/^By\s/i.test(t)) continue;
    const dates = findDates(t);
    if (dates.length > 0) {
      return { published: dates[0]?.iso ?? null, updated: dates[1]?.iso ?? null };
    }
  }
  return { published: null, updated: null };
}

/** Reads an article's title, author, publisher and dates. */
export function extractSourceMeta(article: Article): Source {
  const byline = bylineDates(article);
  const published = findDated(article, /(?:published(?: on)?|posted(?: on)?|date published)/) ?? byline.published;
  const updated = findDated(article, /(?:last updated(?: on)?|updated(?: on)?|modified)/) ?? byline.updated;
  let asOf: string | null = updated ?? published;
  let asOfBasis: Source["asOfBasis"] = updated ? "updated" : published ? "published" : "unknown";
  if (!asOf) {
    const latest = findDates(article.text)
      .map((d) => d.iso)
      .sort()
      .at(-1);
    if (latest) {
      asOf = latest;
      asOfBasis = "latest-date-in-text";
    }
  }
  return {
    id: article.id,
    title: findTitle(article),
    author: findAuthor(article),
    publisher: findPublisher(article),
    published,
    updated,
    asOf,
    asOfBasis,
    kind: "article",
    url: null,
    sha256: article.sha256,
  };
}
