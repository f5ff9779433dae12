import { notice, problemsMessage } from "../../../presenters/kit";
import { templatesComment } from "../../../presenters/learners/templates";
import { channelUnreachable } from "../../../slack-error";
import { replyPrivately } from "../../reply";
import { sourceOf } from "../../shared/learners";
import type { Subcommand } from "../../types";

/** `/learner template [archive]`: both empty templates, or the archival one, uploaded where the command was typed. */
export const postTemplates: Subcommand = async ({ actor, text, channelId, respond, client, services }) => {
  const archival = /^archiv/i.test(text.trim());
  const result = await services.learners.one.templates(actor, archival ? "archival" : "both");
  if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
  try {
    await client.filesUploadV2({
      channel_id: channelId,
      initial_comment: templatesComment(sourceOf(services), archival ? "archival" : "both"),
      file_uploads: result.files.map((f) => ({ filename: f.filename, title: f.filename, content: f.content })),
    });
  } catch (error) {
    if (!channelUnreachable(error)) throw error;
    await replyPrivately(
      respond,
      notice(
        "carebridge can't post files in this channel; invite it here, or run /learner template in your direct messages with carebridge.",
      ),
    );
  }
};
