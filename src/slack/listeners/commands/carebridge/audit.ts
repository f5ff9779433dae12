import type { Actor } from "../../../../app/actor";
import { parseAuditQuery } from "../../../../app/audit-log";
import type { Services } from "../../../../app/services";
import { auditPageMessage } from "../../../presenters/audit";
import { type Message, problemsMessage } from "../../../presenters/kit";
import { replyPrivately } from "../../reply";
import type { Subcommand } from "../../types";

/** One page of the audit the actor may read, matching `filter` as typed; shown through `show`. */
export async function showAudit(
  services: Services,
  actor: Actor,
  filter: string,
  page: number,
  show: (message: Message) => Promise<unknown>,
): Promise<void> {
  const parsed = parseAuditQuery(filter);
  if (!parsed.ok) return void (await show(problemsMessage(parsed.problems)));
  const result = await services.auditLog.page(actor, parsed.query, page);
  await show(result.ok ? auditPageMessage(result, filter) : problemsMessage(result.problems));
}

export const audit: Subcommand = ({ actor, text, respond, services }) =>
  showAudit(services, actor, text, 0, (message) => replyPrivately(respond, message));
