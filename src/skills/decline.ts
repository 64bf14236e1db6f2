import { roundName } from "../core/format.js";
import { coreMessages } from "../core/messages.js";
import { makeReply } from "../core/reply.js";
import { lang } from "../messages/lang.js";
import { metaMessages } from "../messages/meta.js";
import { has } from "../nlu/question.js";
import type { Match, Skill } from "./types.js";

/** A question recognised as one the bot cannot answer, and why. */
export interface DeclineParams {
  readonly topic: "processing" | "pnp-stream" | "visa" | "legal" | "account" | "prediction" | "off-topic" | "other-country" | "not-in-data";
  /** The words that named it ("LMIA", "Quebec"), said back so the user sees what was understood. */
  readonly named?: string;
}

/** Questions recognised as outside what the bot knows: said so plainly, with what it can answer instead. */
export const declineSkill: Skill<DeclineParams> = {
  id: "decline",
  summary: "questions I recognise but cannot answer (processing times, provincial streams, visas, legal advice, predictions)",
  requires: [],
  optional: [],
  match(clause): Match<DeclineParams> | null {
    const entities = clause.codes.length + clause.rounds.length + clause.numbers.length;
    // Said back as the user wrote it ("LMIA", not "lmia") when it can be found in their words. A French clause is
    // read in the English words it was rewritten into ("frais" as "fees"), so its words are not said back.
    const asWritten = (w: string) => {
      const at = clause.raw.toLowerCase().indexOf(w);
      return at >= 0 ? clause.raw.slice(at, at + w.length) : w;
    };
    const named = (group: string) => (clause.cueWords[group] && lang() === "en" ? { named: asWritten(clause.cueWords[group] ?? "") } : {});
    // "AOR?" alone asks what the word means (the glossary says whether it knows it), not how long processing takes.
    const bareWord = /^[a-z]{2,6}$/.test(clause.text);
    if (has(clause, "processingTime") && !bareWord) return { score: 0.92, params: { topic: "processing", ...named("processingTime") } };
    // "when did the next cec draw happen after round 300" asks about the past.
    const past = /\b(?:was|were|did|had|happened)\b/.test(clause.text) || clause.rounds.length > 0;
    if (has(clause, "predict") && !past && (has(clause, "cutoff") || has(clause, "draw") || has(clause, "invitations") || /\bnext (?:one|round|draw)\b/.test(clause.text))) return { score: 0.92, params: { topic: "prediction" } };
    if (has(clause, "otherCountry")) return { score: 0.93, params: { topic: "other-country" } };
    if (has(clause, "notInData") && clause.codes.length + clause.rounds.length === 0) return { score: 0.92, params: { topic: "not-in-data" } };
    // "OINP tech stream cutoff", "BC PNP tech draw": a province's own draws, not Express Entry's.
    const provincial = /\b(?:oinp|bc ?pnp|sinp|aaip|mpnp|nsnp|nbpnp|peipnp|nlpnp|arrima|provincial stream|(?:tech|human capital|masters graduate|phd graduate|express entry) stream)\b/.test(clause.text);
    if (provincial && clause.codes.length + clause.rounds.length === 0) return { score: 0.93, params: { topic: "pnp-stream", ...named("pnpStream") } };
    // "LPN in Ontario, what's my noc code": the province is where the asker lives, the question is about a job.
    if (has(clause, "pnpStream") && !has(clause, "draw") && !has(clause, "cutoff") && !has(clause, "occupationWord") && entities === 0) return { score: 0.9, params: { topic: "pnp-stream", ...named("pnpStream") } };
    if (has(clause, "visa") && (entities === 0 || clause.profile.facts === 0 && clause.codes.length + clause.rounds.length === 0 && clause.numbers.every((n) => n.kind === "plain" && n.value < 20)) && !has(clause, "draw")) return { score: 0.88, params: { topic: "visa", ...named("visa") } };
    if (has(clause, "legal") && clause.codes.length + clause.rounds.length === 0) return { score: 0.9, params: { topic: "legal" } };
    if (has(clause, "actForMe")) return { score: 0.93, params: { topic: "account" } };
    if (has(clause, "offTopic") && entities === 0 && clause.categories.length === 0) return { score: 0.88, params: { topic: "off-topic" } };
    return null;
  },
  answer(params, context) {
    const { knowledge } = context;
    const latest = knowledge.latestDraw();
    const m = metaMessages().decline;
    const offer = latest ? m.offer(roundName(knowledge, latest)) : "";
    const about = params.named ? coreMessages().declineAbout(params.named) : "";
    const text = {
      processing: `${coreMessages().declineProcessing}${offer}`,
      "pnp-stream": `${about}${coreMessages().declinePnpStream}${offer}`,
      visa: `${about}${coreMessages().declineVisa}`,
      legal: coreMessages().declineLegal,
      account: coreMessages().declineAccount,
      "other-country": coreMessages().declineOtherCountry,
      "not-in-data": coreMessages().declineNotInData,
      prediction: `${coreMessages().declinePrediction} ${coreMessages().pastNotFuture}${offer}`,
      "off-topic": coreMessages().declineOffTopic,
    }[params.topic];
    return { reply: makeReply(knowledge, "decline", { title: m.title, text, sources: params.topic === "prediction" || params.topic === "processing" || params.topic === "pnp-stream" ? latest?.sources ?? [] : [], suggestions: [...m.suggestions] }) };
  },
  examples: () => [],
};
