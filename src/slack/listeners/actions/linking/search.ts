import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { searchModal, searchOptions } from "../../../presenters/linking/search-modal";
import {
  parseValue,
  positionOf,
  searchMetadata,
  searchValue,
  type SearchMetadata,
} from "../../../presenters/linking/values";
import { handler } from "../../handler";
import { linkButton } from "../../shared/linking";

/** "Find in …" on a row or after "Not a match": the search form opens at once (the trigger lives 3 seconds). */
export function searchAction(services: Services) {
  return handler(services, linkButton(searchValue), async ({ body, client, value }) => {
    const metadata: SearchMetadata = {
      k: value.k,
      s: value.s,
      id: value.id,
      p: positionOf(value),
      ...(body.response_url ? { r: body.response_url } : {}),
      ...(body.channel?.id ? { ch: body.channel.id } : {}),
    };
    await client.views.open({ trigger_id: body.trigger_id, view: searchModal(value.n, metadata) });
  });
}

type OptionsArgs = SlackOptionsMiddlewareArgs<"block_suggestion"> & AllMiddlewareArgs;

/** What the admin typed in the search form: the matching records on the other side (none when refused). */
export function searchOptionsAction(services: Services) {
  return async ({ ack, body, context }: OptionsArgs) => {
    const metadata = parseValue(searchMetadata, body.view?.private_metadata);
    if (!metadata) {
      await ack({ options: [] });
      return;
    }
    try {
      const result = await services.linking.searchOther(actorOf(context), {
        kind: metadata.k,
        side: metadata.s,
        recordId: metadata.id,
        query: body.value,
      });
      await ack({ options: result.ok ? searchOptions(result.found) : [] });
    } catch (error) {
      services.logger.error({ err: error }, "linking search failed");
      await ack({ options: [] });
    }
  };
}
