import { describe, expect, it } from "vitest";
import { consoleForFile } from "../support/console";

describe("/carebridge audit in the console", () => {
  const { printed, running } = consoleForFile();

  it("shows the sync just made, in words, with its date readable in a terminal", async () => {
    await running().session.handle("/sync-caregiver tt-1006");
    printed.length = 0;
    await running().session.handle("/carebridge audit");
    const text = printed.join("\n");
    expect(text).toContain("carebridge audit");
    expect(text).toMatch(
      /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC @Ada Admin synced a caregiver · caregiver `tt-1006` · done/,
    );
    expect(text).not.toContain("<!date");
  });
});
