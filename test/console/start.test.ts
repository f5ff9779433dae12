import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningConsole, startConsole } from "../../src/console/start";
import { silentLogger } from "../../src/logger";
import { testDatabase } from "../support/db";

describe("npm run demo's wiring", () => {
  const dir = mkdtempSync(join(tmpdir(), "carebridge-console-"));
  const printed: string[] = [];
  let running: RunningConsole;
  beforeAll(async () => {
    running = await startConsole({
      env: { DATA_DIR: dir },
      logger: () => silentLogger,
      ask: async () => "",
      print: (line) => printed.push(line),
      bootstrap: { db: await testDatabase() },
    });
  });
  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers /carebridge help on the sandbox, as an admin, without Slack credentials", async () => {
    await running.session.handle("/carebridge help");
    const text = printed.join("\n");
    expect(text).toContain("What you can do with carebridge");
    expect(text).toContain("/carebridge access grant");
    expect(text).toContain("Sandbox:");
    expect(running.runtime.sandbox).toBeDefined();
  });

  it("shows the App Home", async () => {
    printed.length = 0;
    await running.session.handle("home");
    expect(printed.join("\n")).toContain("You are an *admin*");
  });
});
