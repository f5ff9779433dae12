import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** What escapes every handler is logged, and the process goes on. */
describe("keepServing", () => {
  it("an unhandled rejection and an uncaught exception are logged and do not end the process", () => {
    const script = `
      const { keepServing } = await import(${JSON.stringify(`${process.cwd()}/src/process-guard.ts`)});
      const { createLogger } = await import(${JSON.stringify(`${process.cwd()}/src/logger.ts`)});
      keepServing(createLogger({ level: "info", pretty: false }));
      Promise.reject(new Error("nobody awaited me"));
      setTimeout(() => { throw new TypeError("Cannot read properties of null (reading 'ssl_check')"); }, 10);
      setTimeout(() => console.log("still serving"), 100);
    `;
    const run = spawnSync(
      process.execPath,
      ["--import", import.meta.resolve("tsx"), "--input-type=module", "-e", script],
      {
        encoding: "utf8",
        timeout: 30_000,
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("nobody awaited me");
    expect(run.stdout).toContain("reading 'ssl_check'");
    expect(run.stdout).toContain("still serving");
  });
});
