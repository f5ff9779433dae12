import { editable, type LearnerEdited } from "../../../app/learners/edit";
import { count } from "../../../app/plural";
import type { LearnerSearch } from "../../../app/learners/search";
import type { CacwtLearner } from "../../../providers/roles";
import {
  actions,
  context,
  escape,
  escapeName,
  type KnownBlock,
  type Message,
  section,
  shortName,
  shortText,
} from "../kit";
import { LEARNER_ACTION } from "./ids";

const name = (l: CacwtLearner) => `${l.firstName} ${l.lastName}`.trim();

/** A learner as `source` (the learner LMS) has them, with the one status change that applies. */
export function learnerBlocks(learner: CacwtLearner, source: string): KnownBlock[] {
  const flags = [learner.trainingManager ? "training manager" : "", learner.supervisor ? "supervisor" : ""].filter(
    Boolean,
  );
  const status = learner.status === "Active" ? ":large_green_circle: Active" : ":white_circle: Archived";
  const lines = [
    `*${escapeName(name(learner))}* — ${status}`,
    `${escape(learner.email)} · ${escape(learner.employeeType || "no employee type")} · ${escape(learner.affiliation || "no affiliation")}`,
    `Hired ${escape(learner.dateHire || "—")}${flags.length > 0 ? ` · ${flags.join(", ")}` : ""}`,
  ];
  const button =
    learner.status === "Active"
      ? {
          text: "Archive",
          actionId: LEARNER_ACTION.archive,
          value: learner.email,
          style: "danger" as const,
          confirm: {
            title: "Archive this learner?",
            text: `${shortName(name(learner))} can no longer sign in to ${shortText(source, 60)} until reactivated.`,
            confirm: "Archive",
          },
        }
      : { text: "Reactivate", actionId: LEARNER_ACTION.reactivate, value: learner.email, style: "primary" as const };
  const edit = { text: "Edit", actionId: LEARNER_ACTION.edit, value: learner.userId };
  return [section(lines.join("\n")), actions(editable(learner) ? [button, edit] : [button])];
}

/** After Edit → Save: what changed (a name change first, as a rename), then the learner as the LMS shows them now. */
export function learnerEditedMessage(result: LearnerEdited, source: string): Message {
  const who = name(result.learner);
  if (result.changes.length === 0) {
    const text = `Nothing changed: ${source} already shows these details for ${who}.`;
    return {
      text,
      blocks: [
        section(`${escape(`Nothing changed: ${source} already shows these details for`)} *${shortName(who)}*.`),
        ...learnerBlocks(result.learner, source),
      ],
    };
  }
  const lines = [
    ...(result.renamed ? [`Renamed *${shortName(result.renamed.from)}* → *${shortName(result.renamed.to)}*`] : []),
    ...result.changes
      .filter((c) => !(result.renamed && (c.field === "firstName" || c.field === "lastName")))
      .map((c) => `${c.label}: ${shortText(c.from, 200)} → ${shortText(c.to, 200)}`),
  ];
  const text = result.renamed
    ? `Saved in ${source}: renamed ${result.renamed.from} → ${result.renamed.to}`
    : `Saved ${who} in ${source}`;
  return {
    text,
    blocks: [
      section(`:white_check_mark: Saved in ${escape(source)}:\n${lines.map((l) => `• ${l}`).join("\n")}`),
      ...learnerBlocks(result.learner, source),
    ],
  };
}

/** `/learner <email or name>`: the learners found, each with its button. */
export function learnerSearchMessage(query: string, found: LearnerSearch, source: string): Message {
  if (found.learners.length === 0) {
    return {
      text: `No learner in ${source} matches "${query}".`,
      blocks: [
        section(
          `No learner in ${escape(source)} matches "${escape(query)}". Try an email, or the start of a first and last name.`,
        ),
      ],
    };
  }
  const blocks = found.learners.flatMap((l) => learnerBlocks(l, source));
  const more = found.more
    ? ` Only the first ${found.learners.length} are shown; add more of the name to narrow it down.`
    : "";
  blocks.push(context(`From ${escape(source)}.${more}`));
  return {
    text: `${count(found.learners.length, "learner")} in ${source} match "${query}"`,
    blocks,
  };
}

/** After Archive or Reactivate: what the LMS shows now. */
export function statusChangeMessage(learner: CacwtLearner, changed: boolean, source: string): Message {
  const state = learner.status.toLowerCase();
  const text = changed
    ? `${name(learner)} is now ${state} in ${source}.`
    : `${name(learner)} was already ${state} in ${source}; nothing changed.`;
  return { text, blocks: [section(`:white_check_mark: ${escape(text)}`), ...learnerBlocks(learner, source)] };
}

export function learnerAddedMessage(learner: CacwtLearner, source: string): Message {
  const text = `Added ${name(learner)} to ${source} as ${learner.status}; ${source} emailed them a temporary password.`;
  return { text, blocks: [section(`:white_check_mark: ${escape(text)}`), ...learnerBlocks(learner, source)] };
}
