import type { InputBlock, ModalView } from "@slack/types";
import { MAX_ALIAS_LENGTH } from "../../../app/linking";
import { context, escapeName, section } from "../kit";
import { CREATE_BLOCK } from "./create-modal";
import { CHANGE_ALIAS_CALLBACK, type AliasMetadata } from "./values";

const plain = (text: string) => ({ type: "plain_text" as const, text: text.slice(0, 150) });

/** "Change alias": the learner's alias in Motivity, prefilled; the block id is the create form's, so fieldErrors serves both. */
export function aliasModal(name: string, alias: string, metadata: AliasMetadata): ModalView {
  const input: InputBlock = {
    type: "input",
    block_id: CREATE_BLOCK.alias,
    label: plain("Alias"),
    hint: plain("How Motivity shows the learner without their name."),
    element: {
      type: "plain_text_input",
      action_id: CREATE_BLOCK.alias,
      max_length: MAX_ALIAS_LENGTH,
      ...(alias ? { initial_value: alias.slice(0, MAX_ALIAS_LENGTH) } : {}),
    },
  };
  return {
    type: "modal",
    callback_id: CHANGE_ALIAS_CALLBACK,
    title: plain("Change alias"),
    submit: plain("Change"),
    close: plain("Cancel"),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      section(`The alias of *${escapeName(name)}* in Motivity.`),
      input,
      context("Another learner may not have the same alias."),
    ],
  };
}
