import { capital, formatDate, formatNumber, joinAnd, plural } from "../core/format.js";
import { pick, type Catalog } from "./lang.js";

/** A program named in a chart's text: its short label and full name. */
export interface NamedProgram {
  readonly label: string;
  readonly name: string;
}

/** A round, a list, the CRS grid, the NOC or the pool: what a "where does X come from" question asks about, as said back. */
export type SourceSubjectText =
  | { readonly kind: "round"; readonly round: string }
  | { readonly kind: "list"; readonly list: string; readonly status: string; readonly statusNote: string | null; readonly effective: string | null }
  | { readonly kind: "crs-grid"; readonly title: string; readonly compiled: string; readonly note: string | null }
  | { readonly kind: "noc"; readonly version: string }
  | { readonly kind: "pool"; readonly asOf: string | null; readonly round: string | null }
  | { readonly kind: "rounds"; readonly latest: string | null };

/** The sentences of the meta skills (help, sources), the glossary, the process, the declines and the charts. */
export interface MetaMessages {
  readonly help: {
    readonly thanksTitle: string;
    readonly emptyTitle: string;
    readonly helloTitle: string;
    readonly helpTitle: string;
    readonly youCanAsk: string;
    /** One line of help: a skill's summary and its example questions. */
    readonly line: (summary: string, examples: readonly string[]) => string;
    /** A skill's one-line summary in this language (the English one is the skill's own). */
    readonly summary: (skillId: string, english: string) => string;
    readonly knowRounds: (count: number, first: string, last: string) => string;
    readonly noRounds: string;
    readonly lists: (first: number, last: number) => string;
    readonly occupations: (count: number) => string;
    /** The pieces of what the bot knows, as one sentence. */
    readonly coverage: (parts: readonly string[]) => string;
    readonly examples: readonly string[];
  };
  readonly sources: {
    readonly title: string;
    readonly allTitle: string;
    readonly all: (count: number, coverage: string) => string;
    readonly previous: (asOf: string | null, count: number) => string;
    /** The lead sentence of the sources of one subject, before the list of sources. */
    readonly subject: (s: SourceSubjectText, count: number) => string;
    /** A category list named in a sentence: its year, the category's short label and its full names in English and French. */
    readonly listName: (year: number, label: string, name: string, nameFr: string | null) => string;
    readonly examples: readonly string[];
  };
  readonly glossary: {
    /** How a term is introduced: its name and what it stands for, with the English name when the text is in French. */
    readonly lead: (term: { term: string; expansion: string | null }, translated: { term: string; expansion: string | null } | null) => string;
    /** An English definition quoted in a French answer, when the term has no French definition. */
    readonly quoted: (text: string) => string;
    readonly different: string;
    /** Two terms asked "the same?" that are not: No first. */
    readonly differentNo: string;
    /** Kinds of rounds as an article describes them, each by the article's name; told apart when asked so. */
    /** A round name of IRCC's feed: the rounds it names and the latest of them. */
    readonly feedName: (name: string, label: string, rounds: number, latest: string) => string;
    readonly roundKinds: (citation: string, kinds: readonly { name: string; description: string }[], contrast: boolean) => string;
    /** "fsw vs fswp same thing?": two names of one term. */
    readonly sameTerm: (a: string, b: string) => string;
    readonly titleJoin: string;
    /** A term asked about that no source defines: said so, with the terms that are defined. */
    readonly unknown: (term: string, known: readonly string[]) => string;
    readonly unknownTitle: string;
    readonly suggestions: readonly string[];
    /** Example questions, from the names of the terms the knowledge base defines best (most sourced first). */
    readonly examples: (names: readonly string[]) => readonly string[];
  };
  readonly process: {
    readonly unknownTitle: string;
    readonly unknownApply: string;
    readonly unknownSchedule: string;
    readonly unknownThat: string;
    readonly applyTitle: string;
    /** The steps of applying, after the article's sentence on how profiles are ranked when it has one. */
    readonly applySteps: (count: number, ranking?: string) => string;
    /** Before the steps, to "can I skip the profile": the steps come in order. */
    readonly stepsInOrder: string;
    readonly step: (n: number, text: string) => string;
    readonly scheduleTitle: string;
    /** Whether rounds follow a schedule, as the articles say; Yes or No first only when the question is a yes/no one. */
    readonly schedule: (fixed: boolean, quote: string, latest: string | null, yesNo: boolean) => string;
    readonly kindsTitle: string;
    readonly kinds: string;
    /** The names an article gives the kinds, quoted, with the article cited. */
    readonly kindsNamed: (citation: string, names: readonly string[]) => string;
    readonly kindCount: (name: string, rounds: number) => string;
    readonly allPrograms: (names: readonly string[]) => string;
    readonly programRounds: (names: readonly string[]) => string;
    readonly categoryRounds: (names: readonly string[]) => string;
    readonly programsTitle: string;
    readonly programs: (count: number) => string;
    readonly program: (p: NamedProgram) => string;
    readonly passageTitle: string;
    readonly passage: (citation: string, text: string) => string;
    readonly ruleTitle: string;
    /** A rule of selection in its sources' words; Yes or No first (whether it holds as asked) only for a yes/no question. */
    readonly rule: (holds: boolean | null, quotes: readonly { citation: string; text: string }[]) => string;
    readonly documentsTitle: string;
    /** The step of applying a document belongs to, as a phrase ("for the profile, the first step"). */
    readonly documentsStep: (step: "profile" | "application") => string;
    /** A document the question names is in the step asked (or no step was asked): Yes first. */
    readonly documentsYes: (step: string, citation: string, quote: string) => string;
    /** A document the question names for one step is listed for the other: No first. */
    readonly documentsOther: (asked: string, found: string, citation: string, quote: string) => string;
    /** "before or after the invitation?": the step it belongs to first. */
    readonly documentsWhen: (found: string, citation: string, quote: string) => string;
    /** A yes/no question with a condition the sources say nothing about: what they do say, without a Yes. */
    readonly documentsCondition: (found: string, citation: string, quote: string) => string;
    /** "what documents do I need": the documents of each step, or of the step asked. */
    readonly documentsWhich: (citation: string) => string;
    readonly documentsItem: (step: string, quote: string) => string;
    readonly examplesWithApply: readonly string[];
    readonly examples: readonly string[];
  };
  readonly decline: {
    readonly title: string;
    readonly offer: (latest: string) => string;
    readonly suggestions: readonly string[];
  };
  readonly chart: {
    readonly noChartTitle: string;
    readonly noPool: string;
    readonly badPool: (reason: "overlap" | "empty") => string;
    readonly poolText: (asOf: string, total: number) => string;
    readonly poolMark: (mark: number, range: string, count: number, above: { count: number; exact: boolean; min: number } | undefined) => string;
    readonly poolTitle: string;
    readonly poolSubtitle: (total: number, asOf: string) => string;
    readonly sourceLine: (publisher: string | null, title: string | null, asOf: string | null) => string;
    readonly noRounds: (label: string) => string;
    readonly series: (s: { label: string; count: number; min: number; minRound: string; max: number; maxRound: string; latest: number; latestDate: string; trend: "rising" | "falling" | "flat" | null }) => string;
    /** The span of a chart of every round. */
    readonly allSpan: string;
    readonly allRounds: string;
    readonly range: (min: number, max: number, count: number) => string;
    readonly cantDraw: (why: { empty: boolean; what: string; when: string }) => string;
    readonly title: (what: string | null, measure: "crs" | "invitations", span: string) => string;
    readonly attached: (title: string, lines: readonly string[], programs: readonly NamedProgram[], shown: number | null) => string;
    readonly point: (label: string, round: string, date: string, value: number) => string;
    readonly badView: (view: string) => string;
    readonly examples: (year: string) => readonly string[];
  };
  /** The texts drawn on a chart image and its alternative text. */
  readonly image: {
    readonly axisDate: string;
    readonly axisCrs: string;
    readonly axisInvitations: string;
    readonly axisCandidates: string;
    readonly axisRange: string;
    readonly candidates: string;
    readonly score: (mark: number) => string;
    readonly lineChart: (title: string, measure: "crs" | "invitations") => string;
    readonly barChart: (title: string) => string;
    readonly seriesAlt: (s: { label: string; count: number; first: string; firstValue: string; latest: string; latestValue: string; min: string; max: string; trend: "rising" | "falling" | "flat" | null }) => string;
    readonly markAlt: (label: string) => string;
    readonly markFalls: (label: string, range: string, count: string) => string;
    /** One bar of a pool chart in its alternative text; the last one ends the sentence. */
    readonly rangeAlt: (range: string, count: string, last: boolean) => string;
    /** The locale dates and numbers are drawn in. */
    readonly locale: string;
    /** ECharts' time-axis label formats. */
    readonly axisFormat: { readonly year: string; readonly month: string; readonly day: string };
  };
  /** Slash-command names, descriptions and option texts in this language (the English ones are the spec's own). */
  readonly commands: {
    readonly chart: { readonly name: string; readonly description: string };
    readonly chartOptions: Readonly<Record<"type" | "year" | "view" | "score", { readonly name: string; readonly description: string }>>;
  };
}

const quoted = (items: readonly string[], open: string, close: string): string => items.map((e) => `${open}${e}${close}`).join(" · ");

// French summaries of every skill help lists; a skill not named here is listed with its English summary.
const SUMMARIES_FR: Readonly<Record<string, string>> = {
  round: "une ronde d'invitations : la dernière ou la première d'un programme ou d'une catégorie, ou une ronde par numéro ou par date",
  rounds: "les rondes d'une période ou de tout l'historique : combien, combien d'invitations, note de passage la plus basse, la plus haute ou moyenne, par type, comparaisons",
  "tie-break": "la règle de départage d'une ronde : les profils à la note de passage soumis avant ce moment ont été invités",
  "score-check": "si un score du SCG aurait suffi lors des rondes passées, par type et par période (jamais une prédiction)",
  pool: "le bassin de candidats par tranche de score du SCG : totaux, nombre au-dessus d'un score ou entre deux scores, évolution entre deux dates",
  crs: "votre score du SCG à partir de votre profil, expliqué facteur par facteur, et les points d'un facteur",
  occupation: "une profession par code de la CNP ou par titre : sa catégorie FEER et les listes des catégories où elle figure, à la date demandée",
  category: "les listes de la sélection par catégorie, année par année : leurs professions, leur nombre, leurs changements, leurs conditions, et les catégories qui existent",
  chart: "des graphiques des notes de passage ou des invitations dans le temps par type, et du bassin par score, avec les chiffres dans le texte",
  glossary: "ce que veut dire un terme (SCG, IPD, CNP, FEER, PEC...) et ce qui distingue deux termes",
  process: "le fonctionnement d'Entrée express selon mes articles : la demande, le calendrier, les types de rondes, les programmes",
  decline: "les questions que je reconnais sans pouvoir y répondre (délais de traitement, volets provinciaux, visas, prédictions)",
  sources: "les sources de ma réponse précédente",
  help: "ce à quoi je peux répondre, avec des exemples",
  language: "réponses en anglais ou en français",
};

const TREND_FR = { rising: "en hausse", falling: "en baisse", flat: "stable" } as const;

const LIST_STATUS_FR: Readonly<Record<string, string>> = {
  verified: "vérifiée",
  "verified-mostly": "vérifiée en grande partie",
  inferred: "déduite",
  unverified: "non vérifiée",
};

/** Every sentence of the meta skills, the glossary, the process, the declines and the charts, in English and French. */
export const META_MESSAGES: Catalog<MetaMessages> = {
  en: {
    help: {
      thanksTitle: "You're welcome",
      emptyTitle: "Ask me something",
      helloTitle: "Hello",
      helpTitle: "What I can answer",
      youCanAsk: "You can ask:",
      line: (summary, examples) => `${capital(summary)}: ${examples.map((e) => `"${e}"`).join(" · ")}`,
      summary: (_id, english) => english,
      knowRounds: (count, first, last) => `I know ${plural(count, "round")} of invitations, from ${first} to ${last}`,
      noRounds: "I know no rounds of invitations yet",
      lists: (first, last) => `the category lists of ${first} to ${last}`,
      occupations: (count) => `the ${plural(count, "occupation")} of NOC 2021`,
      coverage: (parts) => `${parts.join(", ")}.`,
      examples: ["help"],
    },
    sources: {
      title: "Sources",
      allTitle: "My sources",
      all: (count, coverage) => `I answer from ${plural(count, "source")}: IRCC's own data (its rounds feed, category lists and CRS grid), Statistics Canada's NOC 2021, and news articles. ${coverage}`,
      previous: (asOf, count) => `My previous answer${asOf ? ` (about ${formatDate(asOf)})` : ""} rests on ${plural(count, "source")}:`,
      subject: (s, count) => {
        const n = plural(count, "source");
        switch (s.kind) {
          case "round":
            return `My figures for ${s.round} come from ${n}:`;
          case "list":
            return `${capital(s.list)}${s.effective ? ` (in force from ${formatDate(s.effective)})` : ""} comes from ${n}; it is marked ${s.status}${s.statusNote ? ` (${s.statusNote})` : ""}:`;
          case "crs-grid":
            return `The CRS grid I use is IRCC's "${s.title}", compiled on ${formatDate(s.compiled)}${s.note ? ` (${s.note.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => formatDate(d))})` : ""}; it rests on ${n}:`;
          case "noc":
            return `The occupations I know are Statistics Canada's NOC 2021 (${s.version}); it rests on ${n}:`;
          case "pool":
            return `The pool figures I have${s.asOf ? ` are as of ${formatDate(s.asOf)}` : ""}${s.round ? `, published with ${s.round}` : ""}; they come from ${n}:`;
          case "rounds":
            return `The rounds I know come from IRCC's rounds feed${s.latest ? `, up to ${s.latest}` : ""}; they rest on ${n}:`;
        }
      },
      listName: (year, label, name) => `the ${year} ${label} list (${name})`,
      examples: ["sources"],
    },
    glossary: {
      lead: (t) => (t.expansion ? `${t.term} stands for ${t.expansion}.` : `${t.term}:`),
      quoted: (text) => text,
      different: "They are different things: ",
      differentNo: "No, they are different things: ",
      feedName: (name, label, rounds, latest) => `"${name}" is the name IRCC's rounds feed gives ${rounds === 1 ? "one round" : `${formatNumber(rounds)} rounds`} of the ${label} kind (the latest I know of: ${latest}).`,
      roundKinds: (citation, kinds, contrast) => `${contrast ? "They are different kinds of rounds. " : ""}${citation} describes ${kinds.length === 1 ? "it" : "them"}: ${kinds.map((k) => `${k.name}: "${k.description}"`).join(" ")}`,
      sameTerm: (a, b) => `Yes: ${a} and ${b} are two names for the same thing. `,
      titleJoin: " vs ",
      unknown: (term, known) => `I have no definition of ${term} in my sources, so I won't guess one.${known.length > 0 ? ` Terms I can explain: ${joinAnd([...known])}.` : ""}`,
      unknownTitle: "Not in my sources",
      suggestions: ["what is TEER?", "what is the tie-breaking rule?"],
      examples: () => ["what is CRS?", "what does ITA mean?"],
    },
    process: {
      unknownTitle: "Not in my sources",
      unknownApply: "I don't know how to apply: none of my sources states it.",
      unknownSchedule: "I don't know the draw schedule: none of my sources states it.",
      unknownThat: "I don't know that: none of my sources states it.",
      applyTitle: "How to apply",
      stepsInOrder: "No: the complete application comes after an invitation, and an invitation only to a profile in the pool. ",
      applySteps: (count, ranking) => `${ranking ? `${ranking} ` : ""}Applying through Express Entry takes ${count === 2 ? "two steps" : plural(count, "step")}:`,
      step: (n, text) => `Step ${n}: ${text}`,
      scheduleTitle: "Draw schedule",
      schedule: (fixed, quote, latest, yesNo) => `${yesNo ? `${fixed ? "Yes" : "No"}: ` : ""}${quote} ${latest ? `The latest round I know of is ${latest}.` : ""}`.trim(),
      kindsTitle: "Kinds of rounds",
      kinds: "Rounds of invitations are of three kinds: all-program rounds, open to every program; program rounds, for one program; and category rounds, for candidates in a category (occupations or French).",
      kindCount: (name, rounds) => `${name} (${plural(rounds, "round")})`,
      kindsNamed: (citation, names) => `${citation} names them ${joinAnd(names.map((n) => `"${n}"`))}.`,
      allPrograms: (names) => `All programs: ${joinAnd(names)}`,
      programRounds: (names) => `Programs: ${joinAnd(names)}`,
      categoryRounds: (names) => `Categories: ${joinAnd(names)}`,
      programsTitle: "Express Entry programs",
      programs: (count) => `Express Entry manages ${plural(count, "program")}; a candidate must be eligible for one of them:`,
      program: (p) => `${p.name} (${p.label})`,
      passageTitle: "From the articles",
      passage: (citation, text) => `I have no direct answer to that, but ${citation} says: "${text}"`,
      ruleTitle: "How selection works, as the articles state it",
      rule: (holds, quotes) => `${holds === null ? "" : holds ? "Yes. " : "No. "}${quotes.map((q, i) => `${capital(q.citation)} ${i === 0 ? "says" : "also says"}: "${q.text}"`).join(" ")}`,
      documentsTitle: "Documents, as the articles list them",
      documentsStep: (step) => (step === "profile" ? "for the profile, the first step" : "for the complete application, after an invitation"),
      documentsYes: (step, citation, quote) => `Yes, ${step}: ${citation} says: "${quote}"`,
      documentsOther: (asked, found, citation, quote) => `No, not ${asked}, as ${citation} describes it; it lists it ${found}: "${quote}"`,
      documentsWhen: (found, citation, quote) => `${capital(found)}: ${citation} says: "${quote}"`,
      documentsCondition: (found, citation, quote) => `My sources don't say whether that condition changes it. ${capital(found)}, ${citation} says: "${quote}"`,
      documentsWhich: (citation) => `${capital(citation)} names the documents of each step:`,
      documentsItem: (step, quote) => `${capital(step)}: "${quote}"`,
      examplesWithApply: ["how do I apply?", "what kinds of rounds are there?"],
      examples: ["what kinds of rounds are there?"],
    },
    decline: {
      title: "Not something I can answer",
      offer: (latest) => ` I can tell you about past rounds: the latest I know of is ${latest}.`,
      suggestions: ["help", "last CEC draw"],
    },
    chart: {
      noChartTitle: "No chart",
      noPool: "I have no pool distribution to chart.",
      badPool: (reason) => `I can't chart this distribution: its ranges are ${reason === "overlap" ? "overlapping" : "empty"}.`,
      poolText: (asOf, total) => `The pool on ${formatDate(asOf)}: ${formatNumber(total)} candidates, by CRS score (chart attached).`,
      poolMark: (mark, range, count, above) => `${mark} falls in the ${range} range, with ${formatNumber(count)} candidates; ${above ? `${formatNumber(above.count)} had ${above.exact ? "more" : `${above.min} or more`}.` : ""}`,
      poolTitle: "Express Entry pool by CRS score",
      poolSubtitle: (total, asOf) => `${formatNumber(total)} candidates on ${formatDate(asOf)}`,
      sourceLine: (publisher, title, asOf) => `Source: ${publisher ?? "IRCC"}, ${title ?? "Express Entry rounds of invitations"}, as of ${formatDate(asOf)}`,
      noRounds: (label) => `${label}: no rounds`,
      series: (s) => `${s.label}: ${plural(s.count, "round")}, from ${formatNumber(s.min)} (round ${s.minRound}) to ${formatNumber(s.max)} (round ${s.maxRound}), latest ${formatNumber(s.latest)} on ${formatDate(s.latestDate)}${s.trend ? `, ${s.trend}` : ""}`,
      allSpan: "all the rounds I know of",
      allRounds: "all",
      range: (min, max, count) => `${min}-${max}: ${formatNumber(count)}`,
      cantDraw: ({ empty, what, when }) => `I can't draw that chart: ${empty ? `I know of no ${what} rounds${when}` : `there is only one ${what} round${when}, too few to draw a trend`}. Try a longer period or another type.`,
      title: (what, measure, span) => `${what ?? "Express Entry"} ${measure === "crs" ? "cut-offs" : "invitations"}, ${span}`,
      attached: (title, lines, programs, shown) =>
        `${capital(title)} (chart attached). ${lines.join(". ")}.${programs.length > 0 ? ` ${joinAnd(programs.map((p) => `${p.label} is the ${p.name}`))}.` : ""}${shown !== null ? ` The chart shows the ${shown} types with the most rounds.` : ""}`,
      point: (label, round, date, value) => `${label} round ${round} (${formatDate(date)}): ${formatNumber(value)}`,
      badView: (view) => `"${view}" is not one of cutoffs, invitations, pool.`,
      examples: (year) => [`chart of CEC cut-offs in ${year}`, "plot the pool with 480 marked"],
    },
    image: {
      axisDate: "Date of round",
      axisCrs: "CRS score of the lowest-ranked candidate invited",
      axisInvitations: "Invitations issued",
      axisCandidates: "Candidates in the pool",
      axisRange: "CRS score range",
      candidates: "Candidates",
      score: (mark) => `Score ${mark}`,
      lineChart: (title, measure) => `${title}. Line chart of ${measure === "crs" ? "CRS cut-off" : "invitations"} by date of round.`,
      barChart: (title) => `${title}. Bar chart of candidates in the pool by CRS score range.`,
      seriesAlt: (s) =>
        `${s.label}: ${s.count === 1 ? "1 round" : `${s.count} rounds`} from ${s.first} (${s.firstValue}) to ${s.latest} (${s.latestValue}); lowest ${s.min}, highest ${s.max}${s.trend === null ? "" : `, ${s.trend}`}.`,
      markAlt: (label) => `A line marks ${label}.`,
      markFalls: (label, range, count) => `${capital(label)} falls in ${range} (${count} candidates).`,
      rangeAlt: (range, count, last) => `${range}: ${count}${last ? "." : ";"}`,
      locale: "en-CA",
      axisFormat: { year: "{yyyy}", month: "{MMM}", day: "{MMM} {d}" },
    },
    commands: {
      chart: { name: "chart", description: "A chart of cut-offs or invitations over time, or of the pool" },
      chartOptions: {
        type: { name: "type", description: "Program or category (none: the busiest types)" },
        year: { name: "year", description: "Calendar year (none: all rounds)" },
        view: { name: "view", description: "cutoffs, invitations or pool" },
        score: { name: "score", description: "A score to mark" },
      },
    },
  },
  fr: {
    help: {
      thanksTitle: "Avec plaisir",
      emptyTitle: "Posez-moi une question",
      helloTitle: "Bonjour",
      helpTitle: "Ce à quoi je peux répondre",
      youCanAsk: "Vous pouvez demander :",
      line: (summary, examples) => `${capital(summary)} : ${quoted(examples, "« ", " »")}`,
      summary: (id, english) => SUMMARIES_FR[id] ?? english,
      knowRounds: (count, first, last) => `Je connais ${plural(count, "ronde")} d'invitations, du ${first} au ${last}`,
      noRounds: "Je ne connais encore aucune ronde d'invitations",
      lists: (first, last) => `les listes des catégories de ${first} à ${last}`,
      occupations: (count) => `les ${plural(count, "profession")} de la CNP 2021`,
      coverage: (parts) => `${joinAnd(parts)}.`,
      examples: ["aide"],
    },
    sources: {
      title: "Sources",
      allTitle: "Mes sources",
      all: (count, coverage) =>
        `Je réponds à partir de ${plural(count, "source")} : les données d'IRCC (son fil des rondes d'invitations, ses listes des catégories et sa grille du SCG), la CNP 2021 de Statistique Canada et des articles de presse. ${coverage}`,
      previous: (asOf, count) => `Ma réponse précédente${asOf ? ` (en date du ${formatDate(asOf)})` : ""} repose sur ${plural(count, "source")} :`,
      subject: (s, count) => {
        const n = plural(count, "source");
        const from = count === 1 ? "d'une source" : `de ${n}`;
        switch (s.kind) {
          case "round":
            return `Mes chiffres du ${s.round} viennent ${from} :`;
          case "list":
            return `${capital(s.list)}${s.effective ? ` (en vigueur depuis le ${formatDate(s.effective)})` : ""} vient ${from} ; elle est marquée comme ${LIST_STATUS_FR[s.status] ?? s.status}${s.statusNote ? ` (note en anglais : « ${s.statusNote} »)` : ""} :`;
          case "crs-grid":
            return `La grille du SCG que j'utilise est celle d'IRCC, « ${s.title} », compilée le ${formatDate(s.compiled)}${s.note ? ` (note en anglais : « ${s.note} »)` : ""} ; elle repose sur ${n} :`;
          case "noc":
            return `Les professions que je connais sont celles de la CNP 2021 de Statistique Canada (${s.version}) ; elles reposent sur ${n} :`;
          case "pool":
            return `Les chiffres du bassin que j'ai${s.asOf ? ` sont en date du ${formatDate(s.asOf)}` : ""}${s.round ? `, publiés avec le ${s.round}` : ""} ; ils viennent ${from} :`;
          case "rounds":
            return `Les rondes que je connais viennent du fil des rondes d'invitations d'IRCC${s.latest ? `, jusqu'au ${s.latest}` : ""} ; elles reposent sur ${n} :`;
        }
      },
      listName: (year, label, name, nameFr) => `la liste ${label} de ${year} (${nameFr ?? name})`,
      examples: ["sources"],
    },
    glossary: {
      lead: (t, fr) => {
        if (!fr) return t.expansion ? `${t.term} : ${t.expansion} (en anglais).` : `${t.term} :`;
        const english = [t.term !== fr.term ? t.term : null, t.expansion].filter(Boolean).join(", ");
        const name = fr.expansion ? `${fr.term} : ${fr.expansion}` : fr.term;
        return english && (fr.expansion || t.term !== fr.term) ? `${name} (en anglais : ${english}).` : `${name} :`;
      },
      quoted: (text) => `Selon une source en anglais : « ${text} »`,
      different: "Ce sont deux choses différentes : ",
      differentNo: "Non, ce sont deux choses différentes : ",
      feedName: (name, label, rounds, latest) => `« ${name} » est le nom que le flux des rondes d'IRCC donne à ${rounds === 1 ? "une ronde" : `${formatNumber(rounds)} rondes`} de type ${label} (la dernière que je connaisse : ${latest}).`,
      roundKinds: (citation, kinds, contrast) => `${contrast ? "Ce sont des types de rondes différents. " : ""}${citation} (article en anglais) ${kinds.length === 1 ? "la décrit" : "les décrit"} : ${kinds.map((k) => `${k.name} : « ${k.description} »`).join(" ")}`,
      sameTerm: (a, b) => `Oui : ${a} et ${b} sont deux noms de la même chose. `,
      titleJoin: " et ",
      unknown: (term, known) => `Je n'ai pas de définition de ${term} dans mes sources : je préfère ne pas en inventer une.${known.length > 0 ? ` Les termes que je peux expliquer : ${joinAnd([...known])}.` : ""}`,
      unknownTitle: "Absent de mes sources",
      suggestions: ["c'est quoi la FEER ?", "c'est quoi la règle de départage ?"],
      examples: (names) => names.slice(0, 2).map((n) => `que veut dire ${n} ?`),
    },
    process: {
      unknownTitle: "Pas dans mes sources",
      unknownApply: "Je ne sais pas comment présenter une demande : aucune de mes sources ne le dit.",
      unknownSchedule: "Je ne connais pas le calendrier des tirages : aucune de mes sources ne le dit.",
      unknownThat: "Je ne sais pas : aucune de mes sources ne le dit.",
      applyTitle: "Comment présenter une demande",
      stepsInOrder: "Non : la demande complète vient après une invitation, et une invitation ne va qu'à un profil dans le bassin. ",
      applySteps: (count, ranking) => `Selon un article en anglais${ranking ? ` (« ${ranking} »)` : ""}, une demande par Entrée express se fait en ${count === 2 ? "deux étapes" : plural(count, "étape")} (citées telles quelles) :`,
      step: (n, text) => `Étape ${n} : ${text}`,
      scheduleTitle: "Calendrier des tirages",
      schedule: (fixed, quote, latest, yesNo) =>
        `${yesNo ? `${fixed ? "Oui" : "Non"} : s` : "S"}elon un article en anglais, « ${quote} » ${latest ? `Le tirage le plus récent que je connaisse est le ${latest}.` : ""}`.trim(),
      kindsTitle: "Types de rondes",
      kinds: "Les rondes d'invitations sont de trois types : les rondes tous programmes, ouvertes à tous les programmes ; les rondes par programme, pour un seul programme ; et les rondes par catégorie, pour les candidats d'une catégorie (professions ou français).",
      kindCount: (name, rounds) => `${name} (${plural(rounds, "ronde")})`,
      kindsNamed: (citation, names) => `${citation} les nomme ${joinAnd(names.map((n) => `« ${n} »`))}.`,
      allPrograms: (names) => `Tous programmes : ${joinAnd(names)}`,
      programRounds: (names) => `Programmes : ${joinAnd(names)}`,
      categoryRounds: (names) => `Catégories : ${joinAnd(names)}`,
      programsTitle: "Programmes d'Entrée express",
      programs: (count) => `Entrée express gère ${plural(count, "programme")} ; un candidat doit être admissible à l'un d'eux :`,
      program: (p) => `${p.name} (${p.label})`,
      passageTitle: "Selon les articles",
      passage: (citation, text) => `Je n'ai pas de réponse directe à cela, mais voici un passage, cité tel quel, de l'article en anglais ${citation} : « ${text} »`,
      ruleTitle: "Le fonctionnement de la sélection, selon les articles",
      rule: (holds, quotes) => `${holds === null ? "" : holds ? "Oui. " : "Non. "}${quotes.map((q, i) => `${i === 0 ? "Voici le passage, cité tel quel, de l'article en anglais" : "Et celui de l'article en anglais"} ${q.citation} : « ${q.text} »`).join(" ")}`,
      documentsTitle: "Les documents, selon les articles",
      documentsStep: (step) => (step === "profile" ? "pour le profil, la première étape" : "pour la demande complète, après une invitation"),
      documentsYes: (step, citation, quote) => `Oui, ${step} : voici le passage, cité tel quel, de l'article en anglais ${citation} : « ${quote} »`,
      documentsOther: (asked, found, citation, quote) => `Non, pas ${asked}, d'après l'article en anglais ${citation} ; il le cite ${found} (passage cité tel quel) : « ${quote} »`,
      documentsWhen: (found, citation, quote) => `${capital(found)} : voici le passage, cité tel quel, de l'article en anglais ${citation} : « ${quote} »`,
      documentsCondition: (found, citation, quote) => `Mes sources ne disent pas si cette condition change quelque chose. ${capital(found)}, voici le passage, cité tel quel, de l'article en anglais ${citation} : « ${quote} »`,
      documentsWhich: (citation) => `L'article en anglais ${citation} nomme les documents de chaque étape (passages cités tels quels) :`,
      documentsItem: (step, quote) => `${capital(step)} : « ${quote} »`,
      examplesWithApply: ["comment présenter une demande ?", "quels types de tirages y a-t-il ?"],
      examples: ["quels types de tirages y a-t-il ?"],
    },
    decline: {
      title: "Je ne peux pas répondre à cela",
      offer: (latest) => ` Je peux vous parler des rondes passées : la plus récente que je connaisse est le ${latest}.`,
      suggestions: ["aide", "dernier tirage PEC"],
    },
    chart: {
      noChartTitle: "Pas de graphique",
      noPool: "Je n'ai pas de répartition du bassin à mettre en graphique.",
      badPool: (reason) => `Je ne peux pas mettre cette répartition en graphique : ses tranches ${reason === "overlap" ? "se chevauchent" : "sont vides"}.`,
      poolText: (asOf, total) => `Le bassin au ${formatDate(asOf)} : ${formatNumber(total)} candidats, par score du SCG (graphique joint).`,
      poolMark: (mark, range, count, above) =>
        `${mark} se situe dans la tranche ${range}, qui compte ${formatNumber(count)} candidats ; ${above ? `${formatNumber(above.count)} avaient ${above.exact ? "un score plus élevé" : `${above.min} ou plus`}.` : ""}`,
      poolTitle: "Bassin d'Entrée express par score du SCG",
      poolSubtitle: (total, asOf) => `${formatNumber(total)} candidats au ${formatDate(asOf)}`,
      sourceLine: (publisher, title, asOf) => `Source : ${publisher ?? "IRCC"}, ${title ?? "Express Entry rounds of invitations"}, au ${formatDate(asOf)}`,
      noRounds: (label) => `${label} : aucune ronde`,
      series: (s) =>
        `${s.label} : ${plural(s.count, "ronde")}, de ${formatNumber(s.min)} (tirage ${s.minRound}) à ${formatNumber(s.max)} (tirage ${s.maxRound}), la plus récente à ${formatNumber(s.latest)} le ${formatDate(s.latestDate)}${s.trend ? `, ${TREND_FR[s.trend]}` : ""}`,
      allSpan: "toutes les rondes que je connais",
      allRounds: "",
      range: (min, max, count) => `${min}-${max} : ${formatNumber(count)}`,
      cantDraw: ({ empty, what, when }) =>
        `Je ne peux pas tracer ce graphique : ${empty ? `je ne connais aucune ronde${what ? ` ${what}` : ""}${when}` : `il n'y a qu'une ronde${what ? ` ${what}` : ""}${when}, trop peu pour tracer une tendance`}. Essayez une période plus longue ou un autre type.`,
      title: (what, measure, span) => `${measure === "crs" ? "Notes de passage" : "Invitations"} ${what ?? "d'Entrée express"}, ${span}`,
      attached: (title, lines, programs, shown) =>
        `${capital(title)} (graphique joint). ${lines.join(". ")}.${programs.map((p) => ` ${p.label} : ${p.name}.`).join("")}${shown !== null ? ` Le graphique montre les ${shown} types qui comptent le plus de rondes.` : ""}`,
      point: (label, round, date, value) => `${label}, tirage ${round} (${formatDate(date)}) : ${formatNumber(value)}`,
      badView: (view) => `« ${view} » n'est pas l'une des vues notes, invitations ou bassin.`,
      examples: (year) => [`graphique des notes de passage PEC en ${year}`, "graphique du bassin avec 480 marqué"],
    },
    image: {
      axisDate: "Date de la ronde",
      axisCrs: "Score du SCG du candidat invité le moins bien classé",
      axisInvitations: "Invitations envoyées",
      axisCandidates: "Candidats dans le bassin",
      axisRange: "Tranche de score du SCG",
      candidates: "Candidats",
      score: (mark) => `Score ${mark}`,
      lineChart: (title, measure) => `${title}. Graphique linéaire ${measure === "crs" ? "des notes de passage du SCG" : "des invitations"} par date de ronde.`,
      barChart: (title) => `${title}. Graphique à barres des candidats du bassin par tranche de score du SCG.`,
      seriesAlt: (s) =>
        `${s.label} : ${s.count < 2 ? `${s.count} ronde` : `${s.count} rondes`} du ${s.first} (${s.firstValue}) au ${s.latest} (${s.latestValue}) ; minimum ${s.min}, maximum ${s.max}${s.trend === null ? "" : `, ${TREND_FR[s.trend]}`}.`,
      markAlt: (label) => `Une ligne marque le ${label.toLowerCase()}.`,
      markFalls: (label, range, count) => `${capital(label)} se situe dans la tranche ${range} (${count} candidats).`,
      rangeAlt: (range, count, last) => `${range} : ${count}${last ? "." : " ;"}`,
      locale: "fr-CA",
      axisFormat: { year: "{yyyy}", month: "{MMM}", day: "{d} {MMM}" },
    },
    commands: {
      chart: { name: "graphique", description: "Un graphique des notes de passage ou des invitations dans le temps, ou du bassin" },
      chartOptions: {
        type: { name: "type", description: "Programme ou catégorie (aucun : les types les plus fréquents)" },
        year: { name: "année", description: "Année civile (aucune : toutes les rondes)" },
        view: { name: "vue", description: "notes, invitations ou bassin" },
        score: { name: "score", description: "Un score à marquer" },
      },
    },
  },
};

/** The meta, glossary, process, decline and chart sentences in the language being written in. */
export function metaMessages(): MetaMessages {
  return pick(META_MESSAGES);
}
