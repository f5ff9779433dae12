import type { Caregiver } from "../../records";
import { fail, noContent, ok, page, route, type Route } from "../router";
import type { SandboxState } from "../state";
import { Checks, fold, objectBody } from "../validate";

/** Spectrum TeleTrack (providers.md § Spectrum TeleTrack). */
export function teletrackRoutes(state: SandboxState): Route[] {
  const { caregivers, lmsLinks } = state.teletrack;
  const find = (id: string): Caregiver => {
    const found = caregivers.get(id);
    if (!found) throw fail.notFound("caregiver");
    return found;
  };

  return [
    route("GET", "/v1/caregivers", ({ query }) => {
      const search = query.get("search");
      const updatedSince = query.get("updatedSince");
      const since = updatedSince === null ? undefined : Date.parse(updatedSince);
      if (Number.isNaN(since))
        throw fail.badRequest("invalid_updated_since", "updatedSince must be an ISO 8601 timestamp.");
      const needle = search === null ? undefined : fold(search.trim());
      const items = [...caregivers.values()].filter(
        (c) =>
          (needle === undefined ||
            fold(`${c.firstName} ${c.lastName} ${c.lastName}, ${c.firstName} ${c.email ?? ""} ${c.id}`).includes(
              needle,
            )) &&
          (since === undefined || Date.parse(c.updatedAt) >= since),
      );
      return ok(page(items, query));
    }),

    route("GET", "/v1/caregivers/:id", ({ params }) => ok(find(params[0] ?? ""))),

    route("PATCH", "/v1/caregivers/:id", ({ params, body }) => {
      const caregiver = find(params[0] ?? "");
      const patch = objectBody(body);
      new Checks(patch).email("email").phone("mobilePhone").date("birthDate").done();
      const next: Caregiver = { ...caregiver, updatedAt: new Date().toISOString() };
      if (typeof patch.email === "string") next.email = patch.email;
      if (typeof patch.mobilePhone === "string") next.mobilePhone = patch.mobilePhone;
      if (typeof patch.birthDate === "string") next.birthDate = patch.birthDate;
      caregivers.set(next.id, next);
      return ok(next);
    }),

    route("PUT", "/v1/caregivers/:id/careacademy-link", ({ params, body }) => {
      const caregiver = find(params[0] ?? "");
      const link = objectBody(body);
      new Checks(link).required("userId").string("userId").done();
      lmsLinks.set(caregiver.id, link.userId as string);
      return noContent();
    }),
  ];
}
