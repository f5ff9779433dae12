import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { describeError } from "../../../../app/errors";
import { parseArchiveFilter } from "../../../../app/learners/archive-filter-form";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { problemsMessage } from "../../../presenters/kit";
import {
  ARCHIVE_BLOCKS,
  archivePreviewMessage,
  readArchiveFilterForm,
} from "../../../presenters/learners/archive-bulk";
import { errorsByBlock, type StateValues } from "../../../presenters/modal-kit";
import { postPrivately } from "../../reply";
import { readMeta, sourceOf } from "../../shared/learners";

/** The bulk archive filter submitted: field problems go back at once; the preview follows, only for the asker. */
export function archiveBulkSubmitted(services: Services) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const parsed = parseArchiveFilter(readArchiveFilterForm(view.state.values as StateValues));
    if (!parsed.ok) {
      await ack({ response_action: "errors", errors: errorsByBlock(parsed.problems, ARCHIVE_BLOCKS, "emailDomain") });
      return;
    }
    await ack();
    const actor = actorOf(context);
    const channelId = readMeta(view.private_metadata).channelId ?? actor.userId;
    try {
      const result = await services.learners.bulk.preview(actor, parsed.filter, channelId);
      const message = result.ok ? archivePreviewMessage(result, sourceOf(services)) : problemsMessage(result.problems);
      await postPrivately(client, channelId, actor.userId, message);
    } catch (error) {
      services.logger.warn({ err: error }, "previewing a bulk archive failed");
      await postPrivately(client, channelId, actor.userId, problemsMessage([{ message: describeError(error) }]));
    }
  };
}
