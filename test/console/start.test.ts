import { describe, expect, it } from "vitest";
import { consoleForFile } from "../support/console";

describe("npm run demo's wiring", () => {
  const { printed, running } = consoleForFile();

  it("answers /carebridge help on the sandbox, as an admin, without Slack credentials", async () => {
    await running().session.handle("/carebridge help");
    const text = printed.join("\n");
    expect(text).toContain("What you can do with carebridge");
    expect(text).toContain("/carebridge access grant");
    expect(text).toContain("Sandbox:");
    expect(running().runtime.sandbox).toBeDefined();
  });

  it("shows the App Home", async () => {
    printed.length = 0;
    await running().session.handle("home");
    expect(printed.join("\n")).toContain("You are an *admin*");
  });
});
