import type { Knowledge } from "../../core/knowledge.js";

/** What example questions about occupations name, taken from the knowledge base: never written in code. */
export interface OccupationExample {
  /** A code on a list in force, its title (lower case, in the language being written in) and the list's label. */
  readonly code: string;
  readonly title: string;
  readonly label: string;
  /** A code on another list in force (or the same list), for a second example. */
  readonly otherCode: string;
  /** The latest year with category lists. */
  readonly year: number;
}

/** Subjects for example questions: the first category lists in force today, in the vocabulary's order; null without lists. */
export function occupationExample(knowledge: Knowledge): OccupationExample | null {
  const lists = knowledge
    .roundTypes()
    .filter((t) => t.kind === "category")
    .flatMap((t) => {
      const list = knowledge.listAt(t.id);
      return list && list.members.length > 0 ? [{ id: t.id, list }] : [];
    });
  const [first, second] = lists;
  const member = first?.list.members[0];
  const year = knowledge.listYears().at(-1);
  if (!first || !member || year === undefined) return null;
  const unit = knowledge.occupations.get(member.code);
  return {
    code: member.code,
    title: knowledge.occupationTitle(unit ?? member).toLowerCase(),
    label: knowledge.label(first.id),
    otherCode: second?.list.members[0]?.code ?? first.list.members[1]?.code ?? member.code,
    year,
  };
}

/** Example questions made from the knowledge base's subjects; none when it has no category lists. */
export function suggest(knowledge: Knowledge, make: (ex: OccupationExample) => string[]): string[] {
  const ex = occupationExample(knowledge);
  return ex ? make(ex) : [];
}
