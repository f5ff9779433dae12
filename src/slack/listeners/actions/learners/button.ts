import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Actor } from "../../../../app/actor";
import { describeError } from "../../../../app/errors";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { notice } from "../../../presenters/kit";
import { replyPrivately } from "../../reply";

export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
export type ButtonWork = (args: ButtonArgs & { actor: Actor; value: string }) => Promise<void>;

/** Acks at once, takes the actor from Slack's context (never from the button), and answers an outage in words. */
export function learnerButton(services: Services, work: ButtonWork) {
  return async (args: ButtonArgs) => {
    await args.ack();
    try {
      await work({ ...args, actor: actorOf(args.context), value: args.action.value ?? "" });
    } catch (error) {
      services.logger.warn({ err: error, action: args.action.action_id }, "learner button failed");
      await replyPrivately(args.respond, notice(describeError(error)));
    }
  };
}

/** The message the button sits on, to update it in place (chat.update works on the app's own messages). */
export function messageOf(args: ButtonArgs): { channel: string; ts: string; blocks: unknown[] } | undefined {
  const channel = args.body.channel?.id ?? args.body.container?.channel_id;
  const message = args.body.message as { ts?: string; blocks?: unknown[] } | undefined;
  return channel && message?.ts ? { channel, ts: message.ts, blocks: message.blocks ?? [] } : undefined;
}
