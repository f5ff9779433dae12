import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { SCAN_BOUND } from "../../src/providers/scim/same-user";
import { startScimmy, type Scimmy } from "../support/scimmy-server";
import { nextMessage, textOf } from "../app/linking/slack";

/**
 * The caregiver and linking workflows with CAREGIVER_LMS=scim against SCIMMY, a real SCIM 2.0
 * service whose `userName eq` is case-sensitive while its uniqueness is not; the sandbox plays
 * the other vendors. Linking uses Motivity and Calmanac, never the LMS.
 */
describe("CAREGIVER_LMS=scim against SCIMMY, end to end", () => {
  let t: TestApp;
  let scimmy: Scimmy;
  beforeAll(async () => {
    scimmy = await startScimmy();
    t = await startTestApp({ CAREGIVER_LMS: "scim", SCIM_BASE_URL: scimmy.url, SCIM_API_KEY: "scimmy" });
    await t.runtime.services.workspaces.ensure(TEAM);
  });
  afterAll(async () => {
    await t.close();
    await scimmy.close();
  });

  const usersNamed = (email: string) => [...scimmy.users.values()].filter((u) => u.userName.toLowerCase() === email);
  const card = (channel: string, id: string) =>
    nextMessage(t, channel, () => t.command("/sync-caregiver", id, ADMIN, { channel }));

  it("a caregiver whose email the service holds in other capitals is linked to that account, not refused", async () => {
    scimmy.add({ userName: "Kevin.OBrien@Example.com", name: { givenName: "Kevin", familyName: "O'Brien" } });
    const answer = await card("C0SC1", "tt-1006");
    expect(answer.text).not.toContain("conflicts");
    expect(textOf(answer)).toContain("Linked the account they already had");
    expect(usersNamed("kevin.obrien@example.com")).toHaveLength(1);
    expect(usersNamed("kevin.obrien@example.com")[0]?.externalId).toBe("tt-1006");
  });

  it("a new caregiver gets an account in the SCIM service", async () => {
    expect(textOf(await card("C0SC2", "tt-1007"))).toContain("Created their account");
    expect(usersNamed("ngozi.okafor@example.com")).toMatchObject([{ externalId: "tt-1007", active: true }]);
  });

  it("when the account holding the userName cannot be found, the answer names the userName and what to do", async () => {
    for (let i = 0; i < SCAN_BOUND; i++) scimmy.add({ userName: `filler${i}@example.org` });
    scimmy.add({ userName: "Priya.Raman@Example.com" });
    const answer = await card("C0SC5", "tt-1005");
    expect(JSON.stringify(answer)).toContain(
      'refuses the userName \\"priya.raman@example.com\\" as taken, but no account with it (in any capitals) or with that email turned up among the first 1,000 accounts.',
    );
    expect(usersNamed("priya.raman@example.com")).toHaveLength(1);
  });

  it("syncing everyone runs to the end, with one account per email", async () => {
    await t.command("/sync-caregiver", "all full", ADMIN, { channel: "C0SC3" });
    const preview = await t.waitFor(() =>
      t.slack.visible("C0SC3", ADMIN).find((m) => m.text.startsWith("Sync preview")),
    );
    const confirm = (preview.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id.startsWith("caregiver.sync-all.confirm"));
    await t.press(confirm!.action_id, confirm!.value, ADMIN, { channel: { id: "C0SC3" } });
    const report = await t.waitFor(
      () =>
        t.slack.messages.find((m) => m.channel === "C0SC3" && m.threadTs && m.text.includes("Caregiver sync finished")),
      20_000,
    );
    const [, processed, total] = /finished: (\d+) of (\d+)/.exec(report.text) ?? [];
    // The whole conversation names the configured system, and the report's outcomes are words.
    for (const m of t.slack.messages.filter((m) => m.channel === "C0SC3")) {
      expect(JSON.stringify(m)).not.toContain("CareAcademy");
      expect(JSON.stringify(m.blocks ?? [])).not.toContain("cannot-sync");
    }
    expect(processed).toBe(total);
    const userNames = [...scimmy.users.values()].map((u) => u.userName.toLowerCase());
    expect(new Set(userNames).size).toBe(userNames.length);
    expect(usersNamed("maria.gonzalez@example.com")).toHaveLength(1);
  });

  it("/link members links in Motivity and Calmanac alongside", async () => {
    const message = await nextMessage(t, "C0SC4", () => t.command("/link", "members", ADMIN, { channel: "C0SC4" }));
    expect(textOf(message)).toContain("Linked *2* exact matches just now");
    expect(t.runtime.sandbox!.state.motivity.members.get("mv-m-03")?.calmanacId).toBe("cm-s-03");
  });
});
