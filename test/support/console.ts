import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type RunningConsole, startConsole } from "../../src/console/start";
import { silentLogger } from "../../src/logger";
import { testDatabase } from "./db";

/**
 * `npm run demo` for one test file: the console on a test database and a data directory of its
 * own, every line it prints kept in `printed` (questions too), `answers` typed when it asks; started before the file's tests, closed after.
 */
export function consoleForFile(): { printed: string[]; answers: string[]; running: () => RunningConsole } {
  const dir = mkdtempSync(join(tmpdir(), "carebridge-console-"));
  const printed: string[] = [];
  /** What the person types when a form or a confirm dialog asks, in order; none left ends the input. */
  const answers: string[] = [];
  let running: RunningConsole | undefined;
  beforeAll(async () => {
    running = await startConsole({
      env: { DATA_DIR: dir },
      logger: () => silentLogger,
      ask: async (question) => {
        printed.push(question);
        return answers.shift();
      },
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
    answers,
    running: () => {
      if (!running) throw new Error("the console has not started");
      return running;
    },
  };
}
