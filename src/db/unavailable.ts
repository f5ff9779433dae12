/** Prisma's codes for a database it cannot reach, lost, timed out on, or got no pooled connection from. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The driver adapter's kinds of the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * PostgreSQL's admin shutdown, crash shutdown, starting up, and connection exceptions (08…). Bare
 * socket codes are left out: a vendor that cannot be reached has them too, and is not the database.
 */
const SQLSTATES = /^(57P0[123]|08\w{3})$/;
/** What pg says when a connection drops mid-query or none comes within its connect timeout. */
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i;

interface Failure {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } };
}

/**
 * Whether an error means the database is out of reach (down, restarting, network cut) rather than
 * that a query was wrong: work then waits for it to come back instead of failing.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const { code, message, cause, meta } = error as Failure;
  const adapter = meta?.driverAdapterError?.cause;
  if (typeof code === "string" && (PRISMA_CODES.has(code) || SQLSTATES.test(code))) return true;
  if (adapter && (ADAPTER_KINDS.has(adapter.kind ?? "") || SQLSTATES.test(adapter.code ?? ""))) return true;
  if (typeof message === "string" && MESSAGES.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
