import type { PrismaClient } from "../generated/prisma/client";
import { Prisma } from "../generated/prisma/client";

const KEEP_MS = 24 * 60 * 60 * 1000;
/** Old ids are swept every this many new events, not on each one. */
const SWEEP_EVERY = 500;

/**
 * The Slack events carebridge took on, by event id, so a retried delivery does its work once
 * across restarts and app instances. Ids older than a day are forgotten: Slack retries within minutes.
 */
export function createEventLog(prisma: Pick<PrismaClient, "processedEvent">, now: () => Date) {
  let seen = 0;
  return {
    /** True the first time an event id is claimed; false for a delivery already taken on. */
    async claim(eventId: string): Promise<boolean> {
      try {
        await prisma.processedEvent.create({ data: { eventId } });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
        throw error;
      }
      if (++seen % SWEEP_EVERY === 0) {
        await prisma.processedEvent.deleteMany({ where: { receivedAt: { lt: new Date(now().getTime() - KEEP_MS) } } });
      }
      return true;
    },

    /** The work of a claimed event did not happen: a later delivery of it may still do it. */
    async release(eventId: string): Promise<void> {
      await prisma.processedEvent.delete({ where: { eventId } }).catch(() => undefined);
    },
  };
}

export type EventLog = ReturnType<typeof createEventLog>;
