import type { Vendor } from "../../config";
import type { Logger } from "../../logger";
import { HttpClient } from "../../providers/http/core";
import type { HttpRequest } from "../../providers/http/options";
import { ProviderError } from "../../providers/http/errors";
import { readScimError, SCIM_MEDIA_TYPE } from "../../providers/scim/schema";

/** The cheapest read of each contract in providers.md: one that any valid key may make. */
const CHEAP_READ: Record<Vendor, HttpRequest> = {
  teletrack: { method: "GET", path: "/v1/caregivers", query: { limit: 1 } },
  careacademy: { method: "GET", path: "/v1/users", query: { externalId: "carebridge-key-check" } },
  motivity: { method: "GET", path: "/v1/roles" },
  calmanac: { method: "GET", path: "/v1/staff", query: { limit: 1 } },
  caresmartz: { method: "GET", path: "/v1/offices" },
  cacwt: { method: "GET", path: "/v1/learners", query: { limit: 1 } },
  scim: { method: "GET", path: "/Users", query: { count: 1 } },
};

export type ProbeResult = { ok: true } | { ok: false; answer: string };

/** Calls the vendor once with the key as given, no retries: the admin waits on the modal. */
export type Probe = (vendor: Vendor, baseUrl: string, apiKey: string) => Promise<ProbeResult>;

export function createProbe(logger: Logger, timeoutMs: number): Probe {
  return async (vendor, baseUrl, apiKey) => {
    const client = new HttpClient({
      vendor,
      baseUrl,
      apiKey,
      requestsPerSecond: 1,
      timeoutMs,
      maxRetries: 0,
      logger,
      ...(vendor === "scim" ? { mediaType: SCIM_MEDIA_TYPE, readErrorBody: readScimError } : {}),
    });
    try {
      await client.request(CHEAP_READ[vendor]);
      return { ok: true };
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      const said = [error.status === undefined ? undefined : `HTTP ${error.status}`, error.code, error.detail]
        .filter(Boolean)
        .join(" · ");
      return { ok: false, answer: said ? `${error.message} The vendor said: ${said}` : error.message };
    } finally {
      await client.close();
    }
  };
}
