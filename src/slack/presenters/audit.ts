import { z } from "zod";
import { count } from "../../app/plural";
import { type AuditLine, type AuditPage, type AuditScope, describeAuditAction } from "../../app/audit-log";
import {
  actions,
  type ButtonSpec,
  clip,
  context,
  escape,
  header,
  type Message,
  mention,
  section,
  slackDate as kitDate,
} from "./kit";

export const AUDIT_PREVIOUS_ACTION = "audit.previous";
export const AUDIT_NEXT_ACTION = "audit.next";
export const AUDIT_EXPORT_ACTION = "audit.export";

/** What a page or export button asks for (JSON): the filter as typed and a page; access is checked again on the press. */
export const auditRequest = z
  .object({ f: z.string(), p: z.number().min(0) })
  .transform((v) => ({ filter: v.f, page: v.p }));

const requestValue = (filter: string, page: number) => JSON.stringify({ f: filter.slice(0, 500), p: page });

/** A Slack date: shown in the reader's own time zone, with the UTC time where dates can't render. */
export const slackDate = (at: Date): string => kitDate(at, "{date_short_pretty} {time}");

const OUTCOME: Record<string, string> = {
  ok: "done",
  refused: "*refused*",
  failed: "*failed*",
  noop: "nothing to change",
};

/** "<date> <@U1> synced a caregiver · caregiver `tt-1` · done": ids only, never the details. */
export function auditLineText(line: AuditLine): string {
  const what = escape(describeAuditAction(line.action));
  const record = `${escape(line.targetType)} \`${escape(clip(line.targetId, 100))}\``;
  const outcome = OUTCOME[line.outcome] ?? escape(line.outcome);
  return `${slackDate(line.at)} ${mention(line.actorId)} ${what} · ${record} · ${outcome}`;
}

const SCOPE: Record<AuditScope, string> = {
  workspace: "Everything in this workspace",
  office: "Your office's changes and your own",
  own: "Your own actions",
};

/** One page of the audit, newest first, with Previous/Next and Export. */
export function auditPageMessage(result: AuditPage, filter: string): Message {
  const { lines, page, hasNext, scope } = result;
  const asked = filter.trim() ? ` matching \`${escape(clip(filter.trim(), 200))}\`` : "";
  const summary = `${SCOPE[scope]}${asked}, newest first · page ${page + 1}`;
  const buttons: ButtonSpec[] = [
    ...(page > 0 ? [{ text: "Previous", actionId: AUDIT_PREVIOUS_ACTION, value: requestValue(filter, page - 1) }] : []),
    ...(hasNext ? [{ text: "Next", actionId: AUDIT_NEXT_ACTION, value: requestValue(filter, page + 1) }] : []),
    ...(lines.length > 0
      ? [
          {
            text: "Export CSV",
            actionId: AUDIT_EXPORT_ACTION,
            value: requestValue(filter, 0),
          },
        ]
      : []),
  ];
  return {
    text: `carebridge audit: ${count(lines.length, "change")} on page ${page + 1}`,
    blocks: [
      header("carebridge audit"),
      context(summary),
      ...(lines.length > 0
        ? lines.map((line) => section(auditLineText(line)))
        : [section(page > 0 ? "_No more changes._" : "_No changes to show._")]),
      ...(buttons.length > 0 ? [actions(buttons)] : []),
    ],
  };
}
