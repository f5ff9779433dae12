import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { SlackStandIn } from "../src/console/slack-standin";
import type { Caregiver } from "../src/providers/roles";
import { startSandbox } from "../src/providers/sandbox/server";
import { freshConnection, testDatabaseKind } from "../test/support/db";
import { killAll, startApp, until } from "../test/support/processes";
import { postSigned, SIGNING_SECRET } from "../test/support/signed";
import { cpuMsOf, memoryOf } from "./proc";

/**
 * Bulk caregiver sync through the real app, run as it is deployed: `npm start` in a process of its
 * own, from its bundle (test/support/processes.ts), in HTTP mode. This process is the harness:
 * Slack (the stand-in) and TeleTrack and CareAcademy (the sandbox, 50 ms of latency and a limit
 * of 20 requests per second each, 429 beyond), the app configured at the same 20 rps. It sends
 * `/sync-caregiver all full` over signed HTTP, presses Confirm, and waits for the app to log the
 * job finished. Every caregiver is new to CareAcademy; 2% have no email (they fail, with a
 * failures CSV).
 *
 * - Wall time of the job (Confirm → the app logs "job finished") against the rate-limit floor: the
 *   requests the job had to make to the busiest vendor / 20 rps. Requests answered 429 are not
 *   counted: a client that overruns the limit would otherwise raise its own floor. Target <= 1.10.
 * - The preview (`/sync-caregiver all full` → the preview with Confirm), timed on its own: its
 *   look-ups are rate-limited too, and an admin waits for it before confirming.
 * - Peak memory of the app's process, target < 300 MB: the kernel's peak (VmHWM) when the job has
 *   finished, which covers its start-up (Prisma's WebAssembly, and PGlite in embedded mode), and
 *   the highest RSS sampled every 50 ms from the command to the end of the job. The harness's own
 *   peak is printed apart: it is not what a user runs.
 * - Slack ack latency while the job runs: a signed `/carebridge help` every 200 ms, time to
 *   HTTP 200. Target p99 < 100 ms.
 *
 * CAREGIVER_SYNC_BENCH="300x3,5000x1" (the default) sets the sizes and runs; 5,000 caregivers
 * take about 14 minutes (about 4 for the preview's look-ups, 9 for the job). The app runs on
 * PGlite (embedded mode, a fresh DATA_DIR per run that the app opens itself, as `npm start` does),
 * or on PostgreSQL when TEST_DATABASE_URL is set, on a fresh database of its own that it migrates.
 */
const embedded = testDatabaseKind === "pglite";
const RPS = 20;
const LATENCY_MS = 50;
const PING_EVERY_MS = 200;
const RSS_EVERY_MS = 50;
const TARGET_RATIO = 1.1;
const TARGET_RSS_MB = 300;
const TARGET_ACK_P99_MS = 100;

interface RunResult {
  size: number;
  seconds: number;
  ratio: number;
  /** The job's requests, 429 answers included. */
  requests: { teletrack: number; careacademy: number };
  previewSeconds: number;
  /** The preview's CareAcademy requests (look-ups by TeleTrack id), 429 answers included. */
  previewRequests: number;
  ackP99: number;
  acks: number;
  /** The app process's peak RSS: the highest of the samples and the kernel's VmHWM. */
  peakMb: number;
  /** The app's highest RSS sampled from the command to the end of the job. */
  sampledMb: number;
  /** The app's RSS when Confirm is pressed: started, preview made, before the job. */
  baseMb: number;
  /** CPU time the app's process used from Confirm to the end of the job. */
  jobCpuSeconds: number;
  /** The harness's peak RSS (the Slack stand-in, the sandbox, the caregivers): not the app's. */
  harnessMb: number;
  rateLimited: number;
  complete: boolean;
  recorded: string;
}

function caregiver(i: number): Caregiver {
  return {
    id: `tt-${100000 + i}`,
    firstName: `First${i}`,
    lastName: `Last${i}`,
    email: i % 50 === 7 ? null : `caregiver${i}@bench.example`,
    mobilePhone: i % 5 === 0 ? null : "+1 503 555 0100",
    birthDate: "1990-01-15",
    state: i % 3 === 0 ? "CA" : "OR",
    status: "active",
    updatedAt: "2026-10-01T00:00:00.000Z",
  };
}

const TEAM = "T0BENCH";
const ADMIN = "U0ADMIN";
const BOT_TOKEN = "xoxb-bench-token";

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function run(size: number): Promise<RunResult> {
  const vendors = await startSandbox({ seed: "empty", latencyMs: LATENCY_MS, rateLimit: { requestsPerSecond: RPS } });
  for (let i = 0; i < size; i += 1) {
    const c = caregiver(i);
    vendors.state.teletrack.caregivers.set(c.id, c);
  }
  const slack = await new SlackStandIn({ botToken: BOT_TOKEN, teamId: TEAM, botUserId: "U0BOT" }).start();
  // Embedded mode as a user runs it: a fresh DATA_DIR the app opens itself (the install-time
  // template copied in); on PostgreSQL, an empty database the app migrates.
  const dataDir = embedded ? mkdtempSync(join(tmpdir(), "carebridge-bench-")) : undefined;
  const server = embedded ? undefined : await freshConnection();
  try {
    const app = await startApp("app", {
      TELETRACK_BASE_URL: vendors.urls.teletrack,
      TELETRACK_API_KEY: "bench",
      TELETRACK_RPS: String(RPS),
      CAREACADEMY_BASE_URL: vendors.urls.careacademy,
      CAREACADEMY_API_KEY: "bench",
      CAREACADEMY_RPS: String(RPS),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      CAREBRIDGE_ADMINS: ADMIN,
      ...(dataDir === undefined ? {} : { DATA_DIR: dataDir }),
      ...(server?.url === undefined ? {} : { DATABASE_URL: server.url }),
    });
    const pid = app.proc.pid as number;
    let triggers = 0;
    const post = (fields: Record<string, string>) =>
      postSigned(app.url, new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded");
    const command = (text: string, command: string, channel: string) =>
      post({
        command,
        text,
        team_id: TEAM,
        user_id: ADMIN,
        channel_id: channel,
        trigger_id: `trigger-${++triggers}`,
        response_url: slack.responseUrl(channel, ADMIN),
      });

    let sampledMb = memoryOf(pid).rssMb;
    const sampler = setInterval(() => (sampledMb = Math.max(sampledMb, memoryOf(pid).rssMb)), RSS_EVERY_MS);
    try {
      const previewStarted = performance.now();
      const asked = await command("all full", "/sync-caregiver", "C0BENCH");
      if (asked.status !== 200)
        throw new Error(`/sync-caregiver answered ${asked.status}: ${asked.text}\n${app.tail()}`);
      const preview = await until(
        () => slack.visible("C0BENCH", ADMIN).find((m) => m.text.startsWith("Sync preview")),
        "the sync preview",
        size * 1000,
      );
      const previewSeconds = (performance.now() - previewStarted) / 1000;
      const confirm = (preview.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.action_id === "caregiver.sync-all.confirm");
      if (!confirm) throw new Error("no Confirm button in the preview");
      const jobId = confirm.value;

      const before = { ...vendors.stats.requests };
      const limitedBefore = { ...vendors.stats.rateLimited };
      const baseMb = memoryOf(pid).rssMb;
      const acks: number[] = [];
      let pinging = true;
      const pinger = (async () => {
        while (pinging) {
          const sent = performance.now();
          const answer = await command("help", "/carebridge", "C0PING");
          if (answer.status === 200) acks.push(performance.now() - sent);
          await new Promise((r) => setTimeout(r, PING_EVERY_MS));
        }
      })();

      const started = performance.now();
      const cpuBefore = cpuMsOf(pid);
      await post({
        payload: JSON.stringify({
          type: "block_actions",
          team: { id: TEAM },
          user: { id: ADMIN, team_id: TEAM },
          channel: { id: "C0BENCH" },
          trigger_id: `trigger-${++triggers}`,
          response_url: slack.responseUrl("C0BENCH", ADMIN),
          actions: [{ type: "button", action_id: confirm.action_id, block_id: "b", value: jobId, action_ts: "1" }],
        }),
      });
      const finished = await app.waitForLine((l) => l.msg === "job finished" && l.jobId === jobId, size * 2000);
      const seconds = (performance.now() - started) / 1000;
      const jobCpuSeconds = (cpuMsOf(pid) - cpuBefore) / 1000;
      const peakMb = Math.max(sampledMb, memoryOf(pid).peakMb);
      pinging = false;
      await pinger;

      const requests = {
        teletrack: vendors.stats.requests.teletrack - before.teletrack,
        careacademy: vendors.stats.requests.careacademy - before.careacademy,
      };
      const limited = {
        teletrack: vendors.stats.rateLimited.teletrack - limitedBefore.teletrack,
        careacademy: vendors.stats.rateLimited.careacademy - limitedBefore.careacademy,
      };
      const floor = Math.max(requests.teletrack - limited.teletrack, requests.careacademy - limited.careacademy) / RPS;
      const ready = [...vendors.state.teletrack.caregivers.values()].filter((c) => c.email !== null).length;
      const accounts = new Set([...vendors.state.careacademy.users.values()].map((u) => u.externalId)).size;
      const refused = slack.takeRejections();
      return {
        size,
        seconds,
        ratio: seconds / floor,
        requests,
        previewSeconds,
        previewRequests: before.careacademy,
        ackP99: percentile(acks, 99),
        acks: acks.length,
        peakMb,
        sampledMb,
        baseMb,
        jobCpuSeconds,
        harnessMb: process.resourceUsage().maxRSS / 1024,
        rateLimited: limited.careacademy + limited.teletrack,
        recorded:
          `job ${String(finished.status)}, ${String(finished.processed)} of ${size} items processed (${String(finished.failed)} failed), ` +
          `${accounts} accounts for ${ready} ready caregivers, ${refused.length} messages Slack would refuse`,
        complete:
          finished.status === "done" &&
          finished.processed === size &&
          accounts === ready &&
          vendors.state.careacademy.users.size === ready &&
          refused.length === 0,
      };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await killAll();
    await slack.close();
    await vendors.close();
    await server?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const verdict = (ok: boolean) => (ok ? "OK" : "MISS");
let missed = false;

function report(results: RunResult[]): void {
  const first = results[0];
  if (!first) return;
  const label = `${first.size.toLocaleString("en-US")} caregivers, ${results.length === 1 ? "one run" : `median of ${results.length} runs`}`;
  const ratio = median(results.map((r) => r.ratio));
  const ack = median(results.map((r) => r.ackP99));
  const peak = Math.max(...results.map((r) => r.peakMb));
  const complete = results.every((r) => r.complete);
  missed ||= ratio > TARGET_RATIO || ack >= TARGET_ACK_P99_MS || peak >= TARGET_RSS_MB || !complete;
  console.log(
    `caregiver-sync: ${label}: job ${median(results.map((r) => r.seconds)).toFixed(1)} s for ${first.requests.careacademy.toLocaleString("en-US")} CareAcademy + ${first.requests.teletrack.toLocaleString("en-US")} TeleTrack requests (429s included); ` +
      `wall / rate-limit floor ${ratio.toFixed(3)} (target <= ${TARGET_RATIO}) ${verdict(ratio <= TARGET_RATIO)}`,
  );
  console.log(
    `caregiver-sync: ${label}: preview ${median(results.map((r) => r.previewSeconds)).toFixed(1)} s for ${first.previewRequests.toLocaleString("en-US")} CareAcademy requests, 429s included (not in the job's time)`,
  );
  console.log(
    `caregiver-sync: ${label}: the app's process peak RSS ${peak.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB) ${verdict(peak < TARGET_RSS_MB)}; ` +
      `highest sampled from the command to the end of the job ${Math.max(...results.map((r) => r.sampledMb)).toFixed(0)} MB; ` +
      `the harness's (Slack stand-in, sandbox, caregivers; not the app) ${Math.max(...results.map((r) => r.harnessMb)).toFixed(0)} MB`,
  );
  console.log(
    `caregiver-sync: ${label}: Slack ack p99 during the job ${ack.toFixed(1)} ms over ${first.acks} requests (target < ${TARGET_ACK_P99_MS} ms) ${verdict(ack < TARGET_ACK_P99_MS)}`,
  );
  console.log(
    `caregiver-sync: ${label}: (the app's rss when the job starts ${median(results.map((r) => r.baseMb)).toFixed(0)} MB; the app's CPU during the job ${median(results.map((r) => r.jobCpuSeconds)).toFixed(1)} s; 429 answers to the job ${Math.max(...results.map((r) => r.rateLimited))}, not counted in the floor)`,
  );
  console.log(
    `caregiver-sync: ${label}: every item recorded and one account per ready caregiver: ${verdict(complete)} (${results.map((r) => r.recorded).join("; ")})`,
  );
}

const plan = (process.env.CAREGIVER_SYNC_BENCH ?? "300x3,5000x1").split(",").map((part) => {
  const [size, runs] = part.trim().split("x").map(Number);
  if (!size || !runs) throw new Error(`CAREGIVER_SYNC_BENCH: "${part}" is not <size>x<runs>, e.g. 300x3`);
  return { size, runs };
});
console.log(
  `caregiver-sync: database: ${
    embedded
      ? "PGlite (embedded mode), in a fresh DATA_DIR per run, opened by the app as npm start does"
      : "PostgreSQL (TEST_DATABASE_URL), a fresh database per run that the app migrates"
  }`,
);
for (const { size, runs } of plan) {
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i += 1) results.push(await run(size));
  report(results);
}
process.exitCode = missed ? 1 : 0;
