import { isEmail } from "../../domain/email";
import { foldAccents } from "../../domain/fold-accents";
import type { Problem } from "../result";

export const MAX_ALIAS_LENGTH = 40;

export interface NewMemberInput {
  email: string;
  roleId: string;
}

/** The member form's rules, checked before anything is sent: Motivity needs both to invite someone. */
export function validateNewMember(input: { email?: string | null; roleId?: string | null }): Problem[] {
  const problems: Problem[] = [];
  const email = input.email?.trim() ?? "";
  if (email === "")
    problems.push({ field: "email", message: "Enter the email Motivity should send the invitation to." });
  else if (!isEmail(email))
    problems.push({ field: "email", message: "Enter a valid email address, like jane.doe@example.com." });
  if (!input.roleId) {
    problems.push({ field: "roleId", message: "Choose a role: without one, the member cannot use Motivity." });
  }
  return problems;
}

export function validateAlias(alias: string | null | undefined): Problem[] {
  return (alias?.trim().length ?? 0) > MAX_ALIAS_LENGTH
    ? [{ field: "alias", message: `Keep the alias to ${MAX_ALIAS_LENGTH} characters or fewer.` }]
    : [];
}

const initial = (name: string) =>
  foldAccents(name)
    .replace(/[^\p{L}]/gu, "")
    .charAt(0)
    .toUpperCase();

/**
 * An alias in the format Motivity makes its own (initials, a dash and a three-digit number, e.g.
 * "OB-009"), numbered after the highest number already used so it does not repeat one.
 */
export function proposeAlias(firstName: string, lastName: string, existingAliases: Iterable<string>): string {
  let highest = 0;
  for (const alias of existingAliases) {
    const number = /-(\d+)$/.exec(alias)?.[1];
    if (number !== undefined) highest = Math.max(highest, Number(number));
  }
  const initials = `${initial(firstName)}${initial(lastName)}` || "L";
  return `${initials}-${String(highest + 1).padStart(3, "0")}`;
}
