import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../../logger";
import { slackFailure, slackRefusal } from "../../slack-error";

/**
 * Slack's answers that mean the person moved on: they closed the modal (not_found) or changed it
 * meanwhile (hash_conflict). Nothing is wrong then; the update simply has nothing left to show.
 */
const MOVED_ON = new Set(["not_found", "hash_conflict"]);

/**
 * views.update that never throws: a modal may be closed before a slow outcome arrives, and what
 * follows the update (the creator's confirmation) must happen all the same.
 */
export async function updateModal(
  client: WebClient,
  target: { viewId: string; hash?: string | undefined },
  view: ModalView,
  logger: Logger,
): Promise<void> {
  try {
    await client.views.update({ view_id: target.viewId, ...(target.hash ? { hash: target.hash } : {}), view });
  } catch (error) {
    const code = slackRefusal(error)?.code;
    if (code !== undefined && MOVED_ON.has(code)) logger.debug({ code }, "modal closed or changed; update not shown");
    else logger.warn(slackFailure(error), "modal update failed");
  }
}

/** views.open; when Slack refused, its error code (or "error" when the call failed otherwise). */
export async function openModal(
  client: WebClient,
  triggerId: string,
  view: ModalView,
  logger: Logger,
): Promise<{ ok: true; id: string; hash: string | undefined } | { ok: false; code: string }> {
  try {
    const opened = await client.views.open({ trigger_id: triggerId, view });
    return { ok: true, id: opened.view?.id ?? "", hash: opened.view?.hash };
  } catch (error) {
    logger.warn(slackFailure(error), "modal did not open");
    return { ok: false, code: slackRefusal(error)?.code ?? "error" };
  }
}
