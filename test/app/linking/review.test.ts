import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LinkingOverview } from "../../../src/app/linking";
import { linkSuggestionBlocks } from "../../../src/slack/presenters/linking/home";
import { ADMIN, ids, linkingHarness, overviewOf, STRANGER, VIEWER, WORKSPACE, type LinkingHarness } from "./harness";

let h: LinkingHarness;
beforeEach(async () => {
  h = await linkingHarness();
});
afterEach(async () => {
  await h.close();
});

const candidatesOf = (o: LinkingOverview, id: string) =>
  [...o.notLinkedInMotivity, ...o.notLinkedInCalmanac].find((r) => r.person.id === id)?.candidates ?? [];
const everyId = (o: LinkingOverview) => [
  ...ids(o.notLinkedInMotivity),
  ...ids(o.notLinkedInCalmanac),
  ...o.notLinkedInMotivity.flatMap((r) => r.candidates.map((c) => c.person.id)),
  ...o.notLinkedInCalmanac.flatMap((r) => r.candidates.map((c) => c.person.id)),
  ...o.linked.flatMap((p) => [p.motivity.id, p.calmanacId]),
];

describe("/link members", () => {
  it("links the exact matches (same email) in Motivity, audits each, and lists the rest on both sides", async () => {
    const o = overviewOf(await h.linking.review(ADMIN, "members"));
    expect(o.canManage).toBe(true);
    expect(o.autoLinked.map((p) => `${p.motivity.id}=${p.calmanacId}`).sort()).toEqual([
      "mv-m-03=cm-s-03",
      "mv-m-04=cm-s-04",
    ]);
    expect(h.sandbox.state.motivity.members.get("mv-m-03")?.calmanacId).toBe("cm-s-03");
    expect(h.sandbox.state.motivity.members.get("mv-m-04")?.calmanacId).toBe("cm-s-04");
    expect(ids(o.notLinkedInMotivity)).toEqual(["mv-m-05", "mv-m-06", "mv-m-07", "mv-m-08", "mv-m-09", "mv-m-10"]);
    expect(ids(o.notLinkedInCalmanac)).toEqual([
      "cm-s-05",
      "cm-s-06",
      "cm-s-07",
      "cm-s-08",
      "cm-s-09",
      "cm-s-10",
      "cm-s-11",
      "cm-s-12",
    ]);
    expect(o.linked.map((p) => p.motivity.id).sort()).toEqual(["mv-m-01", "mv-m-02", "mv-m-03", "mv-m-04"]);
    expect(await h.audits()).toEqual(["link.link:mv-m-03:ok", "link.link:mv-m-04:ok", "link.review:members:ok"]);
  });

  it("suggests the near matches with their reasons in words, likeliest first", async () => {
    const o = overviewOf(await h.linking.review(ADMIN, "members"));
    const bob = candidatesOf(o, "mv-m-06");
    expect(bob.map((c) => c.person.name)).toEqual(["Robert Smith"]);
    expect(bob[0]!.score).toBeGreaterThan(0.9);
    expect(bob[0]!.reasons.join(" ")).toMatch(/Bob.*Robert|nickname/i);
    expect(candidatesOf(o, "mv-m-08")[0]?.reasons.join(" ")).toMatch(/swapped/);
    expect(candidatesOf(o, "cm-s-05").map((c) => c.person.id)).toEqual(["mv-m-05"]);
    expect(candidatesOf(o, "cm-s-10")).toEqual([]);
    const scores = o.notLinkedInMotivity.map((r) => r.candidates[0]?.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("a second run links nothing more; each run is audited as a review", async () => {
    overviewOf(await h.linking.review(ADMIN, "members"));
    const again = overviewOf(await h.linking.review(ADMIN, "members"));
    expect(again.autoLinked).toEqual([]);
    expect(await h.audits()).toEqual([
      "link.link:mv-m-03:ok",
      "link.link:mv-m-04:ok",
      "link.review:members:ok",
      "link.review:members:ok",
    ]);
  });

  it("a run that found only exact matches counts as checked on App Home, per kind", async () => {
    const { motivity, calmanac } = h.sandbox.state;
    for (const id of [...motivity.members.keys()])
      if (!["mv-m-03", "mv-m-04"].includes(id)) motivity.members.delete(id);
    for (const id of [...calmanac.staff.keys()]) if (!["cm-s-03", "cm-s-04"].includes(id)) calmanac.staff.delete(id);
    motivity.learners.clear();
    calmanac.clients.clear();
    const notChecked = { open: { members: 0, learners: 0 }, checked: { members: false, learners: false } };
    expect(await h.linking.waiting(WORKSPACE)).toEqual(notChecked);

    const o = overviewOf(await h.linking.review(ADMIN, "members"));
    expect(o.autoLinked).toHaveLength(2);
    expect([...o.notLinkedInMotivity, ...o.notLinkedInCalmanac]).toEqual([]);
    expect(await h.db.prisma.linkSuggestion.count()).toBe(0);
    const afterMembers = await h.linking.waiting(WORKSPACE);
    expect(afterMembers.checked).toEqual({ members: true, learners: false });
    const home = JSON.stringify(linkSuggestionBlocks(afterMembers));
    expect(home).toContain("No suggestions for members wait.");
    expect(home).toContain("Not checked yet: nobody has looked for learners to link.");

    overviewOf(await h.linking.review(ADMIN, "learners"));
    const afterBoth = await h.linking.waiting(WORKSPACE);
    expect(afterBoth.checked).toEqual({ members: true, learners: true });
    expect(JSON.stringify(linkSuggestionBlocks(afterBoth))).not.toContain("Not checked yet");
  });

  it("leaves Motivity's service account out, even when Calmanac has someone with its email", async () => {
    h.sandbox.state.calmanac.staff.set("cm-s-90", {
      id: "cm-s-90",
      firstName: "Motivity",
      lastName: "Support",
      email: "support@motivity.example",
      phone: null,
    });
    const o = overviewOf(await h.linking.review(ADMIN, "members"));
    expect(o.serviceAccounts).toEqual(["Motivity Support"]);
    expect(everyId(o)).not.toContain("mv-m-00");
    expect(candidatesOf(o, "cm-s-90")).toEqual([]);
    expect(h.sandbox.state.motivity.members.get("mv-m-00")?.calmanacId).toBeNull();
  });

  it("never suggests a record that is already linked, to anyone", async () => {
    const { members } = h.sandbox.state.motivity;
    members.set("mv-m-50", {
      id: "mv-m-50",
      firstName: "Angela",
      lastName: "Brooks",
      email: "angela.b@elsewhere.example",
      roleId: "r-rbt",
      serviceAccount: false,
      calmanacId: null,
    });
    h.sandbox.state.calmanac.staff.set("cm-s-50", {
      id: "cm-s-50",
      firstName: "Dan",
      lastName: "Kim",
      email: null,
      phone: null,
    });
    const o = overviewOf(await h.linking.review(ADMIN, "members"));
    expect(candidatesOf(o, "mv-m-50")).toEqual([]);
    expect(candidatesOf(o, "cm-s-50")).toEqual([]);
    expect(ids(o.notLinkedInCalmanac)).not.toContain("cm-s-01");
    expect(ids(o.notLinkedInMotivity)).not.toContain("mv-m-02");
  });

  it("says how many namesakes tie with the last suggestion but did not fit, on that row only", async () => {
    h.sandbox.state.motivity.members.set("mv-m-60", {
      id: "mv-m-60",
      firstName: "Maya",
      lastName: "Quinn",
      email: "maya.quinn@agency.example",
      roleId: "r-rbt",
      serviceAccount: false,
      calmanacId: null,
    });
    for (const n of [61, 62, 63, 64, 65]) {
      const id = `cm-s-${n}`;
      h.sandbox.state.calmanac.staff.set(id, { id, firstName: "Maya", lastName: "Quinn", email: null, phone: null });
    }
    const o = overviewOf(await h.linking.review(ADMIN, "members"));
    const maya = o.notLinkedInMotivity.find((r) => r.person.id === "mv-m-60");
    expect(maya?.candidates.map((c) => c.person.id)).toEqual(["cm-s-61", "cm-s-62", "cm-s-63"]);
    expect(maya?.tiedBeyond).toBe(2);
    const withTies = [...o.notLinkedInMotivity, ...o.notLinkedInCalmanac].filter((r) => r.tiedBeyond !== undefined);
    expect(ids(withTies)).toEqual(["mv-m-60"]);
  });

  it("remembers the suggestions: open, then linked or stale as the systems change", async () => {
    overviewOf(await h.linking.review(ADMIN, "members"));
    const open = await h.db.prisma.linkSuggestion.findMany({ where: { workspaceId: WORKSPACE, status: "open" } });
    expect(open.map((s) => `${s.motivityId}=${s.calmanacId}`).sort()).toEqual([
      "mv-m-05=cm-s-05",
      "mv-m-06=cm-s-06",
      "mv-m-07=cm-s-07",
      "mv-m-08=cm-s-08",
      "mv-m-09=cm-s-09",
    ]);
    expect(open.find((s) => s.motivityId === "mv-m-06")?.reasons.length).toBeGreaterThan(0);
    expect((await h.linking.waiting(WORKSPACE)).open).toEqual({ members: 5, learners: 0 });

    // Someone links Bob in Motivity itself; Elizabeth Chen leaves Calmanac.
    h.sandbox.state.motivity.members.get("mv-m-06")!.calmanacId = "cm-s-06";
    h.sandbox.state.calmanac.staff.delete("cm-s-07");
    overviewOf(await h.linking.review(ADMIN, "members"));
    const status = async (m: string) =>
      (await h.db.prisma.linkSuggestion.findFirst({ where: { workspaceId: WORKSPACE, motivityId: m } }))?.status;
    expect(await status("mv-m-06")).toBe("linked");
    expect(await status("mv-m-07")).toBe("stale");
    expect((await h.linking.waiting(WORKSPACE)).open).toEqual({ members: 3, learners: 0 });
  });

  it("reopens a suggestion whose pair was linked and then unlinked in Motivity itself", async () => {
    expect(await h.linking.waiting(WORKSPACE)).toEqual({
      open: { members: 0, learners: 0 },
      checked: { members: false, learners: false },
    });
    overviewOf(await h.linking.review(ADMIN, "members"));
    await h.linking.link(ADMIN, { kind: "members", motivityId: "mv-m-06", calmanacId: "cm-s-06" });
    expect((await h.linking.waiting(WORKSPACE)).open.members).toBe(4);

    h.sandbox.state.motivity.members.get("mv-m-06")!.calmanacId = null;
    const o = overviewOf(await h.linking.review(ADMIN, "members"));
    expect(candidatesOf(o, "mv-m-06").map((c) => c.person.id)).toEqual(["cm-s-06"]);
    const row = await h.db.prisma.linkSuggestion.findFirst({
      where: { workspaceId: WORKSPACE, motivityId: "mv-m-06" },
    });
    expect(row?.status).toBe("open");
    expect(await h.linking.waiting(WORKSPACE)).toEqual({
      open: { members: 5, learners: 0 },
      checked: { members: true, learners: false },
    });
  });

  it("lets a viewer look without linking anything or remembering anything", async () => {
    const o = overviewOf(await h.linking.review(VIEWER, "members"));
    expect(o.canManage).toBe(false);
    expect(o.autoLinked).toEqual([]);
    expect(o.exactMatchesWaiting).toBe(2);
    expect(h.sandbox.state.motivity.members.get("mv-m-03")?.calmanacId).toBeNull();
    expect(await h.audits()).toEqual([]);
    expect(await h.db.prisma.linkSuggestion.count()).toBe(0);
    expect((await h.linking.waiting(WORKSPACE)).checked).toEqual({ members: false, learners: false });
    expect(candidatesOf(o, "mv-m-06").map((c) => c.person.id)).toEqual(["cm-s-06"]);
  });

  it("refuses someone without carebridge access and changes nothing", async () => {
    const result = await h.linking.review(STRANGER, "members");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toContain("You don't have access to carebridge yet");
    expect(h.sandbox.state.motivity.members.get("mv-m-03")?.calmanacId).toBeNull();
  });
});

describe("/link learners", () => {
  it("links same full name and birth date, and not a same-name client born another day", async () => {
    const o = overviewOf(await h.linking.review(ADMIN, "learners"));
    expect(o.autoLinked.map((p) => `${p.motivity.id}=${p.calmanacId}`).sort()).toEqual([
      "mv-l-02=cm-c-02",
      "mv-l-03=cm-c-03",
      "mv-l-04=cm-c-04",
      "mv-l-05=cm-c-05",
    ]);
    expect(h.sandbox.state.motivity.learners.get("mv-l-04")?.calmanacId).toBe("cm-c-04");
    expect(ids(o.notLinkedInCalmanac)).toContain("cm-c-10");
    expect(candidatesOf(o, "cm-c-10")).toEqual([]);
    expect(candidatesOf(o, "mv-l-06").map((c) => c.person.name)).toEqual(["Alexander Turner"]);
    expect(o.notLinkedInMotivity.find((r) => r.person.id === "mv-l-08")?.person.detail).toBe("JL-008");
  });
});
