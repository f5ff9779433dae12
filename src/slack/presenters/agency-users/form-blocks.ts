import type { InputBlock, KnownBlock, PlainTextOption } from "@slack/types";
import { input as kitInput, option, plain } from "../modal-kit";

/** The create modal's ids, in one place: the listeners read values and put errors by these. */
export const CREATE_CALLBACK_ID = "agency-user.create";
/** Dispatched from the name inputs (Enter), to refresh the username suggestion. */
export const NAME_ENTERED_ACTION = "agency-user.name";
/** The action id of every element but the name inputs; the block id says which field it is. */
export const VALUE_ACTION = "value";
/** Where a problem that belongs to no field is shown in the form. */
export const PROBLEM_BLOCK = "problem";

export const BLOCK = {
  firstName: "firstName",
  lastName: "lastName",
  /**
   * Versioned ("username", "username.2", …): Slack keeps what a person typed in an input whose
   * block id is unchanged, so a new suggestion needs a new block id to show.
   */
  username: "username",
  roleId: "roleId",
  officeId: "officeId",
  businessEmail: "businessEmail",
  mobilePhone: "mobilePhone",
  flags: "flags",
} as const;

export const FLAG_LABELS = {
  showOnCareCoordinatorList: "Show on care coordinator list",
  showOnSupervisorList: "Show on supervisor list",
  lmsManager: "LMS manager",
  sendToActivatedInsights: "Send to Activated Insights",
} as const;

/** The hints a field shows when it has no problem. */
export const HINTS: Record<string, string> = {
  [BLOCK.lastName]: "Press Enter in a name to suggest a username.",
  [BLOCK.username]: "Left blank, it is made from the name in your agency's format; you can type your own.",
  [BLOCK.businessEmail]: "Caresmartz360 emails the registration instructions here.",
};

export { sentence } from "../kit";

/** The field a block id stands for ("username.3" → "username"). */
export function fieldOfBlock(blockId: string): string {
  return blockId.split(".")[0] ?? blockId;
}

function input(blockId: string, label: string, element: InputBlock["element"], optional = false): InputBlock {
  const hint = HINTS[fieldOfBlock(blockId)];
  return kitInput(blockId, label, element, { optional, ...(hint ? { hint } : {}) });
}

/** `dispatch`: pressing Enter sends NAME_ENTERED_ACTION (the name inputs). */
export function textInput(
  blockId: string,
  label: string,
  options: { initial?: string; optional?: boolean; dispatch?: boolean } = {},
): InputBlock {
  const block = input(
    blockId,
    label,
    {
      type: "plain_text_input",
      action_id: options.dispatch ? NAME_ENTERED_ACTION : VALUE_ACTION,
      ...(options.initial ? { initial_value: options.initial } : {}),
      ...(options.dispatch ? { dispatch_action_config: { trigger_actions_on: ["on_enter_pressed"] } } : {}),
    },
    options.optional,
  );
  return options.dispatch ? { ...block, dispatch_action: true } : block;
}

/** Optional: a blank username means the agency's format (the use-case fills it in). */
export function usernameInput(blockId: string, initial?: string): InputBlock {
  return textInput(blockId, "Username", { optional: true, ...(initial ? { initial } : {}) });
}

/** Slack's limits: a select lists 100 options, or 100 groups of 100. */
const SELECT_MAX = 100;

/** Over 100 options: sorted by name in groups of 100, each labeled by its first and last option. */
function grouped(options: PlainTextOption[]) {
  const sorted = [...options].sort((a, b) => a.text.text.localeCompare(b.text.text));
  const groups = [];
  for (let at = 0; at < sorted.length && groups.length < SELECT_MAX; at += SELECT_MAX) {
    const chunk = sorted.slice(at, at + SELECT_MAX);
    const label = `${chunk[0]!.text.text.slice(0, 35)} – ${chunk.at(-1)!.text.text.slice(0, 35)}`;
    groups.push({ label: plain(label), options: chunk });
  }
  return groups;
}

export function selectInput(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  initial?: PlainTextOption,
): InputBlock {
  const block = input(blockId, label, {
    type: "static_select",
    action_id: VALUE_ACTION,
    placeholder: plain("Choose"),
    ...(options.length > SELECT_MAX ? { option_groups: grouped(options) } : { options }),
    ...(initial ? { initial_option: initial } : {}),
  });
  const shown = SELECT_MAX * SELECT_MAX;
  // Beyond what Slack can list, say so rather than leave some out silently.
  return options.length > shown
    ? { ...block, hint: plain(`Slack lists at most ${shown}: these are the first by name of ${options.length}.`) }
    : block;
}

export function flagsInput(initial: PlainTextOption[] = []): InputBlock {
  const options = Object.entries(FLAG_LABELS).map(([value, text]) => option(text, value));
  return input(
    BLOCK.flags,
    "Lists and options",
    {
      type: "checkboxes",
      action_id: VALUE_ACTION,
      options,
      ...(initial.length > 0 ? { initial_options: initial } : {}),
    },
    true,
  );
}

export type { KnownBlock };
