import type { Actor } from "../actor";
import { fail, type Problem, type Result } from "../result";
import { refreshOverview, targetType, type LinkingContext } from "./context";
import { loadSnapshot, type Snapshot } from "./snapshot";
import type { ActionOutcome, LinkingOverview, LinkKind, Side } from "./types";

export type ActionResult = Result<{ outcome: ActionOutcome; overview: LinkingOverview }>;

/** What an action's body returns: an outcome, or problems the user can fix. */
export type ActionBody = (snapshot: Snapshot) => Promise<ActionOutcome | { problems: Problem[] }>;

export const done = (message: string): ActionOutcome => ({ status: "done", message });
export const unchanged = (message: string): ActionOutcome => ({ status: "unchanged", message });
export const stale = (message: string): ActionOutcome => ({ status: "stale", message });

/**
 * Every button: re-checks access (admins by default; a refusal is audited), re-reads both
 * systems so the body decides on their current state, then returns the lists as they now stand.
 */
export async function act(
  ctx: LinkingContext,
  actor: Actor,
  target: { kind: LinkKind; side: Side; id: string },
  body: ActionBody,
): Promise<ActionResult> {
  const allowed = await ctx.deps.access.check(actor, "link.manage", {
    type: targetType(target.kind, target.side),
    id: target.id,
  });
  if (!allowed.allowed) return fail(allowed.reason);
  const snapshot = await loadSnapshot(ctx.deps, actor.workspaceId, target.kind);
  const outcome = await body(snapshot);
  if ("problems" in outcome) return { ok: false, problems: outcome.problems };
  const overview = await refreshOverview(ctx, actor, snapshot, true);
  return { ok: true, outcome, overview };
}
