import type { App } from "@slack/bolt";
import type { Services } from "../../../../app/services";
import { actionPattern, LINK_ACTION, SEARCH_ELEMENT } from "../../../presenters/linking/values";
import { aliasAction } from "./alias";
import { createAction } from "./create";
import { pageAction } from "./page";
import { pairAction, undoAutoLinksAction } from "./pair";
import { recordAction, rejectAction, unrejectAction } from "./record";
import { reviewAction } from "./review";
import { searchAction, searchOptionsAction } from "./search";

/** Every button of the linking screens (`link.*`, with or without a `:suffix`). */
export function registerLinkingActions(app: App, services: Services): void {
  app.action(actionPattern(LINK_ACTION.link), pairAction(services, "link"));
  app.action(actionPattern(LINK_ACTION.unlink), pairAction(services, "unlink"));
  app.action(actionPattern(LINK_ACTION.reject), rejectAction(services));
  app.action(actionPattern(LINK_ACTION.unreject), unrejectAction(services));
  app.action(actionPattern(LINK_ACTION.undoAutoLinks), undoAutoLinksAction(services));
  app.action(actionPattern(LINK_ACTION.ignore), recordAction(services, "ignore"));
  app.action(actionPattern(LINK_ACTION.unignore), recordAction(services, "unignore"));
  app.action(actionPattern(LINK_ACTION.create), createAction(services));
  app.action(actionPattern(LINK_ACTION.alias), aliasAction(services));
  app.action(actionPattern(LINK_ACTION.search), searchAction(services));
  app.options({ action_id: SEARCH_ELEMENT, type: "block_suggestion" }, searchOptionsAction(services));
  app.action(actionPattern(LINK_ACTION.page), pageAction(services));
  app.action(actionPattern(LINK_ACTION.review), reviewAction(services));
}
