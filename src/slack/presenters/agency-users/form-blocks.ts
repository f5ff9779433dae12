import type { InputBlock, KnownBlock, PlainTextOption } from "@slack/types";
import { escape } from "../kit";

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

/** Our sentences as mrkdwn: escaped, but mentions (who to ask) stay mentions. */
export function sentence(text: string): string {
  return escape(text).replace(/&lt;@([A-Z0-9]+)&gt;/g, "<@$1>");
}

export const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true });

export const option = (text: string, value: string): PlainTextOption => ({ text: plain(text.slice(0, 75)), value });

/** The field a block id stands for ("username.3" → "username"). */
export function fieldOfBlock(blockId: string): string {
  return blockId.split(".")[0] ?? blockId;
}

function input(blockId: string, label: string, element: InputBlock["element"], optional = false): InputBlock {
  const hint = HINTS[fieldOfBlock(blockId)];
  return {
    type: "input",
    block_id: blockId,
    label: plain(label),
    element,
    optional,
    ...(hint ? { hint: plain(hint) } : {}),
  };
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

export function selectInput(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  initial?: PlainTextOption,
): InputBlock {
  return input(blockId, label, {
    type: "static_select",
    action_id: VALUE_ACTION,
    placeholder: plain("Choose"),
    options: options.slice(0, 100),
    ...(initial ? { initial_option: initial } : {}),
  });
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
