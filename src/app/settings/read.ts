import type { Config } from "../../config";
import type { ArchiveThreshold } from "../../domain/learners/archive-filter";
import type { PrismaClient } from "../../generated/prisma/client";

/** The rules an admin tunes in `/carebridge settings`, as they apply now in one workspace. */
export interface EffectiveSettings {
  /** Caresmartz360 role names from most to least privileged; empty → agency users can't create agency users. */
  roleRanking: string[];
  archive: ArchiveThreshold;
  /** Link suggestions below this score (0..1) are not shown. */
  matchSuggestScore: number;
  /** Where the digest goes; undefined until an admin picks one. */
  digestChannel: string | undefined;
  /** IANA zone that schedules are read in. */
  timeZone: string;
}

/** The one way the app reads these rules: the workspace's choice, else the environment's default. */
export type ReadSettings = (workspaceId: string) => Promise<EffectiveSettings>;

export type SettingsDefaults = Pick<Config, "roleRanking" | "archive" | "matching">;

export const DEFAULT_TIME_ZONE = "UTC";

export function defaultSettings(config: SettingsDefaults): EffectiveSettings {
  return {
    roleRanking: config.roleRanking,
    archive: config.archive,
    matchSuggestScore: config.matching.suggestScore,
    digestChannel: undefined,
    timeZone: DEFAULT_TIME_ZONE,
  };
}

export function createSettingsReader(
  prisma: Pick<PrismaClient, "workspaceSettings">,
  config: SettingsDefaults,
): ReadSettings {
  const defaults = defaultSettings(config);
  return async (workspaceId) => {
    const row = await prisma.workspaceSettings.findUnique({ where: { workspaceId } });
    if (!row) return defaults;
    return {
      roleRanking: row.roleRanking.length > 0 ? row.roleRanking : defaults.roleRanking,
      archive: {
        maxCount: row.archiveMaxCount ?? defaults.archive.maxCount,
        maxShare: row.archiveMaxShare ?? defaults.archive.maxShare,
      },
      matchSuggestScore: row.matchSuggestScore ?? defaults.matchSuggestScore,
      digestChannel: row.digestChannel ?? defaults.digestChannel,
      timeZone: row.timeZone ?? defaults.timeZone,
    };
  };
}
