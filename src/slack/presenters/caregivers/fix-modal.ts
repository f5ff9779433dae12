import type { InputBlock, ModalView } from "@slack/types";
import type { FixErrors, FixValues } from "../../../domain/caregivers/fix-form";
import { requiredFixFields } from "../../../domain/caregivers/fix-form";
import type { FixableField } from "../../../domain/caregivers/readiness";
import { context, escape, type KnownBlock, section, sentence } from "../kit";
import { input, plain, read, type StateValues } from "../modal-kit";
import { FIX_CALLBACK_ID, type FixMeta } from "./ids";
import type { CaregiverLabels } from "./labels";

/** Each field's label and hint; the hint names the configured LMS. */
const LABELS: Record<FixableField, { label: string; hint: (lms: string) => string }> = {
  email: { label: "Email", hint: (lms) => `${lms} sends the caregiver's sign-in to this address.` },
  birthDate: { label: "Birth date", hint: () => "Sets the annual training due date in states that require it." },
  mobilePhone: { label: "Mobile phone", hint: () => "For training reminders by text, e.g. (916) 555-0142." },
};

function fieldInput(
  field: FixableField,
  optional: boolean,
  value: string | null | undefined,
  labels: CaregiverLabels,
): InputBlock {
  const element =
    field === "birthDate"
      ? { type: "datepicker" as const, action_id: field, ...(value ? { initial_date: value } : {}) }
      : {
          type: "plain_text_input" as const,
          action_id: field,
          ...(value ? { initial_value: value } : {}),
          ...(field === "email" ? { placeholder: plain("name@example.com") } : {}),
        };
  return input(field, LABELS[field].label, element, { optional, hint: LABELS[field].hint(labels.lms) });
}

function modal(meta: FixMeta, blocks: KnownBlock[], submit: boolean): ModalView {
  return {
    type: "modal",
    callback_id: FIX_CALLBACK_ID,
    private_metadata: JSON.stringify(meta),
    title: plain("Fix and sync"),
    close: plain(submit ? "Cancel" : "Close"),
    ...(submit ? { submit: plain("Save and sync") } : {}),
    blocks,
  };
}

/**
 * Asks for exactly the fields the caregiver is missing. Refilled after Spectrum TeleTrack refused
 * the values: what was typed comes back, with TeleTrack's word under each field it refused.
 */
export function fixModal(
  meta: FixMeta,
  labels: CaregiverLabels,
  refill?: { values: FixValues; errors: FixErrors; general: string[] },
): ModalView {
  const required = requiredFixFields(meta.fields);
  const blocks: KnownBlock[] = [
    section(
      `What's missing for *${escape(meta.name)}* is saved to Spectrum TeleTrack, then they are synced to ${escape(labels.lms)}.`,
    ),
  ];
  for (const message of refill?.general ?? []) blocks.push(section(`:warning: ${sentence(message)}`));
  for (const field of meta.fields) {
    blocks.push(fieldInput(field, !required.includes(field), refill?.values[field], labels));
    const error = refill?.errors[field];
    if (error) blocks.push(context(`:warning: ${escape(error)}`));
  }
  return modal(meta, blocks, true);
}

export function fixSavingView(meta: FixMeta): ModalView {
  return modal(meta, [section(`Saving to Spectrum TeleTrack and syncing *${escape(meta.name)}*…`)], false);
}

export function fixDoneView(meta: FixMeta, sentence: string): ModalView {
  return modal(meta, [section(escape(sentence))], false);
}

/** What was typed, field by field (a blank input reads as null). */
export function readFixValues(values: StateValues, fields: readonly FixableField[]): FixValues {
  const typed: FixValues = {};
  for (const field of fields) typed[field] = read.date(values, field) ?? (read.text(values, field) || null);
  return typed;
}
