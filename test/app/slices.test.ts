import { describe, expect, it } from "vitest";
import { runInSlices } from "../../src/app/slices";

function* steps(log: string[], count: number): Generator<void, number> {
  for (let i = 0; i < count; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return count;
}

describe("runInSlices", () => {
  it("gives the event loop a turn between slices, and resolves to the work's result", async () => {
    const log: string[] = [];
    setImmediate(() => log.push("other request"));
    await expect(runInSlices(steps(log, 5), 0)).resolves.toBe(5);
    const other = log.indexOf("other request");
    expect(other).toBeGreaterThan(0);
    expect(other).toBeLessThan(log.indexOf("step 4"));
  });

  it("holds the loop for a whole slice before it lets others run", async () => {
    const log: string[] = [];
    setImmediate(() => log.push("other request"));
    await runInSlices(steps(log, 5), 60_000);
    expect(log.at(-1)).toBe("step 4");
    await new Promise((resolve) => setImmediate(resolve));
    expect(log.at(-1)).toBe("other request");
  });
});
