import type { AgencyUserDraft, AgencyUserField } from "../../domain/agency-users/validation";
import { FLAG_NAMES } from "../../domain/agency-users/validation";
import { ConflictError, UnavailableError, ValidationError } from "../../providers/http/errors";
import type { AgencyUser } from "../../providers/roles";
import type { Problem } from "../result";
import type { AgencyUsersDeps } from "./deps";
import { usernameTakenMessage } from "./usernames";

export type VendorCreate =
  { ok: true; user: AgencyUser } | { ok: false; reason: "username_taken" | "invalid"; problems: Problem[] };

const LABELS: Record<string, string> = {
  username: "username",
  roleId: "role",
  officeId: "office",
  firstName: "first name",
  lastName: "last name",
  businessEmail: "business email",
  mobilePhone: "mobile phone",
  showOnCareCoordinatorList: '"show on care coordinator list"',
  showOnSupervisorList: '"show on supervisor list"',
  lmsManager: '"LMS manager"',
  sendToActivatedInsights: '"send to Activated Insights"',
};

const FORM_FIELDS: ReadonlySet<string> = new Set<AgencyUserField>([
  "username",
  "roleId",
  "officeId",
  "firstName",
  "lastName",
  "businessEmail",
  "mobilePhone",
]);

/** A 422's `fields` (vendor field → what is wrong) as problems on the form's fields. */
export function vendorFieldProblems(fields: Record<string, string>): Problem[] {
  return Object.entries(fields).map(([name, what]) => {
    const message = `Caresmartz360 says the ${LABELS[name] ?? name} ${what.replace(/\.$/, "")}.`;
    if (FORM_FIELDS.has(name)) return { field: name, message };
    if ((FLAG_NAMES as readonly string[]).includes(name)) return { field: "flags", message };
    return { message };
  });
}

/** Whether a record the vendor holds is the one this draft asked for. */
function isThisDraft(user: AgencyUser, draft: AgencyUserDraft): boolean {
  return (
    user.businessEmail.toLowerCase() === draft.businessEmail.toLowerCase() &&
    user.officeId === draft.officeId &&
    user.roleId === draft.roleId
  );
}

/**
 * POST /v1/agency-users. A 409 username_taken (someone took it since the check) and a 422 come
 * back as problems; a create whose outcome is unknown (timed out after reaching the vendor) is
 * looked up by username before anyone retries it. Outages throw.
 */
export async function createInVendor(deps: AgencyUsersDeps, draft: AgencyUserDraft): Promise<VendorCreate> {
  try {
    return { ok: true, user: await deps.directory.create({ ...draft, status: "active" }) };
  } catch (error) {
    if (error instanceof ConflictError && error.code === "username_taken") {
      const message = await usernameTakenMessage(deps.directory, draft.username);
      return { ok: false, reason: "username_taken", problems: [{ field: "username", message }] };
    }
    if (error instanceof ValidationError && Object.keys(error.fields).length > 0) {
      return { ok: false, reason: "invalid", problems: vendorFieldProblems(error.fields) };
    }
    if (error instanceof UnavailableError && error.mayHaveApplied) {
      const existing = await deps.directory.findByUsername(draft.username);
      if (existing && isThisDraft(existing, draft)) return { ok: true, user: existing };
    }
    throw error;
  }
}
