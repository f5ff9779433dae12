import type { Config, Vendor } from "../config";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import { HttpClient, type HttpClientOptions } from "./http/core";
import { JsonApi } from "./http/json-api";
import type { Providers } from "./roles";
import type { Sandbox } from "./sandbox/server";
import { ScimCaregiverLms } from "./scim/caregiver-lms";
import { ScimLearnerLms } from "./scim/learner-lms";
import { readScimError, SCIM_MEDIA_TYPE } from "./scim/schema";
import { ScimUsers } from "./scim/users";
import { CacwtLearnerLms } from "./vendors/cacwt";
import { CareAcademyLms } from "./vendors/careacademy";
import { CaresmartzDirectory } from "./vendors/caresmartz";
import { MotivityCalmanacPair } from "./vendors/motivity-calmanac";
import { TeleTrackCaregiverSource } from "./vendors/teletrack";

export type * from "./roles";
export * from "./http/errors";
export { displayLabel, VENDOR_LABELS } from "./labels";
export { startSandbox, type Sandbox, type SandboxOptions } from "./sandbox/server";

export interface ProvidersOptions {
  logger: Logger;
  /** Plays every vendor whose base URL is not configured. */
  sandbox?: Sandbox;
  metrics?: Metrics;
  /** Items per page when listing (1..500). */
  pageSize?: number;
  /** Overrides for every vendor's HTTP client (tests: retries, backoff, breaker). */
  http?: Partial<Pick<HttpClientOptions, "maxRetries" | "retryBudgetMs" | "backoff" | "breaker" | "connectTimeoutMs" | "clock">>;
}

/** The vendors that will be called under this configuration. */
export function vendorsInUse(config: Config): Vendor[] {
  const lms = (choice: "vendor" | "scim", vendor: Vendor): Vendor => (choice === "scim" ? "scim" : vendor);
  const used: Vendor[] = ["teletrack", lms(config.caregiverLms, "careacademy"), "motivity", "calmanac", "caresmartz", lms(config.learnerLms, "cacwt")];
  return [...new Set(used)];
}

/** Whether some vendor in use has no base URL, so the sandbox must be started to play it. */
export function needsSandbox(config: Config): boolean {
  return vendorsInUse(config).some((v) => config.vendors[v].baseUrl === undefined);
}

/**
 * Builds the five roles from configuration: one HTTP client per vendor in use (shared by every
 * adapter of that vendor, so they share its rate limit and circuit breaker), pointed at the
 * vendor's base URL or, when it has none, at the sandbox.
 */
export function createProviders(config: Config, options: ProvidersOptions): Providers {
  const { logger, sandbox } = options;
  const pageSize = options.pageSize ?? 200;
  const sandboxVendors = new Set<Vendor>();
  const clients = new Map<Vendor, HttpClient>();

  const client = (vendor: Vendor): HttpClient => {
    const existing = clients.get(vendor);
    if (existing) return existing;
    const settings = config.vendors[vendor];
    const prefix = vendor.toUpperCase();
    let baseUrl = settings.baseUrl;
    let apiKey = settings.apiKey;
    if (baseUrl === undefined) {
      if (!sandbox) throw new Error(`${prefix}_BASE_URL is not set and no sandbox was started to play ${vendor}.`);
      baseUrl = sandbox.urls[vendor];
      apiKey = "sandbox";
      sandboxVendors.add(vendor);
    }
    if (apiKey === undefined) throw new Error(`${prefix}_API_KEY is required when ${prefix}_BASE_URL is set.`);
    const created = new HttpClient({
      vendor,
      baseUrl,
      apiKey,
      requestsPerSecond: settings.requestsPerSecond,
      timeoutMs: settings.timeoutMs,
      logger,
      ...(options.metrics ? { metrics: options.metrics } : {}),
      ...(vendor === "scim" ? { mediaType: SCIM_MEDIA_TYPE, readErrorBody: readScimError } : {}),
      ...options.http,
    });
    clients.set(vendor, created);
    return created;
  };
  const api = (vendor: Vendor) => new JsonApi(client(vendor), logger, pageSize);
  let scimUsers: ScimUsers | undefined;
  const scim = () => (scimUsers ??= new ScimUsers(client("scim"), api("scim"), pageSize));

  return {
    caregiverSource: new TeleTrackCaregiverSource(api("teletrack")),
    caregiverLms: config.caregiverLms === "scim" ? new ScimCaregiverLms("scim", scim()) : new CareAcademyLms(api("careacademy")),
    linkingPair: new MotivityCalmanacPair(api("motivity"), api("calmanac")),
    staffDirectory: new CaresmartzDirectory(api("caresmartz")),
    learnerLms: config.learnerLms === "scim" ? new ScimLearnerLms("scim", scim()) : new CacwtLearnerLms(api("cacwt")),
    sandboxVendors,
    close: async () => {
      await Promise.all([...clients.values()].map((c) => c.close()));
    },
  };
}
