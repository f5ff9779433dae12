import { z } from "zod";
import { notice } from "../../../presenters/kit";
import type { ButtonArgs } from "../../handler";

/** Learner buttons carry a plain value: an email or a job id. */
export const LEARNER_BUTTON = {
  value: z.string(),
  outOfDate: notice("That button is out of date; run `/learner` again."),
};

/** The message the button sits on, to update it in place (chat.update works on the app's own messages). */
export function messageOf(args: ButtonArgs): { channel: string; ts: string; blocks: unknown[] } | undefined {
  const channel = args.body.channel?.id ?? args.body.container?.channel_id;
  const message = args.body.message as { ts?: string; blocks?: unknown[] } | undefined;
  return channel && message?.ts ? { channel, ts: message.ts, blocks: message.blocks ?? [] } : undefined;
}
