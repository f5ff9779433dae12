import type { AccessEntry } from "../../app/access/service";
import { mention as sentenceMention } from "../../app/mention";
import { actions, context, type Message, mention, notice, sections, shortName } from "./kit";

export const ACCESS_PREVIOUS_ACTION = "access.previous";
export const ACCESS_NEXT_ACTION = "access.next";

/** People per page of `/carebridge access list`: each line stays short, so a page stays well under Slack's limits. */
export const ACCESS_PAGE_SIZE = 50;

/** One person's access; `name` and `who` render the office and the person for mrkdwn or for a sentence. */
function describeEntry(
  e: AccessEntry,
  name: (office: string) => string = (office) => shortName(office, 60),
  who: (userId: string) => string = mention,
): string {
  const role = e.role === "agency_user" ? `agency user, ${name(e.officeName ?? "no office")}` : e.role;
  const grants = e.grants.length ? ` (+${e.grants.join(", ")})` : "";
  return `${who(e.userId)} — ${role}${grants}${e.fromConfig ? " · from CAREBRIDGE_ADMINS" : ""}`;
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
          actions([
            ...(current > 1
              ? [{ text: "Previous", actionId: ACCESS_PREVIOUS_ACTION, value: String(current - 1) }]
              : []),
            ...(current < pageCount
              ? [{ text: "Next", actionId: ACCESS_NEXT_ACTION, value: String(current + 1) }]
              : []),
          ]),
          context(
            `People ${from + 1}–${from + shown.length} of ${entries.length} · page ${current} of ${pageCount}` +
              (current < pageCount ? ` · next: \`/carebridge access list ${current + 1}\`` : "") +
              (current > 1 ? ` · previous: \`/carebridge access list ${current - 1}\`` : ""),
          ),
        ]
      : [];
  return {
    text: `${entries.length} people have carebridge access`,
    blocks: [...sections(`*Who can use carebridge*\n${shown.map((e) => describeEntry(e)).join("\n")}`), ...paging],
  };
}

export function accessGrantedMessage(entry: AccessEntry): Message {
  // The line is mrkdwn already (names escaped, a live mention): not a sentence to escape again.
  return {
    text: `Done: ${describeEntry(entry, (office) => office, sentenceMention)}.`,
    blocks: sections(`Done: ${describeEntry(entry)}.`),
  };
}

export function accessRevokedMessage(userId: string): Message {
  return notice(`Done: ${sentenceMention(userId)} no longer has carebridge access.`);
}

export const ACCESS_USAGE =
  "Use `/carebridge access list`, `/carebridge access grant @user admin|viewer|agency-user office:<office> [create-staff]` or `/carebridge access revoke @user`.";
