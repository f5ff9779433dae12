import { sendPrivately } from "../../../files";
import { problemsMessage } from "../../../presenters/kit";
import { exportComment, exportSentMessage } from "../../../presenters/workspace-export";
import { replyPrivately } from "../../reply";
import type { Subcommand } from "../../types";

/**
 * `/carebridge export` (admins): the workspace's people data as a JSON file in the admin's direct
 * messages with carebridge, never the channel's: what an uninstall deletes after its retention period.
 */
export const exportData: Subcommand = async ({ actor, respond, client, services }) => {
  const result = await services.exportWorkspace(actor);
  if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
  await sendPrivately(client, actor.userId, {
    filename: result.filename,
    content: result.json,
    comment: exportComment(result.counts, services.uninstallRetentionDays),
  });
  await replyPrivately(respond, exportSentMessage);
};
