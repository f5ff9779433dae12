import { z } from "zod";
import type { Services } from "../../../app/services";
import { notice, problemsMessage } from "../../presenters/kit";
import { handler } from "../handler";
import { replyPrivately } from "../reply";
import { startJobWithMessage } from "../../job-start";

/** Retry failed carries the finished job's id; who may retry is checked on the press. */
const RETRY_BUTTON = { value: z.string(), outOfDate: notice("That button is out of date.") };

export function jobRetryFailed(services: Services) {
  return handler(services, RETRY_BUTTON, async ({ actor, value, body, client, respond }) => {
    const result = await services.jobs.retryFailed(actor, value);
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    if (!result.created) return void (await replyPrivately(respond, notice("That retry has already started.")));
    const channel = body.channel?.id ?? actor.userId;
    await startJobWithMessage(services, client, result.job, { channel, userId: actor.userId, respond });
  });
}
