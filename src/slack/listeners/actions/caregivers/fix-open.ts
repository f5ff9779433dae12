import type { FixForm } from "../../../../app/caregivers";
import { describeError } from "../../../../app/errors";
import type { Result } from "../../../../app/result";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { fixDoneView, fixLoadingView, fixModal } from "../../../presenters/caregivers/fix-modal";
import { decodeValue, type FixMeta } from "../../../presenters/caregivers/ids";
import type { ModalView } from "@slack/types";
import { problemsMessage } from "../../../presenters/kit";
import { replyPrivately, privately } from "../../reply";
import { openModal, updateModal } from "../../shared/agency-users";
import { labelsOf } from "../../shared/caregivers";
import { settle, type Settled, within } from "../../within";
import { STALE } from "./open";
import type { ButtonArgs } from "./types";
import { answerErrors } from "../../handler";

/**
 * How long opening waits for TeleTrack's current values before it opens a "Reading…" modal
 * instead: the trigger_id expires 3 seconds after the press.
 */
export const FIX_OPEN_BUDGET_MS = 1200;

/**
 * "Fix and sync": opens the form with what TeleTrack has now, the missing fields first, so staff
 * fill in what is missing and correct what is wrong. When TeleTrack is slow, a "Reading…" modal
 * opens at once (the trigger lives 3 seconds) and the form replaces it.
 */
export function caregiverFixOpen(services: Services) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const actor = actorOf(context);
    const value = decodeValue(action.value);
    const lms = labelsOf(services).lms;
    await answerErrors(services, privately(respond), async () => {
      if (!value?.f || value.f.length === 0) {
        await replyPrivately(respond, STALE);
        return;
      }
      const base = {
        caregiverId: value.c,
        name: value.n ?? value.c,
        fields: value.f,
        channel: body.channel?.id ?? actor.userId,
        // From a channel's digest the form is the presser's own.
        madeFor: value.u ?? actor.userId,
      };
      const formOf = (form: FixForm): ModalView =>
        fixModal({ ...base, asked: form.asked, required: form.required }, lms, { values: form.values });
      const loading: FixMeta = { ...base, asked: [], required: [] };
      const outcome = settle(services.caregivers.prepareFix(actor, value.c, value.f, value.u));
      const early = await within(outcome, FIX_OPEN_BUDGET_MS);
      if (early) {
        const prepared = unwrap(early);
        if (!prepared.ok) {
          await replyPrivately(respond, problemsMessage(prepared.problems));
          return;
        }
        await client.views.open({ trigger_id: body.trigger_id, view: formOf(prepared.form) });
        return;
      }
      const opened = await openModal(client, body.trigger_id, fixLoadingView(loading), services.logger);
      const late = unwrap(await outcome);
      if (!opened.ok) {
        // The trigger was spent: say so where the button was, rather than leave nothing.
        if (late.ok) await replyPrivately(respond, problemsMessage([{ message: SLOW_OPEN }]));
        else await replyPrivately(respond, problemsMessage(late.problems));
        return;
      }
      const view = late.ok ? formOf(late.form) : fixDoneView(loading, late.problems.map((p) => p.message).join(" "));
      await updateModal(client, { viewId: opened.id, hash: opened.hash }, view, services.logger);
    });

    function unwrap(settled: Settled<Result<{ form: FixForm }>>): Result<{ form: FixForm }> {
      if (settled.ok) return settled.value;
      services.logger.warn({ err: settled.error }, "opening Fix and sync failed");
      return { ok: false, problems: [{ message: describeError(settled.error) }] };
    }
  };
}

const SLOW_OPEN = "Spectrum TeleTrack was slow to answer and Slack did not open the form; press Fix and sync again.";
