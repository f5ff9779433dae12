import { decide } from "../access/policy";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import { refreshOverview, type LinkingContext, type LinkingDeps } from "./context";
import { createAliasActions } from "./alias";
import { createProfileActions } from "./create";
import { createDecisions, REVIEW_AUDIT } from "./decisions";
import { createPairActions } from "./pair-actions";
import { createRecordActions } from "./record-actions";
import { createSearch } from "./search";
import { loadSnapshot } from "./snapshot";
import type { LinkingOverview, LinkKind, WaitingSuggestions } from "./types";

export type { ActionResult } from "./act";
export type { CreatePreparation } from "./create";
export type { LinkingDeps } from "./context";
export { MAX_ALIAS_LENGTH, proposeAlias, validateAlias, validateNewMember } from "./new-profile";
export type { PairRequest } from "./pair-actions";
export type { RecordRequest } from "./record-actions";
export * from "./types";

/** A row shows at most this many likely matches, as buttons. */
export const MAX_SUGGESTIONS = 3;

/**
 * Linking Motivity members and learners to Calmanac staff and clients (workflow 2): exact
 * matches linked automatically, likely ones suggested, the rest listed on either side, with
 * link, unlink, "Not a match", ignore and create-the-missing-profile. Every change is audited.
 */
export function createLinking(deps: LinkingDeps) {
  const ctx: LinkingContext = {
    deps,
    decisions: createDecisions(deps.prisma, deps.now),
    maxSuggestions: MAX_SUGGESTIONS,
  };

  return {
    /**
     * `/link members|learners`: who is linked and who is not. An admin's run links the exact
     * matches first and is audited (App Home knows from it that the kind was checked, even
     * when the run left nothing to suggest); someone who may only look (link.view) gets the
     * lists and changes nothing.
     */
    async review(actor: Actor, kind: LinkKind): Promise<Result<{ overview: LinkingOverview }>> {
      const look = await deps.access.check(actor, "link.view");
      if (!look.allowed) return fail(look.reason);
      const canManage = decide(await deps.access.principal(actor), "link.manage", undefined, "").allowed;
      const snapshot = await loadSnapshot(deps, actor.workspaceId, kind);
      const overview = await refreshOverview(ctx, actor, snapshot, canManage);
      if (canManage) {
        await deps.audit.record(actor, {
          ...REVIEW_AUDIT,
          targetId: kind,
          outcome: "ok",
          details: {
            kind,
            autoLinked: overview.autoLinked.length,
            notLinkedInMotivity: overview.notLinkedInMotivity.length,
            notLinkedInCalmanac: overview.notLinkedInCalmanac.length,
          },
        });
      }
      return { ok: true, overview };
    },

    /** For App Home: open suggestions per kind, and which kinds were checked; the caller checks access. */
    waiting(workspaceId: string): Promise<WaitingSuggestions> {
      return ctx.decisions.waiting(workspaceId);
    },

    ...createPairActions(ctx),
    ...createRecordActions(ctx),
    ...createProfileActions(ctx),
    ...createAliasActions(ctx),
    ...createSearch(ctx),
  };
}

export type Linking = ReturnType<typeof createLinking>;
