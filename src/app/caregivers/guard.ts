import type { Action } from "../access/policy";
import type { Actor } from "../actor";
import { mention } from "../mention";
import { fail } from "../result";
import type { CaregiverDeps } from "./deps";

/**
 * Who may press a button: the actor's role decides (access.check), and a button on a message
 * made for someone else is refused as well, so that a card shared or shown to another person
 * does not act for them. Both refusals are audited.
 */
export function createGuard(deps: Pick<CaregiverDeps, "access" | "audit">) {
  return async function guard(
    actor: Actor,
    action: Action,
    target: { type: string; id: string },
    madeFor?: string,
  ): Promise<{ ok: false; problems: Array<{ message: string }> } | undefined> {
    if (madeFor !== undefined && madeFor !== actor.userId) {
      await deps.audit.record(actor, {
        action,
        targetType: target.type,
        targetId: target.id,
        outcome: "refused",
        details: { reason: "message made for another user", madeFor },
      });
      return fail(`These buttons were made for ${mention(madeFor)}; run the command yourself to get your own.`);
    }
    const decision = await deps.access.check(actor, action, target);
    return decision.allowed ? undefined : fail(decision.reason);
  };
}

export type Guard = ReturnType<typeof createGuard>;
