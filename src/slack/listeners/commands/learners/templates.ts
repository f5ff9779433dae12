import { notice, problemsMessage } from "../../../presenters/kit";
import { channelUnreachable } from "../../../slack-error";
import { replyPrivately } from "../../reply";
import type { Subcommand } from "../../types";

const HOW_TO =
  "The CACWT import templates: one row per community partner. UserID and Email are their email, Status is Active " +
  '(or Archived to archive), Affiliation is California Community Partners, EmployeeType is "<County> County Community Partner", ' +
  "DateHire is the day the account is created (blank means today); leave the other columns blank. " +
  "The archival template (no Status column) archives every learner it lists. Save as CSV UTF-8 and upload it here.";

const HOW_TO_ARCHIVE =
  "The CACWT Community Partner Archival Template: one row per learner to archive (UserID and Email are their email). " +
  "Uploaded here, it archives every learner it lists that CACWT has, reports the others, and creates no one.";

/** `/learner template [archive]`: both empty templates, or the archival one, uploaded where the command was typed. */
export const postTemplates: Subcommand = async ({ actor, text, channelId, respond, client, services }) => {
  const archival = /^archiv/i.test(text.trim());
  const result = await services.learners.one.templates(actor, archival ? "archival" : "both");
  if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
  try {
    await client.filesUploadV2({
      channel_id: channelId,
      initial_comment: archival ? HOW_TO_ARCHIVE : HOW_TO,
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
