/**
 * Slack's limits that make a call fail, as ../shared/slack-limits.md lists them (from Slack's
 * Block Kit and views reference and the changelog). Lengths are in code points.
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  textObject: 3000,
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  inputLabel: 2000,
  inputHint: 2000,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  buttonUrl: 3000,
  blockId: 255,
  selectOptions: 100,
  selectOptionGroups: 100,
  selectPlaceholder: 150,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  optionGroupLabel: 75,
  optionGroupOptions: 100,
  overflowOptionsMin: 2,
  overflowOptionsMax: 5,
  checkboxOptions: 10,
  radioOptions: 10,
  textInputMaxLength: 3000,
  textInputPlaceholder: 150,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  messageText: 40_000,
  /** Not documented: Slack answers msg_blocks_too_long (bolt-js issues 2509 and 2867). */
  messageBlocksText: 12_000,
} as const;

/** Slack counts characters, not UTF-16 units: an emoji is one. */
export function length(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
