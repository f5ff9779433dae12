import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { ConfigError, readEnv } from "../config";
import { createLogger } from "../logger";
import { lineReader } from "./lines";
import { CONSOLE_HELP } from "./session";
import { CONSOLE_USER, startConsole } from "./start";

/** `npm run demo`: carebridge in a terminal, no Slack workspace needed. */
async function main(): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const input = lineReader(rl, (text) => process.stdout.write(text));
  console.log("Starting carebridge (embedded database, sandbox vendors)…");
  let running;
  try {
    running = await startConsole({
      env: readEnv(),
      logger: (level) => createLogger({ level, pretty: true }),
      ask: (question) => input.next(question),
      print: (line) => console.log(line),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { runtime, session } = running;
  const where = runtime.db.kind === "pglite" ? ` in ${resolve(runtime.config.dataDir)}` : "";
  console.log(`carebridge console — database: ${runtime.db.kind}${where}; you are ${CONSOLE_USER}, an admin.`);
  CONSOLE_HELP.forEach((line) => console.log(line));
  for (;;) {
    const line = await input.next("carebridge> ");
    if (line === undefined) break;
    if (!process.stdin.isTTY) console.log(line);
    try {
      if (!(await session.handle(line))) break;
    } catch (error) {
      runtime.logger.error({ err: error }, "console command failed");
      console.log("That did not work; the error is logged above.");
    }
  }
  rl.close();
  await running.close();
  process.exit(0);
}

await main();
