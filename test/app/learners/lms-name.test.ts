import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeAction } from "../../../src/app/access/policy";
import { describeAuditAction } from "../../../src/app/audit-log";
import { createLearners, type Learners } from "../../../src/app/learners";
import type { NewLearnerForm } from "../../../src/app/learners/new-learner-form";
import { createSettingsService } from "../../../src/app/settings/service";
import { loadConfig } from "../../../src/config";
import { VENDOR_LABELS } from "../../../src/providers/labels";
import {
  addLearnerModal,
  editLearnerModal,
  editLoadingModal,
  editNoticeModal,
  reactivateOfferView,
} from "../../../src/slack/presenters/learners/add-modal";
import { archiveBulkModal } from "../../../src/slack/presenters/learners/archive-bulk";
import { learnerBlocks, learnerEditedMessage, statusChangeMessage } from "../../../src/slack/presenters/learners/card";
import { importPreviewMessage, importRefusedMessage } from "../../../src/slack/presenters/learners/import";
import { learnerSource } from "../../../src/slack/presenters/learners/source";
import { templatesComment } from "../../../src/slack/presenters/learners/templates";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, runImport, startHarness, type Harness } from "./harness";

const CARMEN = "carmen.flores@hopefoundation.example.org";
const LEILANI = "leilani.kahale@valleypartners.example.org";
const TREVOR = "trevor.hughes@valleypartners.example.org";
const HEADER = "Email,FirstName,LastName,Status,Affiliation,EmployeeType";

const form = (over: Partial<NewLearnerForm> = {}): NewLearnerForm => ({
  firstName: "Carmen",
  lastName: "Flores",
  email: "carmen.new@p.example",
  affiliation: "California Community Partners",
  county: "Kern",
  dateHire: "",
  trainingManager: false,
  supervisor: false,
  ...over,
});

const messages = (result: { ok: boolean; problems?: Array<{ message: string }> }) =>
  (result.problems ?? []).map((p) => p.message);

/**
 * With LEARNER_LMS=scim every sentence a learner surface shows names the configured system: the
 * use-cases' answers, the job items' messages, and what the presenters render from them.
 */
describe(`learner texts name the configured LMS (${testDatabaseKind})`, () => {
  let h: Harness;
  let learners: Learners;
  const source = learnerSource("scim", new Set());
  const texts: string[] = [];
  beforeAll(async () => {
    h = await startHarness({ LEARNER_LMS: "scim", ARCHIVE_MAX_SHARE: "1" });
    learners = createLearners({ ...h.deps, lmsVendor: "scim" });
  });
  afterAll(async () => {
    await h.close();
    // Every text gathered by the tests above.
    expect(texts.length).toBeGreaterThan(20);
  });

  const keep = (...more: unknown[]) => {
    for (const t of more) texts.push(typeof t === "string" ? t : JSON.stringify(t));
  };

  it("one learner: add, status, and their refusals", async () => {
    const active = await learners.one.checkNew(ADMIN, form({ email: CARMEN }));
    expect(messages(active)).toEqual([
      `Carmen Flores already has an active ${VENDOR_LABELS.scim} account with this email; each learner needs their own email.`,
    ]);
    const archived = await learners.one.add(ADMIN, form({ email: TREVOR }));
    const missing = await learners.one.setStatus(ADMIN, "ghost@p.example", "Archived");
    const checked = await learners.one.checkNew(ADMIN, form());
    if (!checked.ok || !checked.namesakes) throw new Error("expected Carmen Flores as a namesake");
    keep(...messages(archived), ...messages(missing));
    keep(
      addLearnerModal("C1", "2026-03-01", source),
      addLearnerModal("C1", "2026-03-01", source, { form: form(), namesakes: checked.namesakes }),
    );
    const learner = await learners.one.setStatus(ADMIN, LEILANI, "Archived");
    if (!learner.ok) throw new Error(learner.problems[0]?.message);
    keep(
      statusChangeMessage(learner.learner, learner.changed, source),
      reactivateOfferView(learner.learner, "C1", source),
    );
    const back = await learners.one.setStatus(ADMIN, LEILANI, "Active");
    if (!back.ok) throw new Error(back.problems[0]?.message);
    keep(learnerBlocks(back.learner, source));
  });

  it("edit: the form, its refusals and the saved card", async () => {
    const opened = await learners.edit.form(ADMIN, LEILANI);
    if (!opened.ok) throw new Error(opened.problems[0]?.message);
    const modal = editLearnerModal(
      opened.learner,
      opened.form,
      { channelId: "C1", userId: LEILANI, was: opened.fingerprint },
      source,
      opened.usernameChange,
    );
    expect(JSON.stringify(modal)).toContain(`change it in ${VENDOR_LABELS.scim}`);
    keep(modal, editLoadingModal(source), editNoticeModal("x"));
    const taken = await learners.edit.save(ADMIN, LEILANI, { ...opened.form, email: CARMEN }, opened.fingerprint);
    const gone = await learners.edit.form(ADMIN, "nobody@p.example");
    keep(...messages(taken), ...messages(gone));
    const saved = await learners.edit.save(ADMIN, LEILANI, { ...opened.form, county: "Orange" }, opened.fingerprint);
    if (!saved.ok) throw new Error(saved.problems[0]?.message);
    keep(learnerEditedMessage(saved, source));
  });

  it("import: refusals, the preview with namesakes and a removed learner, and the job's failures", async () => {
    const notCsv = await learners.imports.preview(ADMIN, h.file("learners.xlsx", "PK"));
    keep(...messages(notCsv), importRefusedMessage("learners.xlsx", notCsv.ok ? [] : notCsv.problems));
    const csv = [
      HEADER,
      "carmen.other@p.example,Carmen,Flores,Active,California Community Partners,Kern County Community Partner",
      `${LEILANI},Leilani,Kahale,Archived,California Community Partners,San Diego County Community Partner`,
    ].join("\n");
    const preview = await learners.imports.preview(ADMIN, h.file("scim.csv", csv));
    if (!preview.ok) throw new Error(preview.problems[0]?.message);
    const rendered = JSON.stringify(importPreviewMessage(preview.preview, source));
    expect(rendered).toContain(`name ${VENDOR_LABELS.scim} already has`);
    keep(rendered);
    // Leilani leaves the SCIM service between the preview and the run.
    h.sandbox.state.scim.users.delete("scim-u-4");
    const job = await runImport(h, ADMIN, preview.preview.jobId);
    const items = await h.db.prisma.jobItem.findMany({ where: { jobId: job.id } });
    const failed = items.map((i) => i.message ?? "").filter(Boolean);
    expect(failed.length).toBeGreaterThan(0);
    keep(...failed);
    const archival = await learners.imports.preview(
      ADMIN,
      h.file(
        "archival.csv",
        [
          "Email,LastName,FirstName,UserID,Affiliation,EmployeeType",
          `ghost@p.example,Ghost,Gus,ghost@p.example,California Community Partners,Kern County Community Partner`,
        ].join("\n"),
      ),
    );
    if (!archival.ok) throw new Error(archival.problems[0]?.message);
    keep(...archival.preview.rejected.flatMap((r) => r.problems), importPreviewMessage(archival.preview, source));
  });

  it("bulk archive, templates, settings, audit and access words", async () => {
    keep(archiveBulkModal("C1"), templatesComment(source, "both"), templatesComment(source, "archival"));
    const settings = createSettingsService({
      prisma: h.db.prisma,
      // One admin: a share that holds every archive could never run, so it is refused with the count.
      access: { check: h.access.check, adminIds: async () => [ADMIN.userId] },
      audit: h.deps.audit,
      roles: { listRoles: async () => [] },
      learners: h.providers.learnerLms,
      learnerVendor: "scim",
      defaults: loadConfig({}),
      read: h.deps.settings,
      now: () => new Date(),
    });
    const tiny = await settings.save(ADMIN, {
      roleRanking: "",
      archiveMaxCount: "100",
      archiveMaxShare: "0.01",
      matchSuggestScore: "",
      digestChannel: undefined,
      timeZone: "",
    });
    expect(messages(tiny).join(" ")).toContain(`${VENDOR_LABELS.scim} has`);
    keep(...messages(tiny));
    for (const a of [
      "learner.create",
      "learner.update",
      "learner.archive",
      "learner.reactivate",
      "learner.manage",
      "learner.view",
    ])
      keep(describeAuditAction(a));
    for (const a of ["learner.view", "learner.manage", "learner.import", "learner.archive-bulk"] as const)
      keep(describeAction(a));
  });

  it("none of them says CACWT", () => {
    for (const text of texts) expect(text).not.toContain("CACWT");
  });
});
