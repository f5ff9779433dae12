import { needsWork, planCaregiver, summarizePlan, type PlanSummary } from "../../domain/caregivers/bulk-plan";
import { checkReadiness } from "../../domain/caregivers/readiness";
import type { Caregiver, LmsUser } from "../../providers/roles";
import type { Actor } from "../actor";
import type { Result } from "../result";
import { mapConcurrently } from "./concurrently";
import type { CaregiverDeps } from "./deps";
import type { Guard } from "./guard";
import { CAREGIVER_SYNC_KIND, type SyncItemInput } from "./job-kind";
import type { Links } from "./links";
import { lmsName } from "../lms-name";
import { locate } from "./lms-account";

/**
 * `/sync-caregiver all`: what a sync of every caregiver would do, saved as a job in "preview"
 * that Confirm starts.
 *
 * Cost in vendor requests, the LMS being the scarce one (CareAcademy's contract has no "list
 * every user" call, only look-ups by email or TeleTrack id):
 * - TeleTrack: one request per page of caregivers (200 a page).
 * - LMS: one look-up by TeleTrack id for each caregiver not yet linked who can sync, and one by
 *   email for each whose account is to be created or given another email (so the first preview
 *   of 5,000 new caregivers takes about 500 s at 20 requests per second), and one of the
 *   linked account for each linked caregiver TeleTrack changed since their last sync, less
 *   TELETRACK_CLOCK_MARGIN_MS (a return from inactive shows only there, in updatedAt; the account
 *   may have been deactivated meanwhile). Other linked caregivers cost nothing: their last synced
 *   fields are fingerprinted and their LMS status recorded, so later previews take seconds.
 * Incremental (the default after a finished run) lists only caregivers TeleTrack changed since
 * that run listed them, less the same margin; `full` lists everyone.
 */
export interface BulkPreview {
  /** null when there is nothing to do. */
  jobId: string | null;
  mode: "full" | "incremental";
  /** The updatedSince of an incremental run. */
  since: string | null;
  summary: PlanSummary;
  /** Caregivers the job will work on (everything but unchanged and inactive). */
  items: number;
  /**
   * Caregivers whose account matches TeleTrack: the unchanged ones listed, and in an incremental
   * run also the synced ones TeleTrack has not changed since (not listed, so not in the counts).
   */
  upToDate: number;
}

export interface SyncAllParams {
  mode: BulkPreview["mode"];
  since: string | null;
  /** When this run started listing TeleTrack: the next incremental run's updatedSince. */
  listedAt: string;
  summary: PlanSummary;
  /** Made by `/sync-caregiver schedule`: any admin may confirm it when it stops at the threshold. */
  scheduled?: true;
}

/**
 * TeleTrack stamps updatedAt by its own clock, which may run behind ours, and a change it commits
 * while we list may carry a time before the listing began: both are compared with our times only
 * after stepping back this far. Seeing a caregiver again costs little (unchanged stays unchanged);
 * missing one would last until TeleTrack changed them again.
 */
export const TELETRACK_CLOCK_MARGIN_MS = 5 * 60_000;

const earlierByMargin = (at: Date): Date => new Date(at.getTime() - TELETRACK_CLOCK_MARGIN_MS);

/** Look-ups in flight at once: enough that the LMS's rate limit, not its latency, sets the pace. */
const LOOKUP_CONCURRENCY = 16;

export function createBulkPreview(deps: CaregiverDeps, links: Links, guard: Guard) {
  const { prisma, source, lms } = deps;
  const rules = { birthDateRequiredStates: deps.birthDateRequiredStates, lms: lmsName(deps) };

  /** The updatedSince of an incremental run: when the last finished run listed TeleTrack, less the margin. */
  async function incrementalSince(workspaceId: string): Promise<string | null> {
    const last = await prisma.job.findFirst({
      where: { workspaceId, kind: CAREGIVER_SYNC_KIND, status: "done" },
      orderBy: { createdAt: "desc" },
    });
    const listedAt = (last?.params as Partial<SyncAllParams> | undefined)?.listedAt;
    return typeof listedAt === "string" ? earlierByMargin(new Date(listedAt)).toISOString() : null;
  }

  return async function previewAll(
    actor: Actor,
    options: {
      full: boolean;
      channelId?: string;
      scheduled?: boolean;
      /** Told once access is granted and the slow part (listing, look-ups) begins: of everyone, or of changes. */
      onChecking?: (everyone: boolean) => Promise<void>;
    },
  ): Promise<Result<{ preview: BulkPreview }>> {
    const refused = await guard(actor, "caregiver.sync-all", { type: "caregiver", id: "all" });
    if (refused) return refused;
    const since = options.full ? null : await incrementalSince(actor.workspaceId);
    await options.onChecking?.(since === null);
    const listedAt = deps.now().toISOString();
    const known = await links.all(actor.workspaceId);

    const caregivers: Caregiver[] = [];
    for await (const caregiver of source.listCaregivers(since === null ? {} : { updatedSince: since }))
      caregivers.push(caregiver);
    const left = caregivers.filter((c) => {
      const link = known.get(c.id);
      return c.status === "inactive" && link !== undefined && link.teletrackStatus !== "inactive";
    });
    await links.recordInactive(
      actor.workspaceId,
      left.map((c) => c.id),
    );
    const toLookUp = caregivers.filter((c) => {
      if (checkReadiness(c, rules).blockers.length > 0) return false;
      const link = known.get(c.id);
      return !link || link.lastSyncAt === null || Date.parse(c.updatedAt) > earlierByMargin(link.lastSyncAt).getTime();
    });
    const found = new Map<string, LmsUser | null>();
    const emailOwners = new Map<string, LmsUser | null>();
    await mapConcurrently(toLookUp, LOOKUP_CONCURRENCY, async (c) => {
      const user = (await locate(lms, c.id, known.get(c.id)?.lmsUserId))?.user ?? null;
      found.set(c.id, user);
      // What the run meets when it creates the account or gives it another email: the LMS
      // refuses an email another account has (409 email_taken).
      const email = c.email?.trim();
      if (email && (user === null || user.email.toLowerCase() !== email.toLowerCase())) {
        emailOwners.set(c.id, await lms.findByEmail(email));
      }
    });

    const entries = caregivers.map((c) => {
      const link = known.get(c.id);
      const knownLink = link && {
        fingerprint: link.data.fingerprint,
        lmsStatus: link.lmsStatus,
        heldDeactivated: link.data.heldDeactivated,
        teletrackStatus: link.teletrackStatus,
      };
      return planCaregiver(c, rules, knownLink, found.get(c.id), emailOwners.get(c.id));
    });
    const summary = summarizePlan(entries);
    const items = entries.filter(needsWork).map((e, seq) => ({
      key: e.caregiverId,
      seq,
      input: { caregiverId: e.caregiverId, name: e.name } satisfies SyncItemInput,
    }));
    const mode = since === null ? "full" : "incremental";
    const listed = new Set(caregivers.map((c) => c.id));
    const untouched = [...known].filter(
      ([id, link]) => !listed.has(id) && link.lastSyncAt !== null && link.teletrackStatus !== "inactive",
    ).length;
    const upToDate = summary.counts.unchanged + untouched;
    const preview = { mode, since, summary, items: items.length, upToDate } as const;
    if (items.length === 0) return { ok: true, preview: { ...preview, jobId: null } };

    const params: SyncAllParams = { mode, since, listedAt, summary, ...(options.scheduled ? { scheduled: true } : {}) };
    const { job } = await deps.jobStore.create({
      workspaceId: actor.workspaceId,
      kind: CAREGIVER_SYNC_KIND,
      actorSlackId: actor.userId,
      params,
      items,
      status: "preview",
      ...(options.channelId ? { channelId: options.channelId } : {}),
    });
    return { ok: true, preview: { ...preview, jobId: job.id } };
  };
}
