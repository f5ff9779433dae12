import type { AccessEntry } from "../../app/access/service";
import { escape, type Message, mention, notice, section } from "./kit";

function describeEntry(e: AccessEntry): string {
  const role = e.role === "agency_user" ? `agency user, ${escape(e.officeName ?? "no office")}` : e.role;
  const grants = e.grants.length ? ` (+${e.grants.join(", ")})` : "";
  return `${mention(e.userId)} — ${role}${grants}${e.fromConfig ? " · from CAREBRIDGE_ADMINS" : ""}`;
}

export function accessListMessage(entries: AccessEntry[]): Message {
  if (entries.length === 0) return notice("Nobody has carebridge access yet.");
  return {
    text: `${entries.length} people have carebridge access`,
    blocks: [section(`*Who can use carebridge*\n${entries.map(describeEntry).join("\n")}`)],
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
