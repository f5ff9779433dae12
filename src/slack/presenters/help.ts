import type { CommandHelp } from "../../app/help";
import { context, escape, type KnownBlock, type Message, section } from "./kit";

export function helpMessage(commands: CommandHelp[], sandboxNote: string | undefined): Message {
  const lines = commands.map((c) => `\`${escape(c.usage)}\` — ${escape(c.does)}`);
  const blocks: KnownBlock[] = [section(`*What you can do with carebridge*\n${lines.join("\n")}`)];
  if (commands.length <= 1)
    blocks.push(context("You don't have access yet: an admin can give it with `/carebridge access grant`."));
  if (sandboxNote) blocks.push(context(sandboxNote));
  return { text: `carebridge: ${commands.length} commands you can use`, blocks };
}
