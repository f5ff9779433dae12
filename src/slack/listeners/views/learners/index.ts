import type { App } from "@slack/bolt";
import type { Services } from "../../../../app/services";
import { LEARNER_VIEW } from "../../../presenters/learners/ids";
import { addLearnerSubmitted } from "./add";
import { archiveBulkSubmitted } from "./archive-bulk";
import { editLearnerSubmitted } from "./edit";
import { reactivateOfferSubmitted } from "./reactivate-offer";

export function registerLearnerViews(app: App, services: Services): void {
  app.view(LEARNER_VIEW.add, addLearnerSubmitted(services));
  app.view(LEARNER_VIEW.reactivateOffer, reactivateOfferSubmitted(services));
  app.view(LEARNER_VIEW.archiveBulk, archiveBulkSubmitted(services));
  app.view(LEARNER_VIEW.edit, editLearnerSubmitted(services));
}
