import { startConsole } from "./src/console/start";
import { runScript, TOUR } from "./src/console/tour";
import { silentLogger } from "./src/logger";
const answers: string[] = [];
const running = await startConsole({
  env: { DATA_DIR: "/tmp/h14/data" + Date.now() },
  logger: () => silentLogger,
  ask: async (q) => { const a = answers.shift() ?? ""; console.log(q + a); return a; },
  print: (l) => console.log(l),
});
const steps = process.argv[2] ? (await import(process.argv[2])).STEPS : TOUR;
await runScript(running.session, steps, { print: console.log, answer: (a) => { if (answers.length) console.log("LEFTOVER ANSWERS", answers.splice(0)); answers.push(...a); }, delayMs: 0 });
await new Promise((r) => setTimeout(r, 1500));
await running.session.handle("");
await running.close();
process.exit(0);
