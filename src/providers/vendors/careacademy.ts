import { adminSessionSchema, lmsUserSchema } from "../records";
import type { JsonApi } from "../http/json-api";
import { JsonCollection } from "../http/json-collection";
import type { AdminSession, CaregiverLms, LmsUser, LmsUserPatch, NewLmsUser } from "../roles";

/** CareAcademy, the caregivers' training LMS (providers.md § CareAcademy). */
export class CareAcademyLms implements CaregiverLms {
  readonly capabilities = { adminSso: true };
  private readonly users: JsonCollection<typeof lmsUserSchema>;

  constructor(private readonly api: JsonApi) {
    this.users = new JsonCollection(api, "/v1/users", lmsUserSchema);
  }

  findByExternalId(externalId: string): Promise<LmsUser | null> {
    return this.users.first({ externalId });
  }

  findByEmail(email: string): Promise<LmsUser | null> {
    return this.users.first({ email });
  }

  get(id: string): Promise<LmsUser> {
    return this.users.get(id);
  }

  create(user: NewLmsUser): Promise<LmsUser> {
    return this.users.create(user);
  }

  update(id: string, patch: LmsUserPatch): Promise<LmsUser> {
    return this.users.patch(id, patch);
  }

  activate(id: string): Promise<LmsUser> {
    return this.transition(id, "activate");
  }

  deactivate(id: string): Promise<LmsUser> {
    return this.transition(id, "deactivate");
  }

  reactivate(id: string): Promise<LmsUser> {
    return this.transition(id, "reactivate");
  }

  createAdminSession(adminEmail: string): Promise<AdminSession> {
    // Not idempotent in effect (each call mints a link), but a lost link is harmless: retry freely.
    return this.api.call(
      { method: "POST", path: "/v1/sso/admin-sessions", json: { email: adminEmail }, idempotent: true },
      adminSessionSchema,
    );
  }

  private transition(id: string, action: "activate" | "deactivate" | "reactivate"): Promise<LmsUser> {
    // Each sets a status, so sending it twice leaves the same state: safe to retry.
    return this.api.call({ method: "POST", path: `${this.users.at(id)}/${action}`, idempotent: true }, lmsUserSchema);
  }
}
