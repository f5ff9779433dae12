import type { Vendor } from "../../config";
import { lmsName } from "../lms-name";
import { count } from "../plural";
import type { PrismaClient } from "../../generated/prisma/client";
import { type ArchiveThreshold, exceedsArchiveThreshold } from "../../domain/learners/archive-filter";
import type { LearnerLms, StaffDirectory } from "../../providers/roles";
import type { Actor } from "../actor";
import { followWorkspaceZone } from "../caregivers/schedule";
import type { AccessService } from "../access/service";
import type { Audit } from "../audit";
import { describeError } from "../errors";
import { fail, type Problem, type Result } from "../result";
import { defaultSettings, type EffectiveSettings, type ReadSettings, type SettingsDefaults } from "./read";
import { isTimeZone } from "../../domain/time-zone";

/** The settings form as typed; each key is also the form field (Slack block_id) its problems go to. */
export interface SettingsForm {
  /** One Caresmartz360 role per line, most privileged first; blank → the environment's. */
  roleRanking: string;
  /** Blank → the environment's. */
  archiveMaxCount: string;
  /** A percentage of the active learners; blank → the environment's. */
  archiveMaxShare: string;
  /** 0 to 1; blank → the environment's. */
  matchSuggestScore: string;
  digestChannel: string | undefined;
  timeZone: string;
}

/** What the form opens with: the workspace's own choices (blank when it uses the default) and the defaults. */
export interface SettingsFormData {
  form: SettingsForm;
  defaults: EffectiveSettings;
  /** Caresmartz360 role names the ranking may hold. */
  roles: string[];
}

/** Zones offered in the form, plus the workspace's own when it is another. */
export const COMMON_TIME_ZONES: readonly string[] = [
  "UTC",
  "America/Los_Angeles",
  "America/Denver",
  "America/Phoenix",
  "America/Chicago",
  "America/New_York",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "America/Toronto",
  "America/Vancouver",
  "America/Mexico_City",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Paris",
  "Europe/Berlin",
  "Asia/Manila",
  "Asia/Kolkata",
  "Australia/Sydney",
];

const number = (text: string): number | undefined => (/^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : undefined);

interface Parsed {
  roleRanking: string[];
  archiveMaxCount: number | null;
  archiveMaxShare: number | null;
  matchSuggestScore: number | null;
  digestChannel: string | null;
  timeZone: string | null;
}

/** Every problem of the form at once, each on its field; role names come back as Caresmartz360 spells them. */
function parse(form: SettingsForm, roles: readonly { id: string; name: string }[]): Result<{ parsed: Parsed }> {
  const problems: Problem[] = [];
  const ranking: string[] = [];
  for (const line of form.roleRanking
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const role = roles.find((r) => [r.name, r.id].some((n) => n.toLowerCase() === line.toLowerCase()));
    if (!role) {
      problems.push({
        field: "roleRanking",
        message: `"${line}" is not a Caresmartz360 role; the roles are ${roles.map((r) => r.name).join(", ")}.`,
      });
    } else if (ranking.includes(role.name)) {
      problems.push({ field: "roleRanking", message: `${role.name} is listed twice; list each role once.` });
    } else ranking.push(role.name);
  }
  const count = form.archiveMaxCount.trim() === "" ? null : number(form.archiveMaxCount);
  if (count === undefined || (count !== null && (!Number.isInteger(count) || count > 1_000_000))) {
    problems.push({ field: "archiveMaxCount", message: "A whole number of learners, e.g. 100 (0: always ask)." });
  }
  const share = form.archiveMaxShare.trim() === "" ? null : number(form.archiveMaxShare.replace("%", ""));
  if (share === undefined || (share !== null && share > 100)) {
    problems.push({ field: "archiveMaxShare", message: "A percentage from 0 to 100, e.g. 20." });
  }
  const score = form.matchSuggestScore.trim() === "" ? null : number(form.matchSuggestScore);
  if (score === undefined || (score !== null && score > 1)) {
    problems.push({ field: "matchSuggestScore", message: "A score from 0 to 1, e.g. 0.75." });
  }
  const zone = form.timeZone.trim();
  if (zone && !isTimeZone(zone)) {
    problems.push({
      field: "timeZone",
      message: `"${zone}" is not a time zone; use an IANA name such as America/Chicago.`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    parsed: {
      roleRanking: ranking,
      archiveMaxCount: count ?? null,
      archiveMaxShare: share === null || share === undefined ? null : share / 100,
      matchSuggestScore: score ?? null,
      digestChannel: form.digestChannel?.trim() || null,
      timeZone: zone || null,
    },
  };
}

export type WorkspaceSettingsService = ReturnType<typeof createSettingsService>;

export function createSettingsService(deps: {
  prisma: Pick<PrismaClient, "workspaceSettings" | "syncSchedule">;
  access: Pick<AccessService, "check" | "adminIds">;
  audit: Audit;
  roles: Pick<StaffDirectory, "listRoles">;
  learners: Pick<LearnerLms, "list">;
  /** Which vendor plays the learner LMS, read per workspace: named in the share's refusal. */
  learnerVendor: Vendor;
  defaults: SettingsDefaults;
  read: ReadSettings;
  now: () => Date;
}) {
  const defaults = defaultSettings(deps.defaults);

  async function stored(workspaceId: string): Promise<Parsed> {
    const row = await deps.prisma.workspaceSettings.findUnique({ where: { workspaceId } });
    return {
      roleRanking: row?.roleRanking ?? [],
      archiveMaxCount: row?.archiveMaxCount ?? null,
      archiveMaxShare: row?.archiveMaxShare ?? null,
      matchSuggestScore: row?.matchSuggestScore ?? null,
      digestChannel: row?.digestChannel ?? null,
      timeZone: row?.timeZone ?? null,
    };
  }

  /**
   * Why every archive, even of one learner, would wait for a second admin under `archive`, or null.
   * The share is checked against the live count of active learners in the learner LMS, counted only as far as
   * needed for one learner to fit within it.
   */
  async function everyArchiveHeld(archive: ArchiveThreshold, admins: number): Promise<Problem | null> {
    const lms = lmsName({ lmsVendor: deps.learnerVendor });
    const noneCouldRun = `, and this workspace has only ${admins === 1 ? "one admin" : "no admin"}: no archive could ever run. Grant another admin first (/carebridge access grant @user admin), or raise the threshold.`;
    if (archive.maxCount < 1 || archive.maxShare === 0) {
      return {
        field: archive.maxCount < 1 ? "archiveMaxCount" : "archiveMaxShare",
        message: `At 0 every bulk archive waits for a second admin to approve it${noneCouldRun}`,
      };
    }
    let active = 0;
    try {
      for await (const _learner of deps.learners.list({ status: "Active" })) {
        active += 1;
        if (!exceedsArchiveThreshold(1, active, archive)) return null;
      }
    } catch (error) {
      return {
        field: "archiveMaxShare",
        message: `carebridge could not count the active learners in ${lms} to check this share with one admin (${describeError(error)}), so it is not saved; try again later.`,
      };
    }
    const share = Math.round(archive.maxShare * 10000) / 100;
    return {
      field: "archiveMaxShare",
      message: `${lms} has ${count(active, "active learner")} now, and one learner is more than ${share}% of them: every archive, even of one learner, waits for a second admin to approve it${noneCouldRun}`,
    };
  }

  return {
    /** The form as the workspace has it now; admins only. */
    async open(actor: Actor): Promise<Result<{ data: SettingsFormData }>> {
      const allowed = await deps.access.check(actor, "settings.manage");
      if (!allowed.allowed) return fail(allowed.reason);
      const [now, roles] = await Promise.all([stored(actor.workspaceId), deps.roles.listRoles()]);
      return {
        ok: true,
        data: {
          defaults,
          roles: roles.map((r) => r.name),
          form: {
            roleRanking: now.roleRanking.join("\n"),
            archiveMaxCount: now.archiveMaxCount === null ? "" : String(now.archiveMaxCount),
            archiveMaxShare: now.archiveMaxShare === null ? "" : String(Math.round(now.archiveMaxShare * 10000) / 100),
            matchSuggestScore: now.matchSuggestScore === null ? "" : String(now.matchSuggestScore),
            digestChannel: now.digestChannel ?? undefined,
            timeZone: now.timeZone ?? "",
          },
        },
      };
    },

    /**
     * Saves what the admin typed, audited with what each changed field was before and after.
     * Refuses a threshold that would hold every bulk archive for a second admin the workspace lacks.
     */
    async save(actor: Actor, form: SettingsForm): Promise<Result<{ settings: EffectiveSettings; changed: string[] }>> {
      const allowed = await deps.access.check(actor, "settings.manage", { type: "settings", id: actor.workspaceId });
      if (!allowed.allowed) return fail(allowed.reason);
      const roles = await deps.roles.listRoles();
      const parsed = parse(form, roles);
      if (!parsed.ok) return parsed;
      const next = parsed.parsed;
      const archive = {
        maxCount: next.archiveMaxCount ?? defaults.archive.maxCount,
        maxShare: next.archiveMaxShare ?? defaults.archive.maxShare,
      };
      // Above the threshold an archive waits for an admin other than the one who asked (archive-runs.ts):
      // when even one learner is above it, with one admin no archive could ever run.
      const before = await stored(actor.workspaceId);
      // Only a threshold being changed is checked: saving the role ranking needs no learner count.
      const thresholdChanged =
        before.archiveMaxCount !== next.archiveMaxCount || before.archiveMaxShare !== next.archiveMaxShare;
      const admins = thresholdChanged ? await deps.access.adminIds(actor.workspaceId) : [];
      if (thresholdChanged && admins.length < 2) {
        const held = await everyArchiveHeld(archive, admins.length);
        if (held) {
          await deps.audit.record(actor, {
            action: "settings.change",
            targetType: "settings",
            targetId: actor.workspaceId,
            outcome: "refused",
            details: { reason: "no-second-admin", archive },
          });
          return { ok: false, problems: [held] };
        }
      }
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const key of Object.keys(next) as Array<keyof Parsed>) {
        if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) {
          changes[key] = { before: before[key], after: next[key] };
        }
      }
      await deps.prisma.workspaceSettings.upsert({
        where: { workspaceId: actor.workspaceId },
        create: { workspaceId: actor.workspaceId, ...next, updatedBy: actor.userId },
        update: { ...next, updatedBy: actor.userId },
      });
      if (changes.timeZone) {
        await followWorkspaceZone(deps.prisma, actor.workspaceId, next.timeZone ?? defaults.timeZone, deps.now());
      }
      await deps.audit.record(actor, {
        action: "settings.change",
        targetType: "settings",
        targetId: actor.workspaceId,
        outcome: Object.keys(changes).length > 0 ? "ok" : "noop",
        details: changes,
      });
      return { ok: true, settings: await deps.read(actor.workspaceId), changed: Object.keys(changes) };
    },
  };
}
