import { caregiverSchema } from "../records";
import type { JsonApi } from "../http/json-api";
import { JsonCollection } from "../http/json-collection";
import type { Caregiver, CaregiverPatch, CaregiverSource } from "../roles";

/** Spectrum TeleTrack, the source of caregivers (providers.md § Spectrum TeleTrack). */
export class TeleTrackCaregiverSource implements CaregiverSource {
  private readonly caregivers: JsonCollection<typeof caregiverSchema>;

  constructor(private readonly api: JsonApi) {
    this.caregivers = new JsonCollection(api, "/v1/caregivers", caregiverSchema);
  }

  search(text: string): AsyncIterable<Caregiver> {
    return this.caregivers.list({ search: text });
  }

  listCaregivers(options: { updatedSince?: string } = {}): AsyncIterable<Caregiver> {
    return this.caregivers.list({ updatedSince: options.updatedSince });
  }

  get(id: string): Promise<Caregiver> {
    return this.caregivers.get(id);
  }

  update(id: string, patch: CaregiverPatch): Promise<Caregiver> {
    return this.caregivers.patch(id, patch);
  }

  linkLmsUser(caregiverId: string, userId: string): Promise<void> {
    return this.api.callNoContent({
      method: "PUT",
      path: `${this.caregivers.at(caregiverId)}/careacademy-link`,
      json: { userId },
    });
  }
}
