import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCaregivers } from "../../../src/app/caregivers";
import { caregiverCardMessage } from "../../../src/slack/presenters/caregivers/card";
import { caregiverLabels } from "../../../src/slack/presenters/caregivers/labels";
import { fixModal } from "../../../src/slack/presenters/caregivers/fix-modal";
import { previewMessage } from "../../../src/slack/presenters/caregivers/preview";
import { VENDOR_LABELS } from "../../../src/providers/labels";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, caregiverHarness, type Harness } from "./harness";

/**
 * With CAREGIVER_LMS=scim the workflow's sentences name the configured system. The sandbox's
 * CareAcademy still answers here: what is checked is the words, not the protocol.
 */
describe(`caregiver texts name the configured LMS (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeEach(async () => {
    h = await caregiverHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("activation messages and cards never say CareAcademy when SCIM is configured", async () => {
    const scim = createCaregivers({ ...h.deps, lmsVendor: "scim" });
    const labels = caregiverLabels("scim", new Set());
    const texts: string[] = [];
    const deactivated = await scim.changeStatus(ADMIN, "tt-1001", "deactivate");
    const again = await scim.changeStatus(ADMIN, "tt-1001", "deactivate");
    const none = await scim.changeStatus(ADMIN, "tt-1006", "deactivate");
    for (const result of [deactivated, again, none]) {
      if (!result.ok) throw new Error("expected an answer");
      texts.push(result.message, JSON.stringify(caregiverCardMessage(result.card, ADMIN.userId, labels)));
    }
    expect(texts[0]).toBe("Maria Gonzalez is now deactivated in SCIM LMS.");
    // Held deactivated: the card's warning names the system too.
    const viewed = await scim.openById(ADMIN, "tt-1001", "sync");
    if (!viewed.ok) throw new Error("expected a card");
    expect(viewed.card.held).toBe(true);
    texts.push(JSON.stringify(caregiverCardMessage(viewed.card, ADMIN.userId, labels)));
    for (const text of texts) expect(text).not.toContain("CareAcademy");
  });

  it("readiness, warnings, Fix and sync and the bulk preview name the SCIM system, never CareAcademy", async () => {
    const scim = createCaregivers({ ...h.deps, lmsVendor: "scim" });
    const labels = caregiverLabels("scim", new Set());
    const texts: string[] = [];
    // No email, no birth date in a state that needs one, no mobile phone: each sentence names the LMS.
    for (const id of ["tt-1003", "tt-1004", "tt-1005"]) {
      const result = await scim.openById(ADMIN, id, "sync");
      if (!result.ok) throw new Error(`expected a card for ${id}`);
      const rendered = JSON.stringify(caregiverCardMessage(result.card, ADMIN.userId, labels));
      expect(rendered).toContain(VENDOR_LABELS.scim);
      texts.push(rendered, ...result.card.problems, ...result.card.warnings);
      if (result.card.fixFields.length > 0) {
        const fields = result.card.fixFields;
        const meta = {
          caregiverId: id,
          name: id,
          fields,
          asked: fields,
          required: fields,
          channel: "C1",
          madeFor: ADMIN.userId,
        };
        texts.push(JSON.stringify(fixModal(meta, labels.lms)));
      }
    }
    expect(texts.join("\n")).toContain(`${VENDOR_LABELS.scim} needs one to create their account.`);
    const preview = await scim.previewAll(ADMIN, { full: true, channelId: "C0SCIM" });
    if (!preview.ok) throw new Error("expected a preview");
    texts.push(JSON.stringify(previewMessage(preview.preview, labels)));
    for (const text of texts) expect(text).not.toContain("CareAcademy");
  });
});
