import { describe, expect, it } from "vitest";
import type { CaregiverCard } from "../../../src/app/caregivers";
import { caregiverCardMessage } from "../../../src/slack/presenters/caregivers/card";
import { CAREGIVER_ACTIONS } from "../../../src/slack/presenters/caregivers/ids";

const LABELS = { lms: "CareAcademy", teletrack: "Spectrum TeleTrack", sandbox: undefined };

function card(overrides: Partial<CaregiverCard>): CaregiverCard {
  return {
    caregiver: { id: "tt-1", firstName: "Ana", lastName: "Lopez", state: "OR", status: "active" },
    lms: { id: "ca-1", status: "deactivated", trainingDueDate: null, linked: true },
    synced: null,
    pending: [],
    problems: [],
    warnings: [],
    held: false,
    fixFields: [],
    actions: ["reactivate"],
    ...overrides,
  };
}

function button(message: ReturnType<typeof caregiverCardMessage>, actionId: string) {
  for (const block of message.blocks ?? []) {
    if (block.type !== "actions") continue;
    const found = block.elements.find((e) => "action_id" in e && e.action_id === actionId);
    if (found) return found as { confirm?: { title: { text: string } } };
  }
  throw new Error(`no ${actionId} button`);
}

describe("caregiver card buttons", () => {
  it("Deactivate always asks first", () => {
    const active = card({
      lms: { id: "ca-1", status: "active", trainingDueDate: null, linked: true },
      actions: ["deactivate"],
    });
    expect(button(caregiverCardMessage(active, "U1", LABELS), CAREGIVER_ACTIONS.deactivate).confirm?.title.text).toBe(
      "Deactivate?",
    );
  });

  it("Reactivate asks first only when a person deactivated them from carebridge", () => {
    const held = caregiverCardMessage(card({ held: true }), "U1", LABELS);
    expect(button(held, CAREGIVER_ACTIONS.reactivate).confirm?.title.text).toBe("Reactivate?");
    const elsewhere = caregiverCardMessage(card({ held: false }), "U1", LABELS);
    expect(button(elsewhere, CAREGIVER_ACTIONS.reactivate).confirm).toBeUndefined();
  });
});
