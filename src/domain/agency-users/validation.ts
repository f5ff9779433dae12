import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { isEmail } from "../email";
import { normalizeUsername, usernameProblem } from "./username";

/** The list and flag options of an agency user, named as Caresmartz360 names them. */
export interface AgencyUserFlags {
  showOnCareCoordinatorList: boolean;
  showOnSupervisorList: boolean;
  lmsManager: boolean;
  sendToActivatedInsights: boolean;
}

export const FLAG_NAMES: readonly (keyof AgencyUserFlags)[] = [
  "showOnCareCoordinatorList",
  "showOnSupervisorList",
  "lmsManager",
  "sendToActivatedInsights",
];

/** What a person typed or picked in the form, untrimmed. */
export interface AgencyUserForm {
  username: string;
  roleId: string;
  officeId: string;
  firstName: string;
  lastName: string;
  businessEmail: string;
  mobilePhone: string;
  flags: AgencyUserFlags;
}

/** The form's fields; vendor field names are the same, the four flags share one field. */
export type AgencyUserField = Exclude<keyof AgencyUserForm, "flags"> | "flags";

/** A form that passed every rule that needs no vendor: trimmed, username normalized, phone in E.164. */
export type AgencyUserDraft = AgencyUserFlags &
  Omit<AgencyUserForm, "flags" | "mobilePhone"> & { mobilePhone: string | null };

export interface FieldProblem {
  field: AgencyUserField;
  message: string;
}

export type Validation = { ok: true; draft: AgencyUserDraft } | { ok: false; problems: FieldProblem[] };

const NAME_MAX = 50;
/** Numbers without a country code are read as US numbers (the agencies carebridge serves are in the US). */
const DEFAULT_REGION: CountryCode = "US";

/** A phone number in E.164 (+19165550142), or undefined when it is not a valid number. */
export function toE164(text: string): string | undefined {
  const phone = parsePhoneNumberFromString(text, DEFAULT_REGION);
  return phone?.isValid() ? phone.number : undefined;
}

function nameProblem(value: string, label: string): string | undefined {
  if (value === "") return `Enter the ${label}.`;
  if (value.length > NAME_MAX) return `Shorten the ${label} to ${NAME_MAX} characters or fewer.`;
  return undefined;
}

/** Every rule of the form that needs no vendor, each problem on its own field. */
export function validateAgencyUser(form: AgencyUserForm): Validation {
  const problems: FieldProblem[] = [];
  const check = (field: AgencyUserField, message: string | undefined) => {
    if (message !== undefined) problems.push({ field, message });
  };
  const firstName = form.firstName.trim();
  const lastName = form.lastName.trim();
  const username = normalizeUsername(form.username);
  const businessEmail = form.businessEmail.trim();
  const phoneText = form.mobilePhone.trim();
  const mobilePhone = phoneText === "" ? null : toE164(phoneText);

  check("firstName", nameProblem(firstName, "first name"));
  check("lastName", nameProblem(lastName, "last name"));
  check("username", usernameProblem(username));
  check("roleId", form.roleId.trim() === "" ? "Choose a role." : undefined);
  check("officeId", form.officeId.trim() === "" ? "Choose an office." : undefined);
  check(
    "businessEmail",
    businessEmail === ""
      ? "Enter the business email: Caresmartz360 sends the registration there."
      : isEmail(businessEmail)
        ? undefined
        : "Enter a valid email address, like name@agency.com.",
  );
  check(
    "mobilePhone",
    mobilePhone === undefined
      ? "Enter a valid mobile phone number, like (916) 555-0142, or with its country code, like +44 20 7946 0958."
      : undefined,
  );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    draft: {
      username,
      roleId: form.roleId.trim(),
      officeId: form.officeId.trim(),
      firstName,
      lastName,
      businessEmail,
      mobilePhone: mobilePhone ?? null,
      ...form.flags,
    },
  };
}
