import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client";
import { PrismaClient } from "../../src/generated/prisma/client";
import { isDatabaseUnavailable } from "../../src/db/unavailable";
import { testDatabase, testDatabaseKind } from "../support/db";

describe(`which errors mean the database is out of reach (${testDatabaseKind})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it("a server that refuses connections is; a query the database refuses is not", async () => {
    const pool = new pg.Pool({ connectionString: "postgres://carebridge@127.0.0.1:1/none" });
    const nowhere = new PrismaClient({ adapter: new PrismaPg(pool) });
    const refused = await nowhere.job.count().catch((e: unknown) => e);
    await pool.end();
    expect(isDatabaseUnavailable(refused)).toBe(true);

    await db.prisma.workspace.create({ data: { id: "T0DUP" } });
    const duplicate = await db.prisma.workspace.create({ data: { id: "T0DUP" } }).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
  });

  it("a vendor out of reach is not the database, though its socket error is the same", () => {
    const vendorDown = new Error("CareAcademy could not be reached", {
      cause: Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:443"), { code: "ECONNREFUSED" }),
    });
    expect(isDatabaseUnavailable(vendorDown)).toBe(false);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
  });
});
