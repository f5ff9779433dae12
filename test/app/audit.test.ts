import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAudit } from "../../src/app/audit";
import type { Database } from "../../src/db/client";
import { testDatabase } from "../support/db";

describe("audit", () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
    await db.prisma.workspace.create({ data: { id: "T1" } });
  });
  afterAll(async () => {
    await db.close();
  });

  it("records who, what, which record, outcome and when, and never personal values", async () => {
    const before = new Date();
    await createAudit(db.prisma).record(
      { workspaceId: "T1", userId: "U1" },
      {
        action: "caregiver.fix",
        targetType: "caregiver",
        targetId: "tt-1",
        outcome: "ok",
        details: { email: "a@b.org", birthDate: "1980-01-01", mobilePhone: "+15555550100", fields: ["email"] },
      },
    );
    const row = await db.prisma.auditEvent.findFirstOrThrow();
    expect(row).toMatchObject({
      workspaceId: "T1",
      actorId: "U1",
      action: "caregiver.fix",
      targetType: "caregiver",
      targetId: "tt-1",
      outcome: "ok",
    });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(row.details).toEqual({
      email: "[changed]",
      birthDate: "[changed]",
      mobilePhone: "[changed]",
      fields: ["email"],
    });
  });
});
