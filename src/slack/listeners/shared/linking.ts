import type { RespondFn } from "@slack/bolt";
import type { z } from "zod";
import type { ActionResult } from "../../../app/linking";
import { notice, problemsMessage } from "../../presenters/kit";
import { overviewMessage } from "../../presenters/linking/overview";
import type { Position } from "../../presenters/linking/values";
import { jsonValue } from "../handler";
import { replaceOriginal, replyPrivately } from "../reply";

/** A button whose value does not parse: made by an older version, or tampered with. */
export const OUT_OF_DATE = notice("That button is out of date; run `/link members` or `/link learners` again.");

/** A button's result replaces the list it was on, refreshed; a refusal goes to the presser alone. */
export function answerAction(respond: RespondFn, result: ActionResult, position: Position): Promise<unknown> {
  if (!result.ok) return replyPrivately(respond, problemsMessage(result.problems));
  return replaceOriginal(respond, overviewMessage(result.overview, position, result.outcome));
}

/** A linking list's button: its value is JSON of `schema`; one that does not parse is answered OUT_OF_DATE. */
export function linkButton<S extends z.ZodType>(schema: S) {
  return { value: jsonValue(schema), outOfDate: OUT_OF_DATE };
}
