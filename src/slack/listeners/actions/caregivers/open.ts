import type { Purpose } from "../../../../app/caregivers";
import type { Services } from "../../../../app/services";
import { decodeValue } from "../../../presenters/caregivers/ids";
import { notice } from "../../../presenters/kit";
import { replaceOriginal, replyPrivately } from "../../reply";
import { cardOrProblems, labelsOf } from "../../shared/caregivers";
import { z } from "zod";
import { handler } from "../../handler";

export const STALE = notice("That button is from an older message; run the command again.");

/** A caregiver button's value: which caregiver (and what for); one that does not decode is STALE. */
export const CAREGIVER_BUTTON = {
  value: z.string().transform((text, ctx) => {
    const value = decodeValue(text);
    if (value === undefined) ctx.addIssue({ code: "custom", message: "not a caregiver button" });
    return value ?? z.NEVER;
  }),
  outOfDate: STALE,
};

/**
 * A pick-list button (what for is in its value) or a card's Sync or Activate button (activating
 * is the first sync, which creates the LMS account active): the card replaces the message. The presser's access is checked by the use-case; the value only names the caregiver.
 */
export function caregiverOpen(services: Services, purpose?: Purpose) {
  return handler(services, CAREGIVER_BUTTON, async ({ actor, value, respond }) => {
    const result = await services.caregivers.openById(actor, value.c, purpose ?? value.p ?? "view", value.u);
    const message = cardOrProblems(result, actor.userId, labelsOf(services));
    await (result.ok ? replaceOriginal(respond, message) : replyPrivately(respond, message));
  });
}
