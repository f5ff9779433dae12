import { adminSessionSchema, lmsUserSchema } from "../records";
import { seg, type JsonApi } from "../http/json-api";
import type { AdminSession, CaregiverLms, LmsUser, LmsUserPatch, NewLmsUser } from "../roles";

/** CareAcademy, the caregivers' training LMS (providers.md § CareAcademy). */
export class CareAcademyLms implements CaregiverLms {
  readonly capabilities = { adminSso: true };

  constructor(private readonly api: JsonApi) {}

  findByExternalId(externalId: string): Promise<LmsUser | null> {
    return this.api.first("/v1/users", lmsUserSchema, { externalId });
  }

  findByEmail(email: string): Promise<LmsUser | null> {
    return this.api.first("/v1/users", lmsUserSchema, { email });
  }

  get(id: string): Promise<LmsUser> {
    return this.api.call({ method: "GET", path: `/v1/users/${seg(id)}` }, lmsUserSchema);
  }

  create(user: NewLmsUser): Promise<LmsUser> {
    return this.api.call({ method: "POST", path: "/v1/users", json: user }, lmsUserSchema);
  }

  update(id: string, patch: LmsUserPatch): Promise<LmsUser> {
    return this.api.call({ method: "PATCH", path: `/v1/users/${seg(id)}`, json: patch }, lmsUserSchema);
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
    return this.api.call({ method: "POST", path: `/v1/users/${seg(id)}/${action}`, idempotent: true }, lmsUserSchema);
  }
}
