import type { App } from "@slack/bolt";
import type { Services } from "../../../../app/services";
import { fileShared } from "./file-share";

export function registerLearnerEvents(app: App, services: Services): void {
  app.event("message", fileShared(services));
}
