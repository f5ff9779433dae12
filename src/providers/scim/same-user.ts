import type { Vendor } from "../../config";
import { ConflictError, ValidationError } from "../http/errors";
import { VENDOR_LABELS } from "../labels";
import { eq, type ScimUser } from "./schema";
import type { ScimUsers } from "./users";

/** How many users the last-resort scan for a userName in other capitals reads before giving up. */
export const SCAN_BOUND = 1_000;

const skipRefusal = (error: unknown): null => {
  if (error instanceof ValidationError) return null;
  throw error;
};

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * The user a 409 `uniqueness` is about. RFC 7643 makes userName case-insensitive, yet popular
 * service providers compare case-sensitively in `eq` filters while refusing a userName that
 * exists in other capitals: so the userName as given, then its likely variants (all lower case,
 * lower-case domain), then `emails.value eq`, then a scan of at most SCAN_BOUND users. A 409 is
 * rare, so the few extra requests cost nothing that matters.
 * `complete` says whether nothing was left unread when nobody turned up.
 */
export async function findHolder(
  users: ScimUsers,
  userName: string,
  selfId?: string,
): Promise<{ holder: ScimUser | null; complete: boolean }> {
  const other = (user: ScimUser | null) => (user && user.id !== selfId ? user : null);
  const at = userName.lastIndexOf("@");
  const variants = new Set([
    userName,
    userName.toLowerCase(),
    at < 0 ? userName : userName.slice(0, at) + userName.slice(at).toLowerCase(),
  ]);
  for (const variant of variants) {
    const found = other(await users.findOne(eq("userName", variant)));
    if (found) return { holder: found, complete: true };
  }
  for (const email of new Set([userName, userName.toLowerCase()])) {
    // Some providers refuse to filter on emails (SCIMMY does whenever a user has none): the scan still looks.
    const found = other(await users.findOne(eq("emails.value", email)).catch(skipRefusal));
    if (found) return { holder: found, complete: true };
  }
  let read = 0;
  for await (const user of users.search(undefined)) {
    if (user.id !== selfId && (same(user.userName, userName) || user.emails?.some((e) => same(e.value, userName)))) {
      return { holder: user, complete: true };
    }
    if (++read >= SCAN_BOUND) return { holder: null, complete: false };
  }
  return { holder: null, complete: true };
}

/**
 * SCIM's 409 does not name the existing user; the use-cases need it, and handle `email_taken`
 * alike for every LMS. When no holder turns up, the refusal names the userName and what to do.
 */
export async function uniquenessConflict(
  vendor: Vendor,
  users: ScimUsers,
  error: ConflictError,
  userName: string,
  name: (holder: ScimUser) => string,
  selfId?: string,
): Promise<ConflictError> {
  const { holder, complete } = await findHolder(users, userName, selfId);
  if (holder) {
    return new ConflictError({
      vendor,
      status: error.status,
      code: "email_taken",
      existingId: name(holder),
      detail: error.detail,
    });
  }
  const label = VENDOR_LABELS[vendor];
  const scope = complete ? "" : ` among the first ${SCAN_BOUND.toLocaleString("en-US")} accounts`;
  return new ConflictError({
    vendor,
    status: error.status,
    code: error.code,
    detail: error.detail,
    message:
      `${label} refuses the userName "${userName}" as taken, but no account with it (in any capitals) or with that email turned up${scope}. ` +
      `Ask the administrator of ${label} which account holds it, and rename that one or use another email.`,
  });
}
