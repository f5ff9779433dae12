import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { agencyUserCommand } from "./agency-users";
import { carebridgeCommand } from "./carebridge";
import { registerCaregiverCommands } from "./caregivers";
import { learnerCommand } from "./learners";
import { linkCommand } from "./linking/link";

export function registerCommands(app: App, services: Services): void {
  app.command("/carebridge", carebridgeCommand(services));
  registerCaregiverCommands(app, services);
  app.command("/link", linkCommand(services));
  app.command("/agency-user", agencyUserCommand(services));
  app.command("/learner", learnerCommand(services));
}
