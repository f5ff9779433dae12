import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewResponseAction, ViewSubmitAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { FixResult } from "../../../../app/caregivers";
import { describeError } from "../../../../app/errors";
import type { Services } from "../../../../app/services";
import type { EditableField, FixErrors, FixValues } from "../../../../domain/caregivers/fix-form";
import { actorOf } from "../../../actor";
import { caregiverCardMessage } from "../../../presenters/caregivers/card";
import {
  fixDoneView,
  fixModal,
  fixSavingView,
  readFixValues,
  readLinkChoice,
} from "../../../presenters/caregivers/fix-modal";
import { type FixMeta, readFixMeta } from "../../../presenters/caregivers/ids";
import type { Message } from "../../../presenters/kit";
import { updateModal } from "../../shared/agency-users";
import { labelsOf } from "../../shared/caregivers";
import { postPrivately } from "../../reply";
import { type Settled, settle, within } from "../../within";

/**
 * How long the submission waits for the outcome before acknowledging: Slack drops an answer after
 * 3 seconds, and the request spent some of them reaching us.
 */
export const FIX_SUBMIT_BUDGET_MS = 2000;

type Answer = { view: ModalView; card?: Message; errors?: Record<string, string> };

/** What the outcome shows: the form again with the problems, or the synced card. */
function answerOf(
  settled: Settled<FixResult>,
  meta: FixMeta,
  values: FixValues,
  lms: string,
  cardOf: (result: Extract<FixResult, { ok: true }>) => Message,
): Answer {
  if (!settled.ok) return { view: fixDoneView(meta, describeError(settled.error)) };
  const result = settled.value;
  if (result.ok) {
    const card = cardOf(result);
    return { view: fixDoneView(meta, card.text), card };
  }
  const errors: FixErrors = {};
  const general: string[] = [];
  for (const p of result.problems) {
    if (meta.asked.includes(p.field as EditableField)) errors[p.field as EditableField] = p.message;
    else general.push(p.message);
  }
  const owner = "emailOwner" in result && result.emailOwner.linkable ? result.emailOwner : undefined;
  const next: FixMeta = { ...meta };
  // The name only labels the choice: clipped, so the metadata stays far under Slack's 3,000 characters.
  if (owner) next.linkable = { id: owner.id, name: [...owner.name].slice(0, 80).join("") };
  else delete next.linkable;
  const view = fixModal(next, lms, { values, errors, general });
  // Problems that all sit on fields of an unchanged form go back as Slack's field errors.
  const sameForm = owner === undefined && meta.linkable === undefined && general.length === 0;
  return sameForm ? { view, errors: errors as Record<string, string> } : { view };
}

/**
 * The Fix and sync form. What was typed is checked before the ack (Slack shows each problem
 * under its field). Then the LMS is asked about the email, what changed is written to TeleTrack
 * and the caregiver synced: when that is done within the budget, a taken email or TeleTrack's
 * refusal shows under its field, the form grows the choice of linking to the account that has the
 * email when it may, or the synced card replaces the form. A slower outcome replaces a "Saving…"
 * view. The synced card goes to the presser in the channel where they pressed the button.
 */
export function caregiverFixSubmit(services: Services) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const meta = readFixMeta(view.private_metadata);
    if (!meta) {
      await ack();
      return;
    }
    const actor = actorOf(context);
    const labels = labelsOf(services);
    const values = readFixValues(view.state.values, meta.asked);
    const checked = services.caregivers.checkFix(meta.asked, values, meta.required);
    if (!checked.ok) {
      const errors = Object.fromEntries(checked.problems.map((p) => [p.field ?? meta.asked[0], p.message]));
      await ack({ response_action: "errors", errors });
      return;
    }
    const linkTo = readLinkChoice(view.state.values);
    const outcome = settle(
      services.caregivers.fixAndSync(actor, meta.caregiverId, meta.asked, checked.patch, meta.madeFor, {
        ...(linkTo ? { linkTo } : {}),
      }),
    );
    const cardOf = (result: Extract<FixResult, { ok: true }>) =>
      caregiverCardMessage(result.card, actor.userId, labels, "Saved to Spectrum TeleTrack.");
    const early = await within(outcome, FIX_SUBMIT_BUDGET_MS);
    const settled = early ?? (await ackSaving());
    if (!settled.ok) services.logger.warn({ err: settled.error }, "Fix and sync failed");
    const answer = answerOf(settled, meta, values, labels.lms, cardOf);
    if (early) {
      const response: ViewResponseAction = answer.errors
        ? { response_action: "errors", errors: answer.errors }
        : { response_action: "update", view: answer.view };
      await ack(response);
    } else {
      await updateModal(client, { viewId: view.id }, answer.view, services.logger);
    }
    if (answer.card) await postPrivately(client, meta.channel, actor.userId, answer.card);

    async function ackSaving(): Promise<Settled<FixResult>> {
      await ack({ response_action: "update", view: fixSavingView(meta!, labels.lms) });
      return outcome;
    }
  };
}
