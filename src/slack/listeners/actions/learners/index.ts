import type { App } from "@slack/bolt";
import type { Services } from "../../../../app/services";
import { LEARNER_ACTION } from "../../../presenters/learners/ids";
import { approvePressed, reactivateAllPressed, rejectPressed } from "./archive-runs";
import { bulkCancelPressed, bulkConfirmPressed, bulkLeaveOutPressed, bulkPagePressed } from "./bulk";
import { importCancelPressed, importChangesPressed, importErrorsPressed, importPressed } from "./import";
import { learnerEditPressed } from "./edit";
import { learnerStatusButton } from "./status";

export function registerLearnerActions(app: App, services: Services): void {
  app.action(LEARNER_ACTION.archive, learnerStatusButton(services, "Archived"));
  app.action(LEARNER_ACTION.reactivate, learnerStatusButton(services, "Active"));
  app.action(LEARNER_ACTION.edit, learnerEditPressed(services));
  app.action(LEARNER_ACTION.import, importPressed(services));
  app.action(LEARNER_ACTION.importCancel, importCancelPressed(services));
  app.action(LEARNER_ACTION.importErrors, importErrorsPressed(services));
  app.action(LEARNER_ACTION.importChanges, importChangesPressed(services));
  app.action(LEARNER_ACTION.bulkConfirm, bulkConfirmPressed(services));
  app.action(LEARNER_ACTION.bulkCancel, bulkCancelPressed(services));
  app.action(LEARNER_ACTION.bulkLeaveOut, bulkLeaveOutPressed(services, true));
  app.action(LEARNER_ACTION.bulkPutBack, bulkLeaveOutPressed(services, false));
  app.action(LEARNER_ACTION.bulkPrevious, bulkPagePressed(services));
  app.action(LEARNER_ACTION.bulkNext, bulkPagePressed(services));
  app.action(LEARNER_ACTION.bulkApprove, approvePressed(services));
  app.action(LEARNER_ACTION.bulkReject, rejectPressed(services));
  app.action(LEARNER_ACTION.reactivateAll, reactivateAllPressed(services));
}
