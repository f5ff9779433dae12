import { describe, expect, it } from "vitest";
import { consoleForFile } from "../support/console";

describe("npm run demo: the scheduled caregiver sync", () => {
  const { printed, running } = consoleForFile();

  it("understands /sync-caregiver schedule daily 06:00 and shows it in the App Home", async () => {
    await running().session.handle("/sync-caregiver schedule daily 06:00");
    expect(printed.join("\n")).toContain("daily at 06:00 (UTC)");
    printed.length = 0;
    await running().session.handle("home");
    const home = printed.join("\n");
    expect(home).toContain("Scheduled caregiver sync");
    expect(home).toContain("daily at 06:00 (UTC)");
    expect(home).toContain("Last run: not yet");
    expect(home).toMatch(/Next run: \S/);
  });
});
