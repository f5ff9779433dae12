/**
 * Which Caresmartz360 roles a creator may give. The ranking (ROLE_RANKING) lists role names
 * from most to least privileged; an agency user may give roles ranked at or below their own.
 */

export interface NamedRole {
  id: string;
  name: string;
}

/** Why the allowed roles are what they are: admins give any role; the form explains the rest. */
export type RoleLimit = { kind: "any" } | { kind: "at-or-below"; own: NamedRole };

/**
 * Why an agency user may give no role: "at or below their own" needs their own role placed in
 * the ranking, and an unranked role's privilege is unknown, so no role is safely below it.
 */
export type RoleRefusal = "no-ranking" | "own-role-unknown" | "own-role-unranked";

export type AllowedRoles =
  | { ok: true; roles: NamedRole[]; limit: Extract<RoleLimit, { kind: "at-or-below" }> }
  | { ok: false; refusal: RoleRefusal };

const fold = (text: string): string => text.trim().toLowerCase();

/** Index in the ranking (0 = most privileged), matched by name or id regardless of case; -1 when unranked. */
function rankOf(role: NamedRole, ranking: readonly string[]): number {
  const name = fold(role.name);
  const id = fold(role.id);
  return ranking.findIndex((entry) => fold(entry) === name || fold(entry) === id);
}

/**
 * The roles an agency user may give (admins give any). `ownRole` undefined: their own
 * Caresmartz360 account could not be found. Roles missing from the ranking are never given.
 */
export function allowedRoles(
  roles: readonly NamedRole[],
  ranking: readonly string[],
  ownRole: NamedRole | undefined,
): AllowedRoles {
  if (ranking.length === 0) return { ok: false, refusal: "no-ranking" };
  if (!ownRole) return { ok: false, refusal: "own-role-unknown" };
  const ownRank = rankOf(ownRole, ranking);
  if (ownRank < 0) return { ok: false, refusal: "own-role-unranked" };
  return {
    ok: true,
    roles: roles.filter((role) => rankOf(role, ranking) >= ownRank),
    limit: { kind: "at-or-below", own: ownRole },
  };
}
