import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { consoleForFile } from "../support/console";

const FIXTURES = join(import.meta.dirname, "../../../shared/fixtures");

/** The dead ends a newcomer met in `npm run demo` (issue #14), each walked to its end on the real app. */
describe("the console's workflows, walked as a newcomer would", () => {
  const { printed, answers, running } = consoleForFile();
  const session = () => running().session;
  const text = () => printed.join("\n");
  const press = async (label: RegExp | { unconfirmed: RegExp }, ...typed: string[]) => {
    const address =
      label instanceof RegExp
        ? session().addressOf(label)
        : session().addressOf(label.unconfirmed, { unconfirmed: true });
    expect(address, `a button like ${String(label)}`).toBeDefined();
    answers.splice(0, answers.length, ...typed);
    await session().handle(address!);
  };

  it("+ Create in Motivity: the form replaces the loading modal and creates the member", async () => {
    await session().handle("/link members");
    printed.length = 0;
    // A row with no likely match: beside a 90% one, + Create first warns of a duplicate.
    await press({ unconfirmed: /^\+ Create in Motivity$/ }, "", "3", "y");
    expect(text()).toContain("Motivity role");
    expect(text()).toMatch(/Created .+ in Motivity as BCBA, linked to Calmanac/);
    expect(answers).toEqual([]);
  });

  it("Reactivate instead? when the email belongs to an archived learner, and it reactivates them", async () => {
    printed.length = 0;
    answers.push("Rachel", "Adams", "rachel.adams@hopefoundation.example.org", "", "33", "", "", "y", "y");
    await session().handle("/learner add");
    expect(text()).toContain("Reactivate instead?");
    expect(text()).toContain("Rachel Adams is now active in CACWT");
    expect(answers).toEqual([]);
  });

  it("agency user: a typed username is kept and checked, and an optional phone can be cleared", async () => {
    printed.length = 0;
    // first, last (suggests tom.reyes) · username typed · role · office · email · phone (bad) · lists · Create
    answers.push("Tom", "Reyes", "Tom Reyes!", "2", "1", "tom@example.org", "12", "", "y");
    // → errors: username fixed, phone cleared with "-" · Create
    answers.push("tom.r", "-", "y");
    await session().handle("/agency-user");
    const shown = text();
    expect(shown).toContain("Username (optional, - clears) [tom.reyes]");
    expect(shown).toMatch(/✗ Username: .+/);
    expect(shown).toMatch(/✗ Mobile phone: .+/);
    expect(shown).toContain("Created agency user *tom.r*");
    expect(answers).toEqual([]);
  });

  it("a second admin reaches the pending Approve; the first is shown by name, as is the channel", async () => {
    answers.push("", "", "", "hopefoundation.example.org", "", "", "", "y");
    await session().handle("/learner archive-bulk");
    await press(/^Ask for approval$/, "y");
    await session().handle("as U0ADMIN2");
    expect(session().prompt).toBe("carebridge (Ben Admin)> ");
    const approve = await waitFor(() => session().addressOf(/^Approve/));
    expect(text()).not.toMatch(/<[#@][A-Z0-9]+>/);
    expect(text()).toContain("@Ada Admin");
    printed.length = 0;
    answers.push("y");
    await session().handle(approve);
    expect(text()).toMatch(/Approved|Archiving/i);
  });
  it("Download errors leaves the preview's Import pressable, at the same address", async () => {
    printed.length = 0;
    await session().handle(`upload ${join(FIXTURES, "cacwt_learners_messy.csv")}`);
    const importAt = session().addressOf(/^Import/);
    expect(importAt).toBeDefined();
    await press(/^Download errors$/);
    expect(session().addressOf(/^Import/)).toBe(importAt);
    printed.length = 0;
    answers.push("y");
    await session().handle(importAt!);
    expect(text()).toMatch(/Importing|import/i);
  });

  it("Edit on a learner card: the form opens filled in, and a new last name is saved as a rename", async () => {
    printed.length = 0;
    await session().handle("/learner imani.jackson@hopefoundation.example.org");
    await press(/^Edit$/, "", "Jackson-Lee", "", "", "", "", "", "y");
    const shown = text();
    expect(shown).toContain("Imani");
    expect(shown).toContain("Riverside");
    expect(shown).toMatch(/Renamed \*?Imani Jackson\*? → \*?Imani Jackson-Lee/);
    expect(answers).toEqual([]);
  });
});

async function waitFor<T>(find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("never appeared");
}
