import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { Caregiver } from "../src/providers/roles";
import { startSandbox } from "../src/providers/sandbox/server";
import { ADMIN, startTestApp } from "../test/support/app";
import { testDatabaseKind } from "../test/support/db";
import makeTestTemplates from "../test/global-setup";
import { destroyKeptDatabases } from "../test/support/kept";

/**
 * Bulk caregiver sync through the real app: `/sync-caregiver all full` over signed HTTP, Confirm
 * pressed, the job run to the end, against TeleTrack and CareAcademy played by the sandbox with
 * 50 ms of latency and a limit of 20 requests per second each (429 beyond), the app configured
 * at the same 20 rps. Every caregiver is new to CareAcademy; 2% have no email (they fail, with a
 * failures CSV).
 *
 * - Wall time of the job (Confirm → job finished) against the rate-limit floor: the requests the
 *   job had to make to the busiest vendor / 20 rps. Requests answered 429 are not counted: a
 *   client that overruns the limit would otherwise raise its own floor. Target <= 1.10.
 * - The preview (`/sync-caregiver all full` → the preview with Confirm), timed on its own: its
 *   look-ups are rate-limited too, and an admin waits for it before confirming.
 * - Peak memory of the whole process (RSS sampled every 50 ms from the command to the end of the
 *   job, and the kernel's maxRSS), target < 300 MB. The process holds more than the sync: the
 *   app's start-up (Prisma's WebAssembly schema engine, and PGlite in embedded mode), the
 *   in-process sandbox and Slack stand-in. maxRSS is the process's peak so far, so with several
 *   sizes in one process it covers the earlier ones too.
 * - Slack ack latency while the job runs: a signed `/carebridge help` every 200 ms, time to
 *   HTTP 200. Target p99 < 100 ms.
 *
 * CAREGIVER_SYNC_BENCH="300x3,5000x1" (the default) sets the sizes and runs; 5,000 caregivers
 * take about 14 minutes (about 4 for the preview's look-ups, 9 for the job). The app runs on
 * PGlite (embedded mode, a fresh DATA_DIR per run that the app opens itself, as `npm start` does), or on PostgreSQL when TEST_DATABASE_URL is set, on a test database.
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
  /** Peak RSS of the process: the highest of the samples and the kernel's maxRSS. */
  peakMb: number;
  /** The highest RSS sampled from the command to the end of the job. */
  sampledMb: number;
  /** RSS when Confirm is pressed: the app, PGlite and the sandbox before the job. */
  baseMb: number;
  rateLimited: number;
  loopP99: number;
  loopMax: number;
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

const rssMb = () => process.memoryUsage().rss / 1048576;

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
  // Embedded mode as a user runs it: a fresh DATA_DIR, opened by the app itself (the install-time
  // template copied in), rather than a test database loaded from a tarball in memory.
  const dataDir = embedded ? mkdtempSync(join(tmpdir(), "carebridge-bench-")) : undefined;
  const t = await startTestApp(
    {
      TELETRACK_BASE_URL: vendors.urls.teletrack,
      TELETRACK_API_KEY: "bench",
      TELETRACK_RPS: String(RPS),
      CAREACADEMY_BASE_URL: vendors.urls.careacademy,
      CAREACADEMY_API_KEY: "bench",
      CAREACADEMY_RPS: String(RPS),
      ...(dataDir === undefined ? {} : { DATA_DIR: dataDir }),
    },
    { ownDatabase: embedded },
  );
  let sampledMb = rssMb();
  const sampler = setInterval(() => (sampledMb = Math.max(sampledMb, rssMb())), RSS_EVERY_MS);
  try {
    const previewStarted = performance.now();
    await t.command("/sync-caregiver", "all full", ADMIN, { channel: "C0BENCH" });
    const preview = await t.waitFor(
      () => t.slack.visible("C0BENCH", ADMIN).find((m) => m.text.startsWith("Sync preview")),
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
    const baseMb = rssMb();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const acks: number[] = [];
    let pinging = true;
    const pinger = (async () => {
      while (pinging) {
        const sent = performance.now();
        const answer = await t.command("/carebridge", "help", ADMIN, { channel: "C0PING" });
        if (answer.status === 200) acks.push(performance.now() - sent);
        await new Promise((r) => setTimeout(r, PING_EVERY_MS));
      }
    })();

    const started = performance.now();
    await t.press(confirm.action_id, jobId, ADMIN, { channel: { id: "C0BENCH" } });
    let job = await t.runtime.db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    while (job.status !== "done" && job.status !== "failed") {
      await new Promise((r) => setTimeout(r, 100));
      job = await t.runtime.db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    }
    const seconds = (performance.now() - started) / 1000;
    pinging = false;
    await pinger;
    loop.disable();

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
    return {
      size,
      seconds,
      ratio: seconds / floor,
      requests,
      previewSeconds,
      previewRequests: before.careacademy,
      ackP99: percentile(acks, 99),
      acks: acks.length,
      peakMb: Math.max(sampledMb, process.resourceUsage().maxRSS / 1024),
      sampledMb,
      baseMb,
      rateLimited: limited.careacademy + limited.teletrack,
      loopP99: loop.percentile(99) / 1e6,
      loopMax: loop.max / 1e6,
      recorded: `job ${job.status}, ${job.processed} of ${job.total} items recorded, ${accounts} accounts for ${ready} ready caregivers`,
      complete:
        job.status === "done" &&
        job.processed === job.total &&
        accounts === ready &&
        vendors.state.careacademy.users.size === ready,
    };
  } finally {
    clearInterval(sampler);
    await t.close();
    await vendors.close();
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
    `caregiver-sync: ${label}: process peak RSS ${peak.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB) ${verdict(peak < TARGET_RSS_MB)}; ` +
      `highest sampled from the command to the end of the job ${Math.max(...results.map((r) => r.sampledMb)).toFixed(0)} MB`,
  );
  console.log(
    `caregiver-sync: ${label}: Slack ack p99 during the job ${ack.toFixed(1)} ms over ${first.acks} requests (target < ${TARGET_ACK_P99_MS} ms) ${verdict(ack < TARGET_ACK_P99_MS)}`,
  );
  console.log(
    `caregiver-sync: ${label}: (rss when the job starts ${median(results.map((r) => r.baseMb)).toFixed(0)} MB; 429 answers to the job ${Math.max(...results.map((r) => r.rateLimited))}, not counted in the floor; event-loop delay p99 ${median(results.map((r) => r.loopP99)).toFixed(1)} ms, max ${Math.max(...results.map((r) => r.loopMax)).toFixed(1)} ms)`,
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
// On PostgreSQL the app's database comes from the migrated template vitest's global setup makes;
// outside vitest, make it here.
if (!embedded) await makeTestTemplates();
console.log(
  `caregiver-sync: database: ${
    embedded
      ? "PGlite (embedded mode), in a fresh DATA_DIR per run, opened by the app as npm start does"
      : "PostgreSQL (TEST_DATABASE_URL)"
  }`,
);
for (const { size, runs } of plan) {
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i += 1) results.push(await run(size));
  report(results);
}
// The kept databases (PGlite's wasm, or PostgreSQL pools) would otherwise keep the process alive.
await destroyKeptDatabases();
process.exitCode = missed ? 1 : 0;
