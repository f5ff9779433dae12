import type { Vendor } from "../config";
import type { Job } from "../jobs/types";
import type { StaffDirectory } from "../providers/roles";
import type { JobStore } from "../jobs/store";
import type { Actor } from "./actor";
import type { AccessService } from "./access/service";
import { decide, type Principal } from "./access/policy";
import type { Linking, WaitingSuggestions } from "./linking";
import type { Schedules, SyncSchedule } from "./caregivers/schedule";
import type { AuditLine, AuditLog } from "./audit-log";

export interface HomeSummary {
  principal: Principal;
  officeName: string | undefined;
  recentJobs: Job[];
  sandboxVendors: Vendor[];
  /** For someone without access: who can give it, e.g. "an admin (<@U1>)". */
  askAdmin: string | undefined;
  /** Open link suggestions per kind, for people who may see links. */
  linkSuggestions: WaitingSuggestions | undefined;
  /** The scheduled caregiver sync (null: none), for people who may look caregivers up. */
  syncSchedule?: SyncSchedule | null;
  /** The five latest changes the viewer may read in the audit. */
  recentChanges: AuditLine[];
  /** The caregiver LMS by name, when the viewer may sign in to it as an administrator (a button). */
  lmsSignIn?: string;
}

export function createHome(deps: {
  access: Pick<AccessService, "principal" | "adminsHint">;
  jobs: Pick<JobStore, "recent">;
  offices: Pick<StaffDirectory, "listOffices">;
  sandboxVendors: ReadonlySet<Vendor>;
  linking: Pick<Linking, "waiting">;
  schedules: Pick<Schedules, "current">;
  auditLog: Pick<AuditLog, "page">;
  /** The caregiver LMS's admin sign-in: its name, and whether an actor may use it. */
  lmsSignIn?: { lms: string; may: (actor: Actor) => Promise<boolean> };
}) {
  return {
    async summary(actor: Actor): Promise<HomeSummary> {
      const principal = await deps.access.principal(actor);
      const recentJobs = principal.role === "unknown" ? [] : await deps.jobs.recent(actor.workspaceId, 5);
      const officeName =
        principal.role === "agency_user" && principal.office
          ? ((await deps.offices.listOffices()).find((o) => o.id === principal.office)?.name ?? principal.office)
          : undefined;
      const linkSuggestions = decide(principal, "link.view", undefined, "").allowed
        ? await deps.linking.waiting(actor.workspaceId)
        : undefined;
      const changes =
        principal.role === "unknown" ? undefined : await deps.auditLog.page(actor, { filter: { kind: "all" } }, 0, 5);
      const askAdmin = principal.role === "unknown" ? await deps.access.adminsHint(actor.workspaceId) : undefined;
      const syncSchedule = decide(principal, "caregiver.view", undefined, "").allowed
        ? await deps.schedules.current(actor.workspaceId)
        : undefined;
      const lmsSignIn = deps.lmsSignIn && (await deps.lmsSignIn.may(actor)) ? deps.lmsSignIn.lms : undefined;
      return {
        ...(lmsSignIn ? { lmsSignIn } : {}),
        principal,
        officeName,
        recentJobs,
        sandboxVendors: [...deps.sandboxVendors],
        askAdmin,
        linkSuggestions,
        syncSchedule,
        recentChanges: changes?.ok ? changes.lines : [],
      };
    },
  };
}
