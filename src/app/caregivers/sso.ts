import { NotFoundError, UnsupportedError, ValidationError } from "../../providers/http/errors";
import type { AdminSession } from "../../providers/roles";
import { decide } from "../access/policy";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import type { CaregiverDeps } from "./deps";
import { lmsName } from "../lms-name";

export const EMAIL_UNKNOWN =
  "carebridge could not read your email from Slack: the app needs the users:read.email scope, and your Slack profile needs an email address.";

/**
 * `/carebridge login careacademy`: a one-time admin sign-in link, minted for the admin's own
 * email (as Slack knows it). The link signs its holder in, so only the admin may ever see it.
 */
export function createSignIn(deps: Pick<CaregiverDeps, "lms" | "lmsVendor" | "access" | "audit">) {
  return async function adminSignIn(
    actor: Actor,
    email: string | undefined,
  ): Promise<Result<{ session: AdminSession }>> {
    const allowed = await deps.access.check(actor, "lms.sso", { type: "lms", id: "careacademy" });
    if (!allowed.allowed) return fail(allowed.reason);
    if (!deps.lms.capabilities.adminSso) {
      return fail("The training system in use has no single sign-on; sign in to it directly.");
    }
    if (email === undefined || email.trim() === "") return fail(EMAIL_UNKNOWN);
    try {
      const session = await deps.lms.createAdminSession(email.trim());
      await deps.audit.record(actor, { action: "lms.sso", targetType: "lms", targetId: "careacademy", outcome: "ok" });
      return { ok: true, session };
    } catch (error) {
      if (error instanceof UnsupportedError) return fail(error.message);
      if (error instanceof NotFoundError || error instanceof ValidationError) {
        await deps.audit.record(actor, {
          action: "lms.sso",
          targetType: "lms",
          targetId: "careacademy",
          outcome: "failed",
        });
        const lms = lmsName(deps);
        return fail(
          `${lms} has no administrator with the email on your Slack profile; ask ${lms} to add it, or change your Slack email.`,
        );
      }
      throw error;
    }
  };
}

/**
 * Whether to offer this person the LMS sign-in (a button on the caregiver card and in App Home):
 * the LMS has single sign-on and their role allows it. Deciding only, never audited: the press is
 * checked (and a refusal audited) by adminSignIn.
 */
export function createMaySignIn(deps: Pick<CaregiverDeps, "lms" | "access">) {
  return async function maySignIn(actor: Actor): Promise<boolean> {
    if (!deps.lms.capabilities.adminSso) return false;
    return decide(await deps.access.principal(actor), "lms.sso", undefined, "").allowed;
  };
}
