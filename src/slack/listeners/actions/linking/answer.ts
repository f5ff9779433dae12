import type { RespondFn } from "@slack/bolt";
import type { z } from "zod";
import type { Actor } from "../../../../app/actor";
import { describeError } from "../../../../app/errors";
import type { ActionResult } from "../../../../app/linking";
import type { Services } from "../../../../app/services";
import { notice, problemsMessage, type Message } from "../../../presenters/kit";
import { overviewMessage } from "../../../presenters/linking/overview";
import { parseValue, type Position } from "../../../presenters/linking/values";
import { actorOf } from "../../../actor";
import { replaceOriginal, replyPrivately } from "../../reply";
import type { ButtonArgs } from "./types";

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
    services.logger.error({ err: error }, "linking failed");
    await reply(notice(describeError(error)));
  }
}

/** A button's result replaces the list it was on, refreshed; a refusal goes to the presser alone. */
export function answerAction(respond: RespondFn, result: ActionResult, position: Position): Promise<unknown> {
  if (!result.ok) return replyPrivately(respond, problemsMessage(result.problems));
  return replaceOriginal(respond, overviewMessage(result.overview, position, result.outcome));
}

/**
 * A button on a linking list: acked at once, its value parsed (a value that does not parse is
 * answered OUT_OF_DATE), then the work, whose outage or bug becomes one sentence to the presser.
 */
export function listButton<S extends z.ZodType>(
  services: Services,
  schema: S,
  work: (actor: Actor, value: z.infer<S>, respond: RespondFn) => Promise<unknown>,
) {
  return async ({ ack, action, respond, context }: ButtonArgs) => {
    await ack();
    const value = parseValue(schema, action.value);
    if (!value) {
      await replyPrivately(respond, OUT_OF_DATE);
      return;
    }
    const actor = actorOf(context);
    await withErrorReply(
      services,
      (m) => replyPrivately(respond, m),
      async () => void (await work(actor, value, respond)),
    );
  };
}
