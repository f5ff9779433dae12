import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../../../logger";

const codeOf = (error: unknown): string | undefined =>
  (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;

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
    const code = codeOf(error);
    if (code !== undefined && MOVED_ON.has(code)) logger.debug({ code }, "modal closed or changed; update not shown");
    else logger.warn({ code }, "modal update failed");
  }
}

/** views.open; undefined when Slack refused, e.g. a trigger_id past its 3 seconds. */
export async function openModal(
  client: WebClient,
  triggerId: string,
  view: ModalView,
  logger: Logger,
): Promise<{ id: string; hash: string | undefined } | undefined> {
  try {
    const opened = await client.views.open({ trigger_id: triggerId, view });
    return { id: opened.view?.id ?? "", hash: opened.view?.hash };
  } catch (error) {
    logger.warn({ code: codeOf(error) }, "modal did not open");
    return undefined;
  }
}
