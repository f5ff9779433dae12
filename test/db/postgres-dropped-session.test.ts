import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresConnection, type Connection } from "../../src/db/client";
import { testDatabaseKind } from "../support/db";

const adminUrl = process.env.TEST_DATABASE_URL;

// A restart, a failover or an operator's pg_terminate_backend closes sessions the pool holds idle.
// node-postgres then emits "error" on the pool; with no listener that is an uncaught exception,
// which would end the whole app (it did end a test worker, when a dropped test database took one).
describe.skipIf(!adminUrl)(`a pooled session the server closes (${testDatabaseKind})`, () => {
  let connection: Connection;
  const dropped: Error[] = [];
  beforeAll(() => {
    connection = postgresConnection(adminUrl!, { onIdleError: (error) => dropped.push(error) });
  });
  afterAll(async () => {
    await connection.close();
  });

  it("is reported, not thrown, and the next query opens another", async () => {
    const { rows } = await connection.sql.executeSql("SELECT pg_backend_pid() AS pid");
    const { pid } = rows[0] as { pid: number };
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    } finally {
      await admin.end();
    }
    await expect.poll(() => dropped.length).toBe(1);
    expect(dropped[0]).toMatchObject({ code: "57P01" }); // admin_shutdown
    const again = await connection.sql.executeSql("SELECT 1 AS one");
    expect(again.rows).toEqual([{ one: 1 }]);
  });
});
