import { LINK_KINDS, type LinkKind } from "../../../app/linking";
import { actions, section, type KnownBlock } from "../kit";
import { LINK_ACTION } from "./values";

/** App Home: how many link suggestions wait, with a button per kind to review them. */
export function linkSuggestionBlocks(waiting: Record<LinkKind, number> | undefined): KnownBlock[] {
  if (!waiting) return [];
  const total = waiting.members + waiting.learners;
  const text =
    total === 0
      ? "*Motivity ↔ Calmanac links*\nNo suggestions wait. Run `/link members` or `/link learners` to look again."
      : `*Motivity ↔ Calmanac links*\n${waiting.members} suggestion(s) for members and ${waiting.learners} for learners wait for a decision.`;
  const kinds = LINK_KINDS.filter((k) => waiting[k] > 0);
  return [
    section(text),
    ...(kinds.length > 0
      ? [
          actions(
            kinds.map((k) => ({
              text: `Review ${k} (${waiting[k]})`,
              actionId: `${LINK_ACTION.review}:${k}`,
              value: k,
            })),
          ),
        ]
      : []),
  ];
}
