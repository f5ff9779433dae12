import { readFileSync } from "node:fs";
import type { StoredMessage } from "../../src/console/slack-standin";
import type { TestApp } from "../support/app";

/** The product docs beside the repository: CI clones ../shared next to it. */
export function fixture(name: string): Buffer {
  return readFileSync(new URL(`../../../shared/fixtures/${name}`, import.meta.url));
}

export const textOf = (message: { text: string; blocks: unknown[] }) =>
  `${message.text}\n${JSON.stringify(message.blocks)}`;

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

export function buttons(message: StoredMessage): Button[] {
  return (message.blocks as Array<{ type: string; elements?: Button[] }>)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);
}

export function buttonOf(message: StoredMessage, actionId: string): Button {
  const found = buttons(message).find((b) => b.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} button in ${textOf(message)}`);
  return found;
}

let shares = 0;

/** `user` shares a file in `channel`, as Slack tells the app: a message of subtype file_share. Returns its ts (the thread). */
export async function shareFile(
  t: TestApp,
  input: {
    name: string;
    content: Buffer | string;
    user: string;
    channel: string;
    mimetype?: string;
    channelType?: string;
  },
): Promise<{ ts: string; fileId: string }> {
  const file = t.slack.addFile(input);
  const { content: _bytes, ...meta } = file;
  const ts = `1800000000.${String(++shares).padStart(6, "0")}`;
  t.slack.messages.push({ channel: input.channel, ts, text: `(shared ${file.name})`, blocks: [] });
  await t.event({
    type: "message",
    subtype: "file_share",
    channel: input.channel,
    channel_type: input.channelType ?? (input.channel.startsWith("D") ? "im" : "channel"),
    user: input.user,
    ts,
    text: "",
    files: [meta],
  });
  return { ts, fileId: file.id };
}

/** The app's messages in a thread, oldest first. */
export const inThread = (t: TestApp, channel: string, ts: string) =>
  t.slack.messages.filter((m) => m.channel === channel && m.threadTs === ts);

/** A press on a button of `message`, with the message as Slack sends it along. */
export function pressOn(t: TestApp, message: StoredMessage, actionId: string, user: string) {
  const button = buttonOf(message, actionId);
  return t.press(actionId, button.value, user, {
    channel: { id: message.channel },
    container: { type: "message", message_ts: message.ts, channel_id: message.channel },
    message: { ts: message.ts, text: message.text, blocks: message.blocks },
    ...(message.responseUrl ? { response_url: message.responseUrl } : {}),
  });
}

export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

/** A file carebridge uploaded, as text. */
export function uploadedText(t: TestApp, name: string): string | undefined {
  const file = [...t.slack.files.values()].find((f) => f.name === name && f.size > 0);
  return file?.content.toString("utf8");
}

/** The view carebridge opened last with `views.open`. */
export async function openedView(
  t: TestApp,
  before: number,
): Promise<Record<string, unknown> & { callback_id: string; private_metadata: string; blocks: unknown[] }> {
  const call = await t.waitFor(() => t.slack.callsTo("views.open")[before]);
  return call.args.view as Record<string, unknown> & {
    callback_id: string;
    private_metadata: string;
    blocks: unknown[];
  };
}

const text = (value: string) => ({ value: { type: "plain_text_input", value } });
const picked = (value: string | null) => ({
  value: {
    type: "static_select",
    selected_option: value === null ? null : { text: { type: "plain_text", text: value }, value },
  },
});
const date = (value: string | null) => ({ value: { type: "datepicker", selected_date: value } });
const checked = (...values: string[]) => ({
  value: {
    type: "checkboxes",
    selected_options: values.map((v) => ({ text: { type: "plain_text", text: v }, value: v })),
  },
});

/** `/learner add` answers, as view.state.values. */
export function addValues(form: {
  firstName: string;
  lastName: string;
  email: string;
  county: string | null;
  dateHire?: string | null;
  affiliation?: string;
  roles?: string[];
}) {
  return {
    firstName: text(form.firstName),
    lastName: text(form.lastName),
    email: text(form.email),
    affiliation: text(form.affiliation ?? "California Community Partners"),
    county: picked(form.county),
    dateHire: date(form.dateHire ?? "2026-11-20"),
    flags: checked(...(form.roles ?? [])),
  };
}

/** `/learner archive-bulk` answers, as view.state.values. */
export function archiveValues(filter: {
  affiliation?: string;
  emailDomain?: string;
  county?: string | null;
  hiredBefore?: string | null;
  organization?: string;
  name?: string;
}) {
  return {
    affiliation: text(filter.affiliation ?? "California Community Partners"),
    status: picked("Active"),
    organization: text(filter.organization ?? ""),
    emailDomain: text(filter.emailDomain ?? ""),
    county: picked(filter.county ?? null),
    hiredBefore: date(filter.hiredBefore ?? null),
    name: text(filter.name ?? ""),
  };
}
