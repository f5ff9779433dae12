import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AccessService, createAccessService } from "../../../src/app/access/service";
import { createAudit } from "../../../src/app/audit";
import type { Database } from "../../../src/db/client";
import { testDatabase } from "../../support/db";
import { mention } from "../../../src/app/mention";

const offices = {
  listOffices: async () => [
    { id: "o1", name: "North Valley" },
    { id: "o2", name: "South Bay" },
  ],
};
const admin = { workspaceId: "T1", userId: "UADMIN" };

describe("access service", () => {
  let db: Database;
  let access: AccessService;
  beforeAll(async () => {
    db = await testDatabase();
    await db.prisma.workspace.create({ data: { id: "T1" } });
    access = createAccessService({
      prisma: db.prisma,
      configAdmins: ["UADMIN"],
      audit: createAudit(db.prisma),
      offices,
    });
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await db.prisma.appUser.deleteMany();
    await db.prisma.auditEvent.deleteMany();
  });

  it("grants an agency user an office by name, case-insensitively, and reads it back as their principal", async () => {
    const result = await access.grant(admin, {
      userId: "U2",
      role: "agency-user",
      office: "north valley",
      grants: ["create-staff"],
    });
    expect(result).toMatchObject({
      ok: true,
      entry: { role: "agency_user", office: "o1", officeName: "North Valley" },
    });
    expect(await access.principal({ workspaceId: "T1", userId: "U2" })).toEqual({
      role: "agency_user",
      office: "o1",
      grants: ["create-staff"],
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow();
    expect(audit).toMatchObject({ actorId: "UADMIN", action: "access.grant", targetId: "U2", outcome: "ok" });
  });

  it("refuses incomplete or contradictory grants with what to fix", async () => {
    expect(await access.grant(admin, { userId: "U2", role: "agency-user" })).toMatchObject({
      ok: false,
      problems: [{ field: "office" }],
    });
    expect(await access.grant(admin, { userId: "U2", role: "viewer", office: "o1" })).toMatchObject({
      ok: false,
      problems: [{ field: "office" }],
    });
    expect(
      await access.grant(admin, { userId: "U2", role: "agency-user", office: "o1", grants: ["root"] }),
    ).toMatchObject({ ok: false, problems: [{ field: "grants" }] });
    expect(await db.prisma.appUser.count()).toBe(0);
  });

  it("lets a granted admin manage access, and a viewer not, with the refusal audited", async () => {
    await access.grant(admin, { userId: "U3", role: "admin" });
    await access.grant(admin, { userId: "U4", role: "viewer" });
    expect((await access.grant({ workspaceId: "T1", userId: "U3" }, { userId: "U5", role: "viewer" })).ok).toBe(true);
    const refused = await access.grant({ workspaceId: "T1", userId: "U4" }, { userId: "U4", role: "admin" });
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.problems[0]!.message).toContain(mention("UADMIN"));
    expect(await db.prisma.auditEvent.count({ where: { actorId: "U4", outcome: "refused" } })).toBe(1);
    expect((await access.principal({ workspaceId: "T1", userId: "U4" })).role).toBe("viewer");
  });

  it("does not revoke an admin from CAREBRIDGE_ADMINS, nor someone without access", async () => {
    expect(await access.revoke(admin, "UADMIN")).toMatchObject({ ok: false });
    expect(await access.revoke(admin, "UNOBODY")).toMatchObject({ ok: false });
  });

  it("keeps workspaces apart", async () => {
    await db.prisma.workspace.create({ data: { id: "T2" } }).catch(() => undefined);
    await access.grant(admin, { userId: "U6", role: "viewer" });
    expect((await access.principal({ workspaceId: "T2", userId: "U6" })).role).toBe("unknown");
  });
});
