/**
 * Start-up of one app instance as `npm start` runs it (the compiled build, `npm run build` made
 * here into a directory of its own, with node's --liftoff-only), against the same build without
 * the flag and the sources through tsx: time from spawning
 * node to the first /readyz 200 (database answers, migrations applied, job workers running), and
 * resident memory from /proc: when ready (VmRSS) and the process's peak until then (VmHWM).
 *
 * PostgreSQL (TEST_DATABASE_URL, else DATABASE_URL), on a database of the bench's own: the first
 * start applies the migrations and is reported on its own; the timed runs start on the migrated
 * database, as a restart or a further instance does. Both variants alternate, STARTUP_BENCH_RUNS
 * (default 5) runs each, medians reported. HTTP mode; Slack's Web API and the vendors are local
 * stand-ins, so the in-process sandbox is not started (as in production). The machine's load is
 * printed before and after: start-up time is CPU-bound and moves with it.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { SlackStandIn } from "../src/console/slack-standin";
import { VENDORS } from "../src/config";
import { startSandbox } from "../src/providers/sandbox/server";
import { memoryOf } from "./proc";

const RUNS = Number(process.env.STARTUP_BENCH_RUNS ?? 5);
const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!adminUrl) {
  // Not a failure of `npm run bench` (all benches) on a machine without PostgreSQL.
  console.log("startup: not run: set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL it may create a database on");
  process.exit(0);
}

interface Start {
  ms: number;
  rssMb: number;
  peakMb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ")} (1 / 5 / 15 min) on ${cpus().length} cores`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function start(args: string[], env: Record<string, string>): Promise<Start> {
  const port = await freePort();
  const startedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before it was ready`);
      const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status,
        () => undefined,
      );
      if (status === 200) break;
      if (performance.now() - startedAt > 120_000) throw new Error("not ready within 2 minutes");
      await new Promise((r) => setTimeout(r, 10));
    }
    const ms = performance.now() - startedAt;
    return { ms, ...memoryOf(child.pid!) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const cache = join(process.cwd(), "node_modules", ".cache");
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(join(cache, "carebridge-bench-build-"));
const name = `carebridge_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const databaseUrl = new URL(adminUrl);
databaseUrl.pathname = `/${name}`;
const slack = await new SlackStandIn({ botToken: "xoxb-bench", teamId: "T0BENCH", botUserId: "U0BOT" }).start();
const vendors = await startSandbox();

try {
  console.log(`startup: before: ${load()}`);
  const built = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", out], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("npm run build failed");
  const env: Record<string, string> = {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: "bench",
    SLACK_API_URL: slack.apiUrl,
    DATABASE_URL: databaseUrl.toString(),
    ...Object.fromEntries(
      VENDORS.flatMap((v) => [
        [`${v.toUpperCase()}_BASE_URL`, vendors.urls[v]],
        [`${v.toUpperCase()}_API_KEY`, "bench"],
      ]),
    ),
  };
  // npm start: the build with --liftoff-only (scripts/start.js); for comparison, without it, and the sources through tsx.
  const variants = {
    "npm start": ["--liftoff-only", join(out, "main.js")],
    compiled: [join(out, "main.js")],
    tsx: ["--import", "tsx", "src/main.ts"],
  };
  const names = Object.keys(variants) as Array<keyof typeof variants>;
  const first = await start(variants["npm start"], env);
  console.log(
    `startup: first start on an empty database (npm start, migrations applied): ready in ${first.ms.toFixed(0)} ms, rss ${first.rssMb.toFixed(0)} MB, peak ${first.peakMb.toFixed(0)} MB`,
  );
  const results = Object.fromEntries(names.map((n) => [n, [] as Start[]])) as Record<keyof typeof variants, Start[]>;
  for (let i = 0; i < RUNS; i += 1) {
    for (const variant of names) results[variant].push(await start(variants[variant], env));
  }
  for (const variant of names) {
    const runs = results[variant];
    const ms = runs.map((r) => r.ms);
    console.log(
      `startup: ${variant.padEnd(9)} ready (/readyz 200) in ${median(ms).toFixed(0)} ms (median of ${runs.length}; ${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}), ` +
        `rss when ready ${median(runs.map((r) => r.rssMb)).toFixed(0)} MB, peak ${median(runs.map((r) => r.peakMb)).toFixed(0)} MB`,
    );
  }
  const speedup = median(results.tsx.map((r) => r.ms)) / median(results["npm start"].map((r) => r.ms));
  console.log(`startup: npm start starts ${speedup.toFixed(2)}x as fast as tsx`);
  console.log(`startup: after: ${load()}`);
} finally {
  await vendors.close();
  await slack.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  rmSync(out, { recursive: true, force: true });
}
