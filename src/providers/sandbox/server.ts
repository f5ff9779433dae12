import http from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { DEFAULT_BIRTH_DATE_STATES, VENDORS, type Vendor } from "../../config";
import { silentLogger, type Logger } from "../../logger";
import { SCIM_MEDIA_TYPE } from "../scim/schema";
import { adminAnswer, Gate, stateReplacer } from "./admin";
import { TokenBucket } from "./rate-limit";
import { vendorRoutes } from "./routes";
import { HttpFailure, match, type SandboxResponse } from "./router";
import { seedDemo } from "./seed";
import { emptyState, type SandboxState } from "./state";

export interface SandboxOptions {
  /** Added before every answer, like a vendor across the internet. */
  latencyMs?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The interface to listen on: 127.0.0.1 (default), or 0.0.0.0 for other machines (staging). */
  host?: string;
  seed?: "demo" | "empty";
  logger?: Logger;
  /** States whose caregivers CareAcademy refuses without a birth date; defaults to the config default. */
  birthDateRequiredStates?: readonly string[];
  /** Each vendor refuses requests beyond this rate with 429 and Retry-After. */
  rateLimit?: { requestsPerSecond: number; burst?: number };
}

export interface SandboxStats {
  requests: Record<Vendor, number>;
  rateLimited: Record<Vendor, number>;
}

/**
 * server_error: a 500. reset: the connection dropped before the request is handled.
 * applied-then-reset: the next create (POST) is applied, then its connection dropped unanswered.
 */
export type InjectedFault = "server_error" | "reset" | "applied-then-reset";

/** In-process HTTP servers speaking every vendor contract, on 127.0.0.1, one path prefix per vendor. */
export interface Sandbox {
  urls: Record<Vendor, string>;
  state: SandboxState;
  stats: SandboxStats;
  /** The vendor's next `count` requests fail: a 500 answer, or a connection dropped without one. */
  failNext(vendor: Vendor, count: number, fault: InjectedFault): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;
const perVendor = <T>(value: () => T) => Object.fromEntries(VENDORS.map((v) => [v, value()])) as Record<Vendor, T>;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const logger = options.logger ?? silentLogger;
  const latencyMs = options.latencyMs ?? 0;
  const state = emptyState();
  if ((options.seed ?? "demo") === "demo") seedDemo(state);
  const routes = vendorRoutes(state, options.birthDateRequiredStates ?? DEFAULT_BIRTH_DATE_STATES.split(","));
  const stats: SandboxStats = { requests: perVendor(() => 0), rateLimited: perVendor(() => 0) };
  const faults = perVendor<InjectedFault[]>(() => []);
  const limit = options.rateLimit;
  const buckets = limit && perVendor(() => new TokenBucket(limit.requestsPerSecond, limit.burst ?? 2, Date.now()));
  const gate = new Gate();
  const host = options.host ?? "127.0.0.1";
  let origin = "";

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", origin);
    const admin = adminAnswer(req, url.pathname, url.searchParams, { state, stats, gate });
    if (admin) {
      res
        .writeHead(admin.status, { "content-type": "application/json" })
        .end(JSON.stringify(admin.body, stateReplacer));
      return;
    }
    const [, prefix = "", ...rest] = url.pathname.split("/");
    const vendor = VENDORS.find((v) => v === prefix);
    if (!vendor) return write(res, { status: 404, body: { error: { code: "not_found", message: "No such vendor." } } }, "application/json");
    stats.requests[vendor] += 1;
    await gate.pass();
    const mediaType = vendor === "scim" ? SCIM_MEDIA_TYPE : "application/json";

    const waitMs = buckets?.[vendor].take(Date.now()) ?? 0;
    const waitsForCreate = faults[vendor][0] === "applied-then-reset" && req.method !== "POST";
    const fault = waitMs > 0 || waitsForCreate ? undefined : faults[vendor].shift();
    if (fault === "reset") {
      req.socket.destroy();
      return;
    }
    let response: SandboxResponse;
    if (waitMs > 0) {
      stats.rateLimited[vendor] += 1;
      response = render(vendor, new HttpFailure(429, "rate_limited", "Too many requests."));
      response.headers = { "retry-after": String(Math.max(1, Math.ceil(waitMs / 1000))) };
    } else if (fault === "server_error") {
      response = render(vendor, new HttpFailure(500, "internal_error", "Something went wrong (injected)."));
    } else {
      response = await respond(vendor, req, url, `/${rest.join("/")}`);
      if (fault === "applied-then-reset") {
        req.socket.destroy();
        return;
      }
    }
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    write(res, response, mediaType);
  };

  const respond = async (vendor: Vendor, req: http.IncomingMessage, url: URL, path: string): Promise<SandboxResponse> => {
    try {
      const found = match(routes[vendor], req.method ?? "GET", path);
      if (!found) throw new HttpFailure(404, "not_found", `No route for ${req.method} ${path}.`);
      if (!found.route.public && !/^Bearer \S+/.test(req.headers.authorization ?? "")) {
        throw new HttpFailure(401, "unauthorized", "A bearer API key is required.");
      }
      const body = await readBody(req);
      return await found.route.handler({
        method: req.method ?? "GET",
        path,
        query: url.searchParams,
        body,
        headers: req.headers,
        baseUrl: `${origin}/${vendor}`,
        params: found.params,
      });
    } catch (error) {
      if (error instanceof HttpFailure) return render(vendor, error);
      logger.error({ vendor, err: error }, "sandbox handler failed");
      return render(vendor, new HttpFailure(500, "internal_error", "The sandbox failed."));
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "sandbox request failed");
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  // Listening on every interface, the links it hands out name this machine.
  const reachableAs = host === "0.0.0.0" || host === "::" ? hostname() : host.includes(":") ? `[${host}]` : host;
  origin = `http://${reachableAs}:${(server.address() as AddressInfo).port}`;
  logger.info({ origin }, "sandbox vendors listening");

  return {
    urls: Object.fromEntries(VENDORS.map((v) => [v, `${origin}/${v}`])) as Record<Vendor, string>,
    state,
    stats,
    failNext: (vendor, count, fault) => faults[vendor].push(...Array.from({ length: count }, () => fault)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        gate.resume();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The scimType keywords of RFC 7644 §3.12; other failures carry only status and detail. */
const SCIM_TYPES = new Set([
  "invalidFilter",
  "tooMany",
  "uniqueness",
  "mutability",
  "invalidSyntax",
  "invalidPath",
  "noTarget",
  "invalidValue",
  "invalidVers",
  "sensitive",
]);

/** The vendor family's error body: SCIM's (RFC 7644 §3.12) or the common contract's. */
function render(vendor: Vendor, failure: HttpFailure): SandboxResponse {
  if (vendor === "scim") {
    const scimType = SCIM_TYPES.has(failure.code);
    return {
      status: failure.status,
      body: {
        schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
        status: String(failure.status),
        ...(scimType ? { scimType: failure.code } : {}),
        detail: failure.message,
      },
    };
  }
  return {
    status: failure.status,
    body: { error: { code: failure.code, message: failure.message, ...failure.extra } },
  };
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpFailure(413, "body_too_large", "The body is too large.");
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString("utf8");
  if (!(req.headers["content-type"] ?? "").includes("json")) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpFailure(400, "invalid_json", "The body is not valid JSON.");
  }
}

function write(res: http.ServerResponse, response: SandboxResponse, mediaType: string): void {
  const headers: Record<string, string> = { ...response.headers };
  if (response.body === undefined || response.status === 204) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const contentType = response.contentType ?? mediaType;
  const payload =
    typeof response.body === "string" && !contentType.includes("json") ? response.body : JSON.stringify(response.body);
  res.writeHead(response.status, { ...headers, "content-type": contentType }).end(payload);
}
