import { describe, expect, it } from "vitest";
import { createHelp } from "../../src/app/help";
import { VENDOR_LABELS } from "../../src/providers/labels";

const admin = {
  principal: async () => ({ role: "admin" as const, source: "config" as const }),
  adminsHint: async () => "an admin",
};
const actor = { workspaceId: "T1", userId: "U1" };

describe("help names the configured LMSs", () => {
  it("with SCIM playing both LMS roles, no command says CareAcademy or CACWT", async () => {
    const help = createHelp(admin, { caregiverLms: VENDOR_LABELS.scim, learnerLms: VENDOR_LABELS.scim });
    const text = (await help.forActor(actor)).commands.map((c) => c.does).join("\n");
    expect(text).toContain(`sync one caregiver from Spectrum TeleTrack to ${VENDOR_LABELS.scim}`);
    expect(text).toContain(`add a learner to ${VENDOR_LABELS.scim}`);
    expect(text).not.toMatch(/CareAcademy|CACWT/);
  });

  it("with the vendors' own LMSs, they are named", async () => {
    const help = createHelp(admin, { caregiverLms: "CareAcademy", learnerLms: "CACWT" });
    const text = (await help.forActor(actor)).commands.map((c) => c.does).join("\n");
    expect(text).toContain("a one-time admin sign-in link to CareAcademy, only for you");
    expect(text).toContain("the CACWT import templates");
  });
});
