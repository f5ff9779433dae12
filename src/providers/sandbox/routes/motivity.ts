import type { Learner, Member } from "../../records";
import { fail, noContent, ok, page, route, type Route } from "../router";
import { newId, type SandboxState } from "../state";
import { Checks, objectBody, texts } from "../validate";

/**
 * Motivity (providers.md § Motivity). Links point at Calmanac records, so the sandbox checks
 * them against its Calmanac: an unknown id is a 422, an id already linked elsewhere a 409.
 */
export function motivityRoutes(state: SandboxState): Route[] {
  const { members, learners, roles } = state.motivity;
  const { staff, clients } = state.calmanac;

  const findIn = <T>(map: Map<string, T>, id: string, what: string): T => {
    const found = map.get(id);
    if (!found) throw fail.notFound(what);
    return found;
  };

  /** Checks `calmanacId` for a record of `kind`, excluding `selfId` from the already-linked check. */
  const checkCalmanacId = (kind: "members" | "learners", calmanacId: unknown, selfId: string | undefined) => {
    const known = kind === "members" ? staff : clients;
    if (typeof calmanacId !== "string" || calmanacId === "") throw fail.invalid({ calmanacId: "is required" });
    if (!known.has(calmanacId)) {
      throw fail.invalid(
        { calmanacId: `is not a Calmanac ${kind === "members" ? "staff member" : "client"}` },
        "unknown_calmanac_id",
      );
    }
    const records: Array<Member | Learner> = [...(kind === "members" ? members : learners).values()];
    const holder = records.find((r) => r.calmanacId === calmanacId && r.id !== selfId);
    if (holder) throw fail.conflict("calmanac_id_linked", "This Calmanac record is linked to someone else.", holder.id);
  };

  const linkRoutes = (kind: "members" | "learners"): Route[] => {
    const map: Map<string, Member | Learner> = kind === "members" ? members : learners;
    const what = kind === "members" ? "member" : "learner";
    return [
      route("PUT", `/v1/${kind}/:id/calmanac-link`, ({ params, body }) => {
        const record = findIn(map, params[0] ?? "", what);
        const calmanacId = objectBody(body).calmanacId;
        checkCalmanacId(kind, calmanacId, record.id);
        map.set(record.id, { ...record, calmanacId: calmanacId as string });
        return noContent();
      }),
      route("DELETE", `/v1/${kind}/:id/calmanac-link`, ({ params }) => {
        const record = findIn(map, params[0] ?? "", what);
        map.set(record.id, { ...record, calmanacId: null });
        return noContent();
      }),
    ];
  };

  return [
    route("GET", "/v1/members", ({ query }) => ok(page([...members.values()], query))),
    route("GET", "/v1/learners", ({ query }) => ok(page([...learners.values()], query))),
    route("GET", "/v1/roles", () => ok({ data: roles })),
    ...linkRoutes("members"),
    ...linkRoutes("learners"),

    route("POST", "/v1/members", ({ body }) => {
      const input = objectBody(body);
      new Checks(input)
        .required("firstName", "lastName", "email", "roleId")
        .string("firstName", "lastName")
        .email("email")
        .done();
      if (!roles.some((r) => r.id === input.roleId)) throw fail.invalid({ roleId: "is not a Motivity role" });
      const email = (input.email as string).toLowerCase();
      const taken = [...members.values()].find((m) => m.email.toLowerCase() === email);
      if (taken) throw fail.conflict("email_taken", "A member has this email.", taken.id);
      checkCalmanacId("members", input.calmanacId, undefined);
      const member: Member = {
        id: newId("mv-member"),
        ...texts(input, "firstName", "lastName", "email", "roleId"),
        serviceAccount: false,
        calmanacId: input.calmanacId as string,
      };
      members.set(member.id, member);
      state.outbox.push({ vendor: "motivity", to: member.email, kind: "invitation" });
      return ok(member, 201);
    }),

    route("POST", "/v1/learners", ({ body }) => {
      const input = objectBody(body);
      new Checks(input)
        .required("firstName", "lastName")
        .string("firstName", "lastName", "alias")
        .date("birthDate")
        .done();
      checkCalmanacId("learners", input.calmanacId, undefined);
      const firstName = input.firstName as string;
      const lastName = input.lastName as string;
      const learner: Learner = {
        id: newId("mv-learner"),
        firstName,
        lastName,
        birthDate: (input.birthDate as string | undefined) ?? null,
        alias:
          typeof input.alias === "string" && input.alias !== ""
            ? input.alias
            : defaultAlias(firstName, lastName, learners.size),
        calmanacId: input.calmanacId as string,
      };
      learners.set(learner.id, learner);
      return ok(learner, 201);
    }),

    route("PATCH", "/v1/learners/:id", ({ params, body }) => {
      const learner = findIn(learners, params[0] ?? "", "learner");
      const input = objectBody(body);
      new Checks(input).required("alias").string("alias").done();
      const alias = (input.alias as string).trim();
      if (alias.length > MAX_ALIAS) throw fail.invalid({ alias: `must be ${MAX_ALIAS} characters or fewer` });
      const taken = [...learners.values()].find(
        (l) => l.id !== learner.id && l.alias.toLowerCase() === alias.toLowerCase(),
      );
      if (taken) throw fail.conflict("alias_taken", "Another learner has this alias.", taken.id);
      const changed: Learner = { ...learner, alias };
      learners.set(learner.id, changed);
      return ok(changed);
    }),
  ];
}

const MAX_ALIAS = 40;

/** Motivity's own aliases keep a learner's name out of sight: initials and a number. */
function defaultAlias(firstName: string, lastName: string, count: number): string {
  const initial = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").charAt(0).toUpperCase();
  return `${initial(firstName)}${initial(lastName)}-${String(count + 1).padStart(3, "0")}`;
}
