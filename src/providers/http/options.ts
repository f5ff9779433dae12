import type http from "node:http";
import type { Vendor } from "../../config";
import type { Logger } from "../../logger";
import type { Metrics } from "../../metrics";
import type { CircuitBreakerOptions } from "./circuit-breaker";
import { systemClock, type Clock } from "./clock";
import { DEFAULT_BACKOFF, type BackoffOptions } from "./retry";
import { readContractError, type ErrorBodyReader } from "./vendor-errors";

/** What a vendor's HTTP client and each of its requests can be told, and the defaults. */

export interface HttpClientOptions {
  vendor: Vendor;
  baseUrl: string;
  apiKey: string;
  requestsPerSecond: number;
  /** Total time for one attempt, from send to the last byte of the answer. */
  timeoutMs: number;
  /** Time to establish the connection; defaults to the smaller of 5 s and `timeoutMs`. */
  connectTimeoutMs?: number;
  maxRetries?: number;
  /** No retry starts once this much time has passed since the first attempt. */
  retryBudgetMs?: number;
  backoff?: BackoffOptions;
  breaker?: CircuitBreakerOptions;
  /** Content type sent and accepted for JSON bodies (SCIM uses application/scim+json). */
  mediaType?: string;
  readErrorBody?: ErrorBodyReader;
  logger: Logger;
  /** Counts requests by status and 429s, and reports the circuit's state. */
  metrics?: Metrics;
  clock?: Clock;
  random?: () => number;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface HttpRequest {
  method: HttpMethod;
  /** Relative to the base URL, e.g. `/v1/caregivers/cg-1`; callers encode path segments. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  text?: { body: string; contentType: string };
  headers?: Record<string, string>;
  /**
   * Safe to send twice. Defaults to true for every method but POST (every PATCH and PUT here sets
   * fields or replaces a link). A request that is not idempotent is retried only when no byte of
   * it was written (no connection) or the vendor refused it unprocessed (429); after a timeout,
   * reset or 5xx once written, on a fresh or a kept-alive connection, its outcome is unknown, and
   * the caller (which looks records up by natural key before creating) decides.
   */
  idempotent?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export type ResolvedOptions = Required<Omit<HttpClientOptions, "metrics">>;

/** Four retries within a minute; five failed attempts in a row stop calls for 30 s. */
const DEFAULT_MAX_RETRIES = 4;
const DEFAULT_RETRY_BUDGET_MS = 60_000;
const DEFAULT_BREAKER: CircuitBreakerOptions = { failureThreshold: 5, cooldownMs: 30_000 };

export function resolveOptions(options: HttpClientOptions): ResolvedOptions {
  return {
    ...options,
    connectTimeoutMs: options.connectTimeoutMs ?? Math.min(5_000, options.timeoutMs),
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    retryBudgetMs: options.retryBudgetMs ?? DEFAULT_RETRY_BUDGET_MS,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    breaker: options.breaker ?? DEFAULT_BREAKER,
    mediaType: options.mediaType ?? "application/json",
    readErrorBody: options.readErrorBody ?? readContractError,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
  };
}
