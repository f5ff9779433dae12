import { describe, expect, it } from "vitest";
import { parseAccessCommand } from "../../src/slack/listeners/commands/carebridge/access-text";

describe("/carebridge access text", () => {
  it("reads list, grant and revoke with Slack's mention forms", () => {
    expect(parseAccessCommand("")).toEqual({ kind: "list", page: 1 });
    expect(parseAccessCommand("list")).toEqual({ kind: "list", page: 1 });
    expect(parseAccessCommand("list 3")).toEqual({ kind: "list", page: 3 });
    expect(parseAccessCommand("list next")).toEqual({ kind: "list", page: 1 });
    expect(parseAccessCommand("revoke <@U123ABC|jane>")).toEqual({ kind: "revoke", userId: "U123ABC" });
    expect(parseAccessCommand("grant <@U123ABC> viewer")).toEqual({
      kind: "grant",
      request: { userId: "U123ABC", role: "viewer", grants: [] },
    });
    expect(parseAccessCommand("grant @W99ZZ agency-user office:North Valley create-staff")).toEqual({
      kind: "grant",
      request: { userId: "W99ZZ", role: "agency-user", office: "North Valley", grants: ["create-staff"] },
    });
  });

  it("says what is wrong", () => {
    expect(parseAccessCommand("grant jane admin")).toMatchObject({
      kind: "invalid",
      message: expect.stringContaining("@mention"),
    });
    expect(parseAccessCommand("grant <@U1AB> boss")).toMatchObject({
      kind: "invalid",
      message: expect.stringContaining("admin, viewer or agency-user"),
    });
    expect(parseAccessCommand("grant <@U1AB> viewer sudo")).toMatchObject({
      kind: "invalid",
      message: expect.stringContaining('"sudo"'),
    });
    expect(parseAccessCommand("promote <@U1AB>")).toMatchObject({ kind: "invalid" });
  });
});
