import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services";

/** Modal submissions; each workflow registers its callback ids here. */
export function registerViews(_app: App, _services: Services): void {}
