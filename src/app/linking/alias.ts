import { ConflictError, NotFoundError, ValidationError } from "../../providers/http/errors";
import type { Actor } from "../actor";
import { act, done, stale, unchanged, type ActionResult } from "./act";
import { targetType, type LinkingContext } from "./context";
import { validateAlias } from "./new-profile";
import { fullName } from "./snapshot";

/** Changing a Motivity learner's alias after creation (seed 001: "you can change the alias"). */
export function createAliasActions(ctx: LinkingContext) {
  const { deps } = ctx;

  return {
    changeAlias(actor: Actor, request: { learnerId: string; alias: string }): Promise<ActionResult> {
      const { learnerId } = request;
      const alias = request.alias.trim();
      return act(ctx, actor, { kind: "learners", side: "motivity", id: learnerId }, async (snapshot) => {
        const problems = alias === "" ? [{ field: "alias", message: "Enter the new alias." }] : validateAlias(alias);
        if (problems.length > 0) return { problems };
        const learner = snapshot.motivity.get(learnerId);
        if (!learner) return stale("That learner is no longer in Motivity.");
        const before = learner.detail;
        if (before === alias) return unchanged(`${fullName(learner)} already has the alias ${alias}.`);
        try {
          await deps.pair.setLearnerAlias(learnerId, alias);
        } catch (error) {
          if (error instanceof ConflictError && error.code === "alias_taken") {
            return {
              problems: [
                { field: "alias", message: `Another Motivity learner has the alias ${alias}; choose another.` },
              ],
            };
          }
          if (error instanceof ValidationError) {
            return {
              problems: Object.entries(error.fields).map(([field, why]) => ({
                field,
                message: `Motivity says the ${field} ${why}.`,
              })),
            };
          }
          if (error instanceof NotFoundError) {
            snapshot.motivity.delete(learnerId);
            return stale(`${fullName(learner)} is no longer in Motivity.`);
          }
          throw error;
        }
        learner.detail = alias;
        await deps.audit.record(actor, {
          action: "link.alias",
          targetType: targetType("learners", "motivity"),
          targetId: learnerId,
          outcome: "ok",
          details: { from: before, to: alias },
        });
        return done(
          `Changed ${fullName(learner)}'s alias in Motivity${before ? ` from "${before}"` : ""} to "${alias}".`,
        );
      });
    },
  };
}
