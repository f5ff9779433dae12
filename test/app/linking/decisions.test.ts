import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, ids, linkingHarness, outcomeOf, overviewOf, VIEWER, WORKSPACE, type LinkingHarness } from "./harness";

let h: LinkingHarness;
beforeEach(async () => {
  h = await linkingHarness();
  overviewOf(await h.linking.review(ADMIN, "members"));
});
afterEach(async () => {
  await h.close();
});

describe("Not a match", () => {
  it("is remembered: the pair is suggested on neither side again, and the decision is audited", async () => {
    const result = await h.linking.reject(ADMIN, {
      kind: "members",
      side: "motivity",
      recordId: "mv-m-06",
      others: ["cm-s-06"],
    });
    const row = await h.db.prisma.linkSuggestion.findFirst({
      where: { workspaceId: WORKSPACE, motivityId: "mv-m-06" },
    });
    expect(row).toMatchObject({ calmanacId: "cm-s-06", status: "rejected", decidedBy: ADMIN.userId });
    expect(outcomeOf(result)).toEqual({
      status: "done",
      message:
        "Noted: Bob Smith is not Robert Smith; carebridge will not suggest them again. Undo it here, or any time under Not a match.",
      undo: {
        type: "unreject",
        side: "motivity",
        recordId: "mv-m-06",
        recordName: "Bob Smith",
        others: ["cm-s-06"],
        decidedAt: row!.decidedAt!.toISOString(),
      },
    });
    expect(await h.audits()).toContain("link.reject:mv-m-06:ok");

    const again = overviewOf(await h.linking.review(ADMIN, "members"));
    expect(again.notLinkedInMotivity.find((r) => r.person.id === "mv-m-06")?.candidates).toEqual([]);
    expect(again.notLinkedInCalmanac.find((r) => r.person.id === "cm-s-06")?.candidates).toEqual([]);
    expect(
      outcomeOf(
        await h.linking.reject(ADMIN, { kind: "members", side: "motivity", recordId: "mv-m-06", others: ["cm-s-06"] }),
      ).status,
    ).toBe("unchanged");
  });

  it("from the Calmanac side rejects the same pair", async () => {
    await h.linking.reject(ADMIN, { kind: "members", side: "calmanac", recordId: "cm-s-09", others: ["mv-m-09"] });
    const row = await h.db.prisma.linkSuggestion.findFirst({
      where: { workspaceId: WORKSPACE, calmanacId: "cm-s-09" },
    });
    expect(row).toMatchObject({ motivityId: "mv-m-09", status: "rejected" });
  });

  it("on a record linked meanwhile is stale and records nothing", async () => {
    h.sandbox.state.motivity.members.get("mv-m-06")!.calmanacId = "cm-s-06";
    const outcome = outcomeOf(
      await h.linking.reject(ADMIN, { kind: "members", side: "motivity", recordId: "mv-m-06", others: ["cm-s-06"] }),
    );
    expect(outcome).toEqual({
      status: "stale",
      message: "Bob Smith was linked to Robert Smith by someone else meanwhile.",
    });
    expect(await h.db.prisma.linkSuggestion.count({ where: { status: "rejected" } })).toBe(0);
  });
});

describe("Undo of a Not a match", () => {
  const bob = { kind: "members" as const, side: "motivity" as const, recordId: "mv-m-06" };
  const undoOf = (result: Awaited<ReturnType<LinkingHarness["linking"]["reject"]>>) => {
    const undo = outcomeOf(result).undo;
    if (undo?.type !== "unreject") throw new Error(`expected an Undo, got ${JSON.stringify(undo)}`);
    return { ...bob, others: undo.others, decidedAt: undo.decidedAt };
  };
  const statusOf = async (calmanacId: string) =>
    (
      await h.db.prisma.linkSuggestion.findFirst({
        where: { workspaceId: WORKSPACE, motivityId: "mv-m-06", calmanacId },
      })
    )?.status;
  const unrejects = async () => (await h.audits()).filter((a) => a.startsWith("link.unreject"));

  it("forgets exactly the rejections that press recorded, brings the suggestion back, and is audited once", async () => {
    const first = undoOf(await h.linking.reject(ADMIN, { ...bob, others: ["cm-s-06"] }));
    // "None of these" over a pair already rejected records only the new one, and its Undo forgets only that one.
    const second = undoOf(await h.linking.reject(ADMIN, { ...bob, others: ["cm-s-06", "cm-s-11"] }));
    expect(second.others).toEqual(["cm-s-11"]);

    const undone = await h.linking.unreject(ADMIN, second);
    expect(outcomeOf(undone)).toEqual({
      status: "done",
      message: "Undone: Bob Smith may be Ethan Park after all. They may be suggested again.",
    });
    expect(await statusOf("cm-s-11")).toBe("stale");
    expect(await statusOf("cm-s-06")).toBe("rejected");
    expect(overviewOf(undone).notLinkedInMotivity.find((r) => r.person.id === "mv-m-06")?.candidates).toEqual([]);

    const back = await h.linking.unreject(ADMIN, first);
    expect(outcomeOf(back).status).toBe("done");
    expect(overviewOf(back).notLinkedInMotivity.find((r) => r.person.id === "mv-m-06")?.candidates[0]?.person.id).toBe(
      "cm-s-06",
    );
    expect(await statusOf("cm-s-06")).toBe("open");
    expect(await unrejects()).toEqual(["link.unreject:mv-m-06:ok", "link.unreject:mv-m-06:ok"]);

    expect(outcomeOf(await h.linking.unreject(ADMIN, first))).toEqual({
      status: "unchanged",
      message: 'Nothing to undo: that "Not a match" on Bob Smith was undone or overtaken since.',
    });
    expect(await unrejects()).toHaveLength(2);
  });

  it("does not undo a decision taken since: once the pair was linked, the old Undo changes nothing", async () => {
    const undo = undoOf(await h.linking.reject(ADMIN, { ...bob, others: ["cm-s-06"] }));
    expect(
      outcomeOf(await h.linking.link(ADMIN, { kind: "members", motivityId: "mv-m-06", calmanacId: "cm-s-06" })).status,
    ).toBe("done");
    expect(outcomeOf(await h.linking.unreject(ADMIN, undo)).status).toBe("unchanged");
    expect(await statusOf("cm-s-06")).toBe("linked");
    expect(h.sandbox.state.motivity.members.get("mv-m-06")?.calmanacId).toBe("cm-s-06");
    expect(await unrejects()).toEqual([]);
  });

  it("re-checks access: a viewer's Undo is refused and audited, and the rejection stays", async () => {
    const undo = undoOf(await h.linking.reject(ADMIN, { ...bob, others: ["cm-s-06"] }));
    const result = await h.linking.unreject(VIEWER, undo);
    expect(result.ok).toBe(false);
    expect(await statusOf("cm-s-06")).toBe("rejected");
    expect(await h.audits()).toContain("link.manage:mv-m-06:refused");
  });
});

describe("Ignore", () => {
  it("leaves a record out of the lists and suggestions until someone stops ignoring it; both audited", async () => {
    expect((await h.linking.waiting(WORKSPACE)).open).toEqual({ members: 5, learners: 0 });
    const result = await h.linking.ignore(ADMIN, { kind: "members", side: "motivity", recordId: "mv-m-07" });
    expect(outcomeOf(result).status).toBe("done");
    expect(ids(overviewOf(result).notLinkedInMotivity)).not.toContain("mv-m-07");
    expect(overviewOf(result).ignored.map((r) => `${r.side}:${r.person.id}`)).toEqual(["motivity:mv-m-07"]);
    expect(overviewOf(result).notLinkedInCalmanac.find((r) => r.person.id === "cm-s-07")?.candidates).toEqual([]);
    expect((await h.linking.waiting(WORKSPACE)).open).toEqual({ members: 4, learners: 0 });

    const later = overviewOf(await h.linking.review(ADMIN, "members"));
    expect(ids(later.notLinkedInMotivity)).not.toContain("mv-m-07");
    expect(
      outcomeOf(await h.linking.ignore(ADMIN, { kind: "members", side: "motivity", recordId: "mv-m-07" })).status,
    ).toBe("unchanged");

    const back = await h.linking.unignore(ADMIN, { kind: "members", side: "motivity", recordId: "mv-m-07" });
    expect(outcomeOf(back)).toEqual({ status: "done", message: "Liz Chen (Motivity) is back in the lists." });
    expect(overviewOf(back).notLinkedInMotivity.find((r) => r.person.id === "mv-m-07")?.candidates[0]?.person.id).toBe(
      "cm-s-07",
    );
    expect(await h.audits()).toEqual(expect.arrayContaining(["link.ignore:mv-m-07:ok", "link.unignore:mv-m-07:ok"]));
  });

  it("is per kind and side: ignoring Calmanac staff leaves learners alone", async () => {
    await h.linking.ignore(ADMIN, { kind: "members", side: "calmanac", recordId: "cm-s-10" });
    const rows = await h.db.prisma.linkIgnore.findMany();
    expect(rows).toMatchObject([
      { workspaceId: WORKSPACE, kind: "members", side: "calmanac", recordId: "cm-s-10", ignoredBy: ADMIN.userId },
    ]);
    const learners = overviewOf(await h.linking.review(ADMIN, "learners"));
    expect(learners.ignored).toEqual([]);
  });

  it("an explicit Link overrides an earlier Ignore", async () => {
    await h.linking.ignore(ADMIN, { kind: "members", side: "calmanac", recordId: "cm-s-06" });
    const linked = await h.linking.link(ADMIN, { kind: "members", motivityId: "mv-m-06", calmanacId: "cm-s-06" });
    expect(outcomeOf(linked).status).toBe("done");
    expect(overviewOf(linked).ignored).toEqual([]);
    expect(await h.db.prisma.linkIgnore.count()).toBe(0);
  });
});

describe("Suggestions remembered per run", () => {
  const stored = async () =>
    new Map(
      (
        await h.db.prisma.linkSuggestion.findMany({
          where: { workspaceId: WORKSPACE, kind: "members", status: "open" },
        })
      ).map((r) => [`${r.motivityId}>${r.calmanacId}`, r]),
    );
  const shown = (overview: ReturnType<typeof overviewOf>) =>
    new Map(
      overview.notLinkedInMotivity.flatMap((row) =>
        row.candidates.map((c) => [`${row.person.id}>${c.person.id}`, { score: c.score, reasons: c.reasons }] as const),
      ),
    );

  it("holds each suggestion shown with its score and reasons, word for word (arrows, parentheses, slashes)", async () => {
    const overview = overviewOf(await h.linking.review(ADMIN, "members"));
    const rows = await stored();
    const expected = shown(overview);
    expect(expected.size).toBeGreaterThan(2);
    for (const [key, { score, reasons }] of expected) expect(rows.get(key)).toMatchObject({ score, reasons });
    expect([...expected.values()].flatMap((s) => s.reasons).join(" ")).toMatch(/→.*\(.* \/ .*\)|\(.* \/ .*\).*→/);
  });

  it("rescores a kept pair in place when the rules word it otherwise now", async () => {
    const [key, before] = [...(await stored())][0]!;
    await h.db.prisma.linkSuggestion.update({
      where: { id: before.id },
      data: { score: 0.5, reasons: ['an older rule\'s words, "quoted", with a comma'] },
    });
    overviewOf(await h.linking.review(ADMIN, "members"));
    const after = (await stored()).get(key);
    expect(after).toMatchObject({ id: before.id, score: before.score, reasons: before.reasons, status: "open" });
  });
});
