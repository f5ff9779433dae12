import type { Services } from "../../../../app/services";
import { actorOf } from "../../../actor";
import { login } from "../caregivers";
import type { CommandArgs, Subcommand } from "../../types";
import { access } from "./access";
import { audit } from "./audit";
import { exportData } from "./export";
import { help } from "./help";
import { settings } from "./settings";
import { vendors } from "./vendors";

/** `/carebridge <sub> …`; anything unknown gets the help. A workflow adds its subcommand here. */
const SUBCOMMANDS: Record<string, Subcommand> = { help, access, login, audit, settings, vendors, export: exportData };

export function carebridgeCommand(services: Services) {
  return async ({ ack, command, respond, client, context }: CommandArgs) => {
    await ack();
    const [first = "", ...rest] = command.text.trim().split(/\s+/);
    const sub = SUBCOMMANDS[first.toLowerCase()] ?? help;
    await sub({
      actor: actorOf(context),
      text: sub === help ? "" : rest.join(" "),
      channelId: command.channel_id,
      triggerId: command.trigger_id,
      respond,
      client,
      services,
    });
  };
}
