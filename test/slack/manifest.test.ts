import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/app/help";

const manifest = readFileSync(new URL("../../manifest.yml", import.meta.url), "utf8");
const declared = [...manifest.matchAll(/- command: (\/[a-z-]+)/g)].map((m) => m[1]);

describe("manifest.yml", () => {
  it("declares every slash command the help offers, and no other", () => {
    const offered = new Set(COMMANDS.map((c) => c.usage.split(" ")[0]).filter((u) => u!.startsWith("/")));
    expect(new Set(declared)).toEqual(offered);
  });

  it("subscribes to the events and scopes carebridge needs, with Socket Mode and interactivity on", () => {
    for (const event of ["app_home_opened", "file_shared", "message.channels", "message.im"]) expect(manifest).toContain(`- ${event}`);
    for (const scope of ["commands", "chat:write", "files:read", "files:write", "users:read.email"]) expect(manifest).toContain(`- ${scope}\n`);
    expect(manifest).toMatch(/socket_mode_enabled: true/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    expect(manifest).toMatch(/home_tab_enabled: true/);
  });
});
