/**
 * Who may do what. Pure: the caller loads the principal and passes the office the action
 * touches. Admins may do everything; agency users work within their own office; viewers look.
 */

export type Action =
  | "access.manage"
  | "caregiver.view"
  | "caregiver.sync"
  | "caregiver.sync-all"
  | "caregiver.activation"
  | "caregiver.fix"
  | "lms.sso"
  | "link.view"
  | "link.manage"
  | "staff.list"
  | "staff.create"
  | "learner.view"
  | "learner.manage"
  | "learner.import"
  | "learner.archive-bulk"
  | "audit.view"
  | "settings.manage";

export type Grant = "create-staff";
export const GRANTS: readonly Grant[] = ["create-staff"];

export type Principal =
  | { role: "admin"; source: "config" | "granted" }
  | { role: "agency_user"; office: string | null; grants: readonly string[] }
  | { role: "viewer" }
  | { role: "unknown" };

export type Decision = { allowed: true } | { allowed: false; reason: string };

// audit.view is scoped by role where it is read: all, the office's, or one's own actions.
const VIEWER_ACTIONS: ReadonlySet<Action> = new Set([
  "caregiver.view",
  "link.view",
  "staff.list",
  "learner.view",
  "audit.view",
]);

const AGENCY_USER_ACTIONS: ReadonlySet<Action> = new Set([
  ...VIEWER_ACTIONS,
  "caregiver.sync",
  "caregiver.activation",
  "caregiver.fix",
  "learner.manage",
  "learner.import",
  "staff.create",
]);

const WHAT: Record<Action, string> = {
  "access.manage": "manage who can use carebridge",
  "caregiver.view": "look up caregivers",
  "caregiver.sync": "sync caregivers to the LMS",
  "caregiver.sync-all": "sync every caregiver at once",
  "caregiver.activation": "activate or deactivate caregivers in the LMS",
  "caregiver.fix": "fix caregiver details in Spectrum TeleTrack",
  "lms.sso": "sign in to the LMS as an administrator",
  "link.view": "see Motivity and Calmanac links",
  "link.manage": "link Motivity and Calmanac profiles",
  "staff.list": "list agency users",
  "staff.create": "create agency users",
  "learner.view": "look up learners",
  "learner.manage": "add, archive or reactivate learners",
  "learner.import": "import learners from a CSV",
  "learner.archive-bulk": "archive learners in bulk",
  "audit.view": "read the audit",
  "settings.manage": "change carebridge's settings",
};

export function describeAction(action: Action): string {
  return WHAT[action];
}

/**
 * @param office the office the action touches, when it touches one (Caresmartz360 office id).
 * @param adminsHint who to ask, e.g. "<@U1> or <@U2>", put in refusals.
 */
export function decide(principal: Principal, action: Action, office: string | undefined, adminsHint: string): Decision {
  const refuse = (why: string): Decision => ({ allowed: false, reason: `${why} Ask ${adminsHint}.` });
  switch (principal.role) {
    case "admin":
      return { allowed: true };
    case "unknown":
      return refuse("You don't have access to carebridge yet.");
    case "viewer":
      return VIEWER_ACTIONS.has(action) ? { allowed: true } : refuse(`Viewers can't ${WHAT[action]}.`);
    case "agency_user": {
      if (!AGENCY_USER_ACTIONS.has(action)) return refuse(`Only admins can ${WHAT[action]}.`);
      if (action === "staff.create" && !principal.grants.includes("create-staff")) {
        return refuse(`You need the "create-staff" permission to ${WHAT[action]}.`);
      }
      if ((action === "staff.create" || action === "staff.list") && !principal.office) {
        return refuse("Your carebridge access has no office yet.");
      }
      if (office !== undefined && principal.office !== office) {
        return refuse(`You can only ${WHAT[action]} in your own office.`);
      }
      return { allowed: true };
    }
  }
}
