import type { PrismaClient } from "../../generated/prisma/client";
import type { StaffDirectory } from "../../providers/roles";
import type { Actor } from "../actor";
import type { Audit } from "../audit";
import { mention } from "../mention";
import { fail, type Result } from "../result";
import { type Action, type Decision, decide, GRANTS, type Principal } from "./policy";
import { officeNames } from "../agency-users/office-names";

export type GrantableRole = "admin" | "agency-user" | "viewer";

export interface GrantRequest {
  userId: string;
  role: GrantableRole;
  /** Office id or name, for agency users. */
  office?: string;
  grants?: string[];
}

export interface AccessEntry {
  userId: string;
  role: "admin" | "agency_user" | "viewer";
  office: string | null;
  officeName: string | null;
  grants: string[];
  fromConfig: boolean;
}

export type AccessService = ReturnType<typeof createAccessService>;

export function createAccessService(deps: {
  prisma: Pick<PrismaClient, "appUser">;
  configAdmins: readonly string[];
  audit: Audit;
  offices: Pick<StaffDirectory, "listOffices">;
}) {
  const { prisma, configAdmins, audit } = deps;

  async function principal(actor: Actor): Promise<Principal> {
    if (configAdmins.includes(actor.userId)) return { role: "admin", source: "config" };
    const row = await prisma.appUser.findUnique({
      where: { workspaceId_slackUserId: { workspaceId: actor.workspaceId, slackUserId: actor.userId } },
    });
    if (!row) return { role: "unknown" };
    if (row.role === "admin") return { role: "admin", source: "granted" };
    if (row.role === "viewer") return { role: "viewer" };
    return { role: "agency_user", office: row.office, grants: row.grants };
  }

  async function adminIds(workspaceId: string): Promise<string[]> {
    const granted = await prisma.appUser.findMany({
      where: { workspaceId, role: "admin" },
      select: { slackUserId: true },
    });
    return [...new Set([...configAdmins, ...granted.map((g) => g.slackUserId)])];
  }

  /** "<@U1> or <@U2>": Slack renders these as names. */
  async function adminsHint(workspaceId: string): Promise<string> {
    const ids = await adminIds(workspaceId);
    if (ids.length === 0) return "whoever installed carebridge to set CAREBRIDGE_ADMINS";
    const mentions = ids.map(mention);
    return mentions.length === 1
      ? `an admin (${mentions[0]})`
      : `an admin (${mentions.slice(0, -1).join(", ")} or ${mentions.at(-1)})`;
  }

  async function resolveOffice(office: string): Promise<{ id: string; name: string } | undefined> {
    const offices = await deps.offices.listOffices();
    const wanted = office.trim().toLowerCase();
    return offices.find((o) => o.id.toLowerCase() === wanted || o.name.toLowerCase() === wanted);
  }

  /**
   * Decides and, when refused, audits the refusal: a refused change is worth knowing about.
   * `office` is the office the action touches, when it touches one.
   */
  async function check(
    actor: Actor,
    action: Action,
    target?: { office?: string; type?: string; id?: string },
  ): Promise<Decision> {
    const who = await principal(actor);
    const decision = decide(
      who,
      action,
      target?.office,
      who.role === "admin" ? "" : await adminsHint(actor.workspaceId),
    );
    if (!decision.allowed && !action.endsWith(".view")) {
      await audit.record(actor, {
        action,
        targetType: target?.type ?? "action",
        targetId: target?.id ?? action,
        outcome: "refused",
      });
    }
    return decision;
  }

  return {
    principal,
    adminIds,
    adminsHint,

    check,

    async grant(actor: Actor, request: GrantRequest): Promise<Result<{ entry: AccessEntry }>> {
      const allowed = await check(actor, "access.manage", { type: "user", id: request.userId });
      if (!allowed.allowed) return fail(allowed.reason);
      const unknownGrants = (request.grants ?? []).filter((g) => !GRANTS.includes(g as never));
      if (unknownGrants.length > 0)
        return fail(
          `Unknown permission ${unknownGrants.join(", ")}; the one there is: ${GRANTS.join(", ")}.`,
          "grants",
        );
      let office: { id: string; name: string } | undefined;
      if (request.role === "agency-user") {
        if (!request.office) return fail("An agency user needs an office: add office:<office name or id>.", "office");
        office = await resolveOffice(request.office);
        if (!office) {
          const names = officeNames(await deps.offices.listOffices());
          return fail(`There is no office "${request.office}" in Caresmartz360. Offices: ${names}.`, "office");
        }
      } else if (request.office) {
        return fail("Only agency users are bound to an office; leave office: out for admins and viewers.", "office");
      }
      const role = request.role === "agency-user" ? "agency_user" : request.role;
      const data = {
        role,
        office: office?.id ?? null,
        grants: request.role === "agency-user" ? (request.grants ?? []) : [],
        grantedBy: actor.userId,
      } as const;
      await prisma.appUser.upsert({
        where: { workspaceId_slackUserId: { workspaceId: actor.workspaceId, slackUserId: request.userId } },
        create: { workspaceId: actor.workspaceId, slackUserId: request.userId, ...data, grants: [...data.grants] },
        update: { ...data, grants: [...data.grants] },
      });
      await audit.record(actor, {
        action: "access.grant",
        targetType: "user",
        targetId: request.userId,
        outcome: "ok",
        details: { role, office: office?.id ?? null, grants: data.grants },
      });
      return {
        ok: true,
        entry: {
          userId: request.userId,
          role,
          office: office?.id ?? null,
          officeName: office?.name ?? null,
          grants: [...data.grants],
          fromConfig: false,
        },
      };
    },

    async revoke(actor: Actor, userId: string): Promise<Result<{ userId: string }>> {
      const allowed = await check(actor, "access.manage", { type: "user", id: userId });
      if (!allowed.allowed) return fail(allowed.reason);
      if (configAdmins.includes(userId)) {
        return fail(
          `${mention(userId)} is an admin through CAREBRIDGE_ADMINS; remove them there and restart carebridge.`,
        );
      }
      const { count } = await prisma.appUser.deleteMany({
        where: { workspaceId: actor.workspaceId, slackUserId: userId },
      });
      if (count === 0) return fail(`${mention(userId)} has no carebridge access to revoke.`);
      await audit.record(actor, { action: "access.revoke", targetType: "user", targetId: userId, outcome: "ok" });
      return { ok: true, userId };
    },

    async list(actor: Actor): Promise<Result<{ entries: AccessEntry[] }>> {
      const allowed = await check(actor, "access.manage");
      if (!allowed.allowed) return fail(allowed.reason);
      const rows = await prisma.appUser.findMany({
        where: { workspaceId: actor.workspaceId },
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      });
      const officeNames = new Map((await deps.offices.listOffices()).map((o) => [o.id, o.name]));
      const fromConfig: AccessEntry[] = configAdmins.map((userId) => ({
        userId,
        role: "admin",
        office: null,
        officeName: null,
        grants: [],
        fromConfig: true,
      }));
      const granted: AccessEntry[] = rows
        .filter((r) => !configAdmins.includes(r.slackUserId))
        .map((r) => ({
          userId: r.slackUserId,
          role: r.role,
          office: r.office,
          officeName: r.office ? (officeNames.get(r.office) ?? r.office) : null,
          grants: r.grants,
          fromConfig: false,
        }));
      return { ok: true, entries: [...fromConfig, ...granted] };
    },
  };
}
