import { LINK_KINDS, type WaitingSuggestions } from "../../../app/linking";
import { actions, section, type KnownBlock } from "../kit";
import { LINK_ACTION } from "./values";

const TITLE = "*Motivity ↔ Calmanac links*";

/**
 * App Home: how many link suggestions wait, with a button per kind to review them; before
 * anyone has looked, that nothing was checked yet, with a button per kind to look.
 */
export function linkSuggestionBlocks(waiting: WaitingSuggestions | undefined): KnownBlock[] {
  if (!waiting) return [];
  if (!waiting.checked) {
    return [
      section(`${TITLE}\nNot checked yet: nobody has looked for members or learners to link.`),
      actions(LINK_KINDS.map((k) => ({ text: `Review ${k}`, actionId: `${LINK_ACTION.review}:${k}`, value: k }))),
    ];
  }
  const { open } = waiting;
  const text =
    open.members + open.learners === 0
      ? `${TITLE}\nNo suggestions wait. Run \`/link members\` or \`/link learners\` to look again.`
      : `${TITLE}\n${open.members} suggestion(s) for members and ${open.learners} for learners wait for a decision.`;
  const kinds = LINK_KINDS.filter((k) => open[k] > 0);
  return [
    section(text),
    ...(kinds.length > 0
      ? [
          actions(
            kinds.map((k) => ({
              text: `Review ${k} (${open[k]})`,
              actionId: `${LINK_ACTION.review}:${k}`,
              value: k,
            })),
          ),
        ]
      : []),
  ];
}
