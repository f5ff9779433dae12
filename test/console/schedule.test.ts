import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningConsole, startConsole } from "../../src/console/start";
import { silentLogger } from "../../src/logger";
import { testDatabase } from "../support/db";

describe("npm run demo: the scheduled caregiver sync", () => {
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

  it("understands /sync-caregiver schedule daily 06:00 and shows it in the App Home", async () => {
    await running.session.handle("/sync-caregiver schedule daily 06:00");
    expect(printed.join("\n")).toContain("daily at 06:00 (UTC)");
    printed.length = 0;
    await running.session.handle("home");
    const home = printed.join("\n");
    expect(home).toContain("Scheduled caregiver sync");
    expect(home).toContain("daily at 06:00 (UTC)");
    expect(home).toContain("Last run: not yet");
    expect(home).toMatch(/Next run: \S/);
  });
});
