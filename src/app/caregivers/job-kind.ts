import type { JobKind } from "../job-kinds";

export const CAREGIVER_SYNC_KIND = "caregiver-sync";

/** What a caregiver-sync job item carries: the TeleTrack id to re-read, and a name for reports. */
export interface SyncItemInput {
  caregiverId: string;
  name: string;
}

export const caregiverSyncKind: JobKind = {
  label: "Caregiver sync",
  action: "caregiver.sync-all",
  describeItem: (item) => {
    const input = (item.input ?? {}) as Partial<SyncItemInput>;
    return { "TeleTrack id": input.caregiverId ?? item.key, Name: input.name ?? "" };
  },
};
