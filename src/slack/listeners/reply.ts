import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Message } from "../presenters/kit";
import { channelUnreachable } from "../slack-error";
import { slackPayload } from "../presenters/kit";

/** Only the person who asked sees it: results may hold personal details. */
export function replyPrivately(respond: RespondFn, message: Message): Promise<unknown> {
  return respond({ response_type: "ephemeral", replace_original: false, ...slackPayload(message) });
}

/** Replaces the message whose button was pressed (e.g. a card after Activate). */
export function replaceOriginal(respond: RespondFn, message: Message): Promise<unknown> {
  return respond({ replace_original: true, ...slackPayload(message) });
}

/**
 * Only `user` sees it: ephemeral in `channel`, or in their direct messages with carebridge when
 * that channel can't take it (carebridge is not in it, or it is gone) or there is none. When
 * Slack refuses the message itself (invalid_blocks), the same message would be refused in the DM
 * too: that refusal goes to the caller.
 */
export async function postPrivately(
  client: WebClient,
  channel: string | undefined,
  user: string,
  message: Message,
): Promise<void> {
  if (channel) {
    try {
      await client.chat.postEphemeral({ channel, user, ...slackPayload(message) });
      return;
    } catch (error) {
      if (!channelUnreachable(error)) throw error;
    }
  }
  await client.chat.postMessage({ channel: user, ...slackPayload(message) });
}

/** replyPrivately bound to one request's respond, for answerErrors. */
export function privately(respond: RespondFn): (message: Message) => Promise<unknown> {
  return (message) => replyPrivately(respond, message);
}
