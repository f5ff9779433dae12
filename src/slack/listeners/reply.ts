import type { RespondFn } from "@slack/bolt";
import type { Message } from "../presenters/kit";
import { slackPayload } from "../presenters/kit";

/** Only the person who asked sees it: results may hold personal details. */
export function replyPrivately(respond: RespondFn, message: Message): Promise<unknown> {
  return respond({ response_type: "ephemeral", replace_original: false, ...slackPayload(message) });
}

/** Replaces the message whose button was pressed (e.g. a card after Activate). */
export function replaceOriginal(respond: RespondFn, message: Message): Promise<unknown> {
  return respond({ replace_original: true, ...slackPayload(message) });
}
