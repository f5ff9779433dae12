import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { Installations } from "../../app/installations";

/** The id an installation is kept under: the org for an org-wide install, else the team. */
function idOf(query: {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}) {
  return query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
}

/** Bolt's InstallationStore on carebridge's database, through the installations use-case (which seals tokens). */
export function databaseInstallationStore(installations: Installations): InstallationStore {
  return {
    async storeInstallation(installation) {
      const id = idOf({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      if (!id) throw new Error("an installation with neither a team nor an enterprise");
      await installations.save({
        id,
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        installerId: installation.user.id,
        json: JSON.stringify(installation),
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const id = idOf(query);
      const json = id ? await installations.find(id) : undefined;
      // Bolt turns this into "Authorization of incoming event did not succeed": nothing is served.
      if (!json)
        throw new Error(`no installation for ${query.isEnterpriseInstall ? "enterprise" : "team"} ${id ?? "(none)"}`);
      return JSON.parse(json) as Installation<"v1" | "v2", boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const id = idOf(query);
      if (id) await installations.forget(id, "app_uninstalled");
    },
  };
}
