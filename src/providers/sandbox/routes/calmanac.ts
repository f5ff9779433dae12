import { ok, page, route, type Route } from "../router";
import type { SandboxState } from "../state";

/** Calmanac (providers.md § Calmanac): read-only lists. */
export function calmanacRoutes(state: SandboxState): Route[] {
  return [
    route("GET", "/v1/staff", ({ query }) => ok(page([...state.calmanac.staff.values()], query))),
    route("GET", "/v1/clients", ({ query }) => ok(page([...state.calmanac.clients.values()], query))),
  ];
}
