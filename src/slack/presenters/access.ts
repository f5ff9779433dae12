import type { AccessEntry } from "../../app/access/service";
import { context, type Message, mention, notice, sections, shortName } from "./kit";

/** People per page of `/carebridge access list`: each line stays short, so a page stays well under Slack's limits. */
export const ACCESS_PAGE_SIZE = 50;

function describeEntry(e: AccessEntry): string {
  const role = e.role === "agency_user" ? `agency user, ${shortName(e.officeName ?? "no office", 60)}` : e.role;
  const grants = e.grants.length ? ` (+${e.grants.join(", ")})` : "";
  return `${mention(e.userId)} — ${role}${grants}${e.fromConfig ? " · from CAREBRIDGE_ADMINS" : ""}`;
}

/** One page of who has access; the page count and the command for the next page say how to see everyone. */
export function accessListMessage(entries: AccessEntry[], page = 1): Message {
  if (entries.length === 0) return notice("Nobody has carebridge access yet.");
  const pageCount = Math.ceil(entries.length / ACCESS_PAGE_SIZE);
  const current = Math.min(Math.max(1, page), pageCount);
  const from = (current - 1) * ACCESS_PAGE_SIZE;
  const shown = entries.slice(from, from + ACCESS_PAGE_SIZE);
  const paging =
    pageCount > 1
      ? [
          context(
            `People ${from + 1}–${from + shown.length} of ${entries.length} · page ${current} of ${pageCount}` +
              (current < pageCount ? ` · next: \`/carebridge access list ${current + 1}\`` : "") +
              (current > 1 ? ` · previous: \`/carebridge access list ${current - 1}\`` : ""),
          ),
        ]
      : [];
  return {
    text: `${entries.length} people have carebridge access`,
    blocks: [...sections(`*Who can use carebridge*\n${shown.map(describeEntry).join("\n")}`), ...paging],
  };
}

export function accessGrantedMessage(entry: AccessEntry): Message {
  return notice(`Done: ${describeEntry(entry)}.`);
}

export function accessRevokedMessage(userId: string): Message {
  return notice(`Done: ${mention(userId)} no longer has carebridge access.`);
}

export const ACCESS_USAGE =
  "Use `/carebridge access list`, `/carebridge access grant @user admin|viewer|agency-user office:<office> [create-staff]` or `/carebridge access revoke @user`.";
