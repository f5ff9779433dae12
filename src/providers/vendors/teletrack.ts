import { caregiverSchema } from "../records";
import { seg, type JsonApi } from "../http/json-api";
import type { Caregiver, CaregiverPatch, CaregiverSource } from "../roles";

/** Spectrum TeleTrack, the source of caregivers (providers.md § Spectrum TeleTrack). */
export class TeleTrackCaregiverSource implements CaregiverSource {
  constructor(private readonly api: JsonApi) {}

  search(text: string): AsyncIterable<Caregiver> {
    return this.api.list("/v1/caregivers", caregiverSchema, { search: text });
  }

  listCaregivers(options: { updatedSince?: string } = {}): AsyncIterable<Caregiver> {
    return this.api.list("/v1/caregivers", caregiverSchema, { updatedSince: options.updatedSince });
  }

  get(id: string): Promise<Caregiver> {
    return this.api.call({ method: "GET", path: `/v1/caregivers/${seg(id)}` }, caregiverSchema);
  }

  update(id: string, patch: CaregiverPatch): Promise<Caregiver> {
    return this.api.call({ method: "PATCH", path: `/v1/caregivers/${seg(id)}`, json: patch }, caregiverSchema);
  }

  linkLmsUser(caregiverId: string, userId: string): Promise<void> {
    return this.api.callNoContent({
      method: "PUT",
      path: `/v1/caregivers/${seg(caregiverId)}/careacademy-link`,
      json: { userId },
    });
  }
}
