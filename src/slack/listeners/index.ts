import type { App } from "@slack/bolt";
import type { Services } from "../../app/services";
import { registerActions } from "./actions";
import { registerCommands } from "./commands";
import { registerEvents } from "./events";
import { registerViews } from "./views";

export function registerListeners(app: App, services: Services): void {
  registerCommands(app, services);
  registerActions(app, services);
  registerViews(app, services);
  registerEvents(app, services);
}
