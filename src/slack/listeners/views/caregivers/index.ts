import type { App } from "@slack/bolt";
import type { Services } from "../../../../app/services";
import { FIX_CALLBACK_ID } from "../../../presenters/caregivers/ids";
import { caregiverFixSubmit } from "./fix-submit";

export function registerCaregiverViews(app: App, services: Services): void {
  app.view(FIX_CALLBACK_ID, caregiverFixSubmit(services));
}
