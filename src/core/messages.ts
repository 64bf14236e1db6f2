/** Every fixed sentence ee-bot says to users, in one place so tests can assert against them. */
export const MESSAGES = {
  greeting: "Hi! I answer questions about Canada's Express Entry rounds, category lists, occupations and CRS points, with dates and sources.",
  help: "I answer questions about Express Entry from IRCC's published data and a few news articles. Every answer says what date it refers to and what it rests on.",
  thanks: "You're welcome. Ask me anything else about Express Entry.",
  empty: "I didn't get a question. Ask me about Express Entry rounds, cut-offs, occupations or CRS points, or type help.",
  fallback: "Sorry, I can't answer that from what I know.",
  fallbackOffer: "I answer questions about Express Entry rounds, cut-offs, the pool, category lists, occupations and CRS points.",
  declineProcessing: "I can't tell processing times: IRCC's processing times are not in my data, and they change weekly. IRCC publishes them on its processing-times page.",
  declinePnpStream: "I can't answer about provincial nominee streams: each province runs its own, and they are not in my data. I only know Express Entry rounds, including the PNP rounds IRCC holds for candidates who already have a nomination.",
  declineVisa: "I can't answer that: visas, permits, fees and sponsorship are outside what I know. I answer questions about Express Entry rounds, category lists, occupations and CRS points.",
  declinePrediction: "I can't predict future rounds or cut-offs: IRCC does not announce them in advance, and I only know past rounds.",
  declineAbout: (named: string) => `About "${named}": `,
  declineOffTopic: "That's outside what I know: I only answer questions about Canada's Express Entry system.",
  internalError: "Sorry, something went wrong while I was answering that. Please try again, or ask another question.",
  noPreviousAnswer: "I haven't answered anything in this conversation yet, so there are no sources to show.",
  previousAnswerNoSources: "My previous answer did not rest on any article.",
  pastNotFuture: "Past cut-offs do not predict future ones.",
  truncated: (limit: number) => `(Your message was long, so I read only its first ${limit} characters.)`,
  rateLimited: "You're sending messages faster than I can answer. Please wait a few seconds and try again.",
} as const;

