import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { actorOf } from "../../actor";
import { homeView } from "../../presenters/home";

export function appHomeOpened(services: Services) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    const summary = await services.home.summary(actorOf(context));
    await client.views.publish({ user_id: event.user, view: homeView(summary) });
  };
}
