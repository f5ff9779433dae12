import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { NAME_ENTERED_ACTION } from "../../presenters/agency-users/form-blocks";
import { LIST_NEXT_ACTION, LIST_PREVIOUS_ACTION } from "../../presenters/agency-users/list";
import { ACCESS_NEXT_ACTION, ACCESS_PREVIOUS_ACTION } from "../../presenters/access";
import { AUDIT_EXPORT_ACTION, AUDIT_NEXT_ACTION, AUDIT_PREVIOUS_ACTION } from "../../presenters/audit";
import { RETRY_FAILED_ACTION } from "../../presenters/job-progress";
import { agencyUserListPage } from "./agency-users/list-page";
import { agencyUserNameEntered } from "./agency-users/name-entered";
import { accessPage } from "./access";
import { auditExport, auditPage } from "./audit";
import { registerCaregiverActions } from "./caregivers";
import { jobRetryFailed } from "./job-retry-failed";
import { registerLearnerActions } from "./learners";
import { registerLinkingActions } from "./linking";
import { vendorOpen } from "./vendor-open";
import { VENDOR_OPEN_ACTION } from "../../presenters/vendors";

/** Button presses; each workflow registers its action ids here. */
export function registerActions(app: App, services: Services): void {
  app.action(RETRY_FAILED_ACTION, jobRetryFailed(services));
  registerCaregiverActions(app, services);
  registerLinkingActions(app, services);
  registerLearnerActions(app, services);
  app.action(NAME_ENTERED_ACTION, agencyUserNameEntered(services));
  app.action(LIST_PREVIOUS_ACTION, agencyUserListPage(services));
  app.action(LIST_NEXT_ACTION, agencyUserListPage(services));
  app.action(AUDIT_PREVIOUS_ACTION, auditPage(services));
  app.action(AUDIT_NEXT_ACTION, auditPage(services));
  app.action(AUDIT_EXPORT_ACTION, auditExport(services));
  app.action(ACCESS_PREVIOUS_ACTION, accessPage(services));
  app.action(ACCESS_NEXT_ACTION, accessPage(services));
  app.action(VENDOR_OPEN_ACTION, vendorOpen(services));
}
