import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reactivationDidNotTake } from "../../../src/app/caregivers/sync";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, caregiverHarness, STAFF, VIEWER, type Harness } from "./harness";
import { mention } from "../../../src/app/mention";

describe(`activate, deactivate, reactivate from the card (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeEach(async () => {
    h = await caregiverHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const status = (id: string) => h.sandbox.state.careacademy.users.get(id)?.status;
  const audits = (targetId: string) =>
    h.db.prisma.auditEvent
      .findMany({ where: { targetId }, orderBy: { createdAt: "asc" } })
      .then((rows) => rows.map((a) => `${a.actorId}:${a.action}:${a.outcome}`));

  it("deactivates an active caregiver, reads the status back, audits, and the card offers Reactivate", async () => {
    const result = await h.caregivers.changeStatus(STAFF, "tt-1001", "deactivate", STAFF.userId);
    expect(result).toMatchObject({ ok: true, message: "Maria Gonzalez is now deactivated in CareAcademy." });
    if (!result.ok) return;
    expect(result.card.lms?.status).toBe("deactivated");
    expect(result.card.actions).toEqual(["reactivate"]);
    expect(status("ca-u-2001")).toBe("deactivated");
    expect(await audits("tt-1001")).toEqual([`${STAFF.userId}:caregiver.deactivate:ok`]);

    const back = await h.caregivers.changeStatus(STAFF, "tt-1001", "reactivate", STAFF.userId);
    expect(back.ok && back.card.actions).toEqual(["deactivate"]);
    expect(status("ca-u-2001")).toBe("active");
  });

  it("a viewer's press is refused and audited; nothing changes", async () => {
    const result = await h.caregivers.changeStatus(VIEWER, "tt-1001", "deactivate", VIEWER.userId);
    expect(result).toEqual({
      ok: false,
      problems: [{ message: expect.stringContaining("Viewers can't activate or deactivate") }],
    });
    expect(status("ca-u-2001")).toBe("active");
    expect(await audits("tt-1001")).toEqual([`${VIEWER.userId}:caregiver.activation:refused`]);
  });

  it("a press on buttons made for someone else is refused and audited, even for an admin", async () => {
    const result = await h.caregivers.changeStatus(ADMIN, "tt-1001", "deactivate", STAFF.userId);
    expect(result).toEqual({
      ok: false,
      problems: [{ message: expect.stringContaining(`made for ${mention(STAFF.userId)}`) }],
    });
    expect(status("ca-u-2001")).toBe("active");
    expect(await audits("tt-1001")).toEqual([`${ADMIN.userId}:caregiver.activation:refused`]);
  });

  it("a stale button answers with what is true now, changes nothing, and the press is audited as a no-op", async () => {
    const result = await h.caregivers.changeStatus(STAFF, "tt-1002", "deactivate");
    expect(result).toMatchObject({ ok: true, message: "James Carter is already deactivated in CareAcademy." });
    expect(status("ca-u-2002")).toBe("deactivated");
    expect(await audits("tt-1002")).toEqual([`${STAFF.userId}:caregiver.deactivate:noop`]);
    const none = await h.caregivers.changeStatus(STAFF, "tt-1006", "deactivate");
    expect(none).toMatchObject({ ok: true, message: "Kevin O'Brien has no CareAcademy account yet; sync them first." });
    expect(await audits("tt-1006")).toEqual([`${STAFF.userId}:caregiver.deactivate:noop`]);
  });

  it("acts on the not-yet-linked account with the caregiver's email, the one the card shows", async () => {
    const view = await h.caregivers.openById(STAFF, "tt-1010", "view");
    expect(view.ok && view.card.lms).toMatchObject({ id: "ca-u-2003", status: "active", linked: false });
    expect(view.ok && view.card.actions).toContain("deactivate");

    const result = await h.caregivers.changeStatus(STAFF, "tt-1010", "deactivate", STAFF.userId);
    expect(result).toMatchObject({ ok: true, message: "Hannah Kowalski is now deactivated in CareAcademy." });
    expect(status("ca-u-2003")).toBe("deactivated");
    expect(h.accountsOf("tt-1010")).toHaveLength(0); // CareAcademy is not told the TeleTrack id until a sync
    expect(await audits("tt-1010")).toEqual([`${STAFF.userId}:caregiver.deactivate:ok`]);
    const after = await h.caregivers.openById(STAFF, "tt-1010", "view");
    expect(after.ok && after.card.lms).toMatchObject({ id: "ca-u-2003", status: "deactivated", linked: true });
  });
});

describe(`a change the LMS says it made but did not (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeEach(async () => {
    h = await caregiverHarness({
      env: {
        TELETRACK_BASE_URL: "https://teletrack.test",
        TELETRACK_API_KEY: "tt-key",
        CAREACADEMY_BASE_URL: "https://careacademy.test",
        CAREACADEMY_API_KEY: "ca-key",
      },
    });
  });
  afterEach(async () => {
    await h.close();
  });

  const caregiver = {
    id: "tt-1",
    firstName: "Ana",
    lastName: "Lopez",
    email: "ana@example.com",
    mobilePhone: null,
    birthDate: null,
    state: "OR",
    status: "active",
    updatedAt: "2026-10-01T00:00:00Z",
  };
  const user = {
    id: "ca-1",
    externalId: "tt-1",
    firstName: "Ana",
    lastName: "Lopez",
    email: "ana@example.com",
    mobilePhone: null,
    birthDate: null,
    state: "OR",
    status: "active",
    trainingDueDate: null,
  };
  const deactivated = { ...user, status: "deactivated" };
  const audits = () =>
    h.db.prisma.auditEvent
      .findMany({ where: { targetId: "tt-1" }, orderBy: { createdAt: "asc" } })
      .then((rows) => rows.map((a) => `${a.action}:${a.outcome}`));

  it("a Deactivate is reported as a failure and audited as failed", async () => {
    nock("https://teletrack.test").get("/v1/caregivers/tt-1").reply(200, caregiver);
    const lms = nock("https://careacademy.test")
      .get("/v1/users")
      .query({ externalId: "tt-1" })
      .reply(200, { data: [user], nextCursor: null })
      .post("/v1/users/ca-1/deactivate")
      .reply(200, deactivated)
      .get("/v1/users/ca-1")
      .reply(200, user);

    const result = await h.caregivers.changeStatus(STAFF, "tt-1", "deactivate");
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          message:
            "CareAcademy still shows Ana Lopez as active after the request to deactivate; nothing changed. Try again, or check the account in CareAcademy.",
        },
      ],
    });
    expect(lms.isDone()).toBe(true);
    expect(await audits()).toEqual(["caregiver.deactivate:failed"]);
  });

  it("a Reactivate is reported as a failure and audited as failed", async () => {
    nock("https://teletrack.test").get("/v1/caregivers/tt-1").reply(200, caregiver);
    const lms = nock("https://careacademy.test")
      .get("/v1/users")
      .query({ externalId: "tt-1" })
      .reply(200, { data: [deactivated], nextCursor: null })
      .post("/v1/users/ca-1/reactivate")
      .reply(200, user)
      .get("/v1/users/ca-1")
      .reply(200, deactivated);

    const result = await h.caregivers.changeStatus(STAFF, "tt-1", "reactivate");
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          message:
            "CareAcademy still shows Ana Lopez as deactivated after the request to reactivate; nothing changed. Try again, or check the account in CareAcademy.",
        },
      ],
    });
    expect(lms.isDone()).toBe(true);
    expect(await audits()).toEqual(["caregiver.reactivate:failed"]);
  });

  it("a sync's reactivation of a returning caregiver is a failure too, never reported as synced", async () => {
    nock("https://teletrack.test").get("/v1/caregivers/tt-1").reply(200, caregiver);
    const lms = nock("https://careacademy.test")
      .get("/v1/users")
      .query({ externalId: "tt-1" })
      .times(2) // the sync, then the card shown after it
      .reply(200, { data: [deactivated], nextCursor: null })
      .post("/v1/users/ca-1/reactivate")
      .reply(200, user)
      .get("/v1/users/ca-1")
      .reply(200, deactivated);

    const result = await h.caregivers.openById(STAFF, "tt-1", "sync");
    expect(lms.isDone()).toBe(true);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(" "));
    expect(result.card.synced).toBeNull();
    expect(result.card.problems).toEqual([reactivationDidNotTake("CareAcademy")]);
    expect(result.card.lms).toMatchObject({ id: "ca-1", status: "deactivated" });
    expect(await audits()).toEqual(["caregiver.reactivate:failed"]);
    // Nothing recorded as synced: no link in the database, TeleTrack not told.
    expect(await h.db.prisma.externalAccount.count()).toBe(0);
  });
});
