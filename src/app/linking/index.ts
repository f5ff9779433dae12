import { decide } from "../access/policy";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import { refreshOverview, type LinkingContext, type LinkingDeps } from "./context";
import { createProfileActions } from "./create";
import { createDecisions } from "./decisions";
import { createPairActions } from "./pair-actions";
import { createRecordActions } from "./record-actions";
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
    settings: { suggestScore: deps.matching.suggestScore, maxSuggestions: MAX_SUGGESTIONS },
  };

  return {
    /**
     * `/link members|learners`: who is linked and who is not. An admin's run links the exact
     * matches first; someone who may only look (link.view) gets the lists and changes nothing.
     */
    async review(actor: Actor, kind: LinkKind): Promise<Result<{ overview: LinkingOverview }>> {
      const look = await deps.access.check(actor, "link.view");
      if (!look.allowed) return fail(look.reason);
      const canManage = decide(await deps.access.principal(actor), "link.manage", undefined, "").allowed;
      const snapshot = await loadSnapshot(deps, actor.workspaceId, kind);
      return { ok: true, overview: await refreshOverview(ctx, actor, snapshot, canManage) };
    },

    /** Open suggestions per kind as the last run left them (App Home); the caller checks access. */
    waiting(workspaceId: string): Promise<WaitingSuggestions> {
      return ctx.decisions.waiting(workspaceId);
    },

    ...createPairActions(ctx),
    ...createRecordActions(ctx),
    ...createProfileActions(ctx),
  };
}

export type Linking = ReturnType<typeof createLinking>;
