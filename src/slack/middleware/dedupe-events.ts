import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { PrismaClient } from "../../generated/prisma/client";
import { Prisma } from "../../generated/prisma/client";

const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Slack retries an event it thinks we missed (X-Slack-Retry-Num). Bolt has already acked it;
 * this makes sure the work behind it runs once, across restarts and app instances.
 */
export function dedupeEvents(
  prisma: Pick<PrismaClient, "processedEvent">,
  now: () => Date,
): Middleware<AnyMiddlewareArgs> {
  let seen = 0;
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string") return next();
    try {
      await prisma.processedEvent.create({ data: { eventId } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return;
      throw error;
    }
    if (++seen % 500 === 0) {
      await prisma.processedEvent.deleteMany({ where: { receivedAt: { lt: new Date(now().getTime() - KEEP_MS) } } });
    }
    try {
      await next();
    } catch (error) {
      // The work did not happen: a later delivery of the same event may still do it.
      await prisma.processedEvent.delete({ where: { eventId } }).catch(() => undefined);
      throw error;
    }
  };
}
