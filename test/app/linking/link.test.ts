import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, linkingHarness, outcomeOf, overviewOf, VIEWER, WORKSPACE, type LinkingHarness } from "./harness";

let h: LinkingHarness;
afterEach(async () => {
  await h.close();
});

const bobRobert = { kind: "members" as const, motivityId: "mv-m-06", calmanacId: "cm-s-06" };
const suggestionStatus = async (motivityId: string, calmanacId: string) =>
  (await h.db.prisma.linkSuggestion.findFirst({ where: { workspaceId: WORKSPACE, motivityId, calmanacId } }))?.status;

describe("Link, on the sandbox", () => {
  beforeEach(async () => {
    h = await linkingHarness();
    overviewOf(await h.linking.review(ADMIN, "members"));
  });

  it("links a suggested pair in Motivity, audits it, and the lists move it to Linked", async () => {
    const result = await h.linking.link(ADMIN, bobRobert);
    expect(outcomeOf(result)).toEqual({
      status: "done",
      message: "Linked Bob Smith in Motivity to Robert Smith in Calmanac.",
    });
    expect(h.sandbox.state.motivity.members.get("mv-m-06")?.calmanacId).toBe("cm-s-06");
    expect(await suggestionStatus("mv-m-06", "cm-s-06")).toBe("linked");
    expect(await h.audits()).toContain("link.link:mv-m-06:ok");
    const o = overviewOf(result);
    expect(o.linked.some((p) => p.motivity.id === "mv-m-06" && p.calmanacId === "cm-s-06")).toBe(true);
    expect(o.notLinkedInMotivity.map((r) => r.person.id)).not.toContain("mv-m-06");
    expect(o.notLinkedInCalmanac.map((r) => r.person.id)).not.toContain("cm-s-06");
  });

  it("pressing Link twice links once", async () => {
    await h.linking.link(ADMIN, bobRobert);
    const second = outcomeOf(await h.linking.link(ADMIN, bobRobert));
    expect(second).toEqual({ status: "unchanged", message: "Bob Smith is already linked to Robert Smith." });
    expect((await h.audits()).filter((a) => a.startsWith("link.link:mv-m-06"))).toHaveLength(1);
  });

  it("a stale button (Bob linked to someone else meanwhile) says what happened and changes nothing", async () => {
    h.sandbox.state.motivity.members.get("mv-m-06")!.calmanacId = "cm-s-11";
    const outcome = outcomeOf(await h.linking.link(ADMIN, bobRobert));
    expect(outcome).toEqual({
      status: "stale",
      message: "Bob Smith was linked to Ethan Park by someone else meanwhile.",
    });
    expect(h.sandbox.state.motivity.members.get("mv-m-06")?.calmanacId).toBe("cm-s-11");
    expect(await suggestionStatus("mv-m-06", "cm-s-06")).toBe("stale");
    expect((await h.audits()).filter((a) => a.startsWith("link.link:mv-m-06"))).toEqual([]);
  });

  it("a stale button (Robert taken by another member meanwhile) names who has him", async () => {
    h.sandbox.state.motivity.members.get("mv-m-10")!.calmanacId = "cm-s-06";
    const outcome = outcomeOf(await h.linking.link(ADMIN, bobRobert));
    expect(outcome).toEqual({
      status: "stale",
      message: "Robert Smith was linked to Omar Haddad by someone else meanwhile.",
    });
    expect(h.sandbox.state.motivity.members.get("mv-m-06")?.calmanacId).toBeNull();
  });

  it("a record that left Motivity is stale, not an error", async () => {
    h.sandbox.state.motivity.members.delete("mv-m-06");
    expect(outcomeOf(await h.linking.link(ADMIN, bobRobert)).status).toBe("stale");
  });

  it("re-checks access on every press: a viewer is refused, and the refusal is audited", async () => {
    const result = await h.linking.link(VIEWER, bobRobert);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toContain("Viewers can't link Motivity and Calmanac profiles");
    expect(h.sandbox.state.motivity.members.get("mv-m-06")?.calmanacId).toBeNull();
    expect(await h.audits()).toContain("link.manage:mv-m-06:refused");
  });

  it("Unlink removes the link, is audited, and the exact rule does not link the pair back", async () => {
    const result = await h.linking.unlink(ADMIN, { kind: "members", motivityId: "mv-m-01", calmanacId: "cm-s-01" });
    expect(outcomeOf(result).status).toBe("done");
    expect(outcomeOf(result).message).toContain("Unlinked Angela Brooks from Angela Brooks");
    expect(h.sandbox.state.motivity.members.get("mv-m-01")?.calmanacId).toBeNull();
    expect(await h.audits()).toContain("link.unlink:mv-m-01:ok");

    const again = overviewOf(await h.linking.review(ADMIN, "members"));
    expect(again.autoLinked).toEqual([]);
    expect(h.sandbox.state.motivity.members.get("mv-m-01")?.calmanacId).toBeNull();
    const angela = again.notLinkedInMotivity.find((r) => r.person.id === "mv-m-01");
    expect(angela?.candidates).toEqual([]);
    expect(
      outcomeOf(await h.linking.unlink(ADMIN, { kind: "members", motivityId: "mv-m-01", calmanacId: "cm-s-01" })),
    ).toEqual({
      status: "unchanged",
      message: "Angela Brooks is not linked to anyone.",
    });
  });

  it("Unlink answers with Link again, which links the pair back over the Not a match the unlink left", async () => {
    const angela = { kind: "members" as const, motivityId: "mv-m-01", calmanacId: "cm-s-01" };
    const unlinked = outcomeOf(await h.linking.unlink(ADMIN, angela));
    expect(unlinked.undo).toEqual({ type: "relink", motivityId: "mv-m-01", calmanacId: "cm-s-01" });
    expect(await suggestionStatus("mv-m-01", "cm-s-01")).toBe("rejected");

    const again = await h.linking.link(ADMIN, angela);
    expect(outcomeOf(again)).toEqual({
      status: "done",
      message: "Linked Angela Brooks in Motivity to Angela Brooks in Calmanac.",
    });
    expect(h.sandbox.state.motivity.members.get("mv-m-01")?.calmanacId).toBe("cm-s-01");
    expect(await suggestionStatus("mv-m-01", "cm-s-01")).toBe("linked");
    expect(overviewOf(again).linked.some((p) => p.motivity.id === "mv-m-01")).toBe(true);
    expect((await h.audits()).filter((a) => a.includes(":mv-m-01:"))).toEqual([
      "link.unlink:mv-m-01:ok",
      "link.link:mv-m-01:ok",
    ]);
  });

  it("Unlink of a pair that changed meanwhile unlinks nothing", async () => {
    h.sandbox.state.motivity.members.get("mv-m-02")!.calmanacId = "cm-s-12";
    const outcome = outcomeOf(
      await h.linking.unlink(ADMIN, { kind: "members", motivityId: "mv-m-02", calmanacId: "cm-s-02" }),
    );
    expect(outcome).toEqual({
      status: "stale",
      message: "Daniel Kim is now linked to Aisha Bello, not Daniel Kim, so nothing was unlinked.",
    });
    expect(h.sandbox.state.motivity.members.get("mv-m-02")?.calmanacId).toBe("cm-s-12");
  });
});

describe("Link, with Motivity answering 409 at the contract", () => {
  const MOTIVITY = "https://motivity.test";
  const CALMANAC = "https://calmanac.test";
  const member = (id: string, firstName: string, lastName: string, calmanacId: string | null = null) => ({
    id,
    firstName,
    lastName,
    email: `${firstName.toLowerCase()}@practice.example`,
    roleId: "r-rbt",
    serviceAccount: false,
    calmanacId,
  });

  beforeEach(async () => {
    h = await linkingHarness({
      MOTIVITY_BASE_URL: MOTIVITY,
      MOTIVITY_API_KEY: "k",
      CALMANAC_BASE_URL: CALMANAC,
      CALMANAC_API_KEY: "k",
    });
  });

  it("someone linked the Calmanac record between our read and our write: stale, named, not audited as a link", async () => {
    nock(MOTIVITY)
      .get("/v1/members")
      .query(true)
      .reply(200, { data: [member("m-1", "Bob", "Smith"), member("m-2", "Omar", "Haddad")], nextCursor: null });
    nock(CALMANAC)
      .get("/v1/staff")
      .query(true)
      .reply(200, {
        data: [{ id: "s-1", firstName: "Robert", lastName: "Smith", email: null, phone: null }],
        nextCursor: null,
      });
    const put = nock(MOTIVITY)
      .put("/v1/members/m-1/calmanac-link", { calmanacId: "s-1" })
      .reply(409, { error: { code: "calmanac_id_linked", message: "linked elsewhere", existingId: "m-2" } });

    const result = await h.linking.link(ADMIN, { kind: "members", motivityId: "m-1", calmanacId: "s-1" });
    expect(put.isDone()).toBe(true);
    expect(outcomeOf(result)).toEqual({
      status: "stale",
      message: "Robert Smith was linked to Omar Haddad by someone else meanwhile.",
    });
    const o = overviewOf(result);
    expect(o.linked.map((p) => `${p.motivity.id}=${p.calmanacId}`)).toEqual(["m-2=s-1"]);
    expect(await suggestionStatus("m-1", "s-1")).toBe("stale");
    expect((await h.audits()).filter((a) => a.startsWith("link.link"))).toEqual([]);
  });
});
