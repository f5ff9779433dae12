import type { Logger } from "../../logger";
import type { Installations } from ".";

/** Retention is counted in days: looking once an hour deletes within an hour of the period's end. */
const TICK_MS = 60 * 60 * 1000;

/** Deletes uninstalled workspaces' people data once their retention period is over, until the process ends. */
export function startUninstallPurge(installations: Installations, logger: Logger): void {
  let ticking: Promise<unknown> | undefined;
  const tick = () => {
    ticking ??= installations
      .purgeExpired()
      .then((purged) => {
        if (purged.length > 0) logger.info({ workspaces: purged }, "deleted the people data of uninstalled workspaces");
      })
      .catch((error: unknown) => logger.warn({ err: error }, "deleting uninstalled workspaces' data failed"))
      .finally(() => (ticking = undefined));
  };
  tick();
  setInterval(tick, TICK_MS).unref();
}
