import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { RETRY_FAILED_ACTION } from "../../presenters/job-progress";
import { jobRetryFailed } from "./job-retry-failed";

/** Button presses; each workflow registers its action ids here. */
export function registerActions(app: App, services: Services): void {
  app.action(RETRY_FAILED_ACTION, jobRetryFailed(services));
}
