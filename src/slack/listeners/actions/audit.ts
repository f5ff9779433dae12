import { count } from "../../../app/plural";
import type { Services } from "../../../app/services";
import { sendPrivately } from "../../files";
import { auditRequest } from "../../presenters/audit";
import { notice, problemsMessage } from "../../presenters/kit";
import { readAuditQuery, showAudit } from "../commands/carebridge/audit";
import { handler, jsonValue } from "../handler";
import { replaceOriginal, replyPrivately } from "../reply";

const AUDIT_BUTTON = {
  value: jsonValue(auditRequest),
  outOfDate: notice("That button is out of date; run /carebridge audit again."),
};

/** Previous/Next: the page is read and scoped again for whoever pressed. */
export function auditPage(services: Services) {
  return handler(services, AUDIT_BUTTON, ({ actor, value, respond, client }) =>
    showAudit(services, client, actor, value.filter, value.page, (m) => replaceOriginal(respond, m)),
  );
}

/**
 * Export: every matching row the presser may see, as a CSV in their direct messages with
 * carebridge: the audit is theirs to read, not the channel's.
 */
export function auditExport(services: Services) {
  return handler(services, AUDIT_BUTTON, async ({ actor, value, respond, client }) => {
    const parsed = await readAuditQuery(client, value.filter);
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
  });
}
