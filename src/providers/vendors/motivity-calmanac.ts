import { calmanacClientSchema, calmanacStaffSchema, learnerSchema, memberSchema, namedListSchema } from "../records";
import { seg, type JsonApi } from "../http/json-api";
import type {
  CalmanacClient,
  CalmanacStaff,
  Learner,
  LinkingPair,
  Member,
  NewLearner,
  NewMember,
  Role,
} from "../roles";

/**
 * Motivity (members, learners, roles, links) paired with Calmanac (staff, clients)
 * (providers.md § Motivity, § Calmanac). Links live in Motivity.
 */
export class MotivityCalmanacPair implements LinkingPair {
  constructor(
    private readonly motivity: JsonApi,
    private readonly calmanac: JsonApi,
  ) {}

  listMembers(): AsyncIterable<Member> {
    return this.motivity.list("/v1/members", memberSchema);
  }

  listLearners(): AsyncIterable<Learner> {
    return this.motivity.list("/v1/learners", learnerSchema);
  }

  async listRoles(): Promise<Role[]> {
    return (await this.motivity.call({ method: "GET", path: "/v1/roles" }, namedListSchema)).data;
  }

  listStaff(): AsyncIterable<CalmanacStaff> {
    return this.calmanac.list("/v1/staff", calmanacStaffSchema);
  }

  listClients(): AsyncIterable<CalmanacClient> {
    return this.calmanac.list("/v1/clients", calmanacClientSchema);
  }

  linkMember(memberId: string, calmanacId: string): Promise<void> {
    return this.link("members", memberId, calmanacId);
  }

  unlinkMember(memberId: string): Promise<void> {
    return this.unlink("members", memberId);
  }

  linkLearner(learnerId: string, calmanacId: string): Promise<void> {
    return this.link("learners", learnerId, calmanacId);
  }

  unlinkLearner(learnerId: string): Promise<void> {
    return this.unlink("learners", learnerId);
  }

  createMember(member: NewMember): Promise<Member> {
    return this.motivity.call({ method: "POST", path: "/v1/members", json: member }, memberSchema);
  }

  createLearner(learner: NewLearner): Promise<Learner> {
    return this.motivity.call({ method: "POST", path: "/v1/learners", json: learner }, learnerSchema);
  }

  setLearnerAlias(learnerId: string, alias: string): Promise<Learner> {
    return this.motivity.call(
      { method: "PATCH", path: `/v1/learners/${seg(learnerId)}`, json: { alias } },
      learnerSchema,
    );
  }

  private link(kind: "members" | "learners", id: string, calmanacId: string): Promise<void> {
    return this.motivity.callNoContent({
      method: "PUT",
      path: `/v1/${kind}/${seg(id)}/calmanac-link`,
      json: { calmanacId },
    });
  }

  private unlink(kind: "members" | "learners", id: string): Promise<void> {
    return this.motivity.callNoContent({ method: "DELETE", path: `/v1/${kind}/${seg(id)}/calmanac-link` });
  }
}
