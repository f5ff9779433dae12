import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { CreateResult } from "../../../../app/agency-users";
import { describeError } from "../../../../app/errors";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { errorsFor, readForm, refilledForm, type SubmittedView } from "../../../presenters/agency-users/form-state";
import {
  alreadySubmittedView,
  createdView,
  creatingView,
  type FormMeta,
  readMeta,
} from "../../../presenters/agency-users/form-view";
import { confirmCreated } from "./confirm";
import { updateModal } from "../../shared/agency-users";
import { slackSelfEmail } from "../../shared/self-email";
import { type Settled, settle, within } from "../../within";

/**
 * How long the submission may wait for Caresmartz360 before acknowledging: Slack drops an
 * answer after 3 seconds, and the request spent some of them reaching us.
 */
export const SUBMIT_BUDGET_MS = 2000;

/** The view that replaces the form once the outcome is known. */
function outcomeView(outcome: Settled<CreateResult>, form: SubmittedView, meta: FormMeta): ModalView {
  if (!outcome.ok) return refilledForm(form, [{ message: describeError(outcome.error) }]);
  const result = outcome.value;
  if (!result.ok) return refilledForm(form, result.problems);
  return "created" in result ? createdView(result.created, meta) : alreadySubmittedView(meta);
}

/** In time, problems that all sit on fields go back as Slack's field errors; the rest replace the view. */
function immediateAnswer(outcome: Settled<CreateResult>, form: SubmittedView, meta: FormMeta): ViewResponseAction {
  if (outcome.ok && !outcome.value.ok) {
    const { errors, general } = errorsFor(outcome.value.problems, form);
    if (general.length === 0) return { response_action: "errors", errors };
  }
  return { response_action: "update", view: outcomeView(outcome, form, meta) };
}

/**
 * The create form's submission. Everything is checked again by the use-case from the acting
 * user; the submitted values say only what to create. A create slower than the budget is
 * acknowledged with a "Creating…" view and its outcome replaces that view when it comes; the
 * creator is confirmed even if they closed that view meanwhile.
 */
export function agencyUserSubmit(services: Services) {
  const logger = services.logger;
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const actor = actorOf(context);
    const form: SubmittedView = view;
    const meta = readMeta(view.private_metadata);
    const outcome = settle(
      services.agencyUsers.create(actor, readForm(form), {
        formId: view.id,
        selfEmail: slackSelfEmail(client, actor.userId, logger),
      }),
    );
    const early = await within(outcome, SUBMIT_BUDGET_MS);
    if (early) {
      await ack(immediateAnswer(early, form, meta));
    } else {
      await ack({ response_action: "update", view: creatingView(meta) });
    }
    const settled = early ?? (await outcome);
    if (!settled.ok) logger.error({ err: settled.error }, "creating an agency user failed");
    if (!early) await updateModal(client, { viewId: view.id }, outcomeView(settled, form, meta), logger);
    if (settled.ok && settled.value.ok && "created" in settled.value) {
      await confirmCreated(client, meta.channel, actor.userId, settled.value.created, logger);
    }
  };
}
