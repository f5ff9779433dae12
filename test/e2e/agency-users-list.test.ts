import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";

let t: TestApp;
const textOf = (value: unknown) => JSON.stringify(value);
type Button = { action_id: string; value: string };
const buttonsOf = (blocks: unknown[]): Button[] =>
  (blocks as Array<{ type: string; elements?: Button[] }>)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);

beforeAll(async () => {
  t = await startTestApp();
  await t.runtime.services.workspaces.ensure(TEAM);
  const staff = t.runtime.sandbox!.state.caresmartz.agencyUsers;
  const template = staff.get("cs-u-03")!;
  for (let i = 1; i <= 25; i += 1) {
    const n = String(i).padStart(2, "0");
    staff.set(`cs-fre-${n}`, {
      ...template,
      id: `cs-fre-${n}`,
      username: `fresno.${n}`,
      firstName: "Fresno",
      lastName: `Staff ${n}`,
      officeId: "of-fre",
    });
  }
  const result = await t.runtime.services.access.grant(
    { workspaceId: TEAM, userId: ADMIN },
    { userId: "U0SAC", role: "agency-user", office: "of-sac" },
  );
  expect(result.ok).toBe(true);
});
afterAll(async () => {
  await t.close();
});

describe("/agency-user list [office]", () => {
  it("shows an office's agency users privately, and pages with Next and Previous", async () => {
    await t.command("/agency-user", "list fresno", ADMIN, { channel: "C0L1" });
    const first = await t.waitFor(() => t.slack.visible("C0L1", ADMIN).at(-1));
    expect(first.ephemeralTo).toBe(ADMIN);
    expect(first.text).toContain(
      "Agency users in Fresno Branch: 27 agency users in Caresmartz360 (sandbox demo data) · page 1 of 2",
    );
    expect(textOf(first.blocks)).toContain("*Marcus Bell* · `marcus.bell` · Office Manager · active");
    expect(textOf(first.blocks)).not.toContain("fresno.20");
    const [next] = buttonsOf(first.blocks);
    expect(next?.action_id).toBe("agency-user.list-next");

    await t.press(next!.action_id, next!.value, ADMIN, { channel: { id: "C0L1" }, response_url: first.responseUrl });
    await t.waitFor(() => (first.text.includes("page 2 of 2") ? first : undefined));
    expect(textOf(first.blocks)).toContain("fresno.20");
    expect(textOf(first.blocks)).not.toContain("marcus.bell");
    expect(buttonsOf(first.blocks).map((b) => b.action_id)).toEqual(["agency-user.list-previous"]);
  });

  it("shows an agency user their own office, and refuses another even through a page button", async () => {
    await t.command("/agency-user", "list", "U0SAC", { channel: "C0L2" });
    const own = await t.waitFor(() => t.slack.visible("C0L2", "U0SAC").at(-1));
    expect(own.text).toContain("Sacramento (Main Office)");
    expect(textOf(own.blocks)).toContain("*Grace O'Malley* · `grace.omalley` · HR Specialist · _inactive_");
    expect(textOf(own.blocks)).toContain("*Tanya Ruiz* · `tanya.ruiz` · Scheduler · active");

    await t.press("agency-user.list-next", JSON.stringify({ o: "of-fre", p: 2 }), "U0SAC", { channel: { id: "C0L3" } });
    const refused = await t.waitFor(() => t.slack.visible("C0L3", "U0SAC").at(-1));
    expect(refused.text).toContain("only list agency users in your own office");
    expect(refused.text).not.toContain("fresno.");
  });

  it("says which offices exist when the office is unknown or missing", async () => {
    await t.command("/agency-user", "list", ADMIN, { channel: "C0L4" });
    const missing = await t.waitFor(() => t.slack.visible("C0L4", ADMIN).at(-1));
    expect(missing.text).toMatch(/^Say which office/);
    expect(missing.text).toContain("Stockton Branch");
  });

  it("anything else gets the usage", async () => {
    await t.command("/agency-user", "delete bob", ADMIN, { channel: "C0L5" });
    const usage = await t.waitFor(() => t.slack.visible("C0L5", ADMIN).at(-1));
    expect(usage.text).toContain("/agency-user list [office]");
  });
});
