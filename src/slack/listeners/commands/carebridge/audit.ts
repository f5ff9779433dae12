import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../../app/actor";
import { type AuditQuery, parseAuditQuery } from "../../../../app/audit-log";
import type { Result } from "../../../../app/result";
import type { Services } from "../../../../app/services";
import { auditPageMessage } from "../../../presenters/audit";
import { type Message, problemsMessage } from "../../../presenters/kit";
import { replyPrivately } from "../../reply";
import type { Subcommand } from "../../types";

/** The filter as typed; an email is also looked up among the workspace's Slack users, to filter by what they did. */
export async function readAuditQuery(client: WebClient, filter: string): Promise<Result<{ query: AuditQuery }>> {
  const parsed = parseAuditQuery(filter);
  if (!parsed.ok || parsed.query.filter.kind !== "email") return parsed;
  const { email } = parsed.query.filter;
  const found = await client.users.lookupByEmail({ email }).catch(() => undefined);
  const slackUserId = found?.user?.id;
  return slackUserId ? { ok: true, query: { ...parsed.query, filter: { kind: "email", email, slackUserId } } } : parsed;
}

/** One page of the audit the actor may read, matching `filter` as typed; shown through `show`. */
export async function showAudit(
  services: Services,
  client: WebClient,
  actor: Actor,
  filter: string,
  page: number,
  show: (message: Message) => Promise<unknown>,
): Promise<void> {
  const parsed = await readAuditQuery(client, filter);
  if (!parsed.ok) return void (await show(problemsMessage(parsed.problems)));
  const result = await services.auditLog.page(actor, parsed.query, page);
  await show(result.ok ? auditPageMessage(result, filter) : problemsMessage(result.problems));
}

export const audit: Subcommand = ({ actor, text, respond, client, services }) =>
  showAudit(services, client, actor, text, 0, (message) => replyPrivately(respond, message));
