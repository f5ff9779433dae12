import type { InputBlock, ModalView } from "@slack/types";
import type { EditableField, FixErrors, FixValues } from "../../../domain/caregivers/fix-form";
import { context, escape, type KnownBlock, section, sentence, shortName } from "../kit";
import { input, option, plain, read, type StateValues } from "../modal-kit";
import { FIX_CALLBACK_ID, type FixMeta } from "./ids";

/** The choice offered when the typed email is on an LMS account no caregiver has. */
export const LINK_CHOICE_BLOCK = "emailOwner";
const ANOTHER_EMAIL = "another";
const LINK_PREFIX = "link:";

const LABELS: Record<EditableField, { label: string; hint: (lms: string) => string }> = {
  email: { label: "Email", hint: (lms) => `${lms} sends the caregiver's sign-in to this address.` },
  mobilePhone: { label: "Mobile phone", hint: () => "For training reminders by text, e.g. (916) 555-0142." },
  birthDate: { label: "Birth date", hint: () => "Sets the annual training due date in states that require it." },
};

function fieldInput(
  field: EditableField,
  optional: boolean,
  value: string | null | undefined,
  lms: string,
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
  return input(field, LABELS[field].label, element, { optional, hint: LABELS[field].hint(lms) });
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

/** Link to the account that has the email, or type another one above. */
function linkChoice(meta: FixMeta, owner: { id: string; name: string }): InputBlock {
  return input(
    LINK_CHOICE_BLOCK,
    "The account with this email",
    {
      type: "radio_buttons",
      action_id: LINK_CHOICE_BLOCK,
      options: [
        option(
          `Link ${shortName(meta.name, 20)} to ${shortName(owner.name, 25)}'s account`,
          `${LINK_PREFIX}${owner.id}`,
        ),
        option("Use another email (change it above)", ANOTHER_EMAIL),
      ],
    },
    { optional: true, hint: "Link only when this account is the same person: their training history comes along." },
  );
}

/**
 * Every field the caregiver has in TeleTrack, the missing ones first and required, the others
 * filled with TeleTrack's values to correct. Refilled after a refusal: what was typed comes back,
 * with the reason under each field it concerns, and, when the email is on an LMS account no
 * caregiver has, the choice of linking to it.
 * @param lms the configured LMS as people name it
 */
export function fixModal(
  meta: FixMeta,
  lms: string,
  fill?: { values: FixValues; errors?: FixErrors; general?: string[] },
): ModalView {
  const blocks: KnownBlock[] = [
    section(
      `What you change for *${escape(meta.name)}* is saved to Spectrum TeleTrack, then they are synced to ${escape(lms)}.`,
    ),
    // TeleTrack's API takes no names (providers.md): say where they are changed instead.
    context(
      `A name is corrected on the caregiver's profile in Spectrum TeleTrack; the next sync carries it to ${escape(lms)}.`,
    ),
  ];
  for (const message of fill?.general ?? []) blocks.push(section(`:warning: ${sentence(message)}`));
  for (const field of meta.asked) {
    const optional = meta.required ? !meta.required.includes(field) : field === "mobilePhone" && meta.asked.length > 1;
    blocks.push(fieldInput(field, optional, fill?.values[field], lms));
    const error = fill?.errors?.[field];
    if (error) blocks.push(context(`:warning: ${escape(error)}`));
    if (field === "email" && meta.linkable) blocks.push(linkChoice(meta, meta.linkable));
  }
  return modal(meta, blocks, true);
}

/** The view shown while Spectrum TeleTrack is written and the caregiver synced. */
export function fixSavingView(meta: FixMeta, lms: string): ModalView {
  return modal(
    meta,
    [section(`Checking with ${escape(lms)}, saving to Spectrum TeleTrack and syncing *${escape(meta.name)}*…`)],
    false,
  );
}

/** Opened at once when TeleTrack is slow to say what the caregiver has; the form replaces it. */
export function fixLoadingView(meta: FixMeta): ModalView {
  return modal(meta, [section(`Reading *${escape(meta.name)}*'s profile from Spectrum TeleTrack…`)], false);
}

export function fixDoneView(meta: FixMeta, sentence: string): ModalView {
  return modal(meta, [section(escape(sentence))], false);
}

/** What was typed, field by field (a blank input reads as null). */
export function readFixValues(values: StateValues, fields: readonly EditableField[]): FixValues {
  const typed: FixValues = {};
  for (const field of fields) typed[field] = read.date(values, field) ?? (read.text(values, field) || null);
  return typed;
}

/** The LMS account chosen to link to, if that choice was made. */
export function readLinkChoice(values: StateValues): string | undefined {
  const picked = read.picked(values, LINK_CHOICE_BLOCK);
  return picked?.startsWith(LINK_PREFIX) ? picked.slice(LINK_PREFIX.length) : undefined;
}
