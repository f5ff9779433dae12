import { count } from "../../../app/plural";
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { actorOf } from "../../actor";
import { sendPrivately } from "../../files";
import { readAuditRequest } from "../../presenters/audit";
import { notice, problemsMessage } from "../../presenters/kit";
import { readAuditQuery, showAudit } from "../commands/carebridge/audit";
import { replaceOriginal, replyPrivately } from "../reply";

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const OUT_OF_DATE = notice("That button is out of date; run /carebridge audit again.");

/** Previous/Next: the page is read and scoped again for whoever pressed. */
export function auditPage(services: Services) {
  return async ({ ack, action, respond, context, client }: ButtonArgs) => {
    await ack();
    const request = readAuditRequest(action.value);
    if (!request) return void (await replyPrivately(respond, OUT_OF_DATE));
    await showAudit(services, client, actorOf(context), request.filter, request.page, (m) =>
      replaceOriginal(respond, m),
    );
  };
}

/**
 * Export: every matching row the presser may see, as a CSV in their direct messages with
 * carebridge: the audit is theirs to read, not the channel's.
 */
export function auditExport(services: Services) {
  return async ({ ack, action, respond, context, client }: ButtonArgs) => {
    await ack();
    const request = readAuditRequest(action.value);
    if (!request) return void (await replyPrivately(respond, OUT_OF_DATE));
    const actor = actorOf(context);
    const parsed = await readAuditQuery(client, request.filter);
    const result = parsed.ok ? await services.auditLog.export(actor, parsed.query) : parsed;
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    await sendPrivately(client, actor.userId, {
      filename: result.filename,
      content: result.csv,
      comment: result.truncated
        ? `The latest ${result.count} audit rows; narrow the filter (a person, a record or since a date) for older ones.`
        : `${count(result.count, "audit row")}.`,
    });
    await replyPrivately(respond, notice("The audit CSV is in your direct messages with carebridge."));
  };
}
