import type { PersonName } from "../../domain/agency-users/username";
import type { Office, Role } from "../../providers/roles";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import { creatorScope, describeRoleLimit } from "./creator";
import type { AgencyUsersDeps, SelfEmail } from "./deps";
import { suggestFreeUsername } from "./usernames";

/** What the create form offers this creator. */
export interface CreateFormData {
  offices: Office[];
  roles: Role[];
  /** Preselected: an agency user's own office, the only one they may pick. */
  office: Office | undefined;
  /** Why only some roles are offered, when they are. */
  roleNote: string | undefined;
}

/** Checked when the form opens; the submission is checked again from scratch. */
export async function prepareForm(
  deps: AgencyUsersDeps,
  actor: Actor,
  selfEmail: SelfEmail,
): Promise<Result<{ form: CreateFormData }>> {
  const decision = await deps.access.check(actor, "staff.create");
  if (!decision.allowed) return fail(decision.reason);
  const principal = await deps.access.principal(actor);
  const scoped = await creatorScope(deps, principal, selfEmail, actor.workspaceId);
  if (!scoped.ok) return scoped;
  const { scope } = scoped;
  return {
    ok: true,
    form: {
      offices: scope.offices,
      roles: scope.roles,
      office: principal.role === "agency_user" ? scope.offices[0] : undefined,
      roleNote: describeRoleLimit(scope),
    },
  };
}

/** The username the form proposes as the name is typed. Who may create may ask. */
export async function suggestUsername(
  deps: AgencyUsersDeps,
  actor: Actor,
  name: PersonName,
): Promise<Result<{ username: string | undefined }>> {
  const decision = await deps.access.check(actor, "staff.create");
  if (!decision.allowed) return fail(decision.reason);
  return { ok: true, username: await suggestFreeUsername(deps.directory, deps.config.usernameFormat, name) };
}
