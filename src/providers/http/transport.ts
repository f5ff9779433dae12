import http from "node:http";
import https from "node:https";
import type net from "node:net";

/**
 * One HTTP exchange over node:http, with the two timeouts the vendors need: connect (the TCP/TLS
 * handshake; fail fast when a host is unreachable) and total (from send to the last body byte).
 * node:http rather than fetch because Node 20's fetch cannot set a connect timeout without the
 * undici package; nock intercepts both the same way.
 */
export interface TransportRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  connectTimeoutMs: number;
  timeoutMs: number;
  agent: http.Agent;
}

export interface TransportResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * The exchange failed without an HTTP answer. `reachedServer` is false only when no byte of the
 * request was written to a connected socket (refused, unresolvable, the connect timed out),
 * which makes even a create safe to send again. Anything else may have reached the vendor and
 * been applied: a reset or a timeout once the request was written, on a fresh socket or on a
 * kept-alive one (the vendor may read and apply the request, then drop the connection unanswered).
 */
export class TransportError extends Error {
  constructor(
    readonly kind: "connect_timeout" | "timeout" | "network",
    readonly reachedServer: boolean,
    readonly code: string | undefined,
    cause?: unknown,
  ) {
    super(`HTTP ${kind}${code ? ` (${code})` : ""}`, cause === undefined ? undefined : { cause });
    this.name = "TransportError";
  }
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Errors that only happen before a connection exists. */
const NOT_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
]);

export function createAgent(url: URL): http.Agent {
  const options = { keepAlive: true, maxSockets: 32 };
  return url.protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
}

export function send(request: TransportRequest): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const lib = request.url.protocol === "https:" ? https : http;
    let connected = false;
    let settled = false;
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const finish = (error: TransportError | undefined, response?: TransportResponse) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      if (error) reject(error);
      else if (response) resolve(response);
    };

    const req = lib.request(request.url, { method: request.method, headers: request.headers, agent: request.agent });
    // A request provably unwritten may be sent again, even a create: its socket was never connected
    // (the codes below, a connect timeout), or it was connected and took none of this request's
    // bytes. Anything else may have reached the vendor and been applied, a kept-alive socket's
    // reset included: the vendor may read a request, apply it and drop the connection unanswered.
    // A kept-alive socket carries earlier requests' bytes, so count from what it had written when
    // this request got it (node:http writes the request only after the 'socket' event); bytes still
    // queued count as written, since from outside the kernel sent and about to be sent look alike.
    let socket: net.Socket | undefined;
    let writtenBefore = 0;
    let handedOver = false;
    req.once("finish", () => (handedOver = true));
    const provablyUnwritten = (code: string | undefined) =>
      NOT_CONNECTED.has(code ?? "") ||
      (connected && !handedOver && socket !== undefined && socket.bytesWritten === writtenBefore);
    const fail = (kind: TransportError["kind"]) => {
      const error = new TransportError(kind, kind !== "connect_timeout" && !provablyUnwritten(undefined), undefined);
      finish(error);
      req.destroy(error);
    };
    timers.push(setTimeout(() => fail("timeout"), request.timeoutMs));

    req.on("socket", (assigned) => {
      socket = assigned;
      writtenBefore = assigned.bytesWritten;
      if (!assigned.connecting) {
        connected = true;
        return;
      }
      timers.push(setTimeout(() => !connected && fail("connect_timeout"), request.connectTimeoutMs));
      assigned.once(request.url.protocol === "https:" ? "secureConnect" : "connect", () => {
        connected = true;
      });
    });

    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error instanceof TransportError) return finish(error);
      // Not Node's advice to resend on ECONNRESET of a reused socket: the vendor may have read and
      // applied the request before it closed the connection, and a resent create is a duplicate.
      finish(new TransportError("network", !provablyUnwritten(error.code), error.code, error));
    });

    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          finish(new TransportError("network", true, "EBODYTOOLARGE"));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on("error", (error: NodeJS.ErrnoException) => finish(new TransportError("network", true, error.code, error)));
      res.on("end", () =>
        finish(undefined, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });

    req.end(request.body);
  });
}
