import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { FixErrors } from "../../../../domain/caregivers/fix-form";
import type { FixableField } from "../../../../domain/caregivers/readiness";
import { describeError } from "../../../../app/errors";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { caregiverCardMessage } from "../../../presenters/caregivers/card";
import { fixDoneView, fixModal, fixSavingView, readFixValues } from "../../../presenters/caregivers/fix-modal";
import { readFixMeta } from "../../../presenters/caregivers/ids";
import { labelsOf } from "../../shared/caregivers";
import { postPrivately } from "../../reply";

/**
 * The Fix and sync form. What was typed is checked before the ack (Slack shows each problem
 * under its field); then "Saving…" while TeleTrack is written and the caregiver synced. If
 * TeleTrack refuses a value, the form comes back with what was typed and TeleTrack's word under
 * that field. The synced card goes to the presser in the channel where they pressed the button.
 */
export function caregiverFixSubmit(services: Services) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const meta = readFixMeta(view.private_metadata);
    if (!meta) {
      await ack();
      return;
    }
    const actor = actorOf(context);
    const values = readFixValues(view.state.values, meta.fields);
    const checked = services.caregivers.checkFix(meta.fields, values);
    if (!checked.ok) {
      const errors = Object.fromEntries(checked.problems.map((p) => [p.field ?? meta.fields[0], p.message]));
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack({ response_action: "update", view: fixSavingView(meta) });
    try {
      const result = await services.caregivers.fixAndSync(
        actor,
        meta.caregiverId,
        meta.fields,
        checked.patch,
        meta.madeFor,
      );
      if (!result.ok) {
        const errors: FixErrors = {};
        const general: string[] = [];
        for (const p of result.problems) {
          if (meta.fields.includes(p.field as FixableField)) errors[p.field as FixableField] = p.message;
          else general.push(p.message);
        }
        await client.views.update({
          view_id: view.id,
          view: fixModal(meta, labelsOf(services), { values, errors, general }),
        });
        return;
      }
      const labels = labelsOf(services);
      const card = caregiverCardMessage(result.card, actor.userId, labels, "Saved to Spectrum TeleTrack.");
      await client.views.update({
        view_id: view.id,
        view: fixDoneView(meta, card.text),
      });
      await postPrivately(client, meta.channel, actor.userId, card);
    } catch (error) {
      services.logger.warn({ err: error }, "Fix and sync failed");
      await client.views.update({ view_id: view.id, view: fixDoneView(meta, describeError(error)) });
    }
  };
}
