import type { Vendor } from "../config";
import type { Job } from "../jobs/types";
import type { StaffDirectory } from "../providers/roles";
import type { JobStore } from "../jobs/store";
import type { Actor } from "./actor";
import type { AccessService } from "./access/service";
import type { Principal } from "./access/policy";

export interface HomeSummary {
  principal: Principal;
  officeName: string | undefined;
  recentJobs: Job[];
  sandboxVendors: Vendor[];
}

export function createHome(deps: {
  access: Pick<AccessService, "principal">;
  jobs: Pick<JobStore, "recent">;
  offices: Pick<StaffDirectory, "listOffices">;
  sandboxVendors: ReadonlySet<Vendor>;
}) {
  return {
    async summary(actor: Actor): Promise<HomeSummary> {
      const principal = await deps.access.principal(actor);
      const recentJobs = principal.role === "unknown" ? [] : await deps.jobs.recent(actor.workspaceId, 5);
      const officeName =
        principal.role === "agency_user" && principal.office
          ? ((await deps.offices.listOffices()).find((o) => o.id === principal.office)?.name ?? principal.office)
          : undefined;
      return { principal, officeName, recentJobs, sandboxVendors: [...deps.sandboxVendors] };
    },
  };
}
