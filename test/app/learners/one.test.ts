import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewLearnerForm } from "../../../src/app/learners/new-learner-form";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, fieldsOf, startHarness, type Harness } from "./harness";

const form = (changes: Partial<NewLearnerForm> = {}): NewLearnerForm => ({
  firstName: "Rosa",
  lastName: "Méndez",
  email: " Rosa.Mendez@HopeFoundation.example.org ",
  affiliation: "California Community Partners",
  county: "Riverside",
  dateHire: "2026-11-20",
  trainingManager: true,
  supervisor: false,
  ...changes,
});

describe(`one CACWT learner (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("names the field to fix for each problem in the form", async () => {
    const result = await h.learners.one.checkNew(
      ADMIN,
      form({ firstName: " ", email: "rosa@", affiliation: "Calif. Partners", county: "" }),
    );
    expect(fieldsOf(result)).toEqual({
      county: "Choose the county the learner works in.",
      firstName: "FirstName is required",
      email: 'Email "rosa@" is not a valid email address',
      affiliation: 'Affiliation "Calif. Partners" must be California Community Partners',
    });
  });

  it("refuses an email an active learner has, and offers an archived learner's account for reactivation", async () => {
    const active = await h.learners.one.checkNew(ADMIN, form({ email: "Carmen.Flores@hopefoundation.example.org" }));
    expect(fieldsOf(active)).toEqual({
      email: "Carmen Flores already has an active CACWT account with this email; each learner needs their own email.",
    });
    const archived = await h.learners.one.checkNew(ADMIN, form({ email: "rachel.adams@hopefoundation.example.org" }));
    expect(archived.ok && archived.archived).toMatchObject({ firstName: "Rachel", status: "Archived" });
    const added = await h.learners.one.add(ADMIN, form({ email: "rachel.adams@hopefoundation.example.org" }));
    expect(fieldsOf(added).email).toContain("archived CACWT account");
  });

  it("adds a community partner with a strong temporary password that only CACWT sees", async () => {
    const result = await h.learners.one.add(ADMIN, form());
    if (!result.ok) throw new Error(result.problems[0]?.message);
    expect(result.learner).toMatchObject({
      userId: "rosa.mendez@hopefoundation.example.org",
      email: "rosa.mendez@hopefoundation.example.org",
      firstName: "Rosa",
      lastName: "Méndez",
      status: "Active",
      affiliation: "California Community Partners",
      employeeType: "Riverside County Community Partner",
      dateHire: "2026-11-20",
      trainingManager: true,
      supervisor: false,
    });
    const password = h.sandbox.state.cacwt.passwords.get("rosa.mendez@hopefoundation.example.org") ?? "";
    expect(password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z\d]).{20}$/);
    expect(h.sandbox.state.outbox.at(-1)).toEqual({
      vendor: "cacwt",
      to: "rosa.mendez@hopefoundation.example.org",
      kind: "temporary_password",
    });
    expect(JSON.stringify(result)).not.toContain(password);
    const audit = await h.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "learner.create" } });
    expect(audit).toMatchObject({
      outcome: "ok",
      targetId: "rosa.mendez@hopefoundation.example.org",
      details: { county: "Riverside", trainingManager: true, supervisor: false },
    });
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("a create CACWT applied before dropping the connection is not resent: found by email, made once", async () => {
    h.sandbox.failNext("cacwt", 1, "applied-then-reset");
    const result = await h.learners.one.add(ADMIN, form({ firstName: "Dana", email: "dana.lost@p.example" }));
    expect(result.ok && result.learner.email).toBe("dana.lost@p.example");
    expect([...h.sandbox.state.cacwt.learners.values()].filter((l) => l.email === "dana.lost@p.example")).toHaveLength(
      1,
    );
    expect(h.sandbox.state.outbox.filter((m) => m.to === "dana.lost@p.example")).toHaveLength(1);
  });

  it("hires a learner today in California when the form leaves the date out", async () => {
    const result = await h.learners.one.add(
      ADMIN,
      form({ firstName: "Lee", lastName: "Today", email: "lee.today@p.example", dateHire: null }),
    );
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles" }).format(new Date());
    expect(result.ok && result.learner.dateHire).toBe(today);
  });

  it("finds learners by email or by the start of their names, ignoring case and accents", async () => {
    const byEmail = await h.learners.one.find(ADMIN, "CARMEN.flores@hopefoundation.example.org");
    expect(byEmail.ok && byEmail.learners.map((l) => l.lastName)).toEqual(["Flores"]);
    const byName = await h.learners.one.find(ADMIN, "rosa mendez");
    expect(byName.ok && byName.learners.map((l) => l.email)).toEqual(["rosa.mendez@hopefoundation.example.org"]);
    const none = await h.learners.one.find(ADMIN, "nobody here");
    expect(none.ok && none.learners).toEqual([]);
  });

  it("archives and reactivates, reading the status back, and says when there was nothing to do", async () => {
    const email = "derek.nguyen@hopefoundation.example.org";
    const archived = await h.learners.one.setStatus(ADMIN, email, "Archived");
    expect(archived.ok && [archived.changed, archived.learner.status]).toEqual([true, "Archived"]);
    expect(h.sandbox.state.cacwt.learners.get(email)?.status).toBe("Archived");
    const again = await h.learners.one.setStatus(ADMIN, email, "Archived");
    expect(again.ok && again.changed).toBe(false);
    const back = await h.learners.one.setStatus(ADMIN, email, "Active");
    expect(back.ok && back.learner.status).toBe("Active");
    const audits = await h.db.prisma.auditEvent.findMany({ where: { targetId: email }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => `${a.action}:${a.outcome}`)).toEqual(["learner.archive:ok", "learner.reactivate:ok"]);
    const missing = await h.learners.one.setStatus(ADMIN, "ghost@p.example", "Archived");
    expect(fieldsOf(missing)).toEqual({ "(general)": "CACWT has no learner with the email ghost@p.example." });
  });

  it("lets a viewer look learners up but not change them", async () => {
    const viewer = await h.grant("UVIEW", "viewer");
    expect((await h.learners.one.find(viewer, "carmen")).ok).toBe(true);
    const refused = await h.learners.one.setStatus(viewer, "carmen.flores@hopefoundation.example.org", "Archived");
    expect(fieldsOf(refused)["(general)"]).toContain("Viewers can't add, archive or reactivate learners");
    expect(h.sandbox.state.cacwt.learners.get("carmen.flores@hopefoundation.example.org")?.status).toBe("Active");
    const templates = await h.learners.one.templates(viewer);
    expect(templates.ok && templates.files.map((f) => f.filename)).toEqual([
      "cacwt-learners-creation-template.csv",
      "cacwt-learners-archival-template.csv",
    ]);
    const archival = await h.learners.one.templates(viewer, "archival");
    expect(archival.ok && archival.files.map((f) => f.filename)).toEqual(["cacwt-learners-archival-template.csv"]);
  });

  it("says when learners with the new learner's name already exist under other emails, and adds only once that was seen", async () => {
    h.sandbox.state.cacwt.learners.set("imani.j@other.example", {
      ...h.sandbox.state.cacwt.learners.get("imani.jackson@hopefoundation.example.org")!,
      userId: "imani.j@other.example",
      email: "imani.j@other.example",
      lastName: "JACKSÓN",
      status: "Archived",
    });
    const imani = form({ firstName: "imani", lastName: "Jackson", email: "imani@newpartner.example" });
    const checked = await h.learners.one.checkNew(ADMIN, imani);
    if (!checked.ok) throw new Error(checked.problems[0]?.message);
    expect(checked.namesakes.total).toBe(2);
    expect(checked.namesakes.learners.map((l) => [l.email, l.status])).toEqual([
      ["imani.j@other.example", "Archived"],
      ["imani.jackson@hopefoundation.example.org", "Active"],
    ]);
    const unseen = await h.learners.one.add(ADMIN, imani);
    expect(fieldsOf(unseen)).toEqual({
      firstName:
        "2 learners named imani Jackson already exist in CACWT under other emails: imani.j@other.example (Archived), imani.jackson@hopefoundation.example.org (Active). Check the new learner is not one of them; if they are, update that account instead.",
    });
    expect(h.sandbox.state.cacwt.learners.has("imani@newpartner.example")).toBe(false);
    const otherName = await h.learners.one.add(ADMIN, imani, {
      namesChecked: "0".repeat(32),
    });
    expect(otherName.ok).toBe(false);
    const seen = await h.learners.one.add(ADMIN, imani, { namesChecked: checked.namesakes.key });
    expect(seen.ok && seen.learner.email).toBe("imani@newpartner.example");
    const nobody = await h.learners.one.checkNew(
      ADMIN,
      form({ firstName: "Unique", lastName: "Person", email: "u@p.example" }),
    );
    expect(nobody.ok && nobody.namesakes).toMatchObject({ learners: [], total: 0 });
  });
});

describe("a status change CACWT does not keep", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ CACWT_BASE_URL: "https://cacwt.test", CACWT_API_KEY: "key" });
  });
  afterAll(async () => {
    await h.close();
  });

  it("is a failure, audited as failed", async () => {
    const learner = {
      userId: "kim@p.example",
      firstName: "Kim",
      lastName: "Lee",
      email: "kim@p.example",
      status: "Active",
      affiliation: "California Community Partners",
      organizationName: null,
      employeeType: "Kern County Community Partner",
      dateHire: "2026-01-02",
      trainingManager: false,
      supervisor: false,
    };
    const api = nock("https://cacwt.test")
      .get("/v1/learners")
      .query((q) => q.email === "kim@p.example")
      .times(2)
      .reply(200, { data: [learner], nextCursor: null })
      .patch("/v1/learners/kim%40p.example", { status: "Archived" })
      .reply(200, { ...learner, status: "Archived" });
    const result = await h.learners.one.setStatus(ADMIN, "kim@p.example", "Archived");
    expect(fieldsOf(result)).toEqual({
      "(general)": "CACWT still shows Kim Lee as Active; try again, and check CACWT if it keeps happening.",
    });
    expect(api.isDone()).toBe(true);
    expect(await h.db.prisma.auditEvent.findFirst({ where: { action: "learner.archive" } })).toMatchObject({
      outcome: "failed",
      details: { from: "Active", to: "Archived" },
    });
  });
});
