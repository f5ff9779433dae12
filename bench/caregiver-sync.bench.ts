import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import type { Caregiver } from "../src/providers/roles";
import { startSandbox } from "../src/providers/sandbox/server";
import { ADMIN, startTestApp } from "../test/support/app";

/**
 * Bulk caregiver sync through the real app: `/sync-caregiver all full` over signed HTTP, Confirm
 * pressed, the job run to the end, against TeleTrack and CareAcademy played by the sandbox with
 * 50 ms of latency and a limit of 20 requests per second each (429 beyond), the app configured
 * at the same 20 rps. Every caregiver is new to CareAcademy; 2% have no email (they fail, with a
 * failures CSV).
 *
 * - Wall time of the job (Confirm → job finished) against the rate-limit floor: the requests the
 *   job actually sent to the busiest vendor / 20 rps. Target <= 1.10.
 * - Peak memory: the RSS the job adds (peak during the job − RSS when Confirm is pressed), target
 *   < 300 MB; the process's own peak is printed too. The process holds more than the sync: the
 *   app's start-up (Prisma's WebAssembly schema engine, and PGlite in embedded mode), the
 *   in-process sandbox and Slack stand-in.
 * - Slack ack latency while the job runs: a signed `/carebridge help` every 200 ms, time to
 *   HTTP 200. Target p99 < 100 ms.
 *
 * CAREGIVER_SYNC_BENCH="300x3,5000x1" (the default) sets the sizes and runs; 5,000 caregivers
 * take about 14 minutes (about 4 for the preview's look-ups, 9 for the job). The app runs on
 * PGlite (embedded mode), or on PostgreSQL when TEST_DATABASE_URL is set, as in the tests.
 */
const RPS = 20;
const LATENCY_MS = 50;
const PING_EVERY_MS = 200;
const TARGET_RATIO = 1.1;
const TARGET_RSS_MB = 300;
const TARGET_ACK_P99_MS = 100;

interface RunResult {
  size: number;
  seconds: number;
  ratio: number;
  requests: { teletrack: number; careacademy: number };
  ackP99: number;
  acks: number;
  rssMb: number;
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
  const t = await startTestApp({
    TELETRACK_BASE_URL: vendors.urls.teletrack,
    TELETRACK_API_KEY: "bench",
    TELETRACK_RPS: String(RPS),
    CAREACADEMY_BASE_URL: vendors.urls.careacademy,
    CAREACADEMY_API_KEY: "bench",
    CAREACADEMY_RPS: String(RPS),
  });
  try {
    await t.command("/sync-caregiver", "all full", ADMIN, { channel: "C0BENCH" });
    const preview = await t.waitFor(
      () => t.slack.visible("C0BENCH", ADMIN).find((m) => m.text.startsWith("Sync preview")),
      size * 1000,
    );
    const confirm = (preview.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === "caregiver.sync-all.confirm");
    if (!confirm) throw new Error("no Confirm button in the preview");
    const jobId = confirm.value;

    const before = { ...vendors.stats.requests };
    const limitedBefore = vendors.stats.rateLimited.careacademy + vendors.stats.rateLimited.teletrack;
    const baseMb = process.memoryUsage().rss / 1048576;
    let peakMb = baseMb;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const acks: number[] = [];
    let pinging = true;
    const pinger = (async () => {
      while (pinging) {
        const sent = performance.now();
        const answer = await t.command("/carebridge", "help", ADMIN, { channel: "C0PING" });
        if (answer.status === 200) acks.push(performance.now() - sent);
        peakMb = Math.max(peakMb, process.memoryUsage().rss / 1048576);
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
    const floor = Math.max(requests.teletrack, requests.careacademy) / RPS;
    const ready = [...vendors.state.teletrack.caregivers.values()].filter((c) => c.email !== null).length;
    const accounts = new Set([...vendors.state.careacademy.users.values()].map((u) => u.externalId)).size;
    return {
      size,
      seconds,
      ratio: seconds / floor,
      requests,
      ackP99: percentile(acks, 99),
      acks: acks.length,
      rssMb: peakMb,
      baseMb,
      rateLimited: vendors.stats.rateLimited.careacademy + vendors.stats.rateLimited.teletrack - limitedBefore,
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
    await t.close();
    await vendors.close();
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
  const rss = Math.max(...results.map((r) => r.rssMb - r.baseMb));
  const peak = Math.max(...results.map((r) => r.rssMb));
  const complete = results.every((r) => r.complete);
  missed ||= ratio > TARGET_RATIO || ack >= TARGET_ACK_P99_MS || rss >= TARGET_RSS_MB || !complete;
  console.log(
    `caregiver-sync: ${label}: job ${median(results.map((r) => r.seconds)).toFixed(1)} s for ${first.requests.careacademy.toLocaleString("en-US")} CareAcademy + ${first.requests.teletrack.toLocaleString("en-US")} TeleTrack requests; ` +
      `wall / rate-limit floor ${ratio.toFixed(3)} (target <= ${TARGET_RATIO}) ${verdict(ratio <= TARGET_RATIO)}`,
  );
  console.log(
    `caregiver-sync: ${label}: memory added by the job ${rss.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB) ${verdict(rss < TARGET_RSS_MB)}; process peak RSS ${peak.toFixed(0)} MB`,
  );
  console.log(
    `caregiver-sync: ${label}: Slack ack p99 during the job ${ack.toFixed(1)} ms over ${first.acks} requests (target < ${TARGET_ACK_P99_MS} ms) ${verdict(ack < TARGET_ACK_P99_MS)}`,
  );
  console.log(
    `caregiver-sync: ${label}: (rss when the job starts ${median(results.map((r) => r.baseMb)).toFixed(0)} MB; 429 answers ${Math.max(...results.map((r) => r.rateLimited))}; event-loop delay p99 ${median(results.map((r) => r.loopP99)).toFixed(1)} ms, max ${Math.max(...results.map((r) => r.loopMax)).toFixed(1)} ms)`,
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
for (const { size, runs } of plan) {
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i += 1) results.push(await run(size));
  report(results);
}
process.exitCode = missed ? 1 : 0;
