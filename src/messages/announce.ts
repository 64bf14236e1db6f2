import { formatNumber, plural } from "../core/format.js";
import { pick, type Catalog } from "./lang.js";

/** A round as announcement sentences name it: its number, its date written out, its type's short label. */
export interface RoundWords {
  readonly round: string;
  readonly date: string;
}

/** Every fixed sentence about subscriptions and announcements, for both platforms. */
export interface AnnounceMessages {
  readonly noPermission: string;
  readonly notInServer: string;
  readonly notInChannel: string;
  readonly botNotInChannel: string;
  readonly unavailable: string;
  readonly storeFailed: string;
  readonly noneInChannel: string;
  readonly noneInWorkspace: string;
  /** Title of every subscription reply. */
  readonly title: string;
  readonly unknownRoundType: (typed: string, known: readonly string[]) => string;
  readonly notAScore: (typed: string) => string;
  /** What a subscription asks for: every new round (label null) or rounds of a type, under a cut-off or not. */
  readonly filter: (label: string | null, maxCrs: number | null) => string;
  readonly stoppedOn: (date: string, reason: string | null) => string;
  readonly alreadyGets: (what: string) => string;
  readonly getsAgain: (what: string) => string;
  readonly willGet: (what: string) => string;
  readonly replaces: (what: string) => string;
  readonly latestKnown: (round: string) => string;
  readonly noRoundYet: string;
  readonly alsoGets: (what: string) => string;
  readonly subscribeSuggestions: readonly string[];
  /** Nothing of a kind to remove: every new round (label null) or rounds of a type. */
  readonly hadNone: (label: string | null) => string;
  readonly noLongerGets: (what: string) => string;
  readonly stillGets: (what: string) => string;
  readonly channelsSubscribed: (n: number) => string;
  readonly channelGets: (what: string) => string;
  readonly newRoundTitle: (round: string) => string;
  readonly held: (round: string, date: string, name: string) => string;
  readonly invitations: (n: number) => string;
  readonly lowestScore: (crs: number) => string;
  /** Between the figures of an announcement's first sentence. */
  readonly figureSeparator: string;
  readonly firstOfType: (label: string) => string;
  readonly sameCutoff: (crs: number) => string;
  readonly cutoffMoved: (diff: number, before: number) => string;
  readonly sameInvitations: (n: number) => string;
  readonly invitationsMoved: (diff: number, before: number) => string;
  readonly comparedWith: (label: string, previous: RoundWords, changes: string) => string;
  readonly previousWas: (label: string, previous: RoundWords) => string;
  readonly changeFieldName: string;
  readonly changeSince: (sign: string, diff: number, round: string) => string;
}

/** The subscription and announcement sentences in English and French, so tests can assert against them. */
export const ANNOUNCE_CATALOG: Catalog<AnnounceMessages> = {
  en: {
    noPermission: "Only members who can manage this channel (or the server) can change its round announcements.",
    notInServer: "Round announcements go to server channels: run /ee subscribe in the channel that should get them.",
    notInChannel: "Round announcements go to channels: run /ee subscribe in the channel that should get them.",
    botNotInChannel: "I'm not in this channel, so I couldn't post there: invite me first (/invite), then subscribe again.",
    unavailable: "Round announcements are not set up on this bot.",
    storeFailed: "I couldn't reach my database just now, so nothing was changed. Please try again in a minute.",
    noneInChannel: "This channel gets no round announcements. Subscribe it with /ee subscribe.",
    noneInWorkspace: "No channel here gets round announcements yet. Run /ee subscribe in a channel to start.",
    title: "Round announcements",
    unknownRoundType: (typed, known) => `I don't know the round type "${typed}". Use all, or one of: ${known.join(", ")}.`,
    notAScore: (typed) => `"${typed}" is not a CRS score: give a whole number such as 480.`,
    filter: (label, maxCrs) => `every new ${label === null ? "" : `${label} `}round${maxCrs !== null ? ` with a cut-off of ${maxCrs} or less` : ""}`,
    stoppedOn: (date, reason) => ` (stopped ${date}: ${reason ?? "refused by the platform"})`,
    alreadyGets: (what) => `This channel already gets a message for ${what}.`,
    getsAgain: (what) => `This channel will get a message again for ${what}.`,
    willGet: (what) => `This channel will get a message for ${what}.`,
    replaces: (what) => `That replaces ${what}.`,
    latestKnown: (round) => `The latest round I know of is ${round}; I'll post the ones after it.`,
    noRoundYet: "I'll post rounds as they are published.",
    alsoGets: (what) => `It also gets ${what}: a round both match is posted once for each.`,
    subscribeSuggestions: ["/ee subscriptions", "/ee unsubscribe"],
    hadNone: (label) => `This channel had no subscription to ${label === null ? "every new round" : `new ${label} rounds`}, so nothing changed.`,
    noLongerGets: (what) => `This channel will no longer get messages for ${what}.`,
    stillGets: (what) => ` It still gets ${what}.`,
    channelsSubscribed: (n) => `${plural(n, "channel")} here get round announcements.`,
    channelGets: (what) => `This channel gets a message for ${what}.`,
    newRoundTitle: (round) => `New Express Entry round ${round}`,
    held: (round, date, name) => `IRCC held round ${round} on ${date}: ${name}.`,
    invitations: (n) => `${formatNumber(n)} invitations`,
    lowestScore: (crs) => `lowest CRS score invited ${crs}`,
    figureSeparator: "; ",
    firstOfType: (label) => `It is the first ${label} round I know of.`,
    sameCutoff: (crs) => `the same cut-off (${crs})`,
    cutoffMoved: (diff, before) => `a cut-off ${Math.abs(diff)} ${Math.abs(diff) === 1 ? "point" : "points"} ${diff > 0 ? "higher" : "lower"} (${before} then)`,
    sameInvitations: (n) => `as many invitations (${formatNumber(n)})`,
    invitationsMoved: (diff, before) => `${formatNumber(Math.abs(diff))} ${diff > 0 ? "more" : "fewer"} invitations (${formatNumber(before)} then)`,
    comparedWith: (label, previous, changes) => `Compared with the previous ${label} round, round ${previous.round} (${previous.date}): ${changes}.`,
    previousWas: (label, previous) => `The previous ${label} round was round ${previous.round} (${previous.date}).`,
    changeFieldName: "Cut-off change",
    changeSince: (sign, diff, round) => `${sign}${diff} since round ${round}`,
  },
  fr: {
    noPermission: "Seuls les membres qui peuvent gérer ce canal (ou le serveur) peuvent changer ses annonces des tirages.",
    notInServer: "Les annonces des tirages vont dans les salons d'un serveur : lancez /ee abonner dans le salon qui doit les recevoir.",
    notInChannel: "Les annonces des tirages vont dans les canaux : lancez /ee abonner dans le canal qui doit les recevoir.",
    botNotInChannel: "Je ne suis pas dans ce canal, je ne pourrais donc pas y publier : invitez-moi d'abord (/invite), puis abonnez-le de nouveau.",
    unavailable: "Les annonces des tirages ne sont pas configurées sur ce robot.",
    storeFailed: "Je n'ai pas pu joindre ma base de données : rien n'a été changé. Réessayez dans une minute.",
    noneInChannel: "Ce canal ne reçoit aucune annonce des tirages. Abonnez-le avec /ee abonner.",
    noneInWorkspace: "Aucun canal ici ne reçoit encore d'annonces des tirages. Lancez /ee abonner dans un canal pour commencer.",
    title: "Annonces des tirages",
    unknownRoundType: (typed, known) => `Je ne connais pas le type de tirage « ${typed} ». Indiquez tous, ou l'un de ces types : ${known.join(", ")}.`,
    notAScore: (typed) => `« ${typed} » n'est pas un score SCG : indiquez un nombre entier, comme 480.`,
    filter: (label, maxCrs) => `chaque nouveau tirage${label === null ? "" : ` ${label}`}${maxCrs !== null ? ` dont la note de passage est de ${maxCrs} ou moins` : ""}`,
    stoppedOn: (date, reason) => ` (arrêté le ${date} : ${reason ?? "refusé par la plateforme"})`,
    alreadyGets: (what) => `Ce canal reçoit déjà un message pour ${what}.`,
    getsAgain: (what) => `Ce canal recevra de nouveau un message pour ${what}.`,
    willGet: (what) => `Ce canal recevra un message pour ${what}.`,
    replaces: (what) => `Cela remplace ${what}.`,
    latestKnown: (round) => `Le tirage le plus récent que je connaisse est le ${round} ; je publierai ceux qui suivront.`,
    noRoundYet: "Je publierai les tirages à mesure qu'ils seront annoncés.",
    alsoGets: (what) => `Il reçoit aussi ${what} : un tirage qui correspond aux deux est publié une fois pour chacun.`,
    subscribeSuggestions: ["/ee abonnements", "/ee désabonner"],
    hadNone: (label) => `Ce canal n'était pas abonné ${label === null ? "à chaque nouveau tirage" : `aux nouveaux tirages ${label}`} : rien n'a changé.`,
    noLongerGets: (what) => `Ce canal ne recevra plus de messages pour ${what}.`,
    stillGets: (what) => ` Il reçoit encore ${what}.`,
    channelsSubscribed: (n) => `${plural(n, "canal", "canaux")} ${n < 2 ? "reçoit" : "reçoivent"} ici les annonces des tirages.`,
    channelGets: (what) => `Ce canal reçoit un message pour ${what}.`,
    newRoundTitle: (round) => `Nouveau tirage d'Entrée express : ${round}`,
    held: (round, date, name) => `IRCC a tenu le tirage ${round} le ${date} : ${name}.`,
    invitations: (n) => `${formatNumber(n)} invitations`,
    lowestScore: (crs) => `score minimal du SCG des candidats invités : ${crs}`,
    figureSeparator: " ; ",
    firstOfType: (label) => `C'est le premier tirage ${label} que je connaisse.`,
    sameCutoff: (crs) => `la même note de passage (${crs})`,
    cutoffMoved: (diff, before) => `une note de passage ${diff > 0 ? "plus élevée" : "plus basse"} de ${plural(Math.abs(diff), "point")} (${before} alors)`,
    sameInvitations: (n) => `autant d'invitations (${formatNumber(n)})`,
    invitationsMoved: (diff, before) => `${formatNumber(Math.abs(diff))} invitations de ${diff > 0 ? "plus" : "moins"} (${formatNumber(before)} alors)`,
    comparedWith: (label, previous, changes) => `Par rapport au tirage ${label} précédent, le tirage ${previous.round} (${previous.date}) : ${changes}.`,
    previousWas: (label, previous) => `Le tirage ${label} précédent était le tirage ${previous.round} (${previous.date}).`,
    changeFieldName: "Variation de la note de passage",
    changeSince: (sign, diff, round) => `${sign}${diff} depuis le tirage ${round}`,
  },
};

/** The subscription and announcement sentences in the language being written in. */
export function announceMessages(): AnnounceMessages {
  return pick(ANNOUNCE_CATALOG);
}
