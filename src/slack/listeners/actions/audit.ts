import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { parseAuditQuery } from "../../../app/audit-log";
import type { Services } from "../../../app/services";
import { actorOf } from "../../actor";
import { readAuditRequest } from "../../presenters/audit";
import { notice, problemsMessage } from "../../presenters/kit";
import { showAudit } from "../commands/carebridge/audit";
import { replaceOriginal, replyPrivately } from "../reply";

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const OUT_OF_DATE = notice("That button is out of date; run /carebridge audit again.");

/** Previous/Next: the page is read and scoped again for whoever pressed. */
export function auditPage(services: Services) {
  return async ({ ack, action, respond, context }: ButtonArgs) => {
    await ack();
    const request = readAuditRequest(action.value);
    if (!request) return void (await replyPrivately(respond, OUT_OF_DATE));
    await showAudit(services, actorOf(context), request.filter, request.page, (m) => replaceOriginal(respond, m));
  };
}

/** Export: every matching row the presser may see, as a CSV in the channel they pressed in. */
export function auditExport(services: Services) {
  return async ({ ack, action, respond, context, body, client }: ButtonArgs) => {
    await ack();
    const request = readAuditRequest(action.value);
    const channel = body.channel?.id;
    if (!request || !channel) return void (await replyPrivately(respond, OUT_OF_DATE));
    const parsed = parseAuditQuery(request.filter);
    const result = parsed.ok ? await services.auditLog.export(actorOf(context), parsed.query) : parsed;
    if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
    await client.filesUploadV2({
      channel_id: channel,
      filename: result.filename,
      title: result.filename,
      content: result.csv,
      initial_comment: result.truncated
        ? `The latest ${result.count} audit rows; narrow the filter (a person, a record or since a date) for older ones.`
        : `${result.count} audit row${result.count === 1 ? "" : "s"}.`,
    });
  };
}
