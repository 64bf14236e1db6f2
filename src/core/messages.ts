import { pick, type Catalog } from "../messages/lang.js";

/** The core's fixed sentences, in every language ee-bot speaks. */
export interface CoreMessages {
  readonly greeting: string;
  readonly help: string;
  readonly thanks: string;
  readonly empty: string;
  readonly fallback: string;
  readonly fallbackOffer: string;
  readonly youCouldAsk: (examples: readonly string[]) => string;
  readonly cantAnswerTitle: string;
  readonly declineProcessing: string;
  readonly declinePnpStream: string;
  readonly declineVisa: string;
  readonly declineLegal: string;
  readonly declineAccount: string;
  readonly declinePrediction: string;
  readonly declineAbout: (named: string) => string;
  readonly declineOffTopic: string;
  readonly declineOtherCountry: string;
  readonly declineNotInData: string;
  readonly internalError: string;
  readonly sorry: string;
  readonly noPreviousAnswer: string;
  readonly previousAnswerNoSources: string;
  readonly pastNotFuture: string;
  readonly truncated: (limit: number) => string;
  readonly rateLimited: string;
  readonly unknownCommand: (name: string) => string;
  readonly unknownCommandTitle: string;
  readonly checkOptions: string;
  readonly answers: (n: number) => string;
  readonly languageSet: string;
}

/** Every fixed sentence the core says to users, in English and French, so tests can assert against them. */
export const CORE_MESSAGES: Catalog<CoreMessages> = {
  en: {
    greeting: "Hi! I answer questions about Canada's Express Entry rounds, category lists, occupations and CRS points, with dates and sources.",
    help: "I answer questions about Express Entry from IRCC's published data and a few news articles. Every answer says what date it refers to and what it rests on.",
    thanks: "You're welcome. Ask me anything else about Express Entry.",
    empty: "I didn't get a question. Ask me about Express Entry rounds, cut-offs, occupations or CRS points, or type help.",
    fallback: "Sorry, I can't answer that from what I know.",
    fallbackOffer: "I answer questions about Express Entry rounds, cut-offs, the pool, category lists, occupations and CRS points.",
    youCouldAsk: (examples) => `You could ask: ${examples.map((s) => `"${s}"`).join(", ")}.`,
    cantAnswerTitle: "I can't answer that",
    declineProcessing: "I can't tell processing times: IRCC's processing times are not in my data, and they change weekly. IRCC publishes them on its processing-times page.",
    declinePnpStream: "I can't answer about provincial nominee streams: each province runs its own, and they are not in my data. I only know Express Entry rounds, including the PNP rounds IRCC holds for candidates who already have a nomination.",
    declineVisa: "I can't answer that: visas, permits, fees and sponsorship are outside what I know. I answer questions about Express Entry rounds, category lists, occupations and CRS points.",
    declineAccount: "I can't do that: I don't act on IRCC accounts or fill in, submit or change profiles and applications, and I never need your documents; please don't send them here. I answer questions about Express Entry rounds, category lists, occupations and CRS points, and I can work out a CRS score from what you tell me.",
    declineLegal: "I can't help with that: refusals, appeals, legal advice and choosing a representative are outside what I know; a lawyer or a licensed immigration consultant can advise you. I answer questions about Express Entry rounds, category lists, occupations and CRS points.",
    declinePrediction: "I can't predict future rounds or cut-offs: IRCC does not announce them in advance, and I only know past rounds.",
    declineAbout: (named) => `About "${named}": `,
    declineOffTopic: "That's outside what I know: I only answer questions about Canada's Express Entry system.",
    declineOtherCountry: "I can't answer for other countries: I only know Canada's Express Entry system (its rounds, category lists, occupations and CRS points).",
    declineNotInData: "That isn't in my data: I know Express Entry's rounds of invitations, category lists, occupations and the CRS grid, not IRCC's rules for profiles and applications. IRCC's Express Entry pages on canada.ca have them.",
    internalError: "Sorry, something went wrong while I was answering that. Please try again, or ask another question.",
    sorry: "Sorry",
    noPreviousAnswer: "I haven't answered anything in this conversation yet, so there are no sources to show.",
    previousAnswerNoSources: "My previous answer did not rest on any article.",
    pastNotFuture: "Past cut-offs do not predict future ones.",
    truncated: (limit) => `(Your message was long, so I read only its first ${limit} characters.)`,
    rateLimited: "You're sending messages faster than I can answer. Please wait a few seconds and try again.",
    unknownCommand: (name) => `I have no command called ${name}.`,
    unknownCommandTitle: "Unknown command",
    checkOptions: "Check the options",
    answers: (n) => `${n} answers`,
    languageSet: "OK, I'll answer in English in this conversation.",
  },
  fr: {
    greeting: "Bonjour ! Je réponds aux questions sur les rondes d'invitations d'Entrée express, les listes des catégories, les professions et les points du SCG, avec leurs dates et leurs sources.",
    help: "Je réponds aux questions sur Entrée express à partir des données publiées par IRCC et de quelques articles de presse. Chaque réponse dit à quelle date elle se rapporte et sur quoi elle repose.",
    thanks: "Avec plaisir. Posez-moi toute autre question sur Entrée express.",
    empty: "Je n'ai pas reçu de question. Demandez-moi les tirages d'Entrée express, les notes de passage, les professions ou les points du SCG, ou tapez aide.",
    fallback: "Désolé, je ne peux pas répondre à cela avec ce que je sais.",
    fallbackOffer: "Je réponds aux questions sur les tirages d'Entrée express, les notes de passage, le bassin, les listes des catégories, les professions et les points du SCG.",
    youCouldAsk: (examples) => `Vous pourriez demander : ${examples.map((s) => `« ${s} »`).join(", ")}.`,
    cantAnswerTitle: "Je ne peux pas répondre à cela",
    declineProcessing: "Je ne peux pas donner les délais de traitement : ils ne font pas partie de mes données et changent chaque semaine. IRCC les publie sur sa page des délais de traitement.",
    declinePnpStream: "Je ne peux pas répondre sur les volets des programmes des candidats des provinces : chaque province a les siens, et ils ne font pas partie de mes données. Je connais seulement les rondes d'Entrée express, dont les rondes du PCP qu'IRCC tient pour les candidats qui ont déjà une nomination.",
    declineVisa: "Je ne peux pas répondre à cela : les visas, les permis, les frais et le parrainage sont hors de ce que je sais. Je réponds aux questions sur les tirages d'Entrée express, les listes des catégories, les professions et les points du SCG.",
    declineAccount: "Je ne peux pas faire cela : je n'agis pas sur les comptes d'IRCC, je ne remplis, ne soumets ni ne modifie de profils ou de demandes, et je n'ai jamais besoin de vos documents ; ne les envoyez pas ici. Je réponds aux questions sur les tirages d'Entrée express, les listes des catégories, les professions et les points du SCG, et je peux calculer un score SCG à partir de ce que vous me dites.",
    declineLegal: "Je ne peux pas vous aider là-dessus : les refus, les appels, les conseils juridiques et le choix d'un représentant sont hors de ce que je sais ; un avocat ou un consultant en immigration autorisé peut vous conseiller. Je réponds aux questions sur les tirages d'Entrée express, les listes des catégories, les professions et les points du SCG.",
    declinePrediction: "Je ne peux pas prédire les prochains tirages ni les notes de passage : IRCC ne les annonce pas à l'avance, et je ne connais que les tirages passés.",
    declineAbout: (named) => `À propos de « ${named} » : `,
    declineOffTopic: "C'est hors de ce que je sais : je réponds seulement aux questions sur le système Entrée express du Canada.",
    declineOtherCountry: "Je ne peux pas répondre pour d'autres pays : je connais seulement le système Entrée express du Canada (ses tirages, ses listes de catégories, ses professions et les points du SCG).",
    declineNotInData: "Ce n'est pas dans mes données : je connais les tirages d'Entrée express, les listes des catégories, les professions et la grille du SCG, pas les règles d'IRCC sur les profils et les demandes. Les pages d'IRCC sur Entrée express (canada.ca) les donnent.",
    internalError: "Désolé, une erreur s'est produite pendant que je répondais. Réessayez, ou posez une autre question.",
    sorry: "Désolé",
    noPreviousAnswer: "Je n'ai encore rien répondu dans cette conversation : il n'y a pas de sources à montrer.",
    previousAnswerNoSources: "Ma réponse précédente ne reposait sur aucun article.",
    pastNotFuture: "Les notes de passage passées ne prédisent pas les prochaines.",
    truncated: (limit) => `(Votre message était long : je n'en ai lu que les ${limit} premiers caractères.)`,
    rateLimited: "Vous envoyez des messages plus vite que je ne peux répondre. Attendez quelques secondes et réessayez.",
    unknownCommand: (name) => `Je n'ai pas de commande ${name}.`,
    unknownCommandTitle: "Commande inconnue",
    checkOptions: "Vérifiez les options",
    answers: (n) => `${n} réponses`,
    languageSet: "D'accord, je réponds en français dans cette conversation.",
  },
};

/** The core's sentences in the language being written in. */
export function coreMessages(): CoreMessages {
  return pick(CORE_MESSAGES);
}

/** The core's sentences in English, as tests and English-only callers name them. */
export const MESSAGES: CoreMessages = CORE_MESSAGES.en;
