import { problemsMessage } from "../../../presenters/kit";
import { settingsModal } from "../../../presenters/settings";
import { replyPrivately } from "../../reply";
import type { Subcommand } from "../../types";

/** `/carebridge settings`: the settings modal, for admins; others are told why not. */
export const settings: Subcommand = async ({ actor, channelId, triggerId, respond, client, services }) => {
  const result = await services.settings.open(actor);
  if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
  await client.views.open({ trigger_id: triggerId, view: settingsModal(result.data, channelId) });
};
