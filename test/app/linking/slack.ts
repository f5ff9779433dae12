import type { StoredMessage } from "../../../src/console/slack-standin";
import { ADMIN, type TestApp } from "../../support/app";

/** Helpers for driving the linking screens end to end (test/e2e/linking*.test.ts). */

export interface Button {
  action_id: string;
  value: string;
  text: { text: string };
  style?: string;
  confirm?: unknown;
}

interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<Button & { type: string }>;
  accessory?: Button;
}

export const textOf = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

export function buttonsOf(message: { blocks: unknown[] }): Button[] {
  return (message.blocks as Block[]).flatMap((b) => [
    ...(b.elements ?? []).filter((e) => e.type === "button"),
    ...(b.accessory ? [b.accessory] : []),
  ]);
}

export function buttonNamed(message: { blocks: unknown[] }, text: string | RegExp): Button {
  const found = buttonsOf(message).find((b) =>
    typeof text === "string" ? b.text.text === text : text.test(b.text.text),
  );
  if (!found)
    throw new Error(
      `no button ${String(text)} in ${buttonsOf(message)
        .map((b) => b.text.text)
        .join(" | ")}`,
    );
  return found;
}

/** The row's buttons: those in the actions block right after the section that names `name`. */
export function rowButtons(message: { blocks: unknown[] }, name: string): Button[] {
  const blocks = message.blocks as Block[];
  const index = blocks.findIndex((b) => b.type === "section" && b.text?.text.startsWith(`*${name}*`));
  if (index < 0) throw new Error(`no row for ${name}`);
  const row = blocks[index]!;
  if (row.accessory) return [row.accessory];
  return blocks[index + 1]?.elements ?? [];
}

export function rowButton(message: { blocks: unknown[] }, name: string, text: string | RegExp): Button {
  const found = rowButtons(message, name).find((b) =>
    typeof text === "string" ? b.text.text === text : text.test(b.text.text),
  );
  if (!found) throw new Error(`no button ${String(text)} on ${name}'s row`);
  return found;
}

/** Runs `act`, then waits for the next message `user` sees in `channel`. */
export async function nextMessage(
  t: TestApp,
  channel: string,
  act: () => Promise<unknown>,
  user = ADMIN,
): Promise<StoredMessage> {
  const before = t.slack.visible(channel, user).length;
  await act();
  return t.waitFor(() => {
    const seen = t.slack.visible(channel, user);
    return seen.length > before ? seen.at(-1) : undefined;
  });
}

/** A button press as Slack sends it from a message in `channel`. */
export function press(t: TestApp, channel: string, button: Button, user = ADMIN) {
  return nextMessage(
    t,
    channel,
    () => t.press(button.action_id, button.value, user, { channel: { id: channel } }),
    user,
  );
}
