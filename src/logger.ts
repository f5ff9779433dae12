import { type DestinationStream, pino, type Logger } from "pino";

export type { Logger };

/** Keys whose values never reach a log line, wherever they sit in the logged object. */
const SECRET_KEYS = [
  "token",
  "botToken",
  "appToken",
  "apiKey",
  "password",
  "temporaryPassword",
  "authorization",
  "signingSecret",
  // OAuth (many workspaces): oauth.v2.access's request and answer, as the Web API client logs them.
  "client_secret",
  "access_token",
  "refresh_token",
  "email",
  "businessEmail",
  "mobilePhone",
  "phone",
  "birthDate",
];

const redactPaths = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `headers.${k}`]);

// Bounded like real addresses (64 before the @): unbounded, a long run of letters without an @
// costs quadratic time, and a signed request of 300,000 of them stalled the process for minutes.
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,63}/g;
const PHONE = /\+?\d[\d\s().-]{7,}\d/g;
const DATE = /\b(19|20)\d{2}-\d{2}-\d{2}\b/g;
const BEARER = /(Bearer\s+|xox[abpr]-|xapp-)[A-Za-z0-9._-]+/g;
/** A secret key's value inside JSON text, which a line of a client library may carry whole. */
const SECRET_JSON = new RegExp(`("(?:${SECRET_KEYS.join("|")})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi");

/** For free text such as URLs and vendor messages, where a key-based redaction cannot reach. */
export function redactText(text: string): string {
  return text
    .replace(SECRET_JSON, '$1"[redacted]"')
    .replace(BEARER, "$1[redacted]")
    .replace(EMAIL, "[email]")
    .replace(DATE, "[date]")
    .replace(PHONE, "[phone]");
}

export function createLogger(options: { level: string; pretty: boolean; destination?: DestinationStream }): Logger {
  const settings = {
    level: options.level,
    redact: { paths: redactPaths, censor: "[redacted]" },
    ...(options.pretty
      ? { transport: { target: "pino-pretty", options: { colorize: true, ignore: "pid,hostname" } } }
      : {}),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** For tests and benchmarks: a logger that writes nothing. */
export const silentLogger: Logger = pino({ level: "silent" });
