import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type RunningConsole, startConsole } from "../../src/console/start";
import { silentLogger } from "../../src/logger";
import { testDatabase } from "./db";

/**
 * `npm run demo` for one test file: the console on a test database and a data directory of its
 * own, every line it prints kept in `printed`; started before the file's tests, closed after.
 */
export function consoleForFile(): { printed: string[]; running: () => RunningConsole } {
  const dir = mkdtempSync(join(tmpdir(), "carebridge-console-"));
  const printed: string[] = [];
  let running: RunningConsole | undefined;
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
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    printed,
    running: () => {
      if (!running) throw new Error("the console has not started");
      return running;
    },
  };
}
