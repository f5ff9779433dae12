import { mrkdwnToText } from "./mrkdwn";

interface TextObject {
  type: string;
  text: string;
}

/** Slack's "Are you sure?" dialog on a button. */
export interface Confirm {
  title?: TextObject;
  text: TextObject;
  confirm?: TextObject;
  deny?: TextObject;
}

/** A button the console user can press by its address. */
export interface Pressable {
  label: string;
  actionId: string;
  blockId: string | undefined;
  value: string | undefined;
  url: string | undefined;
  confirm: Confirm | undefined;
}

interface Element {
  type: string;
  text?: TextObject;
  action_id?: string;
  value?: string;
  url?: string;
  confirm?: Confirm;
  elements?: Element[];
}

interface Block {
  type: string;
  block_id?: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: Element[];
  accessory?: Element;
  label?: TextObject;
}

/**
 * Block Kit as lines of text. Each button is added to `pressables` and shown by its address,
 * `prefix` + its place in this message (e.g. `[3.2]` for the second button of message 3).
 */
export function renderBlocks(
  blocks: unknown[],
  pressables: Pressable[],
  names?: (id: string) => string,
  prefix = "",
): string[] {
  const lines: string[] = [];
  const text = (t: TextObject | undefined) => (t ? mrkdwnToText(t.text, names) : "");
  const addButton = (e: Element, blockId: string | undefined) => {
    pressables.push({
      label: text(e.text),
      actionId: e.action_id ?? "",
      blockId,
      value: e.value,
      url: e.url,
      confirm: e.confirm,
    });
    return `[${prefix}${pressables.length}] ${text(e.text)}`;
  };
  for (const raw of blocks as Block[]) {
    switch (raw.type) {
      case "header":
        lines.push(`== ${text(raw.text)} ==`);
        break;
      case "section": {
        if (raw.text) lines.push(text(raw.text));
        for (const field of raw.fields ?? []) lines.push(`  ${text(field).replace(/\n/g, ": ")}`);
        if (raw.accessory?.type === "button") lines.push(`  ${addButton(raw.accessory, raw.block_id)}`);
        break;
      }
      case "context":
        lines.push(
          `  (${(raw.elements ?? []).map((e) => (e.type === "mrkdwn" || e.type === "plain_text" ? mrkdwnToText((e as unknown as TextObject).text, names) : "")).join(" ")})`,
        );
        break;
      case "actions":
        lines.push(
          `  ${(raw.elements ?? [])
            .filter((e) => e.type === "button")
            .map((e) => addButton(e, raw.block_id))
            .join("   ")}`,
        );
        break;
      case "divider":
        lines.push("---");
        break;
      case "input":
        lines.push(`  • ${text(raw.label)}`);
        break;
      default:
        break;
    }
  }
  return lines;
}
