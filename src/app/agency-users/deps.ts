import type { Config } from "../../config";
import type { PrismaClient } from "../../generated/prisma/client";
import type { StaffDirectory } from "../../providers/roles";
import type { AccessService } from "../access/service";
import type { Audit } from "../audit";
import type { ReadSettings } from "../settings/read";
import type { DirectoryCache } from "./directory-cache";

export interface AgencyUsersDeps {
  directory: Pick<StaffDirectory, "findByUsername" | "listByOffice" | "create">;
  /** Offices and roles, kept briefly. */
  cache: DirectoryCache;
  access: Pick<AccessService, "check" | "principal">;
  audit: Audit;
  /** ProcessedEvent rows are the once-only keys of form submissions. */
  prisma: Pick<PrismaClient, "processedEvent">;
  config: Pick<Config, "usernameFormat">;
  /** The workspace's ROLE_RANKING among them. */
  settings: ReadSettings;
}

/**
 * The acting user's email as the chat platform verified it (Slack: users.info), used to find
 * their own Caresmartz360 account; called only when their own role matters.
 */
export type SelfEmail = () => Promise<string | undefined>;
