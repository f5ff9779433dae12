import type { Vendor } from "../../config";
import { pairKey } from "../../domain/matching";
import type { PrismaClient } from "../../generated/prisma/client";
import { ConflictError, NotFoundError, ValidationError } from "../../providers/http/errors";
import type { LinkingPair } from "../../providers/roles";
import type { Actor } from "../actor";
import type { AccessService } from "../access/service";
import type { Audit } from "../audit";
import type { ReadSettings } from "../settings/read";
import type { Decisions } from "./decisions";
import { buildOverview, resolveSnapshot, suggestedPairs, type MatchSettings } from "./overview";
import { personRef, type Snapshot } from "./snapshot";
import type { LinkedPair, LinkingOverview, LinkKind, Side } from "./types";

export interface LinkingDeps {
  pair: LinkingPair;
  access: Pick<AccessService, "check" | "principal">;
  audit: Audit;
  prisma: Pick<PrismaClient, "linkSuggestion" | "linkIgnore" | "processedEvent" | "auditEvent" | "$executeRaw">;
  /** The workspace's match suggestion score among them. */
  settings: ReadSettings;
  sandboxVendors: ReadonlySet<Vendor>;
  now: () => Date;
}

/** What every linking use-case shares. */
export interface LinkingContext {
  deps: LinkingDeps;
  decisions: Decisions;
  maxSuggestions: number;
}

/** The audit target type of a record, e.g. "motivity-member". */
export function targetType(kind: LinkKind, side: Side): string {
  if (side === "motivity") return kind === "members" ? "motivity-member" : "motivity-learner";
  return kind === "members" ? "calmanac-staff" : "calmanac-client";
}

export function putLink(pair: LinkingPair, kind: LinkKind, motivityId: string, calmanacId: string): Promise<void> {
  return kind === "members" ? pair.linkMember(motivityId, calmanacId) : pair.linkLearner(motivityId, calmanacId);
}

/** A vendor refusal that means one of the two records changed since they were read. */
export function isChangedMeanwhile(error: unknown): error is ConflictError | ValidationError | NotFoundError {
  return error instanceof ConflictError || error instanceof ValidationError || error instanceof NotFoundError;
}

/**
 * The lists as they stand after this run. Someone who may manage links gets the exact matches
 * linked (each audited) and the suggestions remembered; someone who may only look changes nothing.
 */
export async function refreshOverview(
  ctx: LinkingContext,
  actor: Actor,
  snapshot: Snapshot,
  canManage: boolean,
): Promise<LinkingOverview> {
  const { deps, decisions } = ctx;
  const { kind } = snapshot;
  const settings: MatchSettings = {
    suggestScore: (await deps.settings(actor.workspaceId)).matchSuggestScore,
    maxSuggestions: ctx.maxSuggestions,
  };
  let result = await resolveSnapshot(snapshot, settings);
  const autoLinked: LinkedPair[] = [];
  // One time for the batch: it names the batch for its Undo.
  const batchAt = deps.now();
  const refused = new Set<string>();
  if (canManage) {
    for (const link of result.autoLinks) {
      const motivity = snapshot.motivity.get(link.leftId);
      const calmanac = snapshot.calmanac.get(link.rightId);
      if (!motivity || !calmanac) continue;
      try {
        await putLink(deps.pair, kind, motivity.id, calmanac.id);
      } catch (error) {
        if (!isChangedMeanwhile(error)) throw error;
        refused.add(pairKey(motivity.id, calmanac.id));
        continue;
      }
      motivity.linkedTo = calmanac.id;
      await deps.audit.record(actor, {
        action: "link.link",
        targetType: targetType(kind, "motivity"),
        targetId: motivity.id,
        outcome: "ok",
        details: {
          kind,
          calmanacId: calmanac.id,
          how: "exact match",
          reasons: link.reasons,
          batch: batchAt.toISOString(),
        },
      });
      autoLinked.push({ motivity: personRef(motivity), calmanacId: calmanac.id, calmanac: personRef(calmanac) });
    }
    // Leaves the refused pairs out of this run's lists instead of showing them as still linkable.
    if (refused.size > 0) result = await resolveSnapshot(snapshot, settings, refused);
    await decisions.syncSuggestions(
      actor.workspaceId,
      kind,
      suggestedPairs(result),
      (m, c) => snapshot.motivity.get(m)?.linkedTo === c,
    );
  }
  return buildOverview(snapshot, result, {
    canManage,
    autoLinked,
    autoLinkedAt: autoLinked.length > 0 ? batchAt.toISOString() : null,
    autoLinkSkipped: refused.size,
    exactMatchesWaiting: canManage ? 0 : result.autoLinks.length,
    sandboxVendors: [...deps.sandboxVendors],
  });
}
