import type { AgencyUserForm } from "../../domain/agency-users/validation";
import type { PersonName } from "../../domain/agency-users/username";
import type { StaffDirectory } from "../../providers/roles";
import type { Actor } from "../actor";
import { createAgencyUser } from "./create";
import type { AgencyUsersDeps, SelfEmail } from "./deps";
import { createDirectoryCache, DIRECTORY_TTL_MS } from "./directory-cache";
import { prepareForm, suggestUsername } from "./form";
import { listAgencyUsers } from "./list";

export type { CreatedAgencyUser, CreateResult } from "./create";
export type { CreateFormData } from "./form";
export type { AgencyUserPage, AgencyUserRow } from "./list";
export type { SelfEmail } from "./deps";
export { LIST_PAGE_SIZE } from "./list";
// For transports that keep a suggested username in step with what is typed.
export { normalizeUsername } from "../../domain/agency-users/username";

export type AgencyUsers = ReturnType<typeof createAgencyUsers>;

/** Workflow 3: Caresmartz360 agency users, created from a form and listed by office. */
export function createAgencyUsers(
  deps: Omit<AgencyUsersDeps, "directory" | "cache"> & {
    directory: StaffDirectory;
    now: () => Date;
    /** The workspace whose directory a call reaches, so cached offices and roles are kept per workspace. */
    workspaceInScope?: () => string | undefined;
  },
) {
  const scope = deps.workspaceInScope;
  const all: AgencyUsersDeps = {
    ...deps,
    cache: createDirectoryCache(deps.directory, {
      ttlMs: DIRECTORY_TTL_MS,
      now: deps.now,
      ...(scope ? { key: () => scope() ?? "" } : {}),
    }),
  };
  return {
    /** The form's options for this creator, or why they may not create agency users. */
    prepareForm: (actor: Actor, selfEmail: SelfEmail) => prepareForm(all, actor, selfEmail),
    suggestUsername: (actor: Actor, name: PersonName) => suggestUsername(all, actor, name),
    /** `formId` identifies one filled-in form (the Slack view id): submitting it twice creates one user. */
    create: (actor: Actor, form: AgencyUserForm, options: { formId: string; selfEmail: SelfEmail }) =>
      createAgencyUser(all, actor, form, options),
    list: (actor: Actor, request: { office?: string; page?: number }) => listAgencyUsers(all, actor, request),
  };
}
