import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { agencyUserCommand } from "./agency-users";
import { carebridgeCommand } from "./carebridge";

export function registerCommands(app: App, services: Services): void {
  app.command("/carebridge", carebridgeCommand(services));
  app.command("/agency-user", agencyUserCommand(services));
}
