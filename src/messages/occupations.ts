import type { OccupationExample } from "../skills/occupations/examples.js";
import { capital, formatDate, formatNumber, joinAnd, plural } from "../core/format.js";
import { pick, type Catalog } from "./lang.js";

/** A list as sentences name it: its year and the date it took effect, if known. */
export interface ListDate {
  readonly year: number;
  readonly effective: string | null;
}

/** The sentences of the occupation and category skills, in one language. */
export interface OccupationsMessages {
  /** "21231 Software engineers and designers (TEER 1)". */
  readonly named: (code: string, title: string, teer: number) => string;
  readonly yes: string;
  readonly no: string;
  readonly cantSay: string;
  readonly notByOccupation: string;
  /** A list's checking status, as a word ("verified"). */
  readonly status: (status: string) => string;
  readonly statusUnverified: (year: number, name: string, note: string | null) => string;
  readonly statusInferred: (year: number, note: string | null) => string;
  readonly statusMostly: (year: number, note: string | null) => string;
  readonly programNotCategory: (name: string) => string;
  readonly noListOn: (label: string, year: number | undefined, date: string, years: readonly number[]) => string;
  readonly byFrenchAbility: (name: string, conditions: string | null) => string;
  readonly noCategoryThen: (label: string, year: number, note: string | null, back: number | undefined) => string;
  readonly onList: (named: string, member: boolean, label: string, list: ListDate, since: ListDate | null) => string;
  readonly wasOnLists: (member: boolean, years: readonly number[]) => string;
  readonly alsoOnLists: (years: readonly number[]) => string;
  readonly leftOut: (cites: readonly string[]) => string;
  readonly dissentLists: (cites: readonly string[]) => string;
  readonly elsewhere: (lists: readonly { label: string; name: string }[]) => string;
  readonly nocTitle: (code: string) => string;
  readonly unknownCode: (code: string, withCategories: boolean, unitGroups: number) => string;
  readonly unknownCodeSuggestions: (ex: OccupationExample) => string[];
  readonly notFoundTitle: string;
  readonly notFound: (phrase: string) => string;
  readonly notFoundSuggestions: (ex: OccupationExample) => string[];
  readonly alternatives: (items: readonly string[]) => string;
  readonly reading: (phrase: string, code: string, title: string) => string;
  readonly fieldNoc: string;
  readonly fieldTitle: string;
  readonly fieldTeer: string;
  readonly membershipSuggestions: (code: string, label: string) => string[];
  readonly inForceLists: (lists: readonly { label: string; year: number }[], date: string) => string;
  readonly noListInForce: (date: string) => string;
  /** The categories with no round in a year (or ever), as far as the records go. */
  readonly withoutRounds: (labels: readonly string[], year: number | null, latest: string | null) => string;
  /** Lists of other years an occupation was on: "earlier", or "in other years" when some are later than the date asked. */
  readonly earlier: (items: readonly { label: string; years: readonly number[] }[], later: boolean) => string;
  readonly teerLead: (teer: number, code: string, title: string) => string;
  readonly categoriesLead: (labels: readonly string[], named: string) => string;
  readonly lookupLead: (named: string) => string;
  /** The title in the other official language, as Statistics Canada publishes it. */
  readonly otherTitle: (title: string) => string;
  readonly lookupSuggestions: (code: string, ex: OccupationExample) => string[];
  readonly occupationExamples: (ex: OccupationExample) => string[];
  readonly giveOccupation: string;
  readonly unknownCategory: (category: string) => string;
  readonly categoryTitle: string;
  readonly categorySuggestions: (ex: OccupationExample) => string[];
  readonly listsTookEffect: (date: string, year: number, later: readonly { label: string; date: string }[]) => string;
  /** The first category round, after the date the first lists took effect. */
  readonly firstCategoryRound: (round: string) => string;
  readonly noDatedLists: (year: number) => string;
  readonly noLists: string;
  readonly noListsFor: (year: number, years: readonly number[]) => string;
  readonly conditionsOfYear: (year: number, now: readonly ConditionGroup[], before: readonly ConditionGroup[] | null, frenchRule: string | null) => string;
  /** Before conditionsOfYear, for "was it the same before?". */
  readonly sameAsBefore: (same: boolean) => string;
  readonly categoriesIn: (year: number, names: readonly string[], gone: readonly string[]) => string;
  readonly whichLine: (name: string, occupations: number | null, list: ListDate) => string;
  readonly noListToday: (label: string, year: number | undefined, years: readonly number[]) => string;
  readonly yearHistory: (year: number, active: boolean, occupations: number | null) => string;
  readonly exists: (p: {
    yes: boolean;
    label: string;
    active: boolean;
    year: number | undefined;
    current: ListDate | undefined;
    note: string | null;
    back: (ListDate & { occupations: number }) | undefined;
    history: readonly string[];
  }) => string;
  readonly statusAnswer: (verified: boolean, listLabel: string, status: string, note: string | null, unverified: boolean) => string;
  readonly firstList: (label: string, list: ListDate, name: string) => string;
  readonly noActiveList: (label: string) => string;
  readonly conditions: (conditions: string | null, listLabel: string, before: { year: number; conditions: string } | undefined, statusLine: string, withOccupations: boolean) => string;
  readonly firstListOf: (listLabel: string, label: string) => string;
  /** After firstListOf: the occupations of that first list, listed after it. */
  readonly firstListHas: (n: number) => string;
  readonly size: (occupations: number | null | "inactive") => string;
  readonly compare: (answer: boolean | undefined, label: string, a: string, yearA: number, b: string, yearB: number) => string;
  readonly noneThen: (label: string, year: number, note: string | null) => string;
  readonly noOccupationList: (yesNo: boolean, name: string, conditions: string | null) => string;
  readonly ofTeer: (teer: number) => string;
  readonly stated: (n: number) => string;
  readonly dissent: (codes: readonly string[]) => string;
  readonly count: (n: number, listLabel: string, teer: string, rest: string) => string;
  readonly listHas: (listLabel: string, n: number, teer: string, statusLine: string) => string;
  readonly listLabel: (label: string, name: string, list: ListDate) => string;
  readonly statusLine: (status: string, note: string | null) => string;
  readonly added: (code: string, title: string) => string;
  readonly removed: (code: string, title: string) => string;
  readonly cameBack: (label: string, list: ListDate, occupations: number) => string;
  readonly notCategoryIn: (label: string, year: number, note: string | null) => string;
  readonly conditionsChanged: (conditions: string) => string;
  readonly noChange: (label: string, list: ListDate, occupations: number, previousYear: number, rule: string) => string;
  readonly changedCounts: (p: { added: number; removed: number; label: string; list: ListDate; occupations: number; previousYear: number; previous: number; rule: string }) => string;
  readonly newIn: (name: string, year: number, occupations: number | null) => string;
  readonly noLonger: (label: string, note: string | null) => string;
  readonly backWith: (label: string, occupations: number) => string;
  readonly changedLine: (label: string, changes: readonly string[], conditionsChanged: boolean) => string;
  readonly changedAll: (categories: number, year: number, first: string | undefined) => string;
  /** With yesNo, the answer to "were there new lists in 2024?" (French only; the English text stays as it is). */
  readonly nothingChanged: (year: number, yesNo: boolean) => string;
  readonly categoryExamples: (ex: OccupationExample) => string[];
  readonly versionNames: (
    version: string,
    lists: readonly { listLabel: string; rounds: number; first: string | null; last: string | null; conditions: string | null; note: string | null }[],
  ) => string;
  readonly versionLists: (version: string, years: readonly { year: number; labels: readonly string[] }[]) => string;
  readonly nocCommand: { readonly name: string; readonly description: string };
  readonly nocOccupation: { readonly name: string; readonly description: string };
  readonly nocCategory: { readonly name: string; readonly description: string };
  readonly nocYear: { readonly name: string; readonly description: string };
  readonly categoryCommand: { readonly name: string; readonly description: string };
  readonly categoryCategory: { readonly name: string; readonly description: string };
  readonly categoryYear: { readonly name: string; readonly description: string };
}

const years = (ys: readonly number[]): string => joinAnd(ys.map(String));
const since = (l: ListDate): string => (l.effective ? formatDate(l.effective) : `${l.year}`);

// French: a date takes "le" ("depuis le 27 février 2025", "à partir du 18 février 2026"), a year does not.
const depuis = (l: ListDate): string => (l.effective ? `depuis le ${formatDate(l.effective)}` : `depuis ${l.year}`);
const aPartir = (l: ListDate): string => (l.effective ? `à partir du ${formatDate(l.effective)}` : `à partir de ${l.year}`);
// The lists' conditions and notes are written in English in the knowledge base: quoted as they are.
const quoted = (s: string): string => `« ${s} »`;
const n = (digits: string | undefined): string => formatNumber(Number((digits ?? "").replace(/,/g, "")));
// The French wording of each part of a list's conditions as the knowledge base writes them, numbers taken from the text.
const RULE_PARTS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^at least (\d+) months \(([\d,]+) hours\) of full-time or equivalent part-time work experience within the past (\d+) years in a single listed occupation$/, (m) => `au moins ${n(m[1])} mois (${n(m[2])} heures) d'expérience de travail à temps plein ou l'équivalent à temps partiel au cours des ${n(m[3])} dernières années dans une seule profession de la liste`],
  [/^at least (\d+) months of continuous full-time work experience \(or equal part-time\) in a single listed occupation within the past (\d+) years, in Canada or abroad(?: \((\d{4}) rule\))?$/, (m) => `au moins ${n(m[1])} mois d'expérience de travail continue à temps plein (ou l'équivalent à temps partiel) dans une seule profession de la liste au cours des ${n(m[2])} dernières années, au Canada ou à l'étranger${m[3] ? ` (règle de ${m[3]})` : ""}`],
  [/^at least (\d+) months of Canadian work experience in a listed occupation within the past (\d+) years$/, (m) => `au moins ${n(m[1])} mois d'expérience de travail au Canada dans une profession de la liste au cours des ${n(m[2])} dernières années`],
  [/^need not be continuous(?: \((\d{4}) rule\))?$/, (m) => `l'expérience n'a pas à être continue${m[1] ? ` (règle de ${m[1]})` : ""}`],
  [/^experience must be in Canada$/, () => "l'expérience doit avoir été acquise au Canada"],
  [/^Canadian or foreign experience$/, () => "expérience au Canada ou à l'étranger"],
  [/^Foreign Skilled Military Applicant \((\d+)\+ years foreign military service\) with a Canadian Armed Forces offer$/, (m) => `candidat militaire qualifié étranger (${n(m[1])} ans ou plus de service militaire à l'étranger) ayant une offre des Forces armées canadiennes`],
  [/^eligible for FSWP\/FSTP\/CEC$/, () => "être admissible au TQF, au TMSF ou à la PEC"],
  [/^NCLC (\d+)(?:\+| or higher) in all four( French)? abilities$/, (m) => `NCLC ${m[1]} ou plus aux quatre compétences${m[2] ? " en français" : ""}`],
  [/^(?:no|not an) occupation list$/, () => "pas de liste de professions"],
  [/^category removed for (\d{4})$/, (m) => `catégorie retirée pour ${m[1]}`],
];
// A list's conditions in French when every part of them is known, else quoted as the knowledge base writes them.
const rule = (s: string): string => {
  const parts = s.split(/;\s*/).map((part) => RULE_PARTS.map(([re, fr]) => { const m = re.exec(part.trim()); return m ? fr(m) : null; }).find((x) => x !== null) ?? null);
  return parts.every((p): p is string => p !== null) ? parts.join(" ; ") : quoted(s);
};
// Shared conditions first, then each list's own with the lists named: "every list: X; STEM and trades: also Y".
const groups = (gs: readonly ConditionGroup[]): string => gs.map((g) => (g.labels ? `${joinAnd(g.labels)}${gs[0]?.labels === null ? " also" : ""}: ${g.text}` : gs.length > 1 ? `every list: ${g.text}` : g.text)).join("; ");
const groupsFr = (gs: readonly ConditionGroup[]): string => gs.map((g) => (g.labels ? `${joinAnd(g.labels)}${gs[0]?.labels === null ? " en plus" : ""} : ${rule(g.text)}` : gs.length > 1 ? `toutes les listes : ${rule(g.text)}` : rule(g.text))).join(" ; ");
const listes = (ys: readonly number[]): string => (ys.length > 1 ? `les listes de ${years(ys)}` : `la liste de ${years(ys)}`);

const STATUS_FR: Readonly<Record<string, string>> = {
  verified: "vérifiée",
  "verified-mostly": "vérifiée en grande partie",
  inferred: "déduite",
  unverified: "non vérifiée",
};

/** Conditions some category lists of a year share: every list's (no labels), or those of the lists named. */
export interface ConditionGroup {
  readonly labels: readonly string[] | null;
  readonly text: string;
}

/** Every sentence the occupation and category skills say, in English and French. */
export const OCCUPATIONS_MESSAGES: Catalog<OccupationsMessages> = {
  en: {
    named: (code, title, teer) => `${code} ${title} (TEER ${teer})`,
    yes: "Yes",
    no: "No",
    cantSay: "I can't say",
    notByOccupation: "It doesn't depend on the occupation",
    status: (status) => status,
    statusUnverified: (year, name, note) => `The ${year} ${name} list could not be checked against any source${note ? `: ${note}` : ""}.`,
    statusInferred: (year, note) => `The ${year} list is inferred, not read from IRCC${note ? `: ${note}` : ""}.`,
    statusMostly: (year, note) => `Most of the ${year} list was checked; not every code${note ? `: ${note}` : ""}.`,
    programNotCategory: (name) => `${name} is a program, not an occupation category: it has no occupation list, so an occupation is not "in" it.`,
    noListOn: (label, year, date, ys) => `I have no ${label} list ${year !== undefined ? `for ${year}` : `in force on ${formatDate(date)}`}; my ${label} lists are for ${years(ys) || "no year"}.`,
    byFrenchAbility: (name, conditions) => `${name} selects candidates by French-language ability, not by occupation${conditions ? ` (${conditions})` : ""}.`,
    noCategoryThen: (label, year, note, back) => `there was no ${label} category in ${year}${note ? ` (${note})` : ""}${back ? `; it came back in ${back}` : ""}.`,
    onList: (named, member, label, list, from) =>
      `${named} is ${member ? "" : "not "}on ${from ? `the ${label} list IRCC has used since ${since(from)}` : `the ${list.year} ${label} list (in force from ${since(list)})`}.`,
    wasOnLists: (member, ys) => `It was ${member ? "not " : ""}on the ${years(ys)} list${ys.length > 1 ? "s" : ""}.`,
    alsoOnLists: (ys) => `It was also on the ${years(ys)} list${ys.length > 1 ? "s" : ""}.`,
    leftOut: (cites) => `Sources disagree: ${joinAnd(cites)} leaves it out of its table.`,
    dissentLists: (cites) => `Sources disagree: ${joinAnd(cites)} lists it; IRCC's list does not.`,
    elsewhere: (lists) => `It is on the ${joinAnd(lists.map((l) => `${l.label} (${l.name})`))} list${lists.length > 1 ? "s" : ""} now.`,
    nocTitle: (code) => `NOC ${code}`,
    unknownCode: (code, withCategories, n) =>
      `${withCategories ? "No: " : ""}${code} is not a NOC 2021 code${withCategories ? ", so it is on no category list" : ""}. NOC 2021 has ${n} unit groups with 5-digit codes; check the code, or ask by job title.`,
    unknownCodeSuggestions: (ex) => [`noc code for ${ex.title}`],
    notFoundTitle: "Occupation not found",
    notFound: (phrase) => `I couldn't find an occupation called "${phrase}" in NOC 2021. Try another job title or the 5-digit NOC code.`,
    notFoundSuggestions: (ex) => [`noc code for ${ex.title}`, `is ${ex.code} ${ex.label}?`],
    alternatives: (items) => ` Other close matches: ${items.join("; ")}.`,
    reading: (phrase, code, title) => `I took "${phrase}" as ${code} ${title}.`,
    fieldNoc: "NOC 2021",
    fieldTitle: "Title",
    fieldTeer: "TEER",
    membershipSuggestions: (code, label) => [`which categories is ${code} in?`, `list the ${label} occupations`],
    inForceLists: (lists, date) => `It is on the ${joinAnd(lists.map((l) => `${l.year} ${l.label}`))} ${lists.length > 1 ? "lists" : "list"} in force on ${formatDate(date)}.`,
    noListInForce: (date) => `It is on no category list in force on ${formatDate(date)}.`,
    withoutRounds: (labels, year, latest) => `${labels.length > 0 ? `${capital(joinAnd([...labels]))}: no round ${year !== null ? `in ${year}` : "yet"} that I know of` : `None: every category had a round ${year !== null ? `in ${year}` : "at least once"}`}${latest ? ` (my records end with ${latest})` : ""}.`,
    earlier: (items, later) => ` ${later ? "In other years" : "Earlier"}: ${items.map((x) => `${x.label} in ${years(x.years)}`).join("; ")}.`,
    teerLead: (teer, code, title) => `TEER ${teer}: ${code} ${title} is a TEER ${teer} occupation in NOC 2021.`,
    categoriesLead: (labels, named) => `${labels.length > 0 ? joinAnd(labels) : "None"}: ${named}.`,
    lookupLead: (named) => `${named} in NOC 2021.`,
    otherTitle: (title) => `Its official French title (CNP 2021, Statistics Canada): ${title}.`,
    lookupSuggestions: (code, ex) => [`is ${code} ${ex.label}?`, `which categories is ${code} in?`],
    occupationExamples: (ex) => [`is ${ex.code} ${ex.label}?`, `which categories is ${ex.otherCode} in?`, `noc code for ${ex.title}`],
    giveOccupation: "Give a 5-digit NOC code or a job title.",
    unknownCategory: (category) => `"${category}" is not a category I know.`,
    categoryTitle: "Category-based selection",
    categorySuggestions: (ex) => [`which categories exist in ${ex.year}?`, `is ${ex.code} ${ex.label}?`],
    listsTookEffect: (date, year, later) =>
      `${formatDate(date)}: the ${year} category lists took effect then${later.length > 0 ? ` (some later: ${joinAnd([...new Set(later.map((l) => `${l.label} ${formatDate(l.date)}`))])})` : ""}.`,
    firstCategoryRound: (round) => ` The first category round I know of is ${round}.`,
    noDatedLists: (year) => `I have no ${year} lists with a date.`,
    noLists: "I have no category lists.",
    noListsFor: (year, ys) => `I have no category lists for ${year}; mine cover ${years(ys)}.`,
    sameAsBefore: (same) => (same ? "Yes. " : "No. "),
    conditionsOfYear: (year, now, before, frenchRule) =>
      `${before ? `The work-experience rule changed in ${year}. ` : ""}In ${year}: ${groups(now)}.${before ? ` In ${year - 1}: ${groups(before)}.` : ""} French-language proficiency: ${frenchRule ?? "no rule stated"}.`,
    categoriesIn: (year, names, gone) => `${names.length} categories in ${year}: ${joinAnd(names)}.${gone.length > 0 ? ` Not a category that year: ${joinAnd(gone)}.` : ""}`,
    whichLine: (name, occupations, list) => `${name}${occupations !== null ? `: ${plural(occupations, "occupation")}` : " (a language rule, no list)"}, from ${since(list)}`,
    noListToday: (label, year, ys) => `I have no ${label} list ${year !== undefined ? `for ${year}` : "in force today"}; my ${label} lists are for ${years(ys) || "no year"}.`,
    yearHistory: (year, active, occupations) => `${year}: ${active ? (occupations !== null ? plural(occupations, "occupation") : "a language rule") : "not a category"}`,
    exists: ({ yes, label, active, year, current, note, back, history }) =>
      `${yes ? "Yes" : "No"}: ${label} ${active ? "is" : "is not"} a category ${year !== undefined ? `in ${year}` : "in the lists in force today"} (${current ? `${current.year} list${current.effective ? `, from ${formatDate(current.effective)}` : ""}` : "none"}).${note ? ` ${note}.` : ""}${back ? ` It came back in ${back.year}${back.effective ? ` (from ${formatDate(back.effective)})` : ""} with ${plural(back.occupations, "occupation")}.` : ""} By year: ${history.join("; ")}.`,
    statusAnswer: (verified, listLabel, status, note, unverified) =>
      `${verified ? "Yes" : "Not fully"}: ${listLabel} is marked ${status}${note ? ` (${note})` : ""}.${unverified ? " No source could be read to check it: treat it with care." : ""}`,
    firstList: (label, list, name) => `${since(list)}: the first ${label} list I have took effect then (${list.year}, ${name}).`,
    noActiveList: (label) => `${capital(label)} has had no active list.`,
    conditions: (conditions, listLabel, before, statusLine, withOccupations) =>
      `${conditions ? capital(conditions) : "My data states no conditions"}: ${listLabel}.${before ? ` Before, in ${before.year}: ${before.conditions}.` : ""}${statusLine}${withOccupations ? " The occupations:" : ""}`,
    firstListOf: (listLabel, label) => `${capital(listLabel)} is the first ${label} list I have.`,
    firstListHas: (n) => ` It has ${plural(n, "occupation")}:`,
    size: (n) => (n === "inactive" ? "not a category" : n === null ? "no list" : plural(n, "occupation")),
    compare: (answer, label, a, yearA, b, yearB) => `${answer === undefined ? "" : answer ? "Yes: " : "No: "}${capital(label)}: ${a} in ${yearA}, ${b} in ${yearB}.`,
    noneThen: (label, year, note) => `None: there was no ${label} category in ${year}.${note ? ` ${note}.` : ""}`,
    noOccupationList: (yesNo, name, conditions) => `${yesNo ? "No: " : ""}${name} has no occupation list: it selects by French-language ability${conditions ? ` (${conditions})` : ""}.`,
    ofTeer: (teer) => ` of TEER ${teer}`,
    stated: (n) => ` A source states ${n}.`,
    dissent: (codes) => ` Article tables also list ${codes.join(", ")}, which IRCC's list does not include.`,
    count: (n, listLabel, teer, rest) => `${n}: ${listLabel} has ${plural(n, "occupation")}${teer}.${rest}`,
    listHas: (listLabel, n, teer, statusLine) => `${capital(listLabel)} has ${plural(n, "occupation")}${teer}:${statusLine}`,
    listLabel: (label, name, list) => `the ${list.year} ${label} list (${name}, in force from ${since(list)})`,
    statusLine: (status, note) => ` This list is marked ${status}${note ? `: ${note}` : ""}.`,
    added: (code, title) => `added: ${code} ${title}`,
    removed: (code, title) => `removed: ${code} ${title}`,
    cameBack: (label, list, n) => `${capital(label)} came back in ${list.year} with ${plural(n, "occupation")} (from ${since(list)}).`,
    notCategoryIn: (label, year, note) => `${capital(label)} was not a category in ${year}.${note ? ` ${note}.` : ""}`,
    conditionsChanged: (conditions) => ` The conditions changed: ${conditions}.`,
    noChange: (label, list, n, previousYear, rule) => `No occupation changed: the ${list.year} ${label} list (from ${since(list)}) has the same ${plural(n, "occupation")} as ${previousYear}.${rule}`,
    changedCounts: ({ added, removed, label, list, occupations, previousYear, previous, rule }) =>
      `${plural(added, "occupation")} added and ${removed} removed: the ${list.year} ${label} list (from ${since(list)}) has ${occupations}, the ${previousYear} list had ${previous}.${rule}`,
    newIn: (name, year, n) => `${name}: new in ${year}${n !== null ? `, ${plural(n, "occupation")}` : ""}`,
    noLonger: (label, note) => `${label}: no longer a category${note ? ` (${note})` : ""}`,
    backWith: (label, n) => `${label}: back, ${plural(n, "occupation")}`,
    changedLine: (label, changes, conditionsChanged) => `${label}: ${changes.length > 0 ? changes.join(", ") : "same occupations"}${conditionsChanged ? "; conditions changed" : ""}`,
    changedAll: (n, year, first) => `${plural(n, "category", "categories")} changed in ${year}${first ? ` (lists from ${formatDate(first)})` : ""}:`,
    nothingChanged: (year) => `Nothing changed in the category lists in ${year}.`,
    categoryExamples: (ex) => [`which categories exist in ${ex.year}?`, `list the ${ex.label} occupations`, `what changed in ${ex.year}?`],
    versionNames: (version, lists) =>
      lists
        .map(
          (l) =>
            `"${version}" is what IRCC's round names call ${l.listLabel}${l.rounds > 0 && l.first && l.last ? `, in ${plural(l.rounds, "round")} from ${l.first} to ${l.last}` : ""}.${l.conditions ? ` Its condition: ${l.conditions}.` : ""}${l.note ? ` ${capital(l.note)}.` : ""}`,
        )
        .join(" "),
    versionLists: (version, ys) => `"${version}" is what IRCC's round names call ${joinAnd(ys.map((y) => `the ${y.year} lists (${joinAnd(y.labels)})`))}.`,
    nocCommand: { name: "noc", description: "Look up an occupation by NOC code or job title" },
    nocOccupation: { name: "occupation", description: "A 5-digit NOC code or a job title" },
    nocCategory: { name: "category", description: "Check membership of a category" },
    nocYear: { name: "year", description: "The list of this year (default: in force today)" },
    categoryCommand: { name: "category", description: "A category's occupation list, or the categories of a year" },
    categoryCategory: { name: "category", description: "Category (none: every category of the year)" },
    categoryYear: { name: "year", description: "Year of the list (default: in force today)" },
  },
  fr: {
    named: (code, title, teer) => `${code} ${title} (FEER ${teer})`,
    yes: "Oui",
    no: "Non",
    cantSay: "Je ne peux pas le dire",
    notByOccupation: "Cela ne dépend pas de la profession",
    status: (status) => STATUS_FR[status] ?? status,
    statusUnverified: (year, name, note) => `La liste de ${year} « ${name} » n'a pu être vérifiée auprès d'aucune source${note ? ` : ${quoted(note)}` : ""}.`,
    statusInferred: (year, note) => `La liste de ${year} est déduite, et non lue chez IRCC${note ? ` : ${quoted(note)}` : ""}.`,
    statusMostly: (year, note) => `La liste de ${year} a été vérifiée en grande partie, mais pas code par code${note ? ` : ${quoted(note)}` : ""}.`,
    programNotCategory: (name) => `${name} est un programme, pas une catégorie de professions : il n'a pas de liste de professions, une profession n'en fait donc pas « partie ».`,
    noListOn: (label, year, date, ys) =>
      `Je n'ai pas de liste de la catégorie ${label} ${year !== undefined ? `pour ${year}` : `en vigueur le ${formatDate(date)}`} ; mes listes de cette catégorie sont celles de ${years(ys) || "aucune année"}.`,
    byFrenchAbility: (name, conditions) => `La catégorie ${name} sélectionne les candidats selon leur compétence en français, et non selon leur profession${conditions ? ` (${rule(conditions)})` : ""}.`,
    noCategoryThen: (label, year, note, back) => `il n'y avait pas de catégorie ${label} en ${year}${note ? ` (${quoted(note)})` : ""}${back ? ` ; elle est revenue en ${back}` : ""}.`,
    onList: (named, member, label, list, from) =>
      `${named} ${member ? "figure" : "ne figure pas"} sur ${from ? `la liste de la catégorie ${label} qu'IRCC utilise ${depuis(from)}` : `la liste de ${list.year} de la catégorie ${label} (en vigueur ${aPartir(list)})`}.`,
    wasOnLists: (member, ys) => `Elle ${member ? "ne figurait pas" : "figurait"} sur ${listes(ys)}.`,
    alsoOnLists: (ys) => `Elle figurait aussi sur ${listes(ys)}.`,
    leftOut: (cites) => `Les sources divergent : ${joinAnd(cites)} l'omet dans son tableau.`,
    dissentLists: (cites) => `Les sources divergent : ${joinAnd(cites)} la mentionne ; la liste d'IRCC, non.`,
    elsewhere: (lists) => `Elle figure maintenant sur ${lists.length > 1 ? "les listes des catégories" : "la liste de la catégorie"} ${joinAnd(lists.map((l) => `${l.label} (${l.name})`))}.`,
    nocTitle: (code) => `CNP ${code}`,
    unknownCode: (code, withCategories, n) =>
      `${withCategories ? "Non : " : ""}${code} n'est pas un code de la CNP 2021${withCategories ? ", il ne figure donc sur aucune liste de catégorie" : ""}. La CNP 2021 compte ${formatNumber(n)} groupes de base aux codes à 5 chiffres ; vérifiez le code, ou demandez par appellation d'emploi.`,
    unknownCodeSuggestions: (ex) => [`code CNP des ${ex.title}`],
    notFoundTitle: "Profession introuvable",
    notFound: (phrase) => `Je n'ai trouvé aucune profession appelée « ${phrase} » dans la CNP 2021. Essayez une autre appellation d'emploi ou le code CNP à 5 chiffres.`,
    notFoundSuggestions: (ex) => [`code CNP des ${ex.title}`, `est-ce que ${ex.code} est dans la catégorie ${ex.label} ?`],
    alternatives: (items) => ` Autres professions proches : ${items.join(" ; ")}.`,
    reading: (phrase, code, title) => `J'ai compris « ${phrase} » comme ${code} ${title}.`,
    fieldNoc: "CNP 2021",
    fieldTitle: "Titre",
    fieldTeer: "FEER",
    membershipSuggestions: (code, label) => [`dans quelles catégories est ${code} ?`, `liste des professions de la catégorie ${label}`],
    inForceLists: (lists, date) =>
      `Elle figure sur ${lists.length > 1 ? "les listes des catégories" : "la liste de la catégorie"} ${joinAnd(lists.map((l) => `${l.label} (liste de ${l.year})`))} en vigueur le ${formatDate(date)}.`,
    noListInForce: (date) => `Elle ne figure sur aucune liste de catégorie en vigueur le ${formatDate(date)}.`,
    withoutRounds: (labels, year, latest) => `${labels.length > 0 ? `${capital(joinAnd([...labels]))} : aucun tirage ${year !== null ? `en ${year}` : "jusqu'ici"} à ma connaissance` : `Aucune : chaque catégorie a eu un tirage ${year !== null ? `en ${year}` : "au moins une fois"}`}${latest ? ` (mes données s'arrêtent au ${latest})` : ""}.`,
    earlier: (items, later) => ` ${later ? "D'autres années" : "Auparavant"} : ${items.map((x) => `${x.label} en ${years(x.years)}`).join(" ; ")}.`,
    teerLead: (teer, code, title) => `FEER ${teer} : ${code} ${title} est une profession de FEER ${teer} dans la CNP 2021.`,
    categoriesLead: (labels, named) => `${labels.length > 0 ? capital(joinAnd(labels)) : "Aucune"} : ${named}.`,
    lookupLead: (named) => `${named} dans la CNP 2021.`,
    otherTitle: (title) => `Son titre officiel en anglais (NOC 2021, Statistique Canada) : ${title}.`,
    lookupSuggestions: (code, ex) => [`est-ce que ${code} est dans la catégorie ${ex.label} ?`, `dans quelles catégories est ${code} ?`],
    occupationExamples: (ex) => [`est-ce que ${ex.code} est dans la catégorie ${ex.label} ?`, `dans quelles catégories est ${ex.otherCode} ?`, `code CNP des ${ex.title}`],
    giveOccupation: "Donnez un code CNP à 5 chiffres ou une appellation d'emploi.",
    unknownCategory: (category) => `« ${category} » n'est pas une catégorie que je connais.`,
    categoryTitle: "Sélection par catégorie",
    categorySuggestions: (ex) => [`quelles catégories existent en ${ex.year} ?`, `est-ce que ${ex.code} est dans la catégorie ${ex.label} ?`],
    listsTookEffect: (date, year, later) =>
      `${formatDate(date)} : les listes des catégories de ${year} sont entrées en vigueur à cette date${later.length > 0 ? ` (certaines plus tard : ${joinAnd([...new Set(later.map((l) => `${l.label} le ${formatDate(l.date)}`))])})` : ""}.`,
    firstCategoryRound: (round) => ` Le premier tirage par catégorie que je connaisse est le ${round}.`,
    noDatedLists: (year) => `Je n'ai aucune liste datée pour ${year}.`,
    noLists: "Je n'ai aucune liste de catégorie.",
    noListsFor: (year, ys) => `Je n'ai pas de listes des catégories pour ${year} ; les miennes couvrent ${years(ys)}.`,
    sameAsBefore: (same) => (same ? "Oui. " : "Non. "),
    conditionsOfYear: (year, now, before, frenchRule) =>
      `${before ? `La règle d'expérience de travail a changé en ${year}. ` : ""}En ${year} : ${groupsFr(now)}.${before ? ` En ${year - 1} : ${groupsFr(before)}.` : ""} Compétence linguistique en français : ${frenchRule ? rule(frenchRule) : "aucune règle indiquée"}.`,
    categoriesIn: (year, names, gone) => `${plural(names.length, "catégorie")} en ${year} : ${joinAnd(names)}.${gone.length > 0 ? ` Pas une catégorie cette année-là : ${joinAnd(gone)}.` : ""}`,
    whichLine: (name, occupations, list) => `${name}${occupations !== null ? ` : ${plural(occupations, "profession")}` : " (une règle de langue, sans liste)"}, ${aPartir(list)}`,
    noListToday: (label, year, ys) =>
      `Je n'ai pas de liste de la catégorie ${label} ${year !== undefined ? `pour ${year}` : "en vigueur aujourd'hui"} ; mes listes de cette catégorie sont celles de ${years(ys) || "aucune année"}.`,
    yearHistory: (year, active, occupations) => `${year} : ${active ? (occupations !== null ? plural(occupations, "profession") : "une règle de langue") : "pas une catégorie"}`,
    exists: ({ yes, label, active, year, current, note, back, history }) =>
      `${yes ? "Oui" : "Non"} : ${label} ${active ? "est" : "n'est pas"} une catégorie ${year !== undefined ? `en ${year}` : "dans les listes en vigueur aujourd'hui"} (${current ? `liste de ${current.year}${current.effective ? `, à partir du ${formatDate(current.effective)}` : ""}` : "aucune"}).${note ? ` ${quoted(note)}.` : ""}${back ? ` Elle est revenue en ${back.year}${back.effective ? ` (à partir du ${formatDate(back.effective)})` : ""} avec ${plural(back.occupations, "profession")}.` : ""} Par année : ${history.join(" ; ")}.`,
    statusAnswer: (verified, listLabel, status, note, unverified) =>
      `${verified ? "Oui" : "Pas entièrement"} : ${listLabel} est marquée « ${STATUS_FR[status] ?? status} »${note ? ` (${quoted(note)})` : ""}.${unverified ? " Aucune source n'a pu être lue pour la vérifier : utilisez-la avec prudence." : ""}`,
    firstList: (label, list, name) => `${since(list)} : la première liste de la catégorie ${label} que j'ai est entrée en vigueur à cette date (${list.year}, ${name}).`,
    noActiveList: (label) => `La catégorie ${label} n'a eu aucune liste active.`,
    conditions: (conditions, listLabel, before, statusLine, withOccupations) =>
      `${conditions ? capital(rule(conditions)) : "Mes données n'indiquent aucune condition"} : ${listLabel}.${before ? ` Avant, en ${before.year} : ${rule(before.conditions)}.` : ""}${statusLine}${withOccupations ? " Les professions :" : ""}`,
    firstListOf: (listLabel, label) => `${capital(listLabel)} est la première liste de la catégorie ${label} que j'ai.`,
    firstListHas: (n) => ` Elle compte ${plural(n, "profession")} :`,
    size: (n) => (n === "inactive" ? "pas une catégorie" : n === null ? "aucune liste" : plural(n, "profession")),
    compare: (answer, label, a, yearA, b, yearB) => `${answer === undefined ? "" : answer ? "Oui : " : "Non : "}${capital(label)} : ${a} en ${yearA}, ${b} en ${yearB}.`,
    noneThen: (label, year, note) => `Aucune : il n'y avait pas de catégorie ${label} en ${year}.${note ? ` ${quoted(note)}.` : ""}`,
    noOccupationList: (yesNo, name, conditions) =>
      `${yesNo ? "Non : l" : "L"}a catégorie ${name} n'a pas de liste de professions : la sélection se fait selon la compétence en français${conditions ? ` (${rule(conditions)})` : ""}.`,
    ofTeer: (teer) => ` de FEER ${teer}`,
    stated: (n) => ` Une source en indique ${formatNumber(n)}.`,
    dissent: (codes) => ` Des tableaux d'articles mentionnent aussi ${codes.join(", ")}, que la liste d'IRCC ne comprend pas.`,
    count: (n, listLabel, teer, rest) => `${formatNumber(n)} : ${listLabel} compte ${plural(n, "profession")}${teer}.${rest}`,
    listHas: (listLabel, n, teer, statusLine) => `${capital(listLabel)} compte ${plural(n, "profession")}${teer} :${statusLine}`,
    listLabel: (label, name, list) => `la liste de ${list.year} de la catégorie ${label} (${name}, en vigueur ${aPartir(list)})`,
    statusLine: (status, note) => ` Cette liste est marquée « ${STATUS_FR[status] ?? status} »${note ? ` : ${quoted(note)}` : ""}.`,
    added: (code, title) => `ajoutée : ${code} ${title}`,
    removed: (code, title) => `retirée : ${code} ${title}`,
    cameBack: (label, list, n) => `La catégorie ${label} est revenue en ${list.year} avec ${plural(n, "profession")} (${aPartir(list)}).`,
    notCategoryIn: (label, year, note) => `${capital(label)} n'était pas une catégorie en ${year}.${note ? ` ${quoted(note)}.` : ""}`,
    conditionsChanged: (conditions) => ` Les conditions ont changé : ${rule(conditions)}.`,
    noChange: (label, list, n, previousYear, rule) =>
      `Aucune profession n'a changé : la liste de ${list.year} de la catégorie ${label} (${aPartir(list)}) compte les mêmes ${plural(n, "profession")} qu'en ${previousYear}.${rule}`,
    changedCounts: ({ added, removed, label, list, occupations, previousYear, previous, rule }) =>
      `${plural(added, "profession")} ${added < 2 ? "ajoutée" : "ajoutées"} et ${formatNumber(removed)} ${removed < 2 ? "retirée" : "retirées"} : la liste de ${list.year} de la catégorie ${label} (${aPartir(list)}) en compte ${formatNumber(occupations)}, celle de ${previousYear} en comptait ${formatNumber(previous)}.${rule}`,
    newIn: (name, year, n) => `${name} : nouvelle en ${year}${n !== null ? `, ${plural(n, "profession")}` : ""}`,
    noLonger: (label, note) => `${label} : n'est plus une catégorie${note ? ` (${quoted(note)})` : ""}`,
    backWith: (label, n) => `${label} : de retour, ${plural(n, "profession")}`,
    changedLine: (label, changes, conditionsChanged) => `${label} : ${changes.length > 0 ? changes.join(", ") : "mêmes professions"}${conditionsChanged ? " ; conditions modifiées" : ""}`,
    changedAll: (n, year, first) => `${plural(n, "catégorie")} ${n < 2 ? "a changé" : "ont changé"} en ${year}${first ? ` (listes à partir du ${formatDate(first)})` : ""} :`,
    nothingChanged: (year, yesNo) => `${yesNo ? "Non : rien" : "Rien"} n'a changé dans les listes des catégories en ${year}.`,
    versionNames: (version, lists) =>
      lists
        .map(
          (l) =>
            `« ${version} » est le nom que les tirages d'IRCC donnent à ${l.listLabel}${l.rounds > 0 && l.first && l.last ? `, dans ${plural(l.rounds, "tirage")}, du ${l.first} au ${l.last}` : ""}.${l.conditions ? ` Sa condition : ${rule(l.conditions)}.` : ""}${l.note ? ` ${quoted(l.note)}.` : ""}`,
        )
        .join(" "),
    versionLists: (version, ys) => `« ${version} » est le nom que les tirages d'IRCC donnent ${joinAnd(ys.map((y) => `aux listes de ${y.year} (${joinAnd(y.labels)})`))}.`,
    categoryExamples: (ex) => [`quelles catégories existent en ${ex.year} ?`, `liste des professions de la catégorie ${ex.label}`, `qu'est-ce qui a changé en ${ex.year} ?`],
    nocCommand: { name: "cnp", description: "Chercher une profession par code CNP ou par appellation d'emploi" },
    nocOccupation: { name: "profession", description: "Un code CNP à 5 chiffres ou une appellation d'emploi" },
    nocCategory: { name: "catégorie", description: "Vérifier si la profession figure sur la liste d'une catégorie" },
    nocYear: { name: "année", description: "La liste de cette année (par défaut : celle en vigueur aujourd'hui)" },
    categoryCommand: { name: "catégorie", description: "La liste des professions d'une catégorie, ou les catégories d'une année" },
    categoryCategory: { name: "catégorie", description: "Catégorie (aucune : toutes les catégories de l'année)" },
    categoryYear: { name: "année", description: "Année de la liste (par défaut : celle en vigueur aujourd'hui)" },
  },
};

/** The occupation and category skills' sentences in the language being written in. */
export function occupationsMessages(): OccupationsMessages {
  return pick(OCCUPATIONS_MESSAGES);
}
