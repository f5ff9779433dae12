import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../app/actor";
import type { Services } from "../../app/services";

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** A `/carebridge <sub>` handler: the router has acked and parsed; `text` is what follows the subcommand. */
export interface SubcommandRequest {
  actor: Actor;
  text: string;
  channelId: string;
  triggerId: string;
  respond: RespondFn;
  client: WebClient;
  services: Services;
}

export type Subcommand = (request: SubcommandRequest) => Promise<void>;
