import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { carebridgeCommand } from "./carebridge";

export function registerCommands(app: App, services: Services): void {
  app.command("/carebridge", carebridgeCommand(services));
}
