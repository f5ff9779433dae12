import type { CaregiverChoice, Purpose } from "../../../app/caregivers";
import { actions, context, escape, type KnownBlock, type Message, section } from "../kit";
import { CAREGIVER_ACTIONS, encodeValue } from "./ids";
import type { CaregiverLabels } from "./labels";

/** Several caregivers match: one button each, with the TeleTrack id and state to tell them apart. */
export function pickListMessage(
  query: string,
  purpose: Purpose,
  choices: CaregiverChoice[],
  more: boolean,
  madeFor: string,
  labels: CaregiverLabels,
): Message {
  const verb = purpose === "sync" ? "sync" : "see";
  const blocks: KnownBlock[] = [
    section(
      `${choices.length}${more ? "+" : ""} caregivers in ${escape(labels.teletrack)} match "${escape(query)}". Which one do you want to ${verb}?`,
    ),
    actions(
      choices.map((c, i) => ({
        text: `${c.firstName} ${c.lastName} · ${c.id} · ${c.state}${c.status === "inactive" ? " · inactive" : ""}`,
        // Slack wants action ids unique within a block; the listener matches them all.
        actionId: `${CAREGIVER_ACTIONS.pick}:${i}`,
        value: encodeValue({ c: c.id, u: madeFor, p: purpose }),
      })),
    ),
  ];
  if (more) blocks.push(context("More caregivers match; type more of the name, or their email or TeleTrack id."));
  if (labels.sandbox) blocks.push(context(labels.sandbox));
  return { text: `${choices.length} caregivers match "${query}"; pick one.`, blocks };
}
