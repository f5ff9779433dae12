import { describe, expect, it } from "vitest";
import { runScript, type Step } from "../../src/console/tour";
import { consoleForFile } from "../support/console";

/**
 * Fix and sync in the console as a person would use it (issue 16): the form shows what TeleTrack
 * has; an email another caregiver's account has stays on the form with whose it is; an email on
 * an account no caregiver has offers the link, and linking syncs the caregiver onto that account.
 */
const STEPS: Step[] = [
  { type: "/caregiver tt-1005" },
  {
    press: /^Fix/,
    // phone, email, birth date, Submit; the email is Maria's: the form asks again.
    answers: ["(503) 555-0100", "maria.gonzalez@example.com", "", "y"],
  },
  { type: "/caregiver tt-1005" },
  {
    press: /^Fix/,
    // The same with Hannah's email (no caregiver has her account); then every field again with the choice: 1 = link.
    answers: ["(503) 555-0100", "hannah.kowalski@example.com", "", "y", "", "", "1", "", "y"],
  },
];

describe("Fix and sync in the console", () => {
  const { printed, answers, running } = consoleForFile();

  it("names the account that has the email, writes nothing, and links when chosen", async () => {
    await runScript(running().session, STEPS, {
      print: (line) => printed.push(line),
      answer: (next) => answers.splice(0, answers.length, ...next),
      delayMs: 0,
    });
    const text = printed.join("\n");
    const sandbox = running().runtime.sandbox!.state;
    expect(text).toContain("Email [priya.raman@example.com]");
    expect(text).toMatch(
      /✗ Email: CareAcademy already has this email on Maria Gonzalez's account \(active\), linked to another caregiver/,
    );
    expect(text).toContain("1. Link Priya Raman to Hannah Kowalski's account");
    expect(text).toContain("Linked the account they already had");
    expect(sandbox.teletrack.caregivers.get("tt-1005")).toMatchObject({
      email: "hannah.kowalski@example.com",
      mobilePhone: "+15035550100",
    });
    expect(sandbox.careacademy.users.get("ca-u-2003")).toMatchObject({ externalId: "tt-1005" });
    expect(running().slack.takeRejections()).toEqual([]);
    expect(printed.filter((l) => l.includes("on screen; skipped") || l.startsWith("Not understood"))).toEqual([]);
  });
});
