import { z } from "zod";
import type { Services } from "../../../../app/services";
import { signInLoadingModal, signInMessage, signInModal } from "../../../presenters/caregivers/sign-in";
import { notice, problemsMessage } from "../../../presenters/kit";
import { handler } from "../../handler";
import { replyPrivately } from "../../reply";
import { labelsOf } from "../../shared/caregivers";
import { slackEmail } from "../../commands/caregivers/login";

const SIGN_IN_BUTTON = { value: z.string(), outOfDate: notice("Use `/carebridge login careacademy`.") };

/**
 * "Sign in to <LMS>" on a caregiver card (the link answers ephemerally, like `/carebridge login`)
 * or in App Home, which has no response_url: there a modal opens at once (the trigger lives 3
 * seconds) and shows the link, never a message Slack could unfurl (opening it would use it up).
 */
export function caregiverSignIn(services: Services) {
  return handler(services, SIGN_IN_BUTTON, async ({ actor, body, client, respond }) => {
    const lms = labelsOf(services).lms;
    const fromHome = body.container?.type === "view" || !body.response_url;
    if (!fromHome) {
      const email = await slackEmail(client, actor.userId, services.logger);
      const result = await services.caregivers.adminSignIn(actor, email);
      await replyPrivately(respond, result.ok ? signInMessage(result.session, lms) : problemsMessage(result.problems));
      return;
    }
    const opened = await client.views.open({ trigger_id: body.trigger_id, view: signInLoadingModal(lms) });
    const viewId = opened.view?.id;
    if (!viewId) return;
    const email = await slackEmail(client, actor.userId, services.logger);
    const result = await services.caregivers.adminSignIn(actor, email);
    await client.views.update({ view_id: viewId, view: signInModal(result, lms) });
  });
}
