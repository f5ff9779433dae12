import type { App } from "@slack/bolt";
import type { Services } from "../../../../app/services";
import { caregiverCommand } from "./caregiver";
import { syncCaregiverCommand } from "./sync-caregiver";

export { login } from "./login";

export function registerCaregiverCommands(app: App, services: Services): void {
  app.command("/sync-caregiver", syncCaregiverCommand(services));
  app.command("/caregiver", caregiverCommand(services));
}
