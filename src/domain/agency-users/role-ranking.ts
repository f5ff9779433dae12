/**
 * Which Caresmartz360 roles a creator may give. The ranking (ROLE_RANKING) lists role names
 * from most to least privileged; an agency user may give roles ranked at or below their own.
 */

export interface NamedRole {
  id: string;
  name: string;
}

/** Who is creating, as far as roles go. */
export type Creator =
  | { kind: "admin" }
  /** `ownRole` undefined: their own Caresmartz360 account could not be found. */
  | { kind: "agency-user"; ownRole: NamedRole | undefined };

/** Why the allowed roles are what they are; the form explains it to the creator. */
export type RoleLimit =
  /** Admins, or no ranking configured: every role ranks the same, so every role is "at or below". */
  | { kind: "any" }
  | { kind: "at-or-below"; own: NamedRole }
  /**
   * Their own role is unknown or not in the ranking. The lowest-ranked role is at or below any
   * role they could hold, so it is the one choice that cannot give more than they have.
   */
  | { kind: "lowest-only"; reason: "own-role-unknown" | "own-role-unranked" };

export interface AllowedRoles {
  roles: NamedRole[];
  limit: RoleLimit;
}

const fold = (text: string): string => text.trim().toLowerCase();

/** Index in the ranking (0 = most privileged), matched by name or id regardless of case; -1 when unranked. */
function rankOf(role: NamedRole, ranking: readonly string[]): number {
  const name = fold(role.name);
  const id = fold(role.id);
  return ranking.findIndex((entry) => fold(entry) === name || fold(entry) === id);
}

/** Roles missing from a non-empty ranking are never given by agency users: their privilege is unknown. */
export function allowedRoles(roles: readonly NamedRole[], ranking: readonly string[], creator: Creator): AllowedRoles {
  if (creator.kind === "admin" || ranking.length === 0) return { roles: [...roles], limit: { kind: "any" } };
  const ranked = roles.map((role) => ({ role, rank: rankOf(role, ranking) })).filter((r) => r.rank >= 0);
  const ownRank = creator.ownRole ? rankOf(creator.ownRole, ranking) : -1;
  if (creator.ownRole && ownRank >= 0) {
    return {
      roles: ranked.filter((r) => r.rank >= ownRank).map((r) => r.role),
      limit: { kind: "at-or-below", own: creator.ownRole },
    };
  }
  const lowest = Math.max(-1, ...ranked.map((r) => r.rank));
  return {
    roles: ranked.filter((r) => r.rank === lowest).map((r) => r.role),
    limit: { kind: "lowest-only", reason: creator.ownRole ? "own-role-unranked" : "own-role-unknown" },
  };
}
