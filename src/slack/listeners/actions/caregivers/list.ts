import { z } from "zod";
import type { Services } from "../../../../app/services";
import { readListValue } from "../../../presenters/caregivers/list";
import { notice } from "../../../presenters/kit";
import { handler } from "../../handler";
import { replaceOriginal, replyPrivately } from "../../reply";
import { cardOrProblems, labelsOf, listOrProblems } from "../../shared/caregivers";
import { CAREGIVER_BUTTON } from "./open";

const LIST_BUTTON = {
  value: z.string().transform((text, ctx) => {
    const value = readListValue(text);
    if (value === undefined) ctx.addIssue({ code: "custom", message: "not a caregiver list button" });
    return value ?? z.NEVER;
  }),
  outOfDate: notice("That button is from an older list; type /caregiver list again."),
};

/** A filter button, Previous or Next: the list is read and authorized again, and replaces the message. */
export function caregiverListPage(services: Services) {
  return handler(services, LIST_BUTTON, async ({ actor, value, respond }) => {
    const result = await services.caregivers.list(actor, value.f, value.p, value.u);
    const message = listOrProblems(result, actor.userId, labelsOf(services));
    await (result.ok ? replaceOriginal(respond, message) : replyPrivately(respond, message));
  });
}

/** A row's Card button: the caregiver's card as a new message, so the list stays to come back to. */
export function caregiverListCard(services: Services) {
  return handler(services, CAREGIVER_BUTTON, async ({ actor, value, respond }) => {
    const result = await services.caregivers.openById(actor, value.c, "view", value.u);
    await replyPrivately(respond, cardOrProblems(result, actor.userId, labelsOf(services)));
  });
}
