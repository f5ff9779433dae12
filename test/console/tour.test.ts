import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TOUR } from "../../src/console/tour";

/** `npm run demo -- --tour` as a newcomer starts it: the walk, with no pause, then the prompt. */
describe("npm run demo -- --tour", () => {
  it("walks the four workflows without a skipped step and ends at the prompt, which reads the next line", () => {
    const dir = mkdtempSync(join(tmpdir(), "carebridge-tour-"));
    try {
      const run = spawnSync(process.execPath, ["--import", "tsx", "src/console/main.ts", "--tour"], {
        input: "as\nquit\n",
        encoding: "utf8",
        env: { ...process.env, DATA_DIR: dir, TOUR_DELAY_MS: "0", LOG_LEVEL: "error" },
        timeout: 120_000,
      });
      const out = run.stdout;
      expect(run.status, run.stderr).toBe(0);
      for (const step of TOUR) if ("say" in step) expect(out).toContain(`» ${step.say}`);
      expect(out).not.toContain("skipped");
      expect(out).toContain("Created agency user *tom.reyes*");
      // The tour's own answers did not eat the person's lines: `as` ran at the prompt after it.
      expect(out).toMatch(
        /That was the tour[\s\S]*carebridge \(Ada Admin\)> as\n[\s\S]*You are Ada Admin \(UCONSOLE\)\./,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
