import { randomInt } from "node:crypto";
import type { LmsUser } from "../../records";
import { fail, ok, page, route, type Route } from "../router";
import { newId, type SandboxState } from "../state";
import { Checks, isDate, objectBody } from "../validate";

/** How long an admin sign-in link works (once). */
export const SSO_LINK_MS = 10 * 60_000;

const FIELDS = ["externalId", "firstName", "lastName", "email", "mobilePhone", "birthDate", "state"] as const;

/**
 * CareAcademy (providers.md § CareAcademy). A caregiver in a state of `birthDateStates` cannot
 * be created or moved there without a birth date (422 birth_date_required).
 */
export function careAcademyRoutes(state: SandboxState, birthDateStates: readonly string[]): Route[] {
  const { users, ssoSessions } = state.careacademy;
  const find = (id: string): LmsUser => {
    const found = users.get(id);
    if (!found) throw fail.notFound("user");
    return found;
  };
  const emailOwner = (email: string) => [...users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());

  const check = (user: Record<string, unknown>, id: string | undefined) => {
    new Checks(user)
      .string("externalId", "firstName", "lastName")
      .email("email")
      .phone("mobilePhone")
      .date("birthDate")
      .done();
    if (typeof user.state === "string" && !/^[A-Z]{2}$/.test(user.state)) throw fail.invalid({ state: "must be a two-letter state code" });
    if (typeof user.state === "string" && birthDateStates.includes(user.state) && !user.birthDate) {
      throw fail.invalid({ birthDate: `is required for caregivers in ${user.state}` }, "birth_date_required");
    }
    const owner = typeof user.email === "string" ? emailOwner(user.email) : undefined;
    if (owner && owner.id !== id) throw fail.conflict("email_taken", "Another user has this email.", owner.id);
  };

  const transition = (action: string, status: LmsUser["status"]) =>
    route("POST", `/v1/users/:id/${action}`, ({ params }) => {
      const next = { ...find(params[0] ?? ""), status };
      users.set(next.id, next);
      return ok(next);
    });

  return [
    route("GET", "/v1/users", ({ query }) => {
      const email = query.get("email")?.toLowerCase();
      const externalId = query.get("externalId");
      const items = [...users.values()].filter(
        (u) => (email === undefined || u.email.toLowerCase() === email) && (externalId === null || u.externalId === externalId),
      );
      return ok(page(items, query));
    }),

    route("GET", "/v1/users/:id", ({ params }) => ok(find(params[0] ?? ""))),

    route("POST", "/v1/users", ({ body }) => {
      const input = objectBody(body);
      new Checks(input).required("externalId", "firstName", "lastName", "email", "state").done();
      check(input, undefined);
      const user: LmsUser = {
        id: newId("ca-user"),
        externalId: input.externalId as string,
        firstName: input.firstName as string,
        lastName: input.lastName as string,
        email: input.email as string,
        mobilePhone: (input.mobilePhone as string | undefined) ?? null,
        birthDate: (input.birthDate as string | undefined) ?? null,
        state: input.state as string,
        status: "active",
        trainingDueDate: trainingDueDate((input.birthDate as string | undefined) ?? null, new Date()),
      };
      users.set(user.id, user);
      return ok(user, 201);
    }),

    route("PATCH", "/v1/users/:id", ({ params, body }) => {
      const user = find(params[0] ?? "");
      const patch = Object.fromEntries(Object.entries(objectBody(body)).filter(([k]) => (FIELDS as readonly string[]).includes(k)));
      const next = { ...user, ...patch } as LmsUser;
      check(next, user.id);
      next.trainingDueDate = next.birthDate === user.birthDate ? user.trainingDueDate : trainingDueDate(next.birthDate, new Date());
      users.set(next.id, next);
      return ok(next);
    }),

    transition("activate", "active"),
    transition("deactivate", "deactivated"),
    transition("reactivate", "active"),

    route("POST", "/v1/sso/admin-sessions", ({ body, baseUrl }) => {
      const input = objectBody(body);
      new Checks(input).required("email").email("email").done();
      // Unguessable, like a real one-time link: it signs its holder in.
      const token = `sso-${randomInt(1e9, 1e10)}${randomInt(1e9, 1e10)}`;
      const expiresAt = new Date(Date.now() + SSO_LINK_MS).toISOString();
      ssoSessions.set(token, { email: input.email as string, expiresAt, usedAt: null });
      return ok({ url: `${baseUrl}/sso/${token}`, expiresAt }, 201);
    }),

    // The contract's one-time link: the first open before expiresAt signs in; any other is refused.
    route(
      "GET",
      "/sso/:token",
      ({ params }) => {
        const session = ssoSessions.get(params[0] ?? "");
        const refused = (why: string) => ({
          status: 410,
          contentType: "text/html; charset=utf-8",
          body: `<!doctype html><title>CareAcademy (sandbox)</title><h1>CareAcademy — sandbox</h1><p>${why} Ask carebridge for a new one.</p>`,
        });
        if (!session) return { ...refused("This sign-in link is not valid."), status: 404 };
        if (session.usedAt !== null) return refused("This sign-in link was already used; it works once.");
        if (Date.now() >= Date.parse(session.expiresAt)) return refused("This sign-in link has expired.");
        session.usedAt = new Date().toISOString();
        return {
          status: 200,
          contentType: "text/html; charset=utf-8",
          body: "<!doctype html><title>CareAcademy (sandbox)</title><h1>CareAcademy — sandbox</h1><p>Signed in as an administrator. This is demo data, not a real CareAcademy account.</p>",
        };
      },
      { public: true },
    ),
  ];
}

/** The annual training is due on the caregiver's next birthday; without a birth date, a year from now. */
function trainingDueDate(birthDate: string | null, today: Date): string {
  const year = today.getUTCFullYear();
  if (birthDate === null) return `${year + 1}${today.toISOString().slice(4, 10)}`;
  const monthDay = birthDate.slice(4, 10);
  // A 29 February birthday falls due on 1 March in other years.
  const due = (y: number) => (isDate(`${y}${monthDay}`) ? `${y}${monthDay}` : `${y}-03-01`);
  return due(year) > today.toISOString().slice(0, 10) ? due(year) : due(year + 1);
}
