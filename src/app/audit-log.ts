import { toCsv } from "../domain/csv/write";
import type { AuditEvent, Prisma, PrismaClient } from "../generated/prisma/client";
import type { Vendor } from "../config";
import type { LearnerLms } from "../providers/roles";
import type { Actor } from "./actor";
import type { AccessService } from "./access/service";
import { lmsName } from "./lms-name";
import { fail, type Result } from "./result";

/** One audit event as a person reads it: ids and words, never the details' values. */
export interface AuditLine {
  at: Date;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  outcome: string;
  office: string | null;
  details: unknown;
}

const WORDS: Record<string, string> = {
  "access.grant": "gave carebridge access",
  "app.install": "installed carebridge",
  "app.reinstall": "installed carebridge again",
  "app.uninstall": "uninstalled carebridge (or revoked its token)",
  "workspace.purge": "deleted the workspace's people data after the retention period",
  "workspace.export": "exported the workspace's people data",
  "access.revoke": "took carebridge access away",
  "access.manage": "tried to manage access",
  "agency-user.create": "created an agency user",
  "staff.create": "tried to create an agency user",
  "staff.list": "tried to list agency users",
  "caregiver.sync": "synced a caregiver",
  "caregiver.sync-all": "synced all caregivers",
  "caregiver.fix": "fixed a caregiver's details",
  "caregiver.activate": "activated a caregiver",
  "caregiver.deactivate": "deactivated a caregiver",
  "caregiver.reactivate": "reactivated a caregiver",
  "caregiver.activation": "tried to change a caregiver's activation",
  "caregiver.view": "tried to look up a caregiver",
  "lms.sso": "signed in to the LMS as an administrator",
  "job.retry": "retried a job's failures",
  "learner.create": "created a learner",
  "learner.update": "updated a learner",
  "learner.archive": "archived a learner",
  "learner.reactivate": "reactivated a learner",
  "learner.reactivate-all": "reactivated the learners a run archived",
  "learner.manage": "tried to change a learner",
  "learner.view": "tried to look up learners",
  "learner.import": "imported learners from a CSV",
  "learner.import.request": "asked for a learner import",
  "learner.import.preview": "previewed a learner import",
  "learner.import.cancel": "cancelled a learner import",
  "learner.import.approve": "approved a learner import",
  "learner.import.reject": "rejected a learner import",
  "learner.archive-bulk": "archived learners in bulk",
  "learner.archive-bulk.request": "asked to archive learners in bulk",
  "learner.archive-bulk.cancel": "cancelled a bulk archive",
  "learner.archive-bulk.approve": "approved a bulk archive",
  "learner.archive-bulk.reject": "rejected a bulk archive",
  "link.link": "linked two profiles",
  "link.unlink": "unlinked two profiles",
  "link.create": "created a profile to link",
  "link.reject": "rejected a link suggestion",
  "link.unreject": "undid a rejected suggestion",
  "link.ignore": "ignored a profile for linking",
  "link.unignore": "stopped ignoring a profile",
  "link.review": "reviewed link suggestions",
  "link.view": "tried to see links",
  "settings.change": "changed carebridge's settings",
  "settings.manage": "tried to change carebridge's settings",
};

/** What an audit action did, in words ("synced a caregiver"); the action itself when it has none yet. */
export function describeAuditAction(action: string): string {
  return WORDS[action] ?? action;
}

/** The rows as a spreadsheet-safe CSV: the same writer as every CSV the app hands out. */
export function auditCsv(lines: readonly AuditLine[]): string {
  return toCsv([
    ["When (UTC)", "Actor", "Action", "What", "Record type", "Record", "Outcome", "Office", "Details"],
    ...lines.map((l) => [
      l.at.toISOString(),
      l.actorId,
      l.action,
      describeAuditAction(l.action),
      l.targetType,
      l.targetId,
      l.outcome,
      l.office ?? "",
      l.details === null || l.details === undefined ? "" : JSON.stringify(l.details),
    ]),
  ]);
}

export type AuditFilter =
  | { kind: "all" }
  | { kind: "actor"; userId: string }
  | { kind: "record"; id: string }
  /** A learner's email (in the learner LMS), or a Slack user's (`slackUserId`, looked up by the transport). */
  | { kind: "email"; email: string; slackUserId?: string };

export interface AuditQuery {
  filter: AuditFilter;
  since?: Date;
}

/** Whose audit the reader sees: admins the workspace's, agency users their office's, viewers their own. */
export type AuditScope = "workspace" | "office" | "own";

export interface AuditPage {
  lines: AuditLine[];
  page: number;
  hasNext: boolean;
  scope: AuditScope;
}

export const AUDIT_PAGE_SIZE = 10;
/** An export is one file; past this many rows a narrower filter says more. */
export const AUDIT_EXPORT_MAX = 5000;

export const AUDIT_FILTER_FORMS =
  "Use `/carebridge audit`, or `/carebridge audit <@person | TeleTrack id | learner or Slack email> [since YYYY-MM-DD]`.";

/**
 * Parses what follows `/carebridge audit`: at most one of a Slack mention, an email (a
 * learner's) or a record id (a TeleTrack id, a username…), then optionally `since YYYY-MM-DD`.
 */
export function parseAuditQuery(text: string): Result<{ query: AuditQuery }> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let since: Date | undefined;
  const sinceAt = words.findIndex((w) => w.toLowerCase() === "since");
  if (sinceAt >= 0) {
    const date = words[sinceAt + 1] ?? "";
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : undefined;
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
      return fail(`"since" needs a date written YYYY-MM-DD, e.g. since 2026-11-30. ${AUDIT_FILTER_FORMS}`);
    }
    since = parsed;
    words.splice(sinceAt, 2);
  }
  if (words.length > 1) return fail(`Filter by one person, record or email at a time. ${AUDIT_FILTER_FORMS}`);
  const word = words[0];
  const base = since ? { since } : {};
  if (word === undefined) return { ok: true, query: { filter: { kind: "all" }, ...base } };
  const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word);
  if (mention) return { ok: true, query: { filter: { kind: "actor", userId: mention[1]! }, ...base } };
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(word)) {
    return { ok: true, query: { filter: { kind: "email", email: word.toLowerCase() }, ...base } };
  }
  if (/^[\w.:-]{1,100}$/.test(word)) return { ok: true, query: { filter: { kind: "record", id: word }, ...base } };
  return fail(`"${word}" is not a person, an email or a record id. ${AUDIT_FILTER_FORMS}`);
}

export type AuditLog = ReturnType<typeof createAuditLog>;

export function createAuditLog(deps: {
  prisma: Pick<PrismaClient, "auditEvent">;
  access: Pick<AccessService, "principal">;
  learners: Pick<LearnerLms, "findByEmail">;
  /** Which vendor plays the learner LMS, read per workspace: named when an email finds no one. */
  learnerVendor: Vendor;
  now: () => Date;
}) {
  /** The rows the reader may see and asked for, or why none can be shown. */
  async function where(
    actor: Actor,
    query: AuditQuery,
  ): Promise<Result<{ where: Prisma.AuditEventWhereInput; scope: AuditScope }>> {
    const who = await deps.access.principal(actor);
    let scoped: Prisma.AuditEventWhereInput;
    let scope: AuditScope;
    switch (who.role) {
      case "unknown":
        return fail("You don't have access to carebridge yet, so there is no audit to show you.");
      case "admin":
        scoped = { workspaceId: actor.workspaceId };
        scope = "workspace";
        break;
      case "agency_user":
        // Their own actions too, including those from before they had an office.
        scoped = {
          workspaceId: actor.workspaceId,
          OR: [...(who.office ? [{ office: who.office }] : []), { actorId: actor.userId }],
        };
        scope = "office";
        break;
      case "viewer":
        scoped = { workspaceId: actor.workspaceId, actorId: actor.userId };
        scope = "own";
        break;
    }
    const filter = query.filter;
    let narrowed: Prisma.AuditEventWhereInput = {};
    if (filter.kind === "actor") narrowed = { actorId: filter.userId };
    if (filter.kind === "record") narrowed = { targetId: filter.id };
    if (filter.kind === "email") {
      // The audit never holds an email: the learner's id in the LMS, or the Slack user's id, is what it names.
      const learner = await deps.learners.findByEmail(filter.email);
      if (!learner && !filter.slackUserId) {
        return fail(
          `No learner in ${lmsName({ lmsVendor: deps.learnerVendor })} and no Slack user has that email, so no audit names them.`,
        );
      }
      narrowed = {
        OR: [
          ...(learner ? [{ targetType: "cacwt-learner", targetId: learner.userId }] : []),
          ...(filter.slackUserId ? [{ actorId: filter.slackUserId }] : []),
        ],
      };
    }
    return {
      ok: true,
      scope,
      where: { AND: [scoped, narrowed, ...(query.since ? [{ createdAt: { gte: query.since } }] : [])] },
    };
  }

  const toLine = (row: AuditEvent): AuditLine => ({
    at: row.createdAt,
    actorId: row.actorId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    outcome: row.outcome,
    office: row.office,
    details: row.details,
  });

  const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

  return {
    /** One page (from 0) of the latest changes the reader may see. */
    async page(actor: Actor, query: AuditQuery, page: number, size = AUDIT_PAGE_SIZE): Promise<Result<AuditPage>> {
      const found = await where(actor, query);
      if (!found.ok) return found;
      const rows = await deps.prisma.auditEvent.findMany({
        where: found.where,
        orderBy: NEWEST_FIRST,
        skip: Math.max(0, page) * size,
        take: size + 1,
      });
      return {
        ok: true,
        lines: rows.slice(0, size).map(toLine),
        page: Math.max(0, page),
        hasNext: rows.length > size,
        scope: found.scope,
      };
    },

    /** Every matching line, newest first, up to AUDIT_EXPORT_MAX. */
    async export(
      actor: Actor,
      query: AuditQuery,
    ): Promise<Result<{ csv: string; filename: string; count: number; truncated: boolean }>> {
      const found = await where(actor, query);
      if (!found.ok) return found;
      const rows = await deps.prisma.auditEvent.findMany({
        where: found.where,
        orderBy: NEWEST_FIRST,
        take: AUDIT_EXPORT_MAX + 1,
      });
      const lines = rows.slice(0, AUDIT_EXPORT_MAX).map(toLine);
      return {
        ok: true,
        csv: auditCsv(lines),
        filename: `carebridge-audit-${deps.now().toISOString().slice(0, 10)}.csv`,
        count: lines.length,
        truncated: rows.length > AUDIT_EXPORT_MAX,
      };
    },
  };
}
