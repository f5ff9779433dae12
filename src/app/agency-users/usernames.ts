import { formatUsername, usernameCandidates, type PersonName } from "../../domain/agency-users/username";
import type { StaffDirectory } from "../../providers/roles";

/** Beyond this many numbered tries the person picks a username themselves. */
const TRIES = 20;

/** The first of base, base2, base3, … that Caresmartz360 does not have; undefined when all are taken. */
export async function nextFreeUsername(
  directory: Pick<StaffDirectory, "findByUsername">,
  base: string,
): Promise<string | undefined> {
  for (const candidate of usernameCandidates(base, TRIES)) {
    if (!(await directory.findByUsername(candidate))) return candidate;
  }
  return undefined;
}

/** The agency's username for this name, numbered when taken; undefined while the name is incomplete. */
export async function suggestFreeUsername(
  directory: Pick<StaffDirectory, "findByUsername">,
  format: string,
  name: PersonName,
): Promise<string | undefined> {
  const base = formatUsername(format, name);
  return base === undefined ? undefined : nextFreeUsername(directory, base);
}

/** "jose.nunez is taken …; jose.nunez2 is free." */
export async function usernameTakenMessage(
  directory: Pick<StaffDirectory, "findByUsername">,
  username: string,
): Promise<string> {
  const free = await nextFreeUsername(directory, username);
  return free
    ? `${username} is taken in Caresmartz360; ${free} is free.`
    : `${username} is taken in Caresmartz360; choose another username.`;
}
