import type { RespondFn } from "@slack/bolt";
import { describeError } from "../../../../app/errors";
import type { ActionResult } from "../../../../app/linking";
import type { Services } from "../../../../app/services";
import { notice, problemsMessage, type Message } from "../../../presenters/kit";
import { overviewMessage } from "../../../presenters/linking/overview";
import type { Position } from "../../../presenters/linking/values";
import { replaceOriginal, replyPrivately } from "../../reply";

/** A button whose value does not parse: made by an older version, or tampered with. */
export const OUT_OF_DATE = notice("That button is out of date; run `/link members` or `/link learners` again.");

/** Runs the work; a vendor outage or a bug becomes one sentence for the user (and a log line). */
export async function withErrorReply(
  services: Services,
  reply: (message: Message) => Promise<unknown>,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    services.deps.logger.error({ err: error }, "linking failed");
    await reply(notice(describeError(error)));
  }
}

/** A button's result replaces the list it was on, refreshed; a refusal goes to the presser alone. */
export function answerAction(respond: RespondFn, result: ActionResult, position: Position): Promise<unknown> {
  if (!result.ok) return replyPrivately(respond, problemsMessage(result.problems));
  return replaceOriginal(respond, overviewMessage(result.overview, position, result.outcome));
}
