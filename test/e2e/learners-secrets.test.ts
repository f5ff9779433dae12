import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { addValues, inThread, openedView, pressOn, shareFile } from "./learners-support";

const CSV = [
  "Email,FirstName,LastName,Affiliation,EmployeeType",
  "zara.import@p.example,Zara,Import,California Community Partners,Kern County Community Partner",
  "yuri.import@p.example,Yuri,Import,California Community Partners,Fresno County Community Partner",
].join("\n");

describe("temporary passwords of new CACWT learners", () => {
  let t: TestApp;
  /** Every line the app logs, at the most detailed level, as production would write it. */
  const lines: string[] = [];
  beforeAll(async () => {
    const logger = createLogger({ level: "trace", pretty: false, destination: { write: (line) => lines.push(line) } });
    t = await startTestApp({}, { logger });
    await t.runtime.services.workspaces.ensure(TEAM);
  });
  afterAll(async () => {
    await t.close();
  });

  it("are never shown in Slack or logged, for /learner add or a CSV import", async () => {
    const opened = t.slack.callsTo("views.open").length;
    await t.command("/learner", "add", ADMIN, { channel: "C0P1" });
    const view = await openedView(t, opened);
    await t.submit(
      view,
      addValues({ firstName: "Xena", lastName: "Added", email: "xena.added@p.example", county: "Kern" }),
    );
    await t.waitFor(() => t.slack.visible("C0P1", ADMIN).find((m) => m.text.startsWith("Added Xena Added")));

    const { ts } = await shareFile(t, { name: "new.csv", content: CSV, user: ADMIN, channel: "C0P2" });
    const preview = structuredClone(await t.waitFor(() => inThread(t, "C0P2", ts)[0]));
    await pressOn(t, preview, "learner.import", ADMIN);
    await t.waitFor(() => inThread(t, "C0P2", ts).find((m) => m.text.startsWith("Import log of new.csv")), 20_000);

    const passwords = ["xena.added@p.example", "zara.import@p.example", "yuri.import@p.example"].map(
      (email) => t.runtime.sandbox!.state.cacwt.passwords.get(email) ?? "",
    );
    expect(passwords.map((p) => p.length)).toEqual([20, 20, 20]);
    // The log saw both flows (so a leak would be in it): the vendor calls that created them, and the import job.
    expect(lines.filter((l) => l.includes('"vendor call"') && l.includes('"method":"POST"')).length).toBeGreaterThan(2);
    expect(lines.some((l) => l.includes('"job finished"'))).toBe(true);
    const slack = JSON.stringify(t.slack.calls);
    for (const password of passwords) {
      expect(lines.filter((l) => l.includes(password))).toEqual([]);
      expect(slack).not.toContain(password);
    }
  });
});
