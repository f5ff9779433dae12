import type { JobStore } from "../jobs/store";
import type { Job, NewJobItem } from "../jobs/types";
import type { Actor } from "./actor";
import type { Audit } from "./audit";

/** A job over some items of a finished one (Retry failed, Undo of an archive). */
export interface FollowUp {
  kind: string;
  /** One job however many presses: a second press with the key gets the first job back. */
  idempotencyKey: string;
  params: Record<string, unknown>;
  items: NewJobItem[];
  /** Where its progress goes: the original's channel, and its thread where it had one. */
  place: { channelId?: string | null; threadTs?: string | null };
  /** Recorded only when this press made the job. */
  audit: { action: string; details: Record<string, unknown> };
}

export async function createFollowUp(
  deps: { store: Pick<JobStore, "create">; audit: Audit },
  actor: Actor,
  followUp: FollowUp,
): Promise<{ job: Job; created: boolean }> {
  const { place } = followUp;
  const { job, created } = await deps.store.create({
    workspaceId: actor.workspaceId,
    kind: followUp.kind,
    actorSlackId: actor.userId,
    params: followUp.params,
    status: "queued",
    idempotencyKey: followUp.idempotencyKey,
    items: followUp.items,
    ...(place.channelId ? { channelId: place.channelId } : {}),
    ...(place.threadTs ? { threadTs: place.threadTs } : {}),
  });
  if (created) {
    await deps.audit.record(actor, {
      ...followUp.audit,
      targetType: "job",
      targetId: job.id,
      outcome: "ok",
    });
  }
  return { job, created };
}
