export { Announcer, wantsRound, type AnnounceReport, type AnnouncerOptions, type FailedDelivery, type SentDelivery } from "./announcer.js";
export * from "./schema.js";
