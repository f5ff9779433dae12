import type { CaregiverRecord } from "./types";

/**
 * An account deactivated from carebridge on purpose is held: syncs leave it deactivated, so a
 * sync never undoes a deliberate Deactivate. The hold ends when someone presses Reactivate, or
 * when the caregiver left Spectrum TeleTrack and came back — carebridge last recorded them
 * inactive there and they are active now — which is a return like any other: the next sync
 * reactivates the account. carebridge records a caregiver as inactive when a Deactivate or
 * Reactivate is pressed for them, and when a sync-all preview lists them.
 *
 * @param lastSeenStatus the caregiver's TeleTrack status as carebridge last recorded it
 */
export function holdStands(held: boolean, lastSeenStatus: string | null, status: CaregiverRecord["status"]): boolean {
  return held && !(lastSeenStatus === "inactive" && status === "active");
}
