import { fingerprint, lmsFieldsOf } from "../../domain/caregivers/fields";
import { holdStands } from "../../domain/caregivers/hold";
import { lmsName } from "../lms-name";
import { checkReadiness, type Blocker, type ReadinessRules } from "../../domain/caregivers/readiness";
import type { LmsStatus } from "../../domain/caregivers/types";
import type { Caregiver } from "../../providers/roles";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import type { CaregiverDeps } from "./deps";
import type { Guard } from "./guard";
import type { CaregiverLink, Links } from "./links";

/**
 * `/caregiver list [filter]`: the caregivers as TeleTrack's Caregiver Information page lists
 * them, each with their LMS status and what keeps them from syncing.
 *
 * The LMS status is the one carebridge recorded at its last sync or status change: CareAcademy's
 * contract has no "list every user" call, so asking it live would cost one request per caregiver
 * on every page. A caregiver's card (its button) asks the LMS live. Likewise what the LMS said
 * when it refused a caregiver's last sync is the one that sync recorded (SyncRefusal). Cost per page
 * shown: one TeleTrack request per 200 caregivers (the list is filtered and sorted here), and two
 * database queries; nothing from the LMS.
 */
export const LIST_FILTERS = ["not-synced", "cannot-sync", "deactivated", "all"] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** What `/caregiver` with no argument lists: the caregivers a sync would still add or update. */
export const DEFAULT_LIST_FILTER: ListFilter = "not-synced";

/** Rows a page shows: each is one block with its card button, well inside Slack's 50. */
export const LIST_PAGE_SIZE = 10;

/**
 * Where a caregiver stands, as carebridge knows it without asking the LMS:
 * - not-in-lms: can sync, no account linked yet (a sync creates or links it);
 * - changed: linked, and TeleTrack has changed what was last synced;
 * - synced: linked, and what was last synced is what TeleTrack has;
 * - cannot-sync: active in TeleTrack, but a readiness rule blocks the sync, or the LMS refused
 *   the last sync (e.g. an email another account has) and no sync has succeeded since;
 * - inactive: inactive in TeleTrack (syncs leave them out).
 */
export type RowSync = "not-in-lms" | "changed" | "synced" | "cannot-sync" | "inactive";

export interface CaregiverRow {
  id: string;
  firstName: string;
  lastName: string;
  state: string;
  /** The LMS status carebridge last recorded for the linked account; null: none linked. */
  lmsStatus: LmsStatus | null;
  /** Deactivated from carebridge on purpose: syncs leave the account so. */
  held: boolean;
  sync: RowSync;
  /** The readiness rules that block the sync (readiness.ts), in their order. */
  blockers: Blocker[];
  /** A missing mobile phone: does not block, but the LMS's text reminders won't reach them. */
  noMobilePhone: boolean;
  /** What the LMS said when it refused the last sync, in its words; null: it did not. */
  refusal: string | null;
}

/** What the configured LMS said when it last refused the caregiver's sync (SyncRefusal). */
export interface Refusal {
  message: string;
  /** By carebridge's clock, as a link's lastSyncAt is. */
  at: Date;
}

export interface CaregiverListPage {
  filter: ListFilter;
  rows: CaregiverRow[];
  /** 1-based; clamped to the pages there are. */
  page: number;
  pageCount: number;
  /** Caregivers the filter matches. */
  total: number;
  /** How many caregivers each filter matches, for the summary line. */
  counts: Record<ListFilter, number>;
}

/** Which rows a filter shows. */
export function matchesFilter(row: CaregiverRow, filter: ListFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "not-synced":
      return row.sync === "not-in-lms" || row.sync === "changed";
    case "cannot-sync":
      return row.sync === "cannot-sync";
    case "deactivated":
      return row.lmsStatus === "deactivated";
  }
}

/** The filter a person typed, or undefined when it is none of LIST_FILTERS (case and spaces ignored). */
export function parseListFilter(text: string): ListFilter | undefined {
  const typed = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  if (typed === "") return DEFAULT_LIST_FILTER;
  return (LIST_FILTERS as readonly string[]).includes(typed) ? (typed as ListFilter) : undefined;
}

export const unknownFilter = (typed: string): string =>
  `There is no "${typed.trim()}" list of caregivers. Type /caregiver list followed by one of: ${LIST_FILTERS.join(", ")}; without a word it shows ${DEFAULT_LIST_FILTER}.`;

/**
 * @param refusal the LMS's last refusal of the caregiver's sync: it stands until a sync succeeds
 *   (the link's lastSyncAt moves past it) or TeleTrack comes to match what was last synced; a
 *   readiness rule is checked live instead.
 */
export function rowOf(
  caregiver: Caregiver,
  link: CaregiverLink | undefined,
  rules: ReadinessRules,
  refusal?: Refusal,
): CaregiverRow {
  const readiness = checkReadiness(caregiver, rules);
  const blockers = readiness.blockers;
  const held =
    link !== undefined &&
    link.lmsStatus === "deactivated" &&
    holdStands(link.data.heldDeactivated, link.teletrackStatus, caregiver.status);
  let sync: RowSync;
  if (caregiver.status !== "active") sync = "inactive";
  else if (blockers.length > 0 || caregiver.email === null) sync = "cannot-sync";
  else if (link === undefined) sync = "not-in-lms";
  else {
    const now = fingerprint(lmsFieldsOf({ ...caregiver, email: caregiver.email }));
    sync = link.lastSyncAt !== null && link.data.fingerprint === now ? "synced" : "changed";
  }
  const refused =
    (sync === "not-in-lms" || sync === "changed") &&
    refusal !== undefined &&
    (link?.lastSyncAt == null || link.lastSyncAt < refusal.at);
  if (refused) sync = "cannot-sync";
  return {
    id: caregiver.id,
    firstName: caregiver.firstName,
    lastName: caregiver.lastName,
    state: caregiver.state,
    lmsStatus: link?.lmsStatus ?? null,
    held,
    sync,
    blockers,
    noMobilePhone: readiness.warnings.length > 0,
    refusal: refused ? refusal.message : null,
  };
}

const byName = (a: CaregiverRow, b: CaregiverRow): number =>
  a.lastName.localeCompare(b.lastName, "en", { sensitivity: "base" }) ||
  a.firstName.localeCompare(b.firstName, "en", { sensitivity: "base" }) ||
  a.id.localeCompare(b.id);

export function createCaregiverList(
  deps: Pick<CaregiverDeps, "source" | "birthDateRequiredStates" | "lmsVendor" | "prisma">,
  links: Pick<Links, "all">,
  guard: Guard,
) {
  /** The configured LMS's last refusal of each caregiver's sync in the workspace, by TeleTrack id. */
  async function refusals(workspaceId: string): Promise<Map<string, Refusal>> {
    const rows = await deps.prisma.syncRefusal.findMany({
      where: { workspaceId, vendor: deps.lmsVendor },
      select: { caregiverId: true, message: true, at: true },
    });
    return new Map(rows.map((r) => [r.caregiverId, { message: r.message, at: r.at }]));
  }

  return async function list(
    actor: Actor,
    /** As typed: one of LIST_FILTERS, or blank for DEFAULT_LIST_FILTER. */
    typed: string,
    page: number,
    madeFor?: string,
  ): Promise<Result<{ list: CaregiverListPage }>> {
    const refused = await guard(actor, "caregiver.view", { type: "caregiver", id: "list" }, madeFor);
    if (refused) return refused;
    const filter = parseListFilter(typed);
    if (filter === undefined) return fail(unknownFilter(typed), "filter");
    const [known, lmsRefusals] = await Promise.all([links.all(actor.workspaceId), refusals(actor.workspaceId)]);
    const rules = { birthDateRequiredStates: deps.birthDateRequiredStates, lms: lmsName(deps) };
    const rows: CaregiverRow[] = [];
    for await (const caregiver of deps.source.listCaregivers()) {
      rows.push(rowOf(caregiver, known.get(caregiver.id), rules, lmsRefusals.get(caregiver.id)));
    }
    rows.sort(byName);
    const counts = Object.fromEntries(
      LIST_FILTERS.map((f) => [f, rows.filter((r) => matchesFilter(r, f)).length]),
    ) as Record<ListFilter, number>;
    const shown = rows.filter((r) => matchesFilter(r, filter));
    const pageCount = Math.max(1, Math.ceil(shown.length / LIST_PAGE_SIZE));
    const at = Math.min(Math.max(1, Math.floor(Number.isFinite(page) ? page : 1)), pageCount);
    return {
      ok: true,
      list: {
        filter,
        rows: shown.slice((at - 1) * LIST_PAGE_SIZE, at * LIST_PAGE_SIZE),
        page: at,
        pageCount,
        total: shown.length,
        counts,
      },
    };
  };
}
