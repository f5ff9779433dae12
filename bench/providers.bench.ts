import { performance } from "node:perf_hooks";
import { loadConfig, VENDORS, type Config } from "../src/config";
import { silentLogger } from "../src/logger";
import { ConflictError } from "../src/providers/http/errors";
import { createProviders } from "../src/providers/index";
import type { CaregiverLms, NewLmsUser } from "../src/providers/roles";
import { startSandbox } from "../src/providers/sandbox/server";

/**
 * Bulk upsert through the CareAcademy adapter against the sandbox over real HTTP, with 50 ms of
 * latency per answer and the sandbox refusing more than 20 requests per second (429). The
 * adapter is configured at the same 20 rps, with enough concurrency that its rate limiter, not
 * the latency, sets the pace. Upsert = create; on 409 email_taken, update the existing user
 * (one request per new person, two per existing one; a tenth of the people exist already).
 */
const RPS = 20;
const LATENCY_MS = 50;
const CONCURRENCY = 8;
const EXISTING_SHARE = 0.1;
const TARGET_SHARE = 0.95;

interface RunResult {
  people: number;
  requests: number;
  rateLimited: number;
  seconds: number;
  /** Answered requests per second, as a share of the configured rate. */
  share: number;
}

function person(i: number, run: number): NewLmsUser {
  return {
    externalId: `bench-${run}-${i}`,
    firstName: `First${i}`,
    lastName: `Last${i}`,
    email: `person${i}.run${run}@bench.example`,
    mobilePhone: "+1 503 555 0100",
    birthDate: null,
    state: "OR",
  };
}

async function upsert(lms: CaregiverLms, user: NewLmsUser): Promise<void> {
  try {
    await lms.create(user);
  } catch (error) {
    if (!(error instanceof ConflictError) || error.existingId === undefined) throw error;
    await lms.update(error.existingId, {
      firstName: user.firstName,
      lastName: user.lastName,
      mobilePhone: user.mobilePhone,
    });
  }
}

async function run(people: number, runIndex: number): Promise<RunResult> {
  const sandbox = await startSandbox({ seed: "empty", latencyMs: LATENCY_MS, rateLimit: { requestsPerSecond: RPS } });
  const base = loadConfig({});
  const config: Config = {
    ...base,
    caregiverLms: "vendor",
    vendors: Object.fromEntries(
      VENDORS.map((v) => [v, { ...base.vendors[v], baseUrl: undefined, requestsPerSecond: RPS }]),
    ) as Config["vendors"],
  };
  const providers = createProviders(config, { logger: silentLogger, sandbox });
  const everyone = Array.from({ length: people }, (_, i) => person(i, runIndex));
  everyone.forEach((p, i) => {
    if (i % Math.round(1 / EXISTING_SHARE) === 0) {
      const id = `existing-${i}`;
      sandbox.state.careacademy.users.set(id, {
        ...p,
        id,
        mobilePhone: null,
        birthDate: null,
        status: "active",
        trainingDueDate: null,
      });
    }
  });

  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < everyone.length) {
        const user = everyone[next++];
        if (user) await upsert(providers.caregiverLms, user);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const requests = sandbox.stats.requests.careacademy;
  const rateLimited = sandbox.stats.rateLimited.careacademy;
  await providers.close();
  await sandbox.close();
  // A refused (429) request does no work: only the answered ones count towards the achieved rate.
  return { people, requests, rateLimited, seconds, share: (requests - rateLimited) / seconds / RPS };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const verdict = (ok: boolean) => (ok ? "OK" : "MISSED");
let missed = false;

function report(label: string, results: RunResult[]): void {
  const share = median(results.map((r) => r.share));
  const limited = Math.max(...results.map((r) => r.rateLimited));
  const first = results[0];
  if (!first) return;
  const rps = share * RPS;
  const shareOk = share >= TARGET_SHARE;
  const limitedOk = limited === 0;
  missed ||= !shareOk || !limitedOk;
  console.log(
    `providers: ${label}: upsert ${first.people.toLocaleString("en-US")} people = ${first.requests.toLocaleString("en-US")} requests in ${median(results.map((r) => r.seconds)).toFixed(1)} s; ` +
      `achieved ${rps.toFixed(2)} rps = ${pct(share)} of the configured ${RPS} rps (target >= ${pct(TARGET_SHARE)}) ${verdict(shareOk)}`,
  );
  console.log(`providers: ${label}: 429 responses: ${limited} (target 0) ${verdict(limitedOk)}`);
}

const small: RunResult[] = [];
for (let i = 0; i < 3; i += 1) small.push(await run(300, i));
report("median of 3 runs", small);
report("one run (5,000 people take over 4 minutes at 20 rps)", [await run(5_000, 99)]);
process.exitCode = missed ? 1 : 0;
