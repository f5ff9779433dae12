import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { checkingMessage, previewMessage } from "../../../presenters/caregivers/preview";
import { notice, problemsMessage } from "../../../presenters/kit";
import { replyPrivately, privately } from "../../reply";
import type { CommandArgs } from "../../types";
import { labelsOf, lookupMessage } from "../../shared/caregivers";
import { answerDigest, answerSchedule } from "./schedule";
import { answerErrors } from "../../handler";

const USAGE =
  "Use `/sync-caregiver <name, email or TeleTrack id>`, `/sync-caregiver all` (admins), `/sync-caregiver schedule` or `/sync-caregiver digest`.";
const ALL = /^all(?:\s+(full))?$/i;
const SCHEDULE = /^schedule(?:\s+([\s\S]*))?$/i;

/**
 * `/sync-caregiver <query>` syncs one caregiver; `/sync-caregiver all [full]` previews a sync of
 * everyone; `schedule …` and `digest` are the scheduled sync's.
 */
export function syncCaregiverCommand(services: Services) {
  return async ({ ack, command, respond, context, client }: CommandArgs) => {
    await ack();
    const actor = actorOf(context);
    const text = command.text.trim();
    const labels = labelsOf(services);
    await answerErrors(services, privately(respond), async () => {
      if (text === "") {
        await replyPrivately(respond, notice(USAGE));
        return;
      }
      const where = { actor, channelId: command.channel_id, respond, client, services };
      const schedule = SCHEDULE.exec(text);
      if (schedule) return answerSchedule({ ...where, text: schedule[1] ?? "" });
      if (/^digest$/i.test(text)) return answerDigest(where);
      const all = ALL.exec(text);
      if (!all) {
        const result = await services.caregivers.open(actor, text, "sync");
        await replyPrivately(respond, lookupMessage(result, text, actor.userId, labels));
        return;
      }
      const full = all[1] !== undefined;
      const result = await services.caregivers.previewAll(actor, {
        full,
        channelId: command.channel_id,
        onChecking: (everyone) => replyPrivately(respond, checkingMessage(everyone, labels)).then(() => undefined),
      });
      await replyPrivately(
        respond,
        result.ok ? previewMessage(result.preview, labels) : problemsMessage(result.problems),
      );
    });
  };
}
