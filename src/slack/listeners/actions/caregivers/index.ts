import type { App } from "@slack/bolt";
import type { Services } from "../../../../app/services";
import { CAREGIVER_ACTIONS, PICK_ACTION_PATTERN } from "../../../presenters/caregivers/ids";
import { LIST_SHOW_PATTERN } from "../../../presenters/caregivers/list";
import { caregiverActivation } from "./activation";
import { caregiverFixOpen } from "./fix-open";
import { caregiverListCard, caregiverListPage } from "./list";
import { caregiverOpen } from "./open";
import { caregiverSignIn } from "./sign-in";
import { caregiverSyncAllCancel, caregiverSyncAllConfirm } from "./sync-all";

export function registerCaregiverActions(app: App, services: Services): void {
  app.action(PICK_ACTION_PATTERN, caregiverOpen(services));
  app.action(CAREGIVER_ACTIONS.sync, caregiverOpen(services, "sync"));
  app.action(CAREGIVER_ACTIONS.activate, caregiverOpen(services, "sync"));
  app.action(CAREGIVER_ACTIONS.deactivate, caregiverActivation(services, "deactivate"));
  app.action(CAREGIVER_ACTIONS.reactivate, caregiverActivation(services, "reactivate"));
  app.action(CAREGIVER_ACTIONS.fix, caregiverFixOpen(services));
  app.action(CAREGIVER_ACTIONS.confirmAll, caregiverSyncAllConfirm(services));
  app.action(CAREGIVER_ACTIONS.cancelAll, caregiverSyncAllCancel(services));
  app.action(LIST_SHOW_PATTERN, caregiverListPage(services));
  app.action(CAREGIVER_ACTIONS.listPrevious, caregiverListPage(services));
  app.action(CAREGIVER_ACTIONS.listNext, caregiverListPage(services));
  app.action(CAREGIVER_ACTIONS.listCard, caregiverListCard(services));
  app.action(CAREGIVER_ACTIONS.signIn, caregiverSignIn(services));
}
