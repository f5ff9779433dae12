import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAudit } from "../../../src/app/audit";
import { createInstallations } from "../../../src/app/installations";
import type { Database } from "../../../src/db/client";
import { testDatabase } from "../../support/db";

const OLD = randomBytes(32);
const NEW = randomBytes(32);
const TOKEN = "xoxb-rotation-4e1d";

describe("installation tokens across a key rotation", () => {
  let db: Database;
  const installations = (key: Buffer, previous?: Buffer) =>
    createInstallations({
      prisma: db.prisma,
      audit: createAudit(db.prisma),
      config: { encryption: { key, previous }, uninstallRetentionDays: 30 },
      now: () => new Date(),
    });
  const sealedOf = async (id: string) =>
    (await db.prisma.slackInstallation.findUniqueOrThrow({ where: { id } })).sealed;

  beforeAll(async () => {
    db = await testDatabase();
    for (const id of ["T0ROT1", "T0ROT2"]) {
      await installations(OLD).save({
        id,
        teamId: id,
        enterpriseId: undefined,
        isEnterpriseInstall: false,
        installerId: "U0ROT",
        json: JSON.stringify({ team: { id }, bot: { token: TOKEN } }),
      });
    }
  });
  afterAll(async () => {
    await db.close();
  });

  it("stores tokens sealed, and makes the installer the workspace's only admin", async () => {
    expect(await sealedOf("T0ROT1")).not.toContain(TOKEN);
    const admins = await db.prisma.appUser.findMany({ where: { workspaceId: "T0ROT1" } });
    expect(admins.map((a) => [a.slackUserId, a.role])).toEqual([["U0ROT", "admin"]]);
  });

  it("reads with the previous key after a rotation, resealing what it reads and the rest at start-up", async () => {
    const before = await sealedOf("T0ROT1");
    const rotated = installations(NEW, OLD);
    expect(JSON.parse((await rotated.find("T0ROT1"))!).bot.token).toBe(TOKEN);
    expect(await sealedOf("T0ROT1")).not.toBe(before);
    expect(await rotated.reseal()).toBe(1); // T0ROT2; T0ROT1 was resealed when read
    expect(await rotated.reseal()).toBe(0);
    // The old key can go: everything opens with the new one alone.
    const newOnly = installations(NEW);
    for (const id of ["T0ROT1", "T0ROT2"]) expect(JSON.parse((await newOnly.find(id))!).bot.token).toBe(TOKEN);
    await expect(installations(OLD).find("T0ROT1")).rejects.toThrow(/neither/);
  });
});
