import { allowedRoles, type RoleLimit, type RoleRefusal } from "../../domain/agency-users/role-ranking";
import type { Office, Role } from "../../providers/roles";
import type { Principal } from "../access/policy";
import { fail, type Result } from "../result";
import type { AgencyUsersDeps, SelfEmail } from "./deps";

/** Where a creator may create agency users, and which roles they may give. */
export interface CreatorScope {
  /** Every office and role Caresmartz360 has, to tell "not allowed" from "does not exist". */
  allOffices: Office[];
  allRoles: Role[];
  offices: Office[];
  roles: Role[];
  limit: RoleLimit;
}

/**
 * The creator's own role: their active account in their office whose business email is the
 * email Slack verified for them. Emails are the one identifier both systems hold.
 */
async function ownRoleId(
  deps: AgencyUsersDeps,
  officeId: string,
  email: string | undefined,
): Promise<string | undefined> {
  if (!email) return undefined;
  const wanted = email.trim().toLowerCase();
  for await (const user of deps.directory.listByOffice(officeId)) {
    if (user.status === "active" && user.businessEmail.trim().toLowerCase() === wanted) return user.roleId;
  }
  return undefined;
}

/** For a principal already allowed "staff.create": admins anywhere, agency users in their own office. */
export async function creatorScope(
  deps: AgencyUsersDeps,
  principal: Principal,
  selfEmail: SelfEmail,
  workspaceId: string,
): Promise<Result<{ scope: CreatorScope }>> {
  const [allOffices, allRoles] = await Promise.all([deps.cache.offices(), deps.cache.roles()]);
  if (principal.role !== "agency_user") {
    return { ok: true, scope: { allOffices, allRoles, offices: allOffices, roles: allRoles, limit: { kind: "any" } } };
  }
  const offices = allOffices.filter((o) => o.id === principal.office);
  if (offices.length === 0) {
    return fail(
      "Your carebridge office is not an office in Caresmartz360 any more; ask an admin to grant your access again with your office.",
    );
  }
  const { roleRanking: ranking } = await deps.settings(workspaceId);
  const ownId = ranking.length > 0 ? await ownRoleId(deps, offices[0]!.id, await selfEmail()) : undefined;
  const ownRole = allRoles.find((r) => r.id === ownId);
  const allowed = allowedRoles(allRoles, ranking, ownRole);
  if (!allowed.ok) return fail(refusalSentence(allowed.refusal, ownRole, offices[0]!));
  return { ok: true, scope: { allOffices, allRoles, offices, roles: allowed.roles, limit: allowed.limit } };
}

/** Why an agency user may give no role, and what an admin can do about it. */
function refusalSentence(refusal: RoleRefusal, ownRole: Role | undefined, office: Office): string {
  switch (refusal) {
    case "no-ranking":
      return "Agency users can create agency users only once an admin sets ROLE_RANKING, carebridge's order of the Caresmartz360 roles, so that it knows which roles are at or below yours; ask an admin to set it in /carebridge settings, or to create this user.";
    case "own-role-unranked":
      return `Your Caresmartz360 role (${ownRole?.name ?? "unknown"}) is not in ROLE_RANKING, so carebridge can't tell which roles are at or below it; ask an admin to add it in /carebridge settings, or to create this user.`;
    case "own-role-unknown":
      return `carebridge could not find your active Caresmartz360 account in ${office.name} by your Slack email, so it can't tell which roles are at or below yours; ask an admin to create this user, or to make the emails match.`;
  }
}

/** Why the creator sees only some roles, as one sentence; undefined when they see them all. */
export function describeRoleLimit(scope: Pick<CreatorScope, "limit">): string | undefined {
  return scope.limit.kind === "at-or-below"
    ? `You can give roles at or below your own (${scope.limit.own.name}).`
    : undefined;
}
