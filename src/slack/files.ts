import type { WebClient } from "@slack/web-api";

/** A file carebridge posts: named by its filename unless it has a title of its own. */
export interface SlackFile {
  filename: string;
  content: string;
  title?: string;
  /** Posted with the file, as its message. */
  comment?: string;
}

/** Where a file goes: a channel (a user id is their direct messages with carebridge), or a thread in it. */
export interface FilePlace {
  channel: string;
  threadTs?: string | undefined;
}

export async function uploadFile(client: WebClient, place: FilePlace, file: SlackFile): Promise<void> {
  const upload = {
    filename: file.filename,
    title: file.title ?? file.filename,
    content: file.content,
    ...(file.comment ? { initial_comment: file.comment } : {}),
  };
  await client.filesUploadV2(
    place.threadTs
      ? { channel_id: place.channel, thread_ts: place.threadTs, ...upload }
      : { channel_id: place.channel, ...upload },
  );
}

/**
 * A file only its reader should see (an audit, a workspace export): in their direct messages with
 * carebridge, opened first so the upload has a channel id.
 */
export async function sendPrivately(client: WebClient, userId: string, file: SlackFile): Promise<void> {
  const dm = await client.conversations.open({ users: userId });
  await uploadFile(client, { channel: dm.channel!.id! }, file);
}
