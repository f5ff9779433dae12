import type { ActorHelp } from "../../app/help";
import { context, escape, type KnownBlock, type Message, sections, sentence } from "./kit";

export function helpMessage({ commands, askAdmin }: ActorHelp, sandboxNote: string | undefined): Message {
  const lines = commands.map((c) => `\`${escape(c.usage)}\` — ${escape(c.does)}`);
  // An admin's list outgrows one section's 3,000 characters: it runs on in as many as it needs.
  const blocks: KnownBlock[] = sections(`*What you can do with carebridge*\n${lines.join("\n")}`);
  if (askAdmin)
    blocks.push(context(`You don't have access yet: ask ${sentence(askAdmin)} to run \`/carebridge access grant\`.`));
  if (sandboxNote) blocks.push(context(sandboxNote));
  return { text: `carebridge: ${commands.length} commands you can use`, blocks };
}
