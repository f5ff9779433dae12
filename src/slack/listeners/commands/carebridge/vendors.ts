import { problemsMessage } from "../../../presenters/kit";
import { vendorsMessage } from "../../../presenters/vendors";
import { replyPrivately } from "../../reply";
import type { Subcommand } from "../../types";

/** `/carebridge vendors`: each vendor's account and where it comes from, for admins. */
export const vendors: Subcommand = async ({ actor, respond, services }) => {
  const result = await services.vendorAccounts.list(actor);
  await replyPrivately(respond, result.ok ? vendorsMessage(result.accounts) : problemsMessage(result.problems));
};
