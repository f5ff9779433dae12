import type http from "node:http";
import type { Vendor } from "../../config";
import { redactText } from "../../logger";
import type { Metrics } from "../../metrics";
import { VENDOR_LABELS } from "../labels";
import { CircuitBreaker } from "./circuit-breaker";
import { ProviderError, UnavailableError } from "./errors";
import {
  resolveOptions,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type ResolvedOptions,
} from "./options";
import { RateLimiter } from "./rate-limiter";
import { fullJitterDelay, parseRetryAfter } from "./retry";
import { createAgent, send, TransportError } from "./transport";
import { refusalError } from "./vendor-errors";

export type { HttpClientOptions, HttpMethod, HttpRequest, HttpResponse } from "./options";

type AttemptResult =
  | { kind: "answered"; response: HttpResponse }
  | { kind: "failed"; error: UnavailableError; retryable: boolean; waitMs: number };

/**
 * The one way carebridge talks HTTP to a vendor: bearer auth, timeouts, retries with full-jitter
 * backoff that honor Retry-After, a rate limiter and a circuit breaker per vendor, vendor errors
 * mapped to typed errors, and redacted logs. One client per vendor per process: every adapter of
 * that vendor shares it, so they share its rate and its circuit.
 */
export class HttpClient {
  readonly vendor: Vendor;
  private readonly options: ResolvedOptions;
  private readonly limiter: RateLimiter;
  private readonly breaker: CircuitBreaker;
  private readonly agent: http.Agent;
  private readonly base: URL;
  private readonly metrics: Metrics | undefined;

  constructor(options: HttpClientOptions) {
    this.vendor = options.vendor;
    this.options = resolveOptions(options);
    const { clock, logger } = this.options;
    this.base = new URL(options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`);
    this.limiter = new RateLimiter(options.requestsPerSecond, clock);
    this.breaker = new CircuitBreaker(this.options.breaker, clock, () =>
      logger.warn({ vendor: this.vendor }, "vendor circuit opened: calls fail fast until the cooldown ends"),
    );
    this.agent = createAgent(this.base);
    this.metrics = options.metrics;
    this.metrics?.watchCircuit(this.vendor, () => this.breaker.state);
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    const { clock, maxRetries, retryBudgetMs, logger } = this.options;
    const startedAt = clock.now();
    // Built before the circuit is asked: a request that cannot be addressed must not claim (and
    // never return) a half-open circuit's single trial.
    const url = this.url(request);
    for (let attempt = 0; ; attempt += 1) {
      if (this.breaker.state === "open") throw this.circuitOpen();
      await this.limiter.acquire();
      if (!this.breaker.tryPass()) throw this.circuitOpen();

      const result = await this.attempt(request, url, attempt);
      if (result.kind === "answered") return result.response;

      const { error, retryable, waitMs } = result;
      const totalWait = Math.max(waitMs, this.limiter.pausedForMs());
      const outOfBudget = clock.now() + totalWait - startedAt > retryBudgetMs;
      if (!retryable || attempt >= maxRetries || outOfBudget) throw error;
      logger.warn(
        {
          vendor: this.vendor,
          method: request.method,
          path: redactText(decodeForLog(request.path)),
          attempt,
          reason: error.reason,
          waitMs: totalWait,
        },
        "vendor call failed; retrying",
      );
      if (waitMs > 0) await clock.sleep(waitMs);
    }
  }

  async close(): Promise<void> {
    this.agent.destroy();
  }

  private async attempt(request: HttpRequest, url: URL, attempt: number): Promise<AttemptResult> {
    const { clock, logger, backoff, random } = this.options;
    const idempotent = request.idempotent ?? request.method !== "POST";
    const logUrl = redactText(decodeForLog(`${url.pathname}${url.search}`));
    const sentAt = clock.now();
    const jitter = () => fullJitterDelay(attempt, backoff, random);

    let raw;
    try {
      raw = await send({
        url,
        method: request.method,
        headers: this.headers(request),
        body: request.text?.body ?? (request.json === undefined ? undefined : JSON.stringify(request.json)),
        connectTimeoutMs: this.options.connectTimeoutMs,
        timeoutMs: this.options.timeoutMs,
        agent: this.agent,
      });
    } catch (cause) {
      // Even a bug must return a half-open circuit's trial, or the circuit would never close.
      this.breaker.recordFailure();
      if (!(cause instanceof TransportError)) throw cause;
      this.metrics?.vendorUnanswered(this.vendor, cause.kind === "network" ? "network" : "timeout");
      logger.debug(
        { vendor: this.vendor, method: request.method, url: logUrl, attempt, error: cause.message },
        "vendor call failed",
      );
      const error = new UnavailableError({
        vendor: this.vendor,
        reason: cause.kind === "network" ? "network" : "timeout",
        mayHaveApplied: request.method !== "GET" && cause.reachedServer,
        detail: cause.message,
        cause,
      });
      return { kind: "failed", error, retryable: idempotent || !cause.reachedServer, waitMs: jitter() };
    }

    const { status, headers } = raw;
    this.metrics?.vendorAnswered(this.vendor, status);
    logger.debug(
      { vendor: this.vendor, method: request.method, url: logUrl, attempt, status, ms: clock.now() - sentAt },
      "vendor call",
    );
    const retryAfterMs = parseRetryAfter(headers["retry-after"], clock.now());

    if (status === 429) {
      this.breaker.recordSuccess();
      // The whole vendor waits, not only this request: the limiter holds every caller. Without a
      // Retry-After, at least the base backoff: a jittered wait near 0 would hit the limit again.
      this.limiter.pause(retryAfterMs ?? Math.max(backoff.baseMs, jitter()));
      const error = new UnavailableError({ vendor: this.vendor, reason: "rate_limited", status, retryAfterMs });
      return { kind: "failed", error, retryable: true, waitMs: 0 };
    }
    if (status >= 500) {
      this.breaker.recordFailure();
      if (retryAfterMs !== undefined) this.limiter.pause(retryAfterMs);
      const vendorMessage = this.options.readErrorBody(
        this.parseBody(raw.body, headers["content-type"], status),
      ).message;
      const error = new UnavailableError({
        vendor: this.vendor,
        reason: "server_error",
        status,
        mayHaveApplied: request.method !== "GET",
        retryAfterMs,
        detail: vendorMessage === undefined ? undefined : redactText(vendorMessage),
      });
      return { kind: "failed", error, retryable: idempotent, waitMs: retryAfterMs === undefined ? jitter() : 0 };
    }
    this.breaker.recordSuccess();
    const body = this.parseBody(raw.body, headers["content-type"], status);
    if (status >= 400) throw refusalError(this.vendor, status, this.options.readErrorBody(body));
    return { kind: "answered", response: { status, headers, body } };
  }

  private url(request: HttpRequest): URL {
    const url = new URL(request.path.replace(/^\//, ""), this.base);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.append(key, String(value));
    }
    return url;
  }

  private headers(request: HttpRequest): Record<string, string> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.apiKey}`,
      accept: this.options.mediaType,
      "user-agent": "carebridge",
      ...request.headers,
    };
    if (request.text) headers["content-type"] = request.text.contentType;
    else if (request.json !== undefined) headers["content-type"] = this.options.mediaType;
    return headers;
  }

  private parseBody(body: Buffer, contentType: string | undefined, status: number): unknown {
    if (body.length === 0) return undefined;
    const text = body.toString("utf8");
    if (!contentType?.includes("json")) return text;
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      if (status >= 400) return text;
      throw new ProviderError(`${VENDOR_LABELS[this.vendor]} answered with malformed JSON.`, {
        vendor: this.vendor,
        status,
        code: "unexpected_response",
        cause,
      });
    }
  }

  private circuitOpen(): UnavailableError {
    return new UnavailableError({
      vendor: this.vendor,
      reason: "circuit_open",
      retryAfterMs: this.breaker.retryInMs(),
    });
  }
}

/** Percent-encoded emails (%40) would slip past redaction, so logs redact the decoded text. */
function decodeForLog(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
