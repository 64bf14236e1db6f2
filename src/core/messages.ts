/** Every fixed sentence ee-bot says to users, in one place so tests can assert against them. */
export const MESSAGES = {
  greeting: "Hi! I answer questions about Canada's Express Entry draws from the articles in my knowledge base, with dates and sources.",
  help: "I answer questions about Express Entry from the articles in my knowledge base. Every answer says what date it refers to and which articles it rests on.",
  thanks: "You're welcome. Ask me anything else about Express Entry draws.",
  empty: "I didn't get a question. Ask me about Express Entry draws, cut-offs or occupations, or type help.",
  fallback: "Sorry, I can't answer that from my knowledge base.",
  internalError: "Sorry, something went wrong while I was answering that. Please try again, or ask another question.",
  noPreviousAnswer: "I haven't answered anything in this conversation yet, so there are no sources to show.",
  previousAnswerNoSources: "My previous answer did not rest on any article.",
  pastNotFuture: "Past cut-offs do not predict future ones.",
  truncated: (limit: number) => `(Your message was long, so I read only its first ${limit} characters.)`,
  rateLimited: "You're sending messages faster than I can answer. Please wait a few seconds and try again.",
} as const;

/** Example questions shown in help and fallbacks. */
export const EXAMPLES = {
  occupation: ["is 21231 STEM?", "is a data scientist eligible for STEM draws?", "noc code for web designers", "TEER of 20012"],
  lists: ["list the STEM occupations", "how many occupations are in STEM?"],
  draws: ["what was the last cut-off?", "latest STEM cut-off", "draw 253", "what happened on July 4 2023?", "lowest cut-off"],
  score: ["my CRS is 480, would I have been invited?"],
  rules: ["what is the tie-breaking rule?", "how many profiles are in the pool?", "what are the categories this year?", "what are the requirements for category-based draws?", "how do I apply?"],
  glossary: ["what is CRS?", "what does ITA mean?", "what is TEER?"],
  meta: ["sources", "help"],
} as const;

/** A few examples from every group, for help. */
export function helpExamples(): string[] {
  return [
    EXAMPLES.occupation[0],
    EXAMPLES.occupation[1],
    EXAMPLES.lists[0],
    EXAMPLES.draws[0],
    EXAMPLES.draws[2],
    EXAMPLES.score[0],
    EXAMPLES.rules[0],
    EXAMPLES.rules[1],
    EXAMPLES.glossary[0],
  ];
}
