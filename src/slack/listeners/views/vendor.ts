import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Services } from "../../../app/services";
import { actorOf } from "../../actor";
import type { StateValues } from "../../presenters/modal-kit";
import { errorsByBlock } from "../../presenters/modal-kit";
import { readVendorForm, VENDOR_BLOCKS, vendorSavedMessage } from "../../presenters/vendors";
import { postPrivately } from "../reply";

/** A vendor account submitted: checked by a call to the vendor first; its answer goes on the key field. */
export function vendorSubmitted(services: Services) {
  return async ({ ack, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const actor = actorOf(context);
    const form = readVendorForm(view.private_metadata, view.state.values as StateValues);
    const result = await services.vendorAccounts.save(actor, form);
    if (!result.ok) {
      await ack({ response_action: "errors", errors: errorsByBlock(result.problems, VENDOR_BLOCKS, "apiKey") });
      return;
    }
    await ack();
    await postPrivately(client, undefined, actor.userId, vendorSavedMessage(result.account));
  };
}
