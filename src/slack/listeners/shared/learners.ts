import type { Services } from "../../../app/services";
import { learnerSource } from "../../presenters/learners/source";

/** The learner LMS (CACWT, or SCIM) as users should read it, marked when the sandbox plays it. */
export function sourceOf(services: Services): string {
  return learnerSource(services.vendors.learnerLms, services.vendors.sandbox);
}

/** What a learner modal carries to its submission: where to answer, and what to act on. */
export function readMeta(privateMetadata: string | undefined): {
  channelId?: string;
  email?: string;
  /** The add form was shown the learners under this name (folded), and Add pressed again. */
  namesChecked?: string;
} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(privateMetadata || "{}");
  } catch {
    return {};
  }
  // Slack hands back what carebridge wrote, but a forged or broken body may carry anything.
  const { channelId, email, namesChecked } = (typeof parsed === "object" && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >;
  return {
    ...(typeof channelId === "string" ? { channelId } : {}),
    ...(typeof email === "string" ? { email } : {}),
    ...(typeof namesChecked === "string" ? { namesChecked } : {}),
  };
}
