import type { LinkKind } from "../../../../app/linking";
import { answerErrors } from "../../handler";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { notice, problemsMessage } from "../../../presenters/kit";
import { overviewMessage } from "../../../presenters/linking/overview";
import { firstPage } from "../../../presenters/linking/values";
import { replyPrivately } from "../../reply";
import type { CommandArgs } from "../../types";

const USAGE =
  "Use `/link members` (Motivity members ↔ Calmanac staff) or `/link learners` (Motivity learners ↔ Calmanac clients).";

function kindOf(text: string): LinkKind | undefined {
  const word = text.trim().toLowerCase();
  if (word === "members" || word === "member") return "members";
  if (word === "learners" || word === "learner") return "learners";
  return undefined;
}

/** `/link members|learners`: exact matches linked, then both lists, privately (they hold emails). */
export function linkCommand(services: Services) {
  return async ({ ack, command, respond, context }: CommandArgs) => {
    await ack();
    const kind = kindOf(command.text);
    const reply = (message: Parameters<typeof replyPrivately>[1]) => replyPrivately(respond, message);
    if (!kind) {
      await reply(notice(USAGE));
      return;
    }
    const actor = actorOf(context);
    await answerErrors(services, reply, async () => {
      const result = await services.linking.review(actor, kind);
      await reply(result.ok ? overviewMessage(result.overview, firstPage(kind)) : problemsMessage(result.problems));
    });
  };
}
