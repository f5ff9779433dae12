import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type App,
  HTTPModuleFunctions,
  HTTPReceiver,
  type HTTPReceiverOptions,
  type ReceiverEvent,
  verifySlackRequest,
} from "@slack/bolt";
import { envelopeProblem, unheardEvent } from "./envelope";

/** Slack's window for a request's timestamp, either way: older is a replay, newer is forged or a broken clock. */
const MAX_SKEW_SECONDS = 5 * 60;

type Screened = { ok: true } | { ok: false; status: number; reason: string };

/**
 * Bolt's HTTP receiver, screened so that no request, however it is signed, can hurt the app.
 * Bolt 5.1 throws outside any handler on a signed body that is not an object (`payload=null`:
 * an unhandled rejection that ends the process), accepts timestamps from the future, and leaves
 * a request nobody acknowledged hanging for 3 seconds before a 404. Here every request to the
 * events endpoint is read, verified (both ways in time) and shape-checked before Bolt sees it,
 * and whatever Bolt's listeners leave unacknowledged is acknowledged when they are done.
 */
export class GuardedHTTPReceiver extends HTTPReceiver {
  constructor(
    options: HTTPReceiverOptions & {
      endpoints: string[];
      now?: () => number;
      /** OAuth mode: why no installation serves the request's workspace (answered 401), or undefined. */
      unserved?: (body: unknown) => Promise<string | undefined>;
    },
  ) {
    super(options);
    const bolt = this.requestListener;
    const { signingSecret, endpoints, bodyLimit } = options;
    const logger = options.logger;
    const now = options.now ?? Date.now;
    this.requestListener = (req, res) => {
      if (req.method !== "POST" || !endpoints.includes(new URL(req.url ?? "/", "http://localhost").pathname)) {
        return bolt(req, res);
      }
      screen(req, {
        signingSecret,
        bodyLimit: bodyLimit ?? HTTPModuleFunctions.defaultBodyLimit,
        now,
        unserved: options.unserved,
      })
        .then((screened) => {
          if (screened.ok) return bolt(req, res);
          if (screened.status >= 400) logger?.warn(`Refused a request to ${req.url}: ${screened.reason}`);
          return answer(res, screened.status);
        })
        .catch((error: unknown) => {
          logger?.error(`A request to ${req.url} failed before it reached the app: ${String(error)}`);
          answer(res, 400);
        });
    };
  }

  override init(app: App): void {
    super.init(acknowledgingWhenDone(app));
  }
}

async function screen(
  req: IncomingMessage,
  options: {
    signingSecret: string;
    bodyLimit: number | string;
    now: () => number;
    unserved: ((body: unknown) => Promise<string | undefined>) | undefined;
  },
): Promise<Screened> {
  let raw: Buffer;
  try {
    raw = (await HTTPModuleFunctions.bufferIncomingMessage(req, options.bodyLimit)).rawBody;
  } catch (error) {
    const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && (error as { statusCode: number }).statusCode === 413;
    return { ok: false, status: tooLarge ? 413 : 400, reason: tooLarge ? "body too large" : "unreadable body" };
  }
  const text = raw.toString();
  const form = req.headers["content-type"] === "application/x-www-form-urlencoded";
  // Slack's SSL check is unsigned; Bolt answers it and drops anything else in the body.
  if (form && new URLSearchParams(text).get("ssl_check") === "1") return { ok: true };
  const signature = req.headers["x-slack-signature"];
  const timestamp = Number(req.headers["x-slack-request-timestamp"]);
  if (typeof signature !== "string" || !Number.isInteger(timestamp)) {
    return { ok: false, status: 401, reason: "no signature or timestamp" };
  }
  const nowMs = options.now();
  if (Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS) {
    return { ok: false, status: 401, reason: "timestamp more than 5 minutes from now" };
  }
  try {
    verifySlackRequest({
      signingSecret: options.signingSecret,
      body: text,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
      nowMilliseconds: nowMs,
    });
  } catch {
    return { ok: false, status: 401, reason: "signature mismatch" };
  }
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(
      req as Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0],
    );
  } catch {
    return { ok: false, status: 400, reason: "body is not valid JSON" };
  }
  if (unheardEvent(body)) return { ok: false, status: 200, reason: "an event carebridge does not listen to" };
  const problem = envelopeProblem(body);
  if (problem) return { ok: false, status: 400, reason: problem };
  const unserved = await options.unserved?.(body);
  return unserved ? { ok: false, status: 401, reason: unserved } : { ok: true };
}

function answer(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status).end();
}

/**
 * Bolt resolves processEvent once every listener has finished. A request still unacknowledged
 * then (no listener matched, or one failed before its ack; the failure is logged by app.error)
 * is answered at once rather than by Bolt's 404 three seconds later.
 */
function acknowledgingWhenDone(app: App): App {
  const processEvent = async (event: ReceiverEvent) => {
    let acked = false;
    const ack: ReceiverEvent["ack"] = (response) => {
      acked = true;
      return event.ack(response);
    };
    await app.processEvent({ ...event, ack });
    if (!acked) await ack();
  };
  return Object.assign(Object.create(app) as App, { processEvent });
}
