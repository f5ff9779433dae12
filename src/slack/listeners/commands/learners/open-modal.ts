import { californiaToday } from "../../../../app/learners/deps";
import { notice } from "../../../presenters/kit";
import { addLearnerModal } from "../../../presenters/learners/add-modal";
import { archiveBulkModal } from "../../../presenters/learners/archive-bulk";
import { replyPrivately } from "../../reply";
import { sourceOf } from "../../shared/learners";
import type { Subcommand } from "../../types";

/** `/learner add`: the form opens at once (the trigger lives 3 seconds); someone who may not add learners is told instead. */
export const openAddLearner: Subcommand = async ({ actor, channelId, triggerId, respond, client, services }) => {
  const allowed = await services.access.check(actor, "learner.manage");
  if (!allowed.allowed) return void (await replyPrivately(respond, notice(allowed.reason)));
  await client.views.open({
    trigger_id: triggerId,
    view: addLearnerModal(channelId, californiaToday(services.now()), sourceOf(services)),
  });
};

export const openArchiveBulk: Subcommand = async ({ actor, channelId, triggerId, respond, client, services }) => {
  const allowed = await services.access.check(actor, "learner.archive-bulk");
  if (!allowed.allowed) return void (await replyPrivately(respond, notice(allowed.reason)));
  await client.views.open({ trigger_id: triggerId, view: archiveBulkModal(channelId) });
};
