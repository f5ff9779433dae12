import { problemsMessage } from "../../../presenters/kit";
import { learnerSearchMessage } from "../../../presenters/learners/card";
import { replyPrivately } from "../../reply";
import type { Subcommand } from "../../types";
import { sourceOf } from "../../shared/learners";

/** `/learner <email or name>`: only the asker sees the learners (emails are personal). */
export const lookUp: Subcommand = async ({ actor, text, respond, services }) => {
  const found = await services.learners.one.find(actor, text);
  await replyPrivately(
    respond,
    found.ok ? learnerSearchMessage(text, found, sourceOf(services)) : problemsMessage(found.problems),
  );
};
