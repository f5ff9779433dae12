import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../../app/actor";
import { describeError } from "../../../../app/errors";
import type { Services } from "../../../../app/services";
import { displayLabel } from "../../../../app/labels";
import { createFormView, type FormMeta, loadingView, noticeView } from "../../../presenters/agency-users/form-view";
import { type Message, notice, problemsMessage } from "../../../presenters/kit";
import { slackSelfEmail } from "../../shared/self-email";
import { openModal, updateModal } from "../../shared/agency-users";
import { settle, within } from "../../within";

/**
 * How long opening waits for the form's options (access, offices and roles, usually cached)
 * before it opens a "Loading…" modal instead: trigger_id expires 3 seconds after the command.
 */
export const OPEN_BUDGET_MS = 1200;

/** Slack's refusals of views.open that mean the trigger_id was used up or too old: running the command again helps. */
const TRIGGER_SPENT = new Set(["expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id"]);

/** Why the form did not open, as Slack said it: only a spent trigger is the person's to retry at once. */
function notOpened(code: string): string {
  if (TRIGGER_SPENT.has(code))
    return "Slack did not open the form (it allows only a few seconds); run /agency-user again.";
  if (code === "ratelimited") return "Slack is busy and did not open the form; run /agency-user again in a minute.";
  return `Slack refused to open the form (${code}); that is a fault in carebridge, not in what you did, and it has been logged — tell your admin.`;
}

/**
 * `/agency-user`: someone refused gets an ephemeral sentence and no modal; otherwise the form
 * opens at once, or a "Loading…" modal opens and the form replaces it when the vendor answers.
 */
export async function openCreateForm(request: {
  services: Services;
  actor: Actor;
  client: WebClient;
  triggerId: string;
  channelId: string;
  reply: (message: Message) => Promise<unknown>;
}): Promise<void> {
  const { services, actor, client, triggerId } = request;
  const logger = services.logger;
  const meta: FormMeta = { channel: request.channelId, suggested: undefined };
  const label = displayLabel("caresmartz", services.vendors.sandbox);
  const outcome = settle(services.agencyUsers.prepareForm(actor, slackSelfEmail(client, actor.userId, logger)));
  const early = await within(outcome, OPEN_BUDGET_MS);
  if (early) {
    if (!early.ok) {
      logger.error({ err: early.error }, "preparing the agency user form failed");
      await request.reply(notice(describeError(early.error)));
    } else if (!early.value.ok) {
      await request.reply(problemsMessage(early.value.problems));
    } else {
      const opened = await openModal(client, triggerId, createFormView(early.value.form, meta, label), logger);
      if (!opened.ok) await request.reply(notice(notOpened(opened.code)));
    }
    return;
  }
  const opened = await openModal(client, triggerId, loadingView(meta), logger);
  if (!opened.ok) {
    await request.reply(notice(notOpened(opened.code)));
    return;
  }
  const late = await outcome;
  if (!late.ok) logger.error({ err: late.error }, "preparing the agency user form failed");
  const view = !late.ok
    ? noticeView(describeError(late.error), meta)
    : late.value.ok
      ? createFormView(late.value.form, meta, label)
      : noticeView(late.value.problems.map((p) => p.message).join(" "), meta);
  // The person may have closed the Loading view meanwhile; then there is nothing to fill in.
  await updateModal(client, { viewId: opened.id, hash: opened.hash }, view, logger);
}
