import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCaregivers } from "../../../src/app/caregivers";
import { caregiverCardMessage } from "../../../src/slack/presenters/caregivers/card";
import { caregiverLabels } from "../../../src/slack/presenters/caregivers/labels";
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
    expect(texts[0]).toBe("Maria Gonzalez is now deactivated in The SCIM training system.");
    // Held deactivated: the card's warning names the system too.
    const viewed = await scim.openById(ADMIN, "tt-1001", "sync");
    if (!viewed.ok) throw new Error("expected a card");
    expect(viewed.card.held).toBe(true);
    texts.push(JSON.stringify(caregiverCardMessage(viewed.card, ADMIN.userId, labels)));
    for (const text of texts) expect(text).not.toContain("CareAcademy");
  });
});
