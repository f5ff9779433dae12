import { element, type Walk } from "./elements";
import { LIMITS } from "./limits";
import { isObject, type Json, type Problems } from "./problems";
import { stringField, textObject } from "./text";

export type Surface = "message" | "modal" | "home";

export interface BlocksResult {
  /** Characters of text in all the blocks: Slack refuses a message past about 12,000. */
  textLength: number;
  /** block_ids of the input blocks, the only keys a view_submission's errors may name. */
  inputBlockIds: Set<string>;
}

function text(walk: Walk, pointer: string, value: unknown, max?: number, kind?: "plain_text" | "mrkdwn"): void {
  walk.textLength += textObject(walk.problems, pointer, value, max, kind);
}

function elements(
  walk: Walk,
  pointer: string,
  value: unknown,
  max: number,
  each: (p: string, v: unknown) => void,
): void {
  if (!Array.isArray(value) || value.length === 0) return walk.problems.add(pointer, "must provide at least 1 item");
  if (value.length > max) walk.problems.add(pointer, `must provide at most ${max} items`);
  value.forEach((v, i) => each(`${pointer}/${i}`, v));
}

function uniqueActionIds(problems: Problems, pointer: string, list: unknown[]): void {
  const seen = new Set<string>();
  list.forEach((e, i) => {
    const id = isObject(e) ? e.action_id : undefined;
    if (typeof id !== "string") return;
    if (seen.has(id)) problems.add(`${pointer}/${i}/action_id`, "Action ID needs to be unique within its block");
    seen.add(id);
  });
}

function block(walk: Walk, pointer: string, value: Json, result: BlocksResult): void {
  const { problems } = walk;
  switch (value.type) {
    case "section": {
      if (value.text === undefined && value.fields === undefined) problems.add(pointer, "must provide text or fields");
      if (value.text !== undefined) text(walk, `${pointer}/text`, value.text, LIMITS.sectionText);
      if (value.fields !== undefined)
        elements(walk, `${pointer}/fields`, value.fields, LIMITS.sectionFields, (p, v) =>
          text(walk, p, v, LIMITS.sectionField),
        );
      if (value.accessory !== undefined) element(walk, `${pointer}/accessory`, value.accessory);
      return;
    }
    case "header":
      return text(walk, `${pointer}/text`, value.text, LIMITS.headerText, "plain_text");
    case "context":
      return elements(walk, `${pointer}/elements`, value.elements, LIMITS.contextElements, (p, v) => {
        if (isObject(v) && v.type === "image") return;
        text(walk, p, v);
      });
    case "actions":
      elements(walk, `${pointer}/elements`, value.elements, LIMITS.actionsElements, (p, v) => element(walk, p, v));
      if (Array.isArray(value.elements)) uniqueActionIds(problems, `${pointer}/elements`, value.elements);
      return;
    case "input":
      text(walk, `${pointer}/label`, value.label, LIMITS.inputLabel, "plain_text");
      if (value.hint !== undefined) text(walk, `${pointer}/hint`, value.hint, LIMITS.inputHint, "plain_text");
      element(walk, `${pointer}/element`, value.element);
      if (typeof value.block_id === "string") result.inputBlockIds.add(value.block_id);
      return;
    case "divider":
    case "image":
    case "rich_text":
    case "file":
    case "video":
    case "markdown":
      return;
    default:
      problems.add(`${pointer}/type`, "must be a known block type");
  }
}

/** The blocks of one message or view: their count for the surface, each block, unique block_ids. */
export function checkBlocks(problems: Problems, pointer: string, blocks: unknown, surface: Surface): BlocksResult {
  const walk: Walk = { problems, textLength: 0 };
  const result: BlocksResult = { textLength: 0, inputBlockIds: new Set() };
  if (!Array.isArray(blocks)) {
    problems.add(pointer, "must be a list of blocks");
    return result;
  }
  const max = surface === "message" ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  if (blocks.length > max) problems.add(pointer, `must provide at most ${max} items`);
  const ids = new Set<string>();
  blocks.forEach((value: unknown, i) => {
    const at = `${pointer}/${i}`;
    if (!isObject(value)) return problems.add(at, "must be a block");
    stringField(problems, `${at}/block_id`, value.block_id, LIMITS.blockId);
    if (typeof value.block_id === "string") {
      if (ids.has(value.block_id)) problems.add(`${at}/block_id`, "Block ID needs to be unique");
      ids.add(value.block_id);
    }
    block(walk, at, value, result);
  });
  result.textLength = walk.textLength;
  return result;
}
