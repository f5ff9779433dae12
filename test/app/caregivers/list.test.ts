import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LIST_FILTERS, LIST_PAGE_SIZE } from "../../../src/app/caregivers";
import { emailOfAnother } from "../../../src/domain/caregivers/readiness";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, caregiverHarness, STAFF, VIEWER, WORKSPACE, type Harness } from "./harness";

/**
 * `/caregiver list`: the demo agency's 12 TeleTrack caregivers (tt-1003 has no email, tt-1004 no
 * birth date in CA, tt-1009 is inactive, tt-1005 has no mobile phone), before and after syncs.
 */
describe(`Caregiver list (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeEach(async () => {
    h = await caregiverHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function list(filter: string, page = 1, actor = ADMIN) {
    const result = await h.caregivers.list(actor, filter, page);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(" "));
    return result.list;
  }

  it("without a word lists the caregivers a sync would still add, by last name, with every filter's count", async () => {
    const shown = await list("");
    expect(shown.filter).toBe("not-synced");
    expect(shown.counts).toEqual({ "not-synced": 9, "cannot-sync": 2, deactivated: 0, all: 12 });
    expect(shown.rows.map((r) => r.id)).toEqual([
      "tt-1002", // Carter
      "tt-1001", // Gonzalez
      "tt-1011", // Hassan
      "tt-1010", // Kowalski
      "tt-1012", // Liu
      "tt-1006", // O'Brien
      "tt-1007", // Okafor
      "tt-1005", // Raman
      "tt-1008", // Tran
    ]);
    expect(shown.rows.every((r) => r.sync === "not-in-lms" && r.lmsStatus === null && r.blockers.length === 0)).toBe(
      true,
    );
    expect(shown.rows.find((r) => r.id === "tt-1005")?.noMobilePhone).toBe(true);
  });

  it("cannot-sync names the readiness rules that block each caregiver", async () => {
    const shown = await list("cannot-sync");
    expect(shown.rows.map((r) => [r.id, r.blockers.map((b) => b.field)])).toEqual([
      ["tt-1003", ["email"]],
      ["tt-1004", ["birthDate"]],
    ]);
    expect(shown.rows[1]?.blockers[0]?.message).toContain("CA");
  });

  it("after syncs: synced ones leave not-synced, a TeleTrack change brings one back, a deactivation shows as held", async () => {
    for (const id of ["tt-1001", "tt-1007"]) {
      const synced = await h.caregivers.openById(ADMIN, id, "sync");
      expect(synced.ok).toBe(true);
    }
    expect((await list("not-synced")).rows.map((r) => r.id)).not.toContain("tt-1001");
    const ngozi = h.sandbox.state.teletrack.caregivers.get("tt-1007")!;
    Object.assign(ngozi, { mobilePhone: "+1 916 555 0111", updatedAt: new Date().toISOString() });
    const changed = (await list("not-synced")).rows.find((r) => r.id === "tt-1007");
    expect(changed).toMatchObject({ sync: "changed", lmsStatus: "active" });

    const deactivated = await h.caregivers.changeStatus(ADMIN, "tt-1001", "deactivate");
    expect(deactivated.ok).toBe(true);
    const shown = await list("deactivated");
    expect(shown.rows).toEqual([expect.objectContaining({ id: "tt-1001", lmsStatus: "deactivated", held: true })]);
    const all = await list("all");
    expect(all.rows.find((r) => r.id === "tt-1001")).toMatchObject({ sync: "synced", lmsStatus: "deactivated" });
    expect(all.counts["not-synced"]).toBe(8);
  });

  it("cannot-sync also lists a caregiver the LMS refused at the last run, in its words, until a sync succeeds", async () => {
    // Lucas Carter's email becomes Maria Gonzalez's, which her CareAcademy account has.
    const lucas = h.sandbox.state.teletrack.caregivers.get("tt-1002")!;
    const ownEmail = lucas.email;
    const maria = h.sandbox.state.teletrack.caregivers.get("tt-1001")!;
    Object.assign(lucas, { email: maria.email, updatedAt: new Date().toISOString() });
    // Also one the run stops for a readiness rule (no birth date in CA), fixed after the run.
    const blocked = h.sandbox.state.teletrack.caregivers.get("tt-1004")!;
    const previewed = await h.caregivers.previewAll(ADMIN, { full: true, channelId: "C0SYNC" });
    if (!previewed.ok) throw new Error("expected a preview");
    const confirmed = await h.caregivers.confirmAll(ADMIN, previewed.preview.jobId!);
    expect(confirmed.ok).toBe(true);
    await h.jobs.launch(previewed.preview.jobId!, { channel: "C0SYNC", ts: "1.000001" });
    Object.assign(blocked, { birthDate: "1990-05-01", updatedAt: new Date().toISOString() });

    const before = h.sandbox.stats.requests.careacademy;
    const shown = await list("cannot-sync");
    expect(h.sandbox.stats.requests.careacademy).toBe(before);
    expect(shown.rows.map((r) => [r.id, r.blockers.map((b) => b.field), r.refusal])).toEqual([
      ["tt-1002", [], emailOfAnother("CareAcademy")],
      ["tt-1003", ["email"], null],
    ]);
    expect(shown.counts["cannot-sync"]).toBe(2);
    expect(shown.rows[0]?.sync).toBe("cannot-sync");
    expect((await list("not-synced")).rows.map((r) => r.id)).toContain("tt-1004");

    // Given their own email again and synced from the card: out of the list.
    Object.assign(lucas, { email: ownEmail, updatedAt: new Date().toISOString() });
    const synced = await h.caregivers.openById(ADMIN, "tt-1002", "sync");
    expect(synced.ok && synced.card.synced).toBeTruthy();
    const after = await list("cannot-sync");
    expect(after.rows.map((r) => r.id)).toEqual(["tt-1003"]);
    expect(after.counts["cannot-sync"]).toBe(1);
  });

  it("cannot-sync lists a caregiver the LMS refused at a card sync, in its words, until a sync succeeds", async () => {
    // Maria Gonzalez synced first, so her CareAcademy account has her email; Lucas Carter is then given it.
    expect((await h.caregivers.openById(ADMIN, "tt-1001", "sync")).ok).toBe(true);
    const lucas = h.sandbox.state.teletrack.caregivers.get("tt-1002")!;
    const ownEmail = lucas.email;
    Object.assign(lucas, {
      email: h.sandbox.state.teletrack.caregivers.get("tt-1001")!.email,
      updatedAt: new Date().toISOString(),
    });
    const refused = await h.caregivers.openById(ADMIN, "tt-1002", "sync");
    expect(refused.ok && refused.card.problems).toContain(emailOfAnother("CareAcademy"));

    const before = h.sandbox.stats.requests.careacademy;
    const shown = await list("cannot-sync");
    expect(h.sandbox.stats.requests.careacademy).toBe(before);
    expect(shown.rows.map((r) => [r.id, r.sync, r.refusal])).toEqual([
      ["tt-1002", "cannot-sync", emailOfAnother("CareAcademy")],
      ["tt-1003", "cannot-sync", null],
      ["tt-1004", "cannot-sync", null],
    ]);

    // Given their own email again and synced by a run: out of the list.
    Object.assign(lucas, { email: ownEmail, updatedAt: new Date().toISOString() });
    const previewed = await h.caregivers.previewAll(ADMIN, { full: true, channelId: "C0SYNC" });
    if (!previewed.ok) throw new Error("expected a preview");
    expect((await h.caregivers.confirmAll(ADMIN, previewed.preview.jobId!)).ok).toBe(true);
    await h.jobs.launch(previewed.preview.jobId!, { channel: "C0SYNC", ts: "1.000001" });
    const after = await list("cannot-sync");
    expect(after.rows.map((r) => r.id)).toEqual(["tt-1003", "tt-1004"]);
    expect((await list("all")).rows.find((r) => r.id === "tt-1002")?.sync).toBe("synced");
  });

  it("a sync that succeeds after a refused run ends the refusal, whatever the database's clock says", async () => {
    // carebridge's clock an hour behind the database's: the success is stamped before the refusal by the other clock.
    await h.close();
    h = await caregiverHarness({ now: () => new Date(Date.now() - 3_600_000) });
    const lucas = h.sandbox.state.teletrack.caregivers.get("tt-1002")!;
    const ownEmail = lucas.email;
    Object.assign(lucas, {
      email: h.sandbox.state.teletrack.caregivers.get("tt-1001")!.email,
      updatedAt: new Date().toISOString(),
    });
    const previewed = await h.caregivers.previewAll(ADMIN, { full: true, channelId: "C0SYNC" });
    if (!previewed.ok) throw new Error("expected a preview");
    expect((await h.caregivers.confirmAll(ADMIN, previewed.preview.jobId!)).ok).toBe(true);
    await h.jobs.launch(previewed.preview.jobId!, { channel: "C0SYNC", ts: "1.000001" });
    expect((await list("cannot-sync")).rows.map((r) => r.id)).toContain("tt-1002");

    Object.assign(lucas, { email: ownEmail, updatedAt: new Date().toISOString() });
    const synced = await h.caregivers.openById(ADMIN, "tt-1002", "sync");
    expect(synced.ok && synced.card.synced).toBeTruthy();
    // TeleTrack then changes his first name: a sync would update him, nothing refuses it.
    Object.assign(lucas, { firstName: "Luke", updatedAt: new Date().toISOString() });
    expect((await list("cannot-sync")).rows.map((r) => r.id)).toEqual(["tt-1003", "tt-1004"]);
    expect((await list("all")).rows.find((r) => r.id === "tt-1002")).toMatchObject({ sync: "changed", refusal: null });
  });

  it("all pages by ten, keeps a page past the end on the last one, and lists inactive caregivers as such", async () => {
    const first = await list("all");
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 12 });
    expect(first.rows).toHaveLength(LIST_PAGE_SIZE);
    const last = await list("ALL", 99);
    expect(last).toMatchObject({ page: 2, pageCount: 2 });
    expect(last.rows).toHaveLength(2);
    const ids = [...first.rows, ...last.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(12);
    const samuel = [...first.rows, ...last.rows].find((r) => r.id === "tt-1009");
    expect(samuel?.sync).toBe("inactive");
  });

  it("an unknown filter answers with a sentence naming every filter", async () => {
    const result = await h.caregivers.list(ADMIN, "synced", 1);
    expect(result.ok).toBe(false);
    const message = result.ok ? "" : result.problems[0]!.message;
    expect(message).toContain('"synced"');
    for (const filter of LIST_FILTERS) expect(message).toContain(filter);
  });

  it("viewers and agency users may list; someone without access, or another's buttons, may not", async () => {
    expect((await h.caregivers.list(VIEWER, "all", 1)).ok).toBe(true);
    expect((await h.caregivers.list(STAFF, "all", 1)).ok).toBe(true);
    const stranger = await h.caregivers.list({ workspaceId: WORKSPACE, userId: "U0NOBODY" }, "all", 1);
    expect(stranger.ok).toBe(false);
    const pressed = await h.caregivers.list(VIEWER, "all", 2, ADMIN.userId);
    expect(pressed).toEqual({ ok: false, problems: [{ message: expect.stringContaining("made for") }] });
  });

  it("asks nothing of the LMS: the status is the one carebridge recorded", async () => {
    const before = h.sandbox.stats.requests.careacademy;
    await list("all");
    await list("all", 2);
    expect(h.sandbox.stats.requests.careacademy).toBe(before);
  });
});

describe(`The LMS sign-in offered on the card (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeEach(async () => {
    h = await caregiverHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("offers it to admins only, on a viewed card and on one after a change", async () => {
    const admin = await h.caregivers.openById(ADMIN, "tt-1001", "view");
    expect(admin.ok && admin.card.signIn).toBe(true);
    const staff = await h.caregivers.openById(STAFF, "tt-1001", "view");
    expect(staff.ok && staff.card.signIn).toBe(false);
    const viewer = await h.caregivers.openById(VIEWER, "tt-1001", "view");
    expect(viewer.ok && viewer.card.signIn).toBe(false);
    const changed = await h.caregivers.changeStatus(ADMIN, "tt-1001", "deactivate");
    expect(changed.ok && changed.card.signIn).toBe(true);
    expect(await h.caregivers.maySignIn(ADMIN)).toBe(true);
    expect(await h.caregivers.maySignIn(VIEWER)).toBe(false);
  });

  it("offers nothing when the configured LMS (SCIM) has no single sign-on, not even to admins", async () => {
    const scim = await caregiverHarness({ env: { CAREGIVER_LMS: "scim" } });
    try {
      expect(scim.providers.caregiverLms.capabilities.adminSso).toBe(false);
      expect(await scim.caregivers.maySignIn(ADMIN)).toBe(false);
      const card = await scim.caregivers.openById(ADMIN, "tt-1001", "view");
      expect(card.ok && card.card.signIn).toBe(false);
    } finally {
      await scim.close();
    }
  });

  it("the link it gives opens once: a second open is refused", async () => {
    const result = await h.caregivers.adminSignIn(ADMIN, "admin@sunrisecare.example");
    if (!result.ok) throw new Error("expected a link");
    expect((await fetch(result.session.url)).status).toBe(200);
    const again = await fetch(result.session.url);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("already used");
  });
});
