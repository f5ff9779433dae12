import { describe, expect, it } from "vitest";
import { openPglite } from "../../src/db/pglite";

describe("embedded PGlite", () => {
  it("runs with shared buffers sized for one app, and answers pg-boss's multi-statement scripts", async () => {
    const connection = await openPglite("memory://");
    try {
      const { rows } = await connection.sql.executeSql("show shared_buffers");
      expect(rows).toEqual([{ shared_buffers: "32MB" }]);
      const script = await connection.sql.executeSql(
        "create table t (n int); insert into t values (1), (2); select sum(n) as s from t",
      );
      expect(script.rows).toEqual([{ s: 3 }]);
    } finally {
      await connection.close();
    }
  });
});
