// `npm run sandbox`: the vendor sandbox in a process of its own, for staging and for tests that
// run the app as several processes. Its state lives here, so it outlives any app instance.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig, VENDORS } from "../../config";
import { createLogger } from "../../logger";
import { addCaregivers } from "./admin";
import { startSandbox } from "./server";

const USAGE = `Usage: npm run sandbox -- [--port 4000] [--host 127.0.0.1] [--seed demo|empty] [--caregivers N] [--latency-ms N] [--rps N]`;

const isSeed = (value: string): value is "demo" | "empty" => value === "demo" || value === "empty";

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4000" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string", default: "demo" },
      caregivers: { type: "string", default: "0" },
      "latency-ms": { type: "string", default: "0" },
      rps: { type: "string" },
    },
  });
  const number = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new ConfigError([`--${name} is not valid: expected a whole number from ${min}, got "${value}"`]);
    return n;
  };
  const seed = values.seed;
  if (!isSeed(seed)) throw new ConfigError([`--seed is not valid: expected demo or empty, got "${seed}"`]);
  return {
    port: number("port", values.port, 0),
    host: values.host,
    seed,
    caregivers: number("caregivers", values.caregivers, 0),
    latencyMs: number("latency-ms", values["latency-ms"], 0),
    rps: values.rps === undefined ? undefined : number("rps", values.rps, 1),
  };
}

async function main(): Promise<void> {
  let settings: ReturnType<typeof options>;
  let config: ReturnType<typeof loadConfig>;
  try {
    settings = options();
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `${(error as Error).message}\n${USAGE}`);
    process.exit(1);
  }
  // Logs go to stderr: stdout carries only the settings, so it can be redirected into a file.
  const logger = createLogger({ level: config.logLevel, pretty: false, destination: process.stderr });
  const sandbox = await startSandbox({
    port: settings.port,
    host: settings.host,
    seed: settings.seed,
    latencyMs: settings.latencyMs,
    logger,
    birthDateRequiredStates: config.birthDateRequiredStates,
    ...(settings.rps === undefined ? {} : { rateLimit: { requestsPerSecond: settings.rps } }),
  });
  addCaregivers(sandbox.state, settings.caregivers);
  const origin = new URL(sandbox.urls.teletrack).origin;
  // What the app needs to use every vendor here; `npm run sandbox > sandbox.env` keeps it.
  process.stdout.write(
    [
      `# carebridge vendor sandbox at ${origin} (state: GET ${origin}/_sandbox/state, from this machine only)`,
      ...VENDORS.flatMap((v) => [
        `${v.toUpperCase()}_BASE_URL=${sandbox.urls[v]}`,
        `${v.toUpperCase()}_API_KEY=sandbox`,
      ]),
      "",
    ].join("\n"),
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
