import { parsePhoneNumberFromString } from "libphonenumber-js";
import { isEmail } from "../email";
import type { FixableField } from "./readiness";
import { FIELD_WORDS, type CaregiverRecord } from "./types";

/**
 * "Fix and sync": the values staff type for a caregiver — the missing ones, and corrections of
 * what TeleTrack has (seed 000: "change the profile information, click Update, then sync") —
 * checked before anything is sent to Spectrum TeleTrack, and TeleTrack's own refusals mapped
 * back onto the form.
 */

/**
 * Every field the form can write to TeleTrack: what its PATCH takes (providers.md). A name is
 * corrected in TeleTrack's own profile page; the next sync carries it to the LMS.
 */
export type EditableField = FixableField;

/** The form's order after the missing fields, which come first. */
export const EDITABLE_FIELDS: readonly EditableField[] = ["email", "mobilePhone", "birthDate"];

export type FixValues = Partial<Record<EditableField, string | null>>;
export type FixErrors = Partial<Record<EditableField, string>>;
export type FixPatch = Partial<Record<EditableField, string>>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OLDEST_BIRTH_YEAR = 1900;
/** TeleTrack serves US agencies: a number without a country code is read as a US number. */
const DEFAULT_COUNTRY = "US";

export type FixCheck = { ok: true; patch: FixPatch } | { ok: false; errors: FixErrors };

function realDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().startsWith(text);
}

function checkOne(field: EditableField, value: string, today: string): { value: string } | { error: string } {
  switch (field) {
    case "email":
      return isEmail(value) ? { value } : { error: "Enter an email address such as name@example.com." };
    case "birthDate":
      if (!realDate(value)) return { error: "Enter the birth date as YYYY-MM-DD, e.g. 1990-07-21." };
      if (value > today) return { error: "The birth date can't be in the future." };
      if (Number(value.slice(0, 4)) < OLDEST_BIRTH_YEAR)
        return { error: `Enter a birth date after ${OLDEST_BIRTH_YEAR}.` };
      return { value };
    case "mobilePhone": {
      const phone = parsePhoneNumberFromString(value, DEFAULT_COUNTRY);
      return phone?.isValid()
        ? { value: phone.number }
        : { error: "Enter a mobile number with its area code, e.g. (916) 555-0142 or +1 916 555 0142." };
    }
  }
}

/**
 * @param asked the fields the form asked for, in order
 * @param required the asked fields that must be filled (the others may be left blank)
 * @param today YYYY-MM-DD, the caller's today
 * Phones come back in E.164 (+19165550142); emails and dates as typed, trimmed.
 */
export function checkFix(
  asked: readonly EditableField[],
  required: readonly EditableField[],
  values: FixValues,
  today: string,
): FixCheck {
  const patch: FixPatch = {};
  const errors: FixErrors = {};
  for (const field of asked) {
    const value = values[field]?.trim() ?? "";
    if (value === "") {
      if (required.includes(field)) errors[field] = `Enter the caregiver's ${FIELD_WORDS[field]}.`;
      continue;
    }
    const checked = checkOne(field, value, today);
    if ("error" in checked) errors[field] = checked.error;
    else patch[field] = checked.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // A form that shows only blanks must have one filled; one that shows current values may be sent as it is (a sync).
  if (Object.keys(patch).length === 0 && required.length === 0)
    return { ok: false, errors: { [asked[0] ?? "email"]: "Fill in at least one field." } };
  return { ok: true, patch };
}

/**
 * The fields a form must have filled: those that block the sync. A missing phone only warns, so
 * it is optional unless it is the only thing asked (a form that saves nothing is no use).
 */
export function requiredFixFields(asked: readonly FixableField[]): FixableField[] {
  const blocking = asked.filter((f) => f !== "mobilePhone");
  return blocking.length > 0 ? blocking : [...asked];
}

/**
 * The form's inputs: the missing fields first (what the button was pressed for), then every
 * other field, filled with what TeleTrack has so it can be corrected.
 */
export function formFields(missing: readonly FixableField[]): EditableField[] {
  return [...missing, ...EDITABLE_FIELDS.filter((f) => !(missing as readonly string[]).includes(f))];
}

/**
 * The fields the form must have filled: the missing ones that block the sync, and every field TeleTrack has a value for (Slack can correct a value, not erase it). A missing
 * phone stays optional: the form that shows it can correct other fields too.
 */
export function requiredFormFields(missing: readonly FixableField[], current: CaregiverRecord): EditableField[] {
  const required = new Set<EditableField>(missing.filter((f) => f !== "mobilePhone"));
  for (const field of formFields(missing)) {
    const value = current[field];
    if (value !== null && value.trim() !== "") required.add(field);
  }
  return formFields(missing).filter((f) => required.has(f));
}

/** The same phone whatever its format ("+1 916 555 0142" and "+19165550142"). */
function samePhone(a: string, b: string): boolean {
  const parse = (p: string) => parsePhoneNumberFromString(p, DEFAULT_COUNTRY)?.number ?? p.replace(/[^\d+]/g, "");
  return parse(a) === parse(b);
}

/** The checked values that differ from what TeleTrack has: what to write. */
export function changedValues(current: CaregiverRecord, checked: FixPatch): FixPatch {
  const changes: FixPatch = {};
  for (const field of EDITABLE_FIELDS) {
    const value = checked[field];
    if (value === undefined) continue;
    const have = current[field];
    if (have !== null && (field === "mobilePhone" ? samePhone(value, have) : value === have.trim())) continue;
    changes[field] = value;
  }
  return changes;
}

/**
 * TeleTrack's 422 `fields` (its own field names) as errors on the form's fields; what the form
 * did not ask about comes back as sentences for the top of the form.
 */
export function vendorErrorsToForm(
  fields: Record<string, string>,
  asked: readonly EditableField[],
): { errors: FixErrors; other: string[] } {
  const errors: FixErrors = {};
  const other: string[] = [];
  for (const [name, problem] of Object.entries(fields)) {
    const field = asked.find((f) => f === name);
    const sentence = `Spectrum TeleTrack says this ${problem.replace(/\.$/, "")}.`;
    if (field) errors[field] = sentence;
    else other.push(`Spectrum TeleTrack refused the ${name}: ${problem.replace(/\.$/, "")}.`);
  }
  return { errors, other };
}
