import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { actorOf } from "../../actor";
import type { StateValues } from "../../presenters/modal-kit";
import { errorsByBlock } from "../../presenters/modal-kit";
import {
  readSettingsChannel,
  readSettingsForm,
  SETTINGS_BLOCKS,
  settingsSavedMessage,
} from "../../presenters/settings";
import { postPrivately } from "../reply";

/** Settings saved: problems on their fields, or the modal closes and the admin is told what applies now. */
export function settingsSubmitted(services: Services) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const actor = actorOf(context);
    const result = await services.settings.save(actor, readSettingsForm(view.state.values as StateValues));
    if (!result.ok) {
      await ack({ response_action: "errors", errors: errorsByBlock(result.problems, SETTINGS_BLOCKS, "roleRanking") });
      return;
    }
    await ack();
    await postPrivately(
      client,
      readSettingsChannel(view.private_metadata),
      actor.userId,
      settingsSavedMessage(result.settings, result.changed),
    );
  };
}
