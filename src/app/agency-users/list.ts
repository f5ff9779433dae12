import type { AgencyUser, Office } from "../../providers/roles";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import type { AgencyUsersDeps } from "./deps";
import { officeNames } from "./office-names";

export const LIST_PAGE_SIZE = 20;

export interface AgencyUserRow {
  name: string;
  username: string;
  roleName: string;
  status: AgencyUser["status"];
}

export interface AgencyUserPage {
  office: Office;
  rows: AgencyUserRow[];
  /** 1-based. */
  page: number;
  pageCount: number;
  total: number;
}

/** An office by id or name, or by a part of its name that only one office has ("fresno"). */
function findOffice(offices: Office[], text: string): Office[] {
  const wanted = text.trim().toLowerCase();
  const exact = offices.filter((o) => o.id.toLowerCase() === wanted || o.name.toLowerCase() === wanted);
  return exact.length > 0 ? exact : offices.filter((o) => o.name.toLowerCase().includes(wanted));
}

const byName = (a: AgencyUser, b: AgencyUser): number =>
  a.lastName.localeCompare(b.lastName) ||
  a.firstName.localeCompare(b.firstName) ||
  a.username.localeCompare(b.username);

/**
 * One page of an office's agency users. Agency users see their own office (the default);
 * admins and viewers name one. Every page is fetched and authorized afresh.
 */
export async function listAgencyUsers(
  deps: Pick<AgencyUsersDeps, "access" | "cache" | "directory">,
  actor: Actor,
  request: { office?: string; page?: number },
): Promise<Result<{ page: AgencyUserPage }>> {
  const allowed = await deps.access.check(actor, "staff.list");
  if (!allowed.allowed) return fail(allowed.reason);
  const principal = await deps.access.principal(actor);
  const offices = await deps.cache.offices();
  const names = officeNames(offices);
  const text = request.office?.trim() || (principal.role === "agency_user" ? (principal.office ?? "") : "");
  if (!text)
    return fail(
      `Say which office, e.g. \`/agency-user list ${offices[0]?.name ?? "<office>"}\`. Offices: ${names}.`,
      "office",
    );
  const found = findOffice(offices, text);
  if (found.length !== 1) {
    return fail(
      found.length === 0
        ? `There is no office "${text}" in Caresmartz360. Offices: ${names}.`
        : `"${text}" matches several offices (${officeNames(found)}); say which.`,
      "office",
    );
  }
  const office = found[0]!;
  const inOffice = await deps.access.check(actor, "staff.list", { office: office.id, type: "office", id: office.id });
  if (!inOffice.allowed) return fail(inOffice.reason, "office");

  const roles = await deps.cache.roles();
  const users: AgencyUser[] = [];
  for await (const user of deps.directory.listByOffice(office.id)) users.push(user);
  users.sort(byName);
  const roleNames = new Map(roles.map((r) => [r.id, r.name]));
  const pageCount = Math.max(1, Math.ceil(users.length / LIST_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(request.page ?? 1)), pageCount);
  const rows = users.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE).map((u) => ({
    name: `${u.firstName} ${u.lastName}`,
    username: u.username,
    roleName: roleNames.get(u.roleId) ?? u.roleId,
    status: u.status,
  }));
  return { ok: true, page: { office, rows, page, pageCount, total: users.length } };
}
