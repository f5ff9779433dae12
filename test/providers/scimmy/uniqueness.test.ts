import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config";
import { silentLogger } from "../../../src/logger";
import { createProviders, startSandbox, type Providers, type Sandbox } from "../../../src/providers";
import { ConflictError } from "../../../src/providers/http/errors";
import { SCAN_BOUND } from "../../../src/providers/scim/same-user";
import { startScimmy, type Scimmy } from "../../support/scimmy-server";

/**
 * Against SCIMMY, a real SCIM 2.0 service provider, set up as popular ones behave: `userName eq`
 * compares case-sensitively but userName is unique in any case.
 */
describe("SCIM userName uniqueness that ignores case, against SCIMMY", () => {
  let scimmy: Scimmy;
  let providers: Providers;
  let sandbox: Sandbox;
  beforeAll(async () => {
    scimmy = await startScimmy();
    // Plays the other vendors, which these tests do not call.
    sandbox = await startSandbox({ seed: "demo" });
    const config = loadConfig({
      CAREGIVER_LMS: "scim",
      LEARNER_LMS: "scim",
      SCIM_BASE_URL: scimmy.url,
      SCIM_API_KEY: "scimmy",
    });
    providers = createProviders(config, { logger: silentLogger, sandbox, http: { maxRetries: 0 } });
  });
  afterEach(() => {
    scimmy.users.clear();
    scimmy.requests.length = 0;
  });
  afterAll(async () => {
    await providers.close();
    await scimmy.close();
    await sandbox.close();
  });

  const newUser = (email: string) => ({ externalId: "tt-9", firstName: "Ana", lastName: "Lopez", email, state: "CA" });
  const conflictOf = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail("no conflict"),
      (e: unknown) => e as ConflictError,
    );

  it("creates, finds, deactivates and reactivates through SCIMMY", async () => {
    const made = await providers.caregiverLms.create(newUser("ana.lopez@example.com"));
    expect(await providers.caregiverLms.findByEmail("ana.lopez@example.com")).toMatchObject({
      id: made.id,
      externalId: "tt-9",
    });
    expect((await providers.caregiverLms.deactivate(made.id)).status).toBe("deactivated");
    expect((await providers.caregiverLms.reactivate(made.id)).status).toBe("active");
  });

  it("the service answers 409 uniqueness to a create whose userName exists in other capitals, which eq does not find", async () => {
    scimmy.add({ userName: "Ana.Lopez@Example.com", name: { givenName: "Ana", familyName: "Lopez" } });
    expect(await providers.caregiverLms.findByEmail("ana.lopez@example.com")).toBeNull();
  });

  it("names the user whose userName differs only in the domain's capitals", async () => {
    const ana = scimmy.add({ userName: "ana.lopez@EXAMPLE.com" });
    const error = await conflictOf(providers.caregiverLms.create(newUser("ana.lopez@example.com")));
    expect(error).toMatchObject({ code: "email_taken", existingId: ana.id });
  });

  it("names the user whose email (emails.value) is the one asked for", async () => {
    const ana = scimmy.add({
      userName: "ALopez@Example.com",
      emails: [{ value: "ana.lopez@example.com", primary: true }],
    });
    const error = await conflictOf(providers.caregiverLms.create(newUser("alopez@example.com")));
    expect(error).toMatchObject({ code: "email_taken", existingId: ana.id });
  });

  it("finds a userName in any other capitals by reading the users", async () => {
    scimmy.add({ userName: "someone.else@example.com" });
    const ana = scimmy.add({ userName: "Ana.Lopez@Example.com", name: { givenName: "Ana", familyName: "Lopez" } });
    const error = await conflictOf(providers.caregiverLms.create(newUser("ana.lopez@example.com")));
    expect(error).toMatchObject({ code: "email_taken", existingId: ana.id });
    expect(scimmy.requests.some((r) => r.startsWith("GET /Users?startIndex=1"))).toBe(true);
  });

  it("an email change to a userName another user holds in other capitals names that user", async () => {
    const ana = scimmy.add({ userName: "Ana.Lopez@Example.com" });
    const bo = await providers.caregiverLms.create({ ...newUser("bo@example.com"), externalId: "tt-10" });
    const error = await conflictOf(providers.caregiverLms.update(bo.id, { email: "ana.lopez@example.com" }));
    expect(error).toMatchObject({ code: "email_taken", existingId: ana.id });
  });

  it("a learner's userName taken in other capitals names that learner's userName", async () => {
    scimmy.add({ userName: "Kim.Partner@P.example", emails: [{ value: "Kim.Partner@P.example" }] });
    const error = await conflictOf(
      providers.learnerLms.create({
        email: "kim.partner@p.example",
        firstName: "Kim",
        lastName: "Partner",
        status: "Active",
        affiliation: "California Community Partners",
        organizationName: null,
        employeeType: "Kern County Community Partner",
        dateHire: "2026-01-05",
        trainingManager: false,
        supervisor: false,
        temporaryPassword: "Temp-Password-123456",
      }),
    );
    expect(error).toMatchObject({ code: "email_taken", existingId: "Kim.Partner@P.example" });
  });

  it(`when no user turns up within ${SCAN_BOUND} users, says which userName conflicts and what to do`, async () => {
    for (let i = 0; i < SCAN_BOUND; i++) scimmy.add({ userName: `filler${i}@example.com` });
    scimmy.add({ userName: "Ana.Lopez@Example.com" });
    const error = await conflictOf(providers.caregiverLms.create(newUser("ana.lopez@example.com")));
    expect(error).toMatchObject({ code: "uniqueness", existingId: undefined });
    expect(error.message).toBe(
      `SCIM LMS refuses the userName "ana.lopez@example.com" as taken, but no account with it (in any capitals) or with that email turned up among the first ${SCAN_BOUND.toLocaleString("en-US")} accounts. Ask the administrator of SCIM LMS which account holds it, and rename that one or use another email.`,
    );
  });
});
