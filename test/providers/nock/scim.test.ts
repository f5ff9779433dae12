import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logger";
import { ConflictError, NotFoundError, ValidationError } from "../../../src/providers/http/errors";
import { ENTERPRISE_SCHEMA, PATCH_OP_SCHEMA } from "../../../src/providers/scim/schema";
import { buildAdapters, nockBase, nockConfig, PAGE_SIZE, type Adapters } from "../contract/target";
import { scimPartner, scimUser } from "../contract/fixtures";

/** What is particular to SCIM, beyond the shared contract suite. */
const BASE = nockBase("scim");
const SCIM_JSON = { "content-type": "application/scim+json" };
const list = (resources: unknown[], totalResults = resources.length) => ({ totalResults, Resources: resources });

let built: ReturnType<typeof buildAdapters> | undefined;
function adapters(): Adapters {
  built = buildAdapters(nockConfig(), { logger: silentLogger, pageSize: PAGE_SIZE, http: { maxRetries: 0 } });
  return built.adapters;
}
afterEach(async () => {
  await Promise.all(built?.all.map((p) => p.close()) ?? []);
});

describe("SCIM adapter", () => {
  it("speaks application/scim+json both ways", async () => {
    nock(BASE, { reqheaders: { accept: "application/scim+json" } })
      .get("/Users/su-1")
      .reply(200, scimUser(), SCIM_JSON);
    nock(BASE, { reqheaders: { accept: "application/scim+json", "content-type": "application/scim+json" } })
      .post("/Users")
      .reply(201, scimUser({ id: "su-2" }), SCIM_JSON);
    const a = adapters();
    await a.scimCaregivers.get("su-1");
    await a.scimCaregivers.create({
      externalId: "x",
      firstName: "A",
      lastName: "B",
      email: "a@b.example",
      state: "CA",
    });
  });

  it("escapes quotes and backslashes in filter values", async () => {
    const scope = nock(BASE)
      .get("/Users")
      .query({ filter: 'userName eq "o\\"neil\\\\x@b.example"', startIndex: "1", count: "2" })
      .reply(200, list([]), SCIM_JSON);
    await adapters().scimCaregivers.findByEmail('o"neil\\x@b.example');
    expect(scope.isDone()).toBe(true);
  });

  it("maps SCIM error bodies: scimType becomes the code, detail the detail", async () => {
    nock(BASE)
      .get("/Users")
      .query(true)
      .reply(
        400,
        {
          schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
          status: "400",
          scimType: "invalidFilter",
          detail: "bad filter for a@b.example",
        },
        SCIM_JSON,
      );
    const error = await adapters()
      .scimCaregivers.findByEmail("a@b.example")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ vendor: "scim", code: "invalidFilter", detail: "bad filter for [email]" });
  });

  it("keeps the provider's conflict when no user with that userName turns up, and says which userName and what to do", async () => {
    nock(BASE)
      .post("/Users")
      .reply(409, { status: "409", scimType: "uniqueness", detail: "externalId in use" }, SCIM_JSON);
    // userName eq, emails.value eq, then the scan: nobody.
    const lookups = nock(BASE).get("/Users").query(true).times(3).reply(200, list([]), SCIM_JSON);
    const error = await adapters()
      .scimCaregivers.create({ externalId: "x", firstName: "A", lastName: "B", email: "a@b.example", state: "CA" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: "uniqueness", existingId: undefined });
    expect((error as Error).message).toMatch(
      /^SCIM LMS refuses the userName "a@b\.example" as taken, .* use another email\.$/,
    );
    expect(lookups.isDone()).toBe(true);
  });

  it("reads the user back when PATCH answers 204 No Content", async () => {
    nock(BASE).patch("/Users/su-1").reply(204);
    nock(BASE)
      .get("/Users/su-1")
      .reply(200, scimUser({ active: false }), SCIM_JSON);
    expect((await adapters().scimCaregivers.deactivate("su-1")).status).toBe("deactivated");
  });

  it("stops paging at an empty page even if totalResults promised more", async () => {
    nock(BASE)
      .get("/Users")
      .query({ startIndex: "1", count: "2" })
      .reply(200, list([scimPartner()], 10), SCIM_JSON);
    nock(BASE).get("/Users").query({ startIndex: "2", count: "2" }).reply(200, list([], 10), SCIM_JSON);
    const found = [];
    for await (const l of adapters().scimLearners.list({})) found.push(l);
    expect(found).toHaveLength(1);
  });

  it("keeps roles it does not manage, and removes the division when organizationName is cleared", async () => {
    const kim = scimPartner({
      roles: [{ value: "trainingManager" }, { value: "proctor" }],
      [ENTERPRISE_SCHEMA]: { organization: "CCP", division: "North" },
    });
    nock(BASE)
      .get("/Users")
      .query(true)
      .reply(200, list([kim]), SCIM_JSON);
    const patch = nock(BASE)
      .patch("/Users/sp-1", {
        schemas: [PATCH_OP_SCHEMA],
        Operations: [
          { op: "replace", value: { roles: [{ value: "proctor" }, { value: "supervisor" }] } },
          { op: "remove", path: `${ENTERPRISE_SCHEMA}:division` },
        ],
      })
      .reply(200, kim, SCIM_JSON);
    await adapters().scimLearners.update(kim.userName, {
      trainingManager: false,
      supervisor: true,
      organizationName: null,
    });
    expect(patch.isDone()).toBe(true);
  });

  it("says a learner is not found by email when no user has that userName", async () => {
    nock(BASE).get("/Users").query(true).reply(200, list([]), SCIM_JSON);
    await expect(adapters().scimLearners.findByEmail("x@y.example")).resolves.toBeNull();
    nock(BASE).get("/Users").query(true).reply(200, list([]), SCIM_JSON);
    await expect(adapters().scimLearners.update("x@y.example", { status: "Active" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
