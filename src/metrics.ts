import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import type { Vendor } from "./config";
import type { Logger } from "./logger";
import type { CircuitState } from "./providers/http/circuit-breaker";

/** One row per job kind and status, read from the database at each scrape. */
export interface JobCounts {
  kind: string;
  status: string;
  jobs: number;
  /** Items finished, failed ones included. */
  processed: number;
  failed: number;
}

const CIRCUIT_VALUE: Record<CircuitState, number> = { closed: 0, "half-open": 1, open: 2 };

/**
 * What operators alert on, in Prometheus' text format. One registry per app runtime (tests run
 * many in one process; the global registry would refuse a second metric of the same name).
 * Labels are vendor names, job kinds and states, HTTP statuses and Slack method names and error
 * codes only: never a person, a workspace or an id.
 *
 * Jobs and items are gauges read from the database, so every instance reports the whole fleet's
 * numbers (aggregate them with max, not sum); requests and errors are counters of this process.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly vendorRequests: Counter<"vendor" | "status">;
  private readonly rateLimited: Counter<"vendor">;
  private readonly slackErrors: Counter<"method" | "error">;
  private readonly circuits = new Map<Vendor, () => CircuitState>();

  constructor(options: { jobCounts?: () => Promise<JobCounts[]>; logger: Logger }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.vendorRequests = new Counter({
      name: "carebridge_vendor_requests_total",
      help: "Vendor HTTP attempts by answer: the HTTP status, or network / timeout when none came.",
      labelNames: ["vendor", "status"],
      registers,
    });
    this.rateLimited = new Counter({
      name: "carebridge_vendor_rate_limited_total",
      help: "Vendor answers 429 (rate limited).",
      labelNames: ["vendor"],
      registers,
    });
    this.slackErrors = new Counter({
      name: "carebridge_slack_api_errors_total",
      help: "Slack Web API calls that failed, by method and Slack's error code (http_<status>, network).",
      labelNames: ["method", "error"],
      registers,
    });
    const circuits = this.circuits;
    new Gauge({
      name: "carebridge_vendor_circuit_state",
      help: "Circuit breaker per vendor: 0 closed, 1 half-open (one trial call), 2 open (calls fail fast).",
      labelNames: ["vendor"],
      registers,
      collect() {
        for (const [vendor, state] of circuits) this.set({ vendor }, CIRCUIT_VALUE[state()]);
      },
    });
    const { jobCounts, logger } = options;
    if (!jobCounts) return;
    // One query serves both gauges; a scrape reads it once.
    let counts: Promise<JobCounts[]> | undefined;
    const read = () =>
      (counts ??= jobCounts()
        .catch((error: unknown) => {
          logger.warn({ err: error }, "metrics: reading job counts failed");
          return [];
        })
        .finally(() => setImmediate(() => (counts = undefined))));
    new Gauge({
      name: "carebridge_jobs",
      help: "Jobs by kind and state (preview, queued, running, done, failed, ...), all instances.",
      labelNames: ["kind", "state"],
      registers,
      async collect() {
        this.reset();
        for (const row of await read()) this.set({ kind: row.kind, state: row.status }, row.jobs);
      },
    });
    new Gauge({
      name: "carebridge_job_items",
      help: "Job items finished by kind and result (done, failed), all instances.",
      labelNames: ["kind", "result"],
      registers,
      async collect() {
        this.reset();
        for (const row of await read()) {
          this.inc({ kind: row.kind, result: "done" }, row.processed - row.failed);
          this.inc({ kind: row.kind, result: "failed" }, row.failed);
        }
      },
    });
  }

  vendorAnswered(vendor: Vendor, status: number): void {
    this.vendorRequests.inc({ vendor, status: String(status) });
    if (status === 429) this.rateLimited.inc({ vendor });
  }

  vendorUnanswered(vendor: Vendor, reason: "network" | "timeout"): void {
    this.vendorRequests.inc({ vendor, status: reason });
  }

  watchCircuit(vendor: Vendor, state: () => CircuitState): void {
    this.circuits.set(vendor, state);
  }

  /**
   * The Web API client's fetch, counting failed calls by method. Bolt hands its clientOptions to
   * every WebClient it makes, so this one place sees every Slack call. Looks up globalThis.fetch
   * per call, so a test's interceptor installed later still applies.
   */
  slackFetch(apiUrl: string): typeof fetch {
    return async (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      const method = url.startsWith(apiUrl) ? url.slice(apiUrl.length).split(/[?/]/)[0]! : "file_upload";
      let response: Response;
      try {
        response = await globalThis.fetch(input, init);
      } catch (error) {
        this.slackErrors.inc({ method, error: "network" });
        throw error;
      }
      if (!response.ok) {
        this.slackErrors.inc({ method, error: `http_${response.status}` });
      } else if (response.headers.get("content-type")?.includes("json")) {
        const body = (await response
          .clone()
          .json()
          .catch(() => undefined)) as { ok?: boolean; error?: unknown };
        if (body?.ok === false) this.slackErrors.inc({ method, error: slackErrorCode(body.error) });
      }
      return response;
    };
  }

  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** Slack's error codes are snake_case words; anything else is not a label we pass on. */
function slackErrorCode(error: unknown): string {
  return typeof error === "string" && /^[a-z0-9_]{1,64}$/.test(error) ? error : "unknown";
}
