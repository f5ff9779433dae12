import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CaregiverCard } from "../../../src/app/caregivers";
import {
  emailOfAnother,
  missingEmail,
  missingBirthDate,
  noMobilePhone,
} from "../../../src/domain/caregivers/readiness";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, caregiverHarness, STAFF, VIEWER, type Harness } from "./harness";

async function syncCard(h: Harness, caregiverId: string, actor = STAFF): Promise<CaregiverCard> {
  const result = await h.caregivers.openById(actor, caregiverId, "sync");
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(" "));
  return result.card;
}

describe(`syncing one caregiver from TeleTrack to CareAcademy (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeEach(async () => {
    h = await caregiverHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("creates a new caregiver once, links them in the database and in TeleTrack, and audits it", async () => {
    const card = await syncCard(h, "tt-1006");
    expect(card.synced).toEqual({ outcome: "created", changed: [] });
    expect(card.lms).toMatchObject({ status: "active", linked: true });
    expect(card.lms?.trainingDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(card.actions).toEqual(["deactivate"]);
    const [account] = h.accountsOf("tt-1006");
    expect(h.accountsOf("tt-1006")).toHaveLength(1);
    expect(h.sandbox.state.teletrack.lmsLinks.get("tt-1006")).toBe(account!.id);

    const rows = await h.db.prisma.externalAccount.findMany({ where: { person: { workspaceId: ADMIN.workspaceId } } });
    expect(rows.map((r) => `${r.vendor}:${r.vendorId}:${r.status}`).sort()).toEqual([
      `careacademy:${account!.id}:active`,
      "teletrack:tt-1006:active",
    ]);
    const stored = JSON.stringify(rows.map((r) => r.data));
    expect(stored).not.toContain("1988-01-30");
    expect(stored).not.toContain("555");
    expect(stored).not.toContain("@");

    const audit = await h.db.prisma.auditEvent.findMany({ where: { targetId: "tt-1006" } });
    expect(audit).toEqual([
      expect.objectContaining({ action: "caregiver.sync", outcome: "ok", actorId: STAFF.userId }),
    ]);

    const posts = h.sandbox.stats.requests.careacademy;
    const again = await syncCard(h, "tt-1006");
    expect(again.synced).toEqual({ outcome: "unchanged", changed: [] });
    expect(h.accountsOf("tt-1006")).toHaveLength(1);
    expect(h.sandbox.stats.requests.careacademy - posts).toBe(1); // one GET of the linked account, nothing written
  });

  it("updates only the fields that changed in TeleTrack", async () => {
    await syncCard(h, "tt-1006");
    const kevin = h.sandbox.state.teletrack.caregivers.get("tt-1006")!;
    h.sandbox.state.teletrack.caregivers.set("tt-1006", {
      ...kevin,
      lastName: "O'Brien-Shaw",
      mobilePhone: "+1 775 555 0199",
    });
    const card = await syncCard(h, "tt-1006");
    expect(card.synced).toEqual({ outcome: "updated", changed: ["lastName", "mobilePhone"] });
    expect(h.accountsOf("tt-1006")[0]).toMatchObject({ lastName: "O'Brien-Shaw", mobilePhone: "+1 775 555 0199" });
  });

  it("finds the account TeleTrack's own integration made (by TeleTrack id) instead of creating one", async () => {
    const card = await syncCard(h, "tt-1001");
    expect(card.synced?.outcome).toBe("unchanged");
    expect(card.lms?.id).toBe("ca-u-2001");
    expect(h.accountsOf("tt-1001")).toHaveLength(1);
  });

  it("adopts the account with the same email (linked), never a second one", async () => {
    const card = await syncCard(h, "tt-1010");
    expect(card.synced).toEqual({ outcome: "linked", changed: ["mobilePhone", "birthDate"] });
    const hannah = [...h.sandbox.state.careacademy.users.values()].filter(
      (u) => u.email === "hannah.kowalski@example.com",
    );
    expect(hannah).toHaveLength(1);
    expect(hannah[0]).toMatchObject({ id: "ca-u-2003", externalId: "tt-1010", birthDate: "1994-02-11" });
  });

  it("refuses an email another caregiver's account already has", async () => {
    const maria = h.sandbox.state.teletrack.caregivers.get("tt-1001")!;
    h.sandbox.state.teletrack.caregivers.set("tt-9001", { ...maria, id: "tt-9001", firstName: "Mario" });
    const card = await syncCard(h, "tt-9001");
    expect(card.synced).toBeNull();
    expect(card.problems).toEqual([emailOfAnother("CareAcademy")]);
    expect(h.accountsOf("tt-9001")).toHaveLength(0);
    expect(h.accountsOf("tt-1001")).toHaveLength(1);
  });

  it("reactivates a caregiver who comes back, never creating them again", async () => {
    const users = h.sandbox.state.careacademy.users.size;
    const card = await syncCard(h, "tt-1002");
    expect(card.synced?.outcome).toBe("reactivated");
    expect(card.lms?.status).toBe("active");
    expect(h.sandbox.state.careacademy.users.size).toBe(users);
    const audit = await h.db.prisma.auditEvent.findMany({
      where: { targetId: "tt-1002" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual(["caregiver.reactivate:ok", "caregiver.sync:ok"]);
  });

  it("leaves an account deactivated from carebridge deactivated, and says so", async () => {
    await syncCard(h, "tt-1007");
    const off = await h.caregivers.changeStatus(STAFF, "tt-1007", "deactivate");
    expect(off.ok).toBe(true);
    const card = await syncCard(h, "tt-1007");
    expect(card.lms?.status).toBe("deactivated");
    expect(card.actions).toContain("reactivate");
    expect(card.warnings.some((w) => w.includes("deactivated from carebridge"))).toBe(true);
  });

  it("releases that hold when the caregiver left TeleTrack and came back", async () => {
    await syncCard(h, "tt-1007");
    const teletrack = h.sandbox.state.teletrack.caregivers;
    const ngozi = teletrack.get("tt-1007")!;
    teletrack.set("tt-1007", { ...ngozi, status: "inactive" });
    expect(await h.caregivers.changeStatus(STAFF, "tt-1007", "deactivate")).toMatchObject({ ok: true });
    teletrack.set("tt-1007", { ...ngozi, status: "active" });
    const card = await syncCard(h, "tt-1007");
    expect(card.synced?.outcome).toBe("reactivated");
    expect(card.lms?.status).toBe("active");
    expect(card.warnings).toEqual([]);
    expect(h.accountsOf("tt-1007")).toHaveLength(1);
  });

  it("a caregiver without an email cannot sync: one sentence, Fix and sync, nothing made in the LMS", async () => {
    const users = h.sandbox.state.careacademy.users.size;
    const card = await syncCard(h, "tt-1003");
    expect(card.problems).toEqual([missingEmail("CareAcademy")]);
    expect(card.fixFields).toEqual(["email"]);
    expect(card.actions).toEqual(["fix"]);
    expect(card.lms).toBeNull();
    expect(h.sandbox.state.careacademy.users.size).toBe(users);
  });

  it("a caregiver in a birth-date state without one cannot sync", async () => {
    const card = await syncCard(h, "tt-1004");
    expect(card.problems).toEqual([missingBirthDate("CA", "CareAcademy")]);
    expect(card.fixFields).toEqual(["birthDate"]);
    expect(h.accountsOf("tt-1004")).toHaveLength(0);
  });

  it("a caregiver without a mobile phone syncs, with a warning and Fix and sync", async () => {
    const card = await syncCard(h, "tt-1005");
    expect(card.synced?.outcome).toBe("created");
    expect(card.warnings).toEqual([noMobilePhone("CareAcademy")]);
    expect(card.actions).toEqual(["deactivate", "fix"]);
  });

  it("a viewer may look but not sync", async () => {
    const refused = await h.caregivers.openById(VIEWER, "tt-1006", "sync");
    expect(refused.ok).toBe(false);
    expect((await h.caregivers.open(VIEWER, "kevin.obrien@example.com", "sync")).ok).toBe(false);
    const refusals = await h.db.prisma.auditEvent.findMany({ where: { actorId: VIEWER.userId } });
    expect(refusals.map((a) => `${a.action}:${a.outcome}`)).toEqual([
      "caregiver.sync:refused",
      "caregiver.sync:refused",
    ]);
    expect(JSON.stringify(refusals)).not.toContain("@");
    const looked = await h.caregivers.open(VIEWER, "tt-1006", "view");
    expect(looked).toMatchObject({ ok: true, kind: "card" });
    expect(h.accountsOf("tt-1006")).toHaveLength(0);
  });
});

describe(`the LMS's own birth-date rule (${testDatabaseKind})`, () => {
  it("a 422 birth_date_required reads like the readiness rule", async () => {
    // carebridge is told no state needs a birth date; the sandbox CareAcademy still requires one in CA.
    const h = await caregiverHarness({ env: { BIRTH_DATE_REQUIRED_STATES: "" } });
    try {
      const result = await h.caregivers.openById(STAFF, "tt-1004", "sync");
      expect(result.ok && result.card.problems).toEqual([missingBirthDate("CA", "CareAcademy")]);
      expect(h.accountsOf("tt-1004")).toHaveLength(0);
    } finally {
      await h.close();
    }
  });
});

describe(`looking caregivers up (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeEach(async () => {
    h = await caregiverHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("several matches give a pick list with id and state", async () => {
    const result = await h.caregivers.open(STAFF, "example.com", "sync");
    expect(result).toMatchObject({ ok: true, kind: "pick", purpose: "sync", more: false });
    if (!result.ok || result.kind !== "pick") return;
    expect(result.choices.map((c) => c.id)).toContain("tt-1001");
    expect(result.choices[0]).toEqual({
      id: "tt-1001",
      firstName: "Maria",
      lastName: "Gonzalez",
      state: "CA",
      status: "active",
    });
  });

  it("an exact email picks one; nothing found is a sentence", async () => {
    const one = await h.caregivers.open(STAFF, "Grace.Liu@example.com", "view");
    expect(one.ok && one.kind === "card" && one.card.caregiver.id).toBe("tt-1012");
    const none = await h.caregivers.open(STAFF, "nobody-at-all", "view");
    expect(none).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          message: expect.stringContaining('No caregiver in Spectrum TeleTrack matches "nobody-at-all"'),
        }),
      ],
    });
  });

  it("the view shows an unlinked account with the same email, and a Sync to link it", async () => {
    const result = await h.caregivers.open(STAFF, "tt-1010", "view");
    if (!result.ok || result.kind !== "card") throw new Error("expected a card");
    expect(result.card.lms).toMatchObject({ id: "ca-u-2003", linked: false });
    expect(result.card.actions).toEqual(["sync", "deactivate"]);
    expect(h.sandbox.state.careacademy.users.get("ca-u-2003")?.externalId).toBeNull();
  });
});
