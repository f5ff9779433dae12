import type { Services } from "../../../../app/services";
import { aliasModal } from "../../../presenters/linking/alias-modal";
import { aliasValue, positionOf, type AliasMetadata } from "../../../presenters/linking/values";
import { handler } from "../../handler";
import { linkButton } from "../../shared/linking";

/** "Change alias" on a linked learner: the form opens at once (the trigger lives 3 seconds). */
export function aliasAction(services: Services) {
  return handler(services, linkButton(aliasValue), async ({ body, client, value }) => {
    const metadata: AliasMetadata = {
      m: value.m,
      p: positionOf(value),
      ...(body.response_url ? { r: body.response_url } : {}),
      ...(body.channel?.id ? { ch: body.channel.id } : {}),
    };
    await client.views.open({ trigger_id: body.trigger_id, view: aliasModal(value.n, value.a, metadata) });
  });
}
