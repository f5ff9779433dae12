import { ConflictError, NotFoundError } from "../http/errors";
import type {
  CacwtLearner,
  CacwtLearnerPatch,
  ImportStatus,
  LearnerFilter,
  LearnerLms,
  NewCacwtLearner,
} from "../roles";
import { ScimAdapter } from "./adapter";
import { ENTERPRISE_SCHEMA, eq, primaryValue, type ScimUser } from "./schema";
import type { PatchOperation } from "./users";

/**
 * Any SCIM 2.0 service provider playing the learners' LMS. userId is the SCIM userName;
 * affiliation and organizationName are the enterprise extension's organization and division,
 * employeeType is userType, the training-manager and supervisor flags are roles, status is
 * `active`, and the temporary password is `password`. SCIM has no hire date: dateHire reads as
 * the account's creation date (meta.created), which is what CACWT asks for community partners.
 */
export class ScimLearnerLms extends ScimAdapter<CacwtLearner> implements LearnerLms {
  readonly capabilities = { csvImport: false };

  protected read(user: ScimUser): CacwtLearner {
    return toLearner(user);
  }

  findByEmail(email: string): Promise<CacwtLearner | null> {
    return this.findByUserId(email);
  }

  findByUserId(userId: string): Promise<CacwtLearner | null> {
    return this.findOne(eq("userName", userId));
  }

  async *list(filter: LearnerFilter): AsyncGenerator<CacwtLearner, void, undefined> {
    const parts = [
      filter.affiliation === undefined ? undefined : eq(`${ENTERPRISE_SCHEMA}:organization`, filter.affiliation),
      filter.status === undefined ? undefined : `active eq ${filter.status === "Active"}`,
      filter.emailDomain === undefined ? undefined : `userName ew ${JSON.stringify(`@${filter.emailDomain}`)}`,
    ].filter((p) => p !== undefined);
    for await (const user of this.users.search(parts.length > 0 ? parts.join(" and ") : undefined)) {
      yield toLearner(user);
    }
  }

  async create(learner: NewCacwtLearner): Promise<CacwtLearner> {
    const userName = learner.userId ?? learner.email;
    try {
      const user = await this.users.create({ userName, password: learner.temporaryPassword, ...attributes(learner) });
      return toLearner(user);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      throw await this.conflict(error, userName, (holder) => holder.userName);
    }
  }

  async update(userId: string, patch: CacwtLearnerPatch): Promise<CacwtLearner> {
    const user = await this.users.findOne(eq("userName", userId));
    if (!user) throw new NotFoundError({ vendor: this.vendor, code: "learner_not_found" });
    const updated = await this.users.patch(user.id, operations(patch, user));
    return toLearner(updated);
  }

  startImport(): Promise<string> {
    return this.noImport();
  }

  getImport(): Promise<ImportStatus> {
    return this.noImport();
  }

  private noImport(): Promise<never> {
    return this.unsupported("CSV import is not available through SCIM; add or update the learners one at a time.");
  }
}

const OUR_ROLES = ["trainingManager", "supervisor"];

/**
 * The PATCH for the learner fields present. A path-less replace leaves unnamed sub-attributes
 * of `name` and the enterprise extension as they are (RFC 7644 §3.5.2.3), but replaces all of
 * `roles`, so the roles carebridge does not manage are carried over from `current`.
 */
function operations(patch: CacwtLearnerPatch, current?: ScimUser): PatchOperation[] {
  const ops: PatchOperation[] = [{ op: "replace", value: attributes(patch, current) }];
  if (patch.organizationName === null) ops.push({ op: "remove", path: `${ENTERPRISE_SCHEMA}:division` });
  return ops;
}

function attributes(learner: CacwtLearnerPatch, current?: ScimUser): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (learner.firstName !== undefined || learner.lastName !== undefined) {
    out.name = { givenName: learner.firstName, familyName: learner.lastName };
  }
  if (learner.email !== undefined) out.emails = [{ value: learner.email, type: "work", primary: true }];
  if (learner.status !== undefined) out.active = learner.status === "Active";
  if (learner.employeeType !== undefined) out.userType = learner.employeeType;
  if (learner.affiliation !== undefined || typeof learner.organizationName === "string") {
    out[ENTERPRISE_SCHEMA] = { organization: learner.affiliation, division: learner.organizationName ?? undefined };
  }
  if (learner.trainingManager !== undefined || learner.supervisor !== undefined) {
    const had = (role: string) => current?.roles?.some((r) => r.value === role) ?? false;
    const flags = {
      trainingManager: learner.trainingManager ?? had("trainingManager"),
      supervisor: learner.supervisor ?? had("supervisor"),
    };
    const others = (current?.roles ?? []).filter((r) => !OUR_ROLES.includes(r.value ?? ""));
    out.roles = [...others, ...OUR_ROLES.filter((r) => flags[r as keyof typeof flags]).map((value) => ({ value }))];
  }
  return out;
}

function toLearner(user: ScimUser): CacwtLearner {
  const enterprise = user[ENTERPRISE_SCHEMA];
  const hasRole = (role: string) => user.roles?.some((r) => r.value === role) ?? false;
  return {
    userId: user.userName,
    firstName: user.name?.givenName ?? "",
    lastName: user.name?.familyName ?? "",
    email: primaryValue(user.emails) ?? user.userName,
    status: user.active === false ? "Archived" : "Active",
    affiliation: enterprise?.organization ?? "",
    organizationName: enterprise?.division ?? null,
    employeeType: user.userType ?? "",
    dateHire: user.meta?.created?.slice(0, 10) ?? "",
    trainingManager: hasRole("trainingManager"),
    supervisor: hasRole("supervisor"),
  };
}
