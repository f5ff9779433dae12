import { ConflictError } from "../http/errors";
import type { AdminSession, CaregiverLms, LmsUser, LmsUserPatch, NewLmsUser } from "../roles";
import { ScimAdapter } from "./adapter";
import { eq, primaryValue, type ScimUser } from "./schema";
import type { PatchOperation } from "./users";

/**
 * Any SCIM 2.0 service provider playing the caregivers' LMS. userName is the email. SCIM has no
 * birth date or training due date attribute: birthDate is not sent and both read back as null.
 * email, mobilePhone and state replace the whole emails / phoneNumbers / addresses attribute.
 */
export class ScimCaregiverLms extends ScimAdapter<LmsUser> implements CaregiverLms {
  readonly capabilities = { adminSso: false };

  protected read(user: ScimUser): LmsUser {
    return toLmsUser(user);
  }

  findByExternalId(externalId: string): Promise<LmsUser | null> {
    return this.findOne(eq("externalId", externalId));
  }

  findByEmail(email: string): Promise<LmsUser | null> {
    return this.findOne(eq("userName", email));
  }

  async get(id: string): Promise<LmsUser> {
    return toLmsUser(await this.users.get(id));
  }

  async create(user: NewLmsUser): Promise<LmsUser> {
    try {
      return toLmsUser(await this.users.create({ externalId: user.externalId, active: true, ...attributes(user) }));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      throw await this.emailConflict(error, user.email, undefined);
    }
  }

  async update(id: string, patch: LmsUserPatch): Promise<LmsUser> {
    const { externalId, ...rest } = patch;
    const value = { ...(externalId === undefined ? {} : { externalId }), ...attributes(rest) };
    try {
      return toLmsUser(await this.users.patch(id, [{ op: "replace", value }]));
    } catch (error) {
      // A 412 that persisted is not about the email; a 409 on a new email (userName) is.
      if (patch.email === undefined || !(error instanceof ConflictError) || error.status !== 409) throw error;
      throw await this.emailConflict(error, patch.email, id);
    }
  }

  activate(id: string): Promise<LmsUser> {
    return this.setActive(id, true);
  }

  deactivate(id: string): Promise<LmsUser> {
    return this.setActive(id, false);
  }

  reactivate(id: string): Promise<LmsUser> {
    return this.setActive(id, true);
  }

  createAdminSession(): Promise<AdminSession> {
    return this.unsupported("Single sign-on is not available through SCIM; sign in to the training system directly.");
  }

  private emailConflict(error: ConflictError, email: string, selfId: string | undefined): Promise<ConflictError> {
    return this.conflict(error, email, (holder) => holder.id, selfId);
  }

  private async setActive(id: string, active: boolean): Promise<LmsUser> {
    const operation: PatchOperation = { op: "replace", path: "active", value: active };
    return toLmsUser(await this.users.patch(id, [operation]));
  }
}

function attributes(user: Omit<LmsUserPatch, "externalId">): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (user.firstName !== undefined || user.lastName !== undefined) {
    out.name = { givenName: user.firstName, familyName: user.lastName };
  }
  if (user.email !== undefined) {
    out.userName = user.email;
    out.emails = [{ value: user.email, type: "work", primary: true }];
  }
  if (user.mobilePhone !== undefined) {
    out.phoneNumbers = user.mobilePhone === null ? [] : [{ value: user.mobilePhone, type: "mobile" }];
  }
  if (user.state !== undefined) out.addresses = [{ type: "work", region: user.state }];
  return out;
}

function toLmsUser(user: ScimUser): LmsUser {
  return {
    id: user.id,
    externalId: user.externalId ?? null,
    firstName: user.name?.givenName ?? "",
    lastName: user.name?.familyName ?? "",
    email: primaryValue(user.emails) ?? user.userName,
    mobilePhone: user.phoneNumbers?.find((p) => p.type === "mobile")?.value ?? null,
    birthDate: null,
    state: (user.addresses?.find((a) => a.type === "work") ?? user.addresses?.[0])?.region ?? "",
    status: user.active === false ? "deactivated" : "active",
    trainingDueDate: null,
  };
}
