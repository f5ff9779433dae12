import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freshConnection } from "../support/db";

/** `npm start` as a new user meets it: no stack traces, just what to set. */
function start(env: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), "carebridge-start-")); // no .env there
  const run = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), `${process.cwd()}/src/main.ts`], {
    cwd,
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, stderr: run.stderr.trim() };
}

describe("npm start", () => {
  it("without Slack settings says in two lines what to set, and that npm run demo runs without Slack", () => {
    const { code, stderr } = start({});
    expect(code).toBe(1);
    const lines = stderr.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("SLACK_BOT_TOKEN");
    expect(lines[1]).toContain("npm run demo");
  });

  it("with a bad setting names it in one line", () => {
    const { code, stderr } = start({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", PORT: "http" });
    expect(code).toBe(1);
    expect(stderr).toBe('PORT is not valid: expected a port number, got "http"');
  });
});

describe("npm start on a PostgreSQL it cannot reach", () => {
  it("names DATABASE_URL's host and port in one line, never the password, and exits 1", () => {
    const { code, stderr } = start({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      DATABASE_URL: "postgres://carebridge:hunter2@127.0.0.1:1/carebridge",
      LOG_LEVEL: "silent",
    });
    expect(code).toBe(1);
    expect(stderr).toBe("Cannot connect to PostgreSQL at 127.0.0.1:1/carebridge (DATABASE_URL): ECONNREFUSED");
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "npm start while another instance applies migrations (skipped on PGlite: needs TEST_DATABASE_URL)",
  () => {
    it("waits MIGRATION_LOCK_TIMEOUT_MS, then says in one line what blocks it, and exits 1", async () => {
      const fresh = await freshConnection();
      const holder = new pg.Client({ connectionString: fresh.url });
      await holder.connect();
      await holder.query("SELECT pg_advisory_lock(72707369)"); // what Prisma's engine holds while it migrates
      try {
        const { code, stderr } = start({
          SLACK_BOT_TOKEN: "xoxb-1",
          SLACK_SIGNING_SECRET: "s",
          DATABASE_URL: fresh.url!,
          MIGRATION_LOCK_TIMEOUT_MS: "1000",
          LOG_LEVEL: "silent",
        });
        expect(code).toBe(1);
        expect(stderr).toMatch(
          /^Another instance is applying migrations to 127\.0\.0\.1:\d+\/\w+; waited \d+ s for it/,
        );
        expect(stderr).not.toContain("\n");
      } finally {
        await holder.end();
        await fresh.close();
      }
    });
  },
);
