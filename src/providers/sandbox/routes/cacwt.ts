import type { CacwtLearner } from "../../records";
import { fail, ok, page, route, type Route } from "../router";
import { newId, type SandboxState } from "../state";
import { Checks, objectBody } from "../validate";
import { runImport } from "./cacwt-import";

const EDITABLE = [
  "firstName",
  "lastName",
  "email",
  "status",
  "affiliation",
  "organizationName",
  "employeeType",
  "dateHire",
  "trainingManager",
  "supervisor",
] as const;

/** CACWT (providers.md § CACWT). Learners are keyed by userId; emails are unique regardless of case. */
export function cacwtRoutes(state: SandboxState): Route[] {
  const { learners, passwords, imports } = state.cacwt;

  const check = (input: Record<string, unknown>) =>
    new Checks(input)
      .string("firstName", "lastName", "affiliation", "employeeType", "organizationName")
      .email("email")
      .date("dateHire")
      .boolean("trainingManager", "supervisor")
      .oneOf("status", ["Active", "Archived"]);

  const emailOwner = (email: string) => [...learners.values()].find((l) => l.email.toLowerCase() === email.toLowerCase());

  return [
    route("GET", "/v1/learners", ({ query }) => {
      const email = query.get("email")?.toLowerCase();
      const userId = query.get("userId");
      const affiliation = query.get("affiliation");
      const status = query.get("status");
      const domain = query.get("emailDomain")?.toLowerCase().replace(/^@/, "");
      const items = [...learners.values()].filter(
        (l) =>
          (email === undefined || l.email.toLowerCase() === email) &&
          (userId === null || l.userId === userId) &&
          (affiliation === null || l.affiliation === affiliation) &&
          (status === null || l.status === status) &&
          (domain === undefined || l.email.toLowerCase().endsWith(`@${domain}`)),
      );
      return ok(page(items, query));
    }),

    route("POST", "/v1/learners", ({ body }) => {
      const input = objectBody(body);
      check(input)
        .required("firstName", "lastName", "email", "affiliation", "employeeType", "dateHire", "temporaryPassword")
        .string("temporaryPassword", "userId")
        .done();
      const userId = typeof input.userId === "string" && input.userId !== "" ? input.userId : (input.email as string);
      const taken = emailOwner(input.email as string) ?? learners.get(userId);
      if (taken) throw fail.conflict("email_taken", "A learner has this email.", taken.userId);
      const learner: CacwtLearner = {
        userId,
        firstName: input.firstName as string,
        lastName: input.lastName as string,
        email: input.email as string,
        status: (input.status as CacwtLearner["status"] | undefined) ?? "Active",
        affiliation: input.affiliation as string,
        organizationName: (input.organizationName as string | undefined) ?? null,
        employeeType: input.employeeType as string,
        dateHire: input.dateHire as string,
        trainingManager: input.trainingManager === true,
        supervisor: input.supervisor === true,
      };
      learners.set(userId, learner);
      passwords.set(userId, input.temporaryPassword as string);
      state.outbox.push({ vendor: "cacwt", to: learner.email, kind: "temporary_password" });
      return ok(learner, 201);
    }),

    route("PATCH", "/v1/learners/:userId", ({ params, body }) => {
      const learner = learners.get(params[0] ?? "");
      if (!learner) throw fail.notFound("learner");
      const patch = objectBody(body);
      check(patch).done();
      const owner = typeof patch.email === "string" ? emailOwner(patch.email) : undefined;
      if (owner && owner.userId !== learner.userId) throw fail.conflict("email_taken", "A learner has this email.", owner.userId);
      const changes = Object.fromEntries(Object.entries(patch).filter(([k]) => (EDITABLE as readonly string[]).includes(k)));
      const next = { ...learner, ...changes } as CacwtLearner;
      learners.set(next.userId, next);
      return ok(next);
    }),

    route("POST", "/v1/learner-imports", ({ body, headers }) => {
      if (!headers["content-type"]?.startsWith("text/csv") || typeof body !== "string") {
        throw fail.badRequest("unsupported_media_type", "Send the import template as text/csv.");
      }
      const importId = newId("import");
      imports.set(importId, { status: "pending", created: 0, updated: 0, failed: [] });
      // CACWT imports in the background; the result shows up on the next look.
      setImmediate(() => imports.set(importId, runImport(state, body, new Date())));
      return ok({ importId }, 202);
    }),

    route("GET", "/v1/learner-imports/:id", ({ params }) => {
      const status = imports.get(params[0] ?? "");
      if (!status) throw fail.notFound("import");
      return ok(status);
    }),
  ];
}
