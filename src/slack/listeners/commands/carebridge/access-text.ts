import type { GrantRequest } from "../../../../app/access/service";

export type AccessCommand =
  | { kind: "list"; page: number }
  | { kind: "grant"; request: GrantRequest }
  | { kind: "revoke"; userId: string }
  | { kind: "invalid"; message: string };

/** Slack sends a mention as <@U123|name> (escaped commands) or <@U123>; a bare U123 works too. */
const USER = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$|^@?([UW][A-Z0-9]{2,})$/;

function userIdOf(token: string | undefined): string | undefined {
  const match = token ? USER.exec(token) : null;
  return match ? (match[1] ?? match[2]) : undefined;
}

const ROLES = new Set(["admin", "viewer", "agency-user"]);

/** `list [page]` · `grant @user <role> [office:<office>] [create-staff]` · `revoke @user` */
export function parseAccessCommand(text: string): AccessCommand {
  const [verb, who, ...rest] = text.trim().split(/\s+/).filter(Boolean);
  if (!verb || verb === "list") return { kind: "list", page: Math.max(1, Number.parseInt(who ?? "1", 10) || 1) };
  if (verb !== "grant" && verb !== "revoke") return { kind: "invalid", message: `"${verb}" is not an access command.` };
  const userId = userIdOf(who);
  if (!userId)
    return { kind: "invalid", message: `Name the person with an @mention, e.g. \`/carebridge access ${verb} @jane\`.` };
  if (verb === "revoke") return { kind: "revoke", userId };

  const [role, ...options] = rest;
  if (!role || !ROLES.has(role.toLowerCase())) {
    return { kind: "invalid", message: "Say which role: admin, viewer or agency-user." };
  }
  const officeParts: string[] = [];
  const grants: string[] = [];
  let inOffice = false;
  for (const option of options) {
    if (option.toLowerCase().startsWith("office:")) {
      inOffice = true;
      officeParts.push(option.slice("office:".length));
    } else if (option.startsWith("+") || option === "create-staff") {
      inOffice = false;
      grants.push(option.replace(/^\+/, ""));
    } else if (inOffice) {
      officeParts.push(option); // office names have spaces: office:North Valley
    } else {
      return { kind: "invalid", message: `"${option}" is not an option; use office:<office> or create-staff.` };
    }
  }
  const office = officeParts.join(" ").trim();
  return {
    kind: "grant",
    request: { userId, role: role.toLowerCase() as GrantRequest["role"], ...(office ? { office } : {}), grants },
  };
}
