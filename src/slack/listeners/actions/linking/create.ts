import { describeError } from "../../../../app/errors";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { learnerModal, loadingModal, memberModal, sentenceModal } from "../../../presenters/linking/create-modal";
import { createValue, parseValue, positionOf, type CreateMetadata } from "../../../presenters/linking/values";
import { replyPrivately } from "../../reply";
import { OUT_OF_DATE } from "../../shared/linking";
import type { ButtonArgs } from "./types";

/**
 * "+ Create in Motivity": opens a modal at once (the trigger lives 3 seconds), then reads both
 * systems and replaces it with the form, or with why the record can no longer be created.
 */
export function createAction(services: Services) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const value = parseValue(createValue, action.value);
    if (!value) {
      await replyPrivately(respond, OUT_OF_DATE);
      return;
    }
    const actor = actorOf(context);
    const opened = await client.views.open({ trigger_id: body.trigger_id, view: loadingModal() });
    const viewId = opened.view?.id;
    if (!viewId) return;
    let view;
    try {
      const result = await services.linking.prepareCreate(actor, { kind: value.k, calmanacId: value.c });
      if (!result.ok) view = sentenceModal(result.problems.map((p) => p.message).join(" "));
      else if (!result.ready) view = sentenceModal(result.outcome.message);
      else {
        const metadata: CreateMetadata = {
          k: value.k,
          c: value.c,
          p: positionOf(value),
          ...(body.response_url ? { r: body.response_url } : {}),
          ...(body.channel?.id ? { ch: body.channel.id } : {}),
        };
        view =
          result.form.kind === "members" ? memberModal(result.form, metadata) : learnerModal(result.form, metadata);
      }
    } catch (error) {
      services.logger.error({ err: error }, "linking create form failed");
      view = sentenceModal(describeError(error));
    }
    await client.views.update({ view_id: viewId, view });
  };
}
