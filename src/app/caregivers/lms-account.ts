import { changedFields } from "../../domain/caregivers/fields";
import { emailOfAnother, missingBirthDate } from "../../domain/caregivers/readiness";
import { FIELD_WORDS, type LmsFields, type SyncedField } from "../../domain/caregivers/types";
import { ConflictError, NotFoundError, UnavailableError, ValidationError } from "../../providers/http/errors";
import type { CaregiverLms, LmsUser } from "../../providers/roles";
import type { Problem } from "../result";

/**
 * Finding, creating and updating a caregiver's LMS account so that there is never a second one:
 * by the account carebridge linked, then by TeleTrack id (externalId), then by email — the last
 * through the LMS itself, which refuses a second account with an email (409 email_taken) and
 * names the one that has it. Creating first and looking up by email only on that refusal costs
 * one request less per new caregiver than looking up first, which is what sets the pace of a
 * bulk sync at the LMS's rate limit.
 */

export type Found = { user: LmsUser; via: "link" | "externalId" | "email" } | null;

/** The account the link points at (gone → as if unlinked), else the one with the TeleTrack id. */
export async function locate(lms: CaregiverLms, caregiverId: string, linkedUserId: string | undefined): Promise<Found> {
  if (linkedUserId !== undefined) {
    try {
      return { user: await lms.get(linkedUserId), via: "link" };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  const user = await lms.findByExternalId(caregiverId);
  return user && { user, via: "externalId" };
}

/**
 * locate(), else the account with the caregiver's email that no other caregiver has: the one a
 * sync would adopt. What the card shows and its buttons act on, so they never disagree.
 */
export async function locateOrSameEmail(
  lms: CaregiverLms,
  caregiver: { id: string; email: string | null },
  linkedUserId: string | undefined,
): Promise<Found> {
  const found = await locate(lms, caregiver.id, linkedUserId);
  if (found || caregiver.email === null) return found;
  const owner = await lms.findByEmail(caregiver.email);
  return owner && (owner.externalId === null || owner.externalId === caregiver.id)
    ? { user: owner, via: "email" }
    : null;
}

export type Refusal = { problems: Problem[] };

/** A 422 from the LMS as what staff fix in TeleTrack; birth_date_required reads like the readiness rule. */
export function refusalOf(error: ValidationError, state: string, lmsLabel: string): Refusal {
  if (error.code === "birth_date_required" || "birthDate" in error.fields) {
    return { problems: [{ field: "birthDate", message: missingBirthDate(state, lmsLabel) }] };
  }
  const names = Object.keys(error.fields);
  const words = names.map((n) => FIELD_WORDS[n as SyncedField] ?? n);
  const message =
    words.length > 0
      ? `${lmsLabel} refused the caregiver's ${words.join(" and ")}; correct ${words.length > 1 ? "them" : "it"} in Spectrum TeleTrack.`
      : `${error.message} Check the caregiver's profile in Spectrum TeleTrack.`;
  return { problems: [names[0] === undefined ? { message } : { field: names[0], message }] };
}

/**
 * Creates the account, or adopts the one the LMS says already has the email — unless that one
 * belongs to another TeleTrack caregiver (a shared family email): taking it over would unlink them.
 */
export async function createOrAdopt(
  lms: CaregiverLms,
  want: LmsFields,
  lmsLabel: string,
): Promise<{ user: LmsUser; outcome: "created" | "linked" } | Refusal> {
  try {
    return { user: await lms.create(want), outcome: "created" };
  } catch (error) {
    if (error instanceof UnavailableError && error.mayHaveApplied) {
      // The create may have been applied before its answer was lost (it is never resent): the
      // TeleTrack id tells. Unknown still when the look-up fails too; the next sync looks again.
      const made = await lms.findByExternalId(want.externalId).catch(() => null);
      if (made) return { user: made, outcome: "created" };
      throw error;
    }
    if (error instanceof ValidationError) return refusalOf(error, want.state, lmsLabel);
    if (!(error instanceof ConflictError) || error.code !== "email_taken") throw error;
    const owner = error.existingId === undefined ? await lms.findByEmail(want.email) : await lms.get(error.existingId);
    if (owner === null) throw error;
    if (owner.externalId !== null && owner.externalId !== want.externalId) {
      return { problems: [{ field: "email", message: emailOfAnother(lmsLabel) }] };
    }
    return { user: owner, outcome: "linked" };
  }
}

/** Brings the account in line with TeleTrack, sending only the fields that differ. */
export async function updateChanged(
  lms: CaregiverLms,
  user: LmsUser,
  want: LmsFields,
  lmsLabel: string,
): Promise<{ user: LmsUser; changed: SyncedField[] } | Refusal> {
  const { patch, changed } = changedFields(want, user);
  if (Object.keys(patch).length === 0) return { user, changed };
  try {
    return { user: await lms.update(user.id, patch), changed };
  } catch (error) {
    if (error instanceof ValidationError) return refusalOf(error, want.state, lmsLabel);
    if (error instanceof ConflictError && error.code === "email_taken") {
      return { problems: [{ field: "email", message: emailOfAnother(lmsLabel) }] };
    }
    throw error;
  }
}
