import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { migrationsUpToDate } from "../../src/db/migrations";
import { openPglite } from "../../src/db/pglite";
import { copyTemplate, INITDB_TEMPLATE } from "../../src/db/pgliteTemplate";

const PGBOSS_SCHEMA_VERSION = (
  JSON.parse(readFileSync("node_modules/pg-boss/version.json", "utf8")) as { schema: number }
).schema;

describe("embedded PGlite", () => {
  it("runs with shared buffers sized for one app, and answers pg-boss's multi-statement scripts", async () => {
    const connection = await openPglite("memory://");
    try {
      const { rows } = await connection.sql.executeSql("show shared_buffers");
      expect(rows).toEqual([{ shared_buffers: "8MB" }]);
      const script = await connection.sql.executeSql(
        "create table t (n int); insert into t values (1), (2); select sum(n) as s from t",
      );
      expect(script.rows).toEqual([{ s: 3 }]);
    } finally {
      await connection.close();
    }
  });

  it("starts a fresh data directory on disk from the install-time template, migrated and with the job queue, and resumes it on the next open", async () => {
    expect(existsSync(INITDB_TEMPLATE)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "carebridge-pglite-"));
    const log = vi.fn();
    try {
      const first = await openPglite(dir, log);
      // The template holds this install's migrations: a first start has nothing to apply.
      expect(await migrationsUpToDate(first.sql)).toBe(true);
      expect(await first.migrate()).toEqual([]);
      // So is pg-boss's schema, at this install's version, with carebridge's queue: a first start does not install them.
      const { rows: versions } = await first.sql.executeSql("select version from pgboss.version");
      expect(versions).toEqual([{ version: PGBOSS_SCHEMA_VERSION }]);
      expect((await first.sql.executeSql("select name from pgboss.queue")).rows).toEqual([{ name: "carebridge-jobs" }]);
      await first.sql.executeSql("create table kept (n int); insert into kept values (7)");
      await first.close();
      expect(existsSync(join(dir, "PG_VERSION"))).toBe(true);
      const again = await openPglite(dir, log);
      try {
        expect((await again.sql.executeSql("select n from kept")).rows).toEqual([{ n: 7 }]);
        expect((await again.sql.executeSql("show shared_buffers")).rows).toEqual([{ shared_buffers: "8MB" }]);
      } finally {
        await again.close();
      }
      expect(log).not.toHaveBeenCalled();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("opens a data directory whose copy from the template began earlier (as the console begins it), once copied", async () => {
    const dir = mkdtempSync(join(tmpdir(), "carebridge-pglite-"));
    const location = join(dir, "pgdata");
    const log = vi.fn();
    try {
      const copying = copyTemplate(location);
      // connect() makes the directory meanwhile: the copy still takes its place.
      mkdirSync(location, { recursive: true });
      const connection = await openPglite(location, log);
      try {
        expect(await copying).toBe(true);
        expect(await connection.migrate()).toEqual([]);
        expect(readdirSync(dir)).toEqual(["pgdata"]);
      } finally {
        await connection.close();
      }
      expect(await copyTemplate(location)).toBe(false);
      expect(log).not.toHaveBeenCalled();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
