import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { beginEmbeddedDatabase } from "../app/embedded-database";
import { ConfigError, loadConfig, readEnv } from "../config";
import { createLogger } from "../logger";
import { lineReader } from "./lines";
import { CONSOLE_HELP } from "./session";
import { runScript, TOUR } from "./tour";

/** How long the tour waits between steps, so a newcomer can read along (TOUR_DELAY_MS overrides). */
const TOUR_DELAY_MS = 1500;

/**
 * A first start on a fresh data directory copies the database template: begun here, the copying
 * goes on while the app's modules load, instead of after them. Bad settings are left for
 * startConsole to report.
 */
function beginDatabaseEarly(env: Record<string, string | undefined>): void {
  let config;
  try {
    config = loadConfig(env);
  } catch {
    return;
  }
  beginEmbeddedDatabase(config);
}

/** `npm run demo`: carebridge in a terminal, no Slack workspace needed; `-- --tour` walks the workflows first. */
async function main(): Promise<void> {
  const tour = process.argv.includes("--tour");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const input = lineReader(rl, (text) => process.stdout.write(text));
  // The tour's own answers to the forms it opens come first; then the person types.
  const scripted: string[] = [];
  // carebridge may speak while the prompt waits (a job finished): its lines start on a line of their own.
  let atPrompt = false;
  const print = (line: string) => {
    if (atPrompt) process.stdout.write("\n");
    atPrompt = false;
    console.log(line);
  };
  console.log("Starting carebridge (embedded database, sandbox vendors)…");
  const env = readEnv();
  beginDatabaseEarly(env);
  const { startConsole } = await import("./start");
  let running;
  try {
    running = await startConsole({
      env,
      logger: (level) => createLogger({ level, pretty: true }),
      ask: async (question) => {
        if (scripted.length === 0) return input.next(question);
        const answer = scripted.shift()!;
        console.log(`${question}${answer}`);
        return answer;
      },
      print,
      reprompt: (prompt) => {
        process.stdout.write(prompt);
        atPrompt = true;
      },
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
  console.log(
    `carebridge console — database: ${runtime.db.kind}${where}; you are ${session.name(session.userId)}, an admin.`,
  );
  CONSOLE_HELP.forEach((line) => console.log(line));
  if (tour) {
    const delay = Number(process.env.TOUR_DELAY_MS ?? TOUR_DELAY_MS);
    await runScript(session, TOUR, {
      print,
      answer: (answers) => scripted.splice(0, scripted.length, ...answers),
      delayMs: Number.isFinite(delay) && delay >= 0 ? delay : TOUR_DELAY_MS,
    });
    scripted.length = 0;
  }
  for (;;) {
    atPrompt = true;
    const line = await input.next(session.prompt);
    atPrompt = false;
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
