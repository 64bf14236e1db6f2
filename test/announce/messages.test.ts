import { describe, expect, it } from "vitest";
import { announcementReply, changeFromPrevious, filterPhrase, readRoundType } from "../../src/announce/messages.js";
import { roundsFromDraws } from "../../src/announce/schema.js";
import { readSubscribeWords } from "../../src/announce/subscriptions.js";
import { Knowledge } from "../../src/core/knowledge.js";
import { DEFAULT_PATHS } from "../../src/kb/paths.js";
import { knowledgeFolder } from "./knowledge.js";

const shipped = Knowledge.load();
const grown = Knowledge.load({ ...knowledgeFolder(2), vocabulary: DEFAULT_PATHS.vocabulary });

describe("the words of a subscription", () => {
  it("reads a round type from its id, from a name a person types, and says which ones exist when it is unknown", () => {
    expect(readRoundType(shipped, undefined)).toEqual({ ok: true, value: "all" });
    expect(readRoundType(shipped, "all")).toEqual({ ok: true, value: "all" });
    expect(readRoundType(shipped, "cec")).toEqual({ ok: true, value: "cec" });
    expect(readRoundType(shipped, "healthcare")).toEqual({ ok: true, value: "healthcare" });
    expect(readRoundType(shipped, "french draw")).toEqual({ ok: true, value: "french" });
    const unknown = readRoundType(shipped, "lottery");
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.error).toMatch(/^I don't know the round type "lottery"\. Use all, or one of: .*\bcec\b.*\bstem\b/);
  });

  it("says what a channel will get: every round, a type, a cut-off", () => {
    expect(filterPhrase(shipped, "all", null)).toBe("every new round");
    expect(filterPhrase(shipped, "cec", null)).toBe("every new CEC round");
    expect(filterPhrase(shipped, "cec", 480)).toBe("every new CEC round with a cut-off of 480 or less");
  });

  it("reads the type and the score from the words after /ee subscribe on Slack", () => {
    expect(readSubscribeWords("")).toEqual({});
    expect(readSubscribeWords("cec 480")).toEqual({ type: "cec", maxCrs: 480 });
    expect(readSubscribeWords("french draw max 470")).toEqual({ type: "french draw", maxCrs: 470 });
    expect(readSubscribeWords("type:healthcare max_crs:455")).toEqual({ type: "healthcare", maxCrs: 455 });
  });
});

describe("the announcement of a new round", () => {
  it("gives round, date, type, cut-off, invitations and tie-break, the change since the previous round of its type, and the sources", () => {
    const round = roundsFromDraws(grown.draws).find((r) => r.id === "431");
    if (!round) throw new Error("fixture round 431 missing");
    const reply = announcementReply(grown, round);
    expect(reply.title).toBe("New Express Entry round 431");
    expect(reply.text).toBe(
      "IRCC held round 431 on July 30, 2026: Canadian Experience Class. 6,000 invitations; lowest CRS score invited 512. " +
        "Compared with the previous CEC round, round 428 (July 21, 2026): a cut-off 4 points lower (516 then) and 4,000 more invitations (2,000 then).",
    );
    const fields = Object.fromEntries(reply.fields.map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({ Round: "#431", Type: "Canadian Experience Class", Invitations: "6,000", "CRS cut-off": "512", "Tie-breaking rule": "July 1, 2026 at 10:00:00 UTC", "Cut-off change": "−4 since round 428" });
    expect(reply.sources.length).toBeGreaterThan(0);
    expect(reply.asOf).toBe("2026-07-30");
  });

  it("says when a round is the first of its type it knows", () => {
    const first = shipped.firstDraw(["military"]);
    if (!first) throw new Error("no military round in the shipped knowledge base");
    expect(changeFromPrevious(shipped, first)).toBe("It is the first skilled military recruits round I know of.");
  });
});
