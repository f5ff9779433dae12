import { agencyUserSchema, namedListSchema } from "../records";
import type { JsonApi } from "../http/json-api";
import type { AgencyUser, NewAgencyUser, Office, Role, StaffDirectory } from "../roles";

/** Caresmartz360, the directory of office staff (providers.md § Caresmartz360). */
export class CaresmartzDirectory implements StaffDirectory {
  constructor(private readonly api: JsonApi) {}

  async listOffices(): Promise<Office[]> {
    return (await this.api.call({ method: "GET", path: "/v1/offices" }, namedListSchema)).data;
  }

  async listRoles(): Promise<Role[]> {
    return (await this.api.call({ method: "GET", path: "/v1/roles" }, namedListSchema)).data;
  }

  findByUsername(username: string): Promise<AgencyUser | null> {
    return this.api.first("/v1/agency-users", agencyUserSchema, { username });
  }

  listByOffice(officeId: string): AsyncIterable<AgencyUser> {
    return this.api.list("/v1/agency-users", agencyUserSchema, { officeId });
  }

  create(user: NewAgencyUser): Promise<AgencyUser> {
    return this.api.call({ method: "POST", path: "/v1/agency-users", json: user }, agencyUserSchema);
  }
}
