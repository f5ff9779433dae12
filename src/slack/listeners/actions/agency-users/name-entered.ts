import type { AllMiddlewareArgs, BlockPlainTextInputAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../../../../app/services";
import { normalizeUsername } from "../../../../app/agency-users";
import { actorOf } from "../../../actor";
import { readForm, type SubmittedView, withUsername } from "../../../presenters/agency-users/form-state";
import { readMeta } from "../../../presenters/agency-users/form-view";
import { updateModal } from "../../shared/agency-users";

/**
 * Enter in a name input: the username follows the name, unless the person typed a username of
 * their own. `hash` makes Slack refuse the update if the form changed meanwhile.
 */
export function agencyUserNameEntered(services: Services) {
  return async ({
    ack,
    body,
    client,
    context,
  }: SlackActionMiddlewareArgs<BlockPlainTextInputAction> & AllMiddlewareArgs) => {
    await ack();
    if (!body.view) return;
    const view: SubmittedView = body.view;
    const meta = readMeta(view.private_metadata);
    const form = readForm(view);
    const current = normalizeUsername(form.username);
    if (current !== "" && current !== meta.suggested) return;
    const result = await services.agencyUsers.suggestUsername(actorOf(context), form);
    if (!result.ok || result.username === undefined || result.username === current) return;
    // hash_conflict: the person changed the form meanwhile; their next Enter suggests again.
    await updateModal(
      client,
      { viewId: view.id, hash: view.hash },
      withUsername(view, result.username, meta),
      services.logger,
    );
  };
}
