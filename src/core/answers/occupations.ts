import { OCCUPATION_CATEGORIES } from "../../kb/lexicon.js";
import type { CategoryId, CategoryList, Occupation } from "../../kb/schema.js";
import type { Hit, TitleEntry } from "../../search/indexes.js";
import { cite, formatDate, joinAnd, labelOf, plural, roundName, shortOf } from "../format.js";
import type { Knowledge } from "../knowledge.js";
import { makeReply, type AnswerInput } from "../reply.js";
import type { Reply } from "../types.js";

/** How sure a title search must be before its best hit is taken as the occupation meant. */
const CONFIDENT_SCORE = 0.2;

/** The occupation a message is about: by code, or by title search. */
export type OccupationMatch =
  | { kind: "code"; occupation: Occupation; alternatives: Occupation[] }
  | { kind: "unknown-code"; code: string }
  | { kind: "none" };

/** Finds the occupation a message names by code or by title. */
export function resolveOccupation(knowledge: Knowledge, codes: readonly string[], phrase: string): OccupationMatch {
  const code = codes[0];
  if (code) {
    const occupation = knowledge.occupations.get(code);
    return occupation ? { kind: "code", occupation, alternatives: [] } : { kind: "unknown-code", code };
  }
  if (phrase.replace(/[^a-z]/g, "").length < 3) return { kind: "none" };
  const hits: Hit<TitleEntry>[] = knowledge.search.occupations(phrase);
  const best = hits[0];
  if (!best || best.score > knowledge.search.tuning.occupationAccept) return { kind: "none" };
  const occupation = knowledge.occupations.get(best.item.code);
  if (!occupation) return { kind: "none" };
  const alternatives = hits
    .slice(1)
    .filter((h) => h.score - best.score < 0.1 || best.score > CONFIDENT_SCORE)
    .map((h) => knowledge.occupations.get(h.item.code))
    .filter((o): o is Occupation => o !== undefined)
    .slice(0, 3);
  return { kind: "code", occupation, alternatives };
}

function named(o: Occupation): string {
  return `${o.code} ${o.title} (TEER ${o.teer})`;
}

function listName(knowledge: Knowledge, list: CategoryList): string {
  const rounds = list.rounds.map((r) => knowledge.draw(r)).filter((d) => d !== undefined);
  const last = rounds.at(-1);
  if (last) return `the ${shortOf(list.category)} list used for round ${last.round} (${formatDate(last.date)})`;
  const asOf = list.later.length === 0 ? list.basis.map((b) => knowledge.sources.get(b)?.asOf).filter(Boolean).sort().at(-1) : null;
  return `the ${shortOf(list.category)} list of ${list.year ?? "unknown date"}${asOf ? ` (as of ${formatDate(asOf)})` : ""}`;
}

/** Notes on where the lists disagree about one code. */
function disagreements(knowledge: Knowledge, code: string, category: CategoryId): { notes: string[]; sources: string[] } {
  const notes: string[] = [];
  const sources: string[] = [];
  const [current, ...others] = knowledge.memberships(code, category);
  if (!current) return { notes, sources };
  const year = current.list.year ?? "that year";
  if (current.member && current.omittedBy.length > 0) {
    notes.push(
      `Sources disagree: ${current.sources.length} of the ${current.list.basis.length} lists for ${year} include it; ${joinAnd(current.omittedBy.map((id) => cite(knowledge, id)))} leaves it out.`,
    );
    sources.push(...current.omittedBy);
  }
  const dissent = current.list.dissent.find((d) => d.code === code);
  if (!current.member && dissent) {
    const who = joinAnd(dissent.sources.map((id) => cite(knowledge, id)));
    notes.push(
      dissent.reason === "later-list"
        ? `Sources disagree: a later list in ${who} puts it under ${labelOf(category)}; the ${current.list.basis.length} lists for ${year} do not.`
        : `Sources disagree: ${who} lists it, the other lists for ${year} do not.`,
    );
    sources.push(...dissent.sources);
  }
  for (const other of others) {
    if (other.member === current.member) continue;
    if (!current.member && dissent?.reason === "later-list") continue;
    const who = joinAnd(other.list.basis.map((id) => cite(knowledge, id)));
    notes.push(
      other.member
        ? `A ${other.list.year ?? "different"} list in ${who} includes it.`
        : `A shorter ${other.list.year ?? "different"} list in ${who} does not include it.`,
    );
    sources.push(...other.list.basis);
  }
  return { notes, sources };
}

function alternativesLine(alternatives: readonly Occupation[]): string | null {
  return alternatives.length > 0 ? `Other close matches: ${alternatives.map((o) => `${o.code} ${o.title}`).join("; ")}.` : null;
}

function unknownCodeReply(knowledge: Knowledge, code: string, category: CategoryId | undefined): Reply {
  const lead = category ? `No: ${code} is not a NOC 2021 code, so it is on no category list.` : `${code} is not a NOC 2021 code I know.`;
  return makeReply(knowledge, "occupation", {
    title: `NOC ${code}`,
    text: `${lead} NOC 2021 codes have 5 digits and there are ${knowledge.occupations.size} of them; check the code, or ask me by job title (for example "noc code for web designers").`,
    userError: true,
    suggestions: ["noc code for web designers", "list the STEM occupations"],
  });
}

function noOccupationReply(knowledge: Knowledge, phrase: string): Reply {
  return makeReply(knowledge, "occupation", {
    title: "Occupation not found",
    text: `I couldn't find an occupation called "${phrase.slice(0, 80)}" in NOC 2021. Try another job title or the 5-digit NOC code.`,
    userError: true,
    suggestions: ["noc code for software engineers", "is 21231 STEM?", "list the STEM occupations"],
  });
}

/** Answers "is 21231 STEM?", "noc code for web designers", "TEER of 20012", "is a data scientist eligible for STEM". */
export function answerOccupation(input: AnswerInput): Reply {
  const { knowledge, entities } = input;
  const asked = entities.categories.filter((c) => OCCUPATION_CATEGORIES.includes(c));
  const match = resolveOccupation(knowledge, entities.codes, entities.phrase);
  if (match.kind === "unknown-code") return unknownCodeReply(knowledge, match.code, asked[0]);
  if (match.kind === "none") return noOccupationReply(knowledge, entities.phrase);
  const o = match.occupation;
  const fields = [
    { name: "NOC 2021 code", value: o.code },
    { name: "TEER", value: String(o.teer) },
    { name: "Title", value: o.title },
  ];
  const extra = alternativesLine(match.alternatives);
  const category = asked[0];
  if (category) {
    const list = knowledge.currentList(category);
    if (!list) {
      const draws = knowledge.draws.filter((d) => d.category === category);
      const known = knowledge.kb.categoryLists.map((l) => labelOf(l.category));
      return makeReply(knowledge, "occupation", {
        title: `${o.code} and ${labelOf(category)}`,
        text: [
          `I can't say: my knowledge base has no ${shortOf(category)} occupation list, so I don't know whether ${named(o)} is on it.`,
          draws.length > 0 ? `I do know of ${draws.length} ${shortOf(category)} ${draws.length === 1 ? "round" : "rounds"}: ${draws.map((d) => roundName(d)).join("; ")}.` : null,
          known.length > 0 ? `I have occupation lists for: ${joinAnd([...new Set(known)])}.` : null,
          extra,
        ]
          .filter(Boolean)
          .join(" "),
        fields,
        sources: draws.flatMap((d) => d.sources),
        suggestions: knowledge.kb.categoryLists.slice(0, 1).map((l) => `list the ${labelOf(l.category)}`),
      });
    }
    const member = list.members.find((m) => m.code === o.code);
    const { notes, sources } = disagreements(knowledge, o.code, category);
    const where = listName(knowledge, list);
    const latestNote = list.rounds.length > 0 ? `, the latest ${shortOf(category)} round in my knowledge base` : "";
    const text = [
      member ? `Yes. ${named(o)} is on ${where}${latestNote}.` : `No. ${named(o)} is not on ${where}${latestNote}.`,
      ...notes,
      extra,
    ]
      .filter(Boolean)
      .join(" ");
    const asOf = list.rounds.length > 0 ? (knowledge.draw(list.rounds.at(-1) ?? 0)?.date ?? null) : null;
    return makeReply(knowledge, "occupation", {
      title: `${o.code} ${o.title}: ${labelOf(category)}`,
      text,
      fields: [...fields, { name: labelOf(category), value: member ? "on the list" : "not on the list" }],
      asOf,
      sources: [...(member?.sources ?? list.basis), ...sources],
      suggestions: [`list the ${labelOf(category)}`, `latest ${shortOf(category)} cut-off`],
    });
  }
  // No category asked: say what the occupation is and which lists carry it.
  const on = knowledge.kb.categoryLists
    .map((l) => l.category)
    .filter((c, i, all) => all.indexOf(c) === i)
    .map((c) => ({ c, list: knowledge.currentList(c) }))
    .filter((x): x is { c: CategoryId; list: CategoryList } => x.list !== undefined);
  const carried = on.filter((x) => x.list.members.some((m) => m.code === o.code));
  const notes = on.flatMap((x) => disagreements(knowledge, o.code, x.c).notes);
  const wantsTeer = /\bteer\b/.test(entities.text);
  const wantsCode = /\b(?:noc|code)\b/.test(entities.text) && entities.codes.length === 0;
  const lead = wantsTeer
    ? `TEER ${o.teer}: ${o.code} ${o.title} is in TEER ${o.teer} of NOC 2021.`
    : wantsCode
      ? `${o.title}: NOC 2021 code ${o.code} (TEER ${o.teer}).`
      : `${o.code} is ${o.title} (NOC 2021, TEER ${o.teer}).`;
  const membership =
    carried.length > 0
      ? `It is on ${joinAnd(carried.map((x) => listName(knowledge, x.list)))}.`
      : on.length > 0
        ? `It is not on ${joinAnd(on.map((x) => listName(knowledge, x.list)))}, the category ${on.length === 1 ? "list" : "lists"} I have.`
        : "I have no category occupation lists.";
  const carriedList = carried[0]?.list;
  return makeReply(knowledge, "occupation", {
    title: `${o.code} ${o.title}`,
    text: [lead, membership, ...notes, `In NOC 2021: ${o.leadStatement.split(/(?<=\.)\s/)[0] ?? ""}`, extra].filter(Boolean).join(" "),
    fields,
    asOf: carriedList && carriedList.rounds.length > 0 ? (knowledge.draw(carriedList.rounds.at(-1) ?? 0)?.date ?? null) : null,
    sources: carried.flatMap((x) => x.list.members.find((m) => m.code === o.code)?.sources ?? []),
    suggestions: [...carried, ...on].slice(0, 1).map((x) => `list the ${labelOf(x.c)}`),
  });
}

function pickCategory(knowledge: Knowledge, categories: readonly CategoryId[]): CategoryId | undefined {
  return categories.find((c) => OCCUPATION_CATEGORIES.includes(c)) ?? (categories.length === 0 ? knowledge.kb.categoryLists[0]?.category : undefined);
}

function noListReply(knowledge: Knowledge, intent: "category-list" | "category-count", category: CategoryId | undefined): Reply {
  const known = [...new Set(knowledge.kb.categoryLists.map((l) => labelOf(l.category)))];
  return makeReply(knowledge, intent, {
    title: "No such list",
    text: `I don't have ${category ? `the ${labelOf(category)}` : "that"} occupation list in my knowledge base.${known.length > 0 ? ` I have lists for: ${joinAnd(known)}.` : ""}`,
    suggestions: known.map((k) => `list the ${k}`),
  });
}

/** Answers "list the STEM occupations". */
export function answerCategoryList(input: AnswerInput): Reply {
  const { knowledge } = input;
  const category = pickCategory(knowledge, input.entities.categories);
  const list = category ? knowledge.currentList(category) : undefined;
  if (!category || !list) return noListReply(knowledge, "category-list", category);
  const omitted = list.members.filter((m) => m.omittedBy.length > 0);
  const later = knowledge.listsOf(category).filter((l) => l !== list && (l.year ?? 0) > (list.year ?? 0));
  const notes: string[] = [];
  for (const m of omitted) notes.push(`${m.code} ${m.title} is left out by ${joinAnd(m.omittedBy.map((id) => cite(knowledge, id)))}; the other lists include it.`);
  for (const l of later) {
    const added = l.members.filter((m) => !list.members.some((x) => x.code === m.code));
    const dropped = list.members.filter((m) => !l.members.some((x) => x.code === m.code));
    notes.push(
      `A later list (${l.year ?? "undated"}) in ${joinAnd(l.basis.map((id) => cite(knowledge, id)))} has ${plural(l.members.length, "occupation")}${added.length > 0 ? `, adding ${joinAnd(added.map((m) => m.code))}` : ""}${dropped.length > 0 ? ` and leaving out ${dropped.length} of these` : ""}.`,
    );
  }
  const asOf = knowledge.draw(list.rounds.at(-1) ?? 0)?.date ?? null;
  return makeReply(knowledge, "category-list", {
    title: `${labelOf(category)}${list.version ? ` (${list.version})` : ""}`,
    text: [`${list.members.length} occupations are on ${listName(knowledge, list)}.`, ...notes.map((n, i) => (i === 0 ? `Sources disagree: ${n}` : n)), "The list:"].join(" "),
    list: list.members.map((m) => `${m.code} ${m.title} (TEER ${m.teer})`),
    asOf,
    sources: [...list.basis, ...later.flatMap((l) => l.basis)],
    suggestions: [`how many occupations are in ${shortOf(category)}?`],
  });
}

/** Answers "how many occupations are in STEM". */
export function answerCategoryCount(input: AnswerInput): Reply {
  const { knowledge } = input;
  const nocCount = knowledge.facts("category-noc-count")[0];
  const asked = input.entities.categories.find((c) => OCCUPATION_CATEGORIES.includes(c));
  if (!asked && nocCount) {
    return makeReply(knowledge, "category-count", {
      title: "Occupations in the categories",
      text: `${nocCount.value}: the occupation categories announced for category-based draws cover ${nocCount.value} NOC codes, according to ${cite(knowledge, nocCount.sources[0] ?? "")}.`,
      asOf: nocCount.asOf,
      sources: nocCount.sources,
      suggestions: ["how many occupations are in STEM?", "list the STEM occupations"],
    });
  }
  const category = pickCategory(knowledge, input.entities.categories);
  const list = category ? knowledge.currentList(category) : undefined;
  if (!category || !list) return noListReply(knowledge, "category-count", category);
  const stated = list.statedCount;
  const parts = [`${list.members.length}. ${list.members.length} occupations are on ${listName(knowledge, list)}.`];
  if (stated) {
    parts.push(
      stated.value === list.members.length
        ? `${joinAnd(stated.sources.map((id) => cite(knowledge, id)))} also says ${stated.value}.`
        : `Sources disagree: ${joinAnd(stated.sources.map((id) => cite(knowledge, id)))} says ${stated.value}.`,
    );
  }
  for (const l of knowledge.listsOf(category).filter((x) => x !== list)) {
    parts.push(`A ${l.year ?? "different"} list in ${joinAnd(l.basis.map((id) => cite(knowledge, id)))} has ${l.members.length}.`);
  }
  if (nocCount) parts.push(`All the categories together cover ${nocCount.value} NOC codes.`);
  return makeReply(knowledge, "category-count", {
    title: `${labelOf(category)}: ${list.members.length} occupations`,
    text: parts.join(" "),
    asOf: knowledge.draw(list.rounds.at(-1) ?? 0)?.date ?? null,
    sources: [...list.basis, ...(stated?.sources ?? []), ...(nocCount?.sources ?? [])],
    suggestions: [`list the ${labelOf(category)}`],
  });
}
