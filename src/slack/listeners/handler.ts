import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import type { Actor } from "../../app/actor";
import { describeError } from "../../app/errors";
import type { Services } from "../../app/services";
import { actorOf } from "../actor";
import { type Message, notice } from "../presenters/kit";
import { replyPrivately } from "./reply";

export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * The one way a listener answers what it did not expect (a vendor outage, a bug): one sentence
 * to the person, one log line with the details (redacted by the logger). What a person can fix
 * is a Result the work answers itself.
 */
export async function answerErrors(
  services: Pick<Services, "logger">,
  reply: (message: Message) => Promise<unknown>,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    services.logger.warn({ err: error }, "a Slack request failed");
    await reply(notice(describeError(error)));
  }
}

/** A button value that is JSON of `schema`, as the linking lists write them. */
export function jsonValue<S extends z.ZodType>(schema: S) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "not JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** What a button's value is, and what to say when a pressed value does not parse. */
export interface ButtonShape<S extends z.ZodType> {
  value: S;
  /** Said to the presser when the value does not parse: an older version's button, or tampered with. */
  outOfDate: Message;
}

/**
 * A button listener: acked at once; the actor from Slack's context (never from the button); the
 * value parsed with zod; then the use-case, through answerErrors.
 */
export function handler<S extends z.ZodType>(
  services: Pick<Services, "logger">,
  shape: ButtonShape<S>,
  work: (args: ButtonArgs & { actor: Actor; value: z.infer<S> }) => Promise<unknown>,
) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const parsed = shape.value.safeParse(args.action.value ?? "");
    if (!parsed.success) {
      await replyPrivately(args.respond, shape.outOfDate);
      return;
    }
    const actor = actorOf(args.context);
    await answerErrors(
      services,
      (m) => replyPrivately(args.respond, m),
      async () => void (await work({ ...args, actor, value: parsed.data })),
    );
  };
}
