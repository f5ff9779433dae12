import {
  type AgencyUserDraft,
  type AgencyUserForm,
  FLAG_NAMES,
  validateAgencyUser,
} from "../../domain/agency-users/validation";
import { normalizeUsername } from "../../domain/agency-users/username";
import type { AgencyUser } from "../../providers/roles";
import { decide } from "../access/policy";
import type { Actor } from "../actor";
import { fail, type Problem, type Result } from "../result";
import { claimOnce, releaseClaim } from "./claims";
import { creatorScope, describeRoleLimit, type CreatorScope } from "./creator";
import type { AgencyUsersDeps, SelfEmail } from "./deps";
import { createInVendor } from "./vendor-create";
import { suggestFreeUsername, usernameTakenMessage } from "./usernames";

/** What the creator is told: nothing personal beyond the username. */
export interface CreatedAgencyUser {
  id: string;
  username: string;
  officeName: string;
  roleName: string;
}

/** `alreadySubmitted`: this form was submitted before; the first submission creates the user, once. */
export type CreateResult = Result<{ created: CreatedAgencyUser } | { alreadySubmitted: true }>;

/** The office and role must exist, and the role must be one this creator may give. */
async function scopeProblems(
  deps: AgencyUsersDeps,
  actor: Actor,
  scope: CreatorScope,
  form: AgencyUserForm,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const officeId = form.officeId.trim();
  const roleId = form.roleId.trim();
  if (officeId && !scope.allOffices.some((o) => o.id === officeId)) {
    problems.push({ field: "officeId", message: "Choose an office from the list; that one is not in Caresmartz360." });
  }
  const role = scope.allRoles.find((r) => r.id === roleId);
  if (roleId && !role) {
    problems.push({ field: "roleId", message: "Choose a role from the list; that one is not in Caresmartz360." });
  } else if (role && !scope.roles.some((r) => r.id === role.id)) {
    problems.push({
      field: "roleId",
      message: `You can't give the ${role.name} role. ${describeRoleLimit(scope) ?? ""}`.trim(),
    });
    await deps.audit.record(actor, {
      action: "staff.create",
      targetType: "agency-user",
      targetId: normalizeUsername(form.username) || "(new)",
      outcome: "refused",
      details: { roleId: role.id, why: scope.limit.kind },
    });
  }
  return problems;
}

/** Whether Caresmartz360 already has this (well-formed) username, and the next free one if so. */
async function takenProblems(deps: AgencyUsersDeps, username: string): Promise<Problem[]> {
  if (!(await deps.directory.findByUsername(username))) return [];
  return [{ field: "username", message: await usernameTakenMessage(deps.directory, username) }];
}

function auditDetails(draft: AgencyUserDraft): Record<string, unknown> {
  return {
    username: draft.username,
    officeId: draft.officeId,
    roleId: draft.roleId,
    ...Object.fromEntries(FLAG_NAMES.map((flag) => [flag, draft[flag]])),
  };
}

/**
 * Checks everything again (access, office, role, fields, username) and creates the agency user
 * in Caresmartz360, which emails the registration. `formId` (the Slack view id) makes a
 * double submission create one user. Problems the creator can fix come back on their fields.
 */
export async function createAgencyUser(
  deps: AgencyUsersDeps,
  actor: Actor,
  form: AgencyUserForm,
  options: { formId: string; selfEmail: SelfEmail },
): Promise<CreateResult> {
  const key = `agency-user:${options.formId}`;
  if (await deps.prisma.processedEvent.findUnique({ where: { eventId: key } }))
    return { ok: true, alreadySubmitted: true };

  const officeId = form.officeId.trim();
  const decision = await deps.access.check(actor, "staff.create", {
    ...(officeId ? { office: officeId } : {}),
    type: "agency-user",
    id: normalizeUsername(form.username) || "(new)",
  });
  const principal = await deps.access.principal(actor);
  if (!decision.allowed) {
    // Allowed without naming an office: then the office they named is what was refused.
    return fail(decision.reason, decide(principal, "staff.create", undefined, "").allowed ? "officeId" : undefined);
  }
  const scoped = await creatorScope(deps, principal, options.selfEmail, actor.workspaceId);
  if (!scoped.ok) return scoped;
  const { scope } = scoped;

  // A blank username means the agency's format: the suggestion, already checked to be free.
  const typed = normalizeUsername(form.username);
  const suggested =
    typed === "" ? await suggestFreeUsername(deps.directory, deps.config.usernameFormat, form) : undefined;
  const validation = validateAgencyUser(suggested ? { ...form, username: suggested } : form);
  const invalid = validation.ok ? [] : validation.problems;
  const usernameProblem = invalid.find((p) => p.field === "username");
  const problems: Problem[] = [
    ...invalid.filter((p) => p.field !== "username"),
    ...(await scopeProblems(deps, actor, scope, form)),
    ...(usernameProblem ? [usernameProblem] : suggested ? [] : await takenProblems(deps, typed)),
  ];
  if (!validation.ok || problems.length > 0) return { ok: false, problems };
  const { draft } = validation;

  if (!(await claimOnce(deps.prisma, key))) return { ok: true, alreadySubmitted: true };
  let user: AgencyUser;
  try {
    const outcome = await createInVendor(deps, draft);
    if (!outcome.ok) {
      await releaseClaim(deps.prisma, key);
      await deps.audit.record(actor, {
        action: "agency-user.create",
        targetType: "agency-user",
        targetId: draft.username,
        outcome: "failed",
        details: { ...auditDetails(draft), reason: outcome.reason },
      });
      return { ok: false, problems: outcome.problems };
    }
    user = outcome.user;
  } catch (error) {
    await releaseClaim(deps.prisma, key);
    throw error;
  }
  await deps.audit.record(actor, {
    action: "agency-user.create",
    targetType: "agency-user",
    targetId: user.id,
    outcome: "ok",
    details: auditDetails(draft),
  });
  return {
    ok: true,
    created: {
      id: user.id,
      username: user.username,
      officeName: scope.allOffices.find((o) => o.id === user.officeId)?.name ?? user.officeId,
      roleName: scope.allRoles.find((r) => r.id === user.roleId)?.name ?? user.roleId,
    },
  };
}
