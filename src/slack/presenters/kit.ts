import { liveMentions } from "../../app/mention";
import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from "@slack/types";

export type { KnownBlock };

/** Slack mrkdwn treats &, < and > as markup; text from people and vendors must not. */
export function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A moment as a Slack date, shown in the reader's own time zone ("Dec 4, 2026 at 4:13 PM"), with
 * the UTC time as the fallback where dates can't render (notifications, old clients).
 */
export function slackDate(at: Date | string, format = "{date_short_pretty} at {time}"): string {
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return escape(String(at));
  const fallback = `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return `<!date^${Math.floor(date.getTime() / 1000)}^${format}|${fallback}>`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A calendar date (YYYY-MM-DD, a due date or a birth date) as people write it: "Mar 15, 2027".
 * Not a Slack date: a day has no time zone, and the reader's could show the day before.
 */
export function calendarDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${Number(m[3])}, ${m[1]}` : escape(day);
}

/** Look-alikes for what mrkdwn reads as formatting: bold, italic, strike and code. */
const FORMATTING: Record<string, string> = { "*": "\u2217", _: "\u02cd", "~": "\u223c", "`": "\u02cb" };

/**
 * A name (a person's, a vendor's, a file's) inside mrkdwn: escaped, and its *, _, ~ and `
 * shown as look-alikes, so "*Jane*" or "_x_" in a vendor record cannot change how the
 * message around it reads. Emails and usernames keep their characters: people copy them.
 */
export function escapeName(name: string): string {
  return escape(name).replace(/[*_~`]/g, (c) => FORMATTING[c]!);
}

/**
 * A name inside a sentence Slack limits (a confirm dialog's text is 300 characters): escaped
 * as escapeName, and shortened so that the escaped form has at most `max` characters.
 */
export function shortName(name: string, max = 80): string {
  return shortened(name, max, escapeName);
}

/** Text (an email, a reason) inside a sentence Slack limits: escaped, at most `max` characters escaped. */
export function shortText(text: string, max: number): string {
  return shortened(text, max, escape);
}

function shortened(text: string, max: number, escaping: (text: string) => string): string {
  for (let n = Math.min([...text].length, max); n > 0; n -= 1) {
    const escaped = escaping(clip(text, n));
    if ([...escaped].length <= max) return escaped;
  }
  return "…";
}

/** A mention in mrkdwn a presenter builds itself; inside a sentence() use the app's mention(). */
export function mention(userId: string): string {
  return `<@${userId}>`;
}

export function header(text: string): HeaderBlock {
  return { type: "header", text: { type: "plain_text", text: clip(text, 150), emoji: true } };
}

export function section(markdown: string, blockId?: string): SectionBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: markdown.slice(0, 3000) },
    ...(blockId ? { block_id: blockId } : {}),
  };
}

/**
 * Long mrkdwn as as many sections as it needs, each under Slack's 3,000 characters: split
 * between lines, or within a too-long line after a ", " (lists of names), never mid-word.
 * The caller keeps the whole message under Slack's total (about 12,000 characters).
 */
export function sections(markdown: string, max = 3000): SectionBlock[] {
  const pieces: string[] = [];
  let current = "";
  const push = (piece: string, joiner: string) => {
    if (!current) current = piece;
    // UTF-16 length: never less than Slack's count, and what section() cuts at.
    else if (current.length + joiner.length + piece.length <= max) current += joiner + piece;
    else {
      pieces.push(current);
      current = piece;
    }
  };
  for (const line of markdown.split("\n")) {
    if (line.length <= max) {
      push(line, "\n");
      continue;
    }
    line
      .split(", ")
      .forEach((part, i, parts) => push(clip(i < parts.length - 1 ? `${part},` : part, max), i === 0 ? "\n" : " "));
  }
  if (current) pieces.push(current);
  return pieces.map((piece) => section(piece));
}

export function fields(pairs: Array<[label: string, value: string]>): SectionBlock {
  return { type: "section", fields: pairs.slice(0, 10).map(([l, v]) => ({ type: "mrkdwn", text: `*${l}*\n${v}` })) };
}

export function context(markdown: string): ContextBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: markdown.slice(0, 3000) }] };
}

/** Slack refuses a button whose text is longer than this. */
export const BUTTON_TEXT_MAX = 75;

/** Text shortened to at most max characters (as Slack counts them), ending in "…" when it was cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
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

/**
 * What goes to Slack for a message: its notification text escaped too, since Slack reads the
 * top-level text as mrkdwn (a name "<!channel>" in it would notify everyone).
 */
export function slackPayload(message: Message): Message {
  return { text: sentence(message.text), blocks: message.blocks };
}

/**
 * carebridge's own sentence as mrkdwn: escaped, but the mentions it made with mention() (who to
 * ask, who asked) stay mentions; <!channel>, <!here>, links and "<@U…>" from data stay text.
 */
export function sentence(text: string): string {
  return liveMentions(escape(text));
}

/** One sentence, e.g. a refusal or a problem, as a message. */
export function notice(text: string): Message {
  return { text, blocks: sections(sentence(text)) };
}

export function problemsMessage(problems: Array<{ message: string }>): Message {
  const text = problems.map((p) => p.message).join("\n");
  return notice(text);
}
