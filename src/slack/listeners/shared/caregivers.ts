import type { CaregiverCard, CaregiverListPage, Lookup } from "../../../app/caregivers";
import type { Result } from "../../../app/result";
import type { Services } from "../../../app/services";
import { caregiverCardMessage } from "../../presenters/caregivers/card";
import { caregiverLabels, type CaregiverLabels } from "../../presenters/caregivers/labels";
import { caregiverListMessage } from "../../presenters/caregivers/list";
import { pickListMessage } from "../../presenters/caregivers/pick-list";
import { type Message, problemsMessage } from "../../presenters/kit";

/** Shared by the caregiver commands, buttons and the Fix and sync form. */

export function labelsOf(services: Services): CaregiverLabels {
  const { caregiverLms, sandbox } = services.vendors;
  return caregiverLabels(caregiverLms === "scim" ? "scim" : "careacademy", sandbox);
}

export function lookupMessage(result: Result<Lookup>, query: string, userId: string, labels: CaregiverLabels): Message {
  if (!result.ok) return problemsMessage(result.problems);
  if (result.kind === "card") return caregiverCardMessage(result.card, userId, labels);
  return pickListMessage(query, result.purpose, result.choices, result.more, userId, labels);
}

export function cardOrProblems(
  result: Result<{ card: CaregiverCard }>,
  userId: string,
  labels: CaregiverLabels,
  note?: string,
): Message {
  return result.ok ? caregiverCardMessage(result.card, userId, labels, note) : problemsMessage(result.problems);
}

export function listOrProblems(
  result: Result<{ list: CaregiverListPage }>,
  userId: string,
  labels: CaregiverLabels,
): Message {
  return result.ok ? caregiverListMessage(result.list, userId, labels) : problemsMessage(result.problems);
}
