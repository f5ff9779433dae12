import { agencyUserSchema, namedListSchema } from "../records";
import type { JsonApi } from "../http/json-api";
import { JsonCollection } from "../http/json-collection";
import type { AgencyUser, NewAgencyUser, Office, Role, StaffDirectory } from "../roles";

/** Caresmartz360, the directory of office staff (providers.md § Caresmartz360). */
export class CaresmartzDirectory implements StaffDirectory {
  private readonly agencyUsers: JsonCollection<typeof agencyUserSchema>;

  constructor(private readonly api: JsonApi) {
    this.agencyUsers = new JsonCollection(api, "/v1/agency-users", agencyUserSchema);
  }

  async listOffices(): Promise<Office[]> {
    return (await this.api.call({ method: "GET", path: "/v1/offices" }, namedListSchema)).data;
  }

  async listRoles(): Promise<Role[]> {
    return (await this.api.call({ method: "GET", path: "/v1/roles" }, namedListSchema)).data;
  }

  findByUsername(username: string): Promise<AgencyUser | null> {
    return this.agencyUsers.first({ username });
  }

  listByOffice(officeId: string): AsyncIterable<AgencyUser> {
    return this.agencyUsers.list({ officeId });
  }

  create(user: NewAgencyUser): Promise<AgencyUser> {
    return this.agencyUsers.create(user);
  }
}
