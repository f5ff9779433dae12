import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { buttonNamed, buttonsOf, nextMessage, press, rowButton, textOf } from "../app/linking/slack";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.runtime.services.workspaces.ensure(TEAM);
  await t.runtime.services.access.grant({ workspaceId: TEAM, userId: ADMIN }, { userId: "U0VIEW", role: "viewer" });
});
afterAll(async () => {
  await t.close();
});

const members = () => t.runtime.sandbox!.state.motivity.members;
const link = (channel: string, text: string, user = ADMIN) =>
  nextMessage(t, channel, () => t.command("/link", text, user, { channel }), user);

describe("/link members in Slack", () => {
  it("links the exact matches, says how many, and shows both lists privately with suggestion buttons", async () => {
    const message = await link("C0L1", "members");
    expect(message.ephemeralTo).toBe(ADMIN);
    const text = textOf(message);
    expect(text).toContain("Linked *2* exact matches just now");
    expect(text).toContain("*Not linked in Motivity* · 6");
    expect(text).toContain("*Not linked in Calmanac* · 8");
    expect(text).toContain("Motivity Support, left out as a service account");
    expect(text).toContain("Sandbox");
    expect(members().get("mv-m-03")?.calmanacId).toBe("cm-s-03");
    expect(rowButton(message, "Bob Smith", /^Link to Robert Smith · \d+%$/).style).toBe("primary");
    expect(rowButtons(message, "Rosa Delgado")).toEqual(["+ Create in Motivity", "Find in Motivity…", "Ignore"]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });

  it("Link links, answers over the list, and a second press of the same button links once", async () => {
    const list = await link("C0L2", "members");
    const button = rowButton(list, "Bob Smith", /^Link to Robert Smith/);
    const after = await press(t, "C0L2", button);
    expect(textOf(after)).toContain("Linked Bob Smith in Motivity to Robert Smith in Calmanac.");
    expect(members().get("mv-m-06")?.calmanacId).toBe("cm-s-06");
    expect(textOf(after)).toContain("· 5 linked ·");
    expect(() => rowButton(after, "Bob Smith", /Link to/)).toThrow();

    const again = await press(t, "C0L2", button);
    expect(textOf(again)).toContain("Bob Smith is already linked to Robert Smith.");
    const audits = await t.runtime.db.prisma.auditEvent.count({ where: { action: "link.link", targetId: "mv-m-06" } });
    expect(audits).toBe(1);
  });

  it("a stale Link button says who was linked meanwhile instead of failing", async () => {
    const list = await link("C0L3", "members");
    const button = rowButton(list, "Thanh Nguyen", /^Link to Nguyen Thanh/);
    members().get("mv-m-08")!.calmanacId = "cm-s-11";
    const after = await press(t, "C0L3", button);
    expect(after.text).toContain("Thanh Nguyen was linked to Ethan Park by someone else meanwhile.");
    expect(members().get("mv-m-08")?.calmanacId).toBe("cm-s-11");
  });

  it("Not a match is remembered", async () => {
    const list = await link("C0L4", "members");
    const after = await press(t, "C0L4", rowButton(list, "Liz Chen", "Not a match"));
    expect(after.text).toContain("Noted: Liz Chen is not Elizabeth Chen");
    const later = await link("C0L4", "members");
    expect(() => rowButton(later, "Liz Chen", /Link to/)).toThrow();
    expect(rowButton(later, "Liz Chen", "Ignore")).toBeDefined();
  });

  it("a Not a match can be undone later, from the Not a match list", async () => {
    const list = await link("C0L4U", "members");
    const decisions = await press(t, "C0L4U", buttonNamed(list, /^Not a match \(\d+\)$/));
    expect(textOf(decisions)).toMatch(
      /\*Liz Chen\* · liz\.chen@brightpath\.example \(Motivity\)\\n≠ \*Elizabeth Chen\*/,
    );
    expect(textOf(decisions)).toMatch(/<!date\^\d+\^\{date_short\}\|\d{4}-\d{2}-\d{2}>/);
    const undone = await press(t, "C0L4U", rowButton(decisions, "Liz Chen", "Undo"));
    expect(undone.text).toContain("Undone: Liz Chen may be Elizabeth Chen after all.");
    expect(textOf(undone)).not.toContain("*Liz Chen*");
    const open = await link("C0L4U", "members");
    expect(rowButton(open, "Liz Chen", /^Link to Elizabeth Chen · \d+%$/)).toBeDefined();
  });

  it("Ignore sets a record aside, and Stop ignoring brings it back", async () => {
    const list = await link("C0L5", "members");
    const after = await press(t, "C0L5", rowButton(list, "Aisha Bello", "Ignore"));
    expect(after.text).toContain("Ignored Aisha Bello (Calmanac)");
    expect(textOf(after)).not.toContain("*Aisha Bello*");
    const ignored = await press(t, "C0L5", buttonNamed(after, "Ignored (1)"));
    const stop = rowButton(ignored, "Aisha Bello", "Stop ignoring");
    const back = await press(t, "C0L5", stop);
    expect(back.text).toContain("Aisha Bello (Calmanac) is back in the lists.");
    expect(await t.runtime.db.prisma.linkIgnore.count()).toBe(0);
  });

  it("Unlink from the Linked list, behind a confirmation", async () => {
    const list = await link("C0L6", "members");
    const linked = await press(t, "C0L6", buttonNamed(list, /^Linked \(\d+\)$/));
    const unlink = rowButton(linked, "Daniel Kim", "Unlink");
    expect(unlink.confirm).toBeDefined();
    const after = await press(t, "C0L6", unlink);
    expect(after.text).toContain("Unlinked Daniel Kim from Daniel Kim");
    expect(members().get("mv-m-02")?.calmanacId).toBeNull();
    expect(textOf(after)).toContain("*Linked* ·");
  });

  it("the answers to Unlink and Not a match take the press back: Link again, and Undo", async () => {
    const list = await link("C0L11", "members");
    const linked = await press(t, "C0L11", buttonNamed(list, /^Linked \(\d+\)$/));
    const unlinked = await press(t, "C0L11", rowButton(linked, "Angela Brooks", "Unlink"));
    expect(unlinked.text).toContain("Unlinked Angela Brooks from Angela Brooks");
    const relinked = await press(t, "C0L11", buttonNamed(unlinked, "Link again"));
    expect(relinked.text).toContain("Linked Angela Brooks in Motivity to Angela Brooks in Calmanac.");
    expect(members().get("mv-m-01")?.calmanacId).toBe("cm-s-01");

    const open = await link("C0L11", "members");
    const rejected = await press(t, "C0L11", rowButton(open, "Kathryn Mitchel", "Not a match"));
    expect(rejected.text).toContain("Noted: Kathryn Mitchel is not Kathryn Mitchell");
    expect(() => rowButton(rejected, "Kathryn Mitchel", /Link to/)).toThrow();
    const undo = buttonNamed(rejected, "Undo");
    const undone = await press(t, "C0L11", undo);
    expect(undone.text).toContain("Undone: Kathryn Mitchel may be Kathryn Mitchell after all.");
    expect(rowButton(undone, "Kathryn Mitchel", /^Link to Kathryn Mitchell · \d+%$/)).toBeDefined();
    const again = await press(t, "C0L11", undo);
    expect(again.text).toContain("Nothing to undo");
    const audits = await t.runtime.db.prisma.auditEvent.count({
      where: { action: "link.unreject", targetId: "mv-m-09" },
    });
    expect(audits).toBe(1);
  });

  it("pages long lists eight rows at a time with Next and Previous, under 50 blocks", async () => {
    const staff = t.runtime.sandbox!.state.calmanac.staff;
    for (let i = 0; i < 20; i++) {
      const id = `cm-s-p${i}`;
      staff.set(id, {
        id,
        firstName: `Pagey${String.fromCharCode(65 + i)}`,
        lastName: `Zedlow${i}`,
        email: null,
        phone: null,
      });
    }
    const first = await link("C0L7", "members");
    const title = /\*Not linked in Calmanac\* · (\d+) · page 1 of (\d+)/.exec(textOf(first));
    expect(title).not.toBeNull();
    expect(Number(title![2])).toBe(Math.ceil(Number(title![1]) / 8));
    const second = await press(t, "C0L7", buttonNamed(first, "Next"));
    expect(textOf(second)).toContain("page 2 of");
    expect(second.blocks.length).toBeLessThanOrEqual(50);
    const namesOn = (m: { blocks: unknown[] }) => [...textOf(m).matchAll(/\*(Pagey\w+ Zedlow\d+)\*/g)].map((x) => x[1]);
    expect(namesOn(second)).toHaveLength(8);
    expect(namesOn(second).some((n) => namesOn(first).includes(n))).toBe(false);
    const back = await press(t, "C0L7", buttonNamed(second, "Previous"));
    expect(namesOn(back)).toEqual(namesOn(first));
    // A button on page 2 answers with page 2.
    const ignored = await press(t, "C0L7", rowButton(second, namesOn(second)[0]!, "Ignore"));
    expect(textOf(ignored)).toContain("page 2 of");
    for (let i = 0; i < 20; i++) staff.delete(`cm-s-p${i}`);
  });

  it("a viewer sees the lists without buttons to change them; someone without access is told who to ask", async () => {
    const view = await link("C0L8", "members", "U0VIEW");
    expect(textOf(view)).toContain("you can look; an admin makes the links.");
    expect(
      buttonsOf(view)
        .map((b) => b.action_id)
        .every((id) => id.startsWith("link.page")),
    ).toBe(true);
    const refused = await link("C0L9", "members", "U0NOBODY");
    expect(refused.text).toContain("You don't have access to carebridge yet");
  });

  it("says what auto-linking did, and Undo unlinks that batch and keeps it from linking again", async () => {
    t.runtime.sandbox!.state.calmanac.staff.set("cm-s-77", {
      id: "cm-s-77",
      firstName: "Omar",
      lastName: "Haddad",
      email: "omar.haddad@brightpath.example",
      phone: null,
    });
    const list = await link("C0L12", "members");
    expect(textOf(list)).toContain("Linked *1* exact match just now (same email): Omar Haddad.");
    expect(members().get("mv-m-10")?.calmanacId).toBe("cm-s-77");
    const undo = buttonNamed(list, "Undo this link");
    expect(undo.confirm).toBeDefined();
    const undone = await press(t, "C0L12", undo);
    expect(undone.text).toContain("Undone: unlinked 1 exact match (Omar Haddad)");
    expect(members().get("mv-m-10")?.calmanacId).toBeNull();
    const again = await press(t, "C0L12", undo);
    expect(again.text).toContain("Nothing to undo");
    const later = await link("C0L12", "members");
    expect(textOf(later)).not.toContain("exact match just now");
    expect(members().get("mv-m-10")?.calmanacId).toBeNull();
    const decisions = await press(t, "C0L12", buttonNamed(later, /^Not a match \(\d+\)$/));
    expect(rowButton(decisions, "Omar Haddad", "Undo")).toBeDefined();
  });

  it("/link with anything else explains the two uses", async () => {
    const usage = await link("C0L10", "frobs");
    expect(usage.text).toContain("Use `/link members`");
  });
});

describe("/link learners in Slack", () => {
  it("links same name and birth date, and shows aliases; birth dates only beside look-alikes", async () => {
    const message = await link("C0LL1", "learners");
    const text = textOf(message);
    expect(text).toContain("Linked *4* exact matches just now");
    expect(text).toContain("JL-008");
    expect(rowButton(message, "Alex Turner", /^Link to Alexander Turner/)).toBeDefined();
    expect(rowText(message, "Alex Turner")).toContain(
      "*Alex Turner* · AT-006 · born 2013-08-19\\n• Alexander Turner · born 2013-08-19 · 99%",
    );
    // A learner without a look-alike keeps their birth date out of sight.
    expect(rowText(message, "Jayden Lee")).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(rowText(message, "Olivia Brown")).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("a 100% match that was not linked says why, and + Create beside it warns of a duplicate", async () => {
    const message = await link("C0LM1", "members");
    expect(rowText(message, "Jose Alvarez Ruiz")).toContain("100%");
    expect(rowText(message, "Jose Alvarez Ruiz")).toContain(
      "_(not linked automatically: same name, different emails)_",
    );
    const create = rowButton(message, "Jose Alvarez Ruiz", "+ Create in Motivity");
    expect(JSON.stringify(create.confirm)).toContain(
      "Jose Alvarez Ruiz may already be in Motivity as José Álvarez-Ruiz (100% alike). A new profile may duplicate them",
    );
    // Nobody alike in Motivity: no warning.
    expect(rowButton(message, "Rosa Delgado", "+ Create in Motivity").confirm).toBeUndefined();
  });
});

describe("App Home", () => {
  it("shows how many suggestions wait, and its button posts the list to the person's messages", async () => {
    await t.event({ type: "app_home_opened", user: ADMIN, channel: "D0HOME", tab: "home" });
    const home = await t.waitFor(() => t.slack.callsTo("views.publish").at(-1));
    const view = home.args.view as { blocks: unknown[] };
    expect(textOf(view)).toMatch(/\d+ suggestions? for members and \d+ for learners wait/);
    const review = buttonNamed(view, /^Review members \(\d+\)$/);
    const posted = await nextMessage(t, ADMIN, () =>
      t.press(review.action_id, review.value, ADMIN, {
        container: { type: "view", view_id: "VHOME" },
        channel: undefined,
      }),
    );
    expect(textOf(posted)).toContain("*Not linked in Motivity*");
  });
});

function rowButtons(message: { blocks: unknown[] }, name: string): string[] {
  return buttonsOf({ blocks: rowBlocks(message, name) }).map((b) => b.text.text);
}

function rowText(message: { blocks: unknown[] }, name: string): string {
  const blocks = message.blocks as Array<{ type: string; text?: { text: string } }>;
  const found = blocks.find((b) => b.type === "section" && b.text?.text.startsWith(`*${name}*`));
  if (!found) throw new Error(`no row for ${name}`);
  return JSON.stringify(found.text?.text);
}

function rowBlocks(message: { blocks: unknown[] }, name: string): unknown[] {
  const blocks = message.blocks as Array<{ type: string; text?: { text: string } }>;
  const index = blocks.findIndex((b) => b.type === "section" && b.text?.text.startsWith(`*${name}*`));
  return blocks.slice(index + 1, index + 2);
}
