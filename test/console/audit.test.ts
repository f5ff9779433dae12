import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningConsole, startConsole } from "../../src/console/start";
import { silentLogger } from "../../src/logger";
import { testDatabase } from "../support/db";

describe("/carebridge audit in the console", () => {
  const dir = mkdtempSync(join(tmpdir(), "carebridge-console-audit-"));
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

  it("shows the sync just made, in words, with its date readable in a terminal", async () => {
    await running.session.handle("/sync-caregiver tt-1006");
    printed.length = 0;
    await running.session.handle("/carebridge audit");
    const text = printed.join("\n");
    expect(text).toContain("carebridge audit");
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC @\S+ synced a caregiver · caregiver `tt-1006` · done/);
    expect(text).not.toContain("<!date");
  });
});
