import { FileDownloadError } from "../../../../app/learners/incoming-file";

const TIMEOUT_MS = 120_000;

/**
 * Whether `url` is on one of Slack's file hosts, the only places the bot token may go. They are
 * derived from the Web API's address: slack.com's files come from files.slack.com (any
 * *.slack.com), GovSlack's from *.slack-gov.com, over the same scheme. An API on a bare address
 * (the stand-in on 127.0.0.1) serves its files itself, so there only that host and port qualify.
 */
export function isSlackFileUrl(url: string, apiUrl: string): boolean {
  let file: URL;
  let api: URL;
  try {
    file = new URL(url);
    api = new URL(apiUrl);
  } catch {
    return false;
  }
  if (file.protocol !== api.protocol || file.username || file.password) return false;
  const bare = api.hostname === "localhost" || /^[\d.]+$|^\[/.test(api.hostname);
  if (bare) return file.host === api.host;
  const domain = api.hostname.split(".").slice(-2).join(".");
  return file.port === api.port && (file.hostname === domain || file.hostname.endsWith(`.${domain}`));
}

/**
 * A Slack file's bytes, streamed, with the bot token. Without access Slack answers 200 with its
 * HTML sign-in page rather than an error, so an HTML answer is refused as not the file.
 */
export function slackDownload(url: string, botToken: string): () => Promise<AsyncIterable<Uint8Array>> {
  return async () => {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Authorization: `Bearer ${botToken}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new FileDownloadError("carebridge could not download the file from Slack; upload it again in a minute.");
    }
    if (!response.ok || !response.body) {
      throw new FileDownloadError(
        `Slack refused to hand carebridge the file (HTTP ${response.status}); upload it again, and tell your admin if it keeps happening.`,
      );
    }
    if ((response.headers.get("content-type") ?? "").toLowerCase().startsWith("text/html")) {
      await response.body.cancel();
      throw new FileDownloadError(
        "Slack sent a sign-in page instead of the file; make sure carebridge is in this channel, then upload the file again.",
      );
    }
    return response.body;
  };
}
