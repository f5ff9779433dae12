import type { LearnerStatus } from "../../../../domain/learners/learner";
import { notice, problemsMessage } from "../../../presenters/kit";
import { statusChangeMessage } from "../../../presenters/learners/card";
import { replyPrivately } from "../../reply";
import type { Subcommand } from "../../types";
import { sourceOf } from "../../shared/learners";

function change(status: LearnerStatus, verb: string): Subcommand {
  return async ({ actor, text, respond, services }) => {
    const email = text.trim();
    if (!email.includes("@"))
      return void (await replyPrivately(
        respond,
        notice(`Say whose account, by email: /learner ${verb} name@organization.org`),
      ));
    const result = await services.learners.one.setStatus(actor, email, status);
    await replyPrivately(
      respond,
      result.ok
        ? statusChangeMessage(result.learner, result.changed, sourceOf(services))
        : problemsMessage(result.problems),
    );
  };
}

/** `/learner archive <email>` */
export const archiveOne = change("Archived", "archive");
/** `/learner reactivate <email>` */
export const reactivateOne = change("Active", "reactivate");
