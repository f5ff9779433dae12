import { describe, expect, it } from "vitest";
import { cardActions, type CardState } from "../../../src/domain/caregivers/card-actions";

const state = (overrides: Partial<CardState>): CardState => ({
  lmsStatus: null,
  canSync: true,
  hasPendingChanges: false,
  hasFixableFields: false,
  ...overrides,
});

describe("the card's buttons for each status", () => {
  it("active → Deactivate", () => {
    expect(cardActions(state({ lmsStatus: "active" }))).toEqual(["deactivate"]);
  });

  it("deactivated → Reactivate", () => {
    expect(cardActions(state({ lmsStatus: "deactivated" }))).toEqual(["reactivate"]);
  });

  it("not in the LMS → Activate (the sync that creates the account active)", () => {
    expect(cardActions(state({ lmsStatus: null }))).toEqual(["activate"]);
    expect(cardActions(state({ lmsStatus: null, hasPendingChanges: true }))).toEqual(["activate"]);
  });

  it("not in the LMS and cannot sync → only Fix and sync", () => {
    expect(cardActions(state({ lmsStatus: null, canSync: false, hasFixableFields: true }))).toEqual(["fix"]);
    expect(cardActions(state({ lmsStatus: null, canSync: false }))).toEqual([]);
  });

  it("pending TeleTrack changes add Sync next to the status button", () => {
    expect(cardActions(state({ lmsStatus: "active", hasPendingChanges: true }))).toEqual(["sync", "deactivate"]);
    expect(cardActions(state({ lmsStatus: "deactivated", hasPendingChanges: true }))).toEqual(["sync", "reactivate"]);
    expect(cardActions(state({ lmsStatus: "active", hasPendingChanges: true, canSync: false }))).toEqual([
      "deactivate",
    ]);
  });

  it("a missing phone adds Fix and sync without blocking anything", () => {
    expect(cardActions(state({ lmsStatus: "deactivated", hasFixableFields: true }))).toEqual(["reactivate", "fix"]);
  });
});
