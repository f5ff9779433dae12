import { allowedRoles, type RoleLimit } from "../../domain/agency-users/role-ranking";
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
): Promise<Result<{ scope: CreatorScope }>> {
  const [allOffices, allRoles] = await Promise.all([deps.cache.offices(), deps.cache.roles()]);
  if (principal.role !== "agency_user") {
    const { roles, limit } = allowedRoles(allRoles, deps.config.roleRanking, { kind: "admin" });
    return { ok: true, scope: { allOffices, allRoles, offices: allOffices, roles, limit } };
  }
  const offices = allOffices.filter((o) => o.id === principal.office);
  if (offices.length === 0) {
    return fail(
      "Your carebridge office is not an office in Caresmartz360 any more; ask an admin to grant your access again with your office.",
    );
  }
  const ranking = deps.config.roleRanking;
  const ownId = ranking.length > 0 ? await ownRoleId(deps, offices[0]!.id, await selfEmail()) : undefined;
  const ownRole = allRoles.find((r) => r.id === ownId);
  const { roles, limit } = allowedRoles(allRoles, ranking, { kind: "agency-user", ownRole });
  if (roles.length === 0) {
    return fail(
      "None of the Caresmartz360 roles is in carebridge's role ranking, so you can't give any; ask an admin.",
    );
  }
  return { ok: true, scope: { allOffices, allRoles, offices, roles, limit } };
}

/** Why the creator sees only some roles, as one sentence; undefined when they see them all. */
export function describeRoleLimit(scope: Pick<CreatorScope, "roles" | "limit">): string | undefined {
  const names = scope.roles.map((r) => r.name).join(", ");
  switch (scope.limit.kind) {
    case "any":
      return undefined;
    case "at-or-below":
      return `You can give roles at or below your own (${scope.limit.own.name}).`;
    case "lowest-only":
      return scope.limit.reason === "own-role-unknown"
        ? `carebridge could not find your own Caresmartz360 account by your Slack email, so you can only give ${names}; an admin can give other roles.`
        : `Your own Caresmartz360 role is not in carebridge's role ranking, so you can only give ${names}; an admin can give other roles.`;
  }
}
