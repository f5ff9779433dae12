import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewLearnerForm } from "../../../src/app/learners/new-learner-form";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, fieldsOf, startHarness, type Harness } from "./harness";

const CARMEN = "carmen.flores@hopefoundation.example.org";
const DEREK = "derek.nguyen@hopefoundation.example.org";

describe(`editing one CACWT learner (${testDatabaseKind})`, () => {
  let h: Harness;
  const learner = (userId: string) => h.sandbox.state.cacwt.learners.get(userId)!;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function open(userId: string) {
    const opened = await h.learners.edit.form(ADMIN, userId);
    if (!opened.ok) throw new Error(opened.problems[0]?.message);
    return opened;
  }

  it("opens with the learner's current details", async () => {
    const { form } = await open(CARMEN);
    expect(form).toEqual<NewLearnerForm>({
      firstName: "Carmen",
      lastName: "Flores",
      email: CARMEN,
      affiliation: "California Community Partners",
      county: "Riverside",
      dateHire: "2026-02-03",
      trainingManager: true,
      supervisor: false,
    });
  });

  it("checks the form by the import's rules, each problem on its field", async () => {
    const { form, fingerprint } = await open(DEREK);
    const refused = await h.learners.edit.save(
      ADMIN,
      DEREK,
      { ...form, firstName: "Derek\nJr", email: "derek@example..org", affiliation: "County Child Welfare", county: "" },
      fingerprint,
    );
    expect(fieldsOf(refused)).toEqual({
      county: "Choose the county the learner works in.",
      firstName: "FirstName has a line break or another control character inside it; keep the name on one line",
      email: 'Email "derek@example..org" is not a valid email address',
      affiliation: 'Affiliation "County Child Welfare" must be California Community Partners',
    });
    const taken = await h.learners.edit.save(ADMIN, DEREK, { ...form, email: CARMEN.toUpperCase() }, fingerprint);
    expect(fieldsOf(taken)).toEqual({
      email: "Carmen Flores already has this email in CACWT; each learner needs their own.",
    });
    expect(learner(DEREK)).toMatchObject({ firstName: "Derek", email: DEREK });
  });

  it("saves only what the person changed through CACWT's update call, a name change as a rename; the User ID stays", async () => {
    const { form, fingerprint } = await open(DEREK);
    // Meanwhile someone makes Derek a supervisor in CACWT: the form, opened before, must not undo it.
    learner(DEREK).supervisor = true;
    const saved = await h.learners.edit.save(
      ADMIN,
      DEREK,
      {
        ...form,
        firstName: " Dérek ",
        lastName: "Nguyen-Park",
        email: "Derek.Park@HopeFoundation.example.org",
        county: "San Diego",
      },
      fingerprint,
    );
    if (!saved.ok) throw new Error(saved.problems[0]?.message);
    expect(saved.renamed).toEqual({ from: "Derek Nguyen", to: "Dérek Nguyen-Park" });
    expect(saved.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual([
      "First name: Derek → Dérek",
      "Last name: Nguyen → Nguyen-Park",
      `Email: ${DEREK} → derek.park@hopefoundation.example.org`,
      "County: Riverside → San Diego",
    ]);
    expect(learner(DEREK)).toMatchObject({
      userId: DEREK,
      firstName: "Dérek",
      lastName: "Nguyen-Park",
      email: "derek.park@hopefoundation.example.org",
      employeeType: "San Diego County Community Partner",
      dateHire: "2026-02-03",
      supervisor: true,
    });
    const audit = await h.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "learner.update", targetId: DEREK },
    });
    expect(audit).toMatchObject({
      actorId: ADMIN.userId,
      outcome: "ok",
      details: { fields: ["firstName", "lastName", "email", "county"], renamed: true },
    });

    const again = await open(DEREK);
    const nothing = await h.learners.edit.save(ADMIN, DEREK, again.form, again.fingerprint);
    expect(nothing.ok && nothing.changes).toEqual([]);
  });

  it("refuses learners who are not community partners, and people who may not manage learners", async () => {
    expect(fieldsOf(await h.learners.edit.form(ADMIN, "RV-48213"))).toEqual({
      "(general)": "Janet Morales is not a community partner (affiliation County Child Welfare); edit them in CACWT.",
    });
    const viewer = await h.grant("UVIEWER", "viewer");
    const refused = await h.learners.edit.form(viewer, CARMEN);
    expect(refused.ok).toBe(false);
    expect(fieldsOf(await h.learners.edit.form(ADMIN, "nobody@example.org"))).toEqual({
      "(general)": "CACWT no longer has this learner; look them up again with /learner.",
    });
  });
});
