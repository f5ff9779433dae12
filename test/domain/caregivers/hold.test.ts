import { describe, expect, it } from "vitest";
import { holdStands } from "../../../src/domain/caregivers/hold";

describe("an account deactivated from carebridge stays deactivated on syncs", () => {
  it("while the caregiver has not been seen leaving TeleTrack", () => {
    expect(holdStands(true, "active", "active")).toBe(true);
    expect(holdStands(true, null, "active")).toBe(true);
    expect(holdStands(true, "inactive", "inactive")).toBe(true);
  });

  it("until they left TeleTrack and came back active", () => {
    expect(holdStands(true, "inactive", "active")).toBe(false);
  });

  it("and nothing is held that was not deactivated from carebridge", () => {
    expect(holdStands(false, "active", "active")).toBe(false);
  });
});
