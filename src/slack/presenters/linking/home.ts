import { count } from "../../../app/plural";
import { LINK_KINDS, type LinkKind, type WaitingSuggestions } from "../../../app/linking";
import { actions, section, type ButtonSpec, type KnownBlock } from "../kit";
import { LINK_ACTION } from "./values";

const TITLE = "*Motivity ↔ Calmanac links*";

const reviewButton = (kind: LinkKind, open?: number): ButtonSpec => ({
  text: open === undefined ? `Review ${kind}` : `Review ${kind} (${open})`,
  actionId: `${LINK_ACTION.review}:${kind}`,
  value: kind,
});

/** What waits for the kinds an admin has reviewed. */
function waitingLine(open: Record<LinkKind, number>, kinds: readonly LinkKind[]): string {
  if (kinds.length === LINK_KINDS.length) {
    return open.members + open.learners === 0
      ? "No suggestions wait. Run `/link members` or `/link learners` to look again."
      : `${count(open.members, "suggestion")} for members and ${open.learners.toLocaleString("en-US")} for learners wait for a decision.`;
  }
  return kinds
    .map((k) =>
      open[k] === 0
        ? `No suggestions for ${k} wait.`
        : `${count(open[k], "suggestion")} for ${k} ${open[k] === 1 ? "waits" : "wait"} for a decision.`,
    )
    .join("\n");
}

/**
 * App Home: how many link suggestions wait, with a button per kind to review them; for a kind
 * nobody has reviewed yet, that it was not checked, with a button to look.
 */
export function linkSuggestionBlocks(waiting: WaitingSuggestions | undefined): KnownBlock[] {
  if (!waiting) return [];
  const { open, checked } = waiting;
  const reviewed = LINK_KINDS.filter((k) => checked[k]);
  const unchecked = LINK_KINDS.filter((k) => !checked[k]);
  const lines = [
    ...(reviewed.length > 0 ? [waitingLine(open, reviewed)] : []),
    ...(unchecked.length > 0 ? [`Not checked yet: nobody has looked for ${unchecked.join(" or ")} to link.`] : []),
  ];
  const buttons = LINK_KINDS.flatMap((k) =>
    !checked[k] ? [reviewButton(k)] : open[k] > 0 ? [reviewButton(k, open[k])] : [],
  );
  return [section(`${TITLE}\n${lines.join("\n")}`), ...(buttons.length > 0 ? [actions(buttons)] : [])];
}
