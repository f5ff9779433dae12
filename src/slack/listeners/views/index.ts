import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { CREATE_CALLBACK_ID } from "../../presenters/agency-users/form-blocks";
import { agencyUserSubmit } from "./agency-users/submit";
import { registerCaregiverViews } from "./caregivers";
import { registerLearnerViews } from "./learners";
import { registerLinkingViews } from "./linking";
import { SETTINGS_CALLBACK_ID } from "../../presenters/settings";
import { settingsSubmitted } from "./settings";
import { VENDOR_CALLBACK_ID } from "../../presenters/vendors";
import { vendorSubmitted } from "./vendor";

/** Modal submissions; each workflow registers its callback ids here. */
export function registerViews(app: App, services: Services): void {
  app.view(CREATE_CALLBACK_ID, agencyUserSubmit(services));
  registerCaregiverViews(app, services);
  registerLinkingViews(app, services);
  registerLearnerViews(app, services);
  app.view(SETTINGS_CALLBACK_ID, settingsSubmitted(services));
  app.view(VENDOR_CALLBACK_ID, vendorSubmitted(services));
}
