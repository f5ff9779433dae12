import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { describeError } from "../../../../app/errors";
import { looksLikeCsvFile } from "../../../../app/learners/incoming-file";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import type { Message } from "../../../presenters/kit";
import { importPreviewMessage, importRefusedMessage } from "../../../presenters/learners/import";
import { sourceOf } from "../../shared/learners";
import { isSlackFileUrl, slackDownload } from "./download";

const NOT_FROM_SLACK =
  "its download address is not on Slack's file servers, so carebridge did not fetch it; upload the file again, and tell your admin if it keeps happening.";

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return "(not a URL)";
  }
};
import { slackPayload } from "../../../presenters/kit";

/** What a file_share message says of each file; newer events may leave most of it to files.info. */
interface SharedFile {
  id: string;
  name?: string | null;
  mimetype?: string;
  size?: number;
  url_private_download?: string;
  file_access?: string;
}

async function details(
  client: WebClient,
  file: SharedFile,
): Promise<
  Required<Pick<SharedFile, "id" | "url_private_download">> & { name: string; mimetype: string; size: number }
> {
  const known =
    file.url_private_download && file.name && file.file_access !== "check_file_info"
      ? file
      : ((await client.files.info({ file: file.id })).file as SharedFile);
  return {
    id: file.id,
    name: known.name ?? "file",
    mimetype: known.mimetype ?? "",
    size: known.size ?? 0,
    url_private_download: known.url_private_download ?? "",
  };
}

/**
 * A file shared where carebridge is (a channel it is in, or its DM), as a `message` event of
 * subtype file_share: unlike `file_shared`, it names the uploader and the message to thread under.
 * A .csv is previewed as a learner import; any other file is answered only in carebridge's DM,
 * since in channels people share all kinds of files that are not meant for it.
 */
export function fileShared(services: Services) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    if (event.subtype !== "file_share" || !context.botToken) return;
    const actor = actorOf(context);
    const isDm = event.channel_type === "im" || event.channel.startsWith("D");
    const threadTs = event.thread_ts ?? event.ts;
    const reply = (message: Message) =>
      client.chat.postMessage({
        channel: event.channel,
        thread_ts: threadTs,
        ...slackPayload(message),
      });
    for (const shared of (event.files ?? []) as SharedFile[]) {
      try {
        const file = await details(client, shared);
        if (!looksLikeCsvFile(file) && !isDm) continue;
        if (!isSlackFileUrl(file.url_private_download, services.slackApiUrl)) {
          services.logger.warn(
            { file: file.id, host: hostOf(file.url_private_download) },
            "a shared file's download address is not a Slack file host; not sending the token there",
          );
          await reply(importRefusedMessage(file.name, [{ message: NOT_FROM_SLACK }]));
          continue;
        }
        const result = await services.learners.imports.preview(actor, {
          id: file.id,
          name: file.name,
          mimetype: file.mimetype,
          size: file.size,
          channelId: event.channel,
          threadTs,
          open: slackDownload(file.url_private_download, context.botToken),
        });
        await reply(
          result.ok
            ? importPreviewMessage(result.preview, sourceOf(services))
            : importRefusedMessage(file.name, result.problems),
        );
      } catch (error) {
        services.logger.warn({ err: error }, "previewing a shared file failed");
        await reply(importRefusedMessage(shared.name ?? "this file", [{ message: describeError(error) }]));
      }
    }
  };
}
