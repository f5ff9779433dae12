import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { EventLog } from "../../app/slack-events";

/**
 * Slack retries an event it thinks we missed (X-Slack-Retry-Num). Bolt has already acked it;
 * this makes sure the work behind it runs once, across restarts and app instances.
 */
export function dedupeEvents(events: EventLog): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string") return next();
    if (!(await events.claim(eventId))) return;
    try {
      await next();
    } catch (error) {
      await events.release(eventId);
      throw error;
    }
  };
}
