import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from "@slack/types";

export type { KnownBlock };

/** Slack mrkdwn treats &, < and > as markup; text from people and vendors must not. */
export function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function mention(userId: string): string {
  return `<@${userId}>`;
}

export function header(text: string): HeaderBlock {
  return { type: "header", text: { type: "plain_text", text: text.slice(0, 150), emoji: true } };
}

export function section(markdown: string, blockId?: string): SectionBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: markdown.slice(0, 3000) },
    ...(blockId ? { block_id: blockId } : {}),
  };
}

export function fields(pairs: Array<[label: string, value: string]>): SectionBlock {
  return { type: "section", fields: pairs.slice(0, 10).map(([l, v]) => ({ type: "mrkdwn", text: `*${l}*\n${v}` })) };
}

export function context(markdown: string): ContextBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: markdown.slice(0, 3000) }] };
}

/** Slack refuses a button whose text is longer than this. */
export const BUTTON_TEXT_MAX = 75;

/** Text shortened to at most max characters, ending in "…" when it was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface ButtonSpec {
  text: string;
  actionId: string;
  /** What to act on (an id); never who may act: every press is re-authorized. */
  value: string;
  style?: "primary" | "danger";
  confirm?: { title: string; text: string; confirm: string; deny?: string };
}

export function button(spec: ButtonSpec): Button {
  return {
    type: "button",
    text: { type: "plain_text", text: spec.text.slice(0, BUTTON_TEXT_MAX), emoji: true },
    action_id: spec.actionId,
    value: spec.value.slice(0, 2000),
    ...(spec.style ? { style: spec.style } : {}),
    ...(spec.confirm
      ? {
          confirm: {
            title: { type: "plain_text", text: spec.confirm.title },
            text: { type: "mrkdwn", text: spec.confirm.text },
            confirm: { type: "plain_text", text: spec.confirm.confirm },
            deny: { type: "plain_text", text: spec.confirm.deny ?? "Cancel" },
          },
        }
      : {}),
  };
}

export function actions(buttons: ButtonSpec[], blockId?: string): ActionsBlock {
  return { type: "actions", elements: buttons.slice(0, 25).map(button), ...(blockId ? { block_id: blockId } : {}) };
}

/** A message: blocks plus the plain text Slack shows in notifications and screen readers. */
export interface Message {
  text: string;
  blocks: KnownBlock[];
}

/** One sentence, e.g. a refusal or a problem, as a message. */
export function notice(text: string): Message {
  return { text, blocks: [section(escape(text).replace(/&lt;@([A-Z0-9]+)&gt;/g, "<@$1>"))] };
}

export function problemsMessage(problems: Array<{ message: string }>): Message {
  const text = problems.map((p) => p.message).join("\n");
  return notice(text);
}
