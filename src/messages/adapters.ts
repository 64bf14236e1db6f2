import { formatNumber } from "../core/format.js";
import { pick, type Catalog, type Lang } from "./lang.js";

/** A slash command's (or option's) name and description as a platform shows it. */
export interface CommandWords {
  readonly name: string;
  readonly description: string;
}

/** The /ee command's own words: its description, and the subcommands and options the adapters define. */
export interface EeCommandWords {
  readonly description: string;
  readonly ask: CommandWords;
  readonly question: CommandWords;
  readonly help: CommandWords;
  readonly subscribe: CommandWords;
  readonly subscribeType: CommandWords;
  readonly maxCrs: CommandWords;
  readonly unsubscribe: CommandWords;
  readonly unsubscribeType: CommandWords;
  readonly subscriptions: CommandWords;
}

/** The words of Slack's App Home tab. */
export interface HomeWords {
  readonly header: string;
  readonly latestHeading: string;
  readonly latestLine: (round: string, crs: number | null, invitations: number | null) => string;
  readonly noneYet: string;
  readonly examplesHeading: string;
  readonly commandsHeading: string;
  readonly commandLine: (name: string, description: string) => string;
  readonly footer: (version: string, upTo: string | null) => string;
  readonly subscriptionsHeading: string;
  readonly stopped: (reason: string | null) => string;
}

/** The words of the terminal chat and the ee-bot command around answers. */
export interface CliWords {
  readonly banner: (latest: { round: string; date: string } | null) => string;
  readonly prompt: string;
  readonly chartWritten: (file: string) => string;
  readonly chartWrittenSized: (file: string, width: number, height: number) => string;
  readonly chartNotDrawn: string;
  readonly chartFailed: string;
  readonly askNeedsQuestion: string;
  readonly chartNeedsWhat: string;
}

/** The words a CRS form (Slack's modal and Discord's) shows and answers with; no fact in them. */
export interface CrsFormWords {
  readonly title: string;
  readonly submit: string;
  readonly cancel: string;
  readonly age: string;
  readonly partner: string;
  readonly single: string;
  readonly partnerComing: string;
  readonly partnerNotComing: string;
  readonly education: string;
  readonly language: string;
  readonly languageHint: string;
  readonly canadianYears: string;
  readonly foreignYears: string;
  readonly years: string;
  readonly yearsHint: string;
  readonly details: string;
  readonly detailsHint: string;
  readonly wholeNumber: string;
  readonly twoNumbers: string;
  readonly required: string;
}

/** What Discord's CRS modal says beyond the shared form words: its shorter language label, each input's description. */
export interface CrsModalWords {
  readonly language: string;
  readonly ageDescription: string;
  readonly educationDescription: string;
  readonly yearsDescription: string;
  readonly detailsDescription: string;
  /** Opens the list of education words in the placeholder ("e.g. masters, bachelors"). */
  readonly forExample: string;
}

/** Every word the platform adapters add around replies: footers, headings, commands, forms, the terminal's lines. */
export interface AdapterMessages {
  readonly asOf: (date: string) => string;
  readonly sources: (list: string) => string;
  /** The fallback text of a Slack message that continues the one before. */
  readonly continued: (title: string) => string;
  readonly slowDown: string;
  readonly checkForm: string;
  readonly inputProblem: (label: string, message: string) => string;
  /** What the help subcommand asks the bot, in words the bot reads as help. */
  readonly helpQuestion: string;
  /** What a message made only of a language choice ("langue: fr") asks the bot, in words it reads as that choice. */
  readonly switchLanguage: string;
  readonly allRounds: string;
  /** A Slack channel named in a list of subscriptions. */
  readonly slackChannel: (id: string) => string;
  readonly command: EeCommandWords;
  readonly home: HomeWords;
  readonly cli: CliWords;
  readonly crsForm: CrsFormWords;
  readonly crsModal: CrsModalWords;
}

/** The adapters' words in English and French, so tests can assert against them. */
export const ADAPTER_MESSAGES: Catalog<AdapterMessages> = {
  en: {
    asOf: (date) => `As of ${date}`,
    sources: (list) => `Sources: ${list}`,
    continued: (title) => `${title} (continued)`,
    slowDown: "Slow down",
    checkForm: "Check the form",
    inputProblem: (label, message) => `${label}: ${message}`,
    helpQuestion: "help",
    switchLanguage: "answer in English",
    allRounds: "All rounds",
    slackChannel: (id) => `channel ${id}`,
    command: {
      description: "Ask about Canada's Express Entry rounds, cut-offs, category lists, occupations and CRS points",
      ask: { name: "ask", description: "Ask anything about rounds, cut-offs, category lists, occupations or CRS points, in your own words" },
      question: { name: "question", description: "Your question" },
      help: { name: "help", description: "What I can answer, with examples" },
      subscribe: { name: "subscribe", description: "Post every new round in this channel (needs Manage Channels)" },
      subscribeType: { name: "type", description: "Which rounds: all (default), a program or a category" },
      maxCrs: { name: "max_crs", description: "Only rounds whose cut-off is at or below this score" },
      unsubscribe: { name: "unsubscribe", description: "Stop posting rounds in this channel (needs Manage Channels)" },
      unsubscribeType: { name: "type", description: "Only this round type (default: every subscription here)" },
      subscriptions: { name: "subscriptions", description: "The round announcements of this server's channels" },
    },
    home: {
      header: "ee-bot: Express Entry answers",
      latestHeading: "*Latest round I know of*",
      latestLine: (round, crs, invitations) => `${round}: cut-off ${crs ?? "unknown"}, ${invitations ?? "unknown"} invitations.`,
      noneYet: "none yet",
      examplesHeading: "*Ask me, for example*",
      commandsHeading: "*Commands*",
      commandLine: (name, description) => `/ee ${name}: ${description}`,
      footer: (version, upTo) => `Message me here, mention me in a channel, or use /ee. Knowledge base ${version}${upTo ? `, up to ${upTo}` : ""}.`,
      subscriptionsHeading: "*Round announcements in this workspace*",
      stopped: (reason) => ` (stopped: ${reason ?? "refused"})`,
    },
    cli: {
      banner: (latest) =>
        `ee-bot: ask me about Express Entry rounds, cut-offs, category lists, occupations and CRS points.${latest ? ` Latest round I know of: ${latest.round}, ${latest.date}.` : ""} Type help for examples, quit to leave.`,
      prompt: "you> ",
      chartWritten: (file) => `Chart written to ${file}`,
      chartWrittenSized: (file, width, height) => `Chart written to ${file} (${width}x${height} PNG).`,
      chartNotDrawn: "(The chart could not be drawn; the numbers are above.)",
      chartFailed: "the chart could not be drawn",
      askNeedsQuestion: `ask needs a question, for example: ee-bot ask "what was the last CEC cut-off?"`,
      chartNeedsWhat: `chart needs what to draw, for example: ee-bot chart "CEC cut-offs 2026"`,
    },
    crsForm: {
      title: "Your CRS score",
      submit: "Calculate",
      cancel: "Cancel",
      age: "Age",
      partner: "Marital status",
      single: "Single",
      partnerComing: "Married or common-law, partner coming to Canada",
      partnerNotComing: "Married or common-law, partner not coming",
      education: "Highest education",
      language: "First official language: CLB level or IELTS scores",
      languageHint: "8 7 7 7 (IELTS listening, reading, writing, speaking) or CLB 9",
      canadianYears: "Years of skilled work in Canada",
      foreignYears: "Years of skilled work outside Canada",
      years: "Years of skilled work: in Canada / abroad",
      yearsHint: "1 / 3",
      details: "Anything else",
      detailsHint: "sibling in Canada, provincial nomination, French NCLC 7, partner's education...",
      wholeNumber: "Enter a whole number, e.g. 29.",
      twoNumbers: "Enter the years in Canada, then abroad, e.g. 1 / 3.",
      required: "Fill this in.",
    },
    crsModal: {
      language: "Language: CLB level or IELTS scores",
      ageDescription: "Your age in years",
      educationDescription: "Your highest completed education",
      yearsDescription: "Years of skilled work in Canada, then outside Canada",
      detailsDescription: "Say single, or whether your partner comes to Canada; PNP, sibling, French...",
      forExample: "e.g.",
    },
  },
  fr: {
    asOf: (date) => `En date du ${date}`,
    sources: (list) => `Sources : ${list}`,
    continued: (title) => `${title} (suite)`,
    slowDown: "Un instant",
    checkForm: "Vérifiez le formulaire",
    inputProblem: (label, message) => `${label} : ${message}`,
    helpQuestion: "aide",
    switchLanguage: "réponds en français",
    allRounds: "Tous les tirages",
    slackChannel: (id) => `canal ${id}`,
    command: {
      description: "Questions sur les tirages d'Entrée express, notes de passage, catégories, professions et points SCG",
      ask: { name: "demander", description: "Posez une question sur les tirages, seuils, catégories, professions ou points SCG, en vos mots" },
      question: { name: "question", description: "Votre question" },
      help: { name: "aide", description: "Ce à quoi je peux répondre, avec des exemples" },
      subscribe: { name: "abonner", description: "Publier chaque nouveau tirage dans ce salon (permission Gérer les salons requise)" },
      subscribeType: { name: "type", description: "Quels tirages : tous (par défaut), un programme ou une catégorie" },
      maxCrs: { name: "scg_max", description: "Seulement les tirages dont la note de passage est égale ou inférieure à ce score" },
      unsubscribe: { name: "désabonner", description: "Ne plus publier les tirages dans ce salon (permission Gérer les salons requise)" },
      unsubscribeType: { name: "type", description: "Seulement ce type de tirage (par défaut : tous les abonnements du salon)" },
      subscriptions: { name: "abonnements", description: "Les annonces des tirages dans les salons de ce serveur" },
    },
    home: {
      header: "ee-bot : réponses sur Entrée express",
      latestHeading: "*Le tirage le plus récent que je connaisse*",
      latestLine: (round, crs, invitations) =>
        `${round} : note de passage ${crs ?? "inconnue"}, ${invitations === null ? "nombre d'invitations inconnu" : `${formatNumber(invitations)} invitations`}.`,
      noneYet: "aucun pour l'instant",
      examplesHeading: "*Demandez-moi, par exemple*",
      commandsHeading: "*Commandes*",
      commandLine: (name, description) => `/ee ${name} : ${description}`,
      footer: (version, upTo) => `Écrivez-moi ici, mentionnez-moi dans un canal ou utilisez /ee. Base de connaissances ${version}${upTo ? `, jusqu'au ${upTo}` : ""}.`,
      subscriptionsHeading: "*Annonces des tirages dans cet espace de travail*",
      stopped: (reason) => ` (arrêté : ${reason ?? "refusé"})`,
    },
    cli: {
      banner: (latest) =>
        `ee-bot : posez-moi vos questions sur les tirages d'Entrée express, les notes de passage, les listes des catégories, les professions et les points du SCG.${latest ? ` Le tirage le plus récent que je connaisse : ${latest.round}, ${latest.date}.` : ""} Tapez aide pour des exemples, quitter pour sortir.`,
      prompt: "vous> ",
      chartWritten: (file) => `Graphique enregistré dans ${file}`,
      chartWrittenSized: (file, width, height) => `Graphique enregistré dans ${file} (PNG de ${width} x ${height}).`,
      chartNotDrawn: "(Le graphique n'a pas pu être dessiné ; les chiffres sont ci-dessus.)",
      chartFailed: "le graphique n'a pas pu être dessiné",
      askNeedsQuestion: `ask a besoin d'une question, par exemple : ee-bot ask --lang fr "quel était le dernier seuil PEC ?"`,
      chartNeedsWhat: `chart a besoin de ce qu'il faut dessiner, par exemple : ee-bot chart --lang fr "seuils PEC 2026"`,
    },
    crsForm: {
      title: "Votre score SCG",
      submit: "Calculer",
      cancel: "Annuler",
      age: "Âge",
      partner: "État matrimonial",
      single: "Célibataire",
      partnerComing: "Marié ou conjoint de fait, qui vient au Canada",
      partnerNotComing: "Marié ou conjoint de fait, qui ne vient pas au Canada",
      education: "Plus haut niveau d'études",
      language: "Première langue officielle : niveau CLB ou résultats IELTS",
      languageHint: "8 7 7 7 (IELTS : compréhension orale, lecture, écriture, expression orale) ou CLB 9",
      canadianYears: "Années de travail qualifié au Canada",
      foreignYears: "Années de travail qualifié hors du Canada",
      years: "Années de travail : au Canada / à l'étranger",
      yearsHint: "1 / 3",
      details: "Autres renseignements",
      detailsHint: "frère ou sœur au Canada, nomination provinciale, NCLC 7 en français, études du conjoint...",
      wholeNumber: "Entrez un nombre entier, p. ex. 29.",
      twoNumbers: "Entrez les années au Canada, puis à l'étranger, p. ex. 1 / 3.",
      required: "Remplissez ce champ.",
    },
    crsModal: {
      language: "Langue : niveau CLB ou résultats IELTS",
      ageDescription: "Votre âge en années",
      educationDescription: "Votre plus haut niveau d'études terminé",
      yearsDescription: "Années de travail qualifié au Canada, puis hors du Canada",
      detailsDescription: "Célibataire, ou si votre conjoint vient au Canada ; PCP, frère ou sœur, français...",
      forExample: "p. ex.",
    },
  },
};

/** The adapters' words in the language being written in. */
export function adapterMessages(): AdapterMessages {
  return pick(ADAPTER_MESSAGES);
}

/** The adapters' words in one language. */
export function adapterMessagesIn(lang: Lang): AdapterMessages {
  return ADAPTER_MESSAGES[lang];
}
