import type { AgencyUser } from "../../records";
import { fail, ok, page, route, type Route } from "../router";
import { newId, type SandboxState } from "../state";
import { Checks, objectBody } from "../validate";

const FLAGS = ["showOnCareCoordinatorList", "showOnSupervisorList", "lmsManager", "sendToActivatedInsights"] as const;

/** Caresmartz360 (providers.md § Caresmartz360). Usernames are unique regardless of case. */
export function caresmartzRoutes(state: SandboxState): Route[] {
  const { offices, roles, agencyUsers } = state.caresmartz;

  return [
    route("GET", "/v1/offices", () => ok({ data: offices })),
    route("GET", "/v1/roles", () => ok({ data: roles })),

    route("GET", "/v1/agency-users", ({ query }) => {
      const username = query.get("username")?.toLowerCase();
      const officeId = query.get("officeId");
      const items = [...agencyUsers.values()].filter(
        (u) => (username === undefined || u.username.toLowerCase() === username) && (officeId === null || u.officeId === officeId),
      );
      return ok(page(items, query));
    }),

    route("POST", "/v1/agency-users", ({ body }) => {
      const input = objectBody(body);
      new Checks(input)
        .required("username", "roleId", "officeId", "firstName", "lastName", "businessEmail")
        .string("username", "firstName", "lastName")
        .email("businessEmail")
        .phone("mobilePhone")
        .boolean(...FLAGS)
        .oneOf("status", ["active", "inactive"])
        .done();
      if (!offices.some((o) => o.id === input.officeId)) throw fail.invalid({ officeId: "is not an office of this agency" });
      if (!roles.some((r) => r.id === input.roleId)) throw fail.invalid({ roleId: "is not a role of this agency" });
      const username = input.username as string;
      const taken = [...agencyUsers.values()].find((u) => u.username.toLowerCase() === username.toLowerCase());
      if (taken) throw fail.conflict("username_taken", "This username is taken.", taken.id);
      const user: AgencyUser = {
        id: newId("cs-user"),
        username,
        roleId: input.roleId as string,
        officeId: input.officeId as string,
        firstName: input.firstName as string,
        lastName: input.lastName as string,
        businessEmail: input.businessEmail as string,
        mobilePhone: (input.mobilePhone as string | undefined) ?? null,
        showOnCareCoordinatorList: input.showOnCareCoordinatorList === true,
        showOnSupervisorList: input.showOnSupervisorList === true,
        lmsManager: input.lmsManager === true,
        sendToActivatedInsights: input.sendToActivatedInsights === true,
        status: (input.status as AgencyUser["status"] | undefined) ?? "active",
      };
      agencyUsers.set(user.id, user);
      state.outbox.push({ vendor: "caresmartz", to: user.businessEmail, kind: "registration" });
      return ok(user, 201);
    }),
  ];
}
