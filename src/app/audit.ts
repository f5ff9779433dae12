import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Actor } from "./actor";

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string;
  /** noop: asked for, allowed, and nothing needed changing (e.g. already deactivated). */
  outcome: "ok" | "refused" | "failed" | "noop";
  /** What changed, in field names and non-personal values: never passwords, birth dates, emails or phones. */
  details?: Record<string, unknown>;
  /** The office acted in, when not the actor's own (their agency-user office is recorded by default). */
  office?: string;
}

const PERSONAL = /password|birth|email|phone/i;

/** Drops personal values that slipped into details, keeping the fact that they changed. */
function scrub(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [key, PERSONAL.test(key) ? "[changed]" : value]),
  );
}

export type Audit = ReturnType<typeof createAudit>;

export function createAudit(prisma: Pick<PrismaClient, "auditEvent" | "appUser">) {
  /** An agency user acts only within their office: recorded so that the office can read its own audit. */
  async function officeOf(actor: Actor): Promise<string | null> {
    const row = await prisma.appUser.findUnique({
      where: { workspaceId_slackUserId: { workspaceId: actor.workspaceId, slackUserId: actor.userId } },
      select: { role: true, office: true },
    });
    return row?.role === "agency_user" ? row.office : null;
  }

  return {
    async record(actor: Actor, entry: AuditEntry): Promise<void> {
      const office = entry.office ?? (await officeOf(actor));
      await prisma.auditEvent.create({
        data: {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          action: entry.action,
          targetType: entry.targetType,
          targetId: entry.targetId,
          outcome: entry.outcome,
          office,
          ...(entry.details ? { details: scrub(entry.details) as Prisma.InputJsonValue } : {}),
        },
      });
    },
  };
}
