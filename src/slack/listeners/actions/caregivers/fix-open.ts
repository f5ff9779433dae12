import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { fixModal } from "../../../presenters/caregivers/fix-modal";
import { decodeValue } from "../../../presenters/caregivers/ids";
import { problemsMessage } from "../../../presenters/kit";
import { replyPrivately, privately } from "../../reply";
import { STALE } from "./open";
import type { ButtonArgs } from "./types";
import { answerErrors } from "../../handler";
import { labelsOf } from "../../shared/caregivers";

/** "Fix and sync": opens the form for the missing fields at once (the trigger lives 3 seconds). */
export function caregiverFixOpen(services: Services) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const actor = actorOf(context);
    const value = decodeValue(action.value);
    await answerErrors(services, privately(respond), async () => {
      if (!value?.f || value.f.length === 0) {
        await replyPrivately(respond, STALE);
        return;
      }
      const allowed = await services.caregivers.mayFix(actor, value.c, value.u);
      if (!allowed.ok) {
        await replyPrivately(respond, problemsMessage(allowed.problems));
        return;
      }
      const meta = {
        caregiverId: value.c,
        name: value.n ?? value.c,
        fields: value.f,
        channel: body.channel?.id ?? actor.userId,
        // From a channel's digest the form is the presser's own.
        madeFor: value.u ?? actor.userId,
      };
      await client.views.open({ trigger_id: body.trigger_id, view: fixModal(meta, labelsOf(services)) });
    });
  };
}
