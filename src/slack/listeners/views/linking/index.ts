import type { App } from "@slack/bolt";
import type { Services } from "../../../../app/services";
import {
  CHANGE_ALIAS_CALLBACK,
  CREATE_LEARNER_CALLBACK,
  CREATE_MEMBER_CALLBACK,
  SEARCH_CALLBACK,
} from "../../../presenters/linking/values";
import { changeAliasSubmitted } from "./change-alias";
import { searchSubmitted } from "./search-submit";
import { createLearnerSubmitted } from "./create-learner";
import { createMemberSubmitted } from "./create-member";

export function registerLinkingViews(app: App, services: Services): void {
  app.view(CREATE_MEMBER_CALLBACK, createMemberSubmitted(services));
  app.view(CREATE_LEARNER_CALLBACK, createLearnerSubmitted(services));
  app.view(CHANGE_ALIAS_CALLBACK, changeAliasSubmitted(services));
  app.view(SEARCH_CALLBACK, searchSubmitted(services));
}
